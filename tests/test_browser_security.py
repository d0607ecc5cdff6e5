"""Code written into any field of a playbook never runs in a reader's browser, on both engines.

Two sets of projects are built and every page opened in Chromium.

The hostile project (tests/support/projects.py) carries scripts, event handlers and javascript:
links in every text field. It is built with raw HTML escaped (the default) and allowed: no
dialog opens, no element has an event-handler attribute and no address runs code. In the
default build the raw HTML shows as text.

The payload corpus (tests/support/corpus.py) runs nothing, in every field. The inert payloads
are spread over every field of their kind round-robin: in each of ROUNDS builds every field
holds a share of them, and over the rounds every payload has been in every field. Each round is
built in three variants of the coach's settings (the defaults, ``allow_html: true``, and a
mkdocs.yml with many extensions and Material's tooltips on), and a payload-free build of each
variant is the baseline that says which elements, ids, classes and attributes are the
template's own. Every page is opened in Chromium; every link and titled element is hovered,
every in-page link clicked, every details element opened, every question answered and the
search run. Then: no dialog, no page error, no console error, no request to another host,
Material's ``#__config`` exactly once, and nothing in the content that the baseline does not
have or that runs code.

The rejected payloads are checked without a browser: ``playbook validate`` points at every
field they were put in.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner
from playwright.sync_api import Browser, Dialog, Page
from playwright.sync_api import Error as PlaywrightError
from support.browser import (
    ALL_ELEMENTS_JS,
    ENGINES,
    PageLog,
    base_url_of,
    build_for,
    local_server,
    search,
    settle,
)
from support.corpus import (
    BENIGN,
    DEFAULT_MKDOCS_TEXT,
    KINDS,
    PAGES,
    PAYLOADS,
    SECRET,
    Payload,
    Slot,
    browser_slots,
    by_name,
    compare_with_baseline,
    get,
    payloads,
    put,
    scan_page,
    skeleton,
    write_project,
)
from support.projects import write_hostile_project

from generator.cli import main
from generator.errors import format_key_path

# --- the hostile project, escaped and with raw HTML allowed --------------------------------------

HOSTILE_PAGES = [
    "",
    "practices/alpha/",
    "practices/beta/",
    "health-check/",
    "troubleshooting/",
    "tags/",
]

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
    for path in HOSTILE_PAGES:
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
    settle(page)  # any late handler has had its turn
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


@pytest.mark.browser
def test_no_payload_runs(browser: Browser, hostile_site: tuple[str, bool, str]) -> None:
    base_url, allow_html, engine = hostile_site
    log = PageLog(base_url=base_url)
    dialogs, page = open_every_page(browser, base_url, log, engine)
    page.context.close()
    assert dialogs == []
    assert log.problems() == ""


@pytest.mark.browser
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
    # The javascript: links lost their address in both builds and show as text alone: no
    # anchor without an address, which the theme's link previews would stop on.
    assert article.locator("a", has_text="link alpha.why").count() == 0
    assert "link alpha.why" in text
    # Zensical's own skip target aside.
    assert article.locator("a:not([href]):not([id^='__'])").count() == 0
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


@pytest.mark.browser
def test_escaped_output_is_stable(tmp_path: Path) -> None:
    """The hostile project builds into the same files twice (nothing random in the cleaning)."""
    project = write_hostile_project(tmp_path / "project")
    first, second = tmp_path / "one", tmp_path / "two"
    for site in (first, second):
        site.mkdir()
        build_for(project, site, "http://127.0.0.1:8000/")
    page = "practices/alpha/index.html"
    assert (first / page).read_bytes() == (second / page).read_bytes()


# --- the payload corpus --------------------------------------------------------------------------

#: Builds per variant: in each, a field holds every ROUNDS-th payload of its kind.
ROUNDS = 2
#: Engines that build a docs tree into a site; "zensical" joins once it can.

DEFAULT_MKDOCS = DEFAULT_MKDOCS_TEXT
#: What a coach might turn on after reading Material's documentation.
MANY_EXTENSIONS_MKDOCS = """\
site_name: placeholder
theme:
  name: material
  font: false
  features:
    - navigation.instant
    - content.tooltips
    - content.code.copy
    - content.code.annotate
    - content.tabs.link
    - search.highlight
    - search.suggest
