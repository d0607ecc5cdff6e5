"""The field types every content model is made of: slugs, tags, addresses, file paths, plain
text and bounded Markdown, each checked as it is read and marked with its kind (``FieldKind``)
for the renderer, the JSON Schemas and the tests. schema.py builds the models from them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError

from .addresses import read_address
from .errors import shorten

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SLUG_RE = re.compile(SLUG_PATTERN)


@dataclass(frozen=True)
class FieldKind:
    """What a text field holds, kept in its annotation for the renderer and the tests.

    Free text ("text", "markdown") reaches pages only through the renderer's escaping and
    sanitising; every other kind is checked for its shape here or in validation, so that it
    cannot carry markup into the places it is written (attributes, links, file names).
    """

    name: str


#: The kinds of free text: every other kind has a shape that validation checks.
FREE_TEXT_KINDS = frozenset({"text", "markdown"})

#: Characters that would end an HTML attribute or start markup where Material writes tags as
#: they are (the practice page, the tags page, search results).
_TAG_FORBIDDEN = {"<": "'<'", ">": "'>'", "&": "'&'", '"': "'\"'", "'": "an apostrophe (')"}
_TAG_FORBIDDEN["`"] = "a backtick (`)"
#: Characters no web address may hold here: they would end the attribute or the tag it is
#: written into (``<link rel="canonical" href="...">``), or be read differently by browsers.
_URL_FORBIDDEN = {'"': "'\"'", "'": "an apostrophe (')", "<": "'<'", ">": "'>'"}
_URL_FORBIDDEN |= {"\\": "a backslash", "`": "a backtick (`)"}


def _invisible(char: str) -> str | None:
    """How to name ``char`` if it is a line break, a control or formatting character."""
    if char in "\n\r\x85\u2028\u2029":
        return "a line break"
    if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
        return f"the control character U+{ord(char):04X}"
    return None


def _refuse(message: str) -> PydanticCustomError:
    # The message goes in as context: braces in it are not read as placeholders.
    return PydanticCustomError("playbook_value", "{message}", {"message": message})


def tag_problem(tag: str) -> str | None:
    """Why ``tag`` cannot be a tag, or None."""
    for char in tag:
        what = _TAG_FORBIDDEN.get(char) or _invisible(char)
        if what is not None:
            return (
                f"tag '{shorten(tag)}' holds {what}, which a tag may not: Material writes tags "
                "into pages, the tags page and search results as they are"
            )
    return None


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be a site's or a resource's address, or None."""
    shown = f"'{shorten(url)}'"
    for char in url:
        what = _URL_FORBIDDEN.get(char) or _invisible(char)
        if what is None and char.isspace():
            what = "a space"
        if what is not None:
            return f"{shown} is not a usable web address: it holds {what}"
    try:
        parts = urlsplit(url)
    except ValueError as error:  # a host in brackets that is no IPv6 address, and the like
        reason = str(error)
        return f"{shown} is not a usable web address: {reason[:1].lower()}{reason[1:]}"
    try:
        _ = parts.port
    except ValueError:
        return f"{shown} is not a usable web address: its port is not a number up to 65535"
    if parts.scheme not in ("http", "https"):
        return f"{shown} is not a web address starting with https:// or http://"
    if not parts.hostname:
        return f"{shown} is not a usable web address: it names no host"
    if parts.username is not None or parts.password is not None:
        return f"{shown} is not a usable web address: leave out the user name and password"
    address = read_address(url)
    if address.kind != "remote" or urlsplit(address.href).hostname != parts.hostname:
        return f"{shown} is not a usable web address: browsers would not read its host as written"
    return None


def _check_tag(tag: str) -> str:
    problem = tag_problem(tag)
    if problem is not None:
        raise _refuse(problem)
    return tag


def _check_url(url: str) -> str:
    problem = url_problem(url)
    if problem is not None:
        raise _refuse(problem)
    return url


_NON_EMPTY = StringConstraints(strip_whitespace=True, min_length=1)

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN), FieldKind("slug")]
Text = Annotated[str, _NON_EMPTY, FieldKind("text")]
#: The most one Markdown field may hold, and all the Markdown fields of one file together.
#: Python-Markdown's work grows with the square of some constructs' count (reference
#: definitions, unclosed links, definition lists, abbreviations, raw HTML) and of the text
#: around them: these bounds keep any file under the 1 MiB limit to about a second of CPU time
#: (docs/pages/security.md; tests/test_markdown_cost.py). The default content's longest field
#: holds about 2,600 characters, its largest file about 16,000 characters of text in all.
MARKDOWN_FIELD_LIMIT = 6_000
MARKDOWN_FILE_LIMIT = 50_000
#: Constructs whose count is bounded in each Markdown field: what finds them, the bound, and
#: their name in a message.
MARKDOWN_CONSTRUCT_LIMITS = (
    (re.compile(r"^ {0,3}\[[^\]\n]*\]:", re.MULTILINE), 20, "reference definitions ([name]: …)"),
    (re.compile(r"^ {0,3}\*\[", re.MULTILINE), 50, "abbreviations (*[ABC]: …)"),
    (re.compile(r"^ {0,3}:[ \t]", re.MULTILINE), 100, "definitions (lines starting with ': ')"),
    (re.compile(r"\["), 100, "opening square brackets ([), one in each link or image"),
    (re.compile(r"<"), 200, "opening angle brackets (<)"),
)


def _check_markdown_size(text: str) -> str:
    if len(text) > MARKDOWN_FIELD_LIMIT:
        raise _refuse(
            f"this Markdown field holds {len(text):,} characters; one may hold at most "
            f"{MARKDOWN_FIELD_LIMIT:,}: shorten it, or move part of it to a page of its own"
        )
    for pattern, limit, what in MARKDOWN_CONSTRUCT_LIMITS:
        count = len(pattern.findall(text))
        if count > limit:
            raise _refuse(
                f"this Markdown field holds {count:,} {what}; one may hold at most {limit:,}, "
                "as the work of converting them grows faster than their number: split the "
                "field's text, or move part of it to a page of its own"
            )
    return text


Markdown = Annotated[str, _NON_EMPTY, FieldKind("markdown"), AfterValidator(_check_markdown_size)]
Tag = Annotated[
    str,
    _NON_EMPTY,
    AfterValidator(_check_tag),
    FieldKind("tag"),
    Field(
        json_schema_extra={"pattern": "^[^<>&\"'`\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]+$"}
    ),
]
Url = Annotated[
    str,
    AfterValidator(_check_url),
    FieldKind("url"),
    Field(json_schema_extra={"format": "uri", "pattern": "^https?://[^\\s\"'<>\\\\`]+$"}),
]
#: A file or folder, relative to the file that names it; validation checks that it exists
#: inside the project.
FilePath = Annotated[str, _NON_EMPTY, FieldKind("path")]
#: Checked against Material's languages in settings.py.
Language = Annotated[str, _NON_EMPTY, FieldKind("language")]
#: Checked against Material's colour names and #rrggbb in settings.py.
Colour = Annotated[str, _NON_EMPTY, FieldKind("colour")]
#: A key of ``strings``, checked against the interface's strings in settings.py.
StringName = Annotated[str, FieldKind("string-name")]
#: A partial practice, merged into the practice it changes and validated as a Practice.
PracticeOverride = Annotated[dict[str, object], FieldKind("override")]
