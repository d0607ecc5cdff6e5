"""A practice's self-assessment in a real browser: the score, band and next step computed from
the YAML, reverse scoring, the keyboard, clearing and undo, a skipped statement pointed at, and
the line that says the answers stay in the browser.

Expected scores and bands come from the YAML through generator/scoring.py, the reference the
browser script must agree with. A statement skipped above the last one answered is marked "Not
answered yet", and the count line, which screen readers are told of (a status), offers a way to
the first unanswered statement, which takes the focus there. "Clear answers" asks first and can
be undone.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from support.browser import (
    LISTEN,
    answer,
    answers_for,
    default_content,  # noqa: F401 (the content fixture)
    stored,
    words,
)

from generator import schema
from generator.content import Content
from generator.scoring import answer_points, band_for, percent_score
from generator.template_filters import step_fragment
from generator.ui import DEFAULT_STRINGS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "practice_id", ["listen", "appreciate", "grow", "boundaries", "communicate"]
)
def test_answering_every_question_shows_the_band_computed_from_the_yaml(
    page: Page, content: Content, practice_id: str
) -> None:
    practice = content.practices[practice_id].model
    scale = content.scales[practice.assessment.scale]
    questions = practice.assessment.questions
    answers = answers_for(questions, scale, seed_=len(practice_id))
    expected = percent_score(answers, questions, scale)
    band = band_for(expected, practice.assessment.bands)

    page.goto(f"practices/{practice_id}/")
    result = page.locator(".pb-result__live")
    assert result.get_attribute("aria-live") == "polite"
    for question in questions[:-1]:
        answer(page, practice_id, question.id, answers[question.id])
    expect(result).to_be_empty()
    expect(page.locator(".pb-result__count")).to_have_text(
        f"{len(questions) - 1} of {len(questions)} statements answered."
    )
    answer(page, practice_id, questions[-1].id, answers[questions[-1].id])

    # One card: the score, the band's label (its range beside it) and its advice once, the
    # next step from the lowest answers, then the band's links.
    card = result.locator(".pb-card")
    expect(card).to_have_count(1)
    expect(card.locator(".pb-result__score")).to_have_text(f"Your score: {expected} out of 100")
    expect(card.locator(".pb-card__value")).to_have_text(str(expected))
    expect(card.locator(".pb-badge")).to_have_text(f"{band.label} {band.min}–{band.max}")
    advice = " ".join(band.advice.split("\n\n")[0].split()[:6])
    assert card.inner_text().count(advice) == 1
    assert f"{band.min}–{band.max}: {band.label}." not in card.inner_text()
    step = expected_next_step(practice, scale, answers)
    if step is None:
        expect(card.locator(".pb-card__next")).to_have_count(0)
    else:
        number, statement = step
        link = card.locator(".pb-card__step a")
        expect(link).to_have_text(f"{number}. {practice.steps[number - 1].title}")
        fragment = step_fragment(number, practice.steps[number - 1].title)
        assert link.get_attribute("href") == f"#{fragment}"
        expect(page.locator(f"h3[id='{fragment}']")).to_have_count(1)
        label = next(p.label for p in scale.points if p.value == answers[statement.id])
        expect(card.locator(".pb-card__because")).to_have_text(
            f"You answered “{label}” to “{statement.text}”"
        )
    current = page.locator(".pb-band--current")
    expect(current).to_have_count(1)
    assert current.get_attribute("data-band") == band.id
    links = card.locator(".pb-card__links a")
    expect(links).to_have_count(len(band.practices))
    for link, linked_id in zip(links.all(), band.practices, strict=True):
        expect(link).to_have_text(content.practices[linked_id].model.title)
        assert link.evaluate("(a) => a.pathname") == f"/practices/{linked_id}/"

    page.reload()
    for question in questions:
        expect(
            page.locator(
                f"input[name='{practice_id}--{question.id}'][value='{answers[question.id]}']"
            )
        ).to_be_checked()
    expect(page.locator(".pb-result__score")).to_have_text(f"Your score: {expected} out of 100")
    assert stored(page)[f"practice-answers:{practice_id}"] == {"answers": answers}


def expected_next_step(
    practice: schema.Practice, scale: schema.Scale, answers: dict[str, int]
) -> tuple[int, schema.Question] | None:
    """The step the result card offers: of the statements not answered at their best, lowest
    first (page order among equals), the first that names a step."""
    best = scale.points[-1].value - scale.points[0].value
    ranked = sorted(
        enumerate(practice.assessment.questions),
        key=lambda pair: (answer_points(pair[1], answers[pair[1].id], scale), pair[0]),
    )
    for _, question in ranked:
        points = answer_points(question, answers[question.id], scale)
        if question.step is not None and points < best:
            return question.step, question
    return None


def test_reverse_scored_questions_count_the_other_way(page: Page, content: Content) -> None:
    practice = content.practices["listen"].model
    scale = content.scales[practice.assessment.scale]
    high = scale.points[-1].value
    # The strongest answer everywhere means full agreement even with the reverse-scored ones.
    answers = {q.id: high for q in practice.assessment.questions}
    reversed_ids = [q.id for q in practice.assessment.questions if q.reverse]
    assert reversed_ids, "the default content has a reverse-scored question"
    expected = percent_score(answers, practice.assessment.questions, scale)
    assert expected < 100
    page.goto(LISTEN)
    for question_id, value in answers.items():
        answer(page, "listen", question_id, value)
    expect(page.locator(".pb-result__score")).to_have_text(f"Your score: {expected} out of 100")
    for question_id in reversed_ids:
        answer(page, "listen", question_id, scale.points[0].value)
    expect(page.locator(".pb-result__score")).to_have_text("Your score: 100 out of 100")


def test_the_assessment_works_from_the_keyboard(page: Page, content: Content) -> None:
    question = content.practices["listen"].model.assessment.questions[0]
    page.goto(LISTEN)
    first = page.locator(f"input[name='listen--{question.id}']").first
    first.focus()
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    page.keyboard.press("ArrowRight")
    expect(page.locator(f"input[name='listen--{question.id}']").nth(1)).to_be_checked()
    outline = page.evaluate(
        "document.activeElement && getComputedStyle(document.activeElement).outlineStyle"
    )
    assert outline == "solid"
    assert stored(page)["practice-answers:listen"]["answers"] == {question.id: 2}


def test_clear_answers_removes_one_assessment(page: Page, content: Content) -> None:
    question = content.practices["listen"].model.assessment.questions[0]
    page.goto(LISTEN)
    answer(page, "listen", question.id, 3)
    page.get_by_role("button", name="Clear answers").click()
    page.get_by_role("button", name="Yes, clear them").click()  # it asks first
    expect(page.locator("form.pb-assessment input:checked")).to_have_count(0)
    assert stored(page) == {}


def test_clear_answers_asks_first_and_can_be_undone(page: Page, content: Content) -> None:
    questions = [q.id for q in content.practices["listen"].model.assessment.questions]
    page.goto(LISTEN)
    for question in questions[:3]:
        page.locator(f"input[name='listen--{question}'][value='3']").check()
    before = stored(page)["practice-answers:listen"]
    page.get_by_role("button", name=DEFAULT_STRINGS["clear_answers"]).click()
    page.get_by_role("button", name=DEFAULT_STRINGS["confirm_keep"]).click()
    assert stored(page)["practice-answers:listen"] == before

    page.get_by_role("button", name=DEFAULT_STRINGS["clear_answers"]).click()
    group = page.get_by_role("group", name=words("confirm_clear_answers", count=3))
    group.get_by_role("button", name=DEFAULT_STRINGS["confirm_clear_yes"]).click()
    expect(page.locator("form.pb-assessment input:checked")).to_have_count(0)
    assert "practice-answers:listen" not in stored(page)
    page.locator(".pb-result .pb-undo").get_by_role("button", name=DEFAULT_STRINGS["undo"]).click()
    expect(page.locator("form.pb-assessment input:checked")).to_have_count(3)
    assert stored(page)["practice-answers:listen"] == before


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


@pytest.mark.parametrize("path", [LISTEN, "health-check/"])
def test_assessment_pages_say_answers_stay_in_the_browser(page: Page, path: str) -> None:
    page.goto(path)
    expect(page.locator(".pb-privacy")).to_have_text(
        "Your answers stay in this browser: nothing is sent anywhere."
    )
