"""One content folder, loaded: practices, scales, health check, team, troubleshooting, home.

Loading reads each file once into its schema class (schema.py) and collects every problem
(``Collector``) rather than raising it, so that a project's problems are all reported at once;
project.py loads the folders a project draws on, resolve.py merges them for a playbook that
extends another, and checks.py checks what they say of each other.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from . import schema
from ._pydantic_errors import located_problems
from .errors import Location, Problem, display_path, shorten
from .loader import SYMLINK_LOOP, Document, KeyPath, SourceMap, load_document
from .paths import escapes, real_path, yaml_files

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


@dataclass
class Loaded(Generic[T]):
    """A validated model together with where it came from."""

    model: T
    source: SourceMap
    path: Path


@dataclass
class Content:
    """Everything in one content folder."""

    folder: Path
    practices: dict[str, Loaded[schema.Practice]] = field(default_factory=dict)
    #: Ids of every practice file, loaded or not: a broken file is reported once, and
    #: references to it are not reported again as unknown.
    practice_files: set[str] = field(default_factory=set)
    scales: dict[str, schema.Scale] = field(default_factory=dict)
    #: The folder's own scales.yaml, as loaded (checked in checks.py).
    scales_file: Loaded[schema.Scales] | None = None
    health_check: Loaded[schema.HealthCheck] | None = None
    #: The team page's text; optional: without it the site has no team page.
    team: Loaded[schema.TeamCheck] | None = None
    troubleshooting: Loaded[schema.Troubleshooting] | None = None
    home: Loaded[schema.Home] | None = None
    #: The sources page's text; optional: without it the site has no sources page.
    sources: Loaded[schema.Sources] | None = None
    #: Whether the folder has a sources.yaml, loaded or not (a broken one is reported once).
    sources_file: bool = False
    #: Every source by id: the sources file's, with those of a playbook's own content folder
    #: added (the same id replaces the extended playbook's entry).
    source_entries: dict[str, schema.Source] = field(default_factory=dict)

    def extended_by(self, own: Content) -> Content:
        """This content with a playbook's own content folder (``own``) laid over it: each of
        its shared files replaces this one's, its scales and sources are added (replacing
        those of the same id). Practices stay this content's: an extending playbook may not
        reuse an id (resolve.py adds its own)."""
        merged: dict[str, object] = {}
        for item in fields(self):
            mine, theirs = getattr(self, item.name), getattr(own, item.name)
            if item.name in ("folder", "practices"):
                merged[item.name] = copy.copy(mine)
            elif isinstance(mine, dict):
                merged[item.name] = {**mine, **theirs}
            elif isinstance(mine, set):
                merged[item.name] = mine | theirs
            else:
                merged[item.name] = theirs or mine
        return Content(**merged)  # type: ignore[arg-type]


class Collector:
    """Gathers problems while the model is checked, so all of them are reported at once."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, source: SourceMap, path: KeyPath, message: str) -> None:
        where = source.locate(path)
        self.problems.append(Problem(where, source.key_path(path, where), message))

    def parse(self, document: Document | None, model: type[M]) -> Loaded[M] | None:
        if document is None:
            return None
        try:
            parsed = model.model_validate(document.data)
        except ValidationError as error:
            self.problems.extend(located_problems(error, model, document.source))
            return None
        return Loaded(parsed, document.source, document.path)

    def load(self, path: Path, model: type[M]) -> Loaded[M] | None:
        document, problems = load_document(path)
        self.problems.extend(problems)
        if problems or document is None:
            return None
        check_attribute_lists(self, document)
        return self.parse(document, model)


#: Python-Markdown's attribute lists (``{: #id .class key=value }``, ``{#id}``, ``{.class}``),
#: which would let content set ids, classes and attributes that the theme and the script rely
#: on (``{: #__config }`` takes over Material's configuration). Braces around plain words
#: (``{every shift}``) stay text.
ATTRIBUTE_LIST = re.compile(r"\{[ \t]*[:#.][^}\n]*\}?")


