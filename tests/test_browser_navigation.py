"""Getting around a page and between pages: the skip link, the links to the forms, the Tab
order, instant navigation.

Each practice page begins with links to its checklist and self-assessment, which the script
fills in with their progress (the home page's "start here" path: test_browser_home.py); a skip
link beside the theme's own reaches the checklist. Heading permalinks and anything the eye
cannot see are out of the Tab order: from page load, Tab, Tab, Enter (the skip link) and Tab
reach the first checkbox, on a laptop and on a phone, and every stop on the way through the
whole page can be seen: what a phone folds away (the navigation drawer, the search) unfolds as
the keyboard enters it and folds again as it leaves. Following the sidebar's links (the theme's
instant navigation, no page load) leaves the checklist and the stored ticks working.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from support.browser import (
    LISTEN,
    ServedSite,
    checkbox,
    default_content,  # noqa: F401 (the content fixture)
    instant_navigation,
    starting,
    stored,
)

from generator.content import Content
from generator.ui import DEFAULT_STRINGS, PAGE_STRINGS

pytestmark = [pytest.mark.browser, pytest.mark.every_engine]

WIDE = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
VIEWPORTS = pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["wide", "phone"])

#: What has the focus, and whether the reader can see it: on the screen, not clipped away,
#: hidden, transparent or covered. A visually hidden input is seen through its label (the
#: theme's colour-scheme switch is one; the checklist's boxes are drawn in full).
FOCUSED_JS = """async () => {
  // The theme fades a focused skip link in and scrolls a focused link into view: look once
  // every transition has run its course.
  const settled = Promise.all(document.getAnimations().map((animation) => animation.finished));
  await Promise.race([settled.catch(() => null), new Promise((done) => setTimeout(done, 1000))]);
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const node = document.activeElement;
  if (!node || node === document.body) return null;
  const seen = (element) => {
    const r = element.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) return false;
    if (r.bottom <= 0 || r.right <= 0) return false;
    if (r.top >= innerHeight || r.left >= innerWidth) return false;
    const options = { opacityProperty: true, visibilityProperty: true };
    if (!element.checkVisibility(options)) return false;
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    return Boolean(top && (element.contains(top) || top.contains(element)
      || (top.control && top.control === element) || top.closest("label")?.control === element));
  };
  // The theme's colour-scheme switch is a radio button drawn as the label after it, which
  // takes the focus ring.
  const drawnBy = node.matches(".md-option") ? node.nextElementSibling : null;
  const shown = seen(node) || Boolean(drawnBy && drawnBy.matches("label") && seen(drawnBy))
    || [...(node.labels || [])].some(seen);
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


def checked_toggles(page: Page) -> list[str]:
    """The theme's folding switches that are on: drawer, search, sections, contents."""
    toggles: list[str] = page.eval_on_selector_all(
        "input.md-toggle:checked", "(nodes) => nodes.map((node) => node.id)"
    )
    return toggles


@VIEWPORTS
def test_the_skip_link_reaches_the_first_checkbox_in_three_tab_presses(
    new_page: Callable[..., Page], viewport: dict[str, int]
) -> None:
    page = new_page(viewport=viewport)
    page.goto(LISTEN)
    page.wait_for_load_state("load")
    page.keyboard.press("Tab")
    stop = focused(page)
    assert stop is not None and stop["name"] == "Skip to content", stop  # the theme's own
    page.keyboard.press("Tab")
    stop = focused(page)
    assert stop is not None and stop["name"] == DEFAULT_STRINGS["skip_to_checklist"], stop
    assert stop["shown"], stop
    page.keyboard.press("Enter")
    # The checklist's heading is where the link goes, and it comes on the screen.
    checklist_id = page.locator("form.pb-checklist").evaluate(
        "(form) => form.previousElementSibling.id"
    )
    page.wait_for_function("(hash) => location.hash === hash", arg=f"#{checklist_id}")
    expect(page.locator(f"[id='{checklist_id}']")).to_be_in_viewport()
    # Below the theme's fixed header, not under it.
    page.wait_for_function(
        """(id) => document.getElementById(id).getBoundingClientRect().top >=
            document.querySelector('.md-header').getBoundingClientRect().bottom""",
        arg=checklist_id,
    )
    page.keyboard.press("Tab")
    stop = focused(page)
    assert stop is not None and stop["checkbox"], stop
    first = page.locator("form.pb-checklist input[type=checkbox]").first
    expect(first).to_be_focused()
    # Ticking by keyboard works from there.
    page.keyboard.press("Space")
    expect(first).to_be_checked()