plugins:
  - search
  - tags
markdown_extensions:
  - attr_list
  - md_in_html
  - admonition
  - footnotes
  - abbr
  - def_list
  - tables
  - toc:
      permalink: true
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.highlight
  - pymdownx.inlinehilite
  - pymdownx.tabbed:
      alternate_style: true
  - pymdownx.magiclink
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
  - pymdownx.critic
  - pymdownx.keys
  - pymdownx.mark
  - pymdownx.tilde
  - pymdownx.caret
  - pymdownx.smartsymbols
"""
VARIANTS = {
    "default": (DEFAULT_MKDOCS, False),
    "allow_html": (DEFAULT_MKDOCS, True),
    "extensions": (MANY_EXTENSIONS_MKDOCS, False),
}

#: Same-host 404s: relative pictures in the payloads point at files no project has.
NOT_FOUND = r"Failed to load resource: the server responded with a status of 404"

#: In the document as it is after the interactions: handlers and code-running addresses
#: anywhere, and Material's reserved ids more than once or inside the content.
FIND_ACTIVE = (
    r"""() => {
  const found = [];
  const urlNames = ["href", "src", "action", "formaction", "xlink:href", "data", "poster",
    "background", "srcset", "to", "from", "values", "ping", "codebase"];
  const runs = (name, value) => {
    const url = value.replace(/[\x00-\x20\x7f]/g, "").toLowerCase();
    if (/^(javascript|vbscript|livescript):/.test(url)) return true;
    return url.startsWith("data:") && !((name === "src" || name === "srcset")
      && /^data:image\/(png|gif|jpeg|jpg|webp|avif)[;,]/.test(url));
  };
"""
    + ALL_ELEMENTS_JS
    + r"""  for (const el of all) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on") || name === "srcdoc" || (urlNames.includes(name)
          && runs(name, attr.value))) {
        found.push(`<${el.tagName.toLowerCase()} ${name}="${attr.value.slice(0, 60)}">`);
      }
    }
  }
  for (const id of ["__config", "__search", "__drawer"]) {
    const holders = document.querySelectorAll(`[id="${id}"]`);
    if (holders.length > 1) found.push(`${holders.length} elements with id ${id}`);
    for (const el of holders) if (el.closest(".md-content")) found.push(`#${id} in the content`);
  }
  const config = document.querySelectorAll('[id="__config"]');
  if (config.length !== 1 || config[0].tagName !== "SCRIPT") {
    found.push("#__config is not Material's script");
  }
  return found;
}"""
)

#: Everything a reader might do that makes the page insert or run something.
INTERACT = r"""async () => {
  for (const details of document.querySelectorAll("details")) details.open = true;
  for (const summary of document.querySelectorAll(".md-content summary")) summary.click();
  for (const fieldset of document.querySelectorAll(".md-content fieldset")) {
    const options = fieldset.querySelectorAll("input[type=radio]");
    if (options.length) options[options.length - 1].click();
  }
  for (const box of document.querySelectorAll(".md-content input[type=checkbox]")) box.click();
  const hover = ["pointerover", "pointerenter", "mouseover", "mouseenter", "mousemove"];
  for (const el of document.querySelectorAll("a, [title]")) {
    for (const type of hover) {
      el.dispatchEvent(new MouseEvent(type, { bubbles: !type.endsWith("enter") }));
    }
    if (el.focus) el.focus();
    el.dispatchEvent(new FocusEvent("focusin", { bubbles: true }));
  }
  const here = location.origin + location.pathname;
  for (const link of document.querySelectorAll(".md-content a[href]")) {
    const url = new URL(link.getAttribute("href"), location.href);
    const http = url.protocol === "http:" || url.protocol === "https:";
    if (!http || url.origin + url.pathname === here) link.click();
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}"""


# --- building ------------------------------------------------------------------------------------


@dataclass
class Build:
    """One project of the corpus, built: where, from what, and which payload sits where."""

    label: str
    variant: str
    project: Path
    site_dir: Path
    site_url: str
    placed: dict[Slot, list[Payload]] = field(default_factory=dict)


def engine_command(engine: str, project: Path, site_dir: Path, site_url: str) -> list[str]:
    """The command that builds ``project`` into ``site_dir`` for ``site_url`` with ``engine``.

    Not --strict: remote pictures are left out with a warning, which is the point.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}")
    # The interpreter running the tests, so that PYTHONPATH chooses the generator.
    return [
        sys.executable,
        "-m",
        "generator",
        "build",
        "--project",
        str(project),
        "--site-dir",
        str(site_dir),
        "--site-url",
        site_url,
        "--engine",
        engine,
    ]


