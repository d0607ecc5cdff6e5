"""The reader's side in a real browser: checklists, self-assessments, the health check, data.

Every test runs Debian's Chromium against the default playbook built for, and served at, an
address on 127.0.0.1 (see conftest.py). The ``page`` fixture fails any test whose pages log a
console error, throw, or ask another host for anything. Expected scores and bands come from
the YAML through generator/scoring.py, the reference the browser script must agree with.
"""

from __future__ import annotations

import json
import random
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from support.browser import (
    PageLog,
    ServedSite,
    format_violations,
    run_axe,
    stored_entries,
    undated,
)

from generator import schema
from generator.content import Content
from generator.render import step_fragment
from generator.scoring import answer_points, band_for, percent_score, weakest
from generator.ui import DEFAULT_STRINGS, PAGE_STRINGS
from generator.validate import load_project

pytestmark = pytest.mark.browser

PREFIX = "playbook:/default:v4:"  # site root path, playbook name, storage version
LISTEN = "practices/listen/"


@pytest.fixture(scope="module")
def content(served_site: ServedSite) -> Content:
    return load_project(served_site.project).content_for("default")


def stored(page: Page) -> dict[str, Any]:
    """Everything the site keeps in this browser, parsed, keyed without the prefix."""
    return stored_entries(page, PREFIX)


def seed(page: Page, entries: dict[str, str]) -> None:
    """Put raw text under this site's keys, then reload so the page reads it."""
    page.evaluate(
        "([prefix, entries]) => { for (const [k, v] of Object.entries(entries)) "
        "localStorage.setItem(prefix + k, v); }",
        [PREFIX, entries],
    )
    page.reload()


def checkbox(page: Page, item: str) -> Any:
    return page.locator(f"form.pb-checklist input[data-item='{item}']")


def answer(page: Page, owner: str, question: str, value: int) -> None:
    page.locator(f"input[name='{owner}--{question}'][value='{value}']").check()


def instant_navigation(page: Page, path: str) -> None:
    """Follow the sidebar link to ``path`` and wait until the new page is in place."""
    page.locator(f".md-sidebar--primary a[href$='{path.split('/')[-2]}/']").first.click()
    page.wait_for_function("(path) => location.pathname.endsWith(path)", arg="/" + path)
    page.wait_for_selector("form.pb-checklist[data-practice='" + path.split("/")[-2] + "']")


def answers_for(
    questions: list[schema.Question], scale: schema.Scale, seed_: int
) -> dict[str, int]:
    rng = random.Random(seed_)
    values = [point.value for point in scale.points]
    return {question.id: rng.choice(values) for question in questions}


# --- 1. checklists ---------------------------------------------------------------------------


def test_a_tick_survives_a_reload_and_progress_counts_it(page: Page, content: Content) -> None:
    items = [item.id for item in content.practices["listen"].model.checklist]
    page.goto(LISTEN)
    progress = page.locator(".pb-progress__text")
    expect(progress).to_have_text(f"0 of {len(items)} done")

    checkbox(page, items[0]).check()
    checkbox(page, items[2]).check()
    expect(progress).to_have_text(f"2 of {len(items)} done")
    assert page.locator(".pb-progress progress").get_attribute("value") == "2"

    page.reload()
    expect(checkbox(page, items[0])).to_be_checked()
    expect(checkbox(page, items[1])).not_to_be_checked()
    expect(checkbox(page, items[2])).to_be_checked()
    expect(progress).to_have_text(f"2 of {len(items)} done")
    assert stored(page) == {"checklist:listen": {"done": sorted([items[0], items[2]])}}


def test_ticks_are_keyed_by_item_id_so_order_and_new_items_do_not_matter(
    page: Page, content: Content
) -> None:
    items = [item.id for item in content.practices["listen"].model.checklist]
    page.goto(LISTEN)
    # Stored in another order, with an item the content no longer has.
    seed(page, {"checklist:listen": json.dumps({"done": [items[3], "retired-item", items[1]]})})
    checked = page.locator("form.pb-checklist input:checked")
    expect(checked).to_have_count(2)
    assert [checked.nth(i).get_attribute("data-item") for i in range(2)] == [items[1], items[3]]
    expect(page.locator(".pb-progress__text")).to_have_text(f"2 of {len(items)} done")
    # Ticking another keeps the retired id: it costs nothing and comes back if the item does.
    checkbox(page, items[0]).check()
    assert stored(page)["checklist:listen"] == {
        "done": sorted([items[0], items[1], items[3], "retired-item"])
    }


