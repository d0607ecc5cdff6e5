"""From the checked model to Markdown pages: one function per page kind, templates in the package.

The pages are standard Markdown with YAML front matter. Form controls are raw HTML, written
with autoescaping on, so ids and text placed in attributes can never break out of them. The
templates' filters live in template_filters.py, the front matter in front_matter.py, the data
the browser script reads in script_data.py and the navigation in navigation.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from . import playbook_schema, schema, team
from .content import Content, Loaded
from .front_matter import front_matter
from .links import LinkWarning, SiteLinks
from .loader import SourceMap
from .navigation import (
    PRACTICE_FOLDER,
    SHARED_PAGES,
    SOURCES_PAGE,
    TEAM_PAGE,
    NavEntry,
    practice_nav,
)
from .script_data import repeating_data, scoring_data, team_data
from .template_filters import ENVIRONMENT, Titles, plain_markup
from .ui import PAGE_STRINGS, fill, interface_strings


@dataclass(frozen=True)
class RenderedSite:
    """Every page of one playbook as Markdown text, keyed by its path inside the docs folder;
    and the links in content that the built site cannot serve."""

    pages: dict[str, str]
    nav: tuple[NavEntry, ...]
    link_warnings: tuple[LinkWarning, ...] = ()
    #: For each page, the source maps of the YAML it is made from, where its own text comes
    #: from (a warning about a link on the page is traced back there).
    sources: Mapping[str, tuple[SourceMap, ...]] = field(default_factory=dict)


class Words:
    """The page words of one playbook, for templates: ``t(key, ...)`` and ``attr(key, ...)``;
    and whether its Markdown fields may carry raw HTML."""

    def __init__(self, strings: Mapping[str, str], *, allow_html: bool = False) -> None:
        self.strings = {**PAGE_STRINGS, **{k: v for k, v in strings.items() if k in PAGE_STRINGS}}
        self.allow_html = allow_html

    def t(self, key: str, **values: object) -> Markup:
        """For page text: placed like ``plain`` fields."""
        return plain_markup(fill(self.strings[key], values))

    def attr(self, key: str, **values: object) -> str:
        """Plain text, which the template's printing armours (see _armour_value)."""
        return fill(self.strings[key], values)


def _render(template: str, words: Words, page: str, links: SiteLinks, **context: Any) -> str:
    text = ENVIRONMENT.get_template(template).render(
        t=words.t,
        attr=words.attr,
        allow_html=words.allow_html,
        page=page,
        links=links,
        heading_ids={},
        **{"source_entries": {}, "step_titles": {}, **context},
    )
    # Collapse the runs of blank lines that template logic leaves, for tidy golden files.
    lines: list[str] = []
    for line in text.split("\n"):  # not splitlines(): U+2028 in a value is no line break
        if line.strip() or (lines and lines[-1].strip()):
            lines.append(line.rstrip())
    return "\n".join(lines).strip() + "\n"


def render_practice_page(
    practice: schema.Practice,
    scale: schema.Scale,
    titles: Titles,
    words: Words | None = None,
    links: SiteLinks | None = None,
    source_entries: Mapping[str, schema.Source] | None = None,
) -> str:
    page = f"{PRACTICE_FOLDER}/{practice.id}.md"
    return _render(
        "practice.md.j2",
        words or Words({}),
        page,
        links or SiteLinks(frozenset({page})),
        practice=practice,
        scale=scale,
        scale_span=scale.points[-1].value - scale.points[0].value,
        titles=titles,
        source_entries=source_entries or {},
        step_titles={practice.id: [step.title for step in practice.steps]},
        front_matter=front_matter(
            title=practice.title, description=practice.summary, tags=list(practice.tags)
        ),
    )


def _drawn_on(
    practices: Sequence[schema.Practice],
    home: schema.Home,
    health: schema.HealthCheck,
    trouble: schema.Troubleshooting,
    entries: Mapping[str, schema.Source],
) -> dict[str, list[tuple[str, str]]]:
    """For each source, the pages that name it: (title, docs path), in the site's order."""
    pages: list[tuple[str, str, Sequence[str]]] = [
        (home.title, "index.md", home.sources),
        *((p.title, f"{PRACTICE_FOLDER}/{p.id}.md", p.sources) for p in practices),
        (health.title, "health-check.md", health.sources),
        (trouble.title, "troubleshooting.md", trouble.sources),
    ]
    drawn: dict[str, list[tuple[str, str]]] = {source_id: [] for source_id in entries}
    for title, path, source_ids in pages:
        for source_id in source_ids:
            drawn[source_id].append((title, path))
    return drawn


