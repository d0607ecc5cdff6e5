"""The first stage's result: every file a project is made of, each read once (project.py
loads them, resolve.py resolves the playbooks from them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import playbook_schema
from .builtin import builtin_root
from .content import Content, Loaded
from .loader import Document
from .paths import real_path


@dataclass
class PlaybookFile:
    """One playbook file, loaded: a whole playbook or one that extends another (neither when
    it does not parse), the file it extends and the content folder it names, where found."""

    path: Path
    document: Document
    playbook: Loaded[playbook_schema.Playbook] | None = None
    overlay: Loaded[playbook_schema.PlaybookOverlay] | None = None
    base: Path | None = None
    folder: Path | None = None
    content: Content | None = None

    @property
    def listed_practices(self) -> list[str] | None:
        """The practices the file itself lists (an extending one may leave them out)."""
        if self.playbook is not None:
            return self.playbook.model.practices
        return None if self.overlay is None else self.overlay.model.practices


@dataclass
class LoadedProject:
    """Everything a project is made of, each file read once: the first stage's result."""

    root: Path
    #: The playbooks of ``playbooks/`` by name: their files, by real path.
    names: dict[str, Path] = field(default_factory=dict)
    #: Every playbook file loaded, the project's and those they extend; None: unreadable.
    files: dict[Path, PlaybookFile | None] = field(default_factory=dict)
    #: Content folders read once each, by folder and whether its shared files are required.
    contents: dict[tuple[Path, bool], Content] = field(default_factory=dict)
    #: Content folders of playbook files that do not parse: checked all the same, so that one
    #: run reports every problem (a bad site.url and a bad resource url).
    orphans: list[Content] = field(default_factory=list)

    def home(self, path: Path) -> Path:
        """The folder the paths in a file at ``path`` must stay in: the project's, or for a
        built-in playbook the built-in one's."""
        if path.is_relative_to(self.root):
            return self.root
        return real_path(builtin_root())[0]