def build_all(engine: str, builds: list[Build]) -> None:
    """Build every project, two at a time (two cores); fail naming each build that failed."""

    def run(build: Build) -> str:
        command = engine_command(engine, build.project, build.site_dir, build.site_url)
        result = subprocess.run(command, capture_output=True, text=True, timeout=300)
        if result.returncode != 0:
            return f"{build.label}: exit {result.returncode}\n{result.stdout}{result.stderr}"
        return ""

    with ThreadPoolExecutor(max_workers=2) as pool:
        failures = [message for message in pool.map(run, builds) if message]
    assert not failures, "\n".join(failures)


def spread(items: list[Payload], slots: list[Slot], round_: int) -> dict[Slot, list[Payload]]:
    """Round ``round_`` of the round-robin: slot j gets the items i with i = j + round (mod
    ROUNDS), so that over ROUNDS rounds every item has been in every slot."""
    return {
        slot: [p for i, p in enumerate(items) if i % ROUNDS == (j + round_) % ROUNDS]
        for j, slot in enumerate(slots)
    }


def place_round(files: dict[str, dict[str, object]], round_: int) -> dict[Slot, list[Payload]]:
    """Put round ``round_``'s payloads into ``files``; returns which went where."""
    slots = browser_slots(files)
    by_group = {g: [s for s in slots if s.group == g] for g in ("block", "inline", "plain")}
    inline = payloads("inline", "inert")
    placed: dict[Slot, list[Payload]] = {}
    placed |= spread(payloads("block", "inert") + inline, by_group["block"], round_)
    placed |= spread(inline, by_group["inline"], round_)
    # A payload that means something only as a whole value takes a content field of its own,
    # a different one each round; the other plain fields share the rest.
    alone = [p for p in payloads("plain", "inert") if p.alone]
    shared = [p for p in payloads("plain", "inert") if not p.alone]
    own = [s for s in by_group["plain"] if s.file.startswith("content/")]
    taken = {own[(index + round_ * len(alone)) % len(own)]: [p] for index, p in enumerate(alone)}
    rest = [s for s in by_group["plain"] if s not in taken]
    placed |= spread(shared, rest, round_) | taken
    for slot, chosen in placed.items():
        separator = "\n\n" if slot.group == "block" else " "
        text = separator.join(p.value for p in chosen) if chosen else BENIGN
        put(files[slot.file], slot.path, text)
    for slot in slots:
        if slot.group == "tag":
            tags = payloads("tag", "inert")
            put(files[slot.file], slot.path, ["sample", *(p.value for p in tags)])
            placed[slot] = tags
        elif slot.group == "url":
            (url,) = payloads("url", "inert")
            put(files[slot.file], slot.path, url.value)
            placed[slot] = [url]
    return placed


def benign(files: dict[str, dict[str, object]]) -> None:
    """The baseline: every text slot holds the same plain words, tags and urls their own."""
    for slot in browser_slots(files):
        if slot.group in ("block", "inline", "plain"):
            put(files[slot.file], slot.path, BENIGN)


@dataclass
class Corpus:
    base_url: str
    builds: list[Build]
    baselines: dict[str, Build]
    engine: str = "mkdocs"


