"""Merging a playbook's overrides into the practices it extends, keeping every value's origin.

An override is a partial practice. Mappings merge key by key; the lists whose entries carry ids
(checklist items, assessment questions, result bands) merge by id: an entry with a known id
changes that entry, ``remove: true`` drops it, ``add: true`` marks a new one (appended at the
end); every other value, lists included, replaces the base's. The merged data comes with a
``SourceMap`` whose locations point into the overlay file for what the overlay says and into
the base file for the rest, so a mistake is reported where it was made.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from . import playbook_schema, schema
from ._pydantic_errors import suggest
from .content import Collector, Content, Loaded
from .errors import Problem, format_key_path
from .loader import Document, KeyPath, SourceMap

#: Lists merged by id, by their path inside a practice, and what one entry is called.
ID_LISTS: dict[KeyPath, str] = {
    ("checklist",): "checklist item",
    ("assessment", "questions"): "question",
    ("assessment", "bands"): "band",
}
FLAGS = ("add", "remove")

Report = Callable[[KeyPath, str], None]


class _Merger:
    def __init__(self, base: SourceMap, overlay: SourceMap, report: Report) -> None:
        self.base = base
        self.overlay = overlay
        self.report = report  # called with a path in the overlay file
        self.out = SourceMap(overlay.file)

    def copy(self, source: SourceMap, prefix: KeyPath, to: KeyPath) -> None:
        size = len(prefix)
        for table, target in ((source.values, self.out.values), (source.keys, self.out.keys)):
            for path, location in table.items():
                if path[:size] == prefix:
                    target[to + path[size:]] = location

    def merge(
        self,
        base: Any,
        at_base: KeyPath,
        over: Any,
        at_over: KeyPath,
        at_out: KeyPath,
        shape: KeyPath,
    ) -> Any:
        if isinstance(base, dict) and isinstance(over, dict):
            self.copy_node(at_base, at_out)
            merged = {}
            for key, value in base.items():
                if key not in over:
                    self.copy(self.base, (*at_base, key), (*at_out, key))
                    merged[key] = value
            for key, value in over.items():
                if key in base:
                    merged[key] = self.merge(
                        base[key],
                        (*at_base, key),
                        value,
                        (*at_over, key),
                        (*at_out, key),
                        (*shape, key),
                    )
                else:
                    self.copy(self.overlay, (*at_over, key), (*at_out, key))
                    merged[key] = value
            return merged
        if shape in ID_LISTS and isinstance(base, list) and isinstance(over, list):
            return self.merge_by_id(base, at_base, over, at_over, at_out, shape)
        self.copy(self.overlay, at_over, at_out)
        return over

    def copy_node(self, at_base: KeyPath, at_out: KeyPath) -> None:
        location = self.base.values.get(at_base)
        if location is not None:
            self.out.values[at_out] = location

    def merge_by_id(
        self,
        base: list[Any],
        at_base: KeyPath,
        over: list[Any],
        at_over: KeyPath,
        at_out: KeyPath,
        shape: KeyPath,
    ) -> list[Any]:
        noun = ID_LISTS[shape]
        known = {
            item["id"]: index
            for index, item in enumerate(base)
            if isinstance(item, dict) and isinstance(item.get("id"), str)
        }
        changed: dict[str, tuple[int, dict[str, Any]]] = {}
        removed: set[str] = set()
        added: list[tuple[int, dict[str, Any]]] = []
        for index, item in enumerate(over):
            here = (*at_over, index)
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                self.report(here, f"each {noun} here needs an 'id' saying which one it changes")
                continue
            if not self.flags_ok(item, here):
                continue
            item_id = item["id"]
            fields = {key: value for key, value in item.items() if key not in FLAGS}
            if item.get("add") is True:
                if item_id in known:
                    self.report(
                        (*here, "id"),
                        f"{noun} '{item_id}' already exists; leave out 'add: true' to change it",
                    )
                else:
                    added.append((index, fields))
            elif item_id not in known:
                self.report(
                    (*here, "id"),
                    f"unknown {noun} '{item_id}'{suggest(item_id, known)}; "
                    f"mark a new {noun} with 'add: true'",
                )
            elif item.get("remove") is True:
                if set(fields) != {"id"}:
                    self.report(here, f"a removed {noun} takes no other keys than 'id'")
                removed.add(item_id)
            elif item_id in changed:
                first = self.overlay.locate((*at_over, changed[item_id][0])).line
                self.report(
                    (*here, "id"), f"{noun} '{item_id}' is changed twice (first at line {first})"
                )
            else:
                changed[item_id] = (index, fields)
        merged: list[Any] = []
        self.copy_node(at_base, at_out)
        for index, item in enumerate(base):
            item_id = item.get("id") if isinstance(item, dict) else None
            if item_id in removed:
                continue
            to = (*at_out, len(merged))
            if isinstance(item_id, str) and item_id in changed:
                over_index, fields = changed[item_id]
                merged.append(
                    self.merge(item, (*at_base, index), fields, (*at_over, over_index), to, shape)
                )
            else:
                self.copy(self.base, (*at_base, index), to)
                merged.append(item)
        for over_index, fields in added:
            self.copy(self.overlay, (*at_over, over_index), (*at_out, len(merged)))
            merged.append(fields)
        return merged

    def flags_ok(self, item: dict[str, Any], here: KeyPath) -> bool:
        for flag in FLAGS:
            if flag in item and item[flag] is not True:
                self.report((*here, flag), f"'{flag}' can only be true")
                return False
        if item.get("add") is True and item.get("remove") is True:
            self.report(here, "an entry cannot be both added and removed")
            return False
        return True


def merge_practice(
    base: dict[str, Any],
    base_source: SourceMap,
    override: dict[str, Any],
    overlay_source: SourceMap,
    at: KeyPath,
    report: Report,
) -> tuple[dict[str, Any], SourceMap]:
    """``base`` (a whole practice) with ``override`` (found at ``at`` in the overlay) applied."""
    merger = _Merger(base_source, overlay_source, report)
    merger.out.prefixes[overlay_source.file] = at
    if "id" in override and override["id"] != base.get("id"):
        report((*at, "id"), "a practice's id cannot be changed; add a new practice instead")
        override = {key: value for key, value in override.items() if key != "id"}
    merged = merger.merge(base, (), override, at, (), ())
    return merged, merger.out


def apply_overrides(
    check: Collector,
    overlay: Loaded[playbook_schema.PlaybookOverlay],
    overrides: playbook_schema.Overrides,
    content: Content,
) -> dict[str, Loaded[schema.Practice]]:
    """Replace each practice ``overrides`` changes, in ``content``, by the merged practice;
    returns the practices replaced, by id (checks.py reports their own mistakes once)."""
    source = overlay.source
    replaced: dict[str, Loaded[schema.Practice]] = {}
    for practice_id, change in overrides.practices.items():
        at: KeyPath = ("overrides", "practices", practice_id)
        base = content.practices.get(practice_id)
        if base is None:
            if practice_id not in content.practice_files:
                known = sorted(content.practices)
                check.problems.append(
                    Problem(
                        source.locate(at, key=True),
                        format_key_path(at),
                        f"unknown practice '{practice_id}'{suggest(practice_id, known)}",
                    )
                )
            continue
        mistakes = Collector()
        data, merged_source = merge_practice(
            base.model.model_dump(),
            base.source,
            dict(change),
            source,
            at,
            functools.partial(mistakes.add, source),
        )
        if mistakes.problems:
            check.problems.extend(mistakes.problems)
            continue  # the merged data is not what the overlay meant: not checked further
        merged = check.parse(Document(base.path, data, merged_source), schema.Practice)
        if merged is not None:
            content.practices[practice_id] = merged
            replaced[practice_id] = base
    return replaced
