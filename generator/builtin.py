"""Where the built-in playbooks (``default``, ``peers``) and their content live.

In an installed wheel they are packaged under ``generator/builtin/``; in a source checkout
(an editable install) they are the repository's own ``playbooks/`` and ``content/``.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from .errors import PlaybookError


def builtin_root() -> Path:
    """The folder holding the built-in ``playbooks/`` and ``content/``."""
    packaged = Path(str(resources.files("generator"))) / "builtin"
    source_tree = Path(__file__).resolve().parent.parent
    for root in (packaged, source_tree):
        if (root / "playbooks" / "default.yaml").is_file() and (root / "content").is_dir():
            return root
    raise PlaybookError("this installation of playbook lacks its built-in playbooks")


def builtin_playbooks() -> dict[str, Path]:
    """Built-in playbook names and their files."""
    folder = builtin_root() / "playbooks"
    return {path.stem: path for path in sorted(folder.glob("*.yaml"))}


def package_tree(folder: Traversable) -> dict[str, bytes]:
    """Every file under a folder of the package, by its path relative to that folder."""
    files: dict[str, bytes] = {}
    for entry in folder.iterdir():
        if entry.is_dir():
            files.update({f"{entry.name}/{k}": v for k, v in package_tree(entry).items()})
        else:
            files[entry.name] = entry.read_bytes()
    return files