@pytest.mark.every_engine
def test_instant_navigation_away_and_back_keeps_everything_working(
    page: Page, content: Content
) -> None:
    listen = [item.id for item in content.practices["listen"].model.checklist]
    grow = [item.id for item in content.practices["grow"].model.checklist]
    page.goto(LISTEN)
    checkbox(page, listen[0]).check()
    page.evaluate("window.__sameDocument = 'yes'")

    instant_navigation(page, "practices/grow/")
    # Instant navigation swaps the content without a page load: the window survives.
    assert page.evaluate("window.__sameDocument") == "yes"
    expect(page.locator(".pb-progress__text")).to_have_text(f"0 of {len(grow)} done")
    checkbox(page, grow[1]).check()
    expect(page.locator(".pb-progress__text")).to_have_text(f"1 of {len(grow)} done")

    instant_navigation(page, LISTEN)
    assert page.evaluate("window.__sameDocument") == "yes"
    expect(checkbox(page, listen[0])).to_be_checked()
    checkbox(page, listen[1]).check()
    expect(page.locator(".pb-progress__text")).to_have_text(f"2 of {len(listen)} done")
    assert stored(page) == {
        "checklist:listen": {"done": sorted(listen[:2])},
        "checklist:grow": {"done": [grow[1]]},
    }


def test_a_tick_in_one_tab_shows_in_another(page: Page, content: Content) -> None:
    items = [item.id for item in content.practices["listen"].model.checklist]
    page.goto(LISTEN)
    other = page.context.new_page()
    other.goto(LISTEN)
    checkbox(other, items[4]).check()
    expect(checkbox(page, items[4])).to_be_checked()
    expect(page.locator(".pb-progress__text")).to_have_text(f"1 of {len(items)} done")


def test_two_sites_on_one_host_keep_their_ticks_apart(
    page: Page, served_site: ServedSite, content: Content
) -> None:
    mirror = served_site.site_dir / "mirror"
    if not mirror.exists():
        shutil.copytree(served_site.site_dir, mirror, ignore=shutil.ignore_patterns("mirror"))
    items = [item.id for item in content.practices["listen"].model.checklist]
    page.goto(LISTEN)
    checkbox(page, items[0]).check()
    page.goto("mirror/" + LISTEN)
    expect(page.locator(".pb-progress__text")).to_have_text(f"0 of {len(items)} done")
    checkbox(page, items[1]).check()
    keys = page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('playbook:'))")
    assert sorted(keys) == [
        "playbook:/default:v4:checklist:listen",
        "playbook:/mirror/default:v4:checklist:listen",
    ]


def test_reset_clears_one_checklist_only(page: Page, content: Content) -> None:
    listen = [item.id for item in content.practices["listen"].model.checklist]
    grow = [item.id for item in content.practices["grow"].model.checklist]
    page.goto(LISTEN)
    seed(
        page,
        {
            "checklist:listen": json.dumps({"done": listen[:3]}),
            "checklist:grow": json.dumps({"done": grow[:1]}),
        },
    )
    page.get_by_role("button", name="Reset checklist").click()
    page.get_by_role("button", name="Yes, untick them").click()  # it asks first
    expect(page.locator("form.pb-checklist input:checked")).to_have_count(0)
    expect(page.locator(".pb-progress__text")).to_have_text(f"0 of {len(listen)} done")
    assert stored(page) == {
        "checklist:listen": {"done": []},
        "checklist:grow": {"done": grow[:1]},
    }


