"""From a project folder to its model, in a straight line: load, resolve, check, raise once.

``load_project`` runs three stages, each handing the next a typed result:

1. loading (this module): every playbook file in ``playbooks/``, every file they extend (in
   the project or built in) and every content folder they name, each read once (loader.py
   reads YAML, content.py a content folder, paths.py keeps every path inside the project);
2. resolution (resolve.py): ``extend`` and overrides applied, a ``ResolvedPlaybook`` each;
3. checking (checks.py): every content folder and playbook checked once; then the project's
   mkdocs.yml (mkdocs_checks.py).

It returns the whole ``Project`` or raises one ``ContentError`` listing every problem found.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import field_types, playbook_schema
from ._pydantic_errors import suggest
from .builtin import builtin_playbooks
from .checks import ProjectChecks
from .content import Collector, Content, Loaded, check_attribute_lists, load_content
from .errors import ContentError, Location, PlaybookError, Problem, display_path
from .loaded_project import LoadedProject, PlaybookFile
from .loader import load_document
from .mkdocs_checks import mkdocs_problems
from .paths import escapes, named_path, real_path, yaml_files
from .resolve import ResolvedPlaybook, Resolver

__all__ = ["Project", "ResolvedPlaybook", "load_project"]

#: The name of a playbook file is its name on the site: a folder of ``build --all``, a link
#: on its index page, part of the keys under which readers' browsers keep their progress.
PLAYBOOK_NAME = (
    "playbook file names must be lowercase slugs (letters, digits and single hyphens, like "
    "'team-leads.yaml'): the name becomes the playbook's address and its --playbook NAME"
)


@dataclass
class Project:
    """A project folder: its playbooks, each resolved, with the content they draw on."""

    root: Path
    playbooks: dict[str, ResolvedPlaybook]

    def playbook(self, name: str) -> ResolvedPlaybook:
        return self.playbooks[name]

    def content_for(self, name: str) -> Content:
        return self.playbooks[name].content


class _Loading:
    def __init__(self, check: Collector, root: Path) -> None:
        self.check = check
        self.project = LoadedProject(real_path(root)[0])

    def content(self, folder: Path, *, shared_required: bool) -> Content:
        key = (folder, shared_required)
        contents = self.project.contents
        if key not in contents:
            contents[key] = load_content(
                folder, self.check, shared_required=shared_required, home=self.project.home(folder)
            )
        return contents[key]

    def folder(self, loaded: Loaded[Any], relative: str) -> Path | None:
        home = self.project.home(loaded.path)
        source = loaded.source
        folder = named_path(self.check, home, loaded.path, source, ("content",), relative)
        if folder is None:
            return None
        if not folder.is_dir():
            message = f"content folder '{display_path(folder)}' does not exist"
            self.check.add(source, ("content",), message)
            return None
        return folder

    def file(self, path: Path) -> None:
        """Load the playbook file at ``path`` (a real path), what it extends and its content."""
        files = self.project.files
        if path in files:
            return
        document, problems = load_document(path)
        self.check.problems.extend(problems)
        if document is None or problems:
            files[path] = None
            return
        check_attribute_lists(self.check, document)
        file = files[path] = PlaybookFile(path, document)
        if isinstance(document.data, dict) and "extend" in document.data:
            file.overlay = self.check.parse(document, playbook_schema.PlaybookOverlay)
            if file.overlay is None:
                return
            file.base = self.base_path(file.overlay)
            if file.base is not None:
                self.file(file.base)
            if file.overlay.model.content is not None:
                file.folder = self.folder(file.overlay, file.overlay.model.content)
                if file.folder is not None:
                    file.content = self.content(file.folder, shared_required=False)
            return
        file.playbook = self.check.parse(document, playbook_schema.Playbook)
        if file.playbook is None:
            self.content_of_unreadable(path, document.data)
            return
        file.folder = self.folder(file.playbook, file.playbook.model.content)
        if file.folder is not None:
            file.content = self.content(file.folder, shared_required=True)

    def content_of_unreadable(self, path: Path, data: object) -> None:
        named = data.get("content") if isinstance(data, dict) else None
        relative = (
            named
            if isinstance(named, str)
            else playbook_schema.Playbook.model_fields["content"].default
        )
        folder = real_path(path.parent / relative)[0]
        if folder.is_dir() and folder.is_relative_to(self.project.home(path)):
            self.project.orphans.append(self.content(folder, shared_required=True))

    def base_path(self, overlay: Loaded[playbook_schema.PlaybookOverlay]) -> Path | None:
        target = overlay.model.extend
        home = self.project.home(overlay.path)
        source = overlay.source
        if "/" in target or "\\" in target or target.endswith((".yaml", ".yml")):
            path = named_path(self.check, home, overlay.path, source, ("extend",), target)
            if path is None:
                return None
            if path.is_file():
                return path
            message = f"playbook file '{display_path(path)}' does not exist"
            self.check.add(source, ("extend",), message)
            return None
        # A name means a playbook beside this file (in a project: the project's playbooks),
        # else a built-in one.
        siblings = {path.stem: path.name for path in yaml_files(overlay.path.parent)}
        if target in siblings:
            sibling = named_path(
                self.check, home, overlay.path, source, ("extend",), siblings[target]
            )
            if sibling is None or sibling != overlay.path:
                return sibling
        builtin = builtin_playbooks()
        if target in builtin:
            return builtin[target].resolve()
        known = sorted(set(siblings) - {overlay.path.stem} | set(builtin))
        self.check.add(
            source,
            ("extend",),
            f"unknown playbook '{target}'{suggest(target, known)}; known: {', '.join(known)}",
        )
        return None


def load_files(check: Collector, root: Path) -> LoadedProject:
    """The first stage: every file of the project at ``root``, read once."""
    playbook_folder = root / "playbooks"
    if not playbook_folder.is_dir():
        raise PlaybookError(
            f"'{display_path(root)}' is not a playbook project: it has no 'playbooks' folder "
            "(run the command inside a project or pass --project DIR)"
        )
    loading = _Loading(check, root)
    found = yaml_files(playbook_folder)
    for path in found:
        if escapes(path, loading.project.root, check):
            continue
        if not field_types.SLUG_RE.fullmatch(path.stem):
            check.problems.append(Problem(Location(display_path(path)), "", PLAYBOOK_NAME))
        real = real_path(path)[0]
        loading.file(real)
        loading.project.names[path.stem] = real
    if not found and not check.problems:
        check.problems.append(
            Problem(
                Location(display_path(playbook_folder), 0), "", "no playbook files (*.yaml) found"
            )
        )
    return loading.project


def check_project(check: Collector, loaded: LoadedProject, resolver: Resolver) -> None:
    """The third stage: every content folder and playbook file, each checked once."""
    checks = ProjectChecks(check)
    for content in loaded.orphans:
        checks.content(content)
    for path, resolved in resolver.resolved.items():  # each after the playbook it extends
        file = loaded.files.get(path)
        if resolved is None or file is None:
            continue
        checks.content(resolved.content, resolved.replaced)
        checks.playbook(
            file.document.source, file.document.data, file.listed_practices, resolved.content
        )


def load_project(root: Path) -> Project:
    """Load, resolve and check every playbook of ``root``, what it extends and the content it
    uses; raise every problem found at once."""
    check = Collector()
    loaded = load_files(check, root)
    resolver = Resolver(check, loaded)
    playbooks: dict[str, ResolvedPlaybook] = {}
    for name, path in loaded.names.items():
        resolved = resolver.resolve(path)
        if resolved is not None:
            playbooks[name] = resolved
    check_project(check, loaded, resolver)
    check.problems.extend(mkdocs_problems(root / "mkdocs.yml"))
    if check.problems:
        raise ContentError(check.problems)
    return Project(root, playbooks)
