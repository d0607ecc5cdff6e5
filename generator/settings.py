"""A playbook's own settings, checked against what Material and the tool know: the interface
language, the tool's interface strings and the palette's colours."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Any

from ._pydantic_errors import suggest
from .content import Collector
from .errors import Problem, format_key_path
from .loader import SourceMap
from .ui import ALL_STRINGS

#: Material's colour names (https://squidfunk.github.io/mkdocs-material/setup/changing-the-colors/).
ACCENT_COLOURS = [
    "red", "pink", "purple", "deep-purple", "indigo", "blue", "light-blue", "cyan", "teal",
    "green", "light-green", "lime", "yellow", "amber", "orange", "deep-orange",
]  # fmt: skip
PRIMARY_COLOURS = [*ACCENT_COLOURS, "brown", "grey", "blue-grey", "black", "white"]
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def known_languages() -> list[str]:
    """The languages Material's interface speaks (theme.language)."""
    folder = Path(str(resources.files("material"))) / "templates" / "partials" / "languages"
    return sorted(path.stem for path in folder.glob("*.html") if path.stem != "custom")


def check_settings(check: Collector, data: dict[str, Any], source: SourceMap) -> None:
    """Language, interface strings and palette colours of a playbook's own file."""
    language = data.get("language")
    if isinstance(language, str):
        languages = known_languages()
        if language not in languages:
            check.add(
                source,
                ("language",),
                f"unknown language '{language}'{suggest(language, languages)}",
            )
    strings = data.get("strings")
    if isinstance(strings, dict):
        for key in strings:
            if key not in ALL_STRINGS:
                check.problems.append(
                    Problem(
                        source.locate(("strings", key), key=True),
                        format_key_path(("strings", key)),
                        f"unknown interface string '{key}'{suggest(key, ALL_STRINGS)}",
                    )
                )
    site = data.get("site")
    palette = site.get("palette") if isinstance(site, dict) else None
    if isinstance(palette, dict):
        for key, names in (("primary", PRIMARY_COLOURS), ("accent", ACCENT_COLOURS)):
            value = palette.get(key)
            if value is None and key in palette:
                _check_commented_colour(check, source, key)
            if isinstance(value, str) and value not in names and not HEX_COLOUR.fullmatch(value):
                check.add(
                    source,
                    ("site", "palette", key),
                    f"unknown colour '{value}'{suggest(value, names)}: use one of Material's "
                    f"colour names or a colour like '#00796b'",
                )


def _check_commented_colour(check: Collector, source: SourceMap, key: str) -> None:
    """``primary: #0b5d75`` is an empty value and a comment in YAML: say so, not indigo."""
    where = source.locate(("site", "palette", key), key=True)
    try:
        line = Path(where.file).read_text(encoding="utf-8-sig").splitlines()[where.line - 1]
    except (OSError, UnicodeDecodeError, IndexError):
        return
    if "#" not in line:
        return
    colour = line[line.index("#") :].split()[0]
    check.problems.append(
        Problem(
            where,
            format_key_path(("site", "palette", key)),
            f"no colour given: in YAML a '#' starts a comment, so '{colour}' is not read; "
            f'put the colour in quotes: {key}: "{colour}"',
        )
    )
