"""A small valid project written from literal text, so tests know every line and column."""

from __future__ import annotations

from pathlib import Path

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
