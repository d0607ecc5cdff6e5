"""A plain Material site of the very same generated Markdown, for comparison.

"Plain" is the generated mkdocs.yml without anything of the tool's own: no theme overrides,
no stylesheet or script of its own, no hooks, no ``extra``. Theme, features, palette, plugins
(search, tags) and Markdown extensions stay as they are; so does ``theme.font: false``, since
Google Fonts cannot be reached here and would only make plain Material slower and heavier.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator._mkdocs_yaml import dump_mkdocs_config, read_mkdocs_config

OWN_KEYS = ("extra_css", "extra_javascript", "hooks", "extra")


def flat_nav(nav: list[Any]) -> list[Any]:
    """The same pages with every section's pages listed in one flat section."""

    def pages(value: Any) -> list[Any]:
        if isinstance(value, list):
            return [page for entry in value for page in pages(entry)]
        if isinstance(value, dict):
            return [
                page
                for title, inner in value.items()
                for page in (pages(inner) if isinstance(inner, list) else [{title: inner}])
            ]
        return [value]

    flat: list[Any] = []
    for entry in nav:
        if isinstance(entry, dict) and any(isinstance(v, list) for v in entry.values()):
            flat.append({title: pages(value) for title, value in entry.items()})
        else:
            flat.append(entry)
    return flat


def write_plain_config(
    generated: Path, out: Path, site_dir: Path, *, flat: bool = False, site_url: str | None = None
) -> Path:
    """Write the plain config of the docs tree whose mkdocs.yml is ``generated`` to ``out``."""
    config = read_mkdocs_config(generated)
    config["docs_dir"] = str(generated.parent / "docs")
    config["site_dir"] = str(site_dir)
    if site_url is not None:
        config["site_url"] = site_url
    theme = config.get("theme")
    if isinstance(theme, dict):
        theme.pop("custom_dir", None)
    for key in OWN_KEYS:
        config.pop(key, None)
    if flat:
        config["nav"] = flat_nav(config["nav"])
    out.write_text(dump_mkdocs_config(config), encoding="utf-8")
    return out