@pytest.fixture(scope="module")
def corpus(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Corpus]:
    engine = str(request.param)
    work = tmp_path_factory.mktemp(f"corpus-{engine}")
    (work / "sites").mkdir()
    with local_server(work / "sites") as server:
        base_url = base_url_of(server)
        builds: list[Build] = []
        baselines: dict[str, Build] = {}
        for variant, (mkdocs, allow_html) in VARIANTS.items():
            for round_ in [None, *range(ROUNDS)]:
                label = f"{variant}-{'baseline' if round_ is None else f'round{round_}'}"
                files = deepcopy(skeleton())
                if allow_html:
                    files["playbooks/default.yaml"]["allow_html"] = True
                build = Build(
                    label,
                    variant,
                    work / label / "project",
                    work / "sites" / label,
                    f"{base_url}{label}/",
                )
                if round_ is None:
                    benign(files)
                    baselines[variant] = build
                else:
                    build.placed = place_round(files, round_)
                    builds.append(build)
                write_project(build.project, files, mkdocs)
        started = time.monotonic()
        build_all(engine, [*baselines.values(), *builds])
        print(f"built {len(builds) + len(baselines)} sites in {time.monotonic() - started:.1f} s")
        yield Corpus(base_url, builds, baselines, engine)


# --- driving the browser -----------------------------------------------------------------------


def try_search(page: Page, engine: str, query: str) -> None:
    """Type ``query`` into the site's search and wait for its results to be drawn (Material's
    search is part of the page; Zensical's lives in a shadow root, which role locators reach)."""
    if engine == "zensical":
        box = page.get_by_role("combobox", name="Search")
        if not box.is_visible():
            page.locator(".md-search__button").click()
        results = page.get_by_role("listbox").get_by_role("option")
    else:
        box = page.locator(".md-search__input")
        if not box.is_visible():
            page.keyboard.press("/")
        results = page.locator(".md-search-result__item")
    box.fill("")
    if engine != "zensical":
        page.locator(".md-search-result__meta", has_text="Type to start searching").wait_for()
    box.press_sequentially(query, delay=5)
    if engine == "zensical":
        try:
            results.first.wait_for(timeout=1500)
        except PlaywrightError:
            pass  # no result is fine: what matters is that drawing them ran nothing
    else:
        # Material says how many documents match once it has drawn the results.
        page.locator(".md-search-result__meta", has_text="matching").wait_for()
    settle(page)


def hover_titled(page: Page) -> None:
    """Real mouse hovers over visible elements with a title, one for each kind of element
    and title text: Material's tooltips listen to the pointer and put the title into the page.
    (Every link and titled element, hidden ones too, also gets synthetic pointer and focus
    events in INTERACT.)"""
    count = page.evaluate(
        """() => {
          let count = 0;
          const seen = new Set();
          for (const el of document.querySelectorAll("[title]")) {
            const box = el.getBoundingClientRect();
            const key = el.tagName + " " + el.title;
            if (box.width > 0 && box.height > 0 && !seen.has(key)) {
              seen.add(key);
              el.setAttribute("data-test-hover", count++);
            }
          }
          return count;
        }"""
    )
    for index in range(count):
        try:
            page.locator(f'[data-test-hover="{index}"]').hover(timeout=200, no_wait_after=True)
        except PlaywrightError:
            continue  # covered by another element or scrolled away by a tooltip


