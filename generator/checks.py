"""Checking: what the loaded, resolved files say of each other, every problem collected.

Each file is checked once, where it is first used (a content folder that several playbooks
draw on is checked once), against the content it belongs to: ids unique, references known,
scales and result bands sound (bands.py), sources defined. A practice that a playbook's
overrides changed is checked again as merged, in that playbook's content, and reports only
what the base practice does not already report. project.py raises what was found, once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from pydantic import BaseModel

from . import field_types, schema
from ._pydantic_errors import suggest
from .bands import check_bands
from .content import Collector, Content, Loaded
from .errors import Problem
from .loader import KeyPath, SourceMap
from .settings import check_settings
from .team import MOST_POINTS


def unique_ids(
    check: Collector, source: SourceMap, path: KeyPath, items: Sequence[object]
) -> None:
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        item_id = str(getattr(item, "id", item))
        if item_id in first:
            line = source.locate((*path, first[item_id])).line
            check.add(
                source,
                (*path, index, "id") if hasattr(item, "id") else (*path, index),
                f"duplicate id '{item_id}' (first defined at line {line})",
            )
        else:
            first[item_id] = index


def references(
    check: Collector,
    source: SourceMap,
    path: KeyPath,
    ids: Iterable[str],
    known: Iterable[str],
    what: str = "practice",
) -> None:
    known = set(known)
    for index, item_id in enumerate(ids):
        if item_id not in known:
            check.add(
                source,
                (*path, index),
                f"unknown {what} '{item_id}'{suggest(item_id, sorted(known))}",
            )


def source_references(
    check: Collector, source: SourceMap, ids: Sequence[str], content: Content
) -> None:
    """Check a page's ``sources``: each id once, each one defined in sources.yaml."""
    unique_ids(check, source, ("sources",), ids)
    if ids and content.sources is None:
        if content.sources_file:
            return  # the file is broken, and reported already
        check.add(
            source,
            ("sources",),
            "the page names sources, but the content has no sources.yaml to define them",
        )
        return
    references(check, source, ("sources",), ids, content.source_entries, "source")


def _check_scale(check: Collector, source: SourceMap, path: KeyPath, scale: schema.Scale) -> None:
    values = [point.value for point in scale.points]
    unique_ids(check, source, (*path, "points"), [str(value) for value in values])
    if values != sorted(values):
        check.add(source, (*path, "points"), "points must be listed from the lowest value up")


def check_practice(check: Collector, loaded: Loaded[schema.Practice], content: Content) -> None:
    """What one practice says of the rest of its content: ids, references, scale, bands."""
    known = content.practices.keys() | content.practice_files
    practice, source, practice_id = loaded.model, loaded.source, loaded.model.id
    unique_ids(check, source, ("checklist",), practice.checklist)
    unique_ids(check, source, ("assessment", "questions"), practice.assessment.questions)
    unique_ids(check, source, ("assessment", "bands"), practice.assessment.bands)
    unique_ids(check, source, ("related",), practice.related)
    references(check, source, ("related",), practice.related, known)
    for index, related_id in enumerate(practice.related):
        if related_id == practice_id:
            check.add(source, ("related", index), "a practice cannot be related to itself")
    _check_scale_reference(
        check, source, ("assessment", "scale"), practice.assessment.scale, content
    )
    check_bands(check, source, ("assessment", "bands"), practice.assessment.bands)
    unique_ids(check, source, ("templates",), practice.templates)
    source_references(check, source, practice.sources, content)
    for index, band in enumerate(practice.assessment.bands):
        path = ("assessment", "bands", index, "practices")
        references(check, source, path, band.practices, known)
        for link, linked_id in enumerate(band.practices):
            if linked_id == practice_id:
                check.add(source, (*path, link), "a band cannot point to its own practice")
    for index, question in enumerate(practice.assessment.questions):
        if question.step is not None and question.step > len(practice.steps):
            check.add(
                source,
                ("assessment", "questions", index, "step"),
                f"step {question.step}: this practice has {_steps(len(practice.steps))}",
            )


def check_health_check(
    check: Collector, loaded: Loaded[schema.HealthCheck], content: Content
) -> None:
    known = content.practices.keys() | content.practice_files
    health, source = loaded.model, loaded.source
    _check_scale_reference(check, source, ("scale",), health.scale, content)
    unique_ids(check, source, ("dimensions",), health.dimensions)
    every_question: list[schema.Question] = []
    paths: list[KeyPath] = []
    for index, dimension in enumerate(health.dimensions):
        references(check, source, ("dimensions", index, "practices"), dimension.practices, known)
        every_question.extend(dimension.questions)
        paths.extend(
            ("dimensions", index, "questions", q) for q in range(len(dimension.questions))
        )
    _unique_across(check, source, every_question, paths)
    source_references(check, source, health.sources, content)
    _check_statement_steps(check, loaded, content)
    scale = content.scales.get(health.scale)
    if content.team is not None and scale is not None and len(scale.points) > MOST_POINTS:
        check.add(
            source,
            ("scale",),
            f"the scale '{health.scale}' has {len(scale.points)} points, but a team code "
            f"holds one character per answer, so the health check's scale may have at most "
            f"{MOST_POINTS} while the content has a team page (team.yaml)",
        )


