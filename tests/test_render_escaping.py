"""Text from YAML lands in Markdown and HTML attributes without breaking out of either."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from support.projects import write_minimal_project

from generator.project import load_project
from generator.render import render_practice_page
from generator.template_filters import Titles

TRICKY_TITLE = 'Say "no" & <mean> it'
TRICKY_ITEM = 'Ask "why?" before you answer, then *wait*'


class Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture
def page_html(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Collector:
    monkeypatch.chdir(tmp_path)
    root = write_minimal_project(tmp_path)
    path = root / "content/practices/alpha.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("title: Practice alpha", f"title: '{TRICKY_TITLE}'")
    text = text.replace("text: Tick the first item.", f"text: '{TRICKY_ITEM}'")
    path.write_text(text, encoding="utf-8")
    content = load_project(root).content_for("default")
    practice = content.practices["alpha"].model
    titles = Titles(all={"alpha": practice.title, "beta": "Beta"}, linked=frozenset({"beta"}))
    page = render_practice_page(practice, content.scales["frequency"], titles)
    body = page.split("---\n", 2)[2]
    html = markdown.markdown(body, extensions=["attr_list", "md_in_html"])
    collector = Collector()
    collector.feed(html)
    return collector


def test_text_in_an_attribute_round_trips_exactly(page_html: Collector) -> None:
    forms = [attrs for tag, attrs in page_html.elements if tag == "form"]
    assert forms[0]["aria-label"] == f"{TRICKY_TITLE} checklist"
    assert forms[1]["aria-label"] == f"{TRICKY_TITLE} self-assessment"


def test_angle_brackets_in_text_never_become_elements(page_html: Collector) -> None:
    assert "mean" not in {tag for tag, _ in page_html.elements}
    # The title is the page's heading, whose '<' and '>' are look-alike angle quotes (themes put
    # the table of contents back into the page as HTML); everything else as typed.
    assert 'Say "no" & \u2039mean\u203a it' in "".join(page_html.text)


def test_inline_markdown_in_a_label_is_rendered(page_html: Collector) -> None:
    tags = [tag for tag, _ in page_html.elements]
    assert "em" in tags  # *wait* became emphasis inside the checklist label
    assert 'Ask "why?" before you answer, then wait' in "".join(page_html.text)
