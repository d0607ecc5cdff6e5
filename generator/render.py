"""From the checked model to Markdown pages: one function per page kind, templates in the package.

The pages are standard Markdown with YAML front matter. Form controls are raw HTML, written
with autoescaping on, so ids and text placed in attributes can never break out of them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import jinja2
import markdown
import yaml
from markupsafe import Markup

from . import schema
from .ui import PAGE_STRINGS, fill
from .validate import Content

PRACTICE_FOLDER = "practices"
ASSET_FILES = ("playbook.css", "playbook.js")


@dataclass(frozen=True)
class Titles:
    """Practice titles for links: every practice in the content, and those that have a page."""

    all: dict[str, str]
    linked: frozenset[str]


@dataclass(frozen=True)
class NavEntry:
    title: str
    path: str | None = None
    children: tuple[NavEntry, ...] = ()

    def to_mkdocs(self) -> dict[str, Any]:
        if self.children:
            return {self.title: [child.to_mkdocs() for child in self.children]}
        return {self.title: self.path}


@dataclass(frozen=True)
class RenderedSite:
    """Every page of one playbook as Markdown text, keyed by its path inside the docs folder."""

    pages: dict[str, str]
    nav: tuple[NavEntry, ...]


def _inline_markdown(text: str) -> Markup:
    """Markdown meant for inside an HTML element (a label, a legend): no wrapping paragraph."""
    html = markdown.markdown(text)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


def _markdown_block(text: str) -> Markup:
    """A Markdown field placed as it is: the template around it is Markdown too."""
    return Markup(text.strip())


def _plain_text(text: str) -> Markup:
    """Text placed into Markdown: only '<' is neutralised, so no HTML tag can start; quotes and
    ampersands stay readable in the generated Markdown (autoescaping would turn them into
    entities)."""
    return Markup(str(text).replace("<", "&lt;"))


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["inline"] = _inline_markdown
    environment.filters["block"] = _markdown_block
    environment.filters["plain"] = _plain_text
    return environment


_ENVIRONMENT = _environment()


def front_matter(**fields: Any) -> Markup:
    """YAML front matter; dumped by PyYAML so that any text in it is quoted correctly."""
    present = {key: value for key, value in fields.items() if value is not None}
    dumped = yaml.safe_dump(present, allow_unicode=True, sort_keys=False, width=1000)
    return Markup(f"---\n{dumped}---\n")


class Words:
    """The page words of one playbook, for templates: ``t(key, ...)`` and ``attr(key, ...)``."""

    def __init__(self, strings: Mapping[str, str]) -> None:
        self.strings = {**PAGE_STRINGS, **{k: v for k, v in strings.items() if k in PAGE_STRINGS}}

    def t(self, key: str, **values: object) -> Markup:
        """For Markdown text: placed like ``plain`` fields (no HTML tag can start)."""
        return _plain_text(fill(self.strings[key], values))

    def attr(self, key: str, **values: object) -> str:
        """For an HTML attribute: plain text, which autoescaping then makes safe."""
        return fill(self.strings[key], values)


def _render(template: str, words: Words, **context: Any) -> str:
    text = _ENVIRONMENT.get_template(template).render(t=words.t, attr=words.attr, **context)
    # Collapse the runs of blank lines that template logic leaves, for tidy golden files.
    lines: list[str] = []
    for line in text.splitlines():
        if line.strip() or (lines and lines[-1].strip()):
            lines.append(line.rstrip())
    return "\n".join(lines).strip() + "\n"


def render_practice_page(
    practice: schema.Practice, scale: schema.Scale, titles: Titles, words: Words | None = None
) -> str:
    return _render(
        "practice.md.j2",
        words or Words({}),
        practice=practice,
        scale=scale,
        scale_span=scale.points[-1].value - scale.points[0].value,
        titles=titles,
        front_matter=front_matter(
            title=practice.title, description=practice.summary, tags=list(practice.tags)
        ),
    )


def render_site(playbook: schema.Playbook, content: Content) -> RenderedSite:
    """Every page of ``playbook``: home, one page per chosen practice, the shared pages, tags."""
    if content.home is None or content.health_check is None or content.troubleshooting is None:
        raise ValueError("render_site needs validated content (see validate.load_project)")
    home = content.home.model
    health = content.health_check.model
    trouble = content.troubleshooting.model
    chosen = [content.practices[practice_id].model for practice_id in playbook.practices]
    titles = Titles(
        all={key: loaded.model.title for key, loaded in content.practices.items()},
        linked=frozenset(playbook.practices),
    )
    words = Words(playbook.strings)
    pages: dict[str, str] = {}
    practice_nav = []
    for practice in chosen:
        path = f"{PRACTICE_FOLDER}/{practice.id}.md"
        scale = content.scales[practice.assessment.scale]
        pages[path] = render_practice_page(practice, scale, titles, words)
        practice_nav.append(NavEntry(practice.title, path))
    pages["index.md"] = _render(
        "home.md.j2",
        words,
        home=home,
        audience=playbook.audience,
        practices=chosen,
        titles=titles,
        health_check=health,
        troubleshooting=trouble,
        front_matter=front_matter(title=home.title, description=home.summary),
    )
    pages["health-check.md"] = _render(
        "health-check.md.j2",
        words,
        health_check=health,
        scale=content.scales[health.scale],
        titles=titles,
        front_matter=front_matter(title=health.title, description=health.summary),
    )
    pages["troubleshooting.md"] = _render(
        "troubleshooting.md.j2",
        words,
        troubleshooting=trouble,
        titles=titles,
        front_matter=front_matter(title=trouble.title, description=trouble.summary),
    )
    pages["tags.md"] = _render(
        "tags.md.j2",
        words,
        front_matter=front_matter(
            title=words.attr("tags_title"),
            description=words.attr("tags_description", site=playbook.site.name),
        ),
    )
    nav = (
        NavEntry(words.attr("nav_home"), "index.md"),
        NavEntry(words.attr("nav_practices"), children=tuple(practice_nav)),
        NavEntry(health.title, "health-check.md"),
        NavEntry(trouble.title, "troubleshooting.md"),
        NavEntry(words.attr("tags_title"), "tags.md"),
    )
    return RenderedSite(pages, nav)
