"""Status that tells the truth (issue 16, point 2).

"Result saved in this browser." goes as soon as the answers (or whom they are about) change,
so an unsaved result never looks saved; a statement skipped above the last one answered is
marked "Not answered yet", and the count line, which screen readers are told of (a status),
offers a way to the first unanswered statement, which takes the focus there.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect
from support.browser import ServedSite

from generator.content import Content
from generator.ui import DEFAULT_STRINGS
from generator.validate import load_project

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def content(served_site: ServedSite) -> Content:
    return load_project(served_site.project).content_for("default")


def answer(page: Page, owner: str, question_id: str, value: int) -> None:
    page.locator(f"input[name='{owner}--{question_id}'][value='{value}']").check()


def health_questions(content: Content) -> list[Any]:
    assert content.health_check is not None
    return [q for d in content.health_check.model.dimensions for q in d.questions]


def test_the_saved_notice_goes_when_the_answers_change(page: Page, content: Content) -> None:
    questions = health_questions(content)
    page.goto("health-check/")
    for question in questions:
        answer(page, "health", question.id, 3)
    page.get_by_role("button", name=DEFAULT_STRINGS["save_result"]).click()
    notice = page.locator(".pb-health__actions .pb-status")
    expect(notice).to_have_text(DEFAULT_STRINGS["saved"])
    answer(page, "health", questions[0].id, 4)
    expect(notice).to_have_text("")
    # Saved again, then only whom it is about changes: not saved either.
    page.get_by_role("button", name=DEFAULT_STRINGS["save_result"]).click()
    expect(notice).to_have_text(DEFAULT_STRINGS["saved"])
    page.get_by_label(DEFAULT_STRINGS["about_label"]).fill("Sam")
    expect(notice).to_have_text("")


def test_a_skipped_statement_is_marked_and_reachable_from_the_count(
    page: Page, content: Content
) -> None:
    questions = content.practices["listen"].model.assessment.questions
    page.goto("practices/listen/")
    count = page.locator(".pb-result__count")
    line = page.locator(".pb-count")
    assert line.get_attribute("role") == "status"
    go = line.get_by_role("button", name=DEFAULT_STRINGS["go_to_unanswered"])
    expect(go).to_have_count(0)  # nothing answered: nothing to point at yet
    skipped = questions[3]
    for question in questions:
        if question is not skipped:
            answer(page, "listen", question.id, 2)
    expect(count).to_have_text(f"{len(questions) - 1} of {len(questions)} statements answered.")
    marked = page.locator("fieldset.pb-question--missing")
    expect(marked).to_have_count(1)
    expect(marked).to_have_attribute("data-question", skipped.id)
    expect(marked.locator(".pb-question__missing")).to_have_text(DEFAULT_STRINGS["unanswered"])
    expect(page.locator(".pb-result__live")).to_be_empty()

    go.click()
    focused = page.evaluate(
        "(() => { const e = document.activeElement; return [e.name, e.type]; })()"
    )
    assert focused == [f"listen--{skipped.id}", "radio"]
    expect(page.locator(f"fieldset[data-question='{skipped.id}']")).to_be_in_viewport()
    page.keyboard.press("Space")  # the reader answers it from there
    expect(count).to_have_text(f"{len(questions)} of {len(questions)} statements answered.")
    expect(marked).to_have_count(0)
    expect(go).to_have_count(0)
    expect(page.locator(".pb-card")).to_be_visible()


def test_the_health_check_points_at_its_first_unanswered_statement(
    page: Page, content: Content
) -> None:
    questions = health_questions(content)
    page.goto("health-check/")
    answer(page, "health", questions[2].id, 3)
    # Answered from the third on: the first two are marked, and the way leads to the first.
    expect(page.locator("fieldset.pb-question--missing")).to_have_count(2)
    page.get_by_role("button", name=DEFAULT_STRINGS["go_to_unanswered"]).click()
    name = page.evaluate("document.activeElement.name")
    assert name == f"health--{questions[0].id}"
