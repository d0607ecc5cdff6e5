"""Paths a project names, kept inside it: symbolic links followed, loops and escapes reported.

Every path a playbook names (``content``, ``extend``, ``site.logo``, ``site.favicon``) and every
file found in a content folder must stay inside the folder it belongs to: the project's, or
for a built-in playbook the built-in one's.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Protocol

from .errors import Location, Problem, display_path, shorten
from .loader import SYMLINK_LOOP, KeyPath, SourceMap


class Problems(Protocol):
    problems: list[Problem]

    def add(self, source: SourceMap, path: KeyPath, message: str) -> None: ...


def yaml_files(folder: Path) -> list[Path]:
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])


def real_path(path: Path) -> tuple[Path, bool]:
    """``path`` with every symbolic link followed, and whether its links form a loop."""
    try:
        return Path(os.path.realpath(path, strict=True)), False
    except OSError as error:
        return Path(os.path.realpath(path)), error.errno == errno.ELOOP


def escapes(path: Path, home: Path, check: Problems) -> bool:
    """Whether a file found in a folder leads outside ``home``; if so it is reported."""
    real, loops = real_path(path)
    if not loops and real.is_relative_to(home):
        return False
    # The link's own name: display_path would follow it.
    shown = Location(str(Path(display_path(path.parent)) / path.name))
    if loops:
        check.problems.append(Problem(shown, "", f"cannot read the file: {SYMLINK_LOOP}"))
    else:
        message = "the file leads outside the project folder through a symbolic link"
        check.problems.append(Problem(shown, "", message))
    return True


def named_path(
    check: Problems, home: Path, file: Path, source: SourceMap, key_path: KeyPath, value: str
) -> Path | None:
    """``value``, a path written at ``key_path`` of ``file``, relative to that file, with its
    symbolic links followed; None (reported) when they loop or it leads outside ``home``."""
    written = file.parent / value
    real, loops = real_path(written)
    quoted = f"'{shorten(value)}'"
    if loops:
        check.add(source, key_path, f"{quoted} cannot be followed: {SYMLINK_LOOP}")
        return None
    if real.is_relative_to(home):
        return real
    if Path(os.path.normpath(written)).is_relative_to(home):
        message = f"{quoted} leads outside the project folder through a symbolic link"
    else:
        message = f"{quoted} is outside the project folder"
    check.add(source, key_path, message)
    return None
