"""From the checked model to Markdown pages: one function per page kind, templates in the package.

The pages are standard Markdown with YAML front matter. Form controls are raw HTML, written
with autoescaping on, so ids and text placed in attributes can never break out of them.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markdown.extensions.toc import slugify
from markupsafe import Markup
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from . import schema, team
from .content import Content
from .links import LinkWarning, SiteLinks
from .loader import STR_TAG
from .safe_html import (
    UrlFilter,
    armour_attribute,
    html_text,
    markdown_html,
    plain_text,
    preformatted_text,
)
from .ui import PAGE_STRINGS, fill, interface_strings

PRACTICE_FOLDER = "practices"
ASSET_FILES = ("playbook.css", "playbook.js")


@dataclass(frozen=True)
class Titles:
    """Practice titles for links: every practice in the content, and those that have a page."""

    all: dict[str, str]
    linked: frozenset[str]
    #: Whether names of practices without a page are left off the pages
    #: (``left_out_practices: drop``) rather than shown as plain text.
    drop: bool = False

    def shown(self, practice_ids: Sequence[str]) -> list[str]:
        """The practices of ``practice_ids`` that the pages name."""
        if not self.drop:
            return list(practice_ids)
        return [practice_id for practice_id in practice_ids if practice_id in self.linked]


@dataclass(frozen=True)
class NavEntry:
    title: str
    path: str | None = None
    children: tuple[NavEntry, ...] = ()

    def to_mkdocs(self) -> dict[str, Any]:
        if self.children:
            return {self.title: [child.to_mkdocs() for child in self.children]}
        return {self.title: self.path}


#: A playbook of more practices than this lists them in sections, so that the navigation
#: Material writes into every page stays short (see practice_nav).
NAV_SECTIONS_ABOVE = 30
#: The most practices in one section: a larger group is split into parts of even size.
NAV_SECTION_SIZE = 50


def practice_nav(practices: Sequence[schema.Practice]) -> tuple[NavEntry, ...]:
    """The entries under "Practices": the practices in playbook order, or sections of them.

    Material writes the whole navigation into every page, so a flat list costs time and bytes
    that grow with the square of the practices. Above NAV_SECTIONS_ABOVE practices they are
    grouped into sections by their first tag (sections in the order of their first practice,
    practices in playbook order), a section of more than NAV_SECTION_SIZE split into numbered
    parts of even size. With ``navigation.prune`` a page then carries the section titles and
    the practices of its own section only. First tags that give more sections than
    NAV_SECTION_SIZE sort nothing: then runs of practices are titled by their numbers.
    """
    entries = [NavEntry(p.title, f"{PRACTICE_FOLDER}/{p.id}.md") for p in practices]
    if len(entries) <= NAV_SECTIONS_ABOVE:
        return tuple(entries)
    groups: dict[str, list[NavEntry]] = {}
    for practice, entry in zip(practices, entries, strict=True):
        tag = practice.tags[0]
        groups.setdefault(tag[:1].upper() + tag[1:], []).append(entry)
    if len(groups) > NAV_SECTION_SIZE:
        groups = {"": entries}
    sections = []
    for title, members in groups.items():
        parts = (len(members) + NAV_SECTION_SIZE - 1) // NAV_SECTION_SIZE
        size = (len(members) + parts - 1) // parts  # parts of even size: 60 is 30 and 30
        for start in range(0, len(members), size):
            part = tuple(members[start : start + size])
            numbers = f"{start + 1}–{start + len(part)}" if parts > 1 else ""
            sections.append(NavEntry(f"{title} {numbers}".strip(), children=part))
    return tuple(sections)


@dataclass(frozen=True)
class RenderedSite:
    """Every page of one playbook as Markdown text, keyed by its path inside the docs folder;
    and the links in content that the built site cannot serve."""

    pages: dict[str, str]
    nav: tuple[NavEntry, ...]
    link_warnings: tuple[LinkWarning, ...] = ()


def _url_filter(context: jinja2.runtime.Context) -> UrlFilter:
    links: SiteLinks = context["links"]
    page: str = context["page"]
    return lambda tag, attribute, value: links.content_url(page, tag, attribute, value)


def _inline_markdown(context: jinja2.runtime.Context, text: str) -> Markup:
    """Markdown meant for inside an HTML element (a label, a legend): no wrapping paragraph."""
    return Markup(
        markdown_html(
            text,
            inline=True,
            allow_html=bool(context["allow_html"]),
            url_filter=_url_filter(context),
        )
    )


def _markdown_block(context: jinja2.runtime.Context, text: str, lead: str | None = None) -> Markup:
    """A Markdown field as one raw HTML block, on a line of its own in the page's Markdown.

    ``lead`` is plain text set in bold at the start of its first paragraph ("Pitfall. ...").
    """
    html = markdown_html(
        text, inline=False, allow_html=bool(context["allow_html"]), url_filter=_url_filter(context)
    )
    if lead is not None:
        strong = f"<strong>{plain_text(lead)}</strong>"
        html = f"<p>{strong} {html[3:]}" if html.startswith("<p>") else f"<p>{strong}</p>{html}"
    return Markup(f'<div class="pb-md">{html}</div>')


def _plain_text(text: object) -> Markup:
    """Plain text on one line, with no character left that Markdown or HTML would read."""
    return Markup(plain_text(str(text)))


def _armour_value(value: object) -> object:
    """Every value a template prints is armoured unless a filter made it markup already: text
    placed in an attribute or between tags can never become markup, whichever engine reads
    the page."""
    if isinstance(value, Markup):
        return value
    return Markup(armour_attribute(str(value)))


#: The browser script's element ids all start with this (``pb-import``, ``pb_team_codes``): no
#: id made from content does, so a heading named "Pb import" cannot take the script's.
SCRIPT_ID_PREFIX = "pb"


def heading_slug(text: str) -> str:
    """The id of a heading reading ``text`` (before a number makes it unique on its page):
    never one of the theme's (they start with '_') or the script's (``SCRIPT_ID_PREFIX``)."""
    # No '_' in the id: Markdown would read "_x_" inside the attribute list as emphasis.
    slug = re.sub(r"-{2,}", "-", slugify(text, "-").replace("_", "-")).strip("-")
    if slug[:1].isalnum() and not slug.startswith(f"{SCRIPT_ID_PREFIX}-"):
        return slug
    return f"h-{slug}".rstrip("-")


def _heading_text(text: object) -> str:
    """A heading's text as the page shows it."""
    raw = html.unescape(str(text)) if isinstance(text, Markup) else str(text)
    return " ".join(raw.split())  # U+2028 is a space there


