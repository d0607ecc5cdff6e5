"""`mkdocs build` on the root mkdocs.yml (through the playbook plugin) gives the same site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from support.projects import PRACTICE

from generator.navigation import NAV_SECTIONS_ABOVE
from generator.pipeline import build_site
from generator.scaffold import create_project

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).parent / "mkdocs"


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


def test_an_unknown_playbook_in_mkdocs_yml_is_one_located_line(
    project_copy: Path, tmp_path: Path
) -> None:
    config = project_copy / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    line = lines.index("      playbook: default\n") + 1
    lines[line - 1] = "      playbook: defualt\n"
    config.write_text("".join(lines), encoding="utf-8")
    plugins = [entry.strip() for entry in lines[lines.index("plugins:\n") + 1 : line]]
    index = plugins.index("- playbook:")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    result = subprocess.run(
        [str(mkdocs), "build", "-q", "-d", str(tmp_path / "site")],
        cwd=project_copy,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert [text for text in output.splitlines() if "defualt" in text] == [
        f"ERROR   -  mkdocs.yml:{line}:17: plugins[{index}].playbook.playbook: no playbook "
        "'defualt' (did you mean 'default'?); available: default, peers"
    ]
    assert "Usage:" not in output and "--playbook" not in output
    assert "Traceback" not in output
    assert not (tmp_path / "site").exists()


def test_a_scaffolded_project_of_many_practices_builds_the_same_both_ways(
    tmp_path: Path,
) -> None:
    """Above NAV_SECTIONS_ABOVE practices the navigation comes in sections, pruned in each
    page: the plugin route builds with the very same generated mkdocs.yml."""
    project = tmp_path / "mine"
    create_project(project)
    playbook = project / "playbooks/default.yaml"
    count = NAV_SECTIONS_ABOVE + 2
    ids = [f"extra-{number:02}" for number in range(count)]
    for number, practice_id in enumerate(ids):
        text = PRACTICE.format(id=practice_id, other="listen")
        text = text.replace("tags: [sample]", f"tags: [group-{number % 3}]")
        (project / f"content/practices/{practice_id}.yaml").write_text(text, encoding="utf-8")
    text = playbook.read_text(encoding="utf-8")
    text = text.replace(
        "  - communicate\n", "  - communicate\n" + "".join(f"  - {i}\n" for i in ids)
    )
    playbook.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [str(MKDOCS), "build", "--strict", "-q", "-d", str(tmp_path / "by-mkdocs")],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    build_site(project, "default", site_dir=tmp_path / "by-playbook", strict=True)

    by_mkdocs = site_files(tmp_path / "by-mkdocs")
    assert f"practices/{ids[-1]}/index.html" in by_mkdocs
    # Pruned: a page lists the practices of its own section (group-0); another section
    # (group-1) is a link to its first practice only.
    page = by_mkdocs["practices/extra-00/index.html"].decode("utf-8")
    assert 'href="../extra-03/"' in page
    assert 'href="../extra-01/"' in page
    assert 'href="../extra-04/"' not in page
    assert by_mkdocs == site_files(tmp_path / "by-playbook")
