"""What the site keeps in the browser, in Chromium: each site's ticks apart from another's on the
same host; damaged, blocked or full storage; entries of an older or a newer storage version.

Damaged entries are discarded with a notice; blocked or full storage works for the visit, with
a notice, and keeps what the reader does in memory.

Version 1 kept each self-assessment's last result (score and band label) beside its answers;
version 2 keeps the answers only and computes the result wherever it shows, from the current
page's questions and bands. On every page the script moves this site's version 1 entries to
version 2 keys, discards those it cannot read with a notice, and leaves a newer version's
entries alone. Import files of version 1 are migrated the same way.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Page, Route, expect
from support.browser import (
    LISTEN,
    PageLog,
    ServedSite,
    build_for,
    checkbox,
    default_content,  # noqa: F401 (the content fixture)
    instant_navigation,
    seed,
    stored,
    stored_entries,
    undated,
)

from generator import schema
from generator.content import Content
from generator.project import load_project
from generator.scoring import band_for, percent_score
from generator.ui import DEFAULT_STRINGS, STORAGE_VERSION

pytestmark = pytest.mark.browser

SITE = "playbook:/default:"  # site root path and playbook name, before the version
V1 = SITE + "v1:"
V5 = SITE + "v5:"  # the present version
DISCARDED = (
    "Some progress saved by an earlier version of this site could not be carried over and was "
    "discarded."
)
NEWER = "Some progress was saved by a newer version of this site and is not shown here."
HISTORY = {
    "results": [
        {
            "date": "2024-05-01T09:00:00.000Z",
            "overall": 55,
            "dimensions": {
                "mutual-support": 50,
                "balanced-effort": 60,
                "open-communication": 55,
                "respect-for-boundaries": 55,
            },
        }
    ]
}
# The same results as the present version keeps them: saved before they said whom they are
# about, they are "unnamed".
HISTORY_NOW = {"results": [{**result, "about": ""} for result in HISTORY["results"]]}
# A band label that HTML and JSON both have to carry through attributes unchanged.
AWKWARD_LABEL = """Say "yes" & <mean> it, 'always'"""


def all_keys(page: Page) -> dict[str, str]:
    """Every playbook key in this browser's local storage, with its raw text."""
    raw: dict[str, str] = page.evaluate(
        """() => Object.fromEntries(Object.keys(localStorage)
            .filter((key) => key.startsWith('playbook:'))
            .map((key) => [key, localStorage.getItem(key)]))"""
    )
    return raw


def put(page: Page, entries: dict[str, str]) -> None:
    """Put raw text under full keys of this browser's local storage."""
    page.evaluate(
        "(entries) => Object.entries(entries).forEach(([k, v]) => localStorage.setItem(k, v))",
        entries,
    )


def seeded_once(entries: dict[str, str]) -> str:
    """An init script putting raw text under full keys before the first page's scripts run.

    Init scripts run on every load; a flag in session storage makes reloads leave things be.
    """
    return (
        "if (location.protocol === 'http:' && !sessionStorage.getItem('seeded')) {"
        f" for (const [k, v] of Object.entries({json.dumps(entries)})) localStorage.setItem(k, v);"
        " sessionStorage.setItem('seeded', 'yes'); }"
    )


def full_marks(questions: list[schema.Question], scale: schema.Scale) -> dict[str, int]:
    low, high = scale.points[0].value, scale.points[-1].value
    return {q.id: low if q.reverse else high for q in questions}


def mixed(questions: list[schema.Question], scale: schema.Scale) -> dict[str, int]:
    values = [point.value for point in scale.points]
    return {q.id: values[(3 * i + 1) % len(values)] for i, q in enumerate(questions)}


def expected_result(
    practice: schema.Practice, scale: schema.Scale, answers: dict[str, int]
) -> str:
    value = percent_score(answers, practice.assessment.questions, scale)
    label = band_for(value, practice.assessment.bands).label
    return f"Self-assessment: {value} out of 100, {label}"