def _steps(count: int) -> str:
    return f"{count} step" if count == 1 else f"{count} steps"


def _check_statement_steps(
    check: Collector, loaded: Loaded[schema.HealthCheck], content: Content
) -> None:
    """A health-check statement's ``step`` names a step of the ``practice`` it names."""
    health, source = loaded.model, loaded.source
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


def check_troubleshooting(
    check: Collector, loaded: Loaded[schema.Troubleshooting], content: Content
) -> None:
    known = content.practices.keys() | content.practice_files
    trouble, source = loaded.model, loaded.source
    unique_ids(check, source, ("challenges",), trouble.challenges)
    for index, challenge in enumerate(trouble.challenges):
        references(check, source, ("challenges", index, "practices"), challenge.practices, known)
    source_references(check, source, trouble.sources, content)


def check_home(check: Collector, loaded: Loaded[schema.Home], content: Content) -> None:
    source_references(check, loaded.source, loaded.model.sources, content)


def check_scales(check: Collector, loaded: Loaded[schema.Scales], content: Content) -> None:
    unique_ids(check, loaded.source, ("scales",), loaded.model.scales)
    for index, scale in enumerate(loaded.model.scales):
        _check_scale(check, loaded.source, ("scales", index), scale)


def check_sources(check: Collector, loaded: Loaded[schema.Sources], content: Content) -> None:
    unique_ids(check, loaded.source, ("sources",), loaded.model.sources)


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


def markdown_total(check: Collector, loaded: Loaded[Any]) -> None:
    """All the Markdown fields of one entry within ``field_types.MARKDOWN_FILE_LIMIT``: told at the
    field where the total passes it."""
    total = 0
    for path, text in markdown_fields(loaded.model):
        total += len(text)
        limit = field_types.MARKDOWN_FILE_LIMIT
        if total > limit:
            check.add(
                loaded.source,
                path,
                f"the Markdown fields of this file reach {total:,} characters here; one file's "
                f"may hold at most {limit:,} in all: move some of them to a file of their own",
            )
            return


def markdown_fields(model: BaseModel, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    """Every Markdown field of ``model`` and the models in it, with its key path."""
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        key = (*path, field.alias or name)
        if isinstance(value, str):
            if any(getattr(kind, "name", None) == "markdown" for kind in field.metadata):
                yield key, value
        elif isinstance(value, BaseModel):
            yield from markdown_fields(value, key)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from markdown_fields(item, (*key, index))


#: How each kind of entry of a content folder is checked.
Check = Callable[[Collector, Any, Content], None]


def _entries(content: Content) -> Iterator[tuple[Loaded[Any], Check]]:
    yield from ((loaded, check_practice) for loaded in content.practices.values())
    shared: list[tuple[Loaded[Any] | None, Check]] = [
        (content.scales_file, check_scales),
        (content.sources, check_sources),
        (content.health_check, check_health_check),
        (content.troubleshooting, check_troubleshooting),
        (content.home, check_home),
    ]
    yield from ((loaded, run) for loaded, run in shared if loaded is not None)


class ProjectChecks:
    """Checks every entry of the contents it is given once: the first time it is seen, in the
    content it is seen in (a playbook that extends another is checked after it)."""

    def __init__(self, check: Collector) -> None:
        self.check = check
        #: What each entry checked so far reported, by the entry's identity.
        self.found: dict[int, list[Problem]] = {}

    def content(
        self, content: Content, replaced: Mapping[str, Loaded[schema.Practice]] | None = None
    ) -> None:
        """Check what ``content`` holds that is not checked yet; ``replaced`` gives, for a
        practice that overrides merged, the base practice it replaced."""
        for loaded, run in _entries(content):
            if id(loaded) in self.found:
                continue
            here = Collector()
            run(here, loaded, content)
            markdown_total(here, loaded)
            base = (replaced or {}).get(loaded.model.id) if run is check_practice else None
            if base is not None:
                # The base practice's own mistakes are reported at the base already.
                known = {problem.message for problem in self.found.get(id(base), [])}
                here.problems = [p for p in here.problems if p.message not in known]
            self.found[id(loaded)] = here.problems
            self.check.problems.extend(here.problems)

    def playbook(
        self,
        source: SourceMap,
        data: dict[str, Any],
        practices: Sequence[str] | None,
        content: Content,
    ) -> None:
        """A playbook file's own settings, and the practices it lists (if it lists them)."""
        if practices is not None:
            unique_ids(self.check, source, ("practices",), practices)
            known = content.practices.keys() | content.practice_files
            references(self.check, source, ("practices",), practices, known)
        check_settings(self.check, data, source)
