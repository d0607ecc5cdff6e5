"""YAML syntax errors in words a coach can act on, at the line where the mistake starts.

The parser reports where it noticed a problem, which is often a line or more after the
mistake, in its own terms ("expected <block end>, but found '<scalar>'"). The few mistakes
people really make (a quote left open, a colon in plain text, a key indented wrongly, an
apostrophe in single quotes) are recognised here from the text around that place; the
parser's own words follow the plain ones, for whoever knows YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from .errors import shorten

#: A line's indentation, list markers and key: ``  - title: `` gives the key ``title``.
_KEY_LINE = re.compile(r"(?P<lead>[ ]*(?:-[ ]+)*)(?P<key>[A-Za-z0-9_][\w.-]*)[ ]*:(?:[ ]|$)")


@dataclass(frozen=True)
class Explained:
    line: int  # from 0, as YAML marks count
    column: int
    message: str


def explain(text: str, error: yaml.MarkedYAMLError, parser_words: str) -> Explained | None:
    """A plain explanation of ``error`` in ``text``, or None when it is none of the usual
    mistakes."""
    mark = error.problem_mark
    if mark is None:
        return None
    lines = text.splitlines()
    said = f" (the YAML parser says: {parser_words})"
    if error.context == "while scanning a quoted scalar" and error.context_mark is not None:
        opened = error.context_mark
        quote = _char_at(lines, opened.line, opened.column)
        return Explained(
            opened.line,
            opened.column,
            f"the quote {quote} opened here is never closed: end the value with {quote}" + said,
        )
    quoted = _quoted_scalar_before(text, mark)
    if quoted is not None:
        start, end, style = quoted
        if start.line < end.line:
            return Explained(
                start.line,
                start.column,
                f"the quote {style} opened here is not closed on its line, so the value runs on "
                f"to the next {style} (line {end.line + 1}, column {end.column}): end the value "
                f"with {style} on this line" + said,
            )
        after = _char_at(lines, end.line, end.column)
        if style == "'" and after.isalpha() and end.line == mark.line:
            return Explained(
                end.line,
                end.column - 1,
                f"this apostrophe ends the value begun with ' in column {start.column + 1}: "
                "inside single quotes write an apostrophe twice (''), or put the value in "
                "double quotes" + said,
            )
        if end.line == mark.line:
            return Explained(
                mark.line,
                mark.column,
                f"text after the closing {style}: put the whole value inside the quotes" + said,
            )
    line_text = lines[mark.line] if mark.line < len(lines) else ""
    if error.problem == "mapping values are not allowed here":
        found = _KEY_LINE.match(line_text)
        if found is not None and found.end() - 1 < mark.column:
            key = found["key"]
            value = line_text[found.end() :].strip()
            quoted_value = shorten(value, 50).replace("\\", "\\\\").replace('"', '\\"')
            suggestion = f'{key}: "{quoted_value}"'
            return Explained(
                mark.line,
                mark.column,
                f"a colon followed by a space in the value of '{key}' starts a new key in YAML: "
                f"put the whole value in quotes, as in {suggestion}" + said,
            )
        if found is not None:
            return _indentation(lines, mark.line, found, said)
        return Explained(
            mark.line,
            mark.column,
            "a colon followed by a space in this text starts a new key in YAML: put the whole "
            "value in quotes, or write it as a block (a '|' after the key's colon, the text "
            "indented on the lines below)" + said,
        )
    if error.problem is not None and error.problem.startswith("expected <block end>"):
        indent = len(line_text) - len(line_text.lstrip(" "))
        found = _KEY_LINE.match(line_text)
        if mark.column == indent and line_text.lstrip().startswith("-"):
            return Explained(
                mark.line,
                mark.column,
                "the indentation of this list entry is off: entries of one list start with "
                "their '-' in the same column" + _entry_above(lines, mark.line) + said,
            )
        if mark.column == indent and found is not None:
            return _indentation(lines, mark.line, found, said)
    return None


def _indentation(lines: list[str], line: int, found: re.Match[str], said: str) -> Explained:
    key = found["key"]
    column = len(found["lead"])
    return Explained(
        line,
        column,
        f"the indentation of '{key}' is off: keys of one mapping start in the same column, and a "
        f"key inside another one further right" + _above(lines, line) + said,
    )


def _above(lines: list[str], line: int) -> str:
    """Where the nearest key above ``line`` starts, for comparison."""
    for number in range(line - 1, -1, -1):
        found = _KEY_LINE.match(lines[number])
        if found is not None:
            return (
                f" ('{found['key']}' on line {number + 1} starts in column "
                f"{len(found['lead']) + 1}, this line in column "
                f"{len(lines[line]) - len(lines[line].lstrip(' -')) + 1})"
            )
    return ""


def _entry_above(lines: list[str], line: int) -> str:
    """Where the nearest list entry above ``line`` has its '-', for comparison."""
    for number in range(line - 1, -1, -1):
        stripped = lines[number].lstrip(" ")
        if stripped.startswith("-"):
            return (
                f" (the entry on line {number + 1} has it in column "
                f"{len(lines[number]) - len(stripped) + 1}, this one in column "
                f"{len(lines[line]) - len(lines[line].lstrip(' ')) + 1})"
            )
    return ""


def _char_at(lines: list[str], line: int, column: int) -> str:
    if line < len(lines) and 0 <= column < len(lines[line]):
        return lines[line][column]
    return '"'


def _quoted_scalar_before(text: str, mark: Any) -> tuple[Any, Any, str] | None:
    """Start mark, end mark and quote of the last quoted value scanned before ``mark``."""
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= mark.index:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ("'", '"'):
                last = token
    except yaml.YAMLError:
        pass
    if last is None or last.end_mark.index > mark.index:
        return None
    between = text[last.end_mark.index : mark.index]
    if between.strip(" \t\r\n"):
        return None  # something else stands between that value and the problem
    return last.start_mark, last.end_mark, str(last.style)
