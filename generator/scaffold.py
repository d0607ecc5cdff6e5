"""``playbook new``: a coach's own project, ready to build, preview and publish.

The files come from ``generator/scaffold/`` (names starting ``dot-`` become dotfiles there,
so that packaging tools do not treat them as their own settings), plus the JSON Schemas.
Nothing that exists is ever overwritten: if any file to be written is already there, the
command stops before writing anything.
"""

from __future__ import annotations

import importlib.metadata
import os
import shlex
import shutil
import sys
import sysconfig
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from . import DISTRIBUTION
from .builtin import package_tree
from .errors import PlaybookError, display_path, some_of
from .json_schema import KINDS, schema_text

SCHEMA_FOLDER = "schemas"


@dataclass(frozen=True)
class Scaffold:
    folder: Path
    files: list[Path]


def _dotfile(relative: str) -> str:
    """``dot-github/x`` -> ``.github/x``: each ``dot-`` part becomes a dotfile name."""
    return "/".join(
        "." + part.removeprefix("dot-") if part.startswith("dot-") else part
        for part in relative.split("/")
    )


def scaffold_files() -> dict[str, bytes]:
    """Every file of a new project, by its path inside the project."""
    packaged = package_tree(resources.files("generator") / "scaffold")
    files = {_dotfile(relative): data for relative, data in sorted(packaged.items())}
    version = importlib.metadata.version(DISTRIBUTION)
    files["requirements.txt"] = files["requirements.txt"].replace(
        b"@VERSION@", version.encode("ascii")
    )
    for kind in KINDS:
        files[f"{SCHEMA_FOLDER}/{kind}.schema.json"] = schema_text(kind).encode("utf-8")
    return files


def create_project(folder: Path) -> Scaffold:
    """Write a new project into ``folder`` (which may exist, without any of these files)."""
    files = scaffold_files()
    if folder.exists() and not folder.is_dir():
        raise PlaybookError(f"'{display_path(folder)}' exists and is not a folder")
    existing = sorted(relative for relative in files if (folder / relative).exists())
    if existing:
        raise PlaybookError(
            f"'{display_path(folder)}' already has {some_of(existing)}; nothing was written. "
            "Choose a new folder, or move those files away first."
        )
    written = []
    for relative, data in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("xb") as stream:  # never replaces a file that appeared meanwhile
            stream.write(data)
        written.append(path)
    return Scaffold(folder, written)


def next_step(folder: Path) -> str:
    """The shell command that previews a new project in ``folder``, as it works in a new shell."""
    return f"cd {shlex.quote(display_path(folder))} && {playbook_command()} serve"


def playbook_command() -> str:
    """How a new shell runs this very ``playbook``: its plain name where the search path finds
    it (pipx's ``~/.local/bin``, a system-wide install), else its full path.

    A virtual environment's command is on the search path only while that environment is
    activated, and a new shell has not activated it, so the folder an activation put on the
    search path does not count.
    """
    script = shutil.which("playbook", path=sysconfig.get_path("scripts"))
    if script is None:  # not installed as a command: the module runs it all the same
        return f"{shlex.quote(sys.executable)} -m generator"
    mine = os.path.realpath(script)
    full = shlex.quote(os.path.abspath(script))
    activated = os.environ.get("VIRTUAL_ENV")
    for entry in os.environ.get("PATH", "").split(os.pathsep):
        if not os.path.isabs(entry):  # relative entries mean another folder after the `cd`
            continue
        if activated and os.path.realpath(os.path.dirname(entry)) == os.path.realpath(activated):
            continue
        found = shutil.which("playbook", path=entry)
        if found is not None:  # the first one found is what the shell would run
            return "playbook" if os.path.realpath(found) == mine else full
    return full
