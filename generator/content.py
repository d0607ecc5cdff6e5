"""One content folder, loaded and checked: practices, scales, health check, troubleshooting, home.

Every problem is collected (``Collector``) rather than raised, so that a project's problems are
all reported at once; validate.py resolves playbooks on top of this.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from . import schema
from ._pydantic_errors import located_problems, suggest
from .bands import check_bands
from .errors import Location, Problem, display_path, shorten
from .loader import SYMLINK_LOOP, Document, KeyPath, SourceMap, load_document
from .team import MOST_POINTS

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

    def unique_ids(self, source: SourceMap, path: KeyPath, items: Sequence[object]) -> None:
        first: dict[str, int] = {}
        for index, item in enumerate(items):
            item_id = str(getattr(item, "id", item))
            if item_id in first:
                line = source.locate((*path, first[item_id])).line
                self.add(
                    source,
                    (*path, index, "id") if hasattr(item, "id") else (*path, index),
                    f"duplicate id '{item_id}' (first defined at line {line})",
                )
            else:
                first[item_id] = index

    def references(
        self,
        source: SourceMap,
        path: KeyPath,
        ids: Iterable[str],
        known: Iterable[str],
        what: str = "practice",
    ) -> None:
        known = set(known)
        for index, item_id in enumerate(ids):
            if item_id not in known:
                self.add(
                    source,
                    (*path, index),
                    f"unknown {what} '{item_id}'{suggest(item_id, sorted(known))}",
                )

    def source_references(self, source: SourceMap, ids: Sequence[str], content: Content) -> None:
        """Check a page's ``sources``: each id once, each one defined in sources.yaml."""
        self.unique_ids(source, ("sources",), ids)
        if ids and content.sources is None:
            if content.sources_file:
                return  # the file is broken, and reported already
            self.add(
                source,
                ("sources",),
                "the page names sources, but the content has no sources.yaml to define them",
            )
            return
        self.references(source, ("sources",), ids, content.source_entries, "source")


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


def yaml_files(folder: Path) -> list[Path]:
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])


def real_path(path: Path) -> tuple[Path, bool]:
    """``path`` with every symbolic link followed, and whether its links form a loop."""
    try:
        return Path(os.path.realpath(path, strict=True)), False
    except OSError as error:
        return Path(os.path.realpath(path)), error.errno == errno.ELOOP


def escapes(path: Path, home: Path, check: Collector) -> bool:
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
    if scales is not None:
        check.unique_ids(scales.source, ("scales",), scales.model.scales)
        for index, scale in enumerate(scales.model.scales):
            _check_scale(check, scales.source, ("scales", index), scale)
            content.scales.setdefault(scale.id, scale)
    content.health_check = shared("health-check.yaml", schema.HealthCheck)
    content.team = shared("team.yaml", schema.TeamCheck, optional=True)
    content.troubleshooting = shared("troubleshooting.yaml", schema.Troubleshooting)
    content.home = shared("home.yaml", schema.Home)
    content.sources = shared("sources.yaml", schema.Sources, optional=True)
    content.sources_file = (folder / "sources.yaml").is_file()
    if content.sources is not None:
        entries = content.sources.model.sources
        check.unique_ids(content.sources.source, ("sources",), entries)
        for entry in entries:
            content.source_entries.setdefault(entry.id, entry)
    return content


def _check_scale(check: Collector, source: SourceMap, path: KeyPath, scale: schema.Scale) -> None:
    values = [point.value for point in scale.points]
    check.unique_ids(source, (*path, "points"), [str(value) for value in values])
    if values != sorted(values):
        check.add(source, (*path, "points"), "points must be listed from the lowest value up")


def left_out_references(content: Content, chosen: Sequence[str]) -> list[Problem]:
    """Every place on the pages of a playbook that chooses ``chosen`` where the content names
    one of its other practices (band links, related practices, health-check dimensions,
    troubleshooting remedies): a dead end unless the playbook drops them
    (``left_out_practices``). Located; in file and line order."""
    keep = set(chosen)
    check = Collector()

    def look(source: SourceMap, path: KeyPath, ids: Sequence[str]) -> None:
        for index, practice_id in enumerate(ids):
            if practice_id not in keep and practice_id in content.practices:
                check.add(
                    source,
                    (*path, index),
                    f"names the practice '{practice_id}', which this playbook leaves out: its "
                    "title shows as plain text (set 'left_out_practices: drop' in the "
                    "playbook to leave it off the page)",
                )

    for practice_id in chosen:
        loaded = content.practices.get(practice_id)
        if loaded is None:
            continue
        look(loaded.source, ("related",), loaded.model.related)
        for index, band in enumerate(loaded.model.assessment.bands):
            look(loaded.source, ("assessment", "bands", index, "practices"), band.practices)
    if content.health_check is not None:
        health = content.health_check
        for index, dimension in enumerate(health.model.dimensions):
            look(health.source, ("dimensions", index, "practices"), dimension.practices)
    if content.troubleshooting is not None:
        trouble = content.troubleshooting
        for index, challenge in enumerate(trouble.model.challenges):
            look(trouble.source, ("challenges", index, "practices"), challenge.practices)
    return sorted(check.problems, key=lambda problem: problem.location)


