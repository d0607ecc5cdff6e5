"""The content model: what a practice, a scale, the health check and a playbook look like.

These classes check *shape* (types, required fields, unknown keys, empty lists). Rules that
need more than one field or more than one file (duplicate ids, references, band coverage) live
in ``validate.py`` so that every problem is collected and reported with its location.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Markdown = Text
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]

SLUG_RE = re.compile(SLUG_PATTERN)


class Model(BaseModel):
    """Base for every content class: unknown keys are mistakes, values are never coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Signs(Model):
    good: list[Text] = Field(min_length=1, description="What a healthy practice looks like.")
    warning: list[Text] = Field(min_length=1, description="Signs that the practice is slipping.")


class Step(Model):
    title: Text
    detail: Markdown


class Contexts(Model):
    employees: Markdown = Field(description="The practice with the people you lead.")
    teams: Markdown = Field(description="The practice within a team.")
    customers: Markdown = Field(description="The practice with customers and stakeholders.")


class Pitfall(Model):
    title: Text
    detail: Markdown


class ChecklistItem(Model):
    id: Slug = Field(description="Stable id; the reader's ticks are stored under it.")
    text: Markdown


class Question(Model):
    id: Slug = Field(description="Stable id; the reader's answers are stored under it.")
    text: Markdown
    reverse: bool = Field(
        default=False, description="True when agreeing more means doing the practice less."
    )


class Band(Model):
    id: Slug
    min: int = Field(ge=0, le=100, description="Lowest score (0-100) in this band, inclusive.")
    max: int = Field(ge=0, le=100, description="Highest score (0-100) in this band, inclusive.")
    label: Text
    advice: Markdown
    practices: list[Slug] = Field(
        default_factory=list, description="Practices the advice points the reader to."
    )


class Assessment(Model):
    scale: Slug = Field(description="Id of a rating scale defined in content/scales.yaml.")
    intro: Markdown | None = None
    questions: list[Question] = Field(min_length=1)
    bands: list[Band] = Field(min_length=1)


class Resource(Model):
    title: Text = Field(description="Title, with the author for a book or article.")
    url: Url | None = None
    note: Text | None = None


class Practice(Model):
    id: Slug = Field(description="Equal to the file name without .yaml.")
    title: Text
    summary: Text = Field(description="One sentence; the page's meta description.")
    tags: list[Text] = Field(min_length=1)
    why: Markdown
    signs: Signs
    steps: list[Step] = Field(min_length=1)
    contexts: Contexts
    pitfalls: list[Pitfall] = Field(min_length=1)
    checklist: list[ChecklistItem] = Field(min_length=1)
    assessment: Assessment
    related: list[Slug] = Field(default_factory=list)
    resources: list[Resource] = Field(default_factory=list)


class ScalePoint(Model):
    value: int
    label: Text


class Scale(Model):
    id: Slug
    points: list[ScalePoint] = Field(min_length=2)


class Scales(Model):
    scales: list[Scale] = Field(min_length=1)


class Dimension(Model):
    id: Slug
    title: Text
    description: Markdown
    practices: list[Slug] = Field(
        min_length=1, description="Practices that strengthen this dimension."
    )
    questions: list[Question] = Field(min_length=1)


class HealthCheck(Model):
    title: Text
    summary: Text
    intro: Markdown
    scale: Slug
    dimensions: list[Dimension] = Field(min_length=1)


class Challenge(Model):
    id: Slug
    title: Text
    description: Markdown
    symptoms: list[Text] = Field(min_length=1)
    remedies: list[Text] = Field(min_length=1)
    practices: list[Slug] = Field(min_length=1)


class Troubleshooting(Model):
    title: Text
    summary: Text
    intro: Markdown
    challenges: list[Challenge] = Field(min_length=1)


class Home(Model):
    title: Text
    summary: Text
    body: Markdown = Field(description="The opening of the home page, in Markdown.")


HexColour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]


class Palette(Model):
    primary: Text | None = Field(
        default=None,
        description="Material colour name (teal, indigo, ...) or a colour like '#3f51b5'.",
    )
    accent: Text | None = Field(
        default=None, description="Material accent colour name or a colour like '#ff9800'."
    )


class SiteSettings(Model):
    name: Text
    description: Text
    url: Url | None = Field(default=None, description="Where the site will be published.")
    author: Text | None = None
    copyright: Text | None = None
    logo: Text | None = Field(
        default=None, description="Image file for the header, relative to the playbook file."
    )
    favicon: Text | None = Field(
        default=None, description="Icon file for browser tabs, relative to the playbook file."
    )
    palette: Palette | None = None


class SiteOverlay(Model):
    """Site settings in a playbook that extends another: each one replaces the base's."""

    name: Text | None = None
    description: Text | None = None
    url: Url | None = None
    author: Text | None = None
    copyright: Text | None = None
    logo: Text | None = None
    favicon: Text | None = None
    palette: Palette | None = None


class Overrides(Model):
    practices: dict[Slug, dict[str, object]] = Field(
        default_factory=dict,
        description="Changes to practices by id: any field; checklist items, questions and "
        "bands merge by id ('remove: true' drops one, 'add: true' marks a new one).",
    )


class Playbook(Model):
    """A playbook file that stands alone."""

    site: SiteSettings
    content: Text = Field(
        default="../content", description="Content folder, relative to the playbook file."
    )
    practices: list[Slug] = Field(min_length=1, description="Practice ids, in page order.")
    audience: Text | None = Field(default=None, description="Who the playbook is written for.")
    language: Text | None = Field(
        default=None, description="Language of the interface (Material's theme.language)."
    )
    strings: dict[str, Text] = Field(
        default_factory=dict, description="Words the browser script shows, by key."
    )
    allow_html: bool = Field(
        default=False,
        description="Keep raw HTML written in Markdown fields instead of showing it as text. "
        "Scripts, event handlers and javascript: links are removed either way.",
    )


class PlaybookOverlay(Model):
    """A playbook file that extends another: everything it says changes the base."""

    extend: Text = Field(
        description="The playbook extended: a built-in name ('default'), a playbook of this "
        "project by name, or a file path relative to this file."
    )
    site: SiteOverlay | None = None
    content: Text | None = Field(
        default=None, description="Folder with this playbook's own practices, if any."
    )
    practices: list[Slug] | None = Field(
        default=None, min_length=1, description="Practice ids, in page order."
    )
    audience: Text | None = None
    language: Text | None = None
    strings: dict[str, Text] | None = None
    allow_html: bool | None = None
    overrides: Overrides | None = None
