"""The ``playbook`` command run in-process through Click's test runner, and what it wrote."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from generator.cli import main


def run(*args: str | Path) -> Result:
    """``playbook ARGS...`` through Click's test runner, as the console script would run it."""
    return CliRunner().invoke(main, [str(arg) for arg in args], prog_name="playbook")


def assert_exit(result: Result, code: int) -> None:
    """Exit ``code`` through Click, not through an exception escaping the command."""
    assert result.exit_code == code, result.output
    if code:
        # CliRunner catches a crash and reports exit code 1 too: tell the two apart.
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``, by its path relative to it: to compare before and after."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
