"""The reader's data in Chromium: export, delete and import, and imports that are bounded,
checked whole before anything is written and undone when storage refuses a write.

Export writes this site's entries to a file, "Delete all my data" asks first, and importing
the file puts back what was exported; a file that is not one of ours, of another site or
version, damaged or too large says why and changes nothing. (An import that would overwrite
newer work asks first and can merge: test_browser_import_merge.py.)

An import file holds at most MAX_ENTRIES entries in MAX_IMPORT bytes, each entry within its own
bounds (MAX_IDS ids, MAX_RESULTS saved results: the script's constants). Every entry is checked
before the first write; when storage refuses one (a full quota), what was written is taken back
and what was there before put back, and the message says so. Question, item and dimension ids
are slugs, so ``constructor`` is a valid one: it must not count as answered for a fresh reader,
and stored JSON with ``__proto__`` keys must be discarded without touching any prototype.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from support.browser import (
    LISTEN,
    ServedSite,
    answer,
    build_for,
    checkbox,
    default_content,  # noqa: F401 (the content fixture)
    seed,
    status,
    stored,
    undated,
)
from support.browser import words as message
from support.projects import write_minimal_project

from generator.content import Content
from generator.scripts import module_text
from generator.ui import DEFAULT_STRINGS

pytestmark = pytest.mark.browser

FORMAT = {"format": "playbook-progress", "version": 5, "site": "default"}
# The script's bounds (test_these_are_the_scripts_bounds keeps them in step).
LIMITS = {
    "MAX_IMPORT": "5 * 1024 * 1024",
    "MAX_ENTRIES": "2000",
    "MAX_IDS": "1000",
    "MAX_RESULTS": "1000",
}
MAX_IMPORT = 5 * 1024 * 1024
MAX_ENTRIES = 2000
MAX_IDS = 1000
MAX_RESULTS = 1000
DATE = "2024-05-01T09:00:00.000Z"
RESULT = {"about": "", "date": DATE, "overall": 50, "dimensions": {"open-communication": 50}}
# What the reader had before each import: it must be there, byte for byte, after a refused one.
BEFORE = {
    "practice-checklist:listen": {"done": ["ask-open-questions"]},
    "practice-answers:grow": {"answers": {"ask-about-aspirations": 4}},
}


def everything(page: Page) -> dict[str, str]:
    """All of this origin's local storage, raw: other sites' and other versions' keys too."""
    raw: dict[str, str] = page.evaluate(
        "() => Object.fromEntries(Object.keys(localStorage)"
        ".map((key) => [key, localStorage.getItem(key)]))"
    )
    return raw


def import_text(page: Page, tmp_path: Path, text: str) -> None:
    path = tmp_path / "progress.json"
    path.write_text(text, encoding="utf-8")
    page.get_by_label("Import data").set_input_files(path)


def import_data(page: Page, tmp_path: Path, data: Any) -> None:
    import_text(page, tmp_path, json.dumps(data))


def choose(page: Page, how: str) -> None:
    """Answer the question an import of a valid file asks first: merge, replace or cancel."""
    page.locator(f".pb-import-ask [data-pb-import-choice='{how}']").click()


def checklists(count: int) -> dict[str, Any]:
    """``count`` well-formed checklist entries."""
    return {f"practice-checklist:p{n}": {"done": ["an-item"]} for n in range(count)}


def listen_row(page: Page) -> Any:
    return page.locator(".pb-overview__item[data-practice='listen']")


@pytest.fixture
def home(page: Page) -> Page:
    """The home page with BEFORE stored."""
    page.goto("")
    seed(page, BEFORE)
    expect(listen_row(page)).to_contain_text("1 of ")
    return page


# --- export, delete, import ----------------------------------------------------------------------


def export_file(page: Page, tmp_path: Path) -> Path:
    with page.expect_download() as download:
        page.get_by_role("button", name="Export my data").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    return path


