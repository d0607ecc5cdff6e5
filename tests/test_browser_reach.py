"""Forms easy to reach (issue 16, point 3).

Each practice page begins with links to its checklist and self-assessment, which the script
fills in with their progress; the home page has a "start here" path; a skip link beside the
theme's own reaches the checklist. Heading permalinks and anything the eye cannot see are out
of the Tab order: from page load a keyboard is at most 10 Tab presses from the first checkbox,
on a laptop and on a phone, and every stop on the way through the whole page can be seen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from browser_support import ServedSite, run_axe, format_violations
from playwright.sync_api import Page, expect

from generator.content import Content
from generator.ui import DEFAULT_STRINGS, PAGE_STRINGS
from generator.validate import load_project

pytestmark = pytest.mark.browser

WIDE = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
VIEWPORTS = pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["wide", "phone"])

#: What has the focus, and whether the reader can see it: on the screen, not clipped away,
#: hidden, transparent or covered. A visually hidden input is seen through its label (the
#: theme's colour-scheme switch is one; the checklist's boxes are drawn in full).
FOCUSED_JS = """() => {
  const node = document.activeElement;
  if (!node || node === document.body) return null;
  const seen = (element) => {
    const r = element.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) return false;
    if (r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) return false;
    if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    return Boolean(top && (element.contains(top) || top.contains(element)
      || (top.control && top.control === element) || top.closest("label")?.control === element));
  };
  const shown = seen(node) || [...(node.labels || [])].some(seen);
  const name = (node.getAttribute("aria-label") || node.labels?.[0]?.textContent
    || node.textContent || node.getAttribute("title") || "").trim().replace(/\\s+/g, " ");
  return {
    tag: node.tagName.toLowerCase(), type: node.type || "", id: node.id,
    cls: String(node.className), name: name.slice(0, 60), shown,
    checkbox: node.matches("form.pb-checklist input[type=checkbox]"),
  };
}"""


def focused(page: Page) -> dict[str, Any] | None:
    result: dict[str, Any] | None = page.evaluate(FOCUSED_JS)
    return result


def tab_walk(page: Page, limit: int = 500) -> list[dict[str, Any]]:
    """Every Tab stop of the page in order, from load until the focus leaves the page."""
    stops: list[dict[str, Any]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = focused(page)
        if stop is None or (stops and stop == stops[0] and len(stops) > 1):
            return stops
        stops.append(stop)
    raise AssertionError(f"the Tab order did not end within {limit} presses")


@pytest.fixture(scope="module")
def content(served_site: ServedSite) -> Content:
    return load_project(served_site.project).content_for("default")


@VIEWPORTS
@pytest.mark.parametrize("path", ["practices/listen/", "", "health-check/"])
def test_probe(new_page: Callable[..., Page], viewport: dict[str, int], path: str) -> None:
    page = new_page(viewport=viewport)
    page.goto(path)
    page.wait_for_load_state("load")
    stops = tab_walk(page)
    for number, stop in enumerate(stops, 1):
        print(number, stop)
    assert [s for s in stops if not s["shown"]] == []
