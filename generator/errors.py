"""The one error family of the tool: content problems that carry their file, line and column."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import click


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file; line and column count from 1, line 0 means the whole file."""

    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        if self.line == 0:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in the content: where it is, which key it concerns, what is wrong."""

    location: Location
    key_path: str
    message: str

    def __str__(self) -> str:
        if self.key_path:
            return f"{self.location}: {self.key_path}: {self.message}"
        return f"{self.location}: {self.message}"


def format_key_path(path: Iterable[str | int]) -> str:
    """``("checklist", 2, "id")`` becomes ``checklist[2].id``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class PlaybookError(click.ClickException):
    """Base of every error the tool reports to a user; printed as ``Error: ...``, exit 1."""

    exit_code = 1


class ContentError(PlaybookError):
    """The content has one or more problems; all of them are carried, sorted by place."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(problem) for problem in self.problems))

    def format_message(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        return f"{self.message}\n{count} {noun} found."

    def show(self, file: object = None) -> None:
        # One problem per line with no "Error:" prefix, so editors can jump to file:line:col.
        click.echo(self.format_message(), err=True)
