"""Turning pydantic's validation errors into located, plain-language problems."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, Union

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .errors import Problem, shorten
from .loader import KeyPath, SourceMap

#: How alike two words must be (difflib's ratio) for a did-you-mean suggestion.
SIMILARITY = 0.6

_MESSAGES = {
    "string_type": "expected text, got {kind}",
    "list_type": "expected a list, got {kind}",
    "bool_type": "expected true or false, got {kind}",
    "int_type": "expected a whole number, got {kind}",
    "model_type": "expected a mapping of keys to values, got {kind}",
    "dict_type": "expected a mapping of keys to values, got {kind}",
    "model_attributes_type": "expected a mapping of keys to values, got {kind}",
}


def describe_value(value: Any) -> str:
    """How a YAML value looks to its author: 'a number', 'a list', 'nothing'."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        # YAML 1.1 reads yes/no/on/off as booleans, a classic surprise.
        return f"{str(value).lower()} (quote the text if you meant words such as yes or no)"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"text ('{shorten(value)}')"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__} ({value})"


def _unwrap(annotation: Any) -> list[Any]:
    """The classes a field may hold: list[X] and X | None both lead to X."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (Union, types.UnionType, list):
        found: list[Any] = []
        for argument in typing.get_args(annotation):
            found.extend(_unwrap(argument))
        return found
    return [annotation]


def model_at(model: type[BaseModel], path: KeyPath) -> type[BaseModel] | None:
    """The model class that describes the mapping found at ``path`` inside ``model``."""
    current: type[BaseModel] | None = model
    for part in path:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return None
        candidates = [c for c in _unwrap(info.annotation) if isinstance(c, type)]
        current = next((c for c in candidates if issubclass(c, BaseModel)), None)
    return current


def suggest(word: str, choices: typing.Iterable[str]) -> str:
    """A ' (did you mean ...?)' suffix, or '' when nothing is close."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=SIMILARITY)
    return f" (did you mean '{matches[0]}'?)" if matches else ""


def _message(error: ErrorDetails, model: type[BaseModel]) -> tuple[KeyPath, str, bool]:
    """The key path to report, the message, and whether the key (not the value) is meant."""
    kind = error["type"]
    loc: KeyPath = tuple(error["loc"])
    value = error.get("input")
    context = error.get("ctx") or {}
    if kind == "missing":
        return loc[:-1], f"missing required key '{loc[-1]}'", False
    if kind == "extra_forbidden":
        parent = model_at(model, loc[:-1])
        allowed = parent.model_fields if parent else {}
        hint = suggest(str(loc[-1]), allowed)
        return loc[:-1], f"unknown key '{loc[-1]}'{hint}", True
    if kind in _MESSAGES:
        return loc, _MESSAGES[kind].format(kind=describe_value(value)), False
    if kind == "string_pattern_mismatch":
        # Ids are the only pattern fields (addresses and tags are checked in the schema).
        text = (
            f"'{shorten(str(value))}' is not a valid id: "
            "use lowercase letters, digits and single hyphens"
        )
        return loc, text, False
    if kind == "literal_error":
        return loc, f"expected {context.get('expected')}, got {describe_value(value)}", False
    if kind == "string_too_short":
        return loc, "must not be empty", False
    if kind == "too_short":
        minimum = context.get("min_length", 1)
        if minimum == 1:
            return loc, "must not be empty", False
        return loc, f"needs at least {minimum} entries, found {len(value or [])}", False
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = context.get("ge", context.get("le"))
        word = "at least" if kind == "greater_than_equal" else "at most"
        return loc, f"must be {word} {bound}, got {value}", False
    return loc, error["msg"], False


def located_problems(
    error: ValidationError, model: type[BaseModel], source: SourceMap
) -> list[Problem]:
    """Every pydantic error of one document, placed at its line and column."""
    details = error.errors(include_url=False)
    # A misspelt key also makes the real key missing; the did-you-mean already says so.
    suggested: set[tuple[str | int, ...]] = set()
    for detail in details:
        if detail["type"] == "extra_forbidden":
            parent = model_at(model, tuple(detail["loc"][:-1]))
            close = difflib.get_close_matches(
                str(detail["loc"][-1]), list(parent.model_fields if parent else {}), 1, SIMILARITY
            )
            suggested.update((*detail["loc"][:-1], match) for match in close)
    problems = []
    for detail in details:
        if detail["type"] == "missing" and tuple(detail["loc"]) in suggested:
            continue
        path, message, is_key = _message(detail, model)
        full_path = tuple(detail["loc"])
        where = source.locate(full_path, key=True) if is_key else source.locate(path)
        problems.append(Problem(where, source.key_path(path, where), message))
    return problems
