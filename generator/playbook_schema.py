"""The model of a playbook file: its site (name, address, branding, language), the practices
it chooses, the words it changes, and, for a playbook that extends another, its overrides.
The content it draws on is modelled in schema.py.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .field_types import (
    Colour,
    FilePath,
    Language,
    PracticeOverride,
    Slug,
    StringName,
    Text,
    Url,
)
from .schema import Model


class Palette(Model):
    primary: Colour | None = Field(
        default=None,
        description="Material colour name (teal, indigo, ...) or a colour like '#3f51b5'.",
    )
    accent: Colour | None = Field(
        default=None, description="Material accent colour name or a colour like '#ff9800'."
    )


class SiteSettings(Model):
    name: Text = Field(description="The site's name, in the header and the browser's title bar.")
    description: Text = Field(description="One sentence for search engines and link previews.")
    url: Url | None = Field(default=None, description="Where the site will be published.")
    author: Text | None = Field(default=None, description="The site's author, in its metadata.")
    copyright: Text | None = Field(
        default=None, description="The footer line, such as 'Shared under CC BY 4.0'."
    )
    logo: FilePath | None = Field(
        default=None, description="Image file for the header, relative to the playbook file."
    )
    favicon: FilePath | None = Field(
        default=None, description="Icon file for browser tabs, relative to the playbook file."
    )
    palette: Palette | None = Field(default=None, description="The site's colours.")


class SiteOverlay(Model):
    """Site settings in a playbook that extends another: each one replaces the base's."""

    name: Text | None = Field(
        default=None, description="The site's name, in the header and the browser's title bar."
    )
    description: Text | None = Field(
        default=None, description="One sentence for search engines and link previews."
    )
    url: Url | None = Field(default=None, description="Where the site will be published.")
    author: Text | None = Field(default=None, description="The site's author, in its metadata.")
    copyright: Text | None = Field(
        default=None, description="The footer line, such as 'Shared under CC BY 4.0'."
    )
    logo: FilePath | None = Field(
        default=None, description="Image file for the header, relative to the playbook file."
    )
    favicon: FilePath | None = Field(
        default=None, description="Icon file for browser tabs, relative to the playbook file."
    )
    palette: Palette | None = Field(default=None, description="The site's colours.")


class Overrides(Model):
    practices: dict[Slug, PracticeOverride] = Field(
        default_factory=dict,
        description="Changes to practices by id: any field; checklist items, questions and "
        "bands merge by id ('remove: true' drops one, 'add: true' marks a new one).",
    )


REMOTE_IMAGES = (
    "Let Markdown fields show images from other hosts. Off by default: every reader's browser "
    "would fetch them from that host, which can track readers."
)

TEAM_THRESHOLD = (
    "The fewest answers the team page needs before it shows anything about them (at least 3): "
    "with fewer, one person's answers could be told. Below it, the page says only how many "
    "codes it has and how many it needs."
)


#: What happens where content names a practice the playbook leaves out (band links, related
#: practices, health-check dimensions, troubleshooting remedies).
LeftOut = Literal["warn", "drop"]
LEFT_OUT = (
    "Where content names a practice this playbook leaves out: 'warn' shows its title as "
    "plain text and warns (build --strict fails), 'drop' leaves it off the page."
)


class Playbook(Model):
    """A playbook file that stands alone."""

    site: SiteSettings = Field(
        description="The site's name, description, address, author, copyright, logo, favicon "
        "and colours."
    )
    content: FilePath = Field(
        default="../content", description="Content folder, relative to the playbook file."
    )
    practices: list[Slug] = Field(min_length=1, description="Practice ids, in page order.")
    audience: Text | None = Field(default=None, description="Who the playbook is written for.")
    language: Language | None = Field(
        default=None, description="Language of the interface (Material's theme.language)."
    )
    strings: dict[StringName, Text] = Field(
        default_factory=dict,
        description="The tool's own words (interface strings), by key: playbook strings lists "
        "them.",
    )
    allow_html: bool = Field(
        default=False,
        description="Keep raw HTML written in Markdown fields instead of showing it as text. "
        "Scripts, event handlers and javascript: links are removed either way.",
    )
    allow_remote_images: bool = Field(
        default=False,
        description=REMOTE_IMAGES,
    )
    team_threshold: int = Field(default=3, ge=3, le=1000, description=TEAM_THRESHOLD)
    left_out_practices: LeftOut = Field(default="warn", description=LEFT_OUT)


class PlaybookOverlay(Model):
    """A playbook file that extends another: everything it says changes the base."""

    extend: FilePath = Field(
        description="The playbook extended: a built-in name ('default'), a playbook of this "
        "project by name, or a file path relative to this file."
    )
    site: SiteOverlay | None = Field(
        default=None, description="Site settings: each one given replaces the extended playbook's."
    )
    content: FilePath | None = Field(
        default=None, description="Folder with this playbook's own practices, if any."
    )
    practices: list[Slug] | None = Field(
        default=None, min_length=1, description="Practice ids, in page order."
    )
    audience: Text | None = Field(
        default=None,
        description="Who the playbook is written for, shown under the home page's title.",
    )
    language: Language | None = Field(
        default=None, description="Language of the interface (Material's theme.language)."
    )
    strings: dict[StringName, Text] | None = Field(
        default=None,
        description="The tool's own words, by key: each one given replaces the extended "
        "playbook's.",
    )
    allow_html: bool | None = Field(
        default=None,
        description="Keep raw HTML written in Markdown fields instead of showing it as text. "
        "Scripts, event handlers and javascript: links are removed either way.",
    )
    allow_remote_images: bool | None = Field(default=None, description=REMOTE_IMAGES)
    team_threshold: int | None = Field(default=None, ge=3, le=1000, description=TEAM_THRESHOLD)
    left_out_practices: LeftOut | None = Field(default=None, description=LEFT_OUT)
    overrides: Overrides | None = Field(
        default=None, description="Changes to the extended playbook's practices."
    )
