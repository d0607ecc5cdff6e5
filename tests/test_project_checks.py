"""The project's own checks: lint, format, types, and a README that tells the truth."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
#: ruff's and mypy's caches: kept between runs (mypy takes several times longer without its
#: cache), in the temporary folder rather than in the checkout, one for each checkout.
CACHES = Path(tempfile.gettempdir()) / (
    "playbook-check-caches-" + hashlib.sha256(str(ROOT).encode()).hexdigest()[:12]
)


def run_tool(*command: str) -> subprocess.CompletedProcess[str]:
    executable = shutil.which(command[0], path=str(BIN)) or command[0]
    caches = {"RUFF_CACHE_DIR": str(CACHES / "ruff"), "MYPY_CACHE_DIR": str(CACHES / "mypy")}
    return subprocess.run(
        [executable, *command[1:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **caches},
    )


@pytest.mark.parametrize(
    "command",
    [
        ("ruff", "check", "generator", "tests", "bench"),
        ("ruff", "format", "--check", "generator", "tests", "bench"),
        ("mypy",),
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_code_checks_pass(command: tuple[str, ...]) -> None:
    result = run_tool(*command)
    assert result.returncode == 0, result.stdout + result.stderr


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"^```sh\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
    assert first_block is not None, "README.md has no opening command block"
    return first_block.group(1).strip().splitlines()


def test_readme_starts_with_a_build_and_a_test_command() -> None:
    build, test = readme_commands()
    assert build.endswith("playbook build --strict")
    assert test.endswith("python -m pytest")


def test_every_command_has_help_and_a_line_in_the_readme() -> None:
    """Each command's help says what it does; the README's table names every command (the
    manual documents each option: tests/test_docs_site.py)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert command.help, f"'{name}' has no help text"
        assert re.search(rf"^\| `playbook {name}[ `]", readme, re.M), f"README.md lacks '{name}'"
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0
        assert command.help.splitlines()[0] in result.output


def test_the_manual_overlay_example_is_valid(tmp_path: Path) -> None:
    """The overlay example of "Making a playbook your own" works as printed."""
    page = (ROOT / "docs" / "pages" / "customising.md").read_text(encoding="utf-8")
    example = page.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert example.startswith("extend: default")
    project = tmp_path / "coach"
    assert CliRunner().invoke(main, ["new", str(project)]).exit_code == 0
    (project / "images").mkdir()
    (project / "images" / "logo.svg").write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg"/>')
    (project / "images" / "icon.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (project / "playbooks" / "default.yaml").write_text(example, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--project", str(project)])
    assert result.exit_code == 0, result.output


def test_the_code_checkers_are_the_pinned_releases() -> None:
    """tests/setup.sh installs under tests/constraints.txt: what runs is what is pinned."""
    from importlib.metadata import version

    pins = {}
    for line in (ROOT / "tests/constraints.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, pinned = line.split("==")
            pins[name] = pinned
    assert {"ruff", "mypy", "types-PyYAML", "types-Markdown"} <= pins.keys()
    assert {name: version(name) for name in pins} == pins
    setup = (ROOT / "tests/setup.sh").read_text(encoding="utf-8")
    assert "pip install -q -c tests/constraints.txt -e '.[test,zensical]'" in setup


def test_only_the_command_line_speaks_click() -> None:
    """The library raises its own errors (generator/errors.py); cli.py alone turns them into
    Click's, so that the MkDocs plugin and other callers never get a command-line error."""
    generator = Path(__file__).resolve().parent.parent / "generator"
    speaking = sorted(
        path.name
        for path in generator.glob("*.py")
        if re.search(r"^(import click|from click)", path.read_text(encoding="utf-8"), re.M)
    )
    assert speaking == ["cli.py"]
