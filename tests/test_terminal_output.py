"""Nothing from content reaches a terminal raw: every command escapes the control characters
that YAML's double-quoted escapes can put into a value ("\\e]0;title\\a" retitles a terminal
window, "\\e[2J" clears the screen of whoever runs the tool or reads the CI log)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from support.projects import edit, write_minimal_project

ALPHA = "content/practices/alpha.yaml"
#: A title in YAML escapes: an OSC window title, a bell, a clear-screen sequence, a C1 control.
TITLE = r'"Practice \e]0;owned\a\e[2J\x9b31m alpha"'
SHOWN = r"Practice \x1b]0;owned\x07\x1b[2J\x9b31m alpha"
#: A dead link whose address holds the same sequences.
LINK = r'"Because [it](\e[2Jmissing.md) matters."'


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = write_minimal_project(tmp_path / "project")
    edit(root, ALPHA, "title: Practice alpha", f"title: {TITLE}")
    edit(root, ALPHA, "why: Because it matters.", f"why: {LINK}")
    return root


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The real command, its output as a terminal would receive it."""
    playbook = Path(sys.executable).with_name("playbook")
    return subprocess.run(
        [str(playbook), *map(str, args)], capture_output=True, text=True, timeout=300
    )


def assert_no_control_characters(output: str) -> None:
    unwanted = sorted(
        {c for c in output if (ord(c) < 32 and c not in "\n") or 0x7F <= ord(c) < 0xA0}
    )
    assert unwanted == [], output


def test_list_escapes_titles(project: Path) -> None:
    result = run("list", "--project", project)
    assert result.returncode == 0, result.stderr
    assert_no_control_characters(result.stdout + result.stderr)
    assert SHOWN in result.stdout


@pytest.mark.parametrize("command", ["build", "render"])
def test_link_warnings_are_escaped(project: Path, tmp_path: Path, command: str) -> None:
    out = ["--site-dir", tmp_path / "site"] if command == "build" else ["--out", tmp_path / "tree"]
    result = run(command, "--project", project, *out)
    assert result.returncode == 0, result.stderr
    assert_no_control_characters(result.stdout + result.stderr)
    assert r"contains a link '\x1b[2Jmissing.md'" in result.stderr


def test_a_strict_build_lists_them_escaped(project: Path, tmp_path: Path) -> None:
    result = run("build", "--strict", "--project", project, "--site-dir", tmp_path / "site")
    assert result.returncode == 1
    assert_no_control_characters(result.stdout + result.stderr)
    assert r"\x1b[2Jmissing.md" in result.stderr
