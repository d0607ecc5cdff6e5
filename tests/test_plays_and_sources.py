"""Plays for a team session, templates, checklist cadence and credited sources: validated with
their locations, rendered into the docs tree (so that every engine shows them)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from support.projects import edit, problems, write_minimal_project

from generator.json_schema import json_schema
from generator.project import load_project
from generator.render import render_site

ALPHA = "content/practices/alpha.yaml"

SOURCES = """\
title: Sources
summary: What this playbook draws on.
intro: Each source, credited.
sources:
  - id: first-article
    title: An Article
    author: Some Author
    year: 2021
    url: https://example.org/article
    used_for: The framework.
    figures:
      - quote: 40% of people say so
        date: a survey of 2020
  - id: second-book
    title: A Book
    author: Another Author
    used_for: One idea.
"""

PLAY = """\
reset: Reset at the start of each week.
session:
  time: 45 minutes
  people: The whole team
  materials: [Sticky notes, A timer]
  before: [Send the question a day ahead.]
  during: [Each person answers (10 minutes)., Agree one change (15 minutes).]
  after: [Check the change in a week.]
  remote: Use a shared board instead of sticky notes.
reflection:
  - When did I last ask for help?
templates:
  - id: agenda
    title: A one-to-one agenda
    intro: Copy it into your notes.
    body: |
      Date: ______

      1. What is on your mind?
        - a sub-point, indented
      <script>alert(1)</script>
sources: [second-book, first-article]
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    root = write_minimal_project(tmp_path)
    (root / "content/sources.yaml").write_text(SOURCES, encoding="utf-8")
    practice = root / ALPHA
    text = practice.read_text(encoding="utf-8")
    text = text.replace(
        "    text: Tick the first item.\n", "    text: Tick the first item.\n    cadence: weekly\n"
    )
    text = text.replace(
        "    text: Tick the second item.\n", "    text: Tick the second item.\n    cadence: once\n"
    )
    practice.write_text(text + PLAY, encoding="utf-8")
    return root


def pages(root: Path) -> dict[str, str]:
    loaded = load_project(root)
    return render_site(loaded.playbook("default").model, loaded.content_for("default")).pages


def test_a_practice_page_shows_the_play_the_template_and_its_sources(project: Path) -> None:
    page = pages(project)["practices/alpha.md"]
    assert "## Questions to ask yourself" in page
    assert "<li>When did I last ask for help?</li>" in page
    assert (
        'data-item="first-item" data-cadence="weekly"> <span class="pb-item-text">Tick the first '
        "item. "
        '<span class="pb-cadence pb-cadence--weekly">weekly habit</span></span></label>'
    ) in page
    assert '<span class="pb-cadence pb-cadence--once">one-off</span>' in page
    assert (
        '<div class="pb-reset">\n<div class="pb-md"><p><strong>When to reset&#58;</strong> '
        "Reset at the start of each week.</p></div>\n</div>"
    ) in page
    assert "## Run it as a team session" in page
    assert "<dt>Time needed</dt>\n<dd>45 minutes</dd>" in page
    assert "<dd><ul><li>Sticky notes</li><li>A timer</li></ul></dd>" in page
    for heading in ("Before the session", "During the session", "After the session"):
        assert f"### {heading}" in page
    assert "<li>Agree one change (15 minutes).</li>" in page
    assert (
        '### Remote or hybrid {: #remote-or-hybrid }\n\n<div class="pb-md"><p>Use a shared board '
        "instead of sticky notes.</p></div>"
    ) in page
    assert "## Templates to print or copy" in page
    assert '<section class="pb-template" id="template-agenda"' in page
    # The body keeps its lines and indentation, on one source line, and markup stays text.
    body = re.search(r'<div class="pb-template__body">(.*)</div>', page)
    assert body is not None
    assert "\n" not in body.group(1)
    assert "<script>" not in page
    assert html.unescape(body.group(1)) == (
        "Date: ______\n\n1. What is on your mind?\n  - a sub-point, indented\n"
        "<script>alert(1)</script>"
    )
    # The sources line comes last but for the way back to the top.
    sources, to_top = page.rstrip().rsplit("\n", 3)[1::2]
    assert to_top == '<p class="pb-to-top"><a href="#practice-alpha">Back to top</a></p>'
    assert html.unescape(sources) == (
        '<p class="pb-sources">Sources: '
        '<a href="../../sources/#source-second-book">Another Author, A Book</a>; '
        '<a href="../../sources/#source-first-article">Some Author, An Article, 2021</a>.</p>'
    )


def test_the_sources_page_credits_each_source_with_its_figures_and_pages(project: Path) -> None:
    site = pages(project)
    page = site["sources.md"]
    assert '<li class="pb-source" id="source-first-article">' in page
    page = html.unescape(page)
    assert (
        '<p class="pb-source__credit">Some Author (2021). <a href="https://example.org/article">'
        "<cite>An Article</cite></a>.</p>"
    ) in page
    assert "<li>“40% of people say so” (a survey of 2020)</li>" in page
    assert (
        '<p class="pb-source__pages">Drawn on by: <a href="../practices/alpha/">Practice alpha'
        "</a>.</p>"
    ) in page
    # A page that names no source has no sources line.
    assert "pb-sources" not in site["practices/beta.md"]


