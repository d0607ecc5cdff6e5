"""Code written into any YAML field never runs in the built site, with or without raw HTML.

A project whose every text field carries scripts, event handlers and javascript: links (see
hostile_project.py) is built twice, with raw HTML escaped (the default) and allowed, and every
page is opened in Chromium: no dialog opens, no element has an event-handler attribute and no
address runs code. In the default build the raw HTML shows as text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from support.browser import (
    ALL_ELEMENTS_JS,
    ENGINES,
    PageLog,
    base_url_of,
    build_for,
    local_server,
    search,
)
from support.projects import write_hostile_project

pytestmark = pytest.mark.browser

PAGES = ["", "practices/alpha/", "practices/beta/", "health-check/", "troubleshooting/", "tags/"]

#: Everything in the document that could run code: handlers, code-running addresses, and
#: scripts, frames or plugins in the parts of the page made from content (Material's own
#: scripts sit outside them).
FIND_ACTIVE_CONTENT = (
    """() => {
  const found = [];"""
    + ALL_ELEMENTS_JS
    + """  for (const el of all) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\\x00-\\x20]/g, "").toLowerCase();
      if (name.startsWith("on") || name === "srcdoc") found.push(`${el.tagName} ${name}`);
      if (/^(javascript|vbscript|data:text)/.test(value)) {
        found.push(`${el.tagName} ${name}=${value}`);
      }
    }
    const fromContent = el.closest(".md-content, .md-header__title, .md-nav, .md-footer");
    if (["SCRIPT", "OBJECT", "EMBED", "BASE", "META"].includes(el.tagName) && fromContent) {
      found.push(`${el.tagName}: ${el.outerHTML.slice(0, 80)}`);
    }
  }
  return found;
}"""
)


def open_every_page(
    browser: Browser, base_url: str, log: PageLog, engine: str
) -> tuple[list[str], Page]:
    """Opens each page, clicks every link and summary in its content, searches the payloads;
    returns the dialogs that opened and the last page (still open)."""
    dialogs: list[str] = []
    context = browser.new_context(base_url=base_url)
    log.watch(context)
    context.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page = context.new_page()
    for path in PAGES:
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        assert page.evaluate(FIND_ACTIVE_CONTENT) == [], path
        # Links in the content that go nowhere else (javascript: would run on a click).
        for link in page.locator(".md-content a:not([href^='http']):not([href*='/'])").all():
            link.dispatch_event("click")
        for summary in page.locator(".md-content summary").all():
            summary.click()
        page.mouse.move(10, 10)
    # Search renders page text as result snippets: the payloads must stay text there too.
    page.goto(base_url)
    search(page, engine, "onerror")
    assert page.evaluate(FIND_ACTIVE_CONTENT) == []
    page.wait_for_timeout(300)  # let any late handler fire
    return dialogs, page


@pytest.fixture(
    scope="module",
    params=[(allow, engine) for engine in ENGINES for allow in (False, True)],
    ids=lambda param: f"{param[1]}-{'allow_html' if param[0] else 'escaped'}",
)
def hostile_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, bool, str]]:
    allow_html, engine = request.param
    work = tmp_path_factory.mktemp("hostile")
    project = write_hostile_project(work / "project", allow_html=allow_html)
    site = work / "site"
    site.mkdir()
    with local_server(site) as server:
        base_url = base_url_of(server)
        build_for(project, site, base_url, engine)
        yield base_url, allow_html, engine


def test_no_payload_runs(browser: Browser, hostile_site: tuple[str, bool, str]) -> None:
    base_url, allow_html, engine = hostile_site
    log = PageLog(base_url=base_url)
    dialogs, page = open_every_page(browser, base_url, log, engine)
    page.context.close()
    assert dialogs == []
    assert log.problems() == ""


def test_raw_html_shows_as_text_by_default(
    browser: Browser, hostile_site: tuple[str, bool, str]
) -> None:
    base_url, allow_html, _engine = hostile_site
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.goto(base_url + "practices/alpha/")
    article = page.locator(".md-content")
    text = article.inner_text()
    if allow_html:
        # Kept as HTML, minus what runs code: the script is gone, the details element stays.
        assert "<script>alert('alpha.why:script')</script>" not in text
        assert article.locator("details").count() > 0
        assert article.locator("[ontoggle], [onerror], [onload], [onclick]").count() == 0
    else:
        assert "<script>alert('alpha.why:script')</script>" in text
        assert "<details open ontoggle=\"alert('alpha.why:details')\">" in text
        assert article.locator("details").count() == 0
    # A code span keeps its '<' as code either way.
    assert article.locator("code", has_text="<b>code alpha.why</b>").count() == 1
    # The javascript: links lost their address in both builds and show as text.
    assert article.locator("a", has_text="link alpha.why").count() == 1
    assert article.locator("a[href]", has_text="link alpha.why").count() == 0
    assert "link alpha.why" in text
    # Titles and plain fields show every character the coach typed; in headings and the
    # theme's own parts of the page (its title, navigation, header) '<' and '>' are look-alike
    # angle quotes, since themes put the text of some of those places back as HTML.
    assert page.locator("h1").inner_text().startswith("Practice alpha \u2039script\u203a")
    assert page.title().endswith(
        'Tiny "\'\u203a\u2039img src="data:text/html,x" onerror="alert(\'site.name\')"\u203a & '
        "\u2039/title\u203a\u2039b\u203asite.name\u2039/b\u203a"
    )
    description = page.locator("meta[name=description]").get_attribute("content")
    assert description is not None and description.startswith(
        "One sentence about alpha. \u2039script\u203a"
    )
    context.close()


def test_escaped_output_is_stable(tmp_path: Path) -> None:
    """The hostile project builds into the same files twice (nothing random in the cleaning)."""
    project = write_hostile_project(tmp_path / "project")
    first, second = tmp_path / "one", tmp_path / "two"
    for site in (first, second):
        site.mkdir()
        build_for(project, site, "http://127.0.0.1:8000/")
    page = "practices/alpha/index.html"
    assert (first / page).read_bytes() == (second / page).read_bytes()
