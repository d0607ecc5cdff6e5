"""A playbook's own settings, checked against what Material and the tool know: the interface
language, the tool's interface strings and the palette's colours."""

from __future__ import annotations

import difflib
import functools
import re
from importlib import resources
from pathlib import Path
from typing import Any

from ._pydantic_errors import suggest
from .content import Collector
from .errors import Problem, format_key_path
from .loader import SourceMap
from .ui import ALL_STRINGS, RETIRED_STRINGS, placeholder_problem

#: Material's colour names (https://squidfunk.github.io/mkdocs-material/setup/changing-the-colors/).
ACCENT_COLOURS = [
    "red", "pink", "purple", "deep-purple", "indigo", "blue", "light-blue", "cyan", "teal",
    "green", "light-green", "lime", "yellow", "amber", "orange", "deep-orange",
]  # fmt: skip
PRIMARY_COLOURS = [*ACCENT_COLOURS, "brown", "grey", "blue-grey", "black", "white"]
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
#: Material's primary colours as #rrggbb (its palette stylesheet's --md-primary-fg-color), for
#: pages the theme does not build (the ``build --all`` index page); teal is the tool's darker
#: teal (playbook.css), as on the playbooks' own pages.
PRIMARY_HEX = {
    "red": "#ef5552", "pink": "#e92063", "purple": "#ab47bd", "deep-purple": "#7e56c2",
    "indigo": "#4051b5", "blue": "#2094f3", "light-blue": "#02a6f2", "cyan": "#00bdd6",
    "teal": "#00796b", "green": "#4cae4f", "light-green": "#8bc34b", "lime": "#cbdc38",
    "yellow": "#ffec3d", "amber": "#ffc105", "orange": "#ffa724", "deep-orange": "#ff6e42",
    "brown": "#795649", "grey": "#757575", "blue-grey": "#546d78", "black": "#14151a",
    "white": "#ffffff",
}  # fmt: skip
#: Material's primary colour where neither the playbook nor mkdocs.yml chooses one.
DEFAULT_PRIMARY = "indigo"


def colour_hex(colour: str | None) -> str:
    """A palette colour (a Material name or #rrggbb) as #rrggbb."""
    if colour is not None and HEX_COLOUR.fullmatch(colour):
        return colour.lower()
    return PRIMARY_HEX.get(colour or DEFAULT_PRIMARY, PRIMARY_HEX[DEFAULT_PRIMARY])


def contrast(first: str, second: str) -> float:
    """WCAG's contrast ratio of two #rrggbb colours (1 to 21)."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@functools.cache
def known_languages() -> list[str]:
    """The languages Material's interface speaks (theme.language)."""
    folder = Path(str(resources.files("material"))) / "templates" / "partials" / "languages"
    return sorted(path.stem for path in folder.glob("*.html") if path.stem != "custom")


#: Names of Material's languages that CLDR (through Babel) does not know.
_EXTRA_NAMES = {"sh": "Serbo-Croatian"}


@functools.cache
def language_names() -> dict[str, tuple[str, ...]]:
    """Each of Material's language codes with its English name first, then its own name
    ("de": German, Deutsch), from Babel's copy of CLDR (Material depends on Babel)."""
    from babel import Locale, UnknownLocaleError  # only needed when a language is wrong

    names: dict[str, tuple[str, ...]] = {}
    for code in known_languages():
        try:
            locale = Locale.parse(code.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            names[code] = (_EXTRA_NAMES[code],) if code in _EXTRA_NAMES else ()
            continue
        found = [locale.get_display_name("en"), locale.get_display_name()]
        names[code] = tuple(dict.fromkeys(name for name in found if name))
    return names


def language_suggestion(value: str) -> str:
    """`` (did you mean 'de', German?)`` for a language code written another way ('DE',
    'de_AT', 'deu'), a language's name in English or in itself ('german', 'Deutsch'), or one
    close to those; '' when nothing is close."""
    names = language_names()
    codes = {code.lower(): code for code in names}
    folded = value.strip().replace("_", "-").lower()
    named = {name.lower(): code for code, found in names.items() for name in found}
    code = (
        codes.get(folded)
        or codes.get(folded.split("-")[0])
        or named.get(folded)
        or (codes.get(folded[:2]) if len(folded) == 3 and folded.isalpha() else None)
    )
    if code is None:
        close = difflib.get_close_matches(folded, list(named), n=1, cutoff=0.75)
        code = named[close[0]] if close else None
    if code is None:
        close = difflib.get_close_matches(value, list(names), n=1, cutoff=0.6)
        code = close[0] if close else None
    if code is None:
        return ""
    name = f", {names[code][0]}" if names[code] else ""
    return f" (did you mean '{code}'{name}?)"


def check_settings(check: Collector, data: dict[str, Any], source: SourceMap) -> None:
    """Language, interface strings and palette colours of a playbook's own file."""
    language = data.get("language")
    if isinstance(language, str):
        languages = known_languages()
        if language not in languages:
            check.add(
                source,
                ("language",),
                f"unknown language '{language}'"
                + (
                    language_suggestion(language)
                    or ": use the code of a language Material speaks, such as 'en', 'de', 'fr' "
                    "or 'pt-BR'"
                ),
            )
    strings = data.get("strings")
    if isinstance(strings, dict):
        for key in strings:
            if key not in ALL_STRINGS:
                check.problems.append(
                    Problem(
                        source.locate(("strings", key), key=True),
                        format_key_path(("strings", key)),
                        f"interface string '{key}' is no longer used: {RETIRED_STRINGS[key]}"
                        if key in RETIRED_STRINGS
                        else f"unknown interface string '{key}'{suggest(key, ALL_STRINGS)}",
                    )
                )
            elif isinstance(strings[key], str):
                problem = placeholder_problem(key, strings[key])
                if problem is not None:
                    check.add(source, ("strings", key), problem)
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
