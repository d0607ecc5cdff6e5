"""Practices and the health check on paper: compact worksheets.

Each default practice prints on at most three A4 pages and the health check on at most two, in
Chromium's print emulation, with a result on screen: the title, lines for a name, a date and
whom it is about, the checklist, the statements with their circles, a score box and the bands
(the health check: a score grid), and none of what only the screen needs. Those lines are
hidden on screen. Reverse scoring is marked on paper only: on screen a statement's accessible
name is the statement alone.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from support.browser import (
    LISTEN,
    default_content,  # noqa: F401 (the content fixture)
)

from generator.content import Content
from generator.project import load_project

pytestmark = pytest.mark.browser

PRACTICES = ["appreciate", "boundaries", "communicate", "grow", "listen"]
SHEET_LINES = ["Name:", "Date:", "About whom:"]
PRIVACY = "Your answers stay in this browser: nothing is sent anywhere."


def pdf_of(page: Page) -> bytes:
    page.emulate_media(media="print")
    pdf: bytes = page.pdf(format="A4")
    return pdf


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-z])", pdf))


def text_of(pdf: bytes) -> str:
    """The printed words, on one line (poppler's pdftotext)."""
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return " ".join(result.stdout.decode("utf-8").split())


@pytest.mark.every_engine
def test_the_default_practices_are_the_five_printed_here(repo_root: Path) -> None:
    assert sorted(load_project(repo_root).content_for("default").practices) == PRACTICES


@pytest.mark.every_engine(only={"practice_id": "listen"})
@pytest.mark.parametrize("practice_id", PRACTICES)
def test_a_practice_prints_as_a_worksheet_on_at_most_three_pages(
    page: Page, content: Content, practice_id: str
) -> None:
    practice = content.practices[practice_id].model
    questions = practice.assessment.questions
    page.goto(f"practices/{practice_id}/")
    # Screen-only things on screen: progress after a tick, the result card after answers.
    page.locator(f"input[name='{practice_id}--{practice.checklist[0].id}']").check()
    progress = f"1 of {len(practice.checklist)} done"
    expect(page.locator(".pb-progress__text")).to_have_text(progress)
    for question in questions:
        page.locator(f"input[name='{practice_id}--{question.id}'][value='3']").check()
    card = page.locator(".pb-card")
    expect(card).to_be_visible()
    card_headline = " ".join(card.locator(".pb-card__headline").inner_text().split())
    sheet = page.locator(".pb-sheet-lines")
    expect(sheet).to_be_hidden()
    expect(page.locator(".pb-score-box")).to_be_hidden()

    pdf = pdf_of(page)
    expect(sheet).to_be_visible()
    for words in SHEET_LINES:
        expect(sheet.get_by_text(words, exact=True)).to_be_visible()
    expect(page.locator(".pb-progress")).to_be_hidden()
    expect(card).to_be_hidden()
    assert page_count(pdf) <= 3

    printed = text_of(pdf)
    assert printed.startswith(f"{practice.title} ")
    for words in SHEET_LINES:
        assert words in printed
    for item in practice.checklist:
        assert item.text in printed
    for question in questions:
        assert question.text in printed
    most = 4 * len(questions)
    assert f"Points: ÷ {most} × 100 = Score:" in printed
    for band in practice.assessment.bands:
        assert f"{band.min}–{band.max}: {band.label}." in printed
    for screen_only in [progress, card_headline, PRIVACY, "Back to top", "Why it matters"]:
        assert screen_only not in printed
    assert "Reset" not in printed


@pytest.mark.every_engine
def test_a_statement_reads_as_a_statement_on_screen_and_is_marked_on_paper(
    page: Page, content: Content
) -> None:
    questions = content.practices["listen"].model.assessment.questions
    reverse = [q for q in questions if q.reverse]
    assert [q.id for q in reverse] == ["interrupt", "rush-to-solutions"]
    page.goto("practices/listen/")
    form = page.get_by_role("form", name="Listen actively self-assessment")
    snapshot = form.aria_snapshot()
    assert "reverse" not in snapshot
    for question in questions:
        group = form.get_by_role("group", name=question.text, exact=True)
        expect(group).to_be_visible()
        expect(group).to_have_accessible_name(question.text)
    interrupt = page.locator("fieldset[data-question='interrupt']")
    mark = interrupt.locator(".pb-reverse")
    expect(mark).to_be_hidden()
    expect(page.get_by_text("reverse-scored", exact=True)).to_have_count(0)
    # The third statement answered, the first two are marked as skipped: on screen only.
    page.locator(f"input[name='listen--{questions[2].id}'][value='2']").check()
    expect(page.get_by_text("Not answered yet", exact=True)).to_have_count(2)

    pdf = pdf_of(page)
    expect(page.get_by_text("Not answered yet", exact=True).first).to_be_hidden()
    expect(mark).to_be_visible()
    expect(mark).to_have_text(" (reverse-scored)")
    expect(page.locator(".pb-reverse:visible")).to_have_count(len(reverse))
    printed = text_of(pdf)
    for question in questions:
        marked = f"{question.text} (reverse-scored)"
        assert (marked in printed) == question.reverse, question.id
    assert 'the statements marked "reverse-scored" on the printed page' in printed
    assert "Not answered yet" not in printed
    assert "statements answered" not in printed


@pytest.mark.every_engine
def test_the_health_check_prints_on_at_most_two_pages_with_a_score_grid(
    page: Page, content: Content
) -> None:
    health = content.health_check
    assert health is not None
    dimensions = health.model.dimensions
    page.goto("health-check/")
    for dimension in dimensions:
        for question in dimension.questions:
            page.locator(f"input[name='health--{question.id}'][value='2']").check()
    expect(page.locator(".pb-card")).to_be_visible()
    history = "No saved results yet. Save one to compare with next time."
    expect(page.get_by_text(history, exact=True)).to_be_visible()
    grid = page.get_by_role("table", name="Your points in each dimension")
    expect(page.locator(".pb-score-grid")).to_be_hidden()
    expect(page.locator(".pb-sheet-lines")).to_be_hidden()

    pdf = pdf_of(page)
    expect(grid).to_be_visible()
    rows = grid.get_by_role("row")
    expect(rows).to_have_count(1 + len(dimensions))
    expect(rows.first).to_have_text("DimensionPointsMostShare")
    for row, dimension in zip(rows.all()[1:], dimensions, strict=True):
        cells = row.get_by_role("cell")
        expect(row.get_by_role("rowheader")).to_have_text(dimension.title)
        expect(cells).to_have_text(["", str(4 * len(dimension.questions)), ""])
    assert page_count(pdf) <= 2

    printed = text_of(pdf)
    assert printed.startswith(f"{health.model.title} ")
    for words in SHEET_LINES:
        assert words in printed
    for dimension in dimensions:
        assert dimension.title in printed
        for question in dimension.questions:
            assert question.text in printed
    # (pdftotext reads a table's columns in an order of its own: the cells are checked above.)
    assert "Your points in each dimension Dimension" in printed
    for screen_only in [history, PRIVACY, "Back to top", "Save this result"]:
        assert screen_only not in printed


@pytest.mark.every_engine
def test_without_javascript_the_worksheet_lines_show_on_paper_only(
    new_page: Callable[..., Page],
) -> None:
    page = new_page(java_script_enabled=False)
    page.goto("practices/listen/")
    sheet = page.locator(".pb-sheet-lines")
    expect(sheet).to_be_hidden()
    expect(page.get_by_text("About whom:", exact=True)).to_be_hidden()
    pdf = pdf_of(page)
    expect(sheet).to_be_visible()
    assert page_count(pdf) <= 3
    assert "Name: Date: About whom:" in text_of(pdf)


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
