"""The one error family of the tool: content problems that carry their file, line and column.

These are the library's own exceptions, not the command line's: cli.py turns them into what
Click prints (``Error: ...``, or the problems alone, one per line) and the exit status, and
the MkDocs plugin into MkDocs' own errors.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple


class Location(NamedTuple):
    """A place in a source file; line and column count from 1, line 0 means the whole file.

    A named tuple rather than a dataclass: the loader makes one for every value it reads.
    """

    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        if self.line == 0:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


#: Characters that would break the one-problem-per-line output or play tricks on a terminal
#: (control and escape sequences, line separators, bidirectional overrides), printed escaped.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` on one line with every character in ``_UNPRINTABLE`` escaped (``\\x1b``)."""
    return _UNPRINTABLE.sub(lambda found: found.group().encode("unicode_escape").decode(), text)


def printable_lines(text: str) -> str:
    """``text`` for a terminal or a log: its line breaks kept, every other control character
    escaped, so that no value from content can move the cursor, retitle a window or clear
    the screen of whoever runs the tool."""
    return "\n".join(printable(line) for line in text.split("\n"))


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in the content: where it is, which key it concerns, what is wrong."""

    location: Location
    key_path: str
    message: str

    def __str__(self) -> str:
        if self.key_path:
            return printable(f"{self.location}: {self.key_path}: {self.message}")
        return printable(f"{self.location}: {self.message}")


def format_key_path(path: Iterable[str | int]) -> str:
    """``("checklist", 2, "id")`` becomes ``checklist[2].id``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def shorten(text: str, limit: int = 40) -> str:
    """``text`` on one line and at most ``limit`` characters, for quoting in a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def some_of(names: Sequence[str], limit: int = 5) -> str:
    """The first ``limit`` of ``names``, and how many more there are: "a, b and 3 more"."""
    more = f" and {len(names) - limit} more" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):
        # Symbolic links that loop (Python 3.11 raises RuntimeError): name the path unresolved.
        resolved = Path(os.path.abspath(path))
    try:
        return str(resolved.relative_to(_resolved(os.getcwd())))
    except ValueError:
        return str(path)


@functools.lru_cache(maxsize=8)
def _resolved(folder: str) -> Path:
    """The working folder with its links followed, once per folder: every located problem and
    every loaded file asks for it."""
    return Path(folder).resolve()


class PlaybookError(Exception):
    """Base of every error the tool reports to a user; the command prints it as
    ``Error: ...`` and exits with status 1."""

    #: Whether the message is shown as it is, one problem per line with no "Error:" in
    #: front, so that editors can jump to each FILE:LINE:COL.
    located = False

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message

    def format_message(self) -> str:
        return self.message


class UnknownPlaybook(PlaybookError):
    """A playbook asked for by name that the project does not have; on the command line a
    mistake in the command (``--playbook``), in mkdocs.yml one located in that file."""

    def __init__(self, name: str, known: Sequence[str], suggestion: str) -> None:
        self.name = name
        self.known = list(known)
        super().__init__(f"no playbook '{name}'{suggestion}; available: {', '.join(known)}")


class ContentError(PlaybookError):
    """The content has one or more problems; all of them are carried, sorted by place."""

    located = True

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(problem) for problem in self.problems))

    def format_message(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        return f"{self.message}\n{count} {noun} found."


class LinkProblems(PlaybookError):
    """Links in the content that the built site cannot serve, each line already located."""

    located = True

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = list(lines)
        super().__init__("\n".join(printable(line) for line in self.lines))

    def format_message(self) -> str:
        count = len(self.lines)
        return f"{self.message}\n{count} problem{'s' * (count != 1)} found."


class StrictFailure(PlaybookError):
    """``--strict`` and there were warnings (said in MkDocs' words)."""

    def __init__(self, warnings: int) -> None:
        plural = "s" if warnings != 1 else ""
        super().__init__(f"Aborted with {warnings} warning{plural} in strict mode!")
