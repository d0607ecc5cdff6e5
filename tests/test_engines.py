"""Both engines: the docs tree builds with nothing of the tool installed, and `playbook build
--engine zensical` keeps the guarantees of the MkDocs build."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from support.cli import assert_exit, run

from generator.engines import ZENSICAL_VERSION

pytestmark = pytest.mark.slow  # makes a virtual environment per engine

#: What each engine needs, from the package index, and nothing else.
ENGINE_PACKAGES = {
    "mkdocs": ["mkdocs>=1.6,<2", "mkdocs-material>=9.7,<10"],
    "zensical": [f"zensical=={ZENSICAL_VERSION}"],
}
#: The engines' virtual environments, kept between runs in the temporary folder: installing
#: an engine takes most of a minute. One for each engine, requirement and Python.
ENGINE_VENVS = Path(tempfile.gettempdir()) / "playbook-engine-venvs"
PAGES = [
    "index.html",
    "practices/listen/index.html",
    "health-check/index.html",
    "troubleshooting/index.html",
    "tags/index.html",
]


def engine_venv(engine: str) -> Path:
    """A virtual environment holding ``engine`` from the package index and nothing else: made
    once, marked ready when its install has succeeded, then reused."""
    key = json.dumps([sys.version, ENGINE_PACKAGES[engine]])
    venv = ENGINE_VENVS / f"{engine}-{hashlib.sha256(key.encode()).hexdigest()[:12]}"
    ready = venv / "playbook-engine-ready"
    if ready.is_file():
        return venv
    shutil.rmtree(venv, ignore_errors=True)  # a run stopped half way
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    install = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", *ENGINE_PACKAGES[engine]],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    ready.write_text(key, encoding="utf-8")
    return venv


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_the_docs_tree_builds_with_only_its_engine_installed(
    project_copy: Path, tmp_path: Path, engine: str
) -> None:
    """`playbook render --engine E`, then E alone (a fresh virtual environment holding only
    E from the package index) builds the tree: nothing of this package is needed."""
    tree = tmp_path / "tree"
    assert_exit(run("render", "--project", project_copy, "--out", tree, "--engine", engine), 0)
    venv = engine_venv(engine)
    python = venv / "bin" / "python"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PYTHONPATH", None)
    missing = subprocess.run(
        [str(python), "-c", "import generator"], capture_output=True, cwd=tmp_path, env=env
    )
    assert missing.returncode != 0  # the tool is not there

    result = subprocess.run(
        [str(venv / "bin" / engine), "build", "--strict", "-f", str(tree / "mkdocs.yml")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    site = tree / "site"  # the tree's own site folder, never the project's
    for page in PAGES:
        assert (site / page).is_file(), page
    listen = (site / "practices/listen/index.html").read_text(encoding="utf-8")
    assert 'class="pb-checklist"' in listen
    assert '<a href="../communicate/">Communicate openly</a>' in listen
    assert not (project_copy / "site").exists()


def test_a_strict_zensical_build_fails_on_a_link_warning_and_keeps_the_old_site(
    project_copy: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    engine = ("--engine", "zensical")
    assert_exit(run("build", "--project", project_copy, "--site-dir", site, *engine), 0)
    before = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))
    home = project_copy / "content" / "home.yaml"
    text = home.read_text(encoding="utf-8")
    home.write_text(text.replace("body: |\n", "body: |\n  [Old](old.md)\n", 1), "utf-8")

    result = run("build", "--project", project_copy, "--site-dir", site, "--strict", *engine)

    assert_exit(result, 1)
    assert result.stderr.splitlines()[-2:] == [
        f"WARNING -  {home}:6:9: body: Doc file 'index.md' contains a link 'old.md', "
        "but the target 'old.md' is not found among documentation files.",
        "Error: Aborted with 1 warning in strict mode!",
    ]
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == before


def test_the_engine_comes_from_the_environment_too(
    project_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLAYBOOK_ENGINE", "zensical")
    result = run("build", "--project", project_copy, "--site-dir", tmp_path / "site")
    assert_exit(result, 0)
    assert "Zensical" in result.stdout
    assert (tmp_path / "site" / "search.json").is_file()  # Zensical's search index


def test_without_zensical_the_build_says_how_to_get_it(
    project_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "zensical" else real(name)
    )
    site = tmp_path / "site"
    result = run("build", "--project", project_copy, "--site-dir", site, "--engine", "zensical")
    assert_exit(result, 1)
    assert result.stderr == (
        "Error: the zensical engine needs Zensical, which is not installed: pip install "
        f"'coaching-playbook[zensical]' (or pip install zensical=={ZENSICAL_VERSION})\n"
    )
    assert not site.exists()


def test_the_live_preview_says_it_runs_on_mkdocs(project_copy: Path) -> None:
    result = run("serve", "--project", project_copy, "--engine", "zensical")
    assert_exit(result, 2)
    assert result.stderr.endswith(
        "Error: the live preview runs on MkDocs only; check the site on Zensical with "
        "`playbook build --engine zensical` and any static file server\n"
    )
