"""The site's pages and its navigation: which pages every site has, and the entries of the
navigation MkDocs writes into every page (a large playbook's practices in sections)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from . import schema

PRACTICE_FOLDER = "practices"

#: The pages every site has besides its practices.
SHARED_PAGES = ("index.md", "health-check.md", "troubleshooting.md", "tags.md")
#: The team page, where the health check's content has one (team.yaml).
TEAM_PAGE = "team.md"
#: The sources page, where the content has one (sources.yaml).
SOURCES_PAGE = "sources.md"


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
