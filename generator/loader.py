"""Reading YAML safely while remembering where every key and value came from.

PyYAML's ``safe_load`` forgets positions and silently keeps the last of two equal keys. Here
the document is composed into nodes (which carry their marks) and turned into plain Python
data by hand, so that duplicate keys are rejected and every value's line and column can be
looked up later by its key path.

No file can hang the tool, crash it or exhaust its memory: only a regular file of at most
MAX_BYTES is read, and its nodes are composed without recursion (``_yaml_compose``), refused
beyond MAX_DEPTH levels or MAX_NODES values (aliases counted at every use).
"""

from __future__ import annotations

import errno
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ._yaml_compose import MAX_DEPTH, MAX_NODES, TOO_DEEP, TOO_MANY, TooLarge, compose
from ._yaml_errors import explain
from .errors import Location, Problem, display_path, format_key_path, shorten

KeyPath = tuple[str | int, ...]

#: Content files are a few kilobytes; a bigger one is refused unread rather than parsed for
#: seconds into hundreds of megabytes.
MAX_BYTES = 1024 * 1024
#: Up to this many characters a file libyaml refuses is parsed again by the pure-Python parser,
#: whose messages say more; it is about 30 times slower, so a larger file keeps libyaml's words.
REWORD_LIMIT = 128 * 1024
#: YAML's line breaks, for placing a character found by position.
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
#: What a value tagged (or read) as one of these types must look like, when it does not.
_NOT_A = {
    "tag:yaml.org,2002:timestamp": "is not a valid date",
    "tag:yaml.org,2002:int": "is not a valid whole number",
    "tag:yaml.org,2002:float": "is not a valid number",
    "tag:yaml.org,2002:bool": "is not true or false",
}
#: The tag of text, which YAML gives any scalar it does not read as a number, date or boolean.
STR_TAG = "tag:yaml.org,2002:str"
SYMLINK_LOOP = "its symbolic links form a loop"


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of one YAML document stands.

    The loader records YAML's own marks; they become Locations only when first asked for,
    which for valid content is mostly never (a large playbook has hundreds of thousands).
    """

    file: str
    _values: dict[KeyPath, Location] = field(default_factory=dict, repr=False)
    _keys: dict[KeyPath, Location] = field(default_factory=dict, repr=False)
    #: For data merged from several files: the key path, in each file, of what was merged,
    #: so that a problem located in that file names its key path there.
    prefixes: dict[str, KeyPath] = field(default_factory=dict)
    #: YAML marks (0-based line and column) not yet made into Locations.
    value_marks: dict[KeyPath, Any] = field(default_factory=dict, repr=False)
    key_marks: dict[KeyPath, Any] = field(default_factory=dict, repr=False)

    @property
    def values(self) -> dict[KeyPath, Location]:
        """Where each value starts, by key path."""
        if self.value_marks:
            self._values = {**self._marked(self.value_marks), **self._values}
            self.value_marks = {}
        return self._values

    @property
    def keys(self) -> dict[KeyPath, Location]:
        """Where each mapping key stands, by the key path of its value."""
        if self.key_marks:
            self._keys = {**self._marked(self.key_marks), **self._keys}
            self.key_marks = {}
        return self._keys

    def _marked(self, marks: dict[KeyPath, Any]) -> dict[KeyPath, Location]:
        file = self.file
        return {path: Location(file, m.line + 1, m.column + 1) for path, m in marks.items()}

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


class _Builder:
    def __init__(self, loader: yaml.SafeLoader, source: SourceMap) -> None:
        self.loader = loader
        self.source = source
        self.problems: list[Problem] = []
        self.nodes = 0
        #: The collections being built, by identity: an alias to one of them is a loop.
        self.open: set[int] = set()

    def location(self, node: Node) -> Location:
        return Location(self.source.file, node.start_mark.line + 1, node.start_mark.column + 1)

    def build(self, node: Node, path: KeyPath) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise TooLarge(None, TOO_MANY)
        if len(path) > MAX_DEPTH:
            raise TooLarge(node.start_mark, TOO_DEEP)
        marks = self.source.value_marks
        if path not in marks:
            marks[path] = node.start_mark
        if not isinstance(node, MappingNode | SequenceNode):
            if node.tag == STR_TAG:
                return node.value  # what PyYAML's constructor returns for text, sooner
            return self.construct(node, path)
        if id(node) in self.open:
            self.problems.append(
                Problem(
                    self.location(node),
                    _dotted(path),
                    "an alias here stands for a value that contains it",
                )
            )
            return None
        self.open.add(id(node))
        try:
            if isinstance(node, MappingNode):
                return self.build_mapping(node, path)
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        finally:
            self.open.discard(id(node))

    def construct(self, node: Node, path: KeyPath) -> Any:
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, KeyError, TypeError, OverflowError):
            # PyYAML's constructors let Python's own errors through: a plain 2024-13-45 is
            # read as a date, a number of 5,000 digits as an int, '!!bool maybe' as a bool.
            what = _NOT_A.get(str(node.tag), f"cannot be read as {node.tag}")
            self.problems.append(
                Problem(
                    self.location(node),
                    _dotted(path),
                    f"'{shorten(str(node.value))}' {what} (quote it if you meant text)",
                )
            )
            return node.value

    def build_mapping(self, node: MappingNode, path: KeyPath) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        keys = self.source.key_marks
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                where = self.location(key_node)
                self.problems.append(Problem(where, _dotted(path), "a key must be plain text"))
                continue
            if key_node.tag == "tag:yaml.org,2002:merge":
                where = self.location(key_node)
                self.problems.append(
                    Problem(where, _dotted(path), "merge keys ('<<') are not supported")
                )
                continue
            # A key is a name: 'null', '1.0' or '2024-01-01' stay as written.
            key: str = key_node.value
            child = (*path, key)
            if key in result:
                first = keys[child].line + 1
                self.problems.append(
                    Problem(
                        self.location(key_node),
                        _dotted(path),
                        f"duplicate key '{key}' (first defined at line {first})",
                    )
                )
                continue
            keys[child] = key_node.start_mark
            result[key] = self.build(value_node, child)
        return result


def _dotted(path: KeyPath) -> str:
    return format_key_path(path)


def yaml_problem(file: str, error: yaml.MarkedYAMLError, text: str | None = None) -> Problem:
    """The syntax error in plain words where they can be found (see ``_yaml_errors``), at
    the place the mistake starts, with the parser's own words after them."""
    mark = error.problem_mark or error.context_mark
    message = error.problem or error.context or "invalid YAML"
    if error.context and error.problem:
        message = f"{error.context}: {error.problem}"
    explained = explain(text, error, message) if text is not None else None
    if explained is not None:
        where = Location(file, explained.line + 1, explained.column + 1)
        return Problem(where, "", f"YAML syntax error: {explained.message}")
    opened = error.context_mark
    at_end = "end of stream" in message or "<stream end>" in message
    if at_end and opened and mark and (opened.line, opened.column) != (mark.line, mark.column):
        # The end of the file is no help: point at what was left open.
        mark = opened
        message += " (it starts here and is never closed)"
    where = Location(file, mark.line + 1, mark.column + 1) if mark else Location(file)
    if "'\\t'" in message:
        message += " (indent with spaces, not tabs)"
    return Problem(where, "", f"YAML syntax error: {message}")


