"""MkDocs hook of the documentation site (docs/mkdocs.yml): tables made from the tool itself.

A page asks for a table with a marker on a line of its own:

- ``<!-- fields: Practice -->``: the keys of one class of the content model
  (``generator/schema.py``, and ``generator/playbook_schema.py`` for a playbook file), with
  whether each is required, what it holds and its description, so that the content format's
  pages cannot drift from what validation checks;
- ``<!-- strings -->``: every interface string's key, placeholders and English text
  (``generator/ui.py``), grouped by where the site shows it.

A marker naming no class of the model stops the build, and so does a field without a
description: every key a coach may write is explained.
"""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from mkdocs.exceptions import PluginError
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator import field_types, playbook_schema, schema
from generator.ui import ALL_STRINGS, STRING_GROUPS, placeholders

FIELDS = re.compile(r"^<!-- fields: (\w+) -->$", re.MULTILINE)
STRINGS = re.compile(r"^<!-- strings -->$", re.MULTILINE)

#: What each kind of text field holds, in the words of the content format page.
KINDS = {
    "slug": "id",
    "text": "text",
    "markdown": "*Markdown*",
    "tag": "tag",
    "url": "web address",
    "path": "file path",
    "language": "language code",
    "colour": "colour",
    "string-name": "string key",
    "override": "practice fields",
}


#: Kinds whose name takes a plural after "list of".
PLURALS = {"id": "ids", "text": "texts", "tag": "tags", "web address": "web addresses"}


def model(name: str) -> type[BaseModel]:
    found = getattr(schema, name, None) or getattr(playbook_schema, name, None)
    if not (
        isinstance(found, type) and issubclass(found, BaseModel) and found is not schema.Model
    ):
        raise PluginError(
            f"<!-- fields: {name} -->: generator/schema.py and generator/playbook_schema.py "
            f"have no class {name}"
        )
    return found


def anchor(cls: type[BaseModel]) -> str:
    """The heading id a page gives a class's table: ``{#model-checklistitem}``."""
    return "model-" + cls.__name__.lower()


def kind(annotation: Any, metadata: list[Any]) -> str:
    """What a value of ``annotation`` is, in plain words."""
    for item in metadata:
        if isinstance(item, field_types.FieldKind):
            return KINDS[item.name]
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return kind(args[0], list(args[1:]))
    if origin in (typing.Union, types.UnionType):
        return " or ".join(kind(arg, []) for arg in args if arg is not type(None))
    if origin is list:
        item = kind(args[0], [])
        return "list of " + PLURALS.get(item, item)
    if origin is dict:
        return f"mapping of {kind(args[0], [])} to {kind(args[1], [])}"
    if origin is typing.Literal:
        return " or ".join(f"`{arg}`" for arg in args)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{anchor(annotation)})"
    if annotation is bool:
        return "`true` or `false`"
    if annotation is int:
        return "whole number"
    if annotation is str:
        return "text"
    raise PluginError(f"docs/hooks.py cannot name the type {annotation!r}")


def required(info: FieldInfo) -> str:
    if info.is_required():
        listed = typing.get_origin(info.annotation) in (list, dict)
        least = max((getattr(item, "min_length", 0) or 0 for item in info.metadata), default=0)
        if listed and least > 1:
            return f"yes, at least {least}"
        return "yes, not empty" if listed and least else "yes"
    default = info.get_default(call_default_factory=True)
    if default in (None, [], {}):
        return "no"
    shown = str(default).lower() if isinstance(default, bool) else default
    return f"no (default `{shown}`)"


def cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def fields_table(name: str) -> str:
    cls = model(name)
    rows = ["| key | required | holds | what |", "| --- | --- | --- | --- |"]
    for key, info in cls.model_fields.items():
        if not info.description:
            raise PluginError(f"{name}.{key} has no description in {cls.__module__}")
        holds = kind(info.annotation, info.metadata)
        rows.append(f"| `{key}` | {required(info)} | {holds} | {cell(info.description)} |")
    return "\n".join(rows)


def strings_table() -> str:
    parts = []
    for title, group in STRING_GROUPS.items():
        parts.append(f"**Strings {title}** ({len(group)})\n")
        parts.append("| key | placeholders | English text |\n| --- | --- | --- |")
        for key in group:
            names = " ".join(f"`{{{name}}}`" for name in placeholders(ALL_STRINGS[key]))
            text = cell(ALL_STRINGS[key]).replace("<", "&lt;").replace("*", "\\*")
            parts.append(f"| `{key}` | {names} | {text} |")
        parts.append("")
    return "\n".join(parts)


def on_page_markdown(markdown: str, **_: Any) -> str:
    markdown = FIELDS.sub(lambda match: fields_table(match.group(1)), markdown)
    return STRINGS.sub(lambda _: strings_table(), markdown)