def visit(browser: Browser, corpus: Corpus, build: Build) -> list[str]:
    """Everything that went wrong on the pages of one build, one line each."""
    baseline = corpus.baselines[build.variant]
    log = PageLog(base_url=corpus.base_url)
    log.allow_console(NOT_FOUND)
    problems: list[str] = []
    dialogs: list[str] = []
    context = browser.new_context()
    log.watch(context)

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    context.on("dialog", on_dialog)
    page = context.new_page()
    shown = ""
    for path in PAGES:
        where = f"{build.label} /{path}"
        response = page.goto(build.site_url + path)
        assert response is not None and response.ok, where
        served = scan_page(response.text())
        shown += served.text
        expected = scan_page((baseline.site_dir / path / "index.html").read_text("utf-8"))
        problems += [f"{where}: {p}" for p in compare_with_baseline(served, expected)]
        page.wait_for_load_state("load")
        page.evaluate(INTERACT)
        hover_titled(page)
        problems += [f"{where} (live): {p}" for p in page.evaluate(FIND_ACTIVE)]
    page.goto(build.site_url)
    markers = [p.marker for p in payloads("plain", "inert")[:1]]
    for query in ["onerror", *markers]:
        try_search(page, corpus.engine, query)
        problems += [f"{build.label} search {query!r}: {p}" for p in page.evaluate(FIND_ACTIVE)]
    settle(page)  # a late handler, a delayed tooltip
    placed = {p.marker: p.name for chosen in build.placed.values() for p in chosen}
    if build.variant == "allow_html":
        # Kept raw HTML is parsed as HTML: an unclosed <math>, <template> or comment rightly
        # takes the text after it in the same field along.
        placed = {}
    for marker, name in placed.items():
        if marker not in shown and not by_name(name).alone and by_name(name).kind != "url":
            problems.append(f"{build.label}: payload {name} shows nowhere ({marker})")
    context.close()
    problems += [f"{build.label}: dialog {message!r}" for message in dialogs]
    if log.problems():
        problems.append(f"{build.label}: {log.problems()}")
    return problems


@pytest.mark.every_engine
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_no_inert_payload_runs_or_adds_markup(
    browser: Browser, corpus: Corpus, variant: str
) -> None:
    started = time.monotonic()
    problems: list[str] = []
    for build in corpus.builds:
        if build.variant == variant:
            problems += visit(browser, corpus, build)
    print(f"{variant}: visited in {time.monotonic() - started:.1f} s")
    assert problems == [], "\n".join(dict.fromkeys(problems))


@pytest.mark.every_engine
@pytest.mark.slow
def test_every_inert_payload_was_in_every_field_of_its_kind(corpus: Corpus) -> None:
    """The round-robin covers the corpus: over each variant's rounds, every shared payload sat
    in every field of its group (the whole-value ones in a field of their own each round)."""
    for variant in VARIANTS:
        seen: dict[Slot, set[str]] = {}
        for build in corpus.builds:
            if build.variant == variant:
                for slot, chosen in build.placed.items():
                    seen.setdefault(slot, set()).update(p.name for p in chosen)
        for slot, names in seen.items():
            expected = {
                "block": payloads("block", "inert") + payloads("inline", "inert"),
                "inline": payloads("inline", "inert"),
                "tag": payloads("tag", "inert"),
                "url": payloads("url", "inert"),
            }.get(slot.group)
            if expected is not None:
                assert names == {p.name for p in expected}, (variant, slot)
        plain = {n for slot, names in seen.items() if slot.group == "plain" for n in names}
        assert plain == {p.name for p in payloads("plain", "inert")}


@pytest.mark.every_engine
@pytest.mark.slow
def test_no_file_of_the_project_or_beside_it_is_published(corpus: Corpus) -> None:
    for build in [*corpus.builds, *corpus.baselines.values()]:
        for path in build.site_dir.rglob("*"):
            if path.is_file():
                assert SECRET.encode() not in path.read_bytes(), path


def _text_of(page: Page, selector: str) -> str:
    text: str = page.evaluate(
        """(selector) => {
          const el = document.querySelector(selector).cloneNode(true);
          for (const link of el.querySelectorAll(".headerlink")) link.remove();
          return el.textContent;
        }""",
        selector,
    )
    return " ".join(text.split())


@pytest.mark.every_engine
def test_raw_html_shows_as_text_and_plain_text_exactly_as_typed(
    browser: Browser, corpus: Corpus
) -> None:
    (build,) = [b for b in corpus.builds if b.label == "default-round0"]
    context = browser.new_context()
    page = context.new_page()
    for name in ("alpha", "beta"):
        page.goto(f"{build.site_url}practices/{name}/")
        title = Slot(f"content/practices/{name}.yaml", ("title",), "plain")
        typed = " ".join(" ".join(p.value for p in build.placed[title]).split())
        # Headings feed the table of contents, which themes may put back as HTML: '<' and
        # '>' are shown as the look-alike angle quotes there.
        shown = typed.replace("<", "\u2039").replace(">", "\u203a")
        assert _text_of(page, ".md-content h1") == shown
        why = Slot(f"content/practices/{name}.yaml", ("why",), "block")
        content = _text_of(page, ".md-content")
        for payload in build.placed[why]:
            if payload.name in ("script-element", "img-onerror", "details-ontoggle"):
                assert payload.value in content, payload.name
        if any(p.name == "details-ontoggle" for p in build.placed[why]):
            assert page.locator(".md-content details").count() == 0
        for payload in build.placed[why]:
            if payload.name in ("jinja-like", "format-like"):
                assert payload.value in content, payload.name
    context.close()


