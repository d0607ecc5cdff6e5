"""What the project's ``mkdocs.yml`` may not enable: Markdown extensions that include files.

playbook converts every content field itself. An extension such as ``pymdownx.snippets``
replaces a line like ``--8<-- ".env"`` with that file's text, so a content field could
publish any file the build can read: the project's own, or others when building from a
parent folder. The file is composed (not constructed) to find each entry's line and column:
composition reads MkDocs' own tags (``!ENV``, ``!!python/name:...``) without acting on them.
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
    return [
        Problem(
            Location(file, node.start_mark.line + 1, node.start_mark.column + 1),
            format_key_path(key_path),
            f"the Markdown extension '{name}' is not allowed: playbook converts the content "
            "itself, and an extension that includes files into pages could publish the "
            "project's files",
        )
        for key_path, name, node in _extensions(root)
        if any(word in name.lower() for word in INCLUDING)
    ]


def _extensions(root: Node | None) -> list[tuple[KeyPath, str, Node]]:
    """Each entry of ``markdown_extensions``: its key path, its name and its node. MkDocs
    takes a list of names and one-key mappings, or a mapping of names to settings."""
    found: list[tuple[KeyPath, str, Node]] = []
    if not isinstance(root, MappingNode):
        return found
    for key, value in root.value:
        if not (isinstance(key, ScalarNode) and key.value == "markdown_extensions"):
            continue
        if isinstance(value, SequenceNode):
            for index, item in enumerate(value.value):
                name = item
                if isinstance(item, MappingNode) and len(item.value) == 1:
                    name = item.value[0][0]
                if isinstance(name, ScalarNode):
                    found.append((("markdown_extensions", index), str(name.value), item))
        elif isinstance(value, MappingNode):
            for name, _settings in value.value:
                if isinstance(name, ScalarNode):
                    found.append((("markdown_extensions", str(name.value)), name.value, name))
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