@pytest.mark.every_engine(only={"path": LISTEN})
@VIEWPORTS
@pytest.mark.parametrize("path", [LISTEN, "", "health-check/"], ids=["practice", "home", "health"])
def test_every_tab_stop_can_be_seen_and_no_permalink_is_one(
    new_page: Callable[..., Page], served_site: ServedSite, viewport: dict[str, int], path: str
) -> None:
    page = new_page(viewport=viewport)
    page.goto(path)
    page.wait_for_load_state("load")
    assert page.locator(".md-content a.headerlink").count() >= 5
    toggles = checked_toggles(page)
    stops = tab_walk(page)
    unseen = [stop for stop in stops if not stop["shown"]]
    assert unseen == [], unseen
    # The walk went through the whole page: the navigation, the page's own links and forms,
    # the footer; and the permalinks were not part of it.
    assert stops[0]["name"] == "Skip to content"
    # The search: MkDocs' Material has its field in the header, Zensical a button there, which
    # it hides on a phone for an icon that is not in the Tab order (the theme's choice).
    if viewport == WIDE or served_site.engine == "mkdocs":
        assert any(re.search(r"\bmd-search__(input|button)\b", stop["cls"]) for stop in stops)
    assert any("md-footer__link" in stop["cls"] for stop in stops)
    assert not any("headerlink" in stop["cls"] for stop in stops)
    assert page.locator(".md-content a.headerlink").evaluate_all(
        "(links) => links.every((link) => link.tabIndex === -1 && link.hash.length > 1"
        " && link.pathname === location.pathname)"
    )
    if path == LISTEN:
        boxes = page.locator("form.pb-checklist input[type=checkbox]").count()
        assert sum(stop["checkbox"] for stop in stops) == boxes
    # What the keyboard unfolded on the way (a phone's drawer, the search) is folded again.
    assert checked_toggles(page) == toggles


def test_each_practice_page_begins_with_links_to_its_forms_without_script(
    new_page: Callable[..., Page], content: Content
) -> None:
    page = new_page(viewport=PHONE, java_script_enabled=False)
    for practice_id in content.practices:
        page.goto(f"practices/{practice_id}/")
        links = page.locator("nav.pb-jump a")
        expect(links).to_have_text(
            [PAGE_STRINGS["heading_checklist"], PAGE_STRINGS["heading_assessment"]]
        )
        expect(page.locator("nav.pb-jump")).to_have_attribute(
            "aria-label", PAGE_STRINGS["jump_label"]
        )
        # On the first screen of a phone, before the page's first section.
        expect(page.locator("nav.pb-jump")).to_be_in_viewport()
        assert page.locator("nav.pb-jump").evaluate(
            "(nav) => Boolean(nav.compareDocumentPosition("
            "document.querySelector('.md-content h2')) & Node.DOCUMENT_POSITION_FOLLOWING)"
        )
        checklist, assessment = (links.nth(n).get_attribute("href") for n in range(2))
        assert (
            checklist and assessment and checklist.startswith("#") and assessment.startswith("#")
        )
        expect(page.locator(f"h2[id='{checklist[1:]}'] + form.pb-checklist")).to_have_count(1)
        expect(page.locator(f"h2[id='{assessment[1:]}'] ~ form.pb-assessment")).to_have_count(1)
        expect(page.locator(f"h2[id='{assessment[1:]}']")).to_have_text(
            starting(PAGE_STRINGS["heading_assessment"])
        )
        # Nothing for the script to fill in is shown empty.
        expect(page.locator(".pb-jump__status")).to_have_count(0)


def test_the_links_to_the_forms_show_their_progress(page: Page, content: Content) -> None:
    practice = content.practices["listen"].model
    items, questions = len(practice.checklist), practice.assessment.questions
    page.goto(LISTEN)
    checklist, assessment = page.locator(".pb-jump__item").all()
    expect(checklist).to_contain_text(DEFAULT_STRINGS["progress"].format(done=0, total=items))
    answered = DEFAULT_STRINGS["answered"]
    expect(assessment).to_contain_text(answered.format(answered=0, total=len(questions)))
    page.locator("form.pb-checklist input[type=checkbox]").nth(2).check()
    expect(checklist).to_contain_text(DEFAULT_STRINGS["progress"].format(done=1, total=items))
    for question in questions:
        page.locator(f"input[name='listen--{question.id}'][value='4']").check()
    card = page.locator(".pb-card")
    expect(card).to_be_visible()
    score = card.get_attribute("aria-label")
    assert score and score.startswith("Your score: ")
    expect(assessment.locator(".pb-jump__status")).to_have_text(score)
    page.reload()
    expect(checklist).to_contain_text(DEFAULT_STRINGS["progress"].format(done=1, total=items))
    expect(assessment.locator(".pb-jump__status")).to_have_text(score)
    # Reset from the checklist's own controls: the link's count follows.
    page.locator("form.pb-checklist input[type=checkbox]").nth(2).uncheck()
    expect(checklist).to_contain_text(DEFAULT_STRINGS["progress"].format(done=0, total=items))
    # Following a link goes to the form's heading.
    checklist.locator("a").click()
    expect(page.locator("form.pb-checklist")).to_be_in_viewport()


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
        "practice-checklist:listen": {"done": sorted(listen[:2])},
        "practice-checklist:grow": {"done": [grow[1]]},
    }
