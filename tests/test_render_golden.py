"""Golden tests: the Markdown rendered from the default content, page by page.

A change to a template or to the content shows up here as a diff. When the change is meant,
regenerate the files with ``pytest --update-golden`` and review them before committing.
"""

from __future__ import annotations

import difflib
import functools
from pathlib import Path

import pytest

from generator.project import load_project
from generator.render import render_site

REPO_ROOT = Path(__file__).resolve().parent.parent
PLAYBOOK = "default"
GOLDEN_DIR = REPO_ROOT / "tests" / "golden" / PLAYBOOK
REGENERATE = (
    "If the change is intended, regenerate the golden files with "
    "`pytest --update-golden` (e.g. `.venv/bin/python -m pytest tests/test_render_golden.py "
    "--update-golden`) and review the result."
)


@functools.cache
def rendered_pages() -> dict[str, str]:
    project = load_project(REPO_ROOT)
    site = render_site(project.playbook(PLAYBOOK).model, project.content_for(PLAYBOOK))
    return dict(site.pages)


def golden_files() -> set[str]:
    if not GOLDEN_DIR.is_dir():
        return set()
    return {p.relative_to(GOLDEN_DIR).as_posix() for p in GOLDEN_DIR.rglob("*") if p.is_file()}


def _display(path: Path) -> str:
    return path.relative_to(REPO_ROOT).as_posix()


@pytest.mark.parametrize("page", sorted(rendered_pages()))
def test_page_matches_golden(page: str, update_golden: bool) -> None:
    actual = rendered_pages()[page]
    golden = GOLDEN_DIR / page
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(actual.encode("utf-8"))
        return
    if not golden.is_file():
        pytest.fail(
            f"{_display(golden)} does not exist: the page '{page}' has no golden file.\n"
            f"{REGENERATE}",
            pytrace=False,
        )
    expected = golden.read_bytes().decode("utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile=f"{_display(golden)} (golden)",
                tofile=f"{page} (rendered now)",
            )
        )
        pytest.fail(
            f"The rendered page '{page}' differs from {_display(golden)}.\n{REGENERATE}\n\n{diff}",
            pytrace=False,
        )


def test_no_stale_golden_files(update_golden: bool) -> None:
    pages = set(rendered_pages())
    stale = sorted(golden_files() - pages)
    if update_golden:
        for relative in stale:
            (GOLDEN_DIR / relative).unlink()
        for folder in sorted(GOLDEN_DIR.rglob("*"), reverse=True):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        return
    assert not stale, (
        f"Golden files without a rendered page (a practice or page was removed?): {stale}.\n"
        f"{REGENERATE}"
    )
    missing = sorted(pages - golden_files())
    assert not missing, f"Rendered pages without a golden file: {missing}.\n{REGENERATE}"


def test_rendered_pages_cover_the_playbook() -> None:
    """The golden set is only meaningful if it spans every page kind of the playbook."""
    project = load_project(REPO_ROOT)
    expected = {f"practices/{p}.md" for p in project.playbook(PLAYBOOK).model.practices} | {
        "index.md",
        "health-check.md",
        "team.md",
        "troubleshooting.md",
        "sources.md",
        "tags.md",
    }
    assert set(rendered_pages()) == expected