def test_export_clear_import_round_trip(page: Page, content: Content, tmp_path: Path) -> None:
    items = [item.id for item in content.practices["listen"].model.checklist]
    page.goto(LISTEN)
    checkbox(page, items[0]).check()
    question = content.practices["listen"].model.assessment.questions[0]
    answer(page, "listen", question.id, 4)
    before = stored(page)

    page.goto("")
    exported = export_file(page, tmp_path)
    assert re.fullmatch(r"default-progress-\d{4}-\d{2}-\d{2}\.json", exported.name)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "playbook-progress"
    assert data["version"] == 5
    assert data["site"] == "default"
    assert undated(data["entries"]) == before
    expect(page.locator(".pb-data .pb-status")).to_have_text("Exported 2 saved items.")

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete all my data").click()
    expect(page.locator(".pb-data .pb-status")).to_have_text(DEFAULT_STRINGS["cleared"])
    assert stored(page) == {}
    expect(page.locator(".pb-overview__item").first).to_contain_text(f"0 of {len(items)} done")

    page.get_by_label("Import data").set_input_files(exported)
    page.get_by_role("button", name=DEFAULT_STRINGS["import_replace"]).click()
    expect(page.locator(".pb-data .pb-status")).to_have_text("Imported 2 saved items.")
    assert stored(page) == before
    expect(page.locator(".pb-overview__item").first).to_contain_text(f"1 of {len(items)} done")


def test_clearing_asks_first_and_cancel_keeps_everything(page: Page) -> None:
    page.goto("")
    seed(page, {"practice-checklist:listen": json.dumps({"done": ["a"]})})
    messages: list[str] = []

    def dismiss(dialog: Any) -> None:
        messages.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    page.get_by_role("button", name="Delete all my data").click()
    assert messages == [DEFAULT_STRINGS["confirm_clear"]]
    assert stored(page) == {"practice-checklist:listen": {"done": ["a"]}}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", DEFAULT_STRINGS["import_not_json"]),
        ('{"format": "something-else", "entries": {}}', DEFAULT_STRINGS["import_wrong_format"]),
        (
            '{"format": "playbook-progress", "version": 99, "site": "default", "entries": {}}',
            DEFAULT_STRINGS["import_version"].format(version=99),
        ),
        (
            '{"format": "playbook-progress", "version": 1, "site": "peers", "entries": {}}',
            DEFAULT_STRINGS["import_other_site"].format(site="peers"),
        ),
        (
            '{"format": "playbook-progress", "version": 2, "site": "default", '
            '"entries": {"checklist:grow": {"done": "all"}}}',
            DEFAULT_STRINGS["import_damaged"].format(key="checklist:grow"),
        ),
    ],
    ids=["not-json", "wrong-format", "other-version", "other-site", "damaged-entry"],
)
def test_a_bad_import_file_says_why_and_changes_nothing(
    page: Page, tmp_path: Path, text: str, message: str
) -> None:
    page.goto("")
    seed(page, {"practice-checklist:listen": json.dumps({"done": ["a"]})})
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8")
    page.get_by_label("Import data").set_input_files(bad)
    expect(page.locator(".pb-data .pb-status")).to_have_text(message)
    assert stored(page) == {"practice-checklist:listen": {"done": ["a"]}}


def test_a_huge_import_file_is_refused_unread(page: Page, tmp_path: Path) -> None:
    page.goto("")
    seed(page, {"practice-checklist:listen": json.dumps({"done": ["a"]})})
    huge = tmp_path / "huge.json"
    huge.write_bytes(b" " * (5 * 1024 * 1024 + 1))
    page.get_by_label("Import data").set_input_files(huge)
    expect(page.locator(".pb-data .pb-status")).to_have_text(DEFAULT_STRINGS["import_too_large"])
    assert stored(page) == {"practice-checklist:listen": {"done": ["a"]}}


# --- bounds: checked before anything is written --------------------------------------------------


def test_these_are_the_scripts_bounds() -> None:
    script = module_text()
    for name, value in LIMITS.items():
        assert f"const {name} = {value};" in script, name


