"""Browser tests' support: the built site on a local server, and what a page did in Chromium.

The fixtures in conftest.py use these pieces; tests use ``ServedSite``, ``PageLog``, ``run_axe``
and ``format_violations``, and the reader's actions and stored data at the end of this module.
Chromium is Debian's (/usr/bin/chromium), never a Playwright download, and axe-core comes from
npm into tests/browser/node_modules/: ``bash tests/setup.sh`` installs both.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, ConsoleMessage, Error, Locator, Page, Route

from generator import schema
from generator.content import Content
from generator.project import load_project
from generator.ui import DEFAULT_STRINGS
from support.projects import REPO_ROOT

CHROMIUM = Path("/usr/bin/chromium")
AXE_SCRIPT = REPO_ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
SETUP_HINT = "run `bash tests/setup.sh` to install it"

# Headless and quiet: no GPU, and none of Chromium's own traffic (updates, sync, field trials),
# so every request a test sees comes from the page. --no-sandbox lets it run as root in CI.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# --- the site on a local server ------------------------------------------------------------------


@dataclass(frozen=True)
class ServedSite:
    """A built site and the address it is both built for and served at."""

    base_url: str  # "http://127.0.0.1:PORT/", with the trailing slash
    site_dir: Path
    project: Path  # the project folder the site was built from
    engine: str = "mkdocs"  # what built it (`playbook build --engine`)

    def url(self, path: str = "") -> str:
        """The absolute address of a page, given relative to the site root ("tags/")."""
        return self.base_url + path.lstrip("/")


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files like ``python -m http.server`` without logging every request to stderr."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


class QuietServer(ThreadingHTTPServer):
    """A server that says nothing when a browser drops a connection it no longer needs."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def local_server(folder: Path) -> Iterator[ThreadingHTTPServer]:
    """A server for ``folder`` on a free port of 127.0.0.1, answering from a daemon thread.

    The socket is bound (to port 0, so the system picks a free port) and listening as soon as
    the server exists, so the port can be read off and used before the folder is even filled:
    no other process can take it in between.
    """
    handler = partial(QuietHandler, directory=str(folder))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="served-site", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def base_url_of(server: ThreadingHTTPServer) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}/"


def playbook_executable() -> Path:
    """The ``playbook`` console script of the virtualenv running the tests."""
    return Path(sys.executable).parent / "playbook"


#: The engines the tests build with (`playbook build --engine`): tests of what the engine builds
#: (marked ``every_engine``) run on each, the others on ``DEFAULT_ENGINE`` alone.
ENGINES = ("mkdocs", "zensical")
DEFAULT_ENGINE = ENGINES[0]


