"""The reader's side, measured, on a wide screen and a 390 px phone: controls for thumbs and
keyboards, the scale, statements in their cards, the radar chart, buttons.

Checkboxes and radios are drawn in the theme's colours in both schemes, at least 24 px, with
labels of at least 44 px to tap on a 390 px wide phone; a keyboard reaches a radio with a
visible focus ring; the scale is one even row on a wide screen and a stack on a phone; a
statement's text sits inside its card; the radar's labels are as large as small body text on a
phone and it has a key; no floating button covers text; and "Reset checklist" and "Clear
answers" look secondary beside the main action, still comfortable to tap. (The home page's
cards: test_browser_home.py; axe with the cards on screen: test_browser_accessibility.py.)
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect
from support.browser import (
    HEALTH,
    LISTEN,
    answer_all,
    boxes,
    default_content,  # noqa: F401 (the content fixture)
)

from generator.content import Content
from generator.ui import DEFAULT_STRINGS

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 900}


def colour_of(page: Page, css: str) -> str:
    """The computed colour a CSS colour expression (a theme variable) gives in this page."""
    value: str = page.evaluate(
        "(css) => { const probe = document.createElement('span'); probe.style.color = css; "
        "document.body.append(probe); const c = getComputedStyle(probe).color; "
        "probe.remove(); return c; }",
        css,
    )
    return value


def style(page: Page, selector: str, *properties: str) -> dict[str, str]:
    values: dict[str, str] = page.eval_on_selector(
        selector,
        "(node, names) => Object.fromEntries(names.map((n) => "
        "[n, getComputedStyle(node).getPropertyValue(n)]))",
        list(properties),
    )
    return values


@pytest.mark.every_engine
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_controls_are_drawn_in_the_themes_colours_at_24_px(
    new_page: Callable[..., Page], scheme: str
) -> None:
    page = new_page(color_scheme=scheme, viewport=PHONE)
    page.goto(LISTEN)
    expect(page.locator("body")).to_have_attribute(
        "data-md-color-scheme", "slate" if scheme == "dark" else "default"
    )
    for selector in ["form.pb-checklist input[type=checkbox]", "form.pb-assessment input"]:
        sizes = boxes(page, selector)
        assert sizes and all(b["width"] >= 24 and b["height"] >= 24 for b in sizes), sizes
    # Tap targets: every checklist item and every choice of the scale, 44 px high or more.
    for selector in ["form.pb-checklist label", "form.pb-assessment .pb-scale label"]:
        heights = [b["height"] for b in boxes(page, selector)]
        assert heights and min(heights) >= 44, (selector, min(heights))

    primary = colour_of(page, "var(--md-primary-fg-color)")
    background = colour_of(page, "var(--md-default-bg-color)")
    box = "form.pb-checklist input[type=checkbox]"
    unticked = style(page, box, "background-color", "border-top-color")
    assert unticked["background-color"] == background
    assert unticked["border-top-color"] not in (background, primary)
    page.locator(box).first.check()
    ticked = style(page, box + ":checked", "background-color", "border-top-color")
    assert ticked == {"background-color": primary, "border-top-color": primary}
    radio = "form.pb-assessment input[type=radio]"
    page.locator(radio).first.check()
    assert style(page, radio + ":checked", "background-color")["background-color"] == primary


def test_a_keyboard_reaches_a_radio_and_sees_where_it_is(page: Page) -> None:
    page.goto(LISTEN)
    # Start from the text just above the form, then Tab as a keyboard user does.
    page.locator(".pb-privacy").click()
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "radio":
            break
    focused = page.evaluate(
        "(() => { const e = document.activeElement, s = getComputedStyle(e); return { "
        "type: e.type, visible: e.matches(':focus-visible'), style: s.outlineStyle, "
        "width: parseFloat(s.outlineWidth), colour: s.outlineColor }; })()"
    )
    assert focused["type"] == "radio"
    assert focused["visible"] is True
    assert focused["style"] == "solid" and focused["width"] >= 2, focused
    assert focused["colour"] == colour_of(page, "var(--md-default-fg-color)")
    # A mouse click shows no ring: the ring is for the keyboard.
    page.locator("form.pb-assessment input[type=radio]").nth(7).click()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "none"


def test_the_scale_is_one_even_row_when_wide_and_a_stack_on_a_phone(
    new_page: Callable[..., Page], content: Content
) -> None:
    points = len(content.scales["frequency"].points)
    wide = new_page(viewport=WIDE)
    wide.goto(LISTEN)
    row = boxes(wide, "form.pb-assessment .pb-question:first-of-type .pb-scale label")
    assert len(row) == points
    assert len({round(b["y"]) for b in row}) == 1  # one row, no wrap
    assert max(b["width"] for b in row) - min(b["width"] for b in row) < 1.5  # even
    scale = boxes(wide, "form.pb-assessment .pb-question:first-of-type .pb-scale")[0]
    assert abs(row[0]["x"] - scale["x"]) < 1
    assert abs(row[-1]["x"] + row[-1]["width"] - scale["x"] - scale["width"]) < 1.5

    phone = new_page(viewport=PHONE)
    phone.goto(LISTEN)
    stack = boxes(phone, "form.pb-assessment .pb-question:first-of-type .pb-scale label")
    assert len({round(b["x"]) for b in stack}) == 1  # one column
    assert [b["y"] for b in stack] == sorted(b["y"] for b in stack)
    assert len({round(b["y"]) for b in stack}) == points
    assert len({round(b["width"]) for b in stack}) == 1


@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["wide", "phone"])
def test_a_statements_text_is_inside_its_card(
    new_page: Callable[..., Page], viewport: dict[str, int]
) -> None:
    page = new_page(viewport=viewport)
    page.goto(LISTEN)
    placed = page.eval_on_selector_all(
        "form.pb-assessment fieldset.pb-question",
        "(sets) => sets.map((f) => { const a = f.getBoundingClientRect(), "
        "b = f.querySelector('legend').getBoundingClientRect(), "
        "top = parseFloat(getComputedStyle(f).borderTopWidth); "
        "return b.top >= a.top + top && b.bottom <= a.bottom && b.left >= a.left "
        "&& b.right <= a.right; })",
    )
    assert placed and all(placed)


@pytest.mark.parametrize(
    "viewport", [PHONE, {"width": 1280, "height": 800}], ids=["phone", "laptop"]
)
def test_the_radar_has_a_key_and_labels_as_large_as_small_text(
    new_page: Callable[..., Page], content: Content, viewport: dict[str, int]
) -> None:
    """On a phone and on a laptop (where it once shrank to 300 px, its labels to 7.5 px)."""
    health = content.health_check
    assert health is not None
    questions = [q for d in health.model.dimensions for q in d.questions]
    page = new_page(viewport=viewport)
    page.goto(HEALTH)
    answer_all(page, "health", questions, 3)
    page.get_by_role("button", name="Save this result").click()
    answer_all(page, "health", questions[:4], 5)
    chart = page.locator(".pb-health__chart svg.pb-chart")
    expect(chart).to_be_visible()
    # A key: this result and the last saved one, each with its date.
    date = r"[A-Z][a-z]+ \d{1,2}, \d{4}"
    expect(page.locator(".pb-health__chart .pb-legend li")).to_have_text(
        [re.compile(rf"^This result, {date}$"), re.compile(rf"^Last saved, {date} at \d")]
    )
    body = float(style(page, ".md-typeset p", "font-size")["font-size"].removesuffix("px"))
    sizes = page.eval_on_selector_all(
        ".pb-health__chart svg.pb-chart text",
        "(texts) => texts.map((t) => { const svg = t.ownerSVGElement; "
        "const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width; "
        "return parseFloat(getComputedStyle(t).fontSize) * scale; })",
    )
    assert len(sizes) == len(health.model.dimensions)
    assert min(sizes) >= 0.8 * body, (sizes, body)
    # As wide as the card lets it be, up to 600 px: not the 300 px of an SVG left to itself.
    room = page.locator(".pb-health__chart").evaluate(
        "(figure) => { const box = figure.parentElement, css = getComputedStyle(box); "
        "return box.clientWidth - parseFloat(css.paddingLeft) - parseFloat(css.paddingRight); }"
    )
    drawn = chart.bounding_box()
    assert drawn and drawn["width"] >= min(560, 0.95 * room), (drawn, room)
    # Every label within the screen: none cut off at its edges.
    labels = boxes(page, ".pb-health__chart svg.pb-chart text")
    assert all(b["x"] >= 0 and b["x"] + b["width"] <= viewport["width"] for b in labels), labels
    # The chart stays an inline SVG with a text alternative, and a data table beside it.
    assert chart.get_attribute("role") == "img"
    assert (chart.get_attribute("aria-label") or "").count("out of 100") == len(
        health.model.dimensions
    )
    expect(page.locator("table.pb-health__scores tbody tr")).to_have_count(
        len(health.model.dimensions)
    )


def test_no_floating_button_covers_text(page: Page) -> None:
    page.goto(LISTEN)
    # The theme's floating back-to-top button (its navigation.top feature) is not used, so
    # nothing floats over the text on the way back up ...
    expect(page.locator(".md-top")).to_have_count(0)
    # ... the way back up is a link at the end of the page, in its flow.
    back = page.locator(".pb-to-top a")
    expect(back).to_have_text("Back to top")
    back.scroll_into_view_if_needed()
    page.wait_for_function("window.scrollY > 1000")
    title = page.locator("h1")
    expect(title).not_to_be_in_viewport()
    back.click()
    assert back.evaluate("(a) => a.hash") == f"#{title.get_attribute('id')}"
    expect(title).to_be_in_viewport()


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