def check_content(check: Collector, content: Content) -> None:
    known = content.practices.keys() | content.practice_files
    for practice_id, loaded in content.practices.items():
        practice, source = loaded.model, loaded.source
        check.unique_ids(source, ("checklist",), practice.checklist)
        check.unique_ids(source, ("assessment", "questions"), practice.assessment.questions)
        check.unique_ids(source, ("assessment", "bands"), practice.assessment.bands)
        check.unique_ids(source, ("related",), practice.related)
        check.references(source, ("related",), practice.related, known)
        for index, related_id in enumerate(practice.related):
            if related_id == practice_id:
                check.add(source, ("related", index), "a practice cannot be related to itself")
        _check_scale_reference(
            check, source, ("assessment", "scale"), practice.assessment.scale, content
        )
        check_bands(check, source, ("assessment", "bands"), practice.assessment.bands)
        check.unique_ids(source, ("templates",), practice.templates)
        check.source_references(source, practice.sources, content)
        for index, band in enumerate(practice.assessment.bands):
            path = ("assessment", "bands", index, "practices")
            check.references(source, path, band.practices, known)
            for link, linked_id in enumerate(band.practices):
                if linked_id == practice_id:
                    check.add(source, (*path, link), "a band cannot point to its own practice")

    if content.health_check is not None:
        health, source = content.health_check.model, content.health_check.source
        _check_scale_reference(check, source, ("scale",), health.scale, content)
        check.unique_ids(source, ("dimensions",), health.dimensions)
        every_question: list[schema.Question] = []
        paths: list[KeyPath] = []
        for index, dimension in enumerate(health.dimensions):
            check.references(
                source, ("dimensions", index, "practices"), dimension.practices, known
            )
            every_question.extend(dimension.questions)
            paths.extend(
                ("dimensions", index, "questions", q) for q in range(len(dimension.questions))
            )
        _unique_across(check, source, every_question, paths)
        check.source_references(source, health.sources, content)
        scale = content.scales.get(health.scale)
        if content.team is not None and scale is not None and len(scale.points) > MOST_POINTS:
            check.add(
                source,
                ("scale",),
                f"the scale '{health.scale}' has {len(scale.points)} points, but a team code "
                f"holds one character per answer, so the health check's scale may have at most "
                f"{MOST_POINTS} while the content has a team page (team.yaml)",
            )

    _check_steps(check, content)

    if content.troubleshooting is not None:
        trouble, source = content.troubleshooting.model, content.troubleshooting.source
        check.unique_ids(source, ("challenges",), trouble.challenges)
        for index, challenge in enumerate(trouble.challenges):
            check.references(
                source, ("challenges", index, "practices"), challenge.practices, known
            )
        check.source_references(source, trouble.sources, content)

    if content.home is not None:
        check.source_references(content.home.source, content.home.model.sources, content)


def _steps(count: int) -> str:
    return f"{count} step" if count == 1 else f"{count} steps"


def _check_steps(check: Collector, content: Content) -> None:
    """A statement's ``step`` names a step its practice has; a health-check statement's names
    its ``practice`` too."""
    for loaded in content.practices.values():
        practice, source = loaded.model, loaded.source
        for index, question in enumerate(practice.assessment.questions):
            if question.step is not None and question.step > len(practice.steps):
                check.add(
                    source,
                    ("assessment", "questions", index, "step"),
                    f"step {question.step}: this practice has {_steps(len(practice.steps))}",
                )
    if content.health_check is None:
        return
    health, source = content.health_check.model, content.health_check.source
    for d_index, dimension in enumerate(health.dimensions):
        for q_index, question in enumerate(dimension.questions):
            path: KeyPath = ("dimensions", d_index, "questions", q_index)
            if question.practice is None:
                if question.step is not None:
                    check.add(
                        source,
                        (*path, "step"),
                        "a step needs the practice it belongs to: add 'practice:' beside it",
                    )
                continue
            found = content.practices.get(question.practice)
            if found is None:
                if question.practice not in content.practice_files:
                    known = content.practices.keys()
                    check.add(
                        source,
                        (*path, "practice"),
                        f"unknown practice '{question.practice}'"
                        f"{suggest(question.practice, known)}",
                    )
                continue
            steps = len(found.model.steps)
            if question.step is not None and question.step > steps:
                check.add(
                    source,
                    (*path, "step"),
                    f"step {question.step}: the practice '{question.practice}' has "
                    f"{_steps(steps)}",
                )


def _unique_across(
    check: Collector, source: SourceMap, questions: list[schema.Question], paths: list[KeyPath]
) -> None:
    first: dict[str, KeyPath] = {}
    for question, path in zip(questions, paths, strict=True):
        if question.id in first:
            line = source.locate(first[question.id]).line
            check.add(
                source,
                (*path, "id"),
                f"duplicate id '{question.id}' (first defined at line {line})",
            )
        else:
            first[question.id] = path


def _check_scale_reference(
    check: Collector, source: SourceMap, path: KeyPath, scale_id: str, content: Content
) -> None:
    if content.scales and scale_id not in content.scales:
        check.add(source, path, f"unknown scale '{scale_id}'{suggest(scale_id, content.scales)}")
