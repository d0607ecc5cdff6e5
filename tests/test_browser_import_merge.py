"""An import never destroys newer work by surprise: it asks, then merges or replaces.

Before a valid file changes anything, the home page says what it holds and, per kind, how
much of this browser's data is newer than the file's or not in it; the reader merges (the
default: the newer of each checklist, set of answers and team codes, the saved results of
both), replaces, or cancels (nothing changes). The browser's clock is set, so "newer" is
certain.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from support.browser import (
    PREFIX,
    default_content,  # noqa: F401 (the content fixture)
    status,
    stored_entries,
)

from generator.content import Content
from generator.ui import DEFAULT_STRINGS

pytestmark = pytest.mark.browser

MONDAY = "2026-11-02T09:00:00.000Z"
TUESDAY = "2026-11-03T09:00:00.000Z"
WEDNESDAY = "2026-11-04T09:00:00.000Z"


def stored(page: Page) -> dict[str, Any]:
    """This site's entries with the dates of ticks and changes, which merging goes by."""
    return stored_entries(page, PREFIX, dates=True)


def export(page: Page, tmp_path: Path) -> Path:
    page.goto("")
    with page.expect_download() as download:
        page.get_by_role("button", name=DEFAULT_STRINGS["export"]).click()
    path = tmp_path / "export.json"
    download.value.save_as(path)
    return path


def tick(page: Page, items: list[str]) -> None:
    page.goto("practices/listen/")
    for item in items:
        page.locator(f"form.pb-checklist input[data-item='{item}']").check()


def save_health(page: Page, content: Content, value: int) -> None:
    health = content.health_check
    assert health is not None
    page.goto("health-check/")
    for dimension in health.model.dimensions:
        for question in dimension.questions:
            page.locator(f"input[name='health--{question.id}'][value='{value}']").check()
    page.get_by_role("button", name=DEFAULT_STRINGS["save_result"]).click()


@pytest.fixture
def worked(
    new_page: Callable[..., Page], content: Content, tmp_path: Path
) -> tuple[Page, Path, list[str]]:
    """Two ticks, answers and a saved result on Monday, exported; on Tuesday two more ticks and
    a second saved result, made after the export."""
    page = new_page(timezone_id="UTC")
    items = [item.id for item in content.practices["listen"].model.checklist]
    page.clock.set_fixed_time(MONDAY)
    tick(page, items[:2])
    save_health(page, content, 2)
    exported = export(page, tmp_path)
    page.clock.set_fixed_time(TUESDAY)
    tick(page, items[2:4])
    save_health(page, content, 4)
    page.goto("")
    return page, exported, items


def ask(page: Page, path: Path) -> Any:
    page.get_by_label(DEFAULT_STRINGS["import"]).set_input_files(path)
    question = page.get_by_role(
        "group", name=DEFAULT_STRINGS["import_ask"].format(date="November 2, 2026 at 09:00 AM")
    )
    expect(question).to_be_visible()
    return question


def test_the_import_says_what_it_would_change_and_merging_keeps_newer_work(
    worked: tuple[Page, Path, list[str]],
) -> None:
    page, exported, items = worked
    before = stored(page)
    question = ask(page, exported)
    # Per kind: what the file holds, and what of this browser's a replace would lose.
    expect(question.locator("li")).to_have_text(
        [
            "Checklists: 1 in the file; 1 newer in this browser or not in the file",
            "Answers: 1 in the file; 1 newer in this browser or not in the file",
            "Saved results: 1 in the file; 1 in this browser only",
        ]
    )
    assert stored(page) == before  # nothing has changed yet
    # Merging is the default: it has the focus.
    merge = question.get_by_role("button", name=DEFAULT_STRINGS["import_merge"])
    expect(merge).to_be_focused()
    page.keyboard.press("Enter")
    expect(question).to_have_count(0)
    expect(status(page)).to_have_text(DEFAULT_STRINGS["imported_merged"].format(count=0))
    # The ticks made after the export survive, and both saved results are there.
    assert stored(page) == before
    expect(page.locator(".pb-overview__item[data-practice='listen']")).to_contain_text(
        f"4 of {len(items)} done"
    )


def test_cancelling_changes_nothing_and_replacing_takes_the_file(
    worked: tuple[Page, Path, list[str]],
) -> None:
    page, exported, items = worked
    before = stored(page)
    question = ask(page, exported)
    question.get_by_role("button", name=DEFAULT_STRINGS["import_cancel"]).click()
    expect(status(page)).to_have_text(DEFAULT_STRINGS["import_cancelled"])
    assert stored(page) == before

    question = ask(page, exported)
    question.get_by_role("button", name=DEFAULT_STRINGS["import_replace"]).click()
    file_entries = json.loads(exported.read_text(encoding="utf-8"))["entries"]
    expect(status(page)).to_have_text(DEFAULT_STRINGS["imported"].format(count=len(file_entries)))
    assert stored(page) == file_entries
    expect(page.locator(".pb-overview__item[data-practice='listen']")).to_contain_text(
        f"2 of {len(items)} done"
    )


