"""The content model: what a practice, a scale, the health check and a playbook look like.

These classes check *shape* (types, required fields, unknown keys, empty lists). Rules that
need more than one field or more than one file (duplicate ids, references, band coverage) live
in ``checks.py`` and ``bands.py``, so that every problem is collected and reported with its
location.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .field_types import (
    Markdown,
    Slug,
    Tag,
    Text,
    Url,
)


class Model(BaseModel):
    """Base for every content class: unknown keys are mistakes, values are never coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Signs(Model):
    good: list[Text] = Field(min_length=1, description="What a healthy practice looks like.")
    warning: list[Text] = Field(min_length=1, description="Signs that the practice is slipping.")


class Step(Model):
    title: Text = Field(description="The step in a few words; a heading on the page.")
    detail: Markdown = Field(description="How to take the step.")


class Contexts(Model):
    employees: Markdown = Field(description="The practice with the people you lead.")
    teams: Markdown = Field(description="The practice within a team.")
    customers: Markdown = Field(description="The practice with customers and stakeholders.")


class Pitfall(Model):
    title: Text = Field(description="The pitfall in a few words.")
    detail: Markdown = Field(description="What goes wrong, and how to avoid it.")


#: How often a checklist item is meant to be done: once, or again every day or every week. A
#: daily or weekly item's tick lapses when its day or week is over.
Cadence = Literal["once", "daily", "weekly"]


class ChecklistItem(Model):
    id: Slug = Field(description="Stable id; the reader's ticks are stored under it.")
    text: Markdown = Field(description="The item, as one line (inline Markdown).")
    cadence: Cadence | None = Field(
        default=None,
        description="'once' for a one-off step, 'daily' or 'weekly' for a habit to tick "
        "again each day or week (its tick lapses when the day or week is over, and the item "
        "shows when it was last done); shown beside the item.",
    )


class Question(Model):
    id: Slug = Field(description="Stable id; the reader's answers are stored under it.")
    text: Markdown = Field(
        description="The statement the reader rates on the scale (inline Markdown)."
    )
    reverse: bool = Field(
        default=False, description="True when agreeing more means doing the practice less."
    )
    step: int | None = Field(
        default=None,
        ge=1,
        description="The number of the practice's step (1 for the first) this statement "
        "relates to: offered as the next step when it is among the reader's lowest answers.",
    )


class HealthQuestion(Question):
    practice: Slug | None = Field(
        default=None,
        description="The practice whose step (step:) this statement relates to; with step: it "
        "is offered as the next step when the statement is among the weakest dimension's "
        "lowest answers.",
    )


class Band(Model):
    id: Slug = Field(description="Stable id of the band; overlays change or remove a band by it.")
    min: int = Field(ge=0, le=100, description="Lowest score (0-100) in this band, inclusive.")
    max: int = Field(ge=0, le=100, description="Highest score (0-100) in this band, inclusive.")
    label: Text = Field(
        description="The band's name on the result card, such as 'Building the habit'."
    )
    advice: Markdown = Field(description="What to do with a score in this band.")
    practices: list[Slug] = Field(
        default_factory=list, description="Practices the advice points the reader to."
    )


class Assessment(Model):
    scale: Slug = Field(description="Id of a rating scale defined in content/scales.yaml.")
    intro: Markdown | None = Field(default=None, description="Text above the statements.")
    questions: list[Question] = Field(min_length=1, description="The statements the reader rates.")
    bands: list[Band] = Field(
        min_length=1,
        description="Result bands: together they cover every score from 0 to 100 exactly once.",
    )


class Resource(Model):
    title: Text = Field(description="Title, with the author for a book or article.")
    url: Url | None = Field(
        default=None, description="Where to find it: an http or https address."
    )
    note: Text | None = Field(default=None, description="A line on what it offers.")


class Session(Model):
    """A play for a team session: what it takes, and how to run it."""

    time: Text = Field(description="Time needed, such as '45 minutes'.")
    people: Text = Field(description="Who takes part.")
    materials: list[Text] = Field(min_length=1, description="What to bring or prepare.")
    before: list[Text] = Field(min_length=1, description="What to do before the session.")
    during: list[Text] = Field(min_length=1, description="The session, step by step.")
    after: list[Text] = Field(min_length=1, description="What to do after it.")
    remote: Markdown = Field(description="How to run it with people remote or hybrid.")


class Template(Model):
    """A worksheet a reader can print or copy: an agenda, an agreement, a script, a log."""

    id: Slug = Field(description="Stable id; the template's anchor on the page.")
    title: Text = Field(description="The template's heading.")
    intro: Text | None = Field(default=None, description="When and how to use it.")
    body: Text = Field(
        description="The template itself, as plain text: line breaks are kept, nothing is "
        "read as Markdown, so it copies as it is shown."
    )


class Practice(Model):
    id: Slug = Field(description="Equal to the file name without .yaml.")
    title: Text = Field(description="Page title, such as 'Listen actively'.")
    summary: Text = Field(description="One sentence; the page's meta description.")
    tags: list[Tag] = Field(
        min_length=1,
        description="Tags; the tags page groups practices by them, and a large playbook's "
        "navigation by the first.",
    )
    why: Markdown = Field(description="Why the practice matters.")
    signs: Signs = Field(
        description="Signs that the practice is healthy, and that it is slipping."
    )
    steps: list[Step] = Field(min_length=1, description="The steps of the practice, in order.")
    contexts: Contexts = Field(
        description="The practice with the people you lead, within a team and with customers."
    )
    pitfalls: list[Pitfall] = Field(
        min_length=1, description="Common ways the practice goes wrong."
    )
    checklist: list[ChecklistItem] = Field(
        min_length=1, description="Items a reader ticks off; the ticks are kept in their browser."
    )
    reset: Markdown | None = Field(
        default=None, description="When a reset of the checklist makes sense; under the checklist."
    )
    assessment: Assessment = Field(
        description="The self-assessment: statements on a scale, scored into bands."
    )
    session: Session | None = Field(
        default=None, description="A play for a team session: time, people, materials, outline."
    )
    reflection: list[Text] = Field(default_factory=list, description="Questions to ask yourself.")
    templates: list[Template] = Field(
        default_factory=list, description="Worksheets a reader can print or copy."
    )
    related: list[Slug] = Field(
        default_factory=list,
        description="Ids of related practices, linked at the foot of the page.",
    )
    resources: list[Resource] = Field(default_factory=list, description="Further reading.")
    sources: list[Slug] = Field(
        default_factory=list, description="Ids of the sources (sources.yaml) the page draws on."
    )


