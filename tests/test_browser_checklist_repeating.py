"""Checklist items that repeat: daily and weekly ticks lapse, one-off ticks stay.

A daily item's tick counts until the end of its day, a weekly item's until the end of its week
(Monday to Sunday, in the reader's time zone); then the item shows as not done, with when it
was last done. A one-off item keeps its tick. Each tick is stored with its date. The browser's
clock is set, so the days and weeks are fixed.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from playwright.sync_api import Locator, Page, expect
from support.browser import ServedSite, build_for, stored_entries
from support.projects import write_minimal_project

pytestmark = pytest.mark.browser

PATH = "repeating/"
PREFIX = "playbook:/repeating/default:v5:"
WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
THURSDAY = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
SUNDAY = datetime(2026, 12, 6, 23, 0, tzinfo=UTC)
MONDAY = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
LATER = datetime(2027, 6, 1, 8, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def site(served_site: ServedSite, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The minimal project with alpha's items daily and weekly, beta's first one-off."""
    project = write_minimal_project(tmp_path_factory.mktemp("repeating") / "project")
    for name, cadences in {"alpha": ["daily", "weekly"], "beta": ["once"]}.items():
        path = project / "content" / "practices" / f"{name}.yaml"
        text = path.read_text(encoding="utf-8")
        for item, cadence in zip(["first", "second"], cadences, strict=False):
            old = f"    text: Tick the {item} item.\n"
            assert old in text
            text = text.replace(old, f"{old}    cadence: {cadence}\n")
        path.write_text(text, encoding="utf-8")
    site_dir = served_site.site_dir / "repeating"
    if site_dir.exists():
        shutil.rmtree(site_dir)
    build_for(project, site_dir, served_site.url(PATH), served_site.engine)
    return PATH


def at(page: Page, moment: datetime) -> None:
    page.clock.set_fixed_time(moment)
    page.reload()


def item(page: Page, item_id: str) -> Locator:
    return page.locator(f"form.pb-checklist input[data-item='{item_id}']")


def test_daily_and_weekly_ticks_lapse_and_one_off_ticks_stay(
    new_page: Callable[..., Page], site: str
) -> None:
    page = new_page(timezone_id="UTC")
    page.clock.set_fixed_time(WEDNESDAY)
    page.goto(site + "practices/alpha/")
    daily, weekly = item(page, "first-item"), item(page, "second-item")
    expect(page.locator(".pb-cadence")).to_have_text(["daily habit", "weekly habit"])
    daily.check()
    weekly.check()
    progress = page.locator(".pb-progress__text")
    expect(progress).to_have_text("2 of 2 done")
    # Each tick is stored with its date.
    entry = stored_entries(page, PREFIX, dates=True)["practice-checklist:alpha"]
    assert entry["done"] == ["first-item", "second-item"]
    assert entry["at"] == {
        "first-item": "2026-12-02T10:00:00.000Z",
        "second-item": "2026-12-02T10:00:00.000Z",
    }
    last_done = page.locator(".pb-last-done")
    expect(last_done).to_have_count(0)

    # The next day: the daily tick has lapsed, the weekly one counts until Sunday night.
    at(page, THURSDAY)
    expect(daily).not_to_be_checked()
    expect(weekly).to_be_checked()
    expect(progress).to_have_text("1 of 2 done")
    expect(last_done).to_have_text(["(last done December 2, 2026)"])
    # The link to the checklist at the top of the page counts the same way.
    expect(page.locator(".pb-jump__status").first).to_have_text("1 of 2 done")
    expect(page.locator("form.pb-checklist label").first).to_contain_text(
        "Tick the first item. daily habit (last done December 2, 2026)"
    )
    at(page, SUNDAY)
    expect(weekly).to_be_checked()
    # A new week: the weekly tick has lapsed too; the home page counts only what counts now.
    at(page, MONDAY)
    expect(weekly).not_to_be_checked()
    expect(progress).to_have_text("0 of 2 done")
    expect(last_done).to_have_text(["(last done December 2, 2026)"] * 2)
    page.goto(site)
    card = page.locator(".pb-overview__item[data-practice='alpha']")
    expect(card.locator(".pb-overview__done")).to_have_text("0 of 2 done")

    # Ticked again: done now, with the new date, and no "last done".
    page.goto(site + "practices/alpha/")
    daily.check()
    expect(progress).to_have_text("1 of 2 done")
    expect(last_done).to_have_count(1)
    entry = stored_entries(page, PREFIX, dates=True)["practice-checklist:alpha"]
    assert entry["at"]["first-item"] == "2026-12-07T08:00:00.000Z"
    assert entry["at"]["second-item"] == "2026-12-02T10:00:00.000Z"  # still its last time
    # Unticked the same day: not done, and not "last done" either.
    daily.uncheck()
    expect(progress).to_have_text("0 of 2 done")
    entry = stored_entries(page, PREFIX, dates=True)["practice-checklist:alpha"]
    assert entry["done"] == ["second-item"]
    assert "first-item" not in entry["at"]


def test_a_one_off_tick_keeps_counting(new_page: Callable[..., Page], site: str) -> None:
    page = new_page(timezone_id="UTC")
    page.clock.set_fixed_time(WEDNESDAY)
    page.goto(site + "practices/beta/")
    once, plain = item(page, "first-item"), item(page, "second-item")
    expect(page.locator(".pb-cadence")).to_have_text(["one-off"])
    once.check()
    plain.check()
    at(page, LATER)
    expect(once).to_be_checked()
    expect(plain).to_be_checked()
    expect(page.locator(".pb-progress__text")).to_have_text("2 of 2 done")
    expect(page.locator(".pb-last-done")).to_have_count(0)


def test_a_weekly_tick_lapses_on_the_readers_own_monday(
    new_page: Callable[..., Page], site: str
) -> None:
    """Weeks follow the reader's time zone: 23:30 on Sunday in UTC is Monday in Berlin."""
    page = new_page(timezone_id="Europe/Berlin")
    page.clock.set_fixed_time(WEDNESDAY)
    page.goto(site + "practices/alpha/")
    weekly = item(page, "second-item")
    weekly.check()
    at(page, datetime(2026, 12, 6, 22, 30, tzinfo=UTC))  # Sunday 23:30 in Berlin
    expect(weekly).to_be_checked()
    at(page, datetime(2026, 12, 6, 23, 30, tzinfo=UTC))  # Monday 00:30 in Berlin
    expect(weekly).not_to_be_checked()
