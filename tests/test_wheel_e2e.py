"""A coach's first steps with an installed wheel, far from this repository.

Builds the wheel, installs it into a fresh virtual environment in a temporary folder,
scaffolds a project with ``playbook new``, builds it with ``--strict`` and browses the result
in Chromium. This proves the built-in playbooks, templates, assets and theme overrides ship
inside the package.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from browser_support import REPO_ROOT, PageLog, base_url_of, local_server
from playwright.sync_api import Browser, expect

pytestmark = pytest.mark.browser


def run(command: list[str | Path], cwd: Path) -> str:
    environment = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    environment.pop("VIRTUAL_ENV", None)
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


def test_wheel_scaffold_build_and_browse(tmp_path: Path, browser: Browser) -> None:
    dist = tmp_path / "dist"
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", dist, REPO_ROOT], tmp_path)
    (wheel,) = dist.glob("playbook-*.whl")
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", venv], tmp_path)
    run([venv / "bin" / "pip", "install", "-q", wheel], tmp_path)
    location = run(
        [venv / "bin" / "python", "-c", "import generator; print(generator.__file__)"], tmp_path
    )
    assert Path(location.strip()).is_relative_to(venv), location

    work = tmp_path / "work"
    work.mkdir()
    run([venv / "bin" / "playbook", "new", "coach"], work)
    project = work / "coach"
    listing = run([venv / "bin" / "playbook", "list"], project)
    assert listing.startswith("default: Our Team Playbook (6 practices, playbooks/default.yaml)\n")

    site = tmp_path / "site"
    site.mkdir()
    log = None
    with local_server(site) as server:
        base_url = base_url_of(server)
        run(
            [venv / "bin" / "playbook", "build", "--strict", "--site-url", base_url,
             "--site-dir", site],
            project,
        )  # fmt: skip
        log = PageLog(base_url=base_url)
        context = browser.new_context(base_url=base_url)
        log.watch(context)
        try:
            page = context.new_page()
            page.goto("")
            expect(page.locator("h1").first).to_contain_text("Reciprocal working relationships")
            expect(page.locator(".pb-audience")).to_have_text(
                "Written for: Team leads and new managers"
            )
            page.goto("practices/one-to-ones/")
            expect(page.locator("h1").first).to_contain_text("Hold regular one-to-ones")
            page.locator("form.pb-checklist input").first.check()
            expect(page.locator(".pb-progress__text")).to_have_text("1 of 3 done")
            page.goto("practices/listen/")
            expect(page.locator("form.pb-checklist li").last).to_have_text(
                "I ran one meeting this month where everyone spoke before I did."
            )
        finally:
            context.close()
    assert log.problems() == ""
