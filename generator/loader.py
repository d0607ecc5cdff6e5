"""Reading YAML safely while remembering where every key and value came from.

PyYAML's ``safe_load`` forgets positions and silently keeps the last of two equal keys. Here
the document is composed into nodes (which carry their marks) and turned into plain Python
data by hand, so that duplicate keys are rejected and every value's line and column can be
looked up later by its key path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Location, Problem, display_path, format_key_path

KeyPath = tuple[str | int, ...]

#: A document with more nodes than this after alias expansion is refused: a few kilobytes of
#: nested aliases ("billion laughs") would otherwise expand into gigabytes.
MAX_NODES = 200_000
#: Content never nests deeper than a dozen levels; far deeper means a broken or hostile file.
MAX_DEPTH = 100


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of one YAML document stands."""

    file: str
    values: dict[KeyPath, Location] = field(default_factory=dict)
    keys: dict[KeyPath, Location] = field(default_factory=dict)
    #: For data merged from several files: the key path, in each file, of what was merged,
    #: so that a problem located in that file names its key path there.
    prefixes: dict[str, KeyPath] = field(default_factory=dict)

    def key_path(self, path: KeyPath, location: Location) -> str:
        """``path`` as a problem shows it, in terms of the file ``location`` is in."""
        return format_key_path((*self.prefixes.get(location.file, ()), *path))

    def locate(self, path: KeyPath, *, key: bool = False) -> Location:
        """The location of ``path``, or of its nearest ancestor that exists in the file."""
        if key and path in self.keys:
            return self.keys[path]
        for end in range(len(path), -1, -1):
            location = self.values.get(path[:end])
            if location is not None:
                return location
        return Location(self.file)


@dataclass
class Document:
    """A loaded YAML file: its plain data and the map back to its source."""

    path: Path
    data: Any
    source: SourceMap


class _TooLarge(Exception):
    pass


class _Builder:
    def __init__(self, loader: yaml.SafeLoader, source: SourceMap) -> None:
        self.loader = loader
        self.source = source
        self.problems: list[Problem] = []
        self.nodes = 0

    def location(self, node: Node) -> Location:
        return Location(self.source.file, node.start_mark.line + 1, node.start_mark.column + 1)

    def build(self, node: Node, path: KeyPath) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES or len(path) > MAX_DEPTH:
            raise _TooLarge
        self.source.values.setdefault(path, self.location(node))
        if isinstance(node, MappingNode):
            return self.build_mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        return self.loader.construct_object(node, deep=True)

    def build_mapping(self, node: MappingNode, path: KeyPath) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_seen: dict[Any, Location] = {}
        for key_node, value_node in node.value:
            where = self.location(key_node)
            if not isinstance(key_node, ScalarNode):
                self.problems.append(Problem(where, _dotted(path), "a key must be plain text"))
                continue
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.append(
                    Problem(where, _dotted(path), "merge keys ('<<') are not supported")
                )
                continue
            key = self.loader.construct_object(key_node)
            if not isinstance(key, str):
                key = str(key)
            if key in first_seen:
                self.problems.append(
                    Problem(
                        where,
                        _dotted(path),
                        f"duplicate key '{key}' (first defined at line {first_seen[key].line})",
                    )
                )
                continue
            first_seen[key] = where
            self.source.keys[(*path, key)] = where
            result[key] = self.build(value_node, (*path, key))
        return result


def _dotted(path: KeyPath) -> str:
    return format_key_path(path)


def _yaml_problem(file: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    where = Location(file, mark.line + 1, mark.column + 1) if mark else Location(file)
    message = error.problem or error.context or "invalid YAML"
    if error.context and error.problem:
        message = f"{error.context}: {error.problem}"
    if "'\\t'" in message:
        message += " (indent with spaces, not tabs)"
    return Problem(where, "", f"YAML syntax error: {message}")


def _decode(raw: bytes, file: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise _FileProblem(
            Problem(Location(file, line, column), "", "the file is not valid UTF-8 text")
        ) from None


class _FileProblem(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def load_document(path: Path) -> tuple[Document | None, list[Problem]]:
    """Load one YAML file. Returns the document (None if unusable) and every problem found."""
    file = display_path(path)
    source = SourceMap(file)
    try:
        text = _decode(path.read_bytes(), file)
    except _FileProblem as failure:
        return None, [failure.problem]
    except OSError as error:
        return None, [Problem(Location(file), "", f"cannot read the file: {error.strerror}")]

    try:
        data, problems = _compose(text, source, _FAST_LOADER)
    except yaml.YAMLError:
        # libyaml is fast but terse about mistakes; the pure-Python parser says more.
        try:
            data, problems = _compose(text, source, yaml.SafeLoader)
        except yaml.MarkedYAMLError as error:
            return None, [_yaml_problem(file, error)]
        except yaml.YAMLError as error:
            return None, [Problem(Location(file), "", f"YAML error: {error}")]
    except (_TooLarge, RecursionError):
        return None, [
            Problem(Location(file), "", "the document is nested too deeply or expands too far")
        ]
    if data is _EMPTY:
        return None, [Problem(Location(file), "", "the file is empty")]
    return Document(path, data, source), problems


_EMPTY = object()
#: libyaml's parser when PyYAML was built with it (PyPI's wheels are): about 15 times faster.
_FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(
    text: str, source: SourceMap, loader_class: type[yaml.SafeLoader]
) -> tuple[Any, list[Problem]]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return _EMPTY, []
        builder = _Builder(loader, source)
        return builder.build(node, ()), builder.problems
    finally:
        loader.dispose()
