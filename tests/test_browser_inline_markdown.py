"""Inline Markdown in checklist items and statements flows as one line of text (issue 17, 2).

A checklist item's label is a flex row (box, then words): bold, italics or a link must not
become flex items of their own, side by side with gaps, or narrow columns on a phone. Built
on both engines from a small project whose items and statements carry inline Markdown,
measured on a wide screen and on a 390 px phone.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page
from support.browser import DEFAULT_ENGINE, PageLog, base_url_of, build_for, local_server
from support.projects import write_minimal_project

pytestmark = pytest.mark.browser

SHORT = "Tick **the first** item, *calmly*, as [the guide](https://example.org/guide) says."
LONG = (
    "Before the **weekly review** I read every note the team left, *including the short "
    "ones*, and I answer each one in writing, as [the agreement](https://example.org/a) asks, "
    "so that nobody waits until the meeting to hear back."
)
STATEMENT = "I **listen** to the *whole* point before I answer, as [agreed](https://example.org/)."

#: For the first item's label: its children, and where its words' inline parts sit.
MEASURE = """(label) => {
  const text = label.querySelector('.pb-item-text');
  const box = label.querySelector('input');
  const rect = (node) => node.getBoundingClientRect();
  const parts = [...text.querySelectorAll('strong, em, a')];
  return {
    children: [...label.children].map((c) => c.tagName.toLowerCase() + '.' + c.className),
    textRects: text.getClientRects().length,
    textWidth: rect(text).width,
    room: rect(label).width - rect(box).width,
    lineHeight: parseFloat(getComputedStyle(text).lineHeight),
    textHeight: rect(text).height,
    partTops: parts.map((p) => Math.round(p.getClientRects()[0].top - rect(text).top)),
  };
}"""


@pytest.fixture(scope="module", params=[DEFAULT_ENGINE])
def site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    work = tmp_path_factory.mktemp("inline")
    project = write_minimal_project(work / "project")
    practice = project / "content" / "practices" / "alpha.yaml"
    text = practice.read_text("utf-8")
    text = text.replace("text: Tick the first item.", f"text: {_quoted(SHORT)}")
    text = text.replace("text: Tick the second item.", f"text: {_quoted(LONG)}")
    text = text.replace("text: I do the first thing.", f"text: {_quoted(STATEMENT)}")
    practice.write_text(text, "utf-8")
    site_dir = work / "site"
    site_dir.mkdir()
    with local_server(site_dir) as server:
        base_url = base_url_of(server)
        build_for(project, site_dir, base_url, str(request.param))
        yield base_url


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'


def open_practice(browser: Browser, base_url: str, width: int) -> Page:
    log = PageLog(base_url=base_url)
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": 900})
    log.watch(context)
    page = context.new_page()
    page.goto("practices/alpha/")
    return page


@pytest.mark.parametrize("width", [1280, 390])
def test_a_checklist_item_with_inline_markdown_is_one_block_of_text(
    browser: Browser, site: str, width: int
) -> None:
    page = open_practice(browser, site, width)
    labels = page.locator(".pb-checklist label")
    for index in range(2):
        found = labels.nth(index).evaluate(MEASURE)
        # Two flex children: the box and one block holding every word of the item.
        assert found["children"] == ["input.", "span.pb-item-text"]
        assert found["textRects"] == 1
        # The words take the whole row beside the box, not a narrow column.
        assert found["textWidth"] > 0.85 * found["room"], found
    short = labels.nth(0).evaluate(MEASURE)
    long = labels.nth(1).evaluate(MEASURE)
    assert len(short["partTops"]) == len(long["partTops"]) == 3
    if width == 1280:
        # The short item fits one line: bold, italics and the link sit on it.
        assert max(short["partTops"]) < short["lineHeight"], short
        assert short["textHeight"] < 2 * short["lineHeight"], short
    else:
        # On the phone the long item wraps into a few full-width lines, not a column of words.
        lines = long["textHeight"] / long["lineHeight"]
        assert 2 <= lines <= 7, long
    expected = "Tick the first item, calmly, as the guide says."
    assert labels.nth(0).locator(".pb-item-text").inner_text().startswith(expected)
    page.context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_a_statement_with_inline_markdown_reads_as_one_line(
    browser: Browser, site: str, width: int
) -> None:
    page = open_practice(browser, site, width)
    legend = page.locator(".pb-question legend").first
    assert legend.inner_text().startswith(
        "I listen to the whole point before I answer, as agreed."
    )
    found = legend.evaluate(
        """(legend) => ({
             displays: [...legend.querySelectorAll('strong, em, a')].map(
               (p) => getComputedStyle(p).display),
             tops: [...legend.querySelectorAll('strong, em, a')].map(
               (p) => Math.round(p.getClientRects()[0].top - legend.getBoundingClientRect().top)),
             line: parseFloat(getComputedStyle(legend).lineHeight),
             width: legend.getBoundingClientRect().width,
             room: legend.parentElement.clientWidth,
           })"""
    )
    assert found["displays"] == ["inline", "inline", "inline"]
    if width == 1280:
        # All three sit on the statement's one line.
        assert max(found["tops"]) < found["line"], found
    else:
        # Wrapped on the phone, it takes its card's width, not a narrow column.
        assert found["width"] > 0.8 * found["room"], found
    page.context.close()
