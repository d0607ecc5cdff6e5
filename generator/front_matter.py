"""YAML front matter of the generated pages, written by hand: far cheaper than PyYAML's dump,
and escaped where Material places a value into its HTML."""

from __future__ import annotations

import json
import re
from typing import Any

from markupsafe import Markup
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from .loader import STR_TAG
from .safe_html import html_text

#: Front matter that Material writes into pages as HTML: one line of text, escaped.
_HTML_KEYS = ("title", "description")


def front_matter(**fields: Any) -> Markup:
    """YAML front matter of text values and lists of ids, each written so that YAML reads back
    exactly that value: plain where that is unambiguous, double-quoted otherwise.

    Material places ``title``, ``description`` and ``tags`` into its pages (and tags into its
    search results) as HTML, unescaped (the description inside a quoted attribute): they are
    escaped here.
    """
    lines = ["---"]
    for key, value in fields.items():
        if value is None:
            continue
        if isinstance(value, list):
            lines.append(f"{key}:" if value else f"{key}: []")
            lines += [f"- {yaml_scalar(html_text(item))}" for item in value]
        else:
            text = html_text(" ".join(value.split())) if key in _HTML_KEYS else value
            lines.append(f"{key}: {yaml_scalar(text)}")
    return Markup("\n".join(lines) + "\n---\n")


#: Text YAML reads as the same text when written plainly: it starts with a letter, holds no
#: character YAML treats specially there, and YAML's resolver does not see a number, a date or
#: a boolean in it ("No", "2024-01-01").
_PLAIN_SCALAR = re.compile(
    r"[^\W\d_](?:[^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff:#\"]|:(?! )|(?<! )#)*"
)
_JSON_UNSAFE_IN_YAML = re.compile("[\x7f-\x9f\u2028\u2029\ufeff]")
_RESOLVER = Resolver()


def yaml_scalar(text: str) -> str:
    """``text`` as a YAML scalar on one line (writing it is far cheaper than PyYAML's dump)."""
    if (
        _PLAIN_SCALAR.fullmatch(text)
        and not text.endswith((" ", ":"))
        and _RESOLVER.resolve(ScalarNode, text, (True, False)) == STR_TAG  # type: ignore[no-untyped-call]
    ):
        return text
    # JSON's string syntax is a subset of YAML's double-quoted one, except for characters that
    # YAML reads as line breaks or refuses unescaped.
    quoted = json.dumps(text, ensure_ascii=False)
    return _JSON_UNSAFE_IN_YAML.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)
