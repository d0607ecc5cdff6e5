"""JSON Schemas of the content and playbook files, for editors and other tools.

``playbook schema`` prints them; ``playbook new`` writes them into a project, and its YAML
files name them in a ``yaml-language-server`` comment so that editors complete and check keys.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter

from . import field_types, playbook_schema, schema
from .errors import PlaybookError, display_path
from .settings import known_languages
from .ui import ALL_STRINGS, braced, placeholders

CONTENT_KINDS: dict[str, type[BaseModel]] = {
    "practice": schema.Practice,
    "scales": schema.Scales,
    "health-check": schema.HealthCheck,
    "team": schema.TeamCheck,
    "troubleshooting": schema.Troubleshooting,
    "home": schema.Home,
    "sources": schema.Sources,
}
KINDS = ["playbook", *CONTENT_KINDS]
ID_ENTRIES = ("ChecklistItem", "Question", "Band")


def _without_required(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: _without_required(value) for key, value in node.items() if key != "required"}
    if isinstance(node, list):
        return [_without_required(value) for value in node]
    return node


def _partial_practice() -> dict[str, Any]:
    """A practice with every key optional, as ``overrides.practices.ID`` takes it."""
    practice = _without_required(schema.Practice.model_json_schema())
    defs = practice.pop("$defs", {})
    for name in ID_ENTRIES:
        if name in defs:
            defs[name]["properties"]["add"] = {
                "const": True,
                "description": "A new entry, added after the extended playbook's entries.",
            }
            defs[name]["properties"]["remove"] = {
                "const": True,
                "description": "Drop the extended playbook's entry with this id.",
            }
    text = json.dumps({"practice": practice, "defs": defs}).replace(
        '"#/$defs/', '"#/$defs/Partial'
    )
    renamed = json.loads(text)
    renamed["defs"] = {f"Partial{name}": value for name, value in renamed["defs"].items()}
    return renamed  # type: ignore[no-any-return]


def _strings_schema() -> dict[str, Any]:
    """``strings``: every interface string by key, its English text as its description."""
    properties = {}
    for key, text in ALL_STRINGS.items():
        names = placeholders(text)
        keep = f"\n\nPlaceholders to keep: {braced(names)}." if names else ""
        properties[key] = {
            "type": "string",
            "minLength": 1,
            "description": f"English: {text}{keep}",
            "default": text,
        }
    return {
        "type": "object",
        "description": "The tool's own words, by key (`playbook strings` lists them); a string "
        "keeps the placeholders in braces of the English one.",
        "properties": properties,
        "additionalProperties": False,
    }


def _settings_schemas(defs: dict[str, Any]) -> None:
    """``strings`` and ``language`` of both kinds of playbook, for completion in editors."""
    defs["Strings"] = _strings_schema()
    language = {
        "type": "string",
        "enum": known_languages(),
        "description": "Language of the interface: Material's theme.language, and the "
        "tool's words where a translation ships for it (de).",
    }
    for name in ("Playbook", "PlaybookOverlay"):
        properties = defs[name]["properties"]
        optional = name == "PlaybookOverlay"
        for key, value in (("strings", {"$ref": "#/$defs/Strings"}), ("language", language)):
            properties[key] = {"anyOf": [value, {"type": "null"}]} if optional else dict(value)


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of file."""
    if kind in CONTENT_KINDS:
        result = CONTENT_KINDS[kind].model_json_schema()
    elif kind == "playbook":
        adapter: TypeAdapter[Any] = TypeAdapter(
            playbook_schema.Playbook | playbook_schema.PlaybookOverlay
        )
        result = copy.deepcopy(adapter.json_schema())
        partial = _partial_practice()
        result["$defs"].update(partial["defs"])
        result["$defs"]["PartialPractice"] = partial["practice"]
        practices = result["$defs"]["Overrides"]["properties"]["practices"]
        practices["patternProperties"] = {
            field_types.SLUG_PATTERN: {"$ref": "#/$defs/PartialPractice"}
        }
        practices["additionalProperties"] = False
        _settings_schemas(result["$defs"])
    else:
        raise ValueError(f"unknown kind '{kind}'")
    result["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    result.setdefault("title", f"playbook {kind} file")
    return result


def schema_text(kind: str) -> str:
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"


def write_schemas(
    folder: Path, kinds: Iterable[str] = KINDS, *, replace: bool = False
) -> list[Path]:
    """Write ``KIND.schema.json`` files into ``folder``; existing ones only with ``replace``."""
    paths = {kind: folder / f"{kind}.schema.json" for kind in kinds}
    in_the_way = [path for path in paths.values() if path.exists()]
    if in_the_way and not replace:
        raise PlaybookError(
            f"{', '.join(display_path(path) for path in in_the_way)} already "
            f"exist{'s' * (len(in_the_way) == 1)}; nothing was written (--force replaces them)"
        )
    folder.mkdir(parents=True, exist_ok=True)
    for kind, path in paths.items():
        path.write_text(schema_text(kind), encoding="utf-8")
    return list(paths.values())
