"""The default playbook has the substance the product promises, and its figures their source."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.content import Content
from generator.validate import load_project

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


def test_every_figure_names_its_source() -> None:
    sources = {"29%": "Bill Jensen", "68%": "Root"}
    found = 0
    for path in sorted((ROOT / "content").rglob("*.yaml")):
        for paragraph in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
            for figure in re.findall(r"\d+%", paragraph):
                assert figure in sources, f"{path.name}: {figure} has no known source"
                assert sources[figure] in paragraph, f"{path.name}: {figure} without its source"
                found += 1
    assert found >= 2
