"""Every write path keeps within what reading accepts, in Chromium: the largest input each
path takes is stored and read back whole on the next visit, and a larger one is cut or refused
before it is stored, never kept and then discarded as damaged with the reader's other data.

Paths: the team page's codes box (typing or pasting, and a member's link ``team/#code=``) and
the names a reader gives (whom a result is about). Imports at their bounds:
test_browser_import_export.py."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Locator, Page, expect
from support.browser import HEALTH, stored

from generator.ui import DEFAULT_STRINGS

pytestmark = pytest.mark.browser

TEAM = "team/"
MAX_TEAM_TEXT = 100_000  # the script's bound of the codes box
MAX_NAME = 80  # the script's bound of a name


def codes_box(page: Page) -> Locator:
    return page.get_by_label("Team codes")


def test_the_script_has_these_bounds(page: Page) -> None:
    page.goto(TEAM)
    expect(codes_box(page)).to_have_attribute("maxlength", str(MAX_TEAM_TEXT))


def test_pasting_more_than_the_box_takes_stores_what_it_shows(
    new_page: Callable[..., Page],
) -> None:
    page = new_page()
    page.goto(TEAM)
    codes_box(page).focus()
    page.keyboard.insert_text("x" * (MAX_TEAM_TEXT + 50))
    expect(codes_box(page)).to_have_value("x" * MAX_TEAM_TEXT)
    assert stored(page)["team-codes:health"] == {"text": "x" * MAX_TEAM_TEXT}
    page.reload()
    expect(codes_box(page)).to_have_value("x" * MAX_TEAM_TEXT)
    expect(page.locator(".pb-notice")).to_have_count(0)


def test_a_link_that_would_overfill_the_box_adds_nothing_and_keeps_what_was_there(
    new_page: Callable[..., Page],
) -> None:
    """A member's link carries its code after '#code=': 100,100 characters of it were stored
    unchecked, found over the bound on the next visit and deleted with every pasted code."""
    page = new_page()
    page.goto(TEAM)
    codes_box(page).fill("first line")
    expect(codes_box(page)).to_have_value("first line")
    page.goto(f"{TEAM}#code={'a' * 100_100}")
    expect(page.locator(".pb-team__added")).to_have_text(DEFAULT_STRINGS["team_full"])
    expect(codes_box(page)).to_have_value("first line")
    page.reload()
    expect(codes_box(page)).to_have_value("first line")
    expect(page.locator(".pb-notice")).to_have_count(0)
    assert stored(page)["team-codes:health"] == {"text": "first line"}


def test_a_link_that_just_fills_the_box_is_kept_whole(new_page: Callable[..., Page]) -> None:
    page = new_page()
    page.goto(TEAM)
    code = "b" * (MAX_TEAM_TEXT - len("first line\n"))
    codes_box(page).fill("first line")
    page.goto(f"{TEAM}#code={code}")
    expect(page.locator(".pb-team__added")).to_have_text(DEFAULT_STRINGS["team_added"])
    page.reload()
    expect(codes_box(page)).to_have_value(f"first line\n{code}")
    expect(page.locator(".pb-notice")).to_have_count(0)


def test_a_name_is_cut_to_its_bound_and_a_saved_result_read_back(
    new_page: Callable[..., Page],
) -> None:
    page = new_page()
    page.goto(HEALTH)
    about = page.locator("#pb_about")
    expect(about).to_have_attribute("maxlength", str(MAX_NAME))
    about.focus()
    page.keyboard.insert_text("N" * (MAX_NAME + 20))
    expect(about).to_have_value("N" * MAX_NAME)
    for radio in page.locator("input[type=radio][name^='health--'][value='3']").all():
        radio.check()
    page.get_by_role("button", name=DEFAULT_STRINGS["save_result"]).click()
    page.reload()
    [result] = stored(page)["health-history:health"]["results"]
    assert result["about"] == "N" * MAX_NAME
    expect(page.locator(".pb-notice")).to_have_count(0)