def _read(path: Path, file: str) -> bytes:
    """The file's bytes; a folder, a device, a pipe or a file over MAX_BYTES is not read."""
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise _FileProblem(Problem(Location(file), "", "cannot read the file: it is a folder"))
        if not stat.S_ISREG(status.st_mode):
            raise _FileProblem(
                Problem(Location(file), "", "cannot read the file: it is not a regular file")
            )
        with path.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except OSError as error:
        reason = SYMLINK_LOOP if error.errno == errno.ELOOP else error.strerror
        raise _FileProblem(
            Problem(Location(file), "", f"cannot read the file: {reason}")
        ) from None
    if len(raw) > MAX_BYTES:
        size = max(status.st_size, len(raw))
        raise _FileProblem(
            Problem(
                Location(file),
                "",
                f"the file is too large ({size:,} bytes; content files may have at most "
                f"{MAX_BYTES:,})",
            )
        )
    return raw


def _position(text: str, index: int) -> tuple[int, int]:
    """Line and column (from 1) of ``text[index]``, counting lines as YAML does."""
    line, start = 1, 0
    for found in _LINE_BREAK.finditer(text, 0, index):
        line, start = line + 1, found.end()
    return line, index - start + 1


def _check_characters(text: str, file: str) -> None:
    """YAML allows no control characters but tab and line breaks; say where the first one is."""
    found = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if found is not None:
        line, column = _position(text, found.start())
        raise _FileProblem(
            Problem(
                Location(file, line, column),
                "",
                f"character U+{ord(found.group()):04X} is not allowed in a YAML file",
            )
        )


