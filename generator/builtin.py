"""Where the built-in playbooks (``default``, ``peers``) and their content live.

In an installed wheel they are packaged under ``generator/builtin/``; in a source checkout
(an editable install) they are the repository's own ``playbooks/`` and ``content/``.
"""

from __future__ import annotations

from importlib import resources
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