def test_132000_well_formed_entries_in_4_9_mb_are_refused_and_change_nothing(
    home: Page, tmp_path: Path
) -> None:
    # A version 4 file: its keys are shorter.
    entries = {f"checklist:p{n}": {"done": ["x"]} for n in range(132_000)}
    text = json.dumps({**FORMAT, "version": 4, "entries": entries})
    assert 4_800_000 < len(text.encode()) < MAX_IMPORT
    before = everything(home)
    import_text(home, tmp_path, text)
    expect(status(home)).to_have_text(message("import_too_many", count="132,000", limit="2,000"))
    assert everything(home) == before
    expect(listen_row(home)).to_contain_text("1 of ")


def test_one_entry_over_the_limit_is_refused_and_a_file_at_the_limit_imported(
    home: Page, tmp_path: Path
) -> None:
    before = everything(home)
    import_data(home, tmp_path, {**FORMAT, "entries": checklists(MAX_ENTRIES + 1)})
    expect(status(home)).to_have_text(message("import_too_many", count="2,001", limit="2,000"))
    assert everything(home) == before

    at_limit = checklists(MAX_ENTRIES)
    import_data(home, tmp_path, {**FORMAT, "entries": at_limit})
    choose(home, "replace")
    expect(status(home)).to_have_text(message("imported", count="2,000"))
    assert stored(home) == at_limit  # what the reader had is replaced, as the import says


def test_entries_at_their_own_bounds_are_imported(home: Page, tmp_path: Path) -> None:
    ids = [f"id-{n}" for n in range(MAX_IDS)]
    entries = {
        "practice-checklist:listen": {"done": ids},
        "practice-answers:listen": {"answers": dict.fromkeys(ids, 3)},
        "health-history:health": {
            "results": [
                {"about": "", "date": DATE, "overall": 50, "dimensions": dict.fromkeys(ids, 50)}
            ]
            + [RESULT] * (MAX_RESULTS - 1)
        },
    }
    import_data(home, tmp_path, {**FORMAT, "entries": entries})
    choose(home, "replace")
    expect(status(home)).to_have_text(message("imported", count=3))
    assert stored(home) == entries


# --- damaged files: a message from the interface strings, nothing changed ------------------------

TO_STRING = {"toString": "x"}
OVER = [f"id-{n}" for n in range(MAX_IDS + 1)]
LONG_KEY = "practice-checklist:" + "a" * 100
WRONG_FORMAT = message("import_wrong_format")


def with_entries(entries: Any, **fields: Any) -> dict[str, Any]:
    return {**FORMAT, **fields, "entries": entries}


def damaged(key: str, value: Any) -> tuple[dict[str, Any], str]:
    """A file whose one entry ``key`` is ``value``, and the message it gets."""
    return with_entries({key: value}), message("import_damaged", key=key)


def result(**fields: Any) -> dict[str, Any]:
    return {"health-history:health": {"results": [{**RESULT, **fields}]}}