def test_merging_takes_what_is_newer_in_the_file_and_unites_saved_results(
    worked: tuple[Page, Path, list[str]], tmp_path: Path
) -> None:
    page, exported, items = worked
    data = json.loads(exported.read_text(encoding="utf-8"))
    entries = data["entries"]
    # The file's checklist changed on Wednesday, after this browser's; its saved result is
    # one this browser does not have.
    newer = {"done": [items[5]], "at": {items[5]: WEDNESDAY}, "changed": WEDNESDAY}
    entries["practice-checklist:listen"] = newer
    other = {**entries["health-history:health"]["results"][0], "date": WEDNESDAY, "about": "Sam"}
    entries["health-history:health"] = {"results": [other]}
    path = tmp_path / "newer.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    before = stored(page)
    question = ask(page, path)
    expect(question.locator("li")).to_have_text(
        [
            "Checklists: 1 in the file; 0 newer in this browser or not in the file",
            "Answers: 1 in the file; 1 newer in this browser or not in the file",
            "Saved results: 1 in the file; 2 in this browser only",
        ]
    )
    question.get_by_role("button", name=DEFAULT_STRINGS["import_merge"]).click()
    expect(status(page)).to_have_text(DEFAULT_STRINGS["imported_merged"].format(count=2))
    after = stored(page)
    assert after["practice-checklist:listen"] == newer
    assert (
        after["health-answers:health"] == before["health-answers:health"]
    )  # this browser's is newer
    results = after["health-history:health"]["results"]
    assert results == [*before["health-history:health"]["results"], other]  # oldest first


def result_file(tmp_path: Path, results: list[dict[str, Any]], **entries: Any) -> Path:
    """An export file of version 5 holding ``results`` as saved health check results."""
    path = tmp_path / "results.json"
    data = {
        "format": "playbook-progress",
        "version": 5,
        "site": "default",
        "exported": MONDAY,
        "entries": {"health-history:health": {"results": results}, **entries},
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def saved_result(date: str, overall: int) -> dict[str, Any]:
    return {"about": "", "date": date, "overall": overall, "dimensions": {"mutual-support": 50}}


def test_merging_a_full_history_keeps_every_result_of_this_browser(
    worked: tuple[Page, Path, list[str]], tmp_path: Path
) -> None:
    """1,000 saved results in a file (the most an entry holds): a merge keeps both of this
    browser's, adds the 998 newest of the file's, and the question says so first."""
    page, _exported, _items = worked
    ours = stored(page)["health-history:health"]["results"]
    assert len(ours) == 2
    start = datetime(2026, 9, 1, tzinfo=UTC)
    theirs = [
        saved_result(
            (start + timedelta(hours=n)).isoformat(timespec="milliseconds")[:-6] + "Z", n % 101
        )
        for n in range(1000)
    ]
    question = ask(page, result_file(tmp_path, theirs))
    expect(question.locator("li")).to_have_text(
        [
            "Checklists: 0 in the file; 1 newer in this browser or not in the file",
            "Answers: 0 in the file; 1 newer in this browser or not in the file",
            "Saved results: 1,000 in the file; 2 in this browser only, all kept by a merge, "
            "which leaves out the 2 oldest of the file's for want of room",
        ]
    )
    question.get_by_role("button", name=DEFAULT_STRINGS["import_merge"]).click()
    # The file's oldest two make room for this browser's two, which are newer than all of them.
    assert stored(page)["health-history:health"]["results"] == [*theirs[2:], *ours]


@pytest.mark.parametrize(
    "entries",
    [
        {},
        {
            "practice-answers:listen": {
                "answers": {"interrupt": 1},
                "changed": "2099-01-01T00:00:00Z",
            }
        },
        {"practice-checklist:listen": {"done": ["a"], "at": {"a": "2099-01-01T00:00:00Z"}}},
    ],
    ids=["results", "answers-changed", "tick"],
)
def test_a_file_dated_after_today_is_refused_and_changes_nothing(
    worked: tuple[Page, Path, list[str]], tmp_path: Path, entries: dict[str, Any]
) -> None:
    """Dates after this browser's clock (beyond a day for another computer's clock) would
    always count as newer and win every merge: such a file is refused."""
    page, _exported, _items = worked
    before = stored(page)
    results = [saved_result("2099-06-01T00:00:00.000Z", 70)] if not entries else []
    key = next(iter(entries), "health-history:health")
    page.get_by_label(DEFAULT_STRINGS["import"]).set_input_files(
        result_file(tmp_path, results, **entries)
    )
    expect(status(page)).to_have_text(DEFAULT_STRINGS["import_future"].format(key=key))
    expect(page.locator(".pb-import-ask")).to_have_count(0)
    assert stored(page) == before


def test_a_date_within_a_day_of_this_clock_is_accepted(
    worked: tuple[Page, Path, list[str]], tmp_path: Path
) -> None:
    page, _exported, _items = worked
    soon = "2026-11-04T08:00:00.000Z"  # the clock says Tuesday 09:00: 23 hours ahead
    question = ask(page, result_file(tmp_path, [saved_result(soon, 60)]))
    question.get_by_role("button", name=DEFAULT_STRINGS["import_merge"]).click()
    assert stored(page)["health-history:health"]["results"][-1] == saved_result(soon, 60)
