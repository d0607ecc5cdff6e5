"""The team page's numbers are generator/team.py's: per dimension the median, lowest and
highest score, how many answers fell nearest each point of the scale and the quartiles; the
weakest and the most divided dimensions. The browser's own code (teamcodes.mjs and
scoring.mjs, run by Node) is given random answer sets, with ties, reverse-scored statements,
the threshold's number of members and the most the page reads, and must agree exactly."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator import schema, team
from generator.project import load_project
from generator.script_data import team_data

ROOT = Path(__file__).resolve().parent.parent
ORACLE = ROOT / "tests" / "js" / "team_oracle.mjs"
THRESHOLD = 3
#: The most codes the team page reads (MAX_MEMBERS in generator/assets/js/shapes.mjs).
MOST_MEMBERS = 10_000


class Oracle:
    """One Node process running the browser's code, asked one team at a time."""

    def __init__(self) -> None:
        node = shutil.which("node")
        if node is None:
            pytest.fail("node is missing: run bash tests/setup.sh")
        self.process = subprocess.Popen(
            [node, str(ORACLE)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def ask(self, team_page: dict[str, Any], text: str) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps({"team": team_page, "text": text}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, "the Node process ended"
        answer: dict[str, Any] = json.loads(line)
        return answer

    def close(self) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()
        assert self.process.wait(timeout=30) == 0
        self.process.stdout.close()


@pytest.fixture(scope="module")
def oracle() -> Iterator[Oracle]:
    running = Oracle()
    yield running
    running.close()


@pytest.fixture(scope="module")
def health() -> tuple[schema.HealthCheck, schema.Scale, dict[str, Any]]:
    content = load_project(ROOT).content_for("default")
    assert content.health_check is not None
    model = content.health_check.model
    scale = content.scales[model.scale]
    page = json.loads(team_data(model, scale, team.version(model, scale), THRESHOLD))
    return model, scale, page


def number(value: Fraction) -> float | int:
    """A reference value as JSON carries the browser's: exact, as the quarters are."""
    return int(value) if value.denominator == 1 else float(value)


def expected(
    members: Sequence[dict[str, int]], model: schema.HealthCheck, scale: schema.Scale
) -> dict[str, Any]:
    summary = team.summarise(members, model, scale)
    return {
        "count": summary.count,
        "dimensions": [
            {
                "id": d.id,
                "score": number(d.median),
                "low": number(d.low),
                "high": number(d.high),
                "counts": list(d.counts),
                "lower": number(d.lower_quartile),
                "upper": number(d.upper_quartile),
            }
            for d in summary.dimensions
        ],
        "weakest": summary.weakest(),
        "divided": summary.most_divided(),
    }


def browser(
    oracle: Oracle,
    members: Sequence[dict[str, int]],
    model: schema.HealthCheck,
    scale: schema.Scale,
    page: dict[str, Any],
) -> dict[str, Any]:
    text = "\n".join(team.encode(answers, model, scale) for answers in members)
    answer = oracle.ask(page, text)
    assert answer["refused"] == []
    return {
        "count": answer["count"],
        "dimensions": [
            {key: d[key] for key in ("id", "score", "low", "high", "counts", "lower", "upper")}
            for d in answer["dimensions"]
        ],
        "weakest": answer["weakest"],
        "divided": answer["divided"],
    }


def answer_sets(model: schema.HealthCheck, scale: schema.Scale) -> st.SearchStrategy[Any]:
    """Members' answers: each statement one point of the scale, drawn from a few points so
    that ties are common, or from all of them."""
    ids = [q.id for q in team.statements(model)]
    values = [p.value for p in scale.points]
    points = st.one_of(st.just(values), st.lists(st.sampled_from(values), min_size=1, max_size=2))
    return points.flatmap(
        lambda chosen: st.lists(
            st.fixed_dictionaries({i: st.sampled_from(chosen) for i in ids}),
            min_size=1,
            max_size=40,
        )
    )


def test_the_default_health_check_has_reverse_scored_statements(
    health: tuple[schema.HealthCheck, schema.Scale, dict[str, Any]],
) -> None:
    model, _scale, _page = health
    statements = team.statements(model)
    assert any(q.reverse for q in statements) and not all(q.reverse for q in statements)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
@example(data=None)  # the threshold's number of members, all different
def test_the_browser_agrees_with_the_reference_on_random_teams(
    oracle: Oracle,
    health: tuple[schema.HealthCheck, schema.Scale, dict[str, Any]],
    data: st.DataObject | None,
) -> None:
    model, scale, page = health
    values = [p.value for p in scale.points]
    if data is None:
        members = [{q.id: values[i] for q in team.statements(model)} for i in range(THRESHOLD)]
    else:
        members = data.draw(answer_sets(model, scale))
    assert browser(oracle, members, model, scale, page) == expected(members, model, scale)


def test_the_browser_agrees_with_the_reference_on_the_most_members_the_page_reads(
    oracle: Oracle, health: tuple[schema.HealthCheck, schema.Scale, dict[str, Any]]
) -> None:
    model, scale, page = health
    rng = random.Random(MOST_MEMBERS)
    values = [p.value for p in scale.points]
    members = [
        {q.id: rng.choice(values) for q in team.statements(model)} for _ in range(MOST_MEMBERS)
    ]
    picture = browser(oracle, members, model, scale, page)
    assert picture["count"] == MOST_MEMBERS
    assert picture == expected(members, model, scale)


def test_two_members_at_the_two_ends_are_divided_across_the_whole_scale(
    oracle: Oracle, health: tuple[schema.HealthCheck, schema.Scale, dict[str, Any]]
) -> None:
    # Two members at the two ends of the scale: as many answers at 0 as at 100, so the middle
    # half of the answers spans the whole scale, and every dimension is as divided.
    model, scale, page = health
    values = [p.value for p in scale.points]
    members = [{q.id: value for q in team.statements(model)} for value in (values[0], values[-1])]
    picture = browser(oracle, members, model, scale, page)
    reference = expected(members, model, scale)
    assert picture == reference
    first = reference["dimensions"][0]
    assert (first["lower"], first["upper"]) == (first["low"], first["high"]) == (0, 100)
    assert reference["divided"] == [d.id for d in model.dimensions]