DAMAGED_FILES: dict[str, tuple[Any, str]] = {
    "site-with-to-string": (with_entries({}, site=TO_STRING), WRONG_FORMAT),
    "site-a-number": (with_entries({}, site=7), WRONG_FORMAT),
    "site-a-list": (with_entries({}, site=["default"]), WRONG_FORMAT),
    "site-very-long": (
        with_entries({}, site="x" * 5000),
        message("import_other_site", site="x" * 39 + "…"),
    ),
    "entries-null": (with_entries(None), WRONG_FORMAT),
    "entries-a-list": (with_entries([["practice-checklist:listen", {"done": []}]]), WRONG_FORMAT),
    "entries-text": (with_entries("practice-checklist:listen"), WRONG_FORMAT),
    "entries-missing": (FORMAT, WRONG_FORMAT),
    "format-with-to-string": (with_entries({}, format=TO_STRING), WRONG_FORMAT),
    "file-a-list": ([with_entries({})], WRONG_FORMAT),
    "file-null": (None, WRONG_FORMAT),
    "file-text": ("playbook-progress", WRONG_FORMAT),
    "version-as-text": (with_entries({}, version="2"), message("import_version", version="2")),
    "version-1.5": (with_entries({}, version=1.5), message("import_version", version="1.5")),
    "version-with-to-string": (with_entries({}, version=TO_STRING), WRONG_FORMAT),
    "version-nested": (with_entries({}, version=[[[[2]]]]), WRONG_FORMAT),
    "version-missing": (
        {"format": FORMAT["format"], "site": "default", "entries": {}},
        WRONG_FORMAT,
    ),
    "entry-null": damaged("practice-checklist:listen", None),
    "entry-text": damaged("practice-checklist:listen", "done"),
    "entry-number": damaged("practice-answers:listen", 3),
    "entry-a-list": damaged("practice-checklist:listen", ["a"]),
    "done-numbers": damaged("practice-checklist:listen", {"done": [123]}),
    "done-nested-list": damaged("practice-checklist:listen", {"done": [["a"]]}),
    "done-with-to-string": damaged("practice-checklist:listen", {"done": [TO_STRING]}),
    "done-an-object": damaged("practice-checklist:listen", {"done": {"a": True}}),
    "checklist-extra-key": damaged("practice-checklist:listen", {"done": [], "x": 1}),
    "checklist-proto-key": damaged(
        "practice-checklist:listen", json.loads('{"done": [], "__proto__": {"done": ["a"]}}')
    ),
    "answer-text": damaged("practice-answers:listen", {"answers": {"a": "3"}}),
    "answer-nested": damaged("practice-answers:listen", {"answers": {"a": {"b": 1}}}),
    "answer-proto": damaged("practice-answers:listen", {"answers": {"__proto__": 1}}),
    "answers-a-list": damaged("practice-answers:listen", {"answers": [3, 4]}),
    "history-date-to-string": damaged(
        "health-history:health", result(date=TO_STRING)["health-history:health"]
    ),
    "history-not-a-date": damaged(
        "health-history:health", result(date="soon")["health-history:health"]
    ),
    "history-score-text": damaged(
        "health-history:health", result(overall="50")["health-history:health"]
    ),
    "history-dimension-proto": damaged(
        "health-history:health", result(dimensions={"__proto__": 50})["health-history:health"]
    ),
    "history-extra-key": damaged("health-history:health", result(x=1)["health-history:health"]),
    "key-proto": damaged("__proto__", {"done": []}),
    "key-to-string": damaged("toString:listen", {"done": []}),
    "key-three-parts": damaged("practice-checklist:listen:x", {"done": []}),
    "key-very-long": (
        with_entries({LONG_KEY + ":x": {"done": []}}),
        message("import_damaged", key=LONG_KEY[:39] + "…"),
    ),
    # Within MAX_ENTRIES, but one entry over its own bound: the good one before it is not written.
    "done-over-bound": (
        with_entries(
            {"practice-checklist:grow": {"done": []}, "practice-checklist:listen": {"done": OVER}}
        ),
        message("import_damaged", key="practice-checklist:listen"),
    ),
    "answers-over-bound": damaged("practice-answers:listen", {"answers": dict.fromkeys(OVER, 3)}),
    "history-over-bound": damaged(
        "health-history:health", {"results": [RESULT] * (MAX_RESULTS + 1)}
    ),
    "dimensions-over-bound": damaged(
        "health-history:health",
        result(dimensions=dict.fromkeys(OVER, 50))["health-history:health"],
    ),
}


@pytest.mark.parametrize(
    ("data", "expected"), list(DAMAGED_FILES.values()), ids=list(DAMAGED_FILES)
)
def test_a_damaged_file_gives_its_message_and_changes_nothing(
    home: Page, tmp_path: Path, data: Any, expected: str
) -> None:
    before = everything(home)
    import_data(home, tmp_path, data)
    expect(status(home)).to_have_text(expected)
    assert everything(home) == before
    # No prototype was touched on the way.
    assert home.evaluate("() => Object.keys(Object.prototype).length + ('done' in {})") == 0


