"""Accessibility in a real browser: axe-core finds nothing on the pages, in either colour scheme,
with what the script adds on screen too (progress, results, cards, the chart, the history, the
reader's data); and without JavaScript the pages read as lists and forms.

Keyboard use: test_browser_navigation.py (Tab order, skip link), test_browser_layout.py (focus
ring, tap targets).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect
from support.browser import (
    HEALTH,
    LISTEN,
    answer,
    answer_all,
    default_content,  # noqa: F401 (the content fixture)
    format_violations,
    run_axe,
)

from generator.content import Content
from generator.ui import PAGE_STRINGS

pytestmark = pytest.mark.browser


@pytest.mark.every_engine
def test_without_javascript_pages_read_as_lists_and_forms(
    new_page: Callable[..., Page], content: Content
) -> None:
    page = new_page(java_script_enabled=False)
    page.goto(LISTEN)
    practice = content.practices["listen"].model
    items = page.locator("form.pb-checklist li")
    expect(items).to_have_count(len(practice.checklist))
    first = practice.checklist[0]
    cadence = PAGE_STRINGS["cadence_weekly" if first.cadence == "weekly" else "cadence_once"]
    # The item says how often (its label: the item's search heading is hidden).
    expect(items.first.locator("label")).to_have_text(f"{first.text} {cadence}")
    expect(page.locator("form.pb-assessment fieldset")).to_have_count(
        len(practice.assessment.questions)
    )
    expect(page.locator(".pb-band")).to_have_count(len(practice.assessment.bands))
    expect(page.locator(".pb-progress, .pb-result, button.pb-button")).to_have_count(0)
    page.goto("")
    expect(page.locator(".pb-progress-overview")).to_be_hidden()
    expect(page.locator(".pb-data")).to_be_hidden()


def test_no_axe_violations_with_results_on_screen(page: Page, content: Content) -> None:
    """The parts the script adds pass axe too: progress, results, chart, history, data."""
    health = content.health_check
    assert health is not None
    page.goto(LISTEN)
    for question in content.practices["listen"].model.assessment.questions:
        answer(page, "listen", question.id, 4)
    page.locator("form.pb-checklist input").first.check()
    report = format_violations(run_axe(page))
    page.goto("health-check/")
    for dimension in health.model.dimensions:
        for question in dimension.questions:
            answer(page, "health", question.id, 2)
    page.get_by_role("button", name="Save this result").click()
    report += format_violations(run_axe(page))
    page.goto("")
    expect(page.locator(".pb-data")).to_be_visible()
    report += format_violations(run_axe(page))
    if report:
        pytest.fail("axe-core violations:\n" + report, pytrace=False)


@pytest.mark.every_engine
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_in_either_colour_scheme(
    new_page: Callable[..., Page], scheme: str
) -> None:
    page = new_page(color_scheme=scheme)
    report = ""
    for path in ["", LISTEN, "health-check/", "troubleshooting/"]:
        page.goto(path)
        violations = run_axe(page)
        if violations:
            report += f"--- {path or 'home'} ---\n{format_violations(violations)}\n"
    if report:
        pytest.fail("axe-core violations:\n" + report, pytrace=False)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_the_cards_on_screen(
    new_page: Callable[..., Page], content: Content, scheme: str
) -> None:
    health = content.health_check
    assert health is not None
    page = new_page(color_scheme=scheme)
    page.goto(LISTEN)
    answer_all(page, "listen", content.practices["listen"].model.assessment.questions, 2)
    page.locator("form.pb-checklist input").first.check()
    expect(page.locator(".pb-card")).to_be_visible()
    report = format_violations(run_axe(page))
    page.goto(HEALTH)
    questions = [q for d in health.model.dimensions for q in d.questions]
    answer_all(page, "health", questions, 2)
    page.get_by_role("button", name="Save this result").click()
    answer_all(page, "health", questions[:3], 4)
    expect(page.locator(".pb-card__compared")).to_be_visible()
    report += format_violations(run_axe(page))
    page.goto("")
    expect(page.locator(".pb-overview__item[data-health] .pb-overview__score")).to_contain_text(
        "Last result"
    )
    report += format_violations(run_axe(page))
    if report:
        pytest.fail(f"axe-core violations ({scheme}):\n" + report, pytrace=False)