def _unique_id(used: dict[str, None], text: str) -> str:
    """The id of a heading reading ``text``, made unique among ``used`` (in page order), to
    which it is added."""
    slug = heading_slug(text)
    unique, number = slug, 0
    while unique in used:
        number += 1
        unique = f"{slug}-{number}"
    used[unique] = None
    return unique


@jinja2.pass_context
def _reserve_heading(context: jinja2.runtime.Context, text: object) -> str:
    """The id that a heading reading ``text`` further down the page will have, taken now so
    that a link above it can point there (the heading passes it: ``heading(id=...)``)."""
    return _unique_id(context["heading_ids"], _heading_text(text))


@jinja2.pass_context
def _heading(context: jinja2.runtime.Context, text: object, id: str | None = None) -> Markup:
    """A heading's text with an id of the generator's choosing (attribute-list syntax, which
    the generated mkdocs.yml turns on): the slug the engine would make, so permalinks stay as
    they were, but never one that starts with '_' or '-' (the theme's own ids: ``__config``,
    ``__search``) and never one used twice on the page. ``id`` is one reserved for it earlier
    (``reserve_heading``)."""
    raw = _heading_text(text)
    used: dict[str, None] = context["heading_ids"]  # in page order
    if id is None:
        unique = _unique_id(used, raw)
    elif id in used:
        unique = id
    else:
        raise ValueError(f"heading id {id!r} was not reserved")
    # Headings make the table of contents, whose entries the themes may put back into the page
    # as HTML (Zensical's tooltips on shortened entries): no '<' or '>' in their text at all.
    shown = raw.translate(_NO_ANGLE_BRACKETS)
    return Markup(f"{plain_text(shown)} {{: #{unique} }}")


_NO_ANGLE_BRACKETS = str.maketrans({"<": "\u2039", ">": "\u203a"})


@jinja2.pass_context
def _practice_link(context: jinja2.runtime.Context, practice_id: str) -> Markup:
    """A practice's title, linked to its page where the playbook has it."""
    titles: Titles = context["titles"]
    title = plain_text(titles.all[practice_id])
    if practice_id not in titles.linked:
        return Markup(title)
    links: SiteLinks = context["links"]
    href = links.href(context["page"], f"{PRACTICE_FOLDER}/{practice_id}.md")
    return Markup(f'<a href="{armour_attribute(href)}">{title}</a>')


@jinja2.pass_context
def _practice_links(context: jinja2.runtime.Context, practice_ids: Sequence[str]) -> Markup:
    shown = context["titles"].shown(practice_ids)
    return Markup(", ").join(_practice_link(context, practice_id) for practice_id in shown)


@jinja2.pass_context
def _shown_practices(context: jinja2.runtime.Context, practice_ids: Sequence[str]) -> list[str]:
    """The practices of ``practice_ids`` the pages name (see ``Titles.drop``)."""
    titles: Titles = context["titles"]
    return titles.shown(practice_ids)


