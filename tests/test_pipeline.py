"""One pipeline behind every entry point: ``playbook build``, ``render``, ``validate`` and
``serve`` and ``mkdocs build`` through the plugin give the same warnings, located in the YAML.

A warning one route gave and another did not was a site published with a dead end: a
practice left out of the playbook warned under ``playbook build --strict`` and passed under
``mkdocs build --strict``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from support.cli import assert_exit, run

from generator.mkdocs_log import mkdocs_logging
from generator.serve import PreviewBuilder

MKDOCS = Path(sys.executable).parent / "mkdocs"
WARNING = "WARNING -  "

#: The warnings of the default playbook without 'grow', as `playbook build` gives them.
LEFT_OUT = (
    "names the practice 'grow', which this playbook leaves out: its title shows as plain text "
    "(set 'left_out_practices: drop' in the playbook to leave it off the page)"
)
LEFT_OUT_FIRST = f"content/health-check.yaml:29:9: dimensions[0].practices[2]: {LEFT_OUT}"
LEFT_OUT_COUNT = 9


def warnings_in(text: str) -> list[str]:
    return [line.removeprefix(WARNING) for line in text.splitlines() if line.startswith(WARNING)]


def mkdocs_build(project: Path, site: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """``mkdocs build`` on the project's own mkdocs.yml, which runs the playbook plugin."""
    return subprocess.run(
        [str(MKDOCS), "build", *options, "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def preview_warnings(project: Path, folder: Path, capfd: pytest.CaptureFixture[str]) -> list[str]:
    """One build of the live preview (what ``playbook serve`` runs on every change)."""
    folder.mkdir()
    capfd.readouterr()
    with mkdocs_logging(True) as locate:
        builder = PreviewBuilder(project, "default", folder, "http://127.0.0.1:8000/", locate)
        assert builder.rebuild() == []
    return warnings_in(capfd.readouterr().err)


@pytest.fixture
def without_grow(project_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The default project whose playbook leaves out 'grow', which other pages still name;
    the working folder, so that messages name its files as a coach in it would see them."""
    monkeypatch.chdir(project_copy)
    playbook = project_copy / "playbooks/default.yaml"
    text = playbook.read_text(encoding="utf-8")
    assert text.count("  - grow\n") == 1
    playbook.write_text(text.replace("  - grow\n", ""), encoding="utf-8")
    return project_copy


def test_a_left_out_practice_warns_the_same_from_every_entry_point(
    without_grow: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    built = run("build", "--site-dir", tmp_path / "site")
    assert_exit(built, 0)
    expected = warnings_in(built.output)
    assert len(expected) == LEFT_OUT_COUNT
    assert expected[0] == LEFT_OUT_FIRST
    assert all(line.endswith(LEFT_OUT) for line in expected)

    strict = run("build", "--strict", "--site-dir", tmp_path / "strict")
    assert_exit(strict, 1)
    assert warnings_in(strict.output) == expected
    assert strict.output.splitlines()[-1] == "Error: Aborted with 9 warnings in strict mode!"
    assert not (tmp_path / "strict").exists()

    rendered = run("render", "--out", tmp_path / "tree")
    assert_exit(rendered, 0)
    assert warnings_in(rendered.output) == expected

    validated = run("validate", "--strict")
    assert_exit(validated, 1)
    # validate checks both playbooks; these hold for the default one only.
    assert warnings_in(validated.output) == [f"{line} (in playbook default)" for line in expected]

    plugin = mkdocs_build(without_grow, tmp_path / "by-mkdocs")
    assert plugin.returncode == 0, plugin.stderr
    assert warnings_in(plugin.stderr) == expected
    plugin_strict = mkdocs_build(without_grow, tmp_path / "by-mkdocs-strict", "--strict")
    assert plugin_strict.returncode == 1
    assert warnings_in(plugin_strict.stderr) == expected
    assert plugin_strict.stdout == "\nAborted with 9 warnings in strict mode!\n"

    assert preview_warnings(without_grow, tmp_path / "preview", capfd) == expected


#: A dead link written into each kind of content file: (file, key above it, where it is).
DEAD_LINKS = [
    ("content/practices/listen.yaml", "why: |\n", "10:14: why", "practices/listen.md"),
    ("content/home.yaml", "body: |\n", "6:14: body", "index.md"),
    ("content/health-check.yaml", "intro: |\n", "6:14: intro", "health-check.md"),
    ("content/team.yaml", "intro: |\n", "7:14: intro", "team.md"),
    ("content/troubleshooting.yaml", "intro: |\n", "6:14: intro", "troubleshooting.md"),
    ("content/sources.yaml", "intro: |\n", "6:14: intro", "sources.md"),
]


def dead_link_lines() -> list[str]:
    """The warning for each dead link, in page order (as build sorts them)."""
    lines = []
    for file, _key, where, page in DEAD_LINKS:
        link = f"gone-{Path(file).stem}.md"
        folder = page.rpartition("/")[0]
        target = f"{folder}/{link}" if folder else link
        lines.append(
            f"{file}:{where}: Doc file '{page}' contains a link '{link}', but the target "
            f"'{target}' is not found among documentation files."
        )
    return sorted(lines, key=lambda line: line.split("Doc file '")[1])


@pytest.fixture
def dead_links(project_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(project_copy)
    for file, key, _where, _page in DEAD_LINKS:
        path = project_copy / file
        text = path.read_text(encoding="utf-8")
        assert key in text, file
        link = f"  See [gone](gone-{Path(file).stem}.md).\n"
        path.write_text(text.replace(key, key + link, 1), encoding="utf-8")
    return project_copy


def test_a_dead_link_in_every_kind_of_content_file_is_located(
    dead_links: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    expected = dead_link_lines()
    assert [line.split(":")[0] for line in expected] == [
        "content/health-check.yaml",
        "content/home.yaml",
        "content/practices/listen.yaml",
        "content/sources.yaml",
        "content/team.yaml",
        "content/troubleshooting.yaml",
    ]

    built = run("build", "--strict", "--site-dir", tmp_path / "site")
    assert_exit(built, 1)
    assert warnings_in(built.output) == expected

    rendered = run("render", "--out", tmp_path / "tree")
    assert_exit(rendered, 0)
    assert warnings_in(rendered.output) == expected

    plugin = mkdocs_build(dead_links, tmp_path / "by-mkdocs", "--strict")
    assert plugin.returncode == 1
    assert warnings_in(plugin.stderr) == expected

    assert preview_warnings(dead_links, tmp_path / "preview", capfd) == expected

    # validate checks both playbooks.
    validated = run("validate")
    assert_exit(validated, 1)
    # The peers playbook has a home page and a 'why' of listen of its own.
    own = {"content/home.yaml", "content/practices/listen.yaml"}
    assert validated.output.splitlines() == [
        line + " (in playbook default)" if line.split(":")[0] in own else line for line in expected
    ] + ["6 problems found."]
