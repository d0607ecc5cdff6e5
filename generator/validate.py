"""From a project folder to a checked, cross-referenced model, collecting every problem.

``load_project`` reads the content folder and every playbook, checks each file's shape with the
schema classes, then checks what spans fields and files: ids, references, band coverage. It
either returns the whole model or raises one ``ContentError`` listing every problem found.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from . import schema
from ._pydantic_errors import located_problems, suggest
from .builtin import builtin_playbooks, builtin_root
from .errors import (
    ContentError,
    Location,
    PlaybookError,
    Problem,
    display_path,
    format_key_path,
    shorten,
)
from .loader import SYMLINK_LOOP, Document, KeyPath, SourceMap, load_document
from .overlay import merge_practice
from .ui import ALL_STRINGS

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")

SCORE_MIN, SCORE_MAX = 0, 100

#: Material's colour names (https://squidfunk.github.io/mkdocs-material/setup/changing-the-colors/).
ACCENT_COLOURS = [
    "red", "pink", "purple", "deep-purple", "indigo", "blue", "light-blue", "cyan", "teal",
    "green", "light-green", "lime", "yellow", "amber", "orange", "deep-orange",
]  # fmt: skip
PRIMARY_COLOURS = [*ACCENT_COLOURS, "brown", "grey", "blue-grey", "black", "white"]
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".webp")


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
    troubleshooting: Loaded[schema.Troubleshooting] | None = None
    home: Loaded[schema.Home] | None = None


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


class _Collector:
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
        if problems:
            return None
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
        self, source: SourceMap, path: KeyPath, ids: Iterable[str], known: Iterable[str]
    ) -> None:
        known = set(known)
        for index, practice_id in enumerate(ids):
            if practice_id not in known:
                self.add(
                    source,
                    (*path, index),
                    f"unknown practice '{practice_id}'{suggest(practice_id, sorted(known))}",
                )


def _yaml_files(folder: Path) -> list[Path]:
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])


def _real_path(path: Path) -> tuple[Path, bool]:
    """``path`` with every symbolic link followed, and whether its links form a loop."""
    try:
        return Path(os.path.realpath(path, strict=True)), False
    except OSError as error:
        return Path(os.path.realpath(path)), error.errno == errno.ELOOP


def _escapes(path: Path, home: Path, check: _Collector) -> bool:
    """Whether a file found in a folder leads outside ``home``; if so it is reported."""
    real, loops = _real_path(path)
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


def _load_content(
    folder: Path, check: _Collector, *, shared_required: bool = True, home: Path | None = None
) -> Content:
    content = Content(folder)
    practice_folder = folder / "practices"
    if not practice_folder.is_dir() and shared_required:
        loops = _real_path(practice_folder)[1]
        check.problems.append(
            Problem(
                Location(display_path(practice_folder), 0),
                "",
                f"the folder cannot be read: {SYMLINK_LOOP}" if loops else "the folder is missing",
            )
        )
    # Files in a folder that stays at home stay there too unless they are links themselves:
    # following every file's path (a system call per folder on the way) is then not needed.
    folder_home = home is not None and _real_path(practice_folder)[0].is_relative_to(home)
    for path in _yaml_files(practice_folder) if practice_folder.is_dir() else []:
        content.practice_files.add(path.stem)
        maybe_away = not folder_home or path.is_symlink()
        if home is not None and maybe_away and _escapes(path, home, check):
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

    def shared(name: str, model: type[M]) -> Loaded[M] | None:
        path = folder / name
        if path.is_symlink() and home is not None and _escapes(path, home, check):
            return None
        if not path.is_file():
            if not shared_required:
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
    content.troubleshooting = shared("troubleshooting.yaml", schema.Troubleshooting)
    content.home = shared("home.yaml", schema.Home)
    return content


def _check_scale(check: _Collector, source: SourceMap, path: KeyPath, scale: schema.Scale) -> None:
    values = [point.value for point in scale.points]
    check.unique_ids(source, (*path, "points"), [str(value) for value in values])
    if values != sorted(values):
        check.add(source, (*path, "points"), "points must be listed from the lowest value up")


def _check_content(check: _Collector, content: Content) -> None:
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

    if content.troubleshooting is not None:
        trouble, source = content.troubleshooting.model, content.troubleshooting.source
        check.unique_ids(source, ("challenges",), trouble.challenges)
        for index, challenge in enumerate(trouble.challenges):
            check.references(
                source, ("challenges", index, "practices"), challenge.practices, known
            )


def _unique_across(
    check: _Collector, source: SourceMap, questions: list[schema.Question], paths: list[KeyPath]
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
    check: _Collector, source: SourceMap, path: KeyPath, scale_id: str, content: Content
) -> None:
    if content.scales and scale_id not in content.scales:
        check.add(source, path, f"unknown scale '{scale_id}'{suggest(scale_id, content.scales)}")


def check_bands(
    check: _Collector, source: SourceMap, path: KeyPath, bands: Sequence[schema.Band]
) -> None:
    """Bands must cover every score from 0 to 100 exactly once."""
    order = sorted(range(len(bands)), key=lambda index: (bands[index].min, bands[index].max))
    expected = SCORE_MIN
    previous: schema.Band | None = None
    for index in order:
        band = bands[index]
        if band.min > band.max:
            check.add(
                source,
                (*path, index),
                f"band '{band.id}' starts at {band.min}, after its end {band.max}",
            )
            continue
        if band.min > expected:
            check.add(
                source,
                (*path, index, "min"),
                f"scores {_span(expected, band.min - 1)} fall in no band "
                f"(band '{band.id}' starts at {band.min})",
            )
        elif band.min < expected and previous is not None:
            check.add(
                source,
                (*path, index, "min"),
                f"band '{band.id}' overlaps band '{previous.id}': "
                f"scores {_span(band.min, min(expected - 1, band.max))} fall in both",
            )
        if previous is None or band.max >= expected:
            previous = band
        expected = max(expected, band.max + 1)
    if expected <= SCORE_MAX and previous is not None:
        last = bands.index(previous)
        check.add(
            source,
            (*path, last, "max"),
            f"scores {_span(expected, SCORE_MAX)} fall in no band "
            f"(band '{previous.id}' ends at {previous.max})",
        )


def _span(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}-{high}"


def _known_languages() -> list[str]:
    folder = Path(str(resources.files("material"))) / "templates" / "partials" / "languages"
    return sorted(path.stem for path in folder.glob("*.html") if path.stem != "custom")


class _Resolver:
    """Resolves playbook files, following ``extend`` through files and built-in playbooks."""

    def __init__(self, check: _Collector, root: Path) -> None:
        self.check = check
        self.root = _real_path(root)[0]
        self.contents: dict[tuple[Path, bool], Content] = {}
        self.resolved: dict[Path, ResolvedPlaybook | None] = {}

    def home(self, path: Path) -> Path:
        """The folder the paths in a file at ``path`` must stay in: the project's, or for a
        built-in playbook the built-in one's."""
        if path.is_relative_to(self.root):
            return self.root
        return _real_path(builtin_root())[0]

    def content(self, folder: Path, *, shared_required: bool) -> Content:
        key = (folder, shared_required)
        if key not in self.contents:
            self.contents[key] = _load_content(
                folder, self.check, shared_required=shared_required, home=self.home(folder)
            )
        return self.contents[key]

    def place(self, loaded: Loaded[Any], key_path: KeyPath, value: str) -> Path | None:
        """``value``, a path relative to ``loaded``'s file, with its symbolic links followed;
        None (reported) when they loop or it leads outside the project folder."""
        home = self.home(loaded.path)
        written = loaded.path.parent / value
        real, loops = _real_path(written)
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
        path = _real_path(path)[0]
        if path in self.resolved:
            return self.resolved[path]
        document, problems = load_document(path)
        self.check.problems.extend(problems)
        if document is None or problems:
            self.resolved[path] = None
            return None
        if isinstance(document.data, dict) and "extend" in document.data:
            overlay = self.check.parse(document, schema.PlaybookOverlay)
            result = None if overlay is None else self.extend(overlay, chain)
        else:
            loaded = self.check.parse(document, schema.Playbook)
            result = None if loaded is None else self.standalone(loaded)
        if result is not None:
            self.check_settings(document.data, document.source)
        self.resolved[path] = result
        return result

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
            return str(file)
        self.check.add(loaded.source, ("site", key), message)
        return None

    def standalone(self, loaded: Loaded[schema.Playbook]) -> ResolvedPlaybook | None:
        folder = self.folder(loaded, loaded.model.content)
        if folder is None:
            return None
        content = self.content(folder, shared_required=True)
        _check_content(self.check, content)
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
        siblings = {path.stem: path.name for path in _yaml_files(overlay.path.parent)}
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
            troubleshooting=base.content.troubleshooting,
            home=base.content.home,
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
            content.troubleshooting = own.troubleshooting or content.troubleshooting
            content.home = own.home or content.home
        if model.overrides is not None:
            self.apply_overrides(overlay, model.overrides, content)
        practices = model.practices if model.practices is not None else base.model.practices
        if model.practices is not None:
            self.check.unique_ids(overlay.source, ("practices",), model.practices)
            known = content.practices.keys() | content.practice_files
            self.check.references(overlay.source, ("practices",), model.practices, known)
        _check_content(self.check, content)
        site = base.model.site.model_dump()
        if model.site is not None:
            site.update(model.site.model_dump(exclude_none=True))
            for key in ("logo", "favicon"):
                if getattr(model.site, key) is not None:
                    site[key] = self.asset(overlay, model.site, key)
        resolved = base.model.model_copy(
            update={
                "site": schema.SiteSettings.model_validate(site, strict=False),
                "practices": list(practices),
                "audience": model.audience if model.audience is not None else base.model.audience,
                "language": model.language if model.language is not None else base.model.language,
                "strings": {**base.model.strings, **(model.strings or {})},
                "allow_html": (
                    model.allow_html if model.allow_html is not None else base.model.allow_html
                ),
            }
        )
        return ResolvedPlaybook(
            overlay.path.stem, resolved, overlay.source, overlay.path, content, files
        )

    def apply_overrides(
        self,
        overlay: Loaded[schema.PlaybookOverlay],
        overrides: schema.Overrides,
        content: Content,
    ) -> None:
        source = overlay.source
        for practice_id, change in overrides.practices.items():
            at: KeyPath = ("overrides", "practices", practice_id)
            base = content.practices.get(practice_id)
            if base is None:
                if practice_id not in content.practice_files:
                    known = sorted(content.practices)
                    self.check.problems.append(
                        Problem(
                            source.locate(at, key=True),
                            format_key_path(at),
                            f"unknown practice '{practice_id}'{suggest(practice_id, known)}",
                        )
                    )
                continue
            before = len(self.check.problems)
            data, merged_source = merge_practice(
                base.model.model_dump(),
                base.source,
                dict(change),
                source,
                at,
                lambda path, message: self.check.add(source, path, message),
            )
            if len(self.check.problems) > before:
                continue
            merged = self.check.parse(Document(base.path, data, merged_source), schema.Practice)
            if merged is not None:
                content.practices[practice_id] = merged

    def check_settings(self, data: dict[str, Any], source: SourceMap) -> None:
        """Language, interface strings and palette colours of a playbook's own file."""
        language = data.get("language")
        if isinstance(language, str):
            languages = _known_languages()
            if language not in languages:
                self.check.add(
                    source,
                    ("language",),
                    f"unknown language '{language}'{suggest(language, languages)}",
                )
        strings = data.get("strings")
        if isinstance(strings, dict):
            for key in strings:
                if key not in ALL_STRINGS:
                    self.check.problems.append(
                        Problem(
                            source.locate(("strings", key), key=True),
                            format_key_path(("strings", key)),
                            f"unknown interface string '{key}'{suggest(key, ALL_STRINGS)}",
                        )
                    )
        site = data.get("site")
        palette = site.get("palette") if isinstance(site, dict) else None
        if isinstance(palette, dict):
            for key, names in (("primary", PRIMARY_COLOURS), ("accent", ACCENT_COLOURS)):
                value = palette.get(key)
                if (
                    isinstance(value, str)
                    and value not in names
                    and not HEX_COLOUR.fullmatch(value)
                ):
                    self.check.add(
                        source,
                        ("site", "palette", key),
                        f"unknown colour '{value}'{suggest(value, names)}: use one of Material's "
                        f"colour names or a colour like '#00796b'",
                    )


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Loading makes hundreds of thousands of small objects that it keeps, and no reference
    cycles: Python's cycle collector would scan the growing heap again and again, half of the
    loading time of a 1000-practice playbook. Afterwards they are left out of its scans for
    good (``gc.freeze``); freed by reference counting, they still go when no longer used."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def load_project(root: Path) -> Project:
    """Load and check every playbook of ``root``, what it extends and the content it uses."""
    check = _Collector()
    playbook_folder = root / "playbooks"
    if not playbook_folder.is_dir():
        raise PlaybookError(
            f"'{display_path(root)}' is not a playbook project: it has no 'playbooks' folder "
            "(run the command inside a project or pass --project DIR)"
        )
    resolver = _Resolver(check, root)
    playbooks: dict[str, ResolvedPlaybook] = {}
    with _no_cycle_collection():
        for path in _yaml_files(playbook_folder):
            if _escapes(path, resolver.root, check):
                continue
            resolved = resolver.resolve(path)
            if resolved is not None:
                playbooks[path.stem] = resolved
    if not _yaml_files(playbook_folder) and not check.problems:
        check.problems.append(
            Problem(
                Location(display_path(playbook_folder), 0), "", "no playbook files (*.yaml) found"
            )
        )
    if check.problems:
        raise ContentError(list(dict.fromkeys(check.problems)))
    return Project(root, playbooks)
