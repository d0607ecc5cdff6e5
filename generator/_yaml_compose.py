"""Composing YAML events into nodes without recursion, within limits on depth and size.

PyYAML's composer recurses once per level of nesting: in Python it runs out of stack, and
libyaml's (in C) crashes the whole process on a file of 100,000 brackets. ``compose`` keeps its
own stack of open collections and refuses a document as soon as it grows too deep or too large.
"""

from __future__ import annotations

from typing import Any

from yaml.composer import ComposerError
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    Event,
    MappingEndEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import CollectionNode, MappingNode, Node, ScalarNode, SequenceNode

from .errors import Location, Problem

#: A document with more nodes than this after alias expansion is refused: a few kilobytes of
#: nested aliases ("billion laughs") would otherwise expand into gigabytes.
MAX_NODES = 200_000
#: Content never nests deeper than a dozen levels; far deeper means a broken or hostile file.
MAX_DEPTH = 100
TOO_DEEP = f"the document nests more than {MAX_DEPTH} levels deep"
TOO_MANY = f"the document holds more than {MAX_NODES:,} values, counting those that aliases repeat"


class TooLarge(Exception):
    """The document is refused part way: where (a YAML mark, or None for the whole file), why."""

    def __init__(self, mark: Any, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message

    def problem(self, file: str) -> Problem:
        if self.mark is None:
            return Problem(Location(file), "", self.message)
        return Problem(Location(file, self.mark.line + 1, self.mark.column + 1), "", self.message)


def compose(loader: Any) -> Node | None:
    """The single document's node tree, refused as soon as it grows too deep or too large.

    PyYAML's composer recurses once per level of nesting: in Python it runs out of stack, and
    libyaml's (in C) crashes the whole process on a file of 100,000 brackets. This one keeps
    its own stack of open collections.
    """
    loader.get_event()  # the stream's start
    if loader.check_event(StreamEndEvent):
        return None
    loader.get_event()  # the document's start
    anchors: dict[str, Node] = {}
    open_nodes: list[CollectionNode] = []
    pending_keys: list[Node | None] = []
    root: Node | None = None
    count = 0
    while not loader.check_event(DocumentEndEvent):
        event = loader.get_event()
        start: Any = event.start_mark  # the stubs tell libyaml's marks from PyYAML's
        if isinstance(event, SequenceEndEvent | MappingEndEvent):
            open_nodes.pop().end_mark = event.end_mark
            pending_keys.pop()
            continue
        if isinstance(event, AliasEvent):
            if event.anchor not in anchors:
                raise ComposerError(None, None, f"found undefined alias '{event.anchor}'", start)
            node = anchors[event.anchor]
        else:
            count += 1
            if count > MAX_NODES:
                raise TooLarge(None, TOO_MANY)
            node = _new_node(loader, event)
            if event.anchor is not None:
                first = anchors.get(event.anchor)
                if first is not None:
                    raise ComposerError(
                        None,
                        None,
                        f"duplicate anchor '{event.anchor}' "
                        f"(first defined at line {first.start_mark.line + 1})",
                        start,
                    )
                anchors[event.anchor] = node
        if not open_nodes:
            root = node
        elif isinstance(open_nodes[-1], SequenceNode):
            open_nodes[-1].value.append(node)
        elif pending_keys[-1] is None:
            pending_keys[-1] = node
        else:
            open_nodes[-1].value.append((pending_keys[-1], node))
            pending_keys[-1] = None
        if isinstance(node, CollectionNode) and not isinstance(event, AliasEvent):
            open_nodes.append(node)
            pending_keys.append(None)
            if len(open_nodes) > MAX_DEPTH:
                raise TooLarge(start, TOO_DEEP)
    loader.get_event()  # the document's end
    if not loader.check_event(StreamEndEvent):
        event = loader.get_event()
        raise ComposerError(
            "expected a single document in the stream",
            None if root is None else root.start_mark,
            "but found another document",
            event.start_mark,
        )
    return root


def _new_node(loader: Any, event: Event) -> Node:
    """A node for a scalar's or a collection's start event, its tag resolved as PyYAML does."""
    tag = getattr(event, "tag", None)
    start: Any = event.start_mark
    if isinstance(event, ScalarEvent):
        if tag is None or tag == "!":
            tag = loader.resolve(ScalarNode, event.value, event.implicit)
        end: Any = event.end_mark
        return ScalarNode(tag, event.value, start, end, style=event.style)
    kind = SequenceNode if isinstance(event, SequenceStartEvent) else MappingNode
    if tag is None or tag == "!":
        tag = loader.resolve(kind, None, getattr(event, "implicit", True))
    return kind(tag, [], start, None, flow_style=getattr(event, "flow_style", None))
