"""A practice's team session, templates and sources line in a real browser, on both engines.

The template's text comes from the YAML: the copy button must put exactly that on the
clipboard, and "Print this template" must print that template alone.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect
from support.browser import (
    LISTEN,
    default_content,  # noqa: F401 (the content fixture)
    format_violations,
    run_axe,
)

from generator.content import Content
from generator.ui import DEFAULT_STRINGS

pytestmark = pytest.mark.browser


def test_the_copy_button_copies_the_template_as_written(
    new_page: Callable[..., Page], content: Content
) -> None:
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto(LISTEN)
    template = content.practices["listen"].model.templates[0]
    box = page.locator(f"#template-{template.id}")
    expect(box.locator(".pb-template__title")).to_have_text(template.title)
    box.get_by_role("button", name=DEFAULT_STRINGS["template_copy"]).click()
    expect(box.locator(".pb-template__status")).to_have_text(DEFAULT_STRINGS["template_copied"])
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == template.body.strip("\n").replace("\r\n", "\n")
    # Shown with its line breaks: the text as the reader sees it has the body's lines.
    assert box.locator(".pb-template__body").inner_text() == copied


@pytest.mark.every_engine
def test_print_this_template_prints_it_alone(page: Page, content: Content) -> None:
    page.goto(LISTEN)
    template = content.practices["listen"].model.templates[0]
    # window.print() blocks headless Chromium: count the calls; the print style is then
    # read with print media emulated, as the dialog would show it.
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    box = page.locator(f"#template-{template.id}")
    box.get_by_role("button", name=DEFAULT_STRINGS["template_print"]).click()
    assert page.evaluate("window.printed") == 1
    page.emulate_media(media="print")
    shown = page.evaluate(
        """[...document.querySelectorAll('.md-content__inner > *')]
             .filter((node) => getComputedStyle(node).display !== 'none')
             .map((node) => node.id || node.tagName.toLowerCase())"""
    )
    assert shown == [f"template-{template.id}"]
    # Once printing ends, the page prints as its worksheet again: the checklist and the
    # statements, without the template, whose buttons never print.
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert (
        page.evaluate("document.documentElement.classList.contains('pb-print-template')") is False
    )
    shown = page.evaluate(
        """[...document.querySelectorAll('.md-content__inner > *')]
             .filter((node) => getComputedStyle(node).display !== 'none')
             .map((node) => node.tagName.toLowerCase() + '.' + node.className)"""
    )
    assert "form.pb-checklist" in shown
    assert "form.pb-assessment" in shown
    assert box.evaluate("(node) => getComputedStyle(node).display") == "none"
    assert (
        box.locator(".pb-template__actions").evaluate("(node) => getComputedStyle(node).display")
        == "none"
    )


def test_the_session_and_sources_read_well_and_pass_axe(page: Page, content: Content) -> None:
    page.goto(LISTEN)
    practice = content.practices["listen"].model
    assert practice.session is not None
    expect(page.locator(".pb-session__facts dd").first).to_have_text(practice.session.time)
    weekly = page.locator(".pb-checklist .pb-cadence--weekly")
    expect(weekly.first).to_have_text("weekly habit")
    link = page.locator(".pb-sources a").first
    link.click()
    page.wait_for_url("**/sources/#source-peeplcoach-reciprocal-relationships")
    target = page.locator("#source-peeplcoach-reciprocal-relationships")
    expect(target).to_be_in_viewport()
    assert content.home is not None
    expect(target.locator(".pb-source__pages a").first).to_have_text(content.home.model.title)
    for path in (LISTEN, "sources/"):
        page.goto(path)
        violations = run_axe(page)
        assert violations == [], format_violations(violations)
