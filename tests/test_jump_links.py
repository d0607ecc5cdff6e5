"""The links at the top of a practice page point at the ids its form headings really get."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.projects import write_minimal_project

from generator.project import load_project
from generator.render import render_practice_page
from generator.template_filters import ENVIRONMENT, Titles


def rendered(root: Path, title: str) -> str:
    path = root / "content/practices/alpha.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: Practice alpha", f"title: {title}"), encoding="utf-8")
    content = load_project(root).content_for("default")
    practice = content.practices["alpha"].model
    titles = Titles(all={"alpha": practice.title, "beta": "Beta"}, linked=frozenset({"beta"}))
    return render_practice_page(practice, content.scales["frequency"], titles)


@pytest.mark.parametrize(
    ("title", "checklist", "assessment"),
    [
        ("Practice alpha", "checklist", "self-assessment"),
        # The page's title reads like a form's heading: the title keeps the plain id.
        ("Checklist", "checklist-1", "self-assessment"),
        ("Self-assessment", "checklist", "self-assessment-1"),
    ],
)
def test_the_jump_links_point_at_the_form_headings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, title: str, checklist: str, assessment: str
) -> None:
    monkeypatch.chdir(tmp_path)
    page = rendered(write_minimal_project(tmp_path), title)
    links = re.findall(r'<a href="#([^"]+)" data-pb-jump="(\w+)">', page)
    assert links == [(checklist, "checklist"), (assessment, "assessment")]
    assert f"## Checklist {{: #{checklist} }}\n" in page
    assert f"## Self-assessment {{: #{assessment} }}\n" in page
    ids = re.findall(r"\{: #([^ ]+) \}", page)
    assert len(ids) == len(set(ids))
    # The links come first, before any section of the page.
    assert page.index('<nav class="pb-jump"') < page.index("\n## ")


def test_a_heading_id_must_be_reserved_before_it_is_used() -> None:
    template = ENVIRONMENT.from_string("{{ 'Checklist' | heading(id='checklist') }}")
    with pytest.raises(ValueError, match="^heading id 'checklist' was not reserved$"):
        template.render(heading_ids={})
    template = ENVIRONMENT.from_string(
        "{% set id = reserve_heading('Checklist') %}{{ 'Checklist' | heading(id=id) }}"
    )
    assert template.render(heading_ids={}) == "Checklist {: #checklist }"