def import_file(page: Page, tmp_path: Path, data: dict[str, Any]) -> None:
    path = tmp_path / "progress.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    page.get_by_label("Import data").set_input_files(path)


# --- ticks kept apart; damaged, blocked or full storage ------------------------------------------


def test_two_sites_on_one_host_keep_their_ticks_apart(
    page: Page, served_site: ServedSite, content: Content
) -> None:
    mirror = served_site.site_dir / "mirror"
    if not mirror.exists():
        shutil.copytree(served_site.site_dir, mirror, ignore=shutil.ignore_patterns("mirror"))
    items = [item.id for item in content.practices["listen"].model.checklist]
    page.goto(LISTEN)
    checkbox(page, items[0]).check()
    page.goto("mirror/" + LISTEN)
    expect(page.locator(".pb-progress__text")).to_have_text(f"0 of {len(items)} done")
    checkbox(page, items[1]).check()
    keys = page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('playbook:'))")
    assert sorted(keys) == [
        "playbook:/default:v5:practice-checklist:listen",
        "playbook:/mirror/default:v5:practice-checklist:listen",
    ]


def test_damaged_stored_data_is_discarded_with_a_notice(
    page: Page, content: Content, page_log: PageLog
) -> None:
    items = [item.id for item in content.practices["listen"].model.checklist]
    page.goto(LISTEN)
    seed(
        page,
        {
            "practice-checklist:listen": "{broken",
            "practice-answers:listen": json.dumps({"answers": {"q": "five"}}),
            "practice-checklist:grow": json.dumps({"done": [items[0]]}),
        },
    )
    expect(page.locator(".pb-notice")).to_have_text(DEFAULT_STRINGS["storage_damaged"])
    expect(page.locator(".pb-progress__text")).to_have_text(f"0 of {len(items)} done")
    assert stored(page) == {"practice-checklist:grow": {"done": [items[0]]}}
    checkbox(page, items[1]).check()
    assert stored(page)["practice-checklist:listen"] == {"done": [items[1]]}
    assert page_log.console_errors == []


