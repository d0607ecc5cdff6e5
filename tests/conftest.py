"""Shared options and fixtures: the repository root, a site built once per session, goldens."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import build_site

REPO_ROOT = Path(__file__).resolve().parent.parent


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

    ``build_site`` also writes the docs tree into ``repo_root/build/default``.
    """
    site = tmp_path_factory.mktemp("built") / "site"
    report = build_site(repo_root, "default", site_dir=site, strict=True)
    assert report.site_dir == site.resolve()
    return site


def copy_project(repo_root: Path, destination: Path) -> Path:
    """A private copy of the project, so a test can break it or build it without side effects."""
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copytree(repo_root / "content", destination / "content")
    shutil.copytree(repo_root / "playbooks", destination / "playbooks")
    shutil.copy2(repo_root / "mkdocs.yml", destination / "mkdocs.yml")
    return destination


@pytest.fixture
def project_copy(repo_root: Path, tmp_path: Path) -> Path:
    """A copy of this repository's project files that a test may break or build."""
    return copy_project(repo_root, tmp_path / "project")
