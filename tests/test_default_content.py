"""The default playbook has the substance the product promises, and its figures their source."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.content import Content
from generator.project import load_project
from generator.render import render_site

ROOT = Path(__file__).resolve().parent.parent
PRACTICES = ["listen", "appreciate", "grow", "boundaries", "communicate"]


@pytest.fixture(scope="module")
def content() -> Content:
    return load_project(ROOT).content_for("default")


def test_the_default_playbook_has_the_five_practices_in_order() -> None:
    assert load_project(ROOT).playbook("default").model.practices == PRACTICES


@pytest.mark.parametrize("practice_id", PRACTICES)
def test_each_practice_has_real_substance(content: Content, practice_id: str) -> None:
    practice = content.practices[practice_id].model
    assert len(practice.steps) >= 6
    assert len(practice.checklist) >= 8
    assert len(practice.assessment.questions) >= 6
    assert any(question.reverse for question in practice.assessment.questions)
    assert len(practice.assessment.bands) >= 3
    contexts = practice.contexts
    assert all(
        len(text.split()) >= 20
        for text in (contexts.employees, contexts.teams, contexts.customers)
    )


def test_the_health_check_has_the_four_dimensions(content: Content) -> None:
    assert content.health_check is not None
    dimensions = [dimension.id for dimension in content.health_check.model.dimensions]
    assert dimensions == [
        "mutual-support",
        "balanced-effort",
        "open-communication",
        "respect-for-boundaries",
    ]


def test_troubleshooting_covers_the_three_challenges(content: Content) -> None:
    assert content.troubleshooting is not None
    challenges = [challenge.id for challenge in content.troubleshooting.model.challenges]
    assert challenges == [
        "imbalance-of-effort",
        "communication-breakdown",
        "different-expectations",
    ]


#: Statements that hold " and ", " or ", "only" or "mainly" yet measure one thing, with why.
REVIEWED: dict[str, str] = {}

#: Words a statement on a frequency scale must not hold: the scale already says how often.
DOUBLE = re.compile(r" and | or |\b(only|mainly)\b", re.IGNORECASE)
FREQUENCY_WORDS = re.compile(r"\b(always|never|mostly|usually|every)\b", re.IGNORECASE)
CUT_OFFS = [(0, 44), (45, 74), (75, 100)]
DISCLAIMER = "for your own development"


def statements(content: Content) -> list[tuple[str, str, str]]:
    """(owner, id, text) of every self-assessment and health-check statement."""
    found = [
        (practice_id, question.id, question.text)
        for practice_id, loaded in content.practices.items()
        for question in loaded.model.assessment.questions
    ]
    assert content.health_check is not None
    for dimension in content.health_check.model.dimensions:
        found += [("health-check", q.id, q.text) for q in dimension.questions]
    return found


def test_every_statement_measures_one_thing(content: Content) -> None:
    flagged = [
        f"{owner}/{question_id}: {text}"
        for owner, question_id, text in statements(content)
        if DOUBLE.search(text) and f"{owner}/{question_id}" not in REVIEWED
    ]
    assert flagged == []
    stale = set(REVIEWED) - {f"{owner}/{qid}" for owner, qid, _ in statements(content)}
    assert stale == set(), "reviewed statements that no longer exist"


def test_the_double_barrel_check_flags_what_it_must() -> None:
    assert DOUBLE.search("I notice when someone is struggling and reach out to them.")
    assert DOUBLE.search("I praise effort or results.")
    assert DOUBLE.search("I only give feedback in one-on-ones.")
    assert DOUBLE.search("I mainly talk about tasks.")
    assert not DOUBLE.search("I thank people by name for specific work.")
    assert not DOUBLE.search("I ask about a colleague's commonly used tools.")  # no "only"


def test_practice_statements_fit_their_frequency_scale(content: Content) -> None:
    for practice_id in PRACTICES:
        assessment = content.practices[practice_id].model.assessment
        assert assessment.scale == "frequency"
        for question in assessment.questions:
            assert not FREQUENCY_WORDS.search(question.text), f"{practice_id}/{question.id}"
        reverse = sum(question.reverse for question in assessment.questions)
        assert 1 <= reverse <= len(assessment.questions) / 3, practice_id


def test_health_check_statements_ask_about_one_direction(content: Content) -> None:
    assert content.health_check is not None
    for dimension in content.health_check.model.dimensions:
        assert len(dimension.questions) == 4
        for question in dimension.questions:
            assert question.text.startswith(("I ", "They ")), question.id
            both = r"\b(each other|either of us|one of us|both of us|neither of us)\b"
            assert not re.search(both, question.text, re.IGNORECASE), question.id
        # Both directions are asked about in every dimension.
        starts = {question.text.split()[0] for question in dimension.questions}
        assert starts == {"I", "They"}, dimension.id


def test_the_practices_use_the_same_cut_offs(content: Content) -> None:
    for practice_id in [*PRACTICES, "common-goals"]:
        bands = content_with_peers().practices[practice_id].model.assessment.bands
        assert [(band.min, band.max) for band in bands] == CUT_OFFS, practice_id


def content_with_peers() -> Content:
    return load_project(ROOT).content_for("peers")


TEMPLATES = {
    "listen": "one-to-one-agenda",
    "appreciate": "appreciation-log",
    "grow": "growth-note",
    "boundaries": "working-agreement",
    "communicate": "feedback-script",
}


@pytest.mark.parametrize("practice_id", PRACTICES)
def test_each_practice_is_a_play_for_a_team_session(content: Content, practice_id: str) -> None:
    practice = content.practices[practice_id].model
    session = practice.session
    assert session is not None
    assert re.search(r"\d+ minutes", session.time)
    assert session.materials and session.before and session.during and session.after
    assert len(session.remote.split()) >= 20
    assert 4 <= len(practice.reflection) <= 6
    assert all(question.endswith("?") for question in practice.reflection)
    assert TEMPLATES[practice_id] in [template.id for template in practice.templates]
    assert all(len(t.body.splitlines()) >= 5 for t in practice.templates)
    assert practice.reset is not None
    assert {item.cadence for item in practice.checklist} == {"once", "weekly"}
    for item in practice.checklist:
        weekly = "this week" in item.text.lower()
        assert weekly == (item.cadence == "weekly"), f"{practice_id}/{item.id}: {item.text}"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    loaded = load_project(ROOT)
    return render_site(loaded.playbook("default").model, loaded.content_for("default")).pages


def test_the_disclaimer_appears_once_per_page(pages: dict[str, str]) -> None:
    for path in [*(f"practices/{p}.md" for p in PRACTICES), "health-check.md"]:
        assert pages[path].count(DISCLAIMER) == 1, path


def test_every_page_credits_its_sources(content: Content, pages: dict[str, str]) -> None:
    assert content.home is not None and content.health_check is not None
    assert content.troubleshooting is not None
    framework = "peeplcoach-reciprocal-relationships"
    named = {
        "index.md": content.home.model.sources,
        "health-check.md": content.health_check.model.sources,
        "troubleshooting.md": content.troubleshooting.model.sources,
        **{f"practices/{p}.md": content.practices[p].model.sources for p in PRACTICES},
    }
    for path, source_ids in named.items():
        assert framework in source_ids, path
        assert ('<p class="pb-sources">Sources&#58; <a href=') in pages[path], path
        if "Cialdini" in pages[path].split('<p class="pb-sources">')[0]:
            assert "cialdini-influence" in source_ids, path
    assert "morton-power-of-reciprocity" in named["practices/grow.md"]
    assert "Ben Morton" in content.practices["grow"].model.why + " ".join(
        step.detail for step in content.practices["grow"].model.steps
    )
    assert "sources.md" in pages


def _prose(path: Path) -> str:
    return " ".join(path.read_text(encoding="utf-8").split())


def test_every_figure_is_quoted_exactly_once_with_its_source(content: Content) -> None:
    assert content.sources is not None
    figures = [f for entry in content.sources.model.sources for f in entry.figures]
    assert len(figures) == 2
    files = [p for p in sorted((ROOT / "content").rglob("*.yaml")) if p.name != "sources.yaml"]
    texts = {path: _prose(path) for path in files}
    for figure in figures:
        quote = " ".join(figure.quote.split())
        holders = [path.name for path, text in texts.items() if quote in text]
        assert holders == ["home.yaml"], quote
        assert texts[ROOT / "content/home.yaml"].count(quote) == 1
    every_number = [
        (path.name, number) for path, text in texts.items() for number in re.findall(r"\d+%", text)
    ]
    assert sorted(every_number) == [("home.yaml", "29%"), ("home.yaml", "68%")]
    home = texts[ROOT / "content/home.yaml"]
    assert "consulting firm Root" in home and "Bill Jensen" in home


LEADER_WORDING = ["people I lead", "people you lead", "my team members", "your team members"]


def test_the_peers_playbook_speaks_to_peers() -> None:
    loaded = load_project(ROOT)
    site = render_site(loaded.playbook("peers").model, loaded.content_for("peers"))
    for path, page in site.pages.items():
        for phrase in LEADER_WORDING:
            assert phrase.lower() not in page.lower(), f"{path}: {phrase}"
        assert "### With employees" not in page, path