def test_the_sources_page_is_in_the_navigation_only_with_sources_yaml(project: Path) -> None:
    loaded = load_project(project)
    site = render_site(loaded.playbook("default").model, loaded.content_for("default"))
    assert [entry.title for entry in site.nav][-2:] == ["Sources", "Tags"]
    (project / "content/sources.yaml").unlink()
    edit(project, ALPHA, "sources: [second-book, first-article]\n", "")
    loaded = load_project(project)
    site = render_site(loaded.playbook("default").model, loaded.content_for("default"))
    assert "sources.md" not in site.pages
    assert "Sources" not in [entry.title for entry in site.nav]


CASES = {
    "unknown source": (
        ALPHA,
        "sources: [second-book, first-article]",
        "sources: [second-book, first-artcle]",
        "content/practices/alpha.yaml:68:24: sources[1]: unknown source 'first-artcle' "
        "(did you mean 'first-article'?)",
    ),
    "source named twice": (
        ALPHA,
        "sources: [second-book, first-article]",
        "sources: [second-book, second-book]",
        "content/practices/alpha.yaml:68:24: sources[1]: duplicate id 'second-book' "
        "(first defined at line 68)",
    ),
    "duplicate source id": (
        "content/sources.yaml",
        "  - id: second-book",
        "  - id: first-article",
        "content/sources.yaml:14:9: sources[1].id: duplicate id 'first-article' "
        "(first defined at line 5)",
    ),
    "wrong cadence": (
        ALPHA,
        "    cadence: weekly",
        "    cadence: monthly",
        "content/practices/alpha.yaml:22:14: checklist[0].cadence: expected 'once', 'daily' "
        "or 'weekly', got text ('monthly')",
    ),
    "session without materials": (
        ALPHA,
        "  materials: [Sticky notes, A timer]\n",
        "",
        "content/practices/alpha.yaml:49:3: session: missing required key 'materials'",
    ),
    "misspelt templates key": (
        ALPHA,
        "reflection:",
        "templates_x: 1\nreflection:",
        "content/practices/alpha.yaml:56:1: unknown key 'templates_x' (did you mean 'templates'?)",
    ),
    "source year out of range": (
        "content/sources.yaml",
        "    year: 2021",
        "    year: 21",
        "content/sources.yaml:8:11: sources[0].year: must be at least 1000, got 21",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_mistake_has_its_located_message(project: Path, case: str) -> None:
    relative, old, new, expected = CASES[case]
    edit(project, relative, old, new)
    assert expected in problems(project)


def test_two_templates_with_one_id_are_refused(project: Path) -> None:
    text = (project / ALPHA).read_text(encoding="utf-8")
    second = "  - id: agenda\n    title: Another\n    body: Text.\nsources:"
    (project / ALPHA).write_text(text.replace("sources:", second, 1), encoding="utf-8")
    assert problems(project) == [
        "content/practices/alpha.yaml:68:9: templates[1].id: duplicate id 'agenda' "
        "(first defined at line 59)"
    ]


def test_sources_without_sources_yaml_are_reported_where_they_are_named(project: Path) -> None:
    (project / "content/sources.yaml").unlink()
    edit(project, "content/home.yaml", "body:", "sources: [first-article]\nbody:")
    assert problems(project) == [
        "content/home.yaml:3:10: sources: the page names sources, but the content has no "
        "sources.yaml to define them",
        "content/practices/alpha.yaml:68:10: sources: the page names sources, but the content "
        "has no sources.yaml to define them",
    ]


def test_an_overlay_adds_sources_and_replaces_one_by_id(project: Path) -> None:
    (project / "playbooks/client.yaml").write_text(
        "extend: default\ncontent: ../client\n", encoding="utf-8"
    )
    (project / "client").mkdir()
    (project / "client/sources.yaml").write_text(
        SOURCES.replace("title: Sources", "title: Credits")
        .replace("title: A Book", "title: A Book, Second Edition")
        .replace("id: first-article", "id: client-study"),
        encoding="utf-8",
    )
    loaded = load_project(project)
    site = render_site(loaded.playbook("client").model, loaded.content_for("client"))
    page = site.pages["sources.md"]
    assert page.index("source-first-article") < page.index("source-second-book")
    assert page.index("source-second-book") < page.index("source-client-study")
    assert "<cite>A Book, Second Edition</cite>" in page
    assert [entry.title for entry in site.nav][-2] == "Credits"


def test_the_sources_schema_is_printed(project: Path) -> None:
    printed = json_schema("sources")
    assert printed["title"] == "Sources"
    source = printed["$defs"]["Source"]
    assert source["required"] == ["id", "title", "author", "used_for"]
    practice = json_schema("practice")
    assert practice["$defs"]["ChecklistItem"]["properties"]["cadence"]["anyOf"][0] == {
        "enum": ["once", "daily", "weekly"],
        "type": "string",
    }
    assert json.dumps(practice["$defs"]["Session"]["required"]) == json.dumps(
        ["time", "people", "materials", "before", "during", "after", "remote"]
    )
