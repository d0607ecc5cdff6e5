"""A valid project whose every text field carries code that must never run in a reader's browser.

Each payload calls ``alert`` with a tag naming the field it came from, so a test that listens
for dialogs knows exactly which field got through.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from minimal_project import write_minimal_project

#: Keys whose values are ids, references or numbers: constrained by the schema, left alone.
NOT_TEXT = {
    "id",
    "scale",
    "practices",
    "related",
    "tags",
    "min",
    "max",
    "value",
    "reverse",
    "url",
    "content",
    "extend",
    "language",
    "logo",
    "favicon",
}


def payloads(tag: str) -> str:
    """Every way of sneaking script into Markdown or HTML that the site must defuse."""
    return " ".join(
        [
            f"<script>alert('{tag}:script')</script>",
            f'<img src="data:text/html,x" onerror="alert(\'{tag}:img\')">',
            f"<svg onload=\"alert('{tag}:svg')\"></svg>",
            f"<details open ontoggle=\"alert('{tag}:details')\"><summary>s</summary></details>",
            f"[link {tag}](javascript:alert('{tag}:link'))",
            f"[entity {tag}](jav&#97;script:alert('{tag}:entity'))",
            f"[attr {tag}](#top){{ onclick=\"alert('{tag}:attr')\" }}",
            f"<a href=\"javascript:alert('{tag}:anchor')\">anchor {tag}</a>",
            f"<iframe srcdoc=\"<script>alert('{tag}:srcdoc')</script>\"></iframe>",
            f'<!-- --!><img src="data:text/html,x" onerror="alert(\'{tag}:comment\')">-->',
            f"`<b>code {tag}</b>`",
            f"\"'><script>alert('{tag}:quote')</script>",
        ]
    )


def plain_payload(tag: str) -> str:
    """For fields that are plain text (titles, labels): breaking out of attributes and tags."""
    return f'"\'><img src="data:text/html,x" onerror="alert(\'{tag}\')"> & </title><b>{tag}</b>'


def _poison(value: Any, path: str) -> Any:
    if isinstance(value, dict):
        return {
            key: item if key in NOT_TEXT else _poison(item, f"{path}.{key}")
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_poison(item, f"{path}[{index}]") for index, item in enumerate(value)]
    if isinstance(value, str):
        return f"{value} {payloads(path)}"
    return value


def _plain(value: str, tag: str) -> str:
    return f"{value} {plain_payload(tag)}"


def write_hostile_project(root: Path, *, allow_html: bool = False) -> Path:
    """The minimal project with payloads in every text field; returns ``root``."""
    write_minimal_project(root)
    for path in sorted((root / "content").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = _poison(data, path.stem)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    playbook_file = root / "playbooks/default.yaml"
    playbook = yaml.safe_load(playbook_file.read_text(encoding="utf-8"))
    playbook["site"] = {
        "name": _plain("Tiny", "site.name"),
        "description": _plain("Tests", "site.description"),
        "author": _plain("Author", "site.author"),
        "copyright": _plain("Copyright", "site.copyright"),
    }
    playbook["audience"] = _plain("Leads", "audience")
    playbook["strings"] = {
        "nav_practices": _plain("Practices", "strings.nav_practices"),
        "heading_why": _plain("Why", "strings.heading_why"),
        "reverse_scored": _plain("reverse", "strings.reverse_scored"),
        "checklist_label": _plain("Checklist {title}", "strings.checklist_label"),
        "progress": _plain("{done} of {total}", "strings.progress"),
        "score": _plain("Score {score}", "strings.score"),
    }
    if allow_html:
        playbook["allow_html"] = True
    playbook_file.write_text(
        yaml.safe_dump(playbook, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return root
