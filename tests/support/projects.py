"""Projects for tests to build or break: the repository's own, copied; a small valid project
written from literal text, so tests know every line and column; and the same small project with
code in every text field that must never run in a reader's browser.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.errors import ContentError
from generator.project import load_project

#: The repository root: the folder holding playbooks/, content/ and mkdocs.yml.
REPO_ROOT = Path(__file__).resolve().parent.parent.parent
#: The listen practice's file, relative to a project (the repository's or a copy of it).
LISTEN = Path("content") / "practices" / "listen.yaml"


# --- the repository's project --------------------------------------------------------------------


def copy_project(repo_root: Path, destination: Path) -> Path:
    """A private copy of the project, so a test can break it or build it without side effects."""
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copytree(repo_root / "content", destination / "content")
    shutil.copytree(repo_root / "playbooks", destination / "playbooks")
    shutil.copy2(repo_root / "mkdocs.yml", destination / "mkdocs.yml")
    return destination


def edit(root: Path, relative: str, old: str, new: str) -> None:
    """Replace the first ``old`` in the project file ``relative`` with ``new``; ``old`` must be
    there."""
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(root: Path) -> list[str]:
    """The located problems loading the project at ``root`` reports; it must report some."""
    with pytest.raises(ContentError) as caught:
        load_project(root)
    return [str(problem) for problem in caught.value.problems]


# --- the small project -------------------------------------------------------------------------

PRACTICE = """\
id: {id}
title: Practice {id}
summary: One sentence about {id}.
tags: [sample]
why: Because it matters.
signs:
  good: [It works.]
  warning: [It slips.]
steps:
  - title: First step
    detail: Do the first thing.
contexts:
  employees: With the people you lead.
  teams: Within the team.
  customers: With customers.
pitfalls:
  - title: A pitfall
    detail: Avoid it.
checklist:
  - id: first-item
    text: Tick the first item.
  - id: second-item
    text: Tick the second item.
assessment:
  scale: frequency
  questions:
    - id: first-question
      text: I do the first thing.
    - id: second-question
      text: I skip the second thing.
      reverse: true
  bands:
    - id: low
      min: 0
      max: 49
      label: Starting
      advice: Begin small.
    - id: high
      min: 50
      max: 100
      label: Strong
      advice: Keep going.
      practices: [{other}]
related: [{other}]
"""

SCALES = """\
scales:
  - id: frequency
    points:
      - value: 1
        label: Never
      - value: 2
        label: Sometimes
      - value: 3
        label: Always
"""

HEALTH_CHECK = """\
title: Health check
summary: How healthy is the relationship?
intro: Answer honestly.
scale: frequency
dimensions:
  - id: mutual-support
    title: Mutual support
    description: Both sides help.
    practices: [alpha]
    questions:
      - id: help-each-other
        text: We help each other.
  - id: balanced-effort
    title: Balanced effort
    description: Nobody feels used.
    practices: [beta]
    questions:
      - id: fair-share
        text: Effort feels fair.
"""

TROUBLESHOOTING = """\
title: Troubleshooting
summary: When things go wrong.
intro: Most problems have a remedy.
challenges:
  - id: imbalance
    title: Imbalance of effort
    description: One side gives, the other takes.
    symptoms: [Resentment]
    remedies: [Talk about it]
    practices: [alpha]
"""

HOME = """\
title: Welcome
summary: A tiny playbook.
body: Reciprocity is give and take.
"""

PLAYBOOK = """\
site:
  name: Tiny playbook
  description: A playbook for tests.
practices:
  - alpha
  - beta
"""

MKDOCS = """\
site_name: placeholder
theme:
  name: material
plugins:
  - search
  - tags
markdown_extensions:
  - attr_list
  - md_in_html
"""


def write_minimal_project(root: Path) -> Path:
    """Write the small project into ``root`` and return ``root``."""
    files = {
        "content/practices/alpha.yaml": PRACTICE.format(id="alpha", other="beta"),
        "content/practices/beta.yaml": PRACTICE.format(id="beta", other="alpha"),
        "content/scales.yaml": SCALES,
        "content/health-check.yaml": HEALTH_CHECK,
        "content/troubleshooting.yaml": TROUBLESHOOTING,
        "content/home.yaml": HOME,
        "playbooks/default.yaml": PLAYBOOK,
        "mkdocs.yml": MKDOCS,
    }
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


# --- the hostile project -----------------------------------------------------------------------
#
# A valid project whose every text field carries code that must never run in a reader's
# browser. Each payload calls ``alert`` with a tag naming the field it came from, so a test that
# listens for dialogs knows exactly which field got through.

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


def script_payloads(tag: str) -> str:
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
        return f"{value} {script_payloads(path)}"
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