BLOCKED_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); },
});
"""


def test_blocked_storage_works_for_the_visit_with_a_notice(
    new_page: Callable[..., Page], content: Content
) -> None:
    items = [item.id for item in content.practices["listen"].model.checklist]
    page = new_page(init_script=BLOCKED_STORAGE)
    page.goto(LISTEN)
    expect(page.locator(".pb-notice")).to_have_text(DEFAULT_STRINGS["storage_unavailable"])
    checkbox(page, items[0]).check()
    expect(page.locator(".pb-progress__text")).to_have_text(f"1 of {len(items)} done")
    instant_navigation(page, "practices/grow/")
    expect(page.locator(".pb-notice")).to_have_text(DEFAULT_STRINGS["storage_unavailable"])
    instant_navigation(page, LISTEN)
    expect(checkbox(page, items[0])).to_be_checked()  # kept in memory for the visit


FULL_STORAGE = """
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (key.endsWith(':probe')) return setItem.call(this, key, value);
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};
"""


def test_a_full_storage_keeps_working_for_the_visit_with_a_notice(
    new_page: Callable[..., Page], content: Content
) -> None:
    items = [item.id for item in content.practices["listen"].model.checklist]
    page = new_page(init_script=FULL_STORAGE)
    page.goto(LISTEN)
    expect(page.locator(".pb-notice")).to_have_count(0)
    checkbox(page, items[0]).check()
    expect(page.locator(".pb-notice")).to_have_text(DEFAULT_STRINGS["storage_unavailable"])
    checkbox(page, items[1]).check()
    expect(page.locator(".pb-progress__text")).to_have_text(f"2 of {len(items)} done")


# --- version 1 entries are migrated --------------------------------------------------------------


def test_version_3_entries_gain_the_dates_of_when_they_are_carried_over(
    new_page: Callable[..., Page], content: Content
) -> None:
    """Ticks, answers and team codes of version 3 had no dates: they take the moment they are
    carried over, so a weekly tick counts until that week is over."""
    listen = content.practices["listen"].model
    weekly = next(i.id for i in listen.checklist if i.cadence == "weekly")
    once = next(i.id for i in listen.checklist if i.cadence == "once")
    v3 = SITE + "v3:"
    page = new_page(
        timezone_id="UTC",
        init_script=seeded_once(
            {
                v3 + "checklist:listen": json.dumps({"done": sorted([weekly, once])}),
                v3 + "answers:listen": json.dumps({"answers": {"interrupt": 2}}),
                v3 + "team:health": json.dumps({"text": "1a2b-00-0000"}),
            }
        ),
    )
    moment = "2026-12-02T10:00:00.000Z"
    page.clock.set_fixed_time(moment)
    page.goto("practices/listen/")
    expect(page.locator(f"input[data-item='{weekly}']")).to_be_checked()
    assert stored_entries(page, V5, dates=True) == {
        "practice-checklist:listen": {
            "done": sorted([weekly, once]),
            "at": {weekly: moment, once: moment},
            "changed": moment,
        },
        "practice-answers:listen": {"answers": {"interrupt": 2}, "changed": moment},
        "team-codes:health": {"text": "1a2b-00-0000", "changed": moment},
    }
    assert [key for key in all_keys(page) if not key.startswith(V5)] == []
    # The next Monday the weekly tick has lapsed; the one-off tick stays.
    page.clock.set_fixed_time("2026-12-07T08:00:00.000Z")
    page.reload()
    expect(page.locator(f"input[data-item='{weekly}']")).not_to_be_checked()
    expect(page.locator(f"input[data-item='{once}']")).to_be_checked()


def test_version_4_entries_move_to_keys_named_by_what_they_belong_to(
    new_page: Callable[..., Page], content: Content
) -> None:
    """Version 4 kept a practice's answers and the health check's under one kind, so that a
    practice called "health" wrote over the health check's: version 5 names each kind after
    what it belongs to, and carries every entry over unchanged."""
    listen = content.practices["listen"].model
    tick = next(item.id for item in listen.checklist if item.cadence == "once")
    when = "2026-11-30T10:00:00.000Z"
    v4 = SITE + "v4:"
    entries = {
        "checklist:listen": {"done": [tick], "at": {tick: when}, "changed": when},
        "answers:listen": {"answers": {"interrupt": 2}, "changed": when},
        "answers:health": {"answers": {"help-each-other": 3}, "changed": when},
        "history:health": HISTORY_NOW,
        "team:health": {"text": "1a2b-00-0000", "changed": when},
        "teamhistory:health": {"results": []},
    }
    page = new_page(
        init_script=seeded_once({v4 + key: json.dumps(value) for key, value in entries.items()})
    )
    page.goto(LISTEN)
    expect(checkbox(page, tick)).to_be_checked()
    assert stored_entries(page, V5, dates=True) == {
        "practice-checklist:listen": entries["checklist:listen"],
        "practice-answers:listen": entries["answers:listen"],
        "health-answers:health": entries["answers:health"],
        "health-history:health": HISTORY_NOW,
        "team-codes:health": entries["team:health"],
        "team-history:health": {"results": []},
    }
    assert [key for key in all_keys(page) if not key.startswith(V5)] == []
    expect(page.locator(".pb-notice")).to_have_count(0)


def test_the_upgrades_load_only_where_there_is_older_data_and_keep_what_is_done_meanwhile(
    new_page: Callable[..., Page], content: Content
) -> None:
    """A browser with nothing older never loads the upgrades' script. One with an older
    version's tick loads it once, and a tick made while it loads is kept beside the older one."""
    once = [
        item.id for item in content.practices["listen"].model.checklist if item.cadence == "once"
    ]
    total = len(content.practices["listen"].model.checklist)
    when = "2026-11-30T10:00:00.000Z"
    page = new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url.rsplit("/", 1)[-1]))
    page.goto(LISTEN)
    expect(page.locator(".pb-progress__text")).to_have_text(f"0 of {total} done")
    assert "playbook-practice.js" in requested
    assert "playbook-upgrades.js" not in requested

    older = {"done": [once[0]], "at": {once[0]: when}, "changed": when}
    put(page, {SITE + "v4:checklist:listen": json.dumps(older)})
    held: list[Route] = []
    page.route("**/playbook-upgrades.js", lambda route: held.append(route))
    page.reload(wait_until="domcontentloaded")
    checkbox(page, once[1]).check()
    expect(page.locator(".pb-progress")).to_have_count(0)  # not set up until carried over
    assert len(held) == 1
    held[0].continue_()
    expect(page.locator(".pb-progress__text")).to_have_text(f"2 of {total} done")
    expect(checkbox(page, once[0])).to_be_checked()
    assert stored(page) == {"practice-checklist:listen": {"done": sorted(once[:2])}}
    assert [key for key in all_keys(page) if not key.startswith(V5)] == []
    assert requested.count("playbook-upgrades.js") == 1


