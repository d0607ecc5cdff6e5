"""The checklist in a real browser: ticks kept, counted and shared, reset and undo, progress
bars, inline Markdown.

A tick survives a reload and counts in the progress bar; ticks are kept by item id, whatever the
order or the items the content has now, and show in another tab. "Reset checklist" resets one
checklist only; it looks secondary, asks first (cancelling keeps everything) and, once done,
offers "Undo", which puts back exactly what was there until the reader ticks again.

Progress bars are drawn in the theme's colours, in both schemes: an empty bar on a practice page
and on the home page's cards looks empty: its track is a faint theme colour, clearly unlike the
value's primary colour, never near-white in the dark scheme, inside an edge that stands out
from the page (3:1, WCAG's contrast for a control's outline). The value is drawn in the primary
colour. Read off the pixels Chromium paints, and axe finds nothing in either scheme.

Inline Markdown in checklist items and statements flows as one line of text: a checklist item's
label is a flex row (box, then words), and bold, italics or a link must not become flex items of
their own, side by side with gaps, or narrow columns on a phone. Built from a small project whose
items and statements carry inline Markdown, measured on a wide screen and on a 390 px phone.

Daily and weekly items: test_browser_checklist_repeating.py.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, Route, expect
from support.browser import (
    DEFAULT_ENGINE,
    LISTEN,
    PageLog,
    base_url_of,
    build_for,
    checkbox,
    default_content,  # noqa: F401 (the content fixture)
    format_violations,
    local_server,
    run_axe,
    seed,
    stored,
    words,
)
from support.projects import write_minimal_project

from generator.content import Content
from generator.ui import DEFAULT_STRINGS

pytestmark = pytest.mark.browser


# --- ticks ---------------------------------------------------------------------------------------


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
    assert stored(page) == {"practice-checklist:listen": {"done": sorted([items[0], items[2]])}}


def test_ticks_are_keyed_by_item_id_so_order_and_new_items_do_not_matter(
    page: Page, content: Content
) -> None:
    items = [item.id for item in content.practices["listen"].model.checklist]
    page.goto(LISTEN)
    # Stored in another order, with an item the content no longer has.
    seed(
        page,
        {"practice-checklist:listen": json.dumps({"done": [items[3], "retired-item", items[1]]})},
    )
    checked = page.locator("form.pb-checklist input:checked")
    expect(checked).to_have_count(2)
    assert [checked.nth(i).get_attribute("data-item") for i in range(2)] == [items[1], items[3]]
    expect(page.locator(".pb-progress__text")).to_have_text(f"2 of {len(items)} done")
    # Ticking another keeps the retired id: it costs nothing and comes back if the item does.
    checkbox(page, items[0]).check()
    assert stored(page)["practice-checklist:listen"] == {
        "done": sorted([items[0], items[1], items[3], "retired-item"])
    }


def test_what_is_done_before_the_pages_script_has_loaded_is_kept(
    page: Page, content: Content
) -> None:
    """On a slow connection a reader can tick and answer before the practice page's own
    script has arrived: that tick and answer are kept, and so is what was stored before."""
    practice = content.practices["listen"].model
    items = [item.id for item in practice.checklist]
    questions = [question.id for question in practice.assessment.questions]
    page.goto(LISTEN)
    seed(
        page,
        {
            "practice-checklist:listen": {"done": [items[0]]},
            "practice-answers:listen": {"answers": {questions[0]: 4}},
        },
    )
    held: list[Route] = []
    page.route("**/playbook-practice.js", lambda route: held.append(route))
    page.reload(wait_until="domcontentloaded")
    expect(page.locator(".pb-progress")).to_have_count(0)  # the script is not there yet
    checkbox(page, items[2]).check()
    page.locator(f"input[name='listen--{questions[1]}'][value='2']").check()
    assert len(held) == 1
    held[0].continue_()

    progress = page.locator(".pb-progress__text")
    expect(progress).to_have_text(f"2 of {len(items)} done")
    expect(checkbox(page, items[0])).to_be_checked()
    expect(checkbox(page, items[2])).to_be_checked()
    assert stored(page) == {
        "practice-checklist:listen": {"done": sorted([items[0], items[2]])},
        "practice-answers:listen": {"answers": {questions[0]: 4, questions[1]: 2}},
    }
    page.unroute("**/playbook-practice.js")
    page.reload()
    expect(progress).to_have_text(f"2 of {len(items)} done")


def test_a_tick_in_one_tab_shows_in_another(page: Page, content: Content) -> None:
    items = [item.id for item in content.practices["listen"].model.checklist]
    page.goto(LISTEN)
    other = page.context.new_page()
    other.goto(LISTEN)
    checkbox(other, items[4]).check()
    expect(checkbox(page, items[4])).to_be_checked()
    expect(page.locator(".pb-progress__text")).to_have_text(f"1 of {len(items)} done")


# --- reset and undo ------------------------------------------------------------------------------


def test_reset_clears_one_checklist_only(page: Page, content: Content) -> None:
    listen = [item.id for item in content.practices["listen"].model.checklist]
    grow = [item.id for item in content.practices["grow"].model.checklist]
    page.goto(LISTEN)
    seed(
        page,
        {
            "practice-checklist:listen": json.dumps({"done": listen[:3]}),
            "practice-checklist:grow": json.dumps({"done": grow[:1]}),
        },
    )
    page.get_by_role("button", name="Reset checklist").click()
    page.get_by_role("button", name="Yes, untick them").click()  # it asks first
    expect(page.locator("form.pb-checklist input:checked")).to_have_count(0)
    expect(page.locator(".pb-progress__text")).to_have_text(f"0 of {len(listen)} done")
    assert stored(page) == {
        "practice-checklist:listen": {"done": []},
        "practice-checklist:grow": {"done": grow[:1]},
    }


def test_reset_checklist_asks_first_and_can_be_undone(page: Page, content: Content) -> None:
    items = [item.id for item in content.practices["listen"].model.checklist]
    page.goto(LISTEN)
    for item in items[:2]:
        page.locator(f"form.pb-checklist input[data-item='{item}']").check()
    expect(page.locator(".pb-progress__text")).to_have_text(f"2 of {len(items)} done")
    reset = page.get_by_role("button", name=DEFAULT_STRINGS["reset_checklist"])

    # Asked first; "Keep them" has the focus, so Enter is the safe choice; it changes nothing.
    reset.click()
    question = page.get_by_role("group", name=words("confirm_reset_checklist", count=2))
    expect(question).to_be_visible()
    expect(question.get_by_role("button", name=DEFAULT_STRINGS["confirm_keep"])).to_be_focused()
    page.keyboard.press("Enter")
    expect(question).to_have_count(0)
    expect(reset).to_be_focused()
    assert stored(page) == {"practice-checklist:listen": {"done": sorted(items[:2])}}

    # Confirmed: everything unticked, and "Undo" puts the two ticks back.
    reset.click()
    page.get_by_role("button", name=DEFAULT_STRINGS["confirm_reset_yes"]).click()
    expect(page.locator("form.pb-checklist input:checked")).to_have_count(0)
    assert stored(page) == {"practice-checklist:listen": {"done": []}}
    notice = page.locator(".pb-progress .pb-undo")
    expect(notice).to_have_text(
        f"{DEFAULT_STRINGS['checklist_reset_done']} {DEFAULT_STRINGS['undo']}"
    )
    notice.get_by_role("button", name=DEFAULT_STRINGS["undo"]).click()
    expect(page.locator("form.pb-checklist input:checked")).to_have_count(2)
    expect(page.locator(".pb-progress__text")).to_have_text(f"2 of {len(items)} done")
    assert stored(page) == {"practice-checklist:listen": {"done": sorted(items[:2])}}
    expect(page.locator(".pb-undo")).to_have_count(0)


def test_undo_is_gone_after_the_next_tick(page: Page, content: Content) -> None:
    items = [item.id for item in content.practices["listen"].model.checklist]
    page.goto(LISTEN)
    page.locator(f"form.pb-checklist input[data-item='{items[0]}']").check()
    page.get_by_role("button", name=DEFAULT_STRINGS["reset_checklist"]).click()
    page.get_by_role("button", name=DEFAULT_STRINGS["confirm_reset_yes"]).click()
    expect(page.locator(".pb-undo")).to_have_count(1)
    page.locator(f"form.pb-checklist input[data-item='{items[1]}']").check()
    expect(page.locator(".pb-undo")).to_have_count(0)
    assert stored(page) == {"practice-checklist:listen": {"done": [items[1]]}}


def test_an_empty_checklist_resets_without_asking(page: Page) -> None:
    page.goto(LISTEN)
    page.get_by_role("button", name=DEFAULT_STRINGS["reset_checklist"]).click()
    expect(page.locator(".pb-confirm, .pb-undo")).to_have_count(0)


# --- progress bars -------------------------------------------------------------------------------


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


# --- inline Markdown in items and statements -----------------------------------------------------


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