def test_a_file_that_cannot_be_read_changes_nothing(home: Page, tmp_path: Path) -> None:
    # Only the chosen file fails to read: other readers of blobs in the page go on as before.
    home.evaluate(
        """() => {
          const text = Blob.prototype.text;
          Blob.prototype.text = function () {
            return this.name === "progress.json"
              ? Promise.reject(new DOMException("The file changed.", "NotReadableError"))
              : text.call(this);
          };
        }"""
    )
    before = everything(home)
    import_data(home, tmp_path, {**FORMAT, "entries": {}})
    expect(status(home)).to_have_text(message("import_unreadable"))
    assert everything(home) == before


# --- storage refuses part of an import: it is undone ---------------------------------------------

# After `allowed` more successful writes every write throws, as a full quota does.
FAIL_AFTER = """(allowed) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
        if (allowed <= 0) throw new DOMException('Quota exceeded.', 'QuotaExceededError');
        allowed -= 1;
        return setItem.call(this, key, value);
    };
}"""


def test_a_real_full_quota_midway_is_undone_and_said(home: Page, tmp_path: Path) -> None:
    # Another application on this origin holds most of Chromium's quota (about 5.2 million
    # characters); the file is well within the import's own bounds but does not fit beside it.
    home.evaluate("() => localStorage.setItem('another-app:cache', 'x'.repeat(3000000))")
    before = everything(home)
    entries = {"practice-checklist:listen": {"done": ["imported-tick"]}}
    entries |= {
        f"practice-checklist:p{n}": {"done": [f"an-item-id-{i:08d}" for i in range(100)]}
        for n in range(1000)
    }
    text = json.dumps({**FORMAT, "entries": entries})
    assert len(text.encode()) < MAX_IMPORT
    import_text(home, tmp_path, text)
    choose(home, "replace")
    expect(status(home)).to_have_text(message("import_failed"))
    assert everything(home) == before
    expect(home.locator(".pb-notice")).to_have_count(0)  # storage still works
    expect(listen_row(home)).to_contain_text("1 of ")


def test_storage_failing_after_some_writes_leaves_exactly_what_was_there(
    home: Page, tmp_path: Path
) -> None:
    before = everything(home)
    home.evaluate(FAIL_AFTER, 2)
    # None of BEFORE's keys: taking back the two written entries needs no write at all.
    entries = checklists(5)
    import_data(home, tmp_path, {**FORMAT, "entries": entries})
    choose(home, "replace")
    expect(status(home)).to_have_text(message("import_failed"))
    assert everything(home) == before
    expect(listen_row(home)).to_contain_text("1 of ")


def test_when_even_putting_back_fails_the_message_says_so_and_the_visit_keeps_the_data(
    home: Page, tmp_path: Path
) -> None:
    home.evaluate(FAIL_AFTER, 1)
    # The first entry overwrites the reader's; the second fails, and so does putting it back.
    entries = {
        "practice-checklist:listen": {"done": ["imported-tick"]},
        "practice-checklist:grow": {"done": []},
    }
    import_data(home, tmp_path, {**FORMAT, "entries": entries})
    choose(home, "replace")
    expect(status(home)).to_have_text(message("import_failed_unsaved"))
    expect(home.locator(".pb-notice")).to_have_text([DEFAULT_STRINGS["storage_unavailable"]])
    expect(listen_row(home)).to_contain_text("1 of ")
    with home.expect_download() as download:
        home.get_by_role("button", name="Export my data").click()
    exported = tmp_path / "export.json"
    download.value.save_as(exported)
    assert json.loads(exported.read_text(encoding="utf-8"))["entries"] == BEFORE


# --- ids that are names of Object.prototype's properties ----------------------------------------

TINY = "own-properties/"
TINY_PREFIX = "playbook:/own-properties/default:v5:"


