"""What the project's ``mkdocs.yml`` may not enable: Markdown extensions that include files,
and plugins (or their Zensical stand-ins) that rewrite the pages' HTML.

playbook converts every content field itself. An extension such as ``pymdownx.snippets``
replaces a line like ``--8<-- ".env"`` with that file's text, so a content field could
publish any file the build can read: the project's own, or others when building from a
parent folder. Some plugins rewrite the HTML the generator wrote after it was made safe, and
Zensical, which runs no MkDocs plugin, maps their names onto Markdown extensions of its own
that do the same (docs/pages/security.md): GLightbox copies an image's alt text into a caption
shown as HTML and loads its script from another host, the video and audio plugins turn an
image into a frame loading any address. So the HTML would no longer be what the generator
wrote, on one engine or the other. The file is composed (not constructed) to find each entry's
line and column: composition reads MkDocs' own tags (``!ENV``, ``!!python/name:...``) without
acting on them.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Location, Problem, display_path, format_key_path
from .loader import KeyPath, yaml_problem

#: Words in an extension's name that mark it as one that includes files into pages
#: (pymdownx.snippets, markdown_include.include, mdx_include, ...).
INCLUDING = ("snippets", "include")

#: Plugins whose MkDocs plugin or Zensical stand-in rewrites the pages' HTML or fills pages
#: from elsewhere, and what each would do to a playbook's pages.
REWRITING_PLUGINS = {
    "glightbox": "it wraps images in a lightbox that loads its script from another host and "
    "shows their alt text as HTML",
    "mkdocs-video": "it turns images into players or frames that load any address",
    "mkdocs-audio": "it turns images into players that load any address",
    "macros": "it runs template code in the pages",
    "markdownextradata": "it fills the pages from data files",
    "table-reader": "it reads files into the pages",
    "include-markdown": "it includes files into the pages",
    "markdown-exec": "it runs code in the pages",
    "mkdocstrings": "it rewrites the pages' links and headings",
    "autorefs": "it rewrites the pages' links",
}
#: Zensical's own Markdown extensions for the same plugins, by the plugin they stand in for.
ZENSICAL_EXTENSIONS = {
    "zensical.extensions.glightbox": "glightbox",
    "zensical.extensions.media": "mkdocs-video",
    "zensical.extensions.macros": "macros",
    "zensical.extensions.markdownextradata": "markdownextradata",
    "zensical.extensions.table_reader": "table-reader",
    "zensical.extensions.include_markdown": "include-markdown",
    "zensical.extensions.mkdocstrings": "mkdocstrings",
    "zensical.extensions.autorefs": "autorefs",
}


def mkdocs_problems(path: Path) -> list[Problem]:
    """Every file-inclusion extension ``path`` enables, located; none when there is no file
    (the build says that the project has no mkdocs.yml)."""
    if not path.is_file():
        return []
    file = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except UnicodeDecodeError:
        return [Problem(Location(file), "", "the file is not valid UTF-8 text")]
    except yaml.MarkedYAMLError as error:
        return [yaml_problem(file, error, text)]
    except (OSError, yaml.YAMLError, RecursionError) as error:
        return [Problem(Location(file), "", f"cannot read the file: {error}")]
    problems = []
    for key_path, name, node in _extensions(root):
        where = Location(file, node.start_mark.line + 1, node.start_mark.column + 1)
        if name in ZENSICAL_EXTENSIONS:
            plugin = ZENSICAL_EXTENSIONS[name]
            message = (
                f"the Markdown extension '{name}' is not allowed: it does what the plugin "
                f"'{plugin}' does, and {REWRITING_PLUGINS[plugin]}, after playbook made the "
                "content safe"
            )
        elif any(word in name.lower() for word in INCLUDING):
            message = (
                f"the Markdown extension '{name}' is not allowed: playbook converts the content "
                "itself, and an extension that includes files into pages could publish the "
                "project's files"
            )
        else:
            continue
        problems.append(Problem(where, format_key_path(key_path), message))
    for key_path, name, node in _entries(root, "plugins"):
        if name in REWRITING_PLUGINS:
            problems.append(
                Problem(
                    Location(file, node.start_mark.line + 1, node.start_mark.column + 1),
                    format_key_path(key_path),
                    f"the plugin '{name}' is not allowed: {REWRITING_PLUGINS[name]}, after "
                    "playbook made the content safe (on MkDocs as a plugin, on Zensical as its "
                    "own Markdown extension); remove it from plugins",
                )
            )
    return problems


def _extensions(root: Node | None) -> list[tuple[KeyPath, str, Node]]:
    """Each entry of ``markdown_extensions`` (see ``_entries``)."""
    return _entries(root, "markdown_extensions")


def _entries(root: Node | None, section: str) -> list[tuple[KeyPath, str, Node]]:
    """Each entry of ``section`` (``markdown_extensions`` or ``plugins``): its key path, its
    name and its node. MkDocs takes a list of names and one-key mappings, or a mapping of
    names to settings."""
    found: list[tuple[KeyPath, str, Node]] = []
    if not isinstance(root, MappingNode):
        return found
    for key, value in root.value:
        if not (isinstance(key, ScalarNode) and key.value == section):
            continue
        if isinstance(value, SequenceNode):
            for index, item in enumerate(value.value):
                name = item
                if isinstance(item, MappingNode) and len(item.value) == 1:
                    name = item.value[0][0]
                if isinstance(name, ScalarNode):
                    found.append(((section, index), str(name.value), item))
        elif isinstance(value, MappingNode):
            for name, _settings in value.value:
                if isinstance(name, ScalarNode):
                    found.append(((section, str(name.value)), name.value, name))
    return found


def plugin_option_place(path: Path, plugin: str, option: str) -> tuple[Location, str]:
    """Where ``option`` of ``plugin`` is set in ``path``: its location and key path, as
    ``plugins[2].playbook.playbook``; the file itself where it cannot be found."""
    file = display_path(path)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        return Location(file, 0), ""
    plugins = _value(root, "plugins")
    entries: list[tuple[str | int, Node]] = []
    if isinstance(plugins, SequenceNode):
        entries = list(enumerate(plugins.value))
    elif isinstance(plugins, MappingNode):
        entries = [(plugin, plugins)]
    for index, entry in entries:
        settings = _value(entry, plugin)
        value = _value(settings, option)
        if value is not None:
            key_path: KeyPath = ("plugins", index, plugin, option)
            if isinstance(index, str):
                key_path = ("plugins", plugin, option)
            where = Location(file, value.start_mark.line + 1, value.start_mark.column + 1)
            return where, format_key_path(key_path)
    return Location(file, 0), ""


def _value(node: Node | None, key: str) -> Node | None:
    """The value of ``key`` in the mapping ``node``; None if it is not one or has no such key."""
    if not isinstance(node, MappingNode):
        return None
    for key_node, value in node.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return value if isinstance(value, Node) else None
    return None
