"""The health check in a real browser: the chart, the scores per dimension, recommendations and
the saved history; the saved notice, which goes as soon as the answers (or whom they are about)
change, so an unsaved result never looks saved; the way to the first unanswered statement; and
"Clear answers", which asks first and can be undone.

Expected scores come from the YAML through generator/scoring.py. The team's side of the health
check: test_browser_team.py.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from support.browser import (
    HEALTH,
    answer,
    default_content,  # noqa: F401 (the content fixture)
    stored,
)

from generator.content import Content
from generator.scoring import percent_score, weakest
from generator.template_filters import step_fragment
from generator.ui import DEFAULT_STRINGS

pytestmark = pytest.mark.browser


def health_questions(content: Content) -> list[Any]:
    assert content.health_check is not None
    return [q for d in content.health_check.model.dimensions for q in d.questions]


def test_health_check_chart_scores_recommendations_and_history(
    page: Page, content: Content
) -> None:
    health = content.health_check
    assert health is not None
    check = health.model
    scale = content.scales[check.scale]
    low, high = scale.points[0].value, scale.points[-1].value
    # The first dimension answered weakest, the others mixed.
    answers: dict[str, int] = {}
    for index, dimension in enumerate(check.dimensions):
        for question in dimension.questions:
            strong = high if index else low + 1
            answers[question.id] = (low + high - strong) if question.reverse else strong
    scores = {d.id: percent_score(answers, d.questions, scale) for d in check.dimensions}
    overall = percent_score(answers, [q for d in check.dimensions for q in d.questions], scale)
    expected_weakest = weakest(scores)
    assert expected_weakest == [check.dimensions[0].id]

    page.goto("health-check/")
    box = page.locator(".pb-health-check")
    save = page.get_by_role("button", name="Save this result")
    expect(save).to_be_disabled()
    for question_id, value in answers.items():
        answer(page, "health", question_id, value)
    expect(box.locator(".pb-health__overall")).to_have_text(f"Overall: {overall} out of 100")
    # A data table beside the chart: a row per dimension, no earlier result to compare with yet.
    table = box.locator("table.pb-health__scores")
    expect(table.locator("thead th")).to_have_text(["Dimension", "This result"])
    for dimension in check.dimensions:
        row = table.locator(f"tr[data-dimension='{dimension.id}']")
        expect(row.locator("th")).to_have_text(dimension.title)
        expect(row.locator("td")).to_have_text([str(scores[dimension.id])])
    expect(box.locator(".pb-card__compared")).to_have_count(0)
    expect(box.locator(".pb-legend li")).to_have_text(
        [re.compile(r"^This result, \w+ \d+, \d{4}$")]
    )
    chart = box.locator("svg.pb-chart")
    expect(chart).to_be_visible()
    assert chart.get_attribute("role") == "img"
    assert chart.get_attribute("aria-label") == "; ".join(
        f"{d.title}: {scores[d.id]} out of 100" for d in check.dimensions
    )
    area = chart.locator("polygon.pb-chart__area").get_attribute("points") or ""
    assert len(area.split()) == len(check.dimensions)
    recommendations = box.locator(".pb-health__recommendations li")
    expect(recommendations).to_have_count(len(expected_weakest))
    weakest_dimension = check.dimensions[0]
    # The next step: the weakest dimension's lowest statement (all equal here: the first) that
    # names a step, linked to that step on its practice's page.
    stepped = next(q for q in weakest_dimension.questions if q.step is not None)
    assert stepped.practice is not None and stepped.step is not None
    target = content.practices[stepped.practice].model
    step_title = target.steps[stepped.step - 1].title
    expect(box.locator(".pb-health__weakest")).to_have_text(
        f"Weakest: {weakest_dimension.title}, {scores[weakest_dimension.id]} out of 100."
    )
    step_link = box.locator(".pb-card__step a")
    expect(step_link).to_have_text(f"{target.title}: {stepped.step}. {step_title}")
    assert step_link.evaluate("(a) => a.pathname + a.hash") == (
        f"/practices/{stepped.practice}/#{step_fragment(stepped.step, step_title)}"
    )
    links = recommendations.first.locator("a")
    assert [links.nth(i).text_content() for i in range(links.count())] == [
        content.practices[p].model.title for p in weakest_dimension.practices
    ]
    assert links.first.evaluate("(a) => a.pathname") == (
        f"/practices/{weakest_dimension.practices[0]}/"
    )

    save.click()
    expect(box.locator(".pb-status")).to_have_text("Result saved in this browser.")
    history = box.locator(".pb-history li")
    expect(history).to_have_count(1)
    expect(history.first).to_contain_text(f": {overall} out of 100")

    # Better answers in the weakest dimension, saved again: the change shows.
    for question in weakest_dimension.questions:
        answer(page, "health", question.id, low if question.reverse else high)
    answers.update({q.id: low if q.reverse else high for q in weakest_dimension.questions})
    better = percent_score(answers, [q for d in check.dimensions for q in d.questions], scale)
    gain = better - overall
    expect(box.locator(".pb-health__overall")).to_have_text(f"Overall: {better} out of 100")
    # The change once, against the last saved result, whose date the chart's key gives once.
    expect(box.locator(".pb-card__compared")).to_have_text(
        f"↑ +{gain} (up {gain}) since your last saved result"
    )
    legend = box.locator(".pb-legend li")
    expect(legend).to_have_count(2)
    expect(legend.nth(1)).to_have_text(re.compile(r"^Last saved, \w+ \d+, \d{4} at \d"))
    saved_date = (legend.nth(1).text_content() or "").removeprefix("Last saved, ")
    assert box.locator(".pb-card").inner_text().count(saved_date) == 1
    row = table.locator(f"tr[data-dimension='{weakest_dimension.id}']")
    expect(table.locator("thead th")).to_have_text(
        ["Dimension", "This result", "Last saved", "Change"]
    )
    change = scores[weakest_dimension.id]
    now = percent_score(answers, weakest_dimension.questions, scale)
    expect(row.locator("td")).to_have_text(
        [str(now), str(change), f"↑ +{now - change} (up {now - change})"]
    )
    save.click()
    expect(history).to_have_count(2)
    # Newest first; the change once, as an arrow, a signed number and words.
    expect(history.first).to_contain_text(f": {better} out of 100 ↑ +{gain} (up {gain})")
    expect(history.nth(1)).to_contain_text(f": {overall} out of 100")
    expect(history.nth(1).locator(".pb-change")).to_have_count(0)
    # Date and time, so two saves on one day can be told apart (the page is in English).
    expect(history.first).to_contain_text(re.compile(r"\d{4}\D+\d{1,2}:\d{2}"))
    assert box.locator(".pb-history ol").count() == 0  # no countdown numbering
    saved = stored(page)["health-history:health"]["results"]
    assert [r["overall"] for r in saved] == [overall, better]
    assert saved[0]["dimensions"] == scores

    page.reload()
    expect(page.locator(".pb-history li")).to_have_count(2)


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


def test_the_health_checks_clear_asks_too(page: Page, content: Content) -> None:
    assert content.health_check is not None
    first = content.health_check.model.dimensions[0].questions[0].id
    page.goto(HEALTH)
    page.locator(f"input[name='health--{first}'][value='2']").check()
    page.get_by_role("button", name=DEFAULT_STRINGS["clear_answers"]).click()
    page.get_by_role("button", name=DEFAULT_STRINGS["confirm_clear_yes"]).click()
    assert "health-answers:health" not in stored(page)
    page.get_by_role("button", name=DEFAULT_STRINGS["undo"]).click()
    expect(page.locator(f"input[name='health--{first}'][value='2']")).to_be_checked()