def _holds_attribute_list(data: object) -> bool:
    """Whether any text in ``data`` holds an attribute list: the quick look, which makes no
    key paths (a large playbook has hundreds of thousands of values, nearly always clean)."""
    pending = [data]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            if "{" in value and ATTRIBUTE_LIST.search(value):
                return True
        elif isinstance(value, dict):
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return False


def check_attribute_lists(check: Collector, document: Document) -> None:
    """Report every text value of ``document``, at any depth, that holds an attribute list:
    whichever field it is in, the renderer or a Markdown extension could act on it."""
    if not _holds_attribute_list(document.data):
        return
    pending: list[tuple[KeyPath, object]] = [((), document.data)]
    while pending:
        path, value = pending.pop()
        if isinstance(value, str):
            found = ATTRIBUTE_LIST.search(value) if "{" in value else None
            if found is not None:
                check.add(
                    document.source,
                    path,
                    f"'{shorten(found.group())}' is an attribute list, which content may not "
                    "hold: ids, classes and attributes come from the site's templates",
                )
        elif isinstance(value, dict):
            pending.extend(((*path, key), item) for key, item in value.items())
        elif isinstance(value, list):
            pending.extend(((*path, index), item) for index, item in enumerate(value))


def load_content(
    folder: Path, check: Collector, *, shared_required: bool = True, home: Path | None = None
) -> Content:
    content = Content(folder)
    practice_folder = folder / "practices"
    if not practice_folder.is_dir() and shared_required:
        loops = real_path(practice_folder)[1]
        check.problems.append(
            Problem(
                Location(display_path(practice_folder), 0),
                "",
                f"the folder cannot be read: {SYMLINK_LOOP}" if loops else "the folder is missing",
            )
        )
    # Files in a folder that stays at home stay there too unless they are links themselves:
    # following every file's path (a system call per folder on the way) is then not needed.
    folder_home = home is not None and real_path(practice_folder)[0].is_relative_to(home)
    for path in yaml_files(practice_folder) if practice_folder.is_dir() else []:
        content.practice_files.add(path.stem)
        maybe_away = not folder_home or path.is_symlink()
        if home is not None and maybe_away and escapes(path, home, check):
            continue
        loaded = check.load(path, schema.Practice)
        if loaded is None:
            continue
        practice_id = loaded.model.id
        if practice_id != path.stem:
            check.add(
                loaded.source,
                ("id",),
                f"id '{practice_id}' does not match the file name '{path.name}' "
                f"(expected '{path.stem}')",
            )
        if practice_id in content.practices:
            other = display_path(content.practices[practice_id].path)
            check.add(loaded.source, ("id",), f"duplicate practice id '{practice_id}' ({other})")
            continue
        content.practices[practice_id] = loaded

    def shared(name: str, model: type[M], *, optional: bool = False) -> Loaded[M] | None:
        path = folder / name
        if path.is_symlink() and home is not None and escapes(path, home, check):
            return None
        if not path.is_file():
            if optional or not shared_required:
                return None
            check.problems.append(
                Problem(Location(display_path(path), 0), "", "the shared content file is missing")
            )
            return None
        return check.load(path, model)

    scales = shared("scales.yaml", schema.Scales)
    content.scales_file = scales
    if scales is not None:
        for scale in scales.model.scales:
            content.scales.setdefault(scale.id, scale)
    content.health_check = shared("health-check.yaml", schema.HealthCheck)
    content.team = shared("team.yaml", schema.TeamCheck, optional=True)
    content.troubleshooting = shared("troubleshooting.yaml", schema.Troubleshooting)
    content.home = shared("home.yaml", schema.Home)
    content.sources = shared("sources.yaml", schema.Sources, optional=True)
    content.sources_file = (folder / "sources.yaml").is_file()
    if content.sources is not None:
        for entry in content.sources.model.sources:
            content.source_entries.setdefault(entry.id, entry)
    return content
