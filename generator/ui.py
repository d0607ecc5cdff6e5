"""The tool's own words, in English, with the translations that ship with it; and the settings
the browser script is built with.

Every text the site shows besides the content comes from these strings, which a playbook's
``strings`` may change key by key: ``DEFAULT_STRINGS`` the browser script shows (the build
prepends ``window.PLAYBOOK_CONFIG`` to the script, which fills in their placeholders),
``PAGE_STRINGS`` the generated pages and their navigation carry, ``SITE_STRINGS`` the rest of
the site (the ``build --all`` index page, the theme's colour scheme switch, footer and 404
page). A translation in ``generator/translations/LANGUAGE.yaml`` is used for a playbook whose
``language`` is LANGUAGE; the playbook's own ``strings`` win over it.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Collection, Mapping, Sequence
from importlib import resources

import yaml

from .scripts import styled_parts

# The English words themselves (strings_en.py), named here with the rest of the interface's.
from .strings_en import DEFAULT_STRINGS as DEFAULT_STRINGS
from .strings_en import PAGE_STRINGS as PAGE_STRINGS
from .strings_en import SITE_STRINGS as SITE_STRINGS

#: Version of what the script stores; part of every storage key and of export files. The
#: script has no other: it reads this one from ``window.PLAYBOOK_CONFIG`` (script_config)
#: and migrates what older versions stored.
STORAGE_VERSION = 5

#: Every string a playbook's ``strings`` may set.
ALL_STRINGS: dict[str, str] = {**DEFAULT_STRINGS, **PAGE_STRINGS, **SITE_STRINGS}

#: Strings the interface no longer has, with what took their place: a playbook that still
#: sets one is told what to do instead of only that the key is unknown.
RETIRED_STRINGS: dict[str, str] = {
    "team_full": (
        "the team page no longer keeps pasted codes, so its box is never full: a member's "
        "link is read into the tally ('team_added')"
    ),
    "team_widest": (
        "the team page now names each most divided dimension with its own range: put your "
        "words in 'team_divided' ({items}) and 'team_divided_item' ({title}, {low}, {high})"
    ),
    "team_few": (
        "below the threshold the team page now shows only how many answers it has: put your "
        "words in 'team_needed' ({count}, {threshold})"
    ),
    "team_spread_hidden": (
        "below the threshold the team page now shows only how many answers it has: put your "
        "words in 'team_needed' ({count}, {threshold})"
    ),
}

#: Where each group of strings is shown, for ``playbook strings`` and the playbook's schema.
STRING_GROUPS: dict[str, Mapping[str, str]] = {
    "shown by the browser script": DEFAULT_STRINGS,
    "on the generated pages and in the navigation": PAGE_STRINGS,
    "elsewhere on the site (the build --all index page, the theme)": SITE_STRINGS,
}

#: A placeholder: ``{name}``, filled in where the string is shown. Other braces are text.
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(text: str, values: Mapping[str, object]) -> str:
    """``text`` with its ``{name}`` placeholders filled in; unknown ones stay as they are."""
    return PLACEHOLDER.sub(
        lambda match: str(values[match[1]]) if match[1] in values else match[0],
        text,
    )


def placeholders(text: str) -> list[str]:
    """The names of the placeholders in ``text``, each once, in the order they first appear."""
    return list(dict.fromkeys(PLACEHOLDER.findall(text)))


def braced(names: Sequence[str]) -> str:
    """``["done", "total"]`` as ``{done} and {total}``."""
    shown = [f"{{{name}}}" for name in names]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def placeholder_problem(key: str, text: str) -> str | None:
    """What is wrong with the placeholders of ``text``, written for string ``key``: it must
    have exactly those of the English text (each as often as it likes). None when it does."""
    expected = placeholders(ALL_STRINGS[key])
    found = placeholders(text)
    unknown = [name for name in found if name not in expected]
    missing = [name for name in expected if name not in found]
    if not unknown and not missing:
        return None
    parts = []
    if unknown:
        parts.append(f"unknown placeholder{'s' * (len(unknown) > 1)} {braced(unknown)}")
    if missing:
        noun = "" if unknown else f" placeholder{'s' * (len(missing) > 1)}"
        parts.append(f"missing{noun} {braced(missing)}")
    english = f"has {braced(expected)}" if expected else "has no placeholders"
    return f"{'; '.join(parts)} (the English text {english})"


TRANSLATIONS = "translations"


@functools.cache
def translation(language: str | None) -> dict[str, str]:
    """The interface strings that ship with the tool for ``language`` (empty when none do):
    ``generator/translations/LANGUAGE.yaml``, a ``strings:`` block like a playbook's."""
    if language is None:
        return {}
    file = resources.files("generator") / TRANSLATIONS / f"{language}.yaml"
    if not file.is_file():
        return {}
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    return {key: str(value) for key, value in data["strings"].items() if key in ALL_STRINGS}


def translated_languages() -> list[str]:
    """The languages whose interface strings ship with the tool."""
    folder = resources.files("generator") / TRANSLATIONS
    return sorted(
        entry.name.removesuffix(".yaml")
        for entry in folder.iterdir()
        if entry.name.endswith(".yaml")
    )


def interface_strings(language: str | None, strings: Mapping[str, str]) -> dict[str, str]:
    """Every interface string of a playbook: English, then the translation that ships for its
    ``language``, then its own ``strings``."""
    return {**ALL_STRINGS, **translation(language), **strings}


def script_config(
    site: str, strings: Mapping[str, str] | None = None, keys: Collection[str] | None = None
) -> str:
    """The line the build puts before the script: the storage namespace, the version of what
    is stored (the script's only one), the parts with a stylesheet of their own and the words
    (those of ``keys`` alone when given: each part's script adds its own)."""
    # Only the script's own words: the page words are already in the pages.
    chosen = {key: value for key, value in (strings or {}).items() if key in DEFAULT_STRINGS}
    words = {**DEFAULT_STRINGS, **chosen}
    if keys is not None:
        words = {key: value for key, value in words.items() if key in keys}
    config = {"site": site, "version": STORAGE_VERSION, "styles": styled_parts(), "strings": words}
    text = json.dumps(config, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # Safe anywhere a script may end up, even inlined in HTML.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.PLAYBOOK_CONFIG = {text};\n"
