"""Reading and writing ``mkdocs.yml`` without losing MkDocs' own YAML tags.

A project's ``mkdocs.yml`` may hold tags such as ``!ENV`` or ``!!python/name:...`` that only
MkDocs understands. They are kept as opaque values and written back unchanged, so the
generated configuration is the project's own plus what the playbook sets.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Tagged:
    """A YAML value carrying a tag this tool does not interpret."""

    tag: str
    value: Any


class _Loader(yaml.SafeLoader):
    pass


#: libyaml's emitter when PyYAML has it: a large playbook's navigation is thousands of lines.
_EMITTER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_EMITTER):  # type: ignore[misc]
    pass


def _construct_tagged(loader: _Loader, tag_suffix: str, node: yaml.Node) -> Tagged:
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    return Tagged(node.tag, value)


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_Loader.add_multi_constructor("!", _construct_tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
_Dumper.add_representer(Tagged, _represent_tagged)


def read_mkdocs_config(path: Path) -> dict[str, Any]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
    return data if isinstance(data, dict) else {}


def dump_mkdocs_config(config: dict[str, Any]) -> str:
    return yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