def test_version_1_entries_are_migrated_and_shown_with_a_computed_result(
    new_page: Callable[..., Page], content: Content
) -> None:
    listen = content.practices["listen"].model
    scale = content.scales[listen.assessment.scale]
    ticks = [listen.checklist[0].id, listen.checklist[2].id]
    answers = mixed(listen.assessment.questions, scale)
    health_answers = {"help-offered-when-stuck": 4}
    page = new_page(
        init_script=seeded_once(
            {
                V1 + "checklist:listen": json.dumps({"done": ticks}),
                # The stored result is stale: the score is computed again from the answers.
                V1 + "answers:listen": json.dumps(
                    {"answers": answers, "result": {"score": 3, "band": "Old label"}}
                ),
                V1 + "answers:health": json.dumps({"answers": health_answers}),
                V1 + "history:health": json.dumps(HISTORY),
            }
        )
    )
    page.goto("")
    migrated = {
        "practice-checklist:listen": {"done": ticks},
        "practice-answers:listen": {"answers": answers},
        "health-answers:health": {"answers": health_answers},
        "health-history:health": HISTORY_NOW,
    }
    row = page.locator(".pb-overview__item[data-practice='listen']")
    expect(row).to_contain_text(f"2 of {len(listen.checklist)} done")
    expect(row.locator(".pb-overview__score")).to_have_text(
        expected_result(listen, scale, answers)
    )
    assert stored(page) == migrated
    assert [key for key in all_keys(page) if not key.startswith(V5)] == []
    expect(page.locator(".pb-notice")).to_have_count(0)

    page.goto(LISTEN)
    for item in listen.checklist:
        box = page.locator(f"form.pb-checklist input[data-item='{item.id}']")
        expect(box).to_be_checked(checked=item.id in ticks)
    for question_id, value in answers.items():
        expect(
            page.locator(f"input[name='listen--{question_id}'][value='{value}']")
        ).to_be_checked()
    expected = percent_score(answers, listen.assessment.questions, scale)
    expect(page.locator(".pb-result__score")).to_have_text(f"Your score: {expected} out of 100")

    page.goto("health-check/")
    expect(page.locator(".pb-history li")).to_have_count(1)
    expect(page.locator(".pb-health__count")).to_contain_text("1 of ")
    # Showing the result writes nothing back, and running again finds nothing left to do.
    page.reload()
    assert stored(page) == migrated
    assert sorted(all_keys(page)) == sorted(V5 + key for key in migrated)