@pytest.fixture(scope="module")
def tiny_site(served_site: ServedSite, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The small test project with a question, an item and a dimension called ``constructor``
    (a slug, so a valid id), served under own-properties/. Its script's "progress" string
    carries a ``{constructor}`` placeholder, which has no value and stays as it is: validate
    refuses it in a playbook's strings (it is not the English text's), so it is written into
    the built script's settings."""
    project = write_minimal_project(tmp_path_factory.mktemp("own-properties") / "project")
    practice = ["first-question", "first-item"]
    replacements = {
        "content/practices/alpha.yaml": practice,
        "content/practices/beta.yaml": practice,
        "content/health-check.yaml": ["mutual-support", "help-each-other"],
    }
    for relative, old_ids in replacements.items():
        path = project / relative
        text = path.read_text(encoding="utf-8")
        for old in old_ids:
            assert f"id: {old}" in text
            text = text.replace(f"id: {old}", "id: constructor")
        path.write_text(text, encoding="utf-8")
    site_dir = served_site.site_dir / "own-properties"
    if site_dir.exists():
        shutil.rmtree(site_dir)
    build_for(project, site_dir, served_site.url(TINY), served_site.engine)
    script = site_dir / "assets" / "playbook.js"
    line, rest = script.read_text(encoding="utf-8").split("\n", 1)
    config = json.loads(line.removeprefix("window.PLAYBOOK_CONFIG = ").removesuffix(";"))
    config["strings"]["progress"] = "{done} of {total} done {constructor}"
    script.write_text(f"window.PLAYBOOK_CONFIG = {json.dumps(config)};\n{rest}", encoding="utf-8")
    return TINY


def test_a_question_called_constructor_is_not_answered_for_a_fresh_reader(
    page: Page, tiny_site: str
) -> None:
    page.goto(tiny_site)
    alpha = page.locator(".pb-overview__item[data-practice='alpha']")
    expect(alpha.locator(".pb-overview__score")).to_have_text(DEFAULT_STRINGS["assessment_none"])
    expect(alpha).to_contain_text("0 of 2 done {constructor}")

    page.goto(tiny_site + "practices/alpha/")
    expect(page.locator(".pb-result__count")).to_have_text("0 of 2 statements answered.")
    expect(page.locator(".pb-result__score")).to_have_count(0)
    expect(page.locator(".pb-progress__text")).to_have_text("0 of 2 done {constructor}")
    expect(page.locator("input[data-item='constructor']")).not_to_be_checked()
    page.locator("input[name='alpha--constructor'][value='3']").check()
    expect(page.locator(".pb-result__count")).to_have_text("1 of 2 statements answered.")
    expect(page.locator(".pb-result__score")).to_have_count(0)
    page.locator("input[name='alpha--second-question'][value='1']").check()  # reverse-scored
    expect(page.locator(".pb-result__score")).to_have_text("Your score: 100 out of 100")
    page.locator("input[data-item='constructor']").check()
    expect(page.locator(".pb-progress__text")).to_have_text("1 of 2 done {constructor}")
    assert stored(page, TINY_PREFIX) == {
        "practice-answers:alpha": {"answers": {"constructor": 3, "second-question": 1}},
        "practice-checklist:alpha": {"done": ["constructor"]},
    }

    page.goto(tiny_site + "health-check/")
    expect(page.locator(".pb-health__count")).to_have_text("0 of 2 statements answered.")
    expect(page.get_by_role("button", name="Save this result")).to_be_disabled()
    # A saved result from before "constructor" was a dimension: it has no score to compare with.
    earlier = {"about": "", "date": DATE, "overall": 100, "dimensions": {"balanced-effort": 100}}
    seed(page, {"health-history:health": {"results": [earlier]}}, TINY_PREFIX)
    page.locator("input[name='health--constructor'][value='2']").check()
    expect(page.locator(".pb-health__count")).to_have_text("1 of 2 statements answered.")
    page.locator("input[name='health--fair-share'][value='3']").check()
    expect(page.locator(".pb-health__overall")).to_have_text("Overall: 75 out of 100")
    expect(page.locator(".pb-card__compared")).to_have_text(
        "↓ −25 (down 25) since your last saved result"
    )
    scores = page.locator(".pb-health__scores tbody tr")
    expect(scores.filter(has_text="Mutual support").locator("td")).to_have_text(["50", "–", "–"])
    expect(scores.filter(has_text="Balanced effort").locator("td")).to_have_text(
        ["100", "100", "→ ±0 (no change)"]
    )
    page.get_by_role("button", name="Save this result").click()
    expect(page.locator(".pb-history li")).to_have_count(2)
    saved = stored(page, TINY_PREFIX)["health-history:health"]["results"]
    assert saved[0] == earlier
    assert saved[1]["dimensions"] == {"constructor": 50, "balanced-effort": 100}


