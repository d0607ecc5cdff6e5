"""Every write path keeps within what reading accepts, in Chromium: the largest input each
path takes is stored and read back whole on the next visit, and a larger one is cut or refused
before it is stored, never kept and then discarded as damaged with the reader's other data.

Paths: the team page's codes box (typing or pasting, and a member's link ``team/#code=``),
which stores nothing of what it holds, and the names a reader gives (whom a result is about).
Imports at their bounds: test_browser_import_export.py."""

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


def test_pasting_more_than_the_box_takes_cuts_it_and_keeps_nothing(
    new_page: Callable[..., Page],
) -> None:
    """The box is cut to its bound; what it holds is not a code, so nothing is read and
    nothing is stored (pasted text is never kept)."""
    page = new_page()
    page.goto(TEAM)
    codes_box(page).focus()
    page.keyboard.insert_text("x" * (MAX_TEAM_TEXT + 50))
    expect(codes_box(page)).to_have_value("x" * MAX_TEAM_TEXT)
    expect(page.locator(".pb-team__refused li")).to_have_text(
        ["Line 1 was not read: " + DEFAULT_STRINGS["team_refused_format"]]
    )
    assert stored(page) == {}
    page.reload()
    expect(codes_box(page)).to_have_value("")
    expect(page.locator(".pb-notice")).to_have_count(0)


def test_a_link_with_an_overlong_code_is_refused_and_keeps_nothing(
    new_page: Callable[..., Page],
) -> None:
    """A member's link carries its code after '#code=': 100,100 characters of it are refused
    as no code, shown cut to the box's bound, and nothing is stored."""
    page = new_page()
    page.goto(f"{TEAM}#code={'a' * 100_100}")
    expect(codes_box(page)).to_have_value("a" * MAX_TEAM_TEXT)
    expect(page.locator(".pb-team__refused li")).to_have_text(
        ["Line 1 was not read: " + DEFAULT_STRINGS["team_refused_format"]]
    )
    expect(page.locator(".pb-team__added")).to_have_text("")
    assert stored(page) == {}


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