def test_entries_an_older_copy_writes_meanwhile_move_on_the_next_page_change(
    page: Page, content: Content
) -> None:
    grow = content.practices["grow"].model
    listen = content.practices["listen"].model
    page.goto(LISTEN)
    page.locator(f"input[data-item='{listen.checklist[0].id}']").check()
    page.evaluate("window.__sameDocument = 'yes'")
    # As an older copy of the site open in another tab would store them. Where this version
    # already keeps an entry, that entry wins.
    put(
        page,
        {
            V1 + "checklist:grow": json.dumps({"done": [grow.checklist[1].id]}),
            V1 + "checklist:listen": json.dumps({"done": [listen.checklist[1].id]}),
        },
    )
    instant_navigation(page, "practices/grow/")
    assert page.evaluate("window.__sameDocument") == "yes"
    expect(page.locator(f"input[data-item='{grow.checklist[1].id}']")).to_be_checked()
    expect(page.locator(".pb-progress__text")).to_have_text(f"1 of {len(grow.checklist)} done")
    assert stored(page) == {
        "practice-checklist:grow": {"done": [grow.checklist[1].id]},
        "practice-checklist:listen": {"done": [listen.checklist[0].id]},
    }
    assert [key for key in all_keys(page) if not key.startswith(V5)] == []
    expect(page.locator(".pb-notice")).to_have_count(0)


def test_version_1_entries_that_cannot_be_read_are_discarded_with_a_notice(
    new_page: Callable[..., Page], content: Content, page_log: PageLog
) -> None:
    assert DEFAULT_STRINGS["storage_migrated_discarded"] == DISCARDED
    grow = content.practices["grow"].model
    listen = content.practices["listen"].model
    page = new_page(
        init_script=seeded_once(
            {
                V1 + "checklist:listen": "{broken",
                V1 + "answers:grow": json.dumps(
                    {
                        "answers": {"ask-about-aspirations": 3},
                        "result": {"score": 500, "band": "x"},
                    }
                ),
                V1 + "answers:boundaries": json.dumps({"answers": {"limits": "five"}}),
                V1 + "history:health": json.dumps({"results": "none"}),
                V1 + "checklist:Not_A_Slug": json.dumps({"done": []}),
                V1 + "checklist:grow": json.dumps({"done": [grow.checklist[0].id]}),
                V1 + "answers:appreciate": json.dumps(
                    {"answers": {"thank-promptly": 3}, "result": {"score": 50, "band": "B"}}
                ),
            }
        )
    )
    page.goto(LISTEN)
    expect(page.locator(".pb-notice")).to_have_text([DISCARDED])
    expect(page.locator(".pb-progress__text")).to_have_text(f"0 of {len(listen.checklist)} done")
    assert stored(page) == {
        "practice-checklist:grow": {"done": [grow.checklist[0].id]},
        "practice-answers:appreciate": {"answers": {"thank-promptly": 3}},
    }
    assert [key for key in all_keys(page) if not key.startswith(V5)] == []
    # Discarded once: the next page has nothing left to discard.
    instant_navigation(page, "practices/grow/")
    expect(page.locator(f"input[data-item='{grow.checklist[0].id}']")).to_be_checked()
    expect(page.locator(".pb-notice")).to_have_count(0)
    assert page_log.console_errors == []


# --- a newer version's entries are left alone ----------------------------------------------------


def test_a_newer_versions_entries_stay_untouched_and_the_page_works_with_a_notice(
    new_page: Callable[..., Page], content: Content, page_log: PageLog, tmp_path: Path
) -> None:
    assert DEFAULT_STRINGS["storage_newer"] == NEWER
    items = [item.id for item in content.practices["listen"].model.checklist]
    untouched = {
        SITE + "v6:practice-checklist:listen": json.dumps({"ticks": {"all": True}}),
        SITE + "v6:settings": "not JSON at all",
        SITE + "v10:answers:listen": "{}",
        # Another site's older entries on the same host are that site's business.
        "playbook:/mirror/default:v1:checklist:listen": json.dumps({"done": [items[3]]}),
    }
    page = new_page(
        init_script=seeded_once(
            {**untouched, V5 + "practice-checklist:listen": json.dumps({"done": [items[0]]})}
        )
    )
    page.goto(LISTEN)
    expect(page.locator(".pb-notice")).to_have_text([NEWER])
    expect(page.locator(f"input[data-item='{items[0]}']")).to_be_checked()
    page.locator(f"input[data-item='{items[1]}']").check()
    expect(page.locator(".pb-progress__text")).to_have_text(f"2 of {len(items)} done")

    page.goto("")
    expect(page.locator(".pb-notice")).to_have_text([NEWER])
    expect(page.locator(".pb-overview__item").first).to_contain_text(f"2 of {len(items)} done")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export my data").click()
    exported = tmp_path / "export.json"
    download.value.save_as(exported)
    assert undated(json.loads(exported.read_text(encoding="utf-8"))["entries"]) == {
        "practice-checklist:listen": {"done": sorted(items[:2])}
    }
    assert stored(page) == {"practice-checklist:listen": {"done": sorted(items[:2])}}
    assert {k: v for k, v in all_keys(page).items() if not k.startswith(V5)} == untouched
    assert page_log.console_errors == []


