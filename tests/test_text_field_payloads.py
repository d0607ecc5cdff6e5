"""Every free-text field of the schema, found by walking the pydantic models, with payloads.

Free text is a ``str`` field whose shape nothing checks (no pattern, no validator, and, where
the schema names the kind, a text or Markdown kind; the walker is tests/support/corpus.py's);
fields whose shape is checked (ids, tags, urls, paths, languages, colours) are
tests/test_field_payloads.py's. For each payload, one project has it in every free-text field
at once, optional fields included; the built pages are read with html.parser and must hold
nothing that runs code and no element, id, class or attribute beyond those the same project
builds without payloads, and the payload's marker must show as text on every page.
"""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path

import pytest
from click.testing import CliRunner
from support.corpus import (
    BENIGN,
    DEFAULT_MKDOCS_TEXT,
    FILE_MODELS,
    PAGES,
    KeyPath,
    Payload,
    by_name,
    compare_with_baseline,
    free_text_slots,
    put,
    scan_page,
    skeleton,
    walk_model,
    write_project,
)

from generator.cli import main

#: Every free-text field. A field added to the schema shows up here as a difference.
FREE_TEXT_FIELDS = {
    "Practice.title", "Practice.summary", "Practice.why",
    "Signs.good", "Signs.warning",
    "Step.title", "Step.detail",
    "Contexts.employees", "Contexts.teams", "Contexts.customers",
    "Pitfall.title", "Pitfall.detail",
    "ChecklistItem.text", "Question.text", "HealthQuestion.text",
    "Assessment.intro", "Band.label", "Band.advice",
    "Resource.title", "Resource.note",
    "ScalePoint.label",
    "HealthCheck.title", "HealthCheck.summary", "HealthCheck.intro",
    "Dimension.title", "Dimension.description", "Dimension.discussion",
    "Troubleshooting.title", "Troubleshooting.summary", "Troubleshooting.intro",
    "Challenge.title", "Challenge.description", "Challenge.symptoms", "Challenge.remedies",
    "Home.title", "Home.summary", "Home.body",
    "SiteSettings.name", "SiteSettings.description", "SiteSettings.author",
    "SiteSettings.copyright",
    "Playbook.audience", "Playbook.strings",
    "Practice.reset", "Practice.reflection",
    "Session.time", "Session.people", "Session.materials", "Session.before", "Session.during",
    "Session.after", "Session.remote",
    "Template.title", "Template.intro", "Template.body",
    "Sources.title", "Sources.summary", "Sources.intro",
    "Source.title", "Source.author", "Source.published_in", "Source.used_for",
    "Figure.quote", "Figure.date",
}  # fmt: skip

#: One line each, so that they fit every free-text field, plain or Markdown.
PAYLOAD_NAMES = [
    "img-onerror",
    "svg-onload",
    "autolink-mailto-handler",
    "link-entity-scheme",
    "tooltip-link-title",
    "breakout-section",
    "image-remote-http",
    "comment-bang-close",
    "reserved-pb-action",
    "plain-attribute",
    "jinja-like",
]


def test_the_walker_finds_every_free_text_field_and_the_project_fills_each() -> None:
    declared: dict[str, list[KeyPath]] = {}
    filled: dict[str, list[KeyPath]] = {}
    files = skeleton()
    for file, model in FILE_MODELS.items():
        walk_model(model, None, (), declared)
        walk_model(model, files[file], (), filled)
    assert set(declared) == FREE_TEXT_FIELDS
    assert {name for name, paths in filled.items() if paths} == FREE_TEXT_FIELDS


def build(project: Path, site: Path) -> dict[str, str]:
    """Build ``project`` into ``site`` in-process; each page's HTML by its path."""
    result = CliRunner().invoke(
        main, ["build", "--project", str(project), "--site-dir", str(site)]
    )
    assert result.exit_code == 0, result.output
    return {path: (site / path / "index.html").read_text("utf-8") for path in PAGES}


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    files = skeleton()
    for file, path in list(free_text_slots(files)):
        put(files[file], path, BENIGN)
    work = tmp_path_factory.mktemp("baseline")
    write_project(work / "project", files, DEFAULT_MKDOCS_TEXT)
    return build(work / "project", work / "site")


@pytest.mark.parametrize(
    "payload", [by_name(name) for name in PAYLOAD_NAMES], ids=lambda p: p.name
)
def test_payload_in_every_free_text_field(
    tmp_path: Path, baseline: dict[str, str], payload: Payload
) -> None:
    files = deepcopy(skeleton())
    slots = list(free_text_slots(files))
    for file, path in slots:
        put(files[file], path, payload.value)
    write_project(tmp_path / "project", files, DEFAULT_MKDOCS_TEXT)
    pages = build(tmp_path / "project", tmp_path / "site")
    problems = []
    for page, html in pages.items():
        scan = scan_page(html)
        found = compare_with_baseline(scan, scan_page(baseline[page]))
        problems += [f"/{page}: {problem}" for problem in found]
        if page != "tags/" and payload.marker not in scan.text:
            problems.append(f"/{page}: the marker {payload.marker} shows nowhere")
    assert problems == [], "\n".join(dict.fromkeys(problems))