def build_for(project: Path, site_dir: Path, base_url: str, engine: str = "mkdocs") -> None:
    """Build the default playbook of ``project`` strictly into ``site_dir``, for ``base_url``,
    with ``engine``.

    Runs the real command line, as a reader would. The address matters: Material's instant
    navigation only takes over links listed in sitemap.xml, which is made from the site URL,
    port included, so the site must be built for the address it is served at.
    """
    command = [
        str(playbook_executable()),
        "build",
        "--strict",
        "--site-url",
        base_url,
        "--site-dir",
        str(site_dir),
        "--project",
        str(project),
        "--engine",
        engine,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise AssertionError(
            f"`{' '.join(command)}` exited with {result.returncode}:\n"
            + result.stdout
            + result.stderr
        )


# --- prerequisites -------------------------------------------------------------------------------


def missing_prerequisites() -> list[str]:
    """What the browser tests need and this machine lacks, one line each (empty when ready)."""
    missing = []
    if not CHROMIUM.is_file():
        missing.append(f"Chromium is missing at {CHROMIUM}")
    if not AXE_SCRIPT.is_file():
        missing.append(f"axe-core is missing at {AXE_SCRIPT.relative_to(REPO_ROOT)}")
    if not playbook_executable().is_file():
        missing.append(f"the playbook command is missing at {playbook_executable()}")
    return missing


# --- what a page did -----------------------------------------------------------------------------


@dataclass
class PageLog:
    """Console errors, uncaught exceptions and off-site requests of one test's pages.

    The ``page`` fixture fills it and, at teardown, fails the test if anything was recorded
    that the test did not allow with ``allow_console``. Take the ``page_log`` fixture beside
    ``page`` to allow a message or to look at what was recorded.
    """

    base_url: str
    console_errors: list[str] = field(default_factory=list)  # errors and uncaught exceptions
    external_requests: list[str] = field(default_factory=list)  # "METHOD URL", all aborted
    allowed: list[re.Pattern[str]] = field(default_factory=list)

    def allow_console(self, pattern: str) -> None:
        """Let console errors that match ``pattern`` (a regular expression, searched) pass."""
        self.allowed.append(re.compile(pattern))

    def unexpected_console_errors(self) -> list[str]:
        return [
            text
            for text in self.console_errors
            if not any(pattern.search(text) for pattern in self.allowed)
        ]

    def watch(self, context: BrowserContext) -> None:
        """Record what every page of ``context`` logs, throws and requests from elsewhere."""
        # On the context rather than a page, so pages opened from a page count too.
        context.route("**/*", self.on_route)
        context.on("console", self.on_console)
        context.on("weberror", lambda web_error: self.on_page_error(web_error.error))

    # Playwright event handlers, wired up by ``watch``.

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            url = message.location.get("url")
            where = f" at {url}:{message.location.get('lineNumber', 0)}" if url else ""
            self.console_errors.append(f"console.error{where}: {message.text}")

    def on_page_error(self, error: Error) -> None:
        self.console_errors.append(f"uncaught {error.name}: {error.message}")

    def on_route(self, route: Route) -> None:
        """Let requests for the served site through; record and abort every other one."""
        request = route.request
        if request.url.startswith(self.base_url):
            route.continue_()
        else:
            self.external_requests.append(f"{request.method} {request.url}")
            route.abort()

    def problems(self) -> str:
        """A readable account of what should not have happened, or "" if nothing did."""
        parts = []
        errors = self.unexpected_console_errors()
        if errors:
            parts.append(
                "console errors or uncaught exceptions (allow an expected one with "
                "page_log.allow_console(pattern)):\n" + "\n".join(f"  {e}" for e in errors)
            )
        if self.external_requests:
            parts.append(
                f"requests for other addresses than {self.base_url} (aborted; the site must "
                "load nothing from another host):\n"
                + "\n".join(f"  {r}" for r in self.external_requests)
            )
        return "\n".join(parts)


# --- accessibility -------------------------------------------------------------------------------

# axe-core's default run: every rule it enables by default, whatever its tags.
AXE_RUN = """async () => {
    const results = await axe.run(document);
    return results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.map((node) => ({
            target: node.target,
            html: node.html,
            summary: node.failureSummary,
        })),
    }));
}"""


def run_axe(page: Page) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now, simplified.

    Each violation is ``{"id", "impact", "help", "nodes"}``; each node is
    ``{"target", "html", "summary"}``, where ``target`` is axe's list of CSS selectors.
    """
    page.add_script_tag(path=AXE_SCRIPT)
    violations: list[dict[str, Any]] = page.evaluate(AXE_RUN)
    return violations


#: The dates an entry keeps of when it changed and when each item was ticked.
DATES = ("at", "changed")


def stored_entries(page: Page, prefix: str, *, dates: bool = False) -> dict[str, Any]:
    """Everything a site keeps in this browser under ``prefix``, parsed, keyed without it;
    without the dates of ticks and changes (``DATES``) unless ``dates``, so that what was
    stored compares with what the test did (tests of the dates ask for them)."""
    raw: dict[str, str] = page.evaluate(
        """(prefix) => Object.fromEntries(Object.keys(localStorage)
            .filter((key) => key.startsWith(prefix))
            .map((key) => [key.slice(prefix.length), localStorage.getItem(key)]))""",
        prefix,
    )
    entries = {key: json.loads(value) for key, value in raw.items()}
    return entries if dates else undated(entries)


def undated(entries: dict[str, Any]) -> dict[str, Any]:
    """Stored or exported entries without the dates of ticks and changes (``DATES``)."""
    return {
        key: {name: v for name, v in value.items() if name not in DATES}
        if isinstance(value, dict)
        and key.split(":")[0]
        in ("practice-checklist", "practice-answers", "health-answers", "team-codes", "team-tally")
        else value
        for key, value in entries.items()
    }


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_violations(violations: list[dict[str, Any]], limit: int = 200) -> str:
    """The violations readably: each rule, then each failing node's selector, HTML and why."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            # axe's summary opens with "Fix any/all of the following:", then one reason a line.
            reasons = str(node.get("summary") or "").splitlines()[1:]
            lines.append(f"  at {' >> '.join(map(str, node['target']))}")
            lines.append(f"     {shorten(str(node['html']), limit)}")
            if reasons:
                lines.append(f"     why: {shorten('; '.join(r.strip() for r in reasons), 400)}")
    return "\n".join(lines)


#: JavaScript for a page script: ``all`` holds every element of the document, also those inside
#: shadow roots (Zensical's search results live in one).
ALL_ELEMENTS_JS = """
  const all = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll("*")) {
      all.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
"""


def search(page: Page, engine: str, query: str) -> Locator:
    """Types ``query`` into the site's search and returns its results, once there are some.

    Material's search is a dialog of the page (opened with "/"); Zensical's lives in a shadow
    root (opened from its search button), which Playwright's role locators reach into.
    """
    if engine == "zensical":
        page.locator(".md-search__button").click()
        page.get_by_role("combobox", name="Search").fill(query)
        results = page.get_by_role("listbox").get_by_role("option")
    else:
        page.keyboard.press("/")
        # Material says so once the search index has loaded in its worker.
        page.locator(".md-search-result__meta", has_text="Type to start searching").wait_for()
        # The whole query at once, then a key up, on which Material reads it: typed key by
        # key, the results of a part of it could be read before those of the whole.
        search_input = page.locator(".md-search__input")
        search_input.fill(query)
        search_input.press("End")
        results = page.locator(".md-search-result__item")
    results.first.wait_for()
    return results


# --- the reader's side of the served default playbook --------------------------------------------

#: Pages of the served site, relative to its root: the listen practice and the health check.
LISTEN = "practices/listen/"
HEALTH = "health-check/"
#: The served default playbook's keys in local storage: site root path, playbook name, storage
#: version.
PREFIX = "playbook:/default:v5:"


@pytest.fixture(scope="module", name="content")
def default_content(served_site: ServedSite) -> Content:
    """The ``content`` fixture: the default playbook's content, loaded from the project the
    served site was built from. A test module gets it by importing ``default_content``."""
    return load_project(served_site.project).content_for("default")


def stored(page: Page, prefix: str = PREFIX) -> dict[str, Any]:
    """Everything the site keeps in this browser, parsed, keyed without the prefix, without
    the dates of ticks and changes."""
    return stored_entries(page, prefix)


def seed(page: Page, entries: dict[str, Any], prefix: str = PREFIX) -> None:
    """Store ``entries`` under the site's keys (values as JSON, or raw text when a str), then
    reload so the page reads them."""
    raw = {
        prefix + key: value if isinstance(value, str) else json.dumps(value)
        for key, value in entries.items()
    }
    page.evaluate(
        "(raw) => { for (const [k, v] of Object.entries(raw)) localStorage.setItem(k, v); }", raw
    )
    page.reload()


def checkbox(page: Page, item: str) -> Locator:
    """The checklist's box for the item with id ``item``."""
    return page.locator(f"form.pb-checklist input[data-item='{item}']")


def answer(page: Page, owner: str, question_id: str, value: int) -> None:
    """Choose ``value`` for a statement of a form (``owner``: a practice's id, or "health")."""
    page.locator(f"input[name='{owner}--{question_id}'][value='{value}']").check()


def answer_all(page: Page, owner: str, questions: list[Any], value: int) -> None:
    """Choose ``value`` for every one of ``questions`` of a form."""
    for question in questions:
        page.locator(f"input[name='{owner}--{question.id}'][value='{value}']").check()


def answers_for(
    questions: list[schema.Question], scale: schema.Scale, seed_: int
) -> dict[str, int]:
    """Answers to ``questions``, each a point of ``scale`` chosen at random from ``seed_``."""
    rng = random.Random(seed_)
    values = [point.value for point in scale.points]
    return {question.id: rng.choice(values) for question in questions}


def instant_navigation(page: Page, path: str) -> None:
    """Follow the sidebar link to the practice ``path`` and wait until its page is in place."""
    practice = path.split("/")[-2]
    page.locator(f".md-sidebar--primary a[href$='{practice}/']").first.click()
    page.wait_for_function("(path) => location.pathname.endsWith(path)", arg="/" + path)
    page.wait_for_selector(f"form.pb-checklist[data-practice='{practice}']")


def words(name: str, /, **values: object) -> str:
    """The default interface string ``name``, its placeholders filled in with ``values``."""
    return DEFAULT_STRINGS[name].format(**values)


def status(page: Page) -> Locator:
    """The home page's status line of the reader's data (export, import, delete)."""
    return page.locator(".pb-data .pb-status")


def boxes(page: Page, selector: str) -> list[dict[str, float]]:
    """Where each element matching ``selector`` is drawn: x, y, width and height in pixels."""
    result: list[dict[str, float]] = page.eval_on_selector_all(
        selector,
        "(nodes) => nodes.map((n) => { const r = n.getBoundingClientRect(); "
        "return { x: r.x, y: r.y, width: r.width, height: r.height }; })",
    )
    return result


def starting(text: str) -> re.Pattern[str]:
    """A heading's text: what it says, then its permalink's sign."""
    return re.compile("^" + re.escape(text))


def settle(page: Page) -> None:
    """Waits until the page has drawn twice and has nothing left to do: timers and handlers a
    last action set off have run (a condition, not a fixed pause)."""
    page.evaluate(
        """() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(
            () => (window.requestIdleCallback || setTimeout)(() => done(), { timeout: 2000 }))))"""
    )