# --- rejected payloads ---------------------------------------------------------------------------

PROBLEM_LINE = re.compile(r"(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?:(?P<key>[^:]+): )?\S")


def rejected_slots(payload: Payload, files: dict[str, dict[str, object]]) -> list[Slot]:
    groups = {"block": "block", "inline": "inline", "plain": "plain", "tag": "tag", "url": "url"}
    group = groups.get(payload.kind)
    return [s for s in browser_slots(files) if s.group == group]


@pytest.mark.every_engine
@pytest.mark.parametrize("payload", payloads(outcome="rejected"), ids=lambda p: p.name)
def test_rejected_payload_gives_located_problems(tmp_path: Path, payload: Payload) -> None:
    files = skeleton()
    poisoned: set[tuple[str, str]] = set()  # (file, key path)
    if payload.kind == "file_name":
        files[f"playbooks/{payload.value}.yaml"] = deepcopy(files["playbooks/default.yaml"])
        poisoned.add((f"playbooks/{payload.value}.yaml", ""))
    elif payload.kind == "colour":
        put(files["playbooks/default.yaml"], ("site", "palette"), {"primary": payload.value})
        poisoned.add(("playbooks/default.yaml", "site.palette.primary"))
    else:
        for slot in rejected_slots(payload, files):
            if slot.group == "tag":
                put(files[slot.file], slot.path, ["sample", payload.value])
                poisoned.add((slot.file, format_key_path((*slot.path, 1))))
            else:
                put(files[slot.file], slot.path, payload.value)
                poisoned.add((slot.file, format_key_path(slot.path)))
        if payload.kind == "url":
            put(files["playbooks/default.yaml"], ("site", "url"), payload.value)
            poisoned.add(("playbooks/default.yaml", "site.url"))
    project = tmp_path / "project"
    write_project(project, files, DEFAULT_MKDOCS)
    result = CliRunner().invoke(main, ["validate", "--project", str(project)])
    output = result.output
    assert result.exit_code == 1, f"{payload.name}: exit {result.exit_code}\n{output}"
    assert "Traceback" not in output and isinstance(result.exception, SystemExit), output
    lines = output.strip().splitlines()
    assert re.fullmatch(r"\d+ problems? found\.", lines[-1]), output
    reported: set[tuple[str, str]] = set()
    for line in lines[:-1]:
        found = PROBLEM_LINE.match(line)
        assert found, f"not FILE:LINE:COLUMN: KEY: MESSAGE: {line}"
        file = Path(found["file"]).resolve()
        relative = file.relative_to(project.resolve()).as_posix()
        key = found["key"] or ""
        matches = [
            (f, k)
            for f, k in poisoned
            if f == relative and (key == k or key.startswith((f"{k}.", f"{k}[")) or not k)
        ]
        assert matches, f"problem at a field the payload was not put in: {line}"
        reported.update(matches)
    assert reported == poisoned, f"fields without a problem: {sorted(poisoned - reported)}"


@pytest.mark.every_engine
def test_corpus_size_and_spread() -> None:
    assert len(PAYLOADS) >= 60
    inert = [p for p in PAYLOADS if p.outcome == "inert"]
    assert len({p.marker for p in inert}) == len(inert)
    for kind in KINDS:
        assert payloads(kind, "rejected"), kind
        assert payloads(kind, "inert") or kind in ("file_name", "colour"), kind
    assert by_name("autolink-mailto-handler").kind == "inline"
    assert get({"a": [1, 2]}, ("a", 1)) == 2