def test_blocked_storage_has_nothing_to_migrate_and_works_for_the_visit(
    new_page: Callable[..., Page], content: Content
) -> None:
    blocked = """Object.defineProperty(window, 'localStorage', {configurable: true,
        get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); },
    });"""
    items = [item.id for item in content.practices["listen"].model.checklist]
    page = new_page(init_script=blocked)
    page.goto("")
    expect(page.locator(".pb-notice")).to_have_text([DEFAULT_STRINGS["storage_unavailable"]])
    expect(page.locator(".pb-overview__score").first).to_have_text(
        DEFAULT_STRINGS["assessment_none"]
    )
    page.goto(LISTEN)
    page.locator(f"input[data-item='{items[0]}']").check()
    expect(page.locator(".pb-progress__text")).to_have_text(f"1 of {len(items)} done")
    expect(page.locator(".pb-notice")).to_have_text([DEFAULT_STRINGS["storage_unavailable"]])


# --- export files ---------------------------------------------------------------------------


def test_a_version_1_export_file_is_imported_migrated(
    page: Page, content: Content, tmp_path: Path
) -> None:
    listen = content.practices["listen"].model
    scale = content.scales[listen.assessment.scale]
    answers = mixed(listen.assessment.questions, scale)
    ticks = [listen.checklist[1].id]
    page.goto("")
    put(page, {V5 + "practice-checklist:grow": json.dumps({"done": ["replaced-by-the-import"]})})
    import_file(
        page,
        tmp_path,
        {
            "format": "playbook-progress",
            "version": 1,
            "site": "default",
            "exported": "2024-05-02T10:00:00.000Z",
            "entries": {
                "checklist:listen": {"done": ticks},
                "answers:listen": {"answers": answers, "result": {"score": 1, "band": "Old"}},
                "history:health": HISTORY,
            },
        },
    )
    page.get_by_role("button", name=DEFAULT_STRINGS["import_replace"]).click()
    expect(page.locator(".pb-data .pb-status")).to_have_text("Imported 3 saved items.")
    assert stored(page) == {
        "practice-checklist:listen": {"done": ticks},
        "practice-answers:listen": {"answers": answers},
        "health-history:health": HISTORY_NOW,
    }
    row = page.locator(".pb-overview__item[data-practice='listen']")
    expect(row.locator(".pb-overview__score")).to_have_text(
        expected_result(listen, scale, answers)
    )

    with page.expect_download() as download:
        page.get_by_role("button", name="Export my data").click()
    exported = tmp_path / "export.json"
    download.value.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["version"] == STORAGE_VERSION
    assert data["entries"] == stored_entries(page, V5, dates=True)


