"""Progress bars drawn in the theme's colours, in both schemes (issue 16, point 8).

An empty bar on a practice page and on the home page's cards looks empty: its track is a faint
theme colour, clearly unlike the value's primary colour, never near-white in the dark scheme,
inside an edge that stands out from the page (3:1, WCAG's contrast for a control's outline).
The value is drawn in the primary colour. Read off the pixels Chromium paints, and axe finds
nothing in either scheme.
"""

from __future__ import annotations

import base64
from collections.abc import Callable

import pytest
from playwright.sync_api import Locator, Page, expect
from support.browser import format_violations, run_axe

pytestmark = pytest.mark.browser

RGB = tuple[float, float, float]

# The colour of one pixel of a PNG, read back in the page with a canvas.
PIXEL_JS = """async ([png, x, y]) => {
  const image = new Image();
  image.src = "data:image/png;base64," + png;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  return Array.from(context.getImageData(x, y, 1, 1).data.slice(0, 3));
}"""

# A CSS colour as the page computes it, composited over the page's background: [r, g, b].
COLOUR_JS = """(css) => {
  const probe = document.createElement("span");
  document.body.append(probe);
  probe.style.color = css;
  const parse = (value) => value.match(/[\\d.]+/g).map(Number);
  const [r, g, b, a = 1] = parse(getComputedStyle(probe).color);
  probe.style.color = "var(--md-default-bg-color)";
  const [br, bg, bb] = parse(getComputedStyle(probe).color);
  probe.remove();
  return [r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a)];
}"""


def luminance(rgb: RGB) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: RGB, other: RGB) -> float:
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def pixel(page: Page, bar: Locator, fraction: float) -> RGB:
    """The colour painted at ``fraction`` of the bar's width, half-way down."""
    png = bar.screenshot(animations="disabled")
    box = bar.bounding_box()
    assert box is not None
    scale = 1  # the page's device pixel ratio (Playwright's default)
    x, y = int(box["width"] * fraction * scale), int(box["height"] / 2 * scale)
    value: list[float] = page.evaluate(PIXEL_JS, [base64.b64encode(png).decode(), x, y])
    return (value[0], value[1], value[2])


def colour(page: Page, css: str) -> RGB:
    value: list[float] = page.evaluate(COLOUR_JS, css)
    return (value[0], value[1], value[2])


def check_empty_bar(page: Page, bar: Locator, scheme: str) -> None:
    expect(bar).to_have_js_property("value", 0)
    track = pixel(page, bar, 0.5)
    primary = colour(page, "var(--md-primary-fg-color)")
    background = colour(page, "var(--md-default-bg-color)")
    edge = colour(page, "var(--md-default-fg-color--light)")
    assert contrast(track, primary) >= 2, (track, primary)
    assert contrast(edge, background) >= 3, (edge, background)
    if scheme == "dark":
        assert luminance(track) < 0.2, track  # not near-white (white is 1)
    styles = bar.evaluate(
        "(node) => { const s = getComputedStyle(node); return [s.appearance, s.borderTopWidth]; }"
    )
    assert styles == ["none", "1px"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_empty_checklist_bar_looks_empty_and_fills_in_the_primary_colour(
    new_page: Callable[..., Page], scheme: str
) -> None:
    page = new_page(color_scheme=scheme)
    page.goto("practices/listen/")
    bar = page.locator(".pb-progress progress")
    expect(bar).to_have_attribute("aria-label", "0 of 10 done")
    check_empty_bar(page, bar, scheme)
    violations = run_axe(page)
    assert violations == [], format_violations(violations)

    for box in page.locator(".pb-checklist input[type='checkbox']").all()[:5]:
        box.check()
    expect(bar).to_have_attribute("aria-label", "5 of 10 done")
    primary = colour(page, "var(--md-primary-fg-color)")
    filled, empty = pixel(page, bar, 0.25), pixel(page, bar, 0.75)
    assert contrast(filled, primary) < 1.1, (filled, primary)
    assert contrast(filled, empty) >= 2, (filled, empty)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_home_pages_empty_bars_look_empty(new_page: Callable[..., Page], scheme: str) -> None:
    page = new_page(color_scheme=scheme)
    page.goto("")
    bars = page.locator(".pb-overview__item progress")
    expect(bars).to_have_count(5)
    for bar in bars.all():
        check_empty_bar(page, bar, scheme)
    violations = run_axe(page)
    assert violations == [], format_violations(violations)
