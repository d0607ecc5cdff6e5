"""The generated mkdocs.yml: the project's own, made into the docs tree's by the playbook.

One builder for every route: ``playbook build``, ``render`` and ``serve`` write it into the
docs tree (docs_tree.py), and the MkDocs plugin applies the same file to the configuration
MkDocs loaded from the root mkdocs.yml (plugin.py), so that both routes give the same site.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ._mkdocs_yaml import read_mkdocs_config
from .errors import PlaybookError, display_path
from .playbook_schema import Playbook
from .project import Project
from .safe_html import html_text
from .scripts import EVERY_PAGE
from .site_folder import TREE_SITE
from .ui import SITE_STRINGS, interface_strings

ASSET_FOLDER = "assets"
#: Theme overrides of the tool (and of the project, copied over them) in the generated tree.
OVERRIDES_FOLDER = "overrides"


def playbook_settings(
    project: Project,
    name: str,
    nav: list[Any],
    site_url: str | None = None,
    base_extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The mkdocs.yml settings a playbook decides: names, address, navigation, ``extra``."""
    playbook = project.playbook(name).model
    site = playbook.site
    if site_url is not None:
        site = site.model_copy(update={"url": site_url})
    # Material puts these into its pages unescaped (the description and author inside quoted
    # attributes): they are plain text in the playbook, so they are escaped into HTML here.
    settings: dict[str, Any] = {
        "site_name": html_text(site.name),
        "site_description": html_text(site.description),
        "nav": _escaped_nav(nav),
    }
    for key, value in (("site_author", site.author), ("copyright", site.copyright)):
        if value is not None:
            settings[key] = html_text(value)
    if site.url is not None:
        settings["site_url"] = site.url
    # The footer's credit line and the 404 page's heading in the playbook's words (the theme
    # overrides partials/copyright.html and 404.html), as HTML: the themes print config
    # values as they are.
    strings = interface_strings(playbook.language, playbook.strings)
    settings["extra"] = {
        **(base_extra or {}),
        "playbook_made_with": html_text(strings["made_with"]),
        "playbook_not_found": html_text(strings["not_found"]),
    }
    return settings


def _escaped_nav(entries: list[Any]) -> list[Any]:
    """Navigation titles as HTML (Material writes them into every page unescaped)."""
    escaped: list[Any] = []
    for entry in entries:
        if isinstance(entry, dict):
            escaped.append(
                {
                    html_text(title): _escaped_nav(value) if isinstance(value, list) else value
                    for title, value in entry.items()
                }
            )
        else:
            escaped.append(entry)
    return escaped


def generated_assets(existing: list[Any], suffix: str) -> list[Any]:
    """The tool's assets first, so a project's own extra_css and extra_javascript come later."""
    ours = [f"{ASSET_FOLDER}/{file}" for file in EVERY_PAGE if file.endswith(suffix)]
    return ours + [entry for entry in existing if entry not in ours]


def generated_config(
    project: Project,
    name: str,
    out_dir: Path,
    nav: list[Any],
    site_url: str | None,
    base: dict[str, Any],
) -> dict[str, Any]:
    """The project's mkdocs.yml (``base``) made into the docs tree's in ``out_dir``: the one
    configuration every route builds with (``playbook build``, ``serve``, ``render`` and the
    MkDocs plugin), so that all of them give the same site."""
    config = dict(base)

    def moved(value: Any) -> Any:
        # Paths in mkdocs.yml are relative to the file; the copy lives in another folder.
        if isinstance(value, str) and not Path(value).is_absolute():
            return os.path.relpath(project.root / value, out_dir)
        return value

    extra = config.get("extra")
    config.update(
        playbook_settings(project, name, nav, site_url, extra if isinstance(extra, dict) else None)
    )
    config["docs_dir"] = "docs"
    apply_branding(config, project.playbook(name).model)
    # Built as it stands (`mkdocs build -f`, `zensical build -f`), the tree builds into a
    # folder of its own: never into the project's site folder, past the tool's checks.
    # Zensical accepts no site_dir outside the config file's folder.
    config["site_dir"] = TREE_SITE
    theme = config.setdefault("theme", {"name": "material"})
    # The project's own overrides are copied over the tool's (see _theme_overrides).
    theme["custom_dir"] = OVERRIDES_FOLDER
    for key in ("hooks", "watch"):
        if isinstance(config.get(key), list):
            config[key] = [moved(entry) for entry in config[key]]
    # Material fetches Google Fonts unless told not to; readers' browsers must not leave the site.
    theme["font"] = False
    # Unpruned, Material writes every page of every section into each page: with the practice
    # sections of a large playbook (see render.practice_nav) that grows with the square of the
    # pages. Pruning changes nothing on a site without nested sections; it conflicts with
    # navigation.expand, so a project choosing that keeps it.
    # The templates give headings their ids with attribute lists (see render._heading).
    extensions = config.get("markdown_extensions") or []
    if isinstance(extensions, list) and not any(
        entry == "attr_list" or (isinstance(entry, dict) and "attr_list" in entry)
        for entry in extensions
    ):
        config["markdown_extensions"] = [*extensions, "attr_list"]
    features = theme.get("features", [])
    if isinstance(features, list) and not {"navigation.prune", "navigation.expand"} & {*features}:
        theme["features"] = [*features, "navigation.prune"]
    plugins = config.get("plugins", [])
    config["plugins"] = [p for p in plugins if p != "playbook" and not _is_plugin(p, "playbook")]
    config["extra_css"] = generated_assets(list(config.get("extra_css", [])), ".css")
    config["extra_javascript"] = generated_assets(list(config.get("extra_javascript", [])), ".js")
    return config