@jinja2.pass_context
def _page_link(context: jinja2.runtime.Context, target: str, text: str) -> Markup:
    """A link to another page of the site (``health-check.md``)."""
    links: SiteLinks = context["links"]
    href = armour_attribute(links.href(context["page"], target))
    return Markup(f'<a href="{href}">{text}</a>')


def step_fragment(number: int, title: str) -> str:
    """The anchor of step ``number`` on its practice's page: the id its heading gets."""
    # As _heading makes it: no other heading of a practice page starts with a number and a dot.
    return heading_slug(" ".join(f"{number}. {title}".split()))


@jinja2.pass_context
def _step_target(
    context: jinja2.runtime.Context, practice_id: str | None, number: int | None
) -> dict[str, str] | None:
    """Where step ``number`` of ``practice_id`` is, as {href, title}: None when the statement
    names no step or its practice has no page on this site."""
    steps: Mapping[str, Sequence[str]] = context["step_titles"]
    if practice_id is None or number is None or practice_id not in steps:
        return None
    title = steps[practice_id][number - 1]
    page: str = context["page"]
    target = f"{PRACTICE_FOLDER}/{practice_id}.md"
    fragment = step_fragment(number, title)
    links: SiteLinks = context["links"]
    if page == target:
        return {"href": f"#{fragment}", "title": f"{number}. {title}"}
    practice: str = context["titles"].all[practice_id]
    # In a data attribute, which no engine rewrites: the built site's address.
    href = links.built_href(page, target, fragment)
    return {"href": href, "title": f"{practice}: {number}. {title}"}


@jinja2.pass_context
def _top_anchor(context: jinja2.runtime.Context) -> str:
    """The id of the page's first heading (its title): where "Back to top" goes. A link to
    ``#`` alone would do in a browser, but an engine's instant navigation may take it over."""
    used: dict[str, None] = context["heading_ids"]
    return next(iter(used), "")


def _preformatted(text: str) -> Markup:
    return Markup(preformatted_text(text))


def source_fragment(source_id: str) -> str:
    """The anchor of a source on the sources page."""
    return f"source-{source_id}"


def source_credit(entry: schema.Source) -> str:
    """How a source is named in a page's sources line: author, title, year where known."""
    year = f", {entry.year}" if entry.year is not None else ""
    return f"{entry.author}, {entry.title}{year}"


@jinja2.pass_context
def _source_links(context: jinja2.runtime.Context, source_ids: Sequence[str]) -> Markup:
    """The sources ``source_ids``, each linked to its entry on the sources page."""
    entries: Mapping[str, schema.Source] = context["source_entries"]
    links: SiteLinks = context["links"]
    parts = []
    for source_id in source_ids:
        href = links.href(context["page"], SOURCES_PAGE, source_fragment(source_id))
        text = plain_text(source_credit(entries[source_id]))
        parts.append(Markup(f'<a href="{armour_attribute(href)}">{text}</a>'))
    return Markup("; ").join(parts)


def _external_url(url: str) -> Markup:
    """A resource's address (the schema admits only http and https; checked again here)."""
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise ValueError(f"not an http(s) address: {url!r}")
    return Markup(armour_attribute(url))


class _TemplateCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between runs (compiling them costs more than rendering a
    hundred pages); a cache that cannot be read or written is simply not used."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError, ValueError, EOFError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)


def _cache_folder() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "playbook", "templates")


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        # Keyed by each template's name and source: a changed template is compiled afresh.
        bytecode_cache=_TemplateCache(_cache_folder()),
        autoescape=True,
        finalize=_armour_value,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["inline"] = jinja2.pass_context(_inline_markdown)
    environment.filters["block"] = jinja2.pass_context(_markdown_block)
    environment.filters["plain"] = _plain_text
    environment.filters["external_url"] = _external_url
    environment.filters["preformatted"] = _preformatted
    environment.filters["heading"] = _heading
    environment.globals["practice_link"] = _practice_link
    environment.globals["practice_links"] = _practice_links
    environment.globals["shown_practices"] = _shown_practices
    environment.globals["page_link"] = _page_link
    environment.globals["source_links"] = _source_links
    environment.globals["source_fragment"] = source_fragment
    environment.globals["step_target"] = _step_target
    environment.globals["top_anchor"] = _top_anchor
    environment.globals["reserve_heading"] = _reserve_heading
    return environment


_ENVIRONMENT = _environment()


#: Front matter that Material writes into pages as HTML: one line of text, escaped.
_HTML_KEYS = ("title", "description")


