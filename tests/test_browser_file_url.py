"""The built site opened from disk (file://), as a reader who double-clicks index.html would.

The site is built as the README's first command builds it (no site URL, no server), once per
engine, and opened by its file:// address in Debian's Chromium (docs/pages/publishing.md, "On
any other host", says what works from disk). Ticks and answers must be kept across a reload,
and the home page must show the progress overview and the data section: with
navigation.instant, Material's document$ ends there without announcing the page, and the
script sets the page up on the plain load instead.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect
from support.browser import PageLog, playbook_executable, stored
from support.projects import copy_project

from generator.content import Content
from generator.project import load_project

pytestmark = [pytest.mark.browser, pytest.mark.every_engine]


@dataclass(frozen=True)
class DiskSite:
    site_dir: Path
    engine: str
    content: Content

    def url(self, path: str) -> str:
        return f"{self.site_dir.as_uri()}/{path}"

    @property
    def prefix(self) -> str:
        """This site's storage keys: from disk, the site's root path is the folder's path."""
        return f"playbook:{urlsplit(self.site_dir.as_uri()).path}/default:v5:"


@pytest.fixture(scope="module")
def disk_site(
    request: pytest.FixtureRequest, repo_root: Path, tmp_path_factory: pytest.TempPathFactory
) -> DiskSite:
    engine = str(request.param)
    work = tmp_path_factory.mktemp(f"disk-{engine}")
    project = copy_project(repo_root, work / "project")
    site_dir = work / "site"
    command = [
        str(playbook_executable()),
        "build",
        "--strict",
        "--project",
        str(project),
        "--site-dir",
        str(site_dir),
        "--engine",
        engine,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    content = load_project(project).content_for("default")
    return DiskSite(site_dir=site_dir, engine=engine, content=content)


@pytest.fixture
def page(browser: Browser, disk_site: DiskSite) -> Iterator[Page]:
    """A fresh page that fails the test on a console error, a throw or a request elsewhere."""
    log = PageLog(base_url=disk_site.url(""))
    if disk_site.engine == "zensical":
        # Zensical's bundle asks for search.js, an inlined search index, when opened from disk;
        # the build writes search.json only, so search stays off there.
        log.allow_console(r"/search\.js:0: Failed to load resource: net::ERR_FILE_NOT_FOUND$")
    context = browser.new_context()
    log.watch(context)
    try:
        yield context.new_page()
    finally:
        context.close()
    problems = log.problems()
    if problems:
        pytest.fail(problems, pytrace=False)


def tick_and_answer(page: Page, site: DiskSite) -> None:
    """On the listen page: tick the first checklist item and answer the first statement 4."""
    listen = site.content.practices["listen"].model
    page.goto(site.url("practices/listen/index.html"))
    progress = page.locator(".pb-progress__text")
    expect(progress).to_have_text(f"0 of {len(listen.checklist)} done")
    page.locator(f"input[data-item='{listen.checklist[0].id}']").check()
    expect(progress).to_have_text(f"1 of {len(listen.checklist)} done")
    question = listen.assessment.questions[0]
    page.locator(f"input[name='listen--{question.id}'][value='4']").check()
    expect(page.locator(".pb-result__count")).to_have_text(
        f"1 of {len(listen.assessment.questions)} statements answered."
    )


def test_ticks_and_answers_opened_from_disk_survive_a_reload(
    page: Page, disk_site: DiskSite
) -> None:
    listen = disk_site.content.practices["listen"].model
    tick_and_answer(page, disk_site)
    page.reload()
    item = page.locator(f"input[data-item='{listen.checklist[0].id}']")
    expect(item).to_be_checked()
    expect(page.locator("form.pb-checklist input:checked")).to_have_count(1)
    expect(page.locator(".pb-progress__text")).to_have_text(f"1 of {len(listen.checklist)} done")
    question = listen.assessment.questions[0]
    expect(page.locator(f"input[name='listen--{question.id}'][value='4']")).to_be_checked()
    expect(page.locator(".pb-result__count")).to_have_text(
        f"1 of {len(listen.assessment.questions)} statements answered."
    )
    assert stored(page, disk_site.prefix) == {
        "practice-checklist:listen": {"done": [listen.checklist[0].id]},
        "practice-answers:listen": {"answers": {question.id: 4}},
    }


def test_the_home_page_opened_from_disk_shows_progress_and_data(
    page: Page, disk_site: DiskSite
) -> None:
    listen = disk_site.content.practices["listen"].model
    tick_and_answer(page, disk_site)
    page.goto(disk_site.url("index.html"))

    overview = page.locator(".pb-progress-overview")
    expect(overview).to_be_visible()
    expect(overview.locator("h3")).to_have_text("Your progress")
    rows = overview.locator(".pb-overview__item[data-practice]")
    expect(rows).to_have_count(5)
    expect(rows.first.locator("a")).to_have_text("Listen actively")
    expect(rows.first.locator(".pb-overview__status")).to_contain_text(
        f"1 of {len(listen.checklist)} done"
    )
    expect(rows.first.locator(".pb-overview__status")).to_contain_text(
        f"1 of {len(listen.assessment.questions)} statements answered."
    )
    expect(rows.nth(1).locator(".pb-overview__status")).to_contain_text(
        "Self-assessment not taken yet"
    )

    data = page.locator(".pb-data")
    expect(data).to_be_visible()
    expect(data.locator("h2")).to_have_text("Your data")
    expect(data.locator("button, label")).to_have_text(
        ["Export my data", "Import data", "Delete all my data"]
    )
