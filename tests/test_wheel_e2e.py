"""A coach's repository, played on this machine as its CI would play it on the first push.

The wheel is built and put in a folder of its own; a project made by ``playbook new`` is
committed to Git; its own install line (``pip install -r requirements.txt``, pointed at that
folder with ``--find-links``) sets up a fresh virtual environment; then the build lines of the
scaffolded GitHub workflow and GitLab job run exactly as written, read from their YAML, with the
Pages address and the commit time that those services would give. The sites are browsed in
Chromium. This proves the distribution ships everything and that a scaffolded project
publishes a site that knows its address.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, expect
from support.browser import PageLog, base_url_of, local_server
from support.cli import snapshot
from support.projects import REPO_ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]  # builds and installs a wheel

VERSION = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
COMMIT_TIME = 1767225600  # 2026-01-01 00:00 UTC, the scaffolded project's one commit


def run(command: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> str:
    environment = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", **(env or {})}
    environment.pop("VIRTUAL_ENV", None)
    environment.pop("SOURCE_DATE_EPOCH", None)
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        env=environment,
    )
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, Path]]:
    """(the wheel, a scaffolded project committed to Git, its virtual environment)."""
    work = tmp_path_factory.mktemp("coach")
    dist = work / "dist"
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", dist, REPO_ROOT], work)
    (wheel,) = dist.glob("coaching_playbook-*.whl")
    venv = work / "venv"
    run([sys.executable, "-m", "venv", venv], work)
    # `playbook new` from the wheel itself, so the pinned version is the wheel's own.
    bootstrap = work / "bootstrap"
    run([sys.executable, "-m", "venv", bootstrap], work)
    run([bootstrap / "bin" / "pip", "install", "-q", wheel], work)
    run([bootstrap / "bin" / "playbook", "new", "coach"], work)
    project = work / "coach"
    git = ["git", "-c", "user.name=Coach", "-c", "user.email=coach@example.org"]
    run([*git, "init", "-q"], project)
    run([*git, "add", "-A"], project)
    date = {"GIT_AUTHOR_DATE": f"@{COMMIT_TIME}", "GIT_COMMITTER_DATE": f"@{COMMIT_TIME}"}
    run([*git, "commit", "-q", "-m", "A playbook of our own"], project, date)
    # The scaffold's own install line, against the folder holding the wheel.
    run([venv / "bin" / "pip", "install", "-q", "--find-links", dist, "-r", "requirements.txt"],
        project)  # fmt: skip
    yield wheel, project, venv


def test_the_wheel_holds_everything_and_knows_its_version(
    installed: tuple[Path, Path, Path],
) -> None:
    wheel, project, venv = installed
    names = zipfile.ZipFile(wheel).namelist()
    for expected in (
        "generator/builtin/playbooks/default.yaml",
        "generator/builtin/playbooks/peers.yaml",
        "generator/builtin/content/practices/listen.yaml",
        "generator/templates/practice.md.j2",
        "generator/assets/js/wiring.mjs",
        "generator/assets/js/storage.mjs",
        "generator/assets/css/playbook.css",
        "generator/assets/css/health.css",
        "generator/overrides/partials/search.html",
        "generator/scaffold/requirements.txt",
        "generator/scaffold/dot-github/workflows/pages.yml",
    ):
        assert expected in names, expected
    # The minified copies readers get: without them every site would get compacted ones.
    dist = sorted(p.name for p in (REPO_ROOT / "generator" / "assets" / "dist").iterdir())
    assert "made-from.json" in dist
    assert [n for n in dist if f"generator/assets/dist/{n}" not in names] == []
    assert run([venv / "bin" / "playbook", "--version"], project) == (
        f"playbook, version {VERSION}\n"
    )
    requirements = (project / "requirements.txt").read_text(encoding="utf-8")
    assert f"\ncoaching-playbook=={VERSION}\n" in requirements


def github_build_script(project: Path) -> str:
    workflow = yaml.safe_load((project / ".github/workflows/pages.yml").read_text("utf-8"))
    # YAML 1.1 reads the key `on` as true: GitHub reads it as "on".
    assert workflow[True]["push"] == {"branches": ["main"]}
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["runs-on"] == deploy["runs-on"] == "ubuntu-latest"
    assert deploy["needs"] == "build"
    steps = build["steps"]
    assert {"id": "pages", "uses": "actions/configure-pages@v5"} in steps
    assert {"uses": "actions/upload-pages-artifact@v3", "with": {"path": "site"}} in steps
    python = next(s for s in steps if s.get("uses") == "actions/setup-python@v5")
    assert python["with"]["cache"] == "pip"
    runs = [step["run"] for step in steps if "run" in step]
    assert runs[0] == "pip install -r requirements.txt"
    (script,) = runs[1:]
    return str(script)


def gitlab_build_lines(project: Path) -> list[str]:
    job = yaml.safe_load((project / ".gitlab-ci.yml").read_text("utf-8"))["pages"]
    assert job["artifacts"] == {"paths": ["public"]}
    assert job["cache"]["paths"] == [".cache/pip"]
    assert job["variables"]["PIP_CACHE_DIR"] == "$CI_PROJECT_DIR/.cache/pip"
    assert job["script"][0] == "pip install -r requirements.txt"
    return [str(line) for line in job["script"][1:]]


@pytest.mark.parametrize("service", ["github", "gitlab"])
def test_the_scaffolded_ci_publishes_a_site_that_knows_its_address(
    installed: tuple[Path, Path, Path], browser: Browser, service: str
) -> None:
    _, project, venv = installed
    output = project / ("site" if service == "github" else "public")
    output.mkdir(exist_ok=True)
    path = {"PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    with local_server(output) as server:
        base_url = base_url_of(server)
        address = base_url.rstrip("/")  # as both services give it: no trailing slash
        if service == "github":
            # GitHub fills in its expressions before the shell runs the script.
            script = github_build_script(project).replace(
                "${{ steps.pages.outputs.base_url }}", address
            )
            env = path
        else:
            script = "\n".join(gitlab_build_lines(project))
            env = {
                **path,
                "CI_PAGES_URL": address,
                "CI_COMMIT_TIMESTAMP": "2026-01-01T00:00:00+00:00",
            }

        def build() -> dict[str, bytes]:
            run(["bash", "-e", "-c", script], project, env)
            return snapshot(output)

        first, second = build(), build()
        assert first == second  # every run of one commit: the same bytes
        sitemap = first["sitemap.xml"].decode("utf-8")
        locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
        assert f"{base_url}practices/listen/" in locations
        assert all(location.startswith(base_url) for location in locations)
        assert "<lastmod>2026-01-01</lastmod>" in sitemap  # dated by the commit
        home = first["index.html"].decode("utf-8")
        assert f'<link rel="canonical" href="{base_url}">' in home

        log = PageLog(base_url=base_url)
        context = browser.new_context(base_url=base_url)
        log.watch(context)
        try:
            page = context.new_page()
            page.goto(base_url)
            expect(page.locator(".pb-audience")).to_have_text(
                "Written for: Team leads and new managers"
            )
            page.evaluate("window.stillThisDocument = true")
            # The theme takes over links only once it has read sitemap.xml.
            page.wait_for_function(
                "() => performance.getEntriesByType('resource')"
                ".some((entry) => entry.name.endsWith('/sitemap.xml'))"
            )
            page.locator(".md-sidebar--primary a[href$='one-to-ones/']").first.click()
            page.wait_for_function("() => location.pathname.endsWith('/one-to-ones/')")
            page.wait_for_selector("form.pb-checklist[data-practice='one-to-ones']")
            # Instant navigation swapped the page in without loading a new document.
            assert page.evaluate("window.stillThisDocument === true")
            page.locator("form.pb-checklist input").first.check()
            expect(page.locator(".pb-progress__text")).to_have_text("1 of 3 done")
        finally:
            context.close()
        assert log.problems() == ""