def front_matter(**fields: Any) -> Markup:
    """YAML front matter of text values and lists of ids, each written so that YAML reads back
    exactly that value: plain where that is unambiguous, double-quoted otherwise.

    Material places ``title``, ``description`` and ``tags`` into its pages (and tags into its
    search results) as HTML, unescaped (the description inside a quoted attribute): they are
    escaped here.
    """
    lines = ["---"]
    for key, value in fields.items():
        if value is None:
            continue
        if isinstance(value, list):
            lines.append(f"{key}:" if value else f"{key}: []")
            lines += [f"- {yaml_scalar(html_text(item))}" for item in value]
        else:
            text = html_text(" ".join(value.split())) if key in _HTML_KEYS else value
            lines.append(f"{key}: {yaml_scalar(text)}")
    return Markup("\n".join(lines) + "\n---\n")


#: Text YAML reads as the same text when written plainly: it starts with a letter, holds no
#: character YAML treats specially there, and YAML's resolver does not see a number, a date or
#: a boolean in it ("No", "2024-01-01").
_PLAIN_SCALAR = re.compile(
    r"[^\W\d_](?:[^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff:#\"]|:(?! )|(?<! )#)*"
)
_JSON_UNSAFE_IN_YAML = re.compile("[\x7f-\x9f\u2028\u2029\ufeff]")
_RESOLVER = Resolver()


def yaml_scalar(text: str) -> str:
    """``text`` as a YAML scalar on one line (writing it is far cheaper than PyYAML's dump)."""
    if (
        _PLAIN_SCALAR.fullmatch(text)
        and not text.endswith((" ", ":"))
        and _RESOLVER.resolve(ScalarNode, text, (True, False)) == STR_TAG  # type: ignore[no-untyped-call]
    ):
        return text
    # JSON's string syntax is a subset of YAML's double-quoted one, except for characters that
    # YAML reads as line breaks or refuses unescaped.
    quoted = json.dumps(text, ensure_ascii=False)
    return _JSON_UNSAFE_IN_YAML.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


class Words:
    """The page words of one playbook, for templates: ``t(key, ...)`` and ``attr(key, ...)``;
    and whether its Markdown fields may carry raw HTML."""

    def __init__(self, strings: Mapping[str, str], *, allow_html: bool = False) -> None:
        self.strings = {**PAGE_STRINGS, **{k: v for k, v in strings.items() if k in PAGE_STRINGS}}
        self.allow_html = allow_html

    def t(self, key: str, **values: object) -> Markup:
        """For page text: placed like ``plain`` fields."""
        return _plain_text(fill(self.strings[key], values))

    def attr(self, key: str, **values: object) -> str:
        """Plain text, which the template's printing armours (see _armour_value)."""
        return fill(self.strings[key], values)


def _render(template: str, words: Words, page: str, links: SiteLinks, **context: Any) -> str:
    text = _ENVIRONMENT.get_template(template).render(
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


def scoring_data(practice: schema.Practice, scale: schema.Scale) -> str:
    """What the home page's progress overview needs to score ``practice`` from stored answers.

    JSON for an HTML attribute, where autoescaping makes it safe.
    """
    data = {
        "min": scale.points[0].value,
        "max": scale.points[-1].value,
        "questions": [{"id": q.id, "reverse": q.reverse} for q in practice.assessment.questions],
        "bands": [
            {"id": b.id, "min": b.min, "max": b.max, "label": b.label}
            for b in practice.assessment.bands
        ],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def repeating_data(practice: schema.Practice) -> str:
    """The checklist items of ``practice`` whose ticks lapse (daily, weekly) and how often, as
    JSON for the home page's progress overview."""
    data = {
        item.id: item.cadence
        for item in practice.checklist
        if item.cadence is not None and item.cadence != "once"
    }
    return json.dumps(data, separators=(",", ":"))


#: The pages every site has besides its practices.
SHARED_PAGES = ("index.md", "health-check.md", "troubleshooting.md", "tags.md")
#: The team page, where the health check's content has one (team.yaml).
TEAM_PAGE = "team.md"
#: The sources page, where the content has one (sources.yaml).
SOURCES_PAGE = "sources.md"


def team_data(
    health: schema.HealthCheck, scale: schema.Scale, version: str, threshold: int
) -> str:
    """What the team page's script needs to read codes and score them, as JSON."""
    data = {
        "version": version,
        "threshold": threshold,
        "points": [{"value": p.value, "label": p.label} for p in scale.points],
        "dimensions": [
            {
                "id": d.id,
                "title": d.title,
                "questions": [{"id": q.id, "reverse": q.reverse} for q in d.questions],
            }
            for d in health.dimensions
        ],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


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
    playbook: schema.Playbook,
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
        raise ValueError("render_site needs validated content (see validate.load_project)")
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
    return RenderedSite(pages, nav, tuple(links.warnings))