@pytest.mark.parametrize(
    ("version", "entries", "message"),
    [
        (6, {}, DEFAULT_STRINGS["import_version"].format(version=6)),
        ("2", {}, DEFAULT_STRINGS["import_version"].format(version=2)),
        (0, {}, DEFAULT_STRINGS["import_version"].format(version=0)),
        (
            1,
            {
                "answers:listen": {
                    "answers": {"interrupt": 2},
                    "result": {"score": 101, "band": "x"},
                }
            },
            DEFAULT_STRINGS["import_damaged"].format(key="answers:listen"),
        ),
        (
            2,
            {
                "answers:listen": {
                    "answers": {"interrupt": 2},
                    "result": {"score": 10, "band": "x"},
                }
            },
            DEFAULT_STRINGS["import_damaged"].format(key="answers:listen"),
        ),
        (
            2,
            {"constructor:listen": {"done": []}},
            DEFAULT_STRINGS["import_damaged"].format(key="constructor:listen"),
        ),
    ],
    ids=[
        "newer-version",
        "version-as-text",
        "version-0",
        "v1-bad-result",
        "v2-with-a-result",
        "unknown-kind",
    ],
)
def test_an_export_file_of_an_unknown_version_or_shape_changes_nothing(
    page: Page, tmp_path: Path, version: Any, entries: dict[str, Any], message: str
) -> None:
    page.goto("")
    before = {V5 + "practice-checklist:listen": json.dumps({"done": ["a"]})}
    put(page, before)
    data = {"format": "playbook-progress", "version": version, "site": "default"}
    import_file(page, tmp_path, {**data, "entries": entries})
    expect(page.locator(".pb-data .pb-status")).to_have_text(message)
    assert all_keys(page) == before


# --- results follow the current questions and bands ---------------------------------------------


@dataclass(frozen=True)
class EditedSite:
    path: str  # relative to the served site's root
    prefix: str  # of its storage keys
    content: Content


@pytest.fixture(scope="module")
def edited_site(served_site: ServedSite, tmp_path_factory: pytest.TempPathFactory) -> EditedSite:
    """The default playbook after a coach's edits, built into the served folder's edited/.

    Listen's top band has a new label that quotes, angle brackets and an ampersand put to the
    test; grow has a new question, so answers given before it are incomplete.
    """
    project = tmp_path_factory.mktemp("edited") / "project"
    shutil.copytree(served_site.project, project)
    practices = project / "content" / "practices"
    listen = yaml.safe_load((practices / "listen.yaml").read_text(encoding="utf-8"))
    listen["assessment"]["bands"][-1]["label"] = AWKWARD_LABEL
    grow = yaml.safe_load((practices / "grow.yaml").read_text(encoding="utf-8"))
    grow["assessment"]["questions"].append(
        {"id": "ask-again-after-a-year", "text": "I ask again about people's goals every year."}
    )
    for name, data in [("listen", listen), ("grow", grow)]:
        (practices / f"{name}.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    site_dir = served_site.site_dir / "edited"
    if not site_dir.exists():
        build_for(project, site_dir, served_site.url("edited/"), served_site.engine)
    return EditedSite(
        "edited/", "playbook:/edited/default:v5:", load_project(project).content_for("default")
    )


def test_home_scores_stored_answers_with_the_current_questions_and_bands(
    page: Page, edited_site: EditedSite, content: Content
) -> None:
    listen = edited_site.content.practices["listen"].model
    assert listen.assessment.bands[-1].label == AWKWARD_LABEL
    scale = edited_site.content.scales[listen.assessment.scale]
    listen_answers = full_marks(listen.assessment.questions, scale)
    old_grow = content.practices["grow"].model.assessment.questions
    grow_questions = edited_site.content.practices["grow"].model.assessment.questions
    assert len(grow_questions) == len(old_grow) + 1
    page.goto(edited_site.path)
    put(
        page,
        {
            edited_site.prefix + "practice-answers:listen": json.dumps(
                {"answers": listen_answers}
            ),
            edited_site.prefix + "practice-answers:grow": json.dumps(
                {"answers": full_marks(old_grow, scale)}
            ),
        },
    )
    page.reload()

    def score_of(practice: str) -> Any:
        return page.locator(f".pb-overview__item[data-practice='{practice}'] .pb-overview__score")

    expect(score_of("listen")).to_have_text(f"Self-assessment: 100 out of 100, {AWKWARD_LABEL}")
    expect(score_of("grow")).to_have_text(
        f"{len(old_grow)} of {len(grow_questions)} statements answered."
    )
    expect(score_of("appreciate")).to_have_text(DEFAULT_STRINGS["assessment_none"])
