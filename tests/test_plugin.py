"""`mkdocs build` on the root mkdocs.yml (through the playbook plugin) gives the same site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import build_site

ROOT = Path(__file__).resolve().parent.parent


def site_files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and not path.name.startswith(".") and path.suffix != ".gz"
    }


@pytest.mark.parametrize("playbook", ["default", "peers"])
def test_mkdocs_build_with_the_plugin_matches_playbook_build(
    project_copy: Path, tmp_path: Path, playbook: str
) -> None:
    project = project_copy
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("playbook: default", f"playbook: {playbook}"), "utf-8")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "-q", "-d", str(tmp_path / "by-mkdocs")],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    build_site(project, playbook, site_dir=tmp_path / "by-playbook", strict=True)

    by_mkdocs = site_files(tmp_path / "by-mkdocs")
    assert "practices/listen/index.html" in by_mkdocs
    assert by_mkdocs == site_files(tmp_path / "by-playbook")


def test_plugin_reports_content_problems_with_their_location(
    project_copy: Path, tmp_path: Path
) -> None:
    project = project_copy
    listen = project / "content/practices/listen.yaml"
    listen.write_text(
        listen.read_text(encoding="utf-8").replace("tags:", "tagz:", 1), encoding="utf-8"
    )
    mkdocs = Path(sys.executable).parent / "mkdocs"
    result = subprocess.run(
        [str(mkdocs), "build", "-q", "-d", str(tmp_path / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert (
        "content/practices/listen.yaml:4:1: unknown key 'tagz' (did you mean 'tags'?)"
        in result.stderr
    )
    assert "Traceback" not in result.stderr
