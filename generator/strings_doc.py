"""``playbook strings``: every interface string with its text and placeholders, as a table to
read or as a ``strings:`` block to paste into a playbook (generator/translations/ holds such
blocks)."""

from __future__ import annotations

from collections.abc import Mapping

from .front_matter import yaml_scalar
from .ui import ALL_STRINGS, STRING_GROUPS, braced, interface_strings, placeholders

#: The widest the table's column of placeholders gets.
PLACEHOLDER_COLUMN = 20


def strings_table(language: str | None = None) -> str:
    """One line per key, grouped by where the strings are shown: the key, the names of its
    placeholders and its text (English, or the translation that ships for ``language``)."""
    texts = interface_strings(language, {})
    width = max(len(key) for key in ALL_STRINGS)
    marks = {key: " ".join(placeholders(text)) for key, text in ALL_STRINGS.items()}
    # A string with many placeholders pushes its text along rather than every row's.
    room = min(max(len(mark) for mark in marks.values()), PLACEHOLDER_COLUMN)
    lines: list[str | None] = []
    for title, group in STRING_GROUPS.items():
        lines += ["" if lines else None, f"Strings {title}:"]
        lines.append(f"  {'KEY':<{width}}  {'PLACEHOLDERS':<{room}}  TEXT ({language or 'en'})")
        lines += [f"  {key:<{width}}  {marks[key]:<{room}}  {texts[key]}" for key in group]
    return "\n".join(line.rstrip() for line in lines if line is not None) + "\n"


def strings_block(strings: Mapping[str, str], header: str = "") -> str:
    """``strings`` (every key, in the tool's order) as a YAML ``strings:`` block that a
    playbook can take as it is; each key with placeholders says which above it."""
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    lines.append("strings:")
    for title, group in STRING_GROUPS.items():
        lines.append(f"  # Strings {title}.")
        for key in group:
            names = placeholders(ALL_STRINGS[key])
            if names:
                lines.append(f"  # {key}: keep {braced(names)}")
            lines.append(f"  {key}: {yaml_scalar(strings[key])}")
    return "\n".join(lines) + "\n"


def strings_yaml(language: str | None = None) -> str:
    """The ``strings:`` block of ``playbook strings --format yaml``."""
    shown = "English" if language is None else f"the translation that ships for '{language}'"
    return strings_block(
        interface_strings(language, {}),
        f"The tool's interface strings in {shown}: paste this block into a playbook and change\n"
        "the words you want (leave out the others). A string must keep the placeholders in\n"
        "braces that the English one has: they are filled in where it is shown.",
    )