def _decode(raw: bytes, file: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _FileProblem(
            Problem(
                Location(file),
                "",
                "the file is not valid UTF-8 text (it is UTF-16: save it as UTF-8)",
            )
        )
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
        text = _decode(_read(path, file), file)
        _check_characters(text, file)
    except _FileProblem as failure:
        return None, [failure.problem]

    try:
        try:
            data, problems = _load(text, source, _FAST_LOADER)
        except yaml.YAMLError:
            if _FAST_LOADER is yaml.SafeLoader or len(text) > REWORD_LIMIT:
                raise
            # libyaml is fast but terse about mistakes; the pure-Python parser says more.
            source = SourceMap(file)
            data, problems = _load(text, source, yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        return None, [yaml_problem(file, error, text)]
    except yaml.YAMLError as error:
        return None, [Problem(Location(file), "", "YAML error: " + " ".join(str(error).split()))]
    except TooLarge as refused:
        return None, [refused.problem(file)]
    except RecursionError:
        return None, [Problem(Location(file), "", TOO_DEEP)]
    if data is _EMPTY:
        return None, [Problem(Location(file), "", "the file is empty")]
    return Document(path, data, source), problems


_EMPTY = object()
#: libyaml's parser when PyYAML was built with it (PyPI's wheels are): about 15 times faster.
_FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


#: Below this many '[' and '{', libyaml's own composer (in C, about 6 times faster than
#: ``_compose``) cannot recurse deep enough to crash: block nesting needs a line per level, and
#: MAX_BYTES allows about 1,400 of those.
FAST_COMPOSE_BRACKETS = 5_000


def _load(
    text: str, source: SourceMap, loader_class: type[yaml.SafeLoader]
) -> tuple[Any, list[Problem]]:
    if loader_class is not yaml.SafeLoader and (
        text.count("[") + text.count("{") < FAST_COMPOSE_BRACKETS
    ):
        try:
            return _load_with(text, SourceMap(source.file), loader_class, fast=True, into=source)
        except (yaml.YAMLError, TooLarge, RecursionError):
            pass  # composed again below, to report it exactly as the careful composer does
    return _load_with(text, source, loader_class, fast=False, into=source)


def _load_with(
    text: str,
    source: SourceMap,
    loader_class: type[yaml.SafeLoader],
    *,
    fast: bool,
    into: SourceMap,
) -> tuple[Any, list[Problem]]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node() if fast else compose(loader)
        if node is None:
            return _EMPTY, []
        builder = _Builder(loader, source)
        data = builder.build(node, ())
        if source is not into:
            into.value_marks.update(source.value_marks)
            into.key_marks.update(source.key_marks)
        return data, builder.problems
    finally:
        loader.dispose()