class ScalePoint(Model):
    value: int = Field(
        description="The point's value; points are listed from the lowest value up."
    )
    label: Text = Field(description="What the point says, such as 'Often'.")


class Scale(Model):
    id: Slug = Field(
        description="Stable id; assessments and the health check name the scale by it."
    )
    points: list[ScalePoint] = Field(
        min_length=2, description="The points of the scale, from the lowest value up."
    )


class Scales(Model):
    scales: list[Scale] = Field(min_length=1, description="The rating scales.")


class Dimension(Model):
    id: Slug = Field(description="Stable id of the dimension.")
    title: Text = Field(description="The dimension's name, such as 'Mutual support'.")
    description: Markdown = Field(description="What the dimension is about.")
    practices: list[Slug] = Field(
        min_length=1, description="Practices that strengthen this dimension."
    )
    discussion: Text | None = Field(
        default=None,
        description=(
            "An opening question for a team whose answers on this dimension are the weakest or "
            "the most divided, shown on the team page with the practices."
        ),
    )
    questions: list[HealthQuestion] = Field(
        min_length=1,
        description="The statements of this dimension; ids are unique across the whole file.",
    )


class HealthCheck(Model):
    title: Text = Field(description="Page title.")
    summary: Text = Field(
        description="One sentence; the lead paragraph and the page's meta description."
    )
    intro: Markdown = Field(description="Text above the statements.")
    scale: Slug = Field(description="Id of the rating scale every statement is answered on.")
    dimensions: list[Dimension] = Field(
        min_length=1, description="The dimensions the health check scores."
    )
    sources: list[Slug] = Field(
        default_factory=list, description="Ids of the sources (sources.yaml) the page draws on."
    )


class GuideSection(Model):
    title: Text = Field(description="The section's heading.")
    body: Markdown = Field(description="The section's text.")


class TeamCheck(Model):
    """The team page: members' shared health check codes read together, and how to run it."""

    title: Text = Field(description="Page title.")
    summary: Text = Field(
        description="One sentence; the lead paragraph and the page's meta description."
    )
    intro: Markdown = Field(description="Text at the top of the team page.")
    guide: list[GuideSection] = Field(
        min_length=1, description="How to run the session, in sections (before, during, after)."
    )


class Challenge(Model):
    id: Slug = Field(description="Stable id of the challenge.")
    title: Text = Field(description="The challenge in a few words.")
    description: Markdown = Field(description="What the challenge looks like.")
    symptoms: list[Text] = Field(min_length=1, description="How to recognise it.")
    remedies: list[Text] = Field(min_length=1, description="What helps.")
    practices: list[Slug] = Field(min_length=1, description="Ids of the practices that help.")


class Troubleshooting(Model):
    title: Text = Field(description="Page title.")
    summary: Text = Field(
        description="One sentence; the lead paragraph and the page's meta description."
    )
    intro: Markdown = Field(description="Text above the challenges.")
    challenges: list[Challenge] = Field(
        min_length=1, description="Common challenges and their remedies."
    )
    sources: list[Slug] = Field(
        default_factory=list, description="Ids of the sources (sources.yaml) the page draws on."
    )


class Home(Model):
    title: Text = Field(description="The home page's title.")
    summary: Text = Field(
        description="One sentence; the lead paragraph and the site's meta description on the "
        "home page."
    )
    body: Markdown = Field(description="The opening of the home page, in Markdown.")
    sources: list[Slug] = Field(
        default_factory=list, description="Ids of the sources (sources.yaml) the page draws on."
    )


class Figure(Model):
    """A number taken from a source: quoted exactly, with its date."""

    quote: Text = Field(description="The figure in the source's own words.")
    date: Text = Field(description="When it was found or published, as the source gives it.")


class Source(Model):
    id: Slug = Field(description="Stable id; pages name it under 'sources' and link to it.")
    title: Text = Field(description="Title of the article, episode, book or study.")
    author: Text = Field(description="Author or organisation.")
    year: int | None = Field(default=None, ge=1000, le=9999, description="Year, where known.")
    published_in: Text | None = Field(
        default=None, description="Where it appeared: a podcast, a site, a publisher."
    )
    url: Url | None = Field(
        default=None, description="Where to find it: an http or https address."
    )
    used_for: Markdown = Field(description="What this playbook takes from it.")
    figures: list[Figure] = Field(
        default_factory=list,
        description="Numbers the playbook takes from the source, each quoted with its date.",
    )


class Sources(Model):
    """The sources page: every work the playbook draws on, credited."""

    title: Text = Field(description="Page title.")
    summary: Text = Field(
        description="One sentence; the lead paragraph and the page's meta description."
    )
    intro: Markdown = Field(description="Text above the list of sources.")
    sources: list[Source] = Field(min_length=1, description="Every work the playbook draws on.")