def test_home_shows_progress_of_every_practice(page: Page, content: Content) -> None:
    page.goto("")
    listen = content.practices["listen"].model
    scale = content.scales[listen.assessment.scale]
    answers = answers_for(listen.assessment.questions, scale, seed_=3)
    expected = percent_score(answers, listen.assessment.questions, scale)
    band = band_for(expected, listen.assessment.bands)
    grow = content.practices["grow"].model.assessment.questions
    seed(
        page,
        {
            "checklist:listen": json.dumps({"done": [i.id for i in listen.checklist[:5]]}),
            "answers:listen": json.dumps({"answers": answers}),
            "answers:grow": json.dumps({"answers": {grow[0].id: 2}}),
        },
    )
    overview = page.locator(".pb-progress-overview")
    expect(overview).to_be_visible()
    rows = overview.locator(".pb-overview__item[data-practice]")
    chosen = ["listen", "appreciate", "grow", "boundaries", "communicate"]
    expect(rows).to_have_count(len(chosen))
    for row, practice_id in zip(rows.all(), chosen, strict=True):
        practice = content.practices[practice_id].model
        done = 5 if practice_id == "listen" else 0
        expect(row.locator("a")).to_have_text(practice.title)
        expect(row.locator(".pb-overview__status")).to_contain_text(
            f"{done} of {len(practice.checklist)} done"
        )
    # Scored on the page from the stored answers, like the practice page does.
    expect(rows.first).to_contain_text(f"Self-assessment: {expected} out of 100, {band.label}")
    expect(rows.nth(1)).to_contain_text("Self-assessment not taken yet")
    expect(rows.nth(2)).to_contain_text(f"1 of {len(grow)} statements answered.")
    # The band's place as a colour beside its name: the lowest, the middle or the highest.
    tone = ["low", "mid", "high"][[b.id for b in listen.assessment.bands].index(band.id)]
    expect(rows.first.locator(".pb-overview__score")).to_have_class(
        f"pb-overview__score pb-overview__score--{tone}"
    )
    # One card for the health check: its last saved result, about whom and when.
    health = overview.locator(".pb-overview__item[data-health]")
    expect(health.locator("a")).to_have_text(content.health_check.model.title)
    expect(health.locator(".pb-overview__score")).to_have_text("No result saved yet")
    results = [
        {"about": "", "date": "2024-03-01T09:00:00Z", "dimensions": {}, "overall": 40},
        {"about": "my manager", "date": "2024-05-01T09:00:00Z", "dimensions": {}, "overall": 70},
    ]
    seed(page, {"history:health": json.dumps({"results": results})})
    expect(health.locator(".pb-overview__score")).to_have_text(
        "Last result: 70 out of 100 about my manager, May 1, 2024"
    )
    seed(page, {"history:health": json.dumps({"results": results[:1]})})
    expect(health.locator(".pb-overview__score")).to_have_text(
        "Last result: 40 out of 100, March 1, 2024"
    )


# --- 2. self-assessments ---------------------------------------------------------------------


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
    assert stored(page)[f"answers:{practice_id}"] == {"answers": answers}


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
    assert stored(page)["answers:listen"]["answers"] == {question.id: 2}


def test_clear_answers_removes_one_assessment(page: Page, content: Content) -> None:
    question = content.practices["listen"].model.assessment.questions[0]
    page.goto(LISTEN)
    answer(page, "listen", question.id, 3)
    page.get_by_role("button", name="Clear answers").click()
    page.get_by_role("button", name="Yes, clear them").click()  # it asks first
    expect(page.locator("form.pb-assessment input:checked")).to_have_count(0)
    assert stored(page) == {}


def test_browser_scoring_agrees_with_python_on_the_same_yaml(page: Page, content: Content) -> None:
    cases: list[dict[str, Any]] = []
    for practice_id, loaded in sorted(content.practices.items()):
        practice = loaded.model
        scale = content.scales[practice.assessment.scale]
        for seed_ in range(40):
            answers = answers_for(practice.assessment.questions, scale, seed_)
            expected = percent_score(answers, practice.assessment.questions, scale)
            cases.append(
                {
                    "questions": [
                        {"id": q.id, "reverse": q.reverse} for q in practice.assessment.questions
                    ],
                    "answers": answers,
                    "min": scale.points[0].value,
                    "max": scale.points[-1].value,
                    "bands": [
                        b.model_dump(include={"id", "min", "max"})
                        for b in practice.assessment.bands
                    ],
                    "expected": [expected, band_for(expected, practice.assessment.bands).id],
                    "case": f"{practice_id}#{seed_}",
                }
            )
    page.goto(LISTEN)
    got = page.evaluate(
        """(cases) => cases.map((c) => {
            const score = window.Playbook.score(c.questions, c.answers, c.min, c.max);
            return [score, window.Playbook.bandFor(c.bands, score).id];
        })""",
        cases,
    )
    mismatches = [
        (case["case"], case["expected"], result)
        for case, result in zip(cases, got, strict=True)
        if case["expected"] != result
    ]
    assert mismatches == []
    assert len(cases) == 40 * len(content.practices)


# --- 3. health check -------------------------------------------------------------------------


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
    saved = stored(page)["history:health"]["results"]
    assert [r["overall"] for r in saved] == [overall, better]
    assert saved[0]["dimensions"] == scores

    page.reload()
    expect(page.locator(".pb-history li")).to_have_count(2)


# --- 4. the reader's data --------------------------------------------------------------------


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
    assert data["version"] == 4
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
    seed(page, {"checklist:listen": json.dumps({"done": ["a"]})})
    messages: list[str] = []

    def dismiss(dialog: Any) -> None:
        messages.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    page.get_by_role("button", name="Delete all my data").click()
    assert messages == [DEFAULT_STRINGS["confirm_clear"]]
    assert stored(page) == {"checklist:listen": {"done": ["a"]}}


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
    seed(page, {"checklist:listen": json.dumps({"done": ["a"]})})
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8")
    page.get_by_label("Import data").set_input_files(bad)
    expect(page.locator(".pb-data .pb-status")).to_have_text(message)
    assert stored(page) == {"checklist:listen": {"done": ["a"]}}


