"""Shared options and fixtures: the repository root, built and served sites, goldens, a browser."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from support.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DEFAULT_ENGINE,
    ENGINES,
    SETUP_HINT,
    PageLog,
    ServedSite,
    base_url_of,
    build_for,
    local_server,
    missing_prerequisites,
)
from support.projects import copy_project

from generator.pipeline import build_site

REPO_ROOT = Path(__file__).resolve().parent.parent

# Tests write nothing into the home folder: the compiled templates the generator caches
# (generator/render.py) go into a folder of this run, for this process and every command it
# starts.
_CACHE = tempfile.mkdtemp(prefix="playbook-test-cache-")
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)
os.environ["XDG_CACHE_HOME"] = _CACHE


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help=(
            "Rewrite the golden files under tests/golden/ from the current rendering (and "
            "delete stale ones) instead of comparing against them; review the diff, then commit."
        ),
    )


@pytest.fixture(scope="session")
def update_golden(pytestconfig: pytest.Config) -> bool:
    """True when the run was started with ``--update-golden``."""
    return bool(pytestconfig.getoption("--update-golden"))


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository root: the folder holding playbooks/, content/ and mkdocs.yml."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def built_site(repo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default playbook built once per session with ``strict=True``; the site folder.

    Built from a copy of the project, so that its docs tree (``build/default``) is not
    written into the checkout.
    """
    work = tmp_path_factory.mktemp("built")
    site = work / "site"
    report = build_site(
        copy_project(repo_root, work / "project"), "default", site_dir=site, strict=True
    )
    assert report.site_dir == site.resolve()
    return site


@pytest.fixture
def project_copy(repo_root: Path, tmp_path: Path) -> Path:
    """A copy of this repository's project files that a test may break or build."""
    return copy_project(repo_root, tmp_path / "project")


# --- browser tests -------------------------------------------------------------------------------


#: Fixtures that build a site with the engine they are given as ``request.param``.
ENGINE_FIXTURES = ("served_site", "german_site", "disk_site", "corpus")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A site is built by the default engine, and by every engine for a test marked
    ``every_engine``: the script's own logic (storage, import, scoring, team codes) is the
    same whatever builds the page, so it is tested once."""
    every = metafunc.definition.get_closest_marker("every_engine") is not None
    engines = ENGINES if every else (DEFAULT_ENGINE,)
    for name in ENGINE_FIXTURES:
        if name in metafunc.fixturenames:
            metafunc.parametrize(name, engines, indirect=True)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test that opens Chromium is a browser test, marked or not. A test marked
    ``every_engine(only={"name": value})`` runs with the other engines only for that value
    of its parameter ``name`` (one practice of five printed, say): the default engine runs
    every case."""
    kept, dropped = [], []
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
        # With two workers (pyproject.toml): every browser test in one, sharing its served
        # sites and its Chromium; every other module whole in either, so that what a module
        # makes once (a wheel, the engines' virtual environments) is made by one process.
        group = "browser" if item.get_closest_marker("browser") else item.module.__name__
        item.add_marker(pytest.mark.xdist_group(group))
        marker = item.get_closest_marker("every_engine")
        params = getattr(getattr(item, "callspec", None), "params", {})
        engine = next((params[name] for name in ENGINE_FIXTURES if name in params), None)
        only = marker.kwargs.get("only", {}) if marker else {}
        if engine not in (None, DEFAULT_ENGINE) and any(
            params.get(name) != value for name, value in only.items()
        ):
            dropped.append(item)
        else:
            kept.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(scope="session")
def served_site(
    request: pytest.FixtureRequest, repo_root: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServedSite]:
    """The default playbook, built from a project copy by an engine (the default one, or each
    in turn for tests marked ``every_engine``) and served on 127.0.0.1.

    The server takes its free port first, then the site is built for exactly that address
    (``--site-url``), so links, sitemap.xml and instant navigation all match what is served.
    """
    engine = str(request.param)
    work = tmp_path_factory.mktemp("served")
    project = copy_project(repo_root, work / "project")
    site_dir = work / "site"
    site_dir.mkdir()
    with local_server(site_dir) as server:
        base_url = base_url_of(server)
        build_for(project, site_dir, base_url, engine)
        yield ServedSite(base_url=base_url, site_dir=site_dir, project=project, engine=engine)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium, driven by Playwright; fails (not skips) when not set up."""
    missing = missing_prerequisites()
    if missing:
        pytest.fail(
            "browser tests cannot run: " + "; ".join(missing) + f"; {SETUP_HINT}", pytrace=False
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page_log(served_site: ServedSite) -> PageLog:
    """What this test's page logged and requested; ``page`` checks it at teardown."""
    return PageLog(base_url=served_site.base_url)


@pytest.fixture
def new_page(
    browser: Browser, served_site: ServedSite, page_log: PageLog
) -> Iterator[Callable[..., Page]]:
    """Opens pages in fresh contexts: ``new_page(init_script=..., **context_options)``.

    Every context's relative addresses resolve on the served site and requests for any other
    address are aborted. At teardown the test fails if a page logged a console error or threw
    an uncaught exception that the test did not allow (``page_log.allow_console``), or asked
    for anything from another address.
    """
    contexts: list[BrowserContext] = []

    def open_page(init_script: str | None = None, **options: Any) -> Page:
        context = browser.new_context(base_url=served_site.base_url, **options)
        contexts.append(context)
        page_log.watch(context)
        if init_script is not None:
            context.add_init_script(init_script)
        return context.new_page()

    try:
        yield open_page
    finally:
        for context in contexts:
            context.close()
    problems = page_log.problems()
    if problems:
        pytest.fail(problems, pytrace=False)


@pytest.fixture
def page(new_page: Callable[..., Page]) -> Page:
    """A fresh page in its own context, checked as ``new_page`` describes."""
    return new_page()