def test_stored_prototype_keys_are_discarded_and_pollute_nothing(
    page: Page, tiny_site: str, tmp_path: Path
) -> None:
    page.goto(tiny_site)
    kept = {
        "practice-checklist:beta": {"done": ["constructor"]},
        "health-answers:health": {"answers": {"constructor": 3}},
    }
    seed(
        page,
        {
            **kept,
            "practice-answers:alpha": (
                '{"answers": {"__proto__": {"polluted": 1}, "constructor": 3}}'
            ),
            "practice-answers:beta": (
                '{"__proto__": {"answers": {}}, "answers": {"constructor": 2}}'
            ),
            "practice-checklist:alpha": (
                '{"done": ["constructor"], "__proto__": {"polluted": "yes"}}'
            ),
            "health-history:health": (
                f'{{"results": [{{"about": "", "date": "{DATE}", "overall": 50, '
                '"dimensions": {"__proto__": {"polluted": 1}, "constructor": 50}}]}'
            ),
            "__proto__": '{"polluted": "yes"}',
        },
        TINY_PREFIX,
    )
    expect(page.locator(".pb-notice")).to_have_text([DEFAULT_STRINGS["storage_damaged"]])
    for practice in ["alpha", "beta"]:
        expect(
            page.locator(f".pb-overview__item[data-practice='{practice}'] .pb-overview__score")
        ).to_have_text(DEFAULT_STRINGS["assessment_none"])
    expect(page.locator(".pb-overview__item[data-practice='beta']")).to_contain_text("1 of 2 done")
    page.goto(tiny_site + "health-check/")
    expect(page.locator(".pb-health__count")).to_have_text("1 of 2 statements answered.")
    expect(page.locator(".pb-history li")).to_have_count(0)
    page.goto(tiny_site)
    with page.expect_download() as download:
        page.get_by_role("button", name="Export my data").click()
    exported = tmp_path / "export.json"
    download.value.save_as(exported)
    assert json.loads(exported.read_text(encoding="utf-8"))["entries"] == kept
    assert stored(page, TINY_PREFIX) == kept
    pollution = """() => [Object.keys(Object.prototype).length, ({}).polluted, [].polluted,
        Object.getPrototypeOf({}) === Object.prototype]"""
    assert page.evaluate(pollution) == [0, None, None, True]


def test_saving_past_the_history_bound_drops_the_oldest_result(page: Page, tiny_site: str) -> None:
    results = [
        {
            "about": "",
            "date": f"2020-01-01T00:00:{n % 60:02d}.000Z",
            "overall": n % 101,
            "dimensions": {},
        }
        for n in range(MAX_RESULTS)
    ]
    page.goto(tiny_site + "health-check/")
    seed(page, {"health-history:health": {"results": results}}, TINY_PREFIX)
    expect(page.locator(".pb-history li")).to_have_count(MAX_RESULTS)
    page.locator("input[name='health--constructor'][value='3']").check()
    page.locator("input[name='health--fair-share'][value='3']").check()
    page.get_by_role("button", name="Save this result").click()
    expect(page.locator(".pb-health__actions .pb-status")).to_have_text(DEFAULT_STRINGS["saved"])
    saved = stored(page, TINY_PREFIX)["health-history:health"]["results"]
    assert len(saved) == MAX_RESULTS
    assert saved[:-1] == results[1:]
    assert saved[-1]["overall"] == 100 and saved[-1]["dimensions"] == {
        "constructor": 100,
        "balanced-effort": 100,
    }
    page.reload()
    expect(page.locator(".pb-history li")).to_have_count(MAX_RESULTS)