def test_a_huge_import_file_is_refused_unread(page: Page, tmp_path: Path) -> None:
    page.goto("")
    seed(page, {"checklist:listen": json.dumps({"done": ["a"]})})
    huge = tmp_path / "huge.json"
    huge.write_bytes(b" " * (5 * 1024 * 1024 + 1))
    page.get_by_label("Import data").set_input_files(huge)
    expect(page.locator(".pb-data .pb-status")).to_have_text(DEFAULT_STRINGS["import_too_large"])
    assert stored(page) == {"checklist:listen": {"done": ["a"]}}


def test_print_turns_a_practice_page_into_a_worksheet(page: Page) -> None:
    page.goto(LISTEN)
    page.emulate_media(media="print")
    for chrome in [".md-header", ".md-sidebar--primary", ".md-footer", ".pb-progress button"]:
        expect(page.locator(chrome).first).to_be_hidden()
    box = page.locator("form.pb-checklist input").first
    expect(box).to_be_visible()
    style = box.evaluate(
        "(e) => { const s = getComputedStyle(e); "
        "return [s.borderTopStyle, s.borderTopWidth, s.width]; }"
    )
    assert style[0] == "solid" and style[1] != "0px" and style[2] != "0px"
    radio = page.locator("form.pb-assessment input").first
    expect(radio).to_be_visible()
    assert radio.evaluate("(e) => getComputedStyle(e).borderTopLeftRadius") == "50%"


# --- 5. robustness ---------------------------------------------------------------------------


def test_damaged_stored_data_is_discarded_with_a_notice(
    page: Page, content: Content, page_log: PageLog
) -> None:
    items = [item.id for item in content.practices["listen"].model.checklist]
    page.goto(LISTEN)
    seed(
        page,
        {
            "checklist:listen": "{broken",
            "answers:listen": json.dumps({"answers": {"q": "five"}}),
            "checklist:grow": json.dumps({"done": [items[0]]}),
        },
    )
    expect(page.locator(".pb-notice")).to_have_text(DEFAULT_STRINGS["storage_damaged"])
    expect(page.locator(".pb-progress__text")).to_have_text(f"0 of {len(items)} done")
    assert stored(page) == {"checklist:grow": {"done": [items[0]]}}
    checkbox(page, items[1]).check()
    assert stored(page)["checklist:listen"] == {"done": [items[1]]}
    assert page_log.console_errors == []


BLOCKED_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); },
});
"""


def test_blocked_storage_works_for_the_visit_with_a_notice(
    new_page: Callable[..., Page], content: Content
) -> None:
    items = [item.id for item in content.practices["listen"].model.checklist]
    page = new_page(init_script=BLOCKED_STORAGE)
    page.goto(LISTEN)
    expect(page.locator(".pb-notice")).to_have_text(DEFAULT_STRINGS["storage_unavailable"])
    checkbox(page, items[0]).check()
    expect(page.locator(".pb-progress__text")).to_have_text(f"1 of {len(items)} done")
    instant_navigation(page, "practices/grow/")
    expect(page.locator(".pb-notice")).to_have_text(DEFAULT_STRINGS["storage_unavailable"])
    instant_navigation(page, LISTEN)
    expect(checkbox(page, items[0])).to_be_checked()  # kept in memory for the visit


FULL_STORAGE = """
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (key.endsWith(':probe')) return setItem.call(this, key, value);
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};
"""


def test_a_full_storage_keeps_working_for_the_visit_with_a_notice(
    new_page: Callable[..., Page], content: Content
) -> None:
    items = [item.id for item in content.practices["listen"].model.checklist]
    page = new_page(init_script=FULL_STORAGE)
    page.goto(LISTEN)
    expect(page.locator(".pb-notice")).to_have_count(0)
    checkbox(page, items[0]).check()
    expect(page.locator(".pb-notice")).to_have_text(DEFAULT_STRINGS["storage_unavailable"])
    checkbox(page, items[1]).check()
    expect(page.locator(".pb-progress__text")).to_have_text(f"2 of {len(items)} done")


# --- 6-8. privacy, no JavaScript, accessibility ----------------------------------------------


@pytest.mark.parametrize("path", [LISTEN, "health-check/"])
def test_assessment_pages_say_answers_stay_in_the_browser(page: Page, path: str) -> None:
    page.goto(path)
    expect(page.locator(".pb-privacy")).to_have_text(
        "Your answers stay in this browser: nothing is sent anywhere."
    )


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
