"""The filters and functions the page templates call: Markdown fields to safe HTML, headings
with ids of the generator's choosing, links to practices, steps and sources; and the template
environment that holds them (render.py renders with it)."""

from __future__ import annotations

import contextlib
import html
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import jinja2
from markdown.extensions.toc import slugify
from markupsafe import Markup

from . import schema
from .links import SiteLinks
from .navigation import PRACTICE_FOLDER, SOURCES_PAGE
from .safe_html import (
    UrlFilter,
    armour_attribute,
    markdown_html,
    plain_text,
    preformatted_text,
)


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


def plain_markup(text: object) -> Markup:
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
    environment.filters["plain"] = plain_markup
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


ENVIRONMENT = _environment()
