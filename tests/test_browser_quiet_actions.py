"""Reset and clear are quiet secondary actions that ask first and can be undone (issue 15, 5).

"Reset checklist" and "Clear answers" look secondary beside the main action, ask before they
change anything (cancelling keeps everything), and once done offer "Undo", which puts back
exactly what was there until the reader ticks or answers again or leaves the page.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect
from support.browser import ServedSite, stored_entries

from generator.content import Content
from generator.ui import DEFAULT_STRINGS
from generator.validate import load_project

pytestmark = pytest.mark.browser

PREFIX = "playbook:/default:v4:"
LISTEN = "practices/listen/"
HEALTH = "health-check/"


@pytest.fixture(scope="module")
def content(served_site: ServedSite) -> Content:
    return load_project(served_site.project).content_for("default")


def stored(page: Page) -> dict[str, Any]:
    return stored_entries(page, PREFIX)


def words(key: str, **values: object) -> str:
    return DEFAULT_STRINGS[key].format(**values)


def test_reset_checklist_asks_first_and_can_be_undone(page: Page, content: Content) -> None:
    items = [item.id for item in content.practices["listen"].model.checklist]
    page.goto(LISTEN)
    for item in items[:2]:
        page.locator(f"form.pb-checklist input[data-item='{item}']").check()
    expect(page.locator(".pb-progress__text")).to_have_text(f"2 of {len(items)} done")
    reset = page.get_by_role("button", name=DEFAULT_STRINGS["reset_checklist"])

    # Asked first; "Keep them" has the focus, so Enter is the safe choice; it changes nothing.
    reset.click()
    question = page.get_by_role("group", name=words("confirm_reset_checklist", count=2))
    expect(question).to_be_visible()
    expect(question.get_by_role("button", name=DEFAULT_STRINGS["confirm_keep"])).to_be_focused()
    page.keyboard.press("Enter")
    expect(question).to_have_count(0)
    expect(reset).to_be_focused()
    assert stored(page) == {"checklist:listen": {"done": sorted(items[:2])}}

    # Confirmed: everything unticked, and "Undo" puts the two ticks back.
    reset.click()
    page.get_by_role("button", name=DEFAULT_STRINGS["confirm_reset_yes"]).click()
    expect(page.locator("form.pb-checklist input:checked")).to_have_count(0)
    assert stored(page) == {"checklist:listen": {"done": []}}
    notice = page.locator(".pb-progress .pb-undo")
    expect(notice).to_have_text(
        f"{DEFAULT_STRINGS['checklist_reset_done']} {DEFAULT_STRINGS['undo']}"
    )
    notice.get_by_role("button", name=DEFAULT_STRINGS["undo"]).click()
    expect(page.locator("form.pb-checklist input:checked")).to_have_count(2)
    expect(page.locator(".pb-progress__text")).to_have_text(f"2 of {len(items)} done")
    assert stored(page) == {"checklist:listen": {"done": sorted(items[:2])}}
    expect(page.locator(".pb-undo")).to_have_count(0)


def test_undo_is_gone_after_the_next_tick(page: Page, content: Content) -> None:
    items = [item.id for item in content.practices["listen"].model.checklist]
    page.goto(LISTEN)
    page.locator(f"form.pb-checklist input[data-item='{items[0]}']").check()
    page.get_by_role("button", name=DEFAULT_STRINGS["reset_checklist"]).click()
    page.get_by_role("button", name=DEFAULT_STRINGS["confirm_reset_yes"]).click()
    expect(page.locator(".pb-undo")).to_have_count(1)
    page.locator(f"form.pb-checklist input[data-item='{items[1]}']").check()
    expect(page.locator(".pb-undo")).to_have_count(0)
    assert stored(page) == {"checklist:listen": {"done": [items[1]]}}


def test_an_empty_checklist_resets_without_asking(page: Page) -> None:
    page.goto(LISTEN)
    page.get_by_role("button", name=DEFAULT_STRINGS["reset_checklist"]).click()
    expect(page.locator(".pb-confirm, .pb-undo")).to_have_count(0)


def test_clear_answers_asks_first_and_can_be_undone(page: Page, content: Content) -> None:
    questions = [q.id for q in content.practices["listen"].model.assessment.questions]
    page.goto(LISTEN)
    for question in questions[:3]:
        page.locator(f"input[name='listen--{question}'][value='3']").check()
    before = stored(page)["answers:listen"]
    page.get_by_role("button", name=DEFAULT_STRINGS["clear_answers"]).click()
    page.get_by_role("button", name=DEFAULT_STRINGS["confirm_keep"]).click()
    assert stored(page)["answers:listen"] == before

    page.get_by_role("button", name=DEFAULT_STRINGS["clear_answers"]).click()
    group = page.get_by_role("group", name=words("confirm_clear_answers", count=3))
    group.get_by_role("button", name=DEFAULT_STRINGS["confirm_clear_yes"]).click()
    expect(page.locator("form.pb-assessment input:checked")).to_have_count(0)
    assert "answers:listen" not in stored(page)
    page.locator(".pb-result .pb-undo").get_by_role("button", name=DEFAULT_STRINGS["undo"]).click()
    expect(page.locator("form.pb-assessment input:checked")).to_have_count(3)
    assert stored(page)["answers:listen"] == before


def test_the_health_checks_clear_asks_too(page: Page, content: Content) -> None:
    assert content.health_check is not None
    first = content.health_check.model.dimensions[0].questions[0].id
    page.goto(HEALTH)
    page.locator(f"input[name='health--{first}'][value='2']").check()
    page.get_by_role("button", name=DEFAULT_STRINGS["clear_answers"]).click()
    page.get_by_role("button", name=DEFAULT_STRINGS["confirm_clear_yes"]).click()
    assert "answers:health" not in stored(page)
    page.get_by_role("button", name=DEFAULT_STRINGS["undo"]).click()
    expect(page.locator(f"input[name='health--{first}'][value='2']")).to_be_checked()


def test_reset_and_clear_look_secondary(page: Page) -> None:
    page.goto(HEALTH)
    style = """(node) => { const s = getComputedStyle(node);
      return { background: s.backgroundColor, border: s.borderTopWidth,
               height: node.getBoundingClientRect().height }; }"""
    save = page.get_by_role("button", name=DEFAULT_STRINGS["save_result"]).evaluate(style)
    clear = page.get_by_role("button", name=DEFAULT_STRINGS["clear_answers"]).evaluate(style)
    assert clear["background"] == "rgba(0, 0, 0, 0)"  # no fill, unlike the main action
    assert save["background"] != "rgba(0, 0, 0, 0)"
    assert clear["border"] == "0px"
    assert clear["height"] >= 44  # still a comfortable target
