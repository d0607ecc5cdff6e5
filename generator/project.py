"""From a project folder to a checked, cross-referenced model, collecting every problem.

``load_project`` reads every playbook, resolves what it extends and overrides, and loads the
content folders it draws on (content.py checks each: ids, references, band coverage), the
logo and favicon files (images.py) and the project's mkdocs.yml (mkdocs_checks.py). It
either returns the whole model or raises one ``ContentError`` listing every problem found.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import schema
from ._pydantic_errors import suggest
from .builtin import builtin_playbooks, builtin_root
from .content import (
    Collector,
    Content,
    Loaded,
    check_attribute_lists,
    check_content,
    escapes,
    load_content,
    real_path,
    yaml_files,
)
from .errors import (
    ContentError,
    Location,
    PlaybookError,
    Problem,
    display_path,
    shorten,
)
from .images import IMAGE_SUFFIXES, ImageRefused, published_image
from .loader import SYMLINK_LOOP, KeyPath, SourceMap, load_document
from .mkdocs_checks import mkdocs_problems
from .overlay import apply_overrides
from .settings import check_settings

#: The name of a playbook file is its name on the site: a folder of ``build --all``, a link
#: on its index page, part of the keys under which readers' browsers keep their progress.
PLAYBOOK_NAME = (
    "playbook file names must be lowercase slugs (letters, digits and single hyphens, like "
    "'team-leads.yaml'): the name becomes the playbook's address and its --playbook NAME"
)
#: Settings an extending playbook keeps from the one it extends unless it sets them itself.
INHERITED_SETTINGS = (
    "audience",
    "language",
    "allow_html",
    "allow_remote_images",
    "team_threshold",
    "left_out_practices",
)


@dataclass
class ResolvedPlaybook:
    """A playbook with everything it extends and overrides applied: what gets built."""

    name: str
    model: schema.Playbook
    source: SourceMap  # of the playbook's own file
    path: Path
    content: Content  # the practices it can use (merged) and the shared files
    files: list[Path]  # playbook files and content folders it is made of, to watch

    @property
    def practices(self) -> list[Loaded[schema.Practice]]:
        return [self.content.practices[practice_id] for practice_id in self.model.practices]


@dataclass
class Project:
    """A project folder: its playbooks, each resolved, with the content they draw on."""

    root: Path
    playbooks: dict[str, ResolvedPlaybook]

    def playbook(self, name: str) -> ResolvedPlaybook:
        return self.playbooks[name]

    def content_for(self, name: str) -> Content:
        return self.playbooks[name].content


class _Resolver:
    """Resolves playbook files, following ``extend`` through files and built-in playbooks."""

    def __init__(self, check: Collector, root: Path) -> None:
        self.check = check
        self.root = real_path(root)[0]
        self.contents: dict[tuple[Path, bool], Content] = {}
        self.resolved: dict[Path, ResolvedPlaybook | None] = {}

    def home(self, path: Path) -> Path:
        """The folder the paths in a file at ``path`` must stay in: the project's, or for a
        built-in playbook the built-in one's."""
        if path.is_relative_to(self.root):
            return self.root
        return real_path(builtin_root())[0]

    def content(self, folder: Path, *, shared_required: bool) -> Content:
        key = (folder, shared_required)
        if key not in self.contents:
            self.contents[key] = load_content(
                folder, self.check, shared_required=shared_required, home=self.home(folder)
            )
        return self.contents[key]

    def place(self, loaded: Loaded[Any], key_path: KeyPath, value: str) -> Path | None:
        """``value``, a path relative to ``loaded``'s file, with its symbolic links followed;
        None (reported) when they loop or it leads outside the project folder."""
        home = self.home(loaded.path)
        written = loaded.path.parent / value
        real, loops = real_path(written)
        quoted = f"'{shorten(value)}'"
        if loops:
            self.check.add(loaded.source, key_path, f"{quoted} cannot be followed: {SYMLINK_LOOP}")
            return None
        if real.is_relative_to(home):
            return real
        if Path(os.path.normpath(written)).is_relative_to(home):
            message = f"{quoted} leads outside the project folder through a symbolic link"
        else:
            message = f"{quoted} is outside the project folder"
        self.check.add(loaded.source, key_path, message)
        return None

    def resolve(self, path: Path, chain: tuple[Path, ...] = ()) -> ResolvedPlaybook | None:
        """The playbook in ``path``; ``chain`` holds the files extending it, for cycles."""
        path = real_path(path)[0]
        if path in self.resolved:
            return self.resolved[path]
        document, problems = load_document(path)
        self.check.problems.extend(problems)
        if document is None or problems:
            self.resolved[path] = None
            return None
        check_attribute_lists(self.check, document)
        if isinstance(document.data, dict) and "extend" in document.data:
            overlay = self.check.parse(document, schema.PlaybookOverlay)
            result = None if overlay is None else self.extend(overlay, chain)
        else:
            loaded = self.check.parse(document, schema.Playbook)
            if loaded is None:
                self.content_of_unreadable(path, document.data)
            result = None if loaded is None else self.standalone(loaded)
        if result is not None:
            check_settings(self.check, document.data, document.source)
        self.resolved[path] = result
        return result

    def content_of_unreadable(self, path: Path, data: object) -> None:
        """The content folder of a playbook whose own file has problems is checked all the
        same, so that one run reports every problem (a bad site.url and a bad resource url)."""
        named = data.get("content") if isinstance(data, dict) else None
        relative = (
            named if isinstance(named, str) else schema.Playbook.model_fields["content"].default
        )
        folder = real_path(path.parent / relative)[0]
        if folder.is_dir() and folder.is_relative_to(self.home(path)):
            check_content(self.check, self.content(folder, shared_required=True))

    def folder(self, loaded: Loaded[Any], relative: str) -> Path | None:
        folder = self.place(loaded, ("content",), relative)
        if folder is None:
            return None
        if not folder.is_dir():
            self.check.add(
                loaded.source,
                ("content",),
                f"content folder '{display_path(folder)}' does not exist",
            )
            return None
        return folder

    def asset(self, loaded: Loaded[Any], site: Any, key: str) -> str | None:
        """A logo or favicon path made absolute, or None (reported) unless it is an image file
        in the project."""
        value = getattr(site, key, None) if site is not None else None
        if value is None:
            return None
        file = self.place(loaded, ("site", key), value)
        if file is None:
            return None
        if not file.exists():
            message = f"file '{display_path(file)}' does not exist"
        elif not file.is_file():
            message = f"'{shorten(value)}' is not a file"
        elif file.suffix.lower() not in IMAGE_SUFFIXES:
            message = (
                f"'{shorten(value)}' is not an image: use a "
                f"{', '.join(IMAGE_SUFFIXES[:-1])} or {IMAGE_SUFFIXES[-1]} file"
            )
        else:
            try:
                published_image(file)  # what the site would publish: refused here, located
            except ImageRefused as refused:
                message = f"'{shorten(value)}' {refused.reason}"
            else:
                return str(file)
        self.check.add(loaded.source, ("site", key), message)
        return None

    def standalone(self, loaded: Loaded[schema.Playbook]) -> ResolvedPlaybook | None:
        folder = self.folder(loaded, loaded.model.content)
        if folder is None:
            return None
        content = self.content(folder, shared_required=True)
        check_content(self.check, content)
        source = loaded.source
        self.check.unique_ids(source, ("practices",), loaded.model.practices)
        known = content.practices.keys() | content.practice_files
        self.check.references(source, ("practices",), loaded.model.practices, known)
        site = loaded.model.site.model_copy(
            update={key: self.asset(loaded, loaded.model.site, key) for key in ("logo", "favicon")}
        )
        model = loaded.model.model_copy(update={"site": site})
        return ResolvedPlaybook(
            loaded.path.stem, model, source, loaded.path, content, [loaded.path, folder]
        )

    def base_path(self, overlay: Loaded[schema.PlaybookOverlay]) -> Path | None:
        target = overlay.model.extend
        if "/" in target or "\\" in target or target.endswith((".yaml", ".yml")):
            path = self.place(overlay, ("extend",), target)
            if path is None:
                return None
            if path.is_file():
                return path
            self.check.add(
                overlay.source, ("extend",), f"playbook file '{display_path(path)}' does not exist"
            )
            return None
        # A name means a playbook beside this file (in a project: the project's playbooks),
        # else a built-in one.
        siblings = {path.stem: path.name for path in yaml_files(overlay.path.parent)}
        if target in siblings:
            sibling = self.place(overlay, ("extend",), siblings[target])
            if sibling is None or sibling != overlay.path:
                return sibling
        builtin = builtin_playbooks()
        if target in builtin:
            return builtin[target].resolve()
        known = sorted(set(siblings) - {overlay.path.stem} | set(builtin))
        self.check.add(
            overlay.source,
            ("extend",),
            f"unknown playbook '{target}'{suggest(target, known)}; known: {', '.join(known)}",
        )
        return None

    def extend(
        self, overlay: Loaded[schema.PlaybookOverlay], chain: tuple[Path, ...]
    ) -> ResolvedPlaybook | None:
        here = overlay.path.resolve()
        base_path = self.base_path(overlay)
        if base_path is None:
            return None
        trail = [*chain, here]
        if base_path in trail:
            cycle = [*trail[trail.index(base_path) :], base_path]
            self.check.add(
                overlay.source,
                ("extend",),
                "extend cycle: " + " -> ".join(display_path(path) for path in cycle),
            )
            return None
        base = self.resolve(base_path, (*chain, here))
        if base is None:
            return None
        model = overlay.model
        content = Content(
            base.content.folder,
            practices=dict(base.content.practices),
            practice_files=set(base.content.practice_files),
            scales=dict(base.content.scales),
            health_check=base.content.health_check,
            team=base.content.team,
            troubleshooting=base.content.troubleshooting,
            home=base.content.home,
            sources=base.content.sources,
            sources_file=base.content.sources_file,
            source_entries=dict(base.content.source_entries),
        )
        files = [*base.files, overlay.path]
        if model.content is not None:
            folder = self.folder(overlay, model.content)
            if folder is None:
                return None
            files.append(folder)
            own = self.content(folder, shared_required=False)
            for practice_id, loaded in own.practices.items():
                existing = base.content.practices.get(practice_id)
                if existing is not None and existing.path == loaded.path:
                    continue  # the same file: this folder is also the extended one's
                if existing is not None:
                    self.check.add(
                        loaded.source,
                        ("id",),
                        f"practice '{practice_id}' already exists in the playbook this one "
                        f"extends; change it under overrides.practices.{practice_id} in "
                        f"{display_path(overlay.path)}, or choose another id",
                    )
                else:
                    content.practices[practice_id] = loaded
            content.practice_files |= own.practice_files
            for scale_id, scale in own.scales.items():
                content.scales[scale_id] = scale
            content.health_check = own.health_check or content.health_check
            content.team = own.team or content.team
            content.troubleshooting = own.troubleshooting or content.troubleshooting
            content.home = own.home or content.home
            content.sources = own.sources or content.sources
            content.sources_file = content.sources_file or own.sources_file
            content.source_entries.update(own.source_entries)
        if model.overrides is not None:
            apply_overrides(self.check, overlay, model.overrides, content)
        practices = model.practices if model.practices is not None else base.model.practices
        if model.practices is not None:
            self.check.unique_ids(overlay.source, ("practices",), model.practices)
            known = content.practices.keys() | content.practice_files
            self.check.references(overlay.source, ("practices",), model.practices, known)
        check_content(self.check, content)
        site = base.model.site.model_dump()
        if model.site is not None:
            site.update(model.site.model_dump(exclude_none=True))
            for key in ("logo", "favicon"):
                if getattr(model.site, key) is not None:
                    site[key] = self.asset(overlay, model.site, key)
        # What the overlay leaves out (None), it inherits.
        inherited = {
            key: getattr(base.model, key) if getattr(model, key) is None else getattr(model, key)
            for key in INHERITED_SETTINGS
        }
        resolved = base.model.model_copy(
            update={
                "site": schema.SiteSettings.model_validate(site, strict=False),
                "practices": list(practices),
                "strings": {**base.model.strings, **(model.strings or {})},
                **inherited,
            }
        )
        return ResolvedPlaybook(
            overlay.path.stem, resolved, overlay.source, overlay.path, content, files
        )


def load_project(root: Path) -> Project:
    """Load and check every playbook of ``root``, what it extends and the content it uses."""
    check = Collector()
    playbook_folder = root / "playbooks"
    if not playbook_folder.is_dir():
        raise PlaybookError(
            f"'{display_path(root)}' is not a playbook project: it has no 'playbooks' folder "
            "(run the command inside a project or pass --project DIR)"
        )
    resolver = _Resolver(check, root)
    playbooks: dict[str, ResolvedPlaybook] = {}
    for path in yaml_files(playbook_folder):
        if escapes(path, resolver.root, check):
            continue
        if not schema.SLUG_RE.fullmatch(path.stem):
            check.problems.append(Problem(Location(display_path(path)), "", PLAYBOOK_NAME))
        resolved = resolver.resolve(path)
        if resolved is not None:
            playbooks[path.stem] = resolved
    if not yaml_files(playbook_folder) and not check.problems:
        check.problems.append(
            Problem(
                Location(display_path(playbook_folder), 0), "", "no playbook files (*.yaml) found"
            )
        )
    check.problems.extend(mkdocs_problems(root / "mkdocs.yml"))
    if check.problems:
        raise ContentError(list(dict.fromkeys(check.problems)))
    return Project(root, playbooks)