def render_site(
    playbook: playbook_schema.Playbook,
    content: Content,
    *,
    directory_urls: bool = True,
    other_files: Sequence[str] = (),
    source_paths: bool = False,
) -> RenderedSite:
    """Every page of ``playbook``: home, one page per chosen practice, the shared pages, tags.

    ``directory_urls`` is MkDocs' ``use_directory_urls`` (links are written as the built site's
    addresses); ``other_files`` are the docs tree's files besides its pages, which content may
    link to; ``source_paths`` writes links as paths between source files instead, for an engine
    that rewrites links in HTML (Zensical; see links.py).
    """
    if content.home is None or content.health_check is None or content.troubleshooting is None:
        raise ValueError("render_site needs validated content (see project.load_project)")
    home = content.home.model
    health = content.health_check.model
    trouble = content.troubleshooting.model
    chosen = [content.practices[practice_id].model for practice_id in playbook.practices]
    titles = Titles(
        all={key: loaded.model.title for key, loaded in content.practices.items()},
        linked=frozenset(playbook.practices),
        drop=playbook.left_out_practices == "drop",
    )
    words = Words(
        interface_strings(playbook.language, playbook.strings), allow_html=playbook.allow_html
    )
    team_text = content.team.model if content.team is not None else None
    optional_pages = [TEAM_PAGE] if team_text is not None else []
    sources_text = content.sources.model if content.sources is not None else None
    if sources_text is not None:
        optional_pages.append(SOURCES_PAGE)
    entries = content.source_entries
    links = SiteLinks(
        frozenset(
            [
                *SHARED_PAGES,
                *optional_pages,
                *(f"{PRACTICE_FOLDER}/{p.id}.md" for p in chosen),
                *other_files,
            ]
        ),
        directory_urls=directory_urls,
        remote_images=playbook.allow_remote_images,
        source_paths=source_paths,
    )
    pages: dict[str, str] = {}
    for practice in chosen:
        path = f"{PRACTICE_FOLDER}/{practice.id}.md"
        scale = content.scales[practice.assessment.scale]
        pages[path] = render_practice_page(practice, scale, titles, words, links, entries)
    pages["index.md"] = _render(
        "home.md.j2",
        words,
        "index.md",
        links,
        home=home,
        audience=playbook.audience,
        practices=chosen,
        scoring={p.id: scoring_data(p, content.scales[p.assessment.scale]) for p in chosen},
        repeating={p.id: repeating_data(p) for p in chosen},
        titles=titles,
        health_check=health,
        troubleshooting=trouble,
        source_entries=entries,
        front_matter=front_matter(title=home.title, description=home.summary),
    )
    health_scale = content.scales[health.scale]
    team_version = team.version(health, health_scale) if team_text else None
    pages["health-check.md"] = _render(
        "health-check.md.j2",
        words,
        "health-check.md",
        links,
        health_check=health,
        scale=health_scale,
        titles=titles,
        step_titles={p.id: [step.title for step in p.steps] for p in chosen},
        team_version=team_version,
        team_title=team_text.title if team_text else None,
        source_entries=entries,
        front_matter=front_matter(title=health.title, description=health.summary),
    )
    if team_text is not None and team_version is not None:
        pages[TEAM_PAGE] = _render(
            "team.md.j2",
            words,
            TEAM_PAGE,
            links,
            team=team_text,
            health_check=health,
            team_data=team_data(health, health_scale, team_version, playbook.team_threshold),
            titles=titles,
            front_matter=front_matter(title=team_text.title, description=team_text.summary),
        )
    pages["troubleshooting.md"] = _render(
        "troubleshooting.md.j2",
        words,
        "troubleshooting.md",
        links,
        troubleshooting=trouble,
        titles=titles,
        source_entries=entries,
        front_matter=front_matter(title=trouble.title, description=trouble.summary),
    )
    if sources_text is not None:
        pages[SOURCES_PAGE] = _render(
            "sources.md.j2",
            words,
            SOURCES_PAGE,
            links,
            sources=sources_text,
            entries=list(entries.values()),
            drawn_on=_drawn_on(chosen, home, health, trouble, entries),
            front_matter=front_matter(title=sources_text.title, description=sources_text.summary),
        )
    pages["tags.md"] = _render(
        "tags.md.j2",
        words,
        "tags.md",
        links,
        front_matter=front_matter(
            title=words.attr("tags_title"),
            description=words.attr("tags_description", site=playbook.site.name),
        ),
    )
    nav = (
        NavEntry(words.attr("nav_home"), "index.md"),
        NavEntry(words.attr("nav_practices"), children=practice_nav(chosen)),
        NavEntry(health.title, "health-check.md"),
        *([NavEntry(team_text.title, TEAM_PAGE)] if team_text is not None else []),
        NavEntry(trouble.title, "troubleshooting.md"),
        *([NavEntry(sources_text.title, SOURCES_PAGE)] if sources_text is not None else []),
        NavEntry(words.attr("tags_title"), "tags.md"),
    )
    return RenderedSite(pages, nav, tuple(links.warnings), page_sources(content, chosen))


def page_sources(
    content: Content, chosen: Sequence[schema.Practice]
) -> dict[str, tuple[SourceMap, ...]]:
    """For each page made from a content file, the source map of that file."""
    made_from: list[tuple[str, Loaded[Any] | None]] = [
        *((f"{PRACTICE_FOLDER}/{p.id}.md", content.practices[p.id]) for p in chosen),
        ("index.md", content.home),
        ("health-check.md", content.health_check),
        (TEAM_PAGE, content.team),
        ("troubleshooting.md", content.troubleshooting),
        (SOURCES_PAGE, content.sources),
    ]
    return {page: (loaded.source,) for page, loaded in made_from if loaded is not None}