def project_config(project: Project) -> dict[str, Any]:
    """The project's own mkdocs.yml, which the docs tree's is made from."""
    base_file = project.root / "mkdocs.yml"
    if not base_file.is_file():
        raise PlaybookError(f"{display_path(base_file)}: the project has no mkdocs.yml")
    return read_mkdocs_config(base_file)


BRAND_FOLDER = f"{ASSET_FOLDER}/brand"


def brand_file(kind: str, path: str) -> str:
    return f"{BRAND_FOLDER}/{kind}{Path(path).suffix.lower()}"


#: The colour scheme switch's names that the tool's words replace: mkdocs.yml's own words
#: stay as written unless they are these (the English of the ``palette_to_*`` strings).
TOGGLE_STRINGS = {SITE_STRINGS[key]: key for key in ("palette_to_dark", "palette_to_light")}


def apply_branding(config: dict[str, Any], playbook: Playbook) -> None:
    """The playbook's language, logo, favicon and colours, in the theme settings; and the
    colour scheme switch's names in its words where mkdocs.yml gives the English ones."""
    theme = config.setdefault("theme", {"name": "material"})
    if playbook.language is not None:
        theme["language"] = playbook.language
    strings = interface_strings(playbook.language, playbook.strings)
    schemes = theme.get("palette")
    for scheme in schemes if isinstance(schemes, list) else [schemes]:
        toggle = scheme.get("toggle") if isinstance(scheme, dict) else None
        name = toggle.get("name") if isinstance(toggle, dict) else None
        if isinstance(toggle, dict) and isinstance(name, str) and name in TOGGLE_STRINGS:
            # Material writes the name into attributes as it is: escaped here.
            scheme["toggle"] = {**toggle, "name": html_text(strings[TOGGLE_STRINGS[name]])}
    for kind in ("logo", "favicon"):
        path = getattr(playbook.site, kind)
        if path is not None:
            theme[kind] = brand_file(kind, path)
    palette = playbook.site.palette
    if palette is None:
        return
    schemes = theme.get("palette") or [{}]
    for scheme in schemes if isinstance(schemes, list) else [schemes]:
        for key in ("primary", "accent"):
            colour = getattr(palette, key)
            if colour is not None and isinstance(scheme, dict):
                scheme[key] = "custom" if colour.startswith("#") else colour
    theme["palette"] = schemes


def brand_stylesheet(playbook: Playbook) -> str:
    """CSS for colours given as '#rrggbb', which Material calls 'custom'."""
    palette = playbook.site.palette
    rules = []
    if palette is not None and palette.primary is not None and palette.primary.startswith("#"):
        rules.append(
            f'[data-md-color-primary="custom"] {{ --md-primary-fg-color: {palette.primary}; '
            f"--md-primary-fg-color--light: {palette.primary}; "
            f"--md-primary-fg-color--dark: {palette.primary}; }}"
        )
    if palette is not None and palette.accent is not None and palette.accent.startswith("#"):
        rules.append(
            f'[data-md-color-accent="custom"] {{ --md-accent-fg-color: {palette.accent}; '
            f"--md-accent-fg-color--transparent: {palette.accent}1a; }}"
        )
    return "".join(f"\n/* The playbook's colours. */\n{rule}\n" for rule in rules)


def _is_plugin(entry: Any, name: str) -> bool:
    return isinstance(entry, dict) and name in entry
