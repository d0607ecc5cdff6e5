"""Team codes and the team's picture: the reference implementation in generator/team.py."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator import schema, team
from generator.errors import ContentError
from generator.project import load_project
from generator.render import render_site


@pytest.fixture(scope="module")
def default(repo_root: Path) -> tuple[schema.HealthCheck, schema.Scale]:
    content = load_project(repo_root).content_for("default")
    assert content.health_check is not None
    health = content.health_check.model
    return health, content.scales[health.scale]


def answers_of(health: schema.HealthCheck, values: list[int]) -> dict[str, int]:
    questions = team.statements(health)
    return {q.id: values[i % len(values)] for i, q in enumerate(questions)}


def test_a_code_round_trips_and_is_short(default: tuple[schema.HealthCheck, schema.Scale]) -> None:
    health, scale = default
    answers = answers_of(health, [1, 2, 3, 4, 5])
    code = team.encode(answers, health, scale)
    assert len(team.statements(health)) == 16  # in the default, on a scale of 5 points
    # 5 ** 16 - 1 takes 8 characters in base 36: the answers packed, not one digit each.
    assert len(code) == 4 + 1 + 8 + 1 + 4
    assert code.split("-")[1] == "04cpkw0m"
    assert team.decode(code, health, scale) == answers
    assert team.decode(f"  {code.upper()}  ", health, scale) == answers
    assert team.decode(f"https://example.org/team/#code={code}", health, scale) == answers


def test_an_answer_is_not_a_character_of_the_code(
    default: tuple[schema.HealthCheck, schema.Scale],
) -> None:
    """Every answer "3" (position 2 of 5) is not "2222222222222222" but (5 ** 16 - 1) / 2 in
    base 36."""
    health, scale = default
    body = team.encode(answers_of(health, [3]), health, scale).split("-")[1]
    assert int(body, 36) == (5**16 - 1) // 2
    assert body == "0z1rg0yo"


@given(
    points=st.integers(min_value=2, max_value=36),
    positions=st.lists(st.integers(min_value=0, max_value=35), min_size=1, max_size=60),
)
def test_packing_round_trips_at_a_fixed_width(points: int, positions: list[int]) -> None:
    positions = [p % points for p in positions]
    packed = team.pack(positions, points)
    assert len(packed) == team.width(points, len(positions))
    assert team.unpack(packed, points, len(positions)) == positions


def test_a_packed_number_too_large_or_too_long_does_not_fit() -> None:
    assert team.width(5, 16) == 8
    assert team.unpack("zzzzzzzz", 5, 16) is None  # 36 ** 8 - 1 is above 5 ** 16 - 1
    assert team.unpack("004cpkw0m", 5, 16) is None
    assert team.unpack("04cpkw0m", 5, 16) == [0, 1, 2, 3, 4] * 3 + [0]


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda code: "hello", "format"),
        (lambda code: code.replace("-", "", 1), "format"),
        (lambda code: code[:6] + ("1" if code[6] != "1" else "2") + code[7:], "check"),
        (lambda code: code[:-1] + ("0" if code[-1] != "0" else "1"), "check"),
    ],
    ids=["not-a-code", "no-dash", "answer-changed", "check-changed"],
)
def test_a_mistyped_or_changed_code_is_refused(
    default: tuple[schema.HealthCheck, schema.Scale], change: object, reason: str
) -> None:
    health, scale = default
    code = team.encode(answers_of(health, [3]), health, scale)
    with pytest.raises(team.CodeError) as raised:
        team.decode(change(code), health, scale)  # type: ignore[operator]
    assert raised.value.reason == reason


def test_a_code_of_an_edited_health_check_is_recognised(
    default: tuple[schema.HealthCheck, schema.Scale],
) -> None:
    health, scale = default
    code = team.encode(answers_of(health, [4]), health, scale)
    first = health.dimensions[0]
    flipped = first.questions[0].model_copy(update={"reverse": not first.questions[0].reverse})
    edited_dimension = first.model_copy(update={"questions": [flipped, *first.questions[1:]]})
    edited = health.model_copy(update={"dimensions": [edited_dimension, *health.dimensions[1:]]})
    assert team.version(edited, scale) != team.version(health, scale)
    with pytest.raises(team.CodeError) as raised:
        team.decode(code, edited, scale)
    assert raised.value.reason == "version"
    # Rewording a statement changes no answer's meaning: the version stays.
    reworded = first.questions[0].model_copy(update={"text": "Something else."})
    same = health.model_copy(
        update={
            "dimensions": [
                first.model_copy(update={"questions": [reworded, *first.questions[1:]]}),
                *health.dimensions[1:],
            ]
        }
    )
    assert team.version(same, scale) == team.version(health, scale)


def test_a_code_with_a_valid_check_that_does_not_fit_is_refused(
    default: tuple[schema.HealthCheck, schema.Scale],
) -> None:
    health, scale = default
    head = f"{team.version(health, scale)}-0123"
    with pytest.raises(team.CodeError) as raised:
        team.decode(f"{head}-{team.check_characters(head)}", health, scale)
    assert raised.value.reason == "fit"
    head = f"{team.version(health, scale)}-{'9' * len(team.statements(health))}"
    with pytest.raises(team.CodeError) as raised:
        team.decode(f"{head}-{team.check_characters(head)}", health, scale)
    assert raised.value.reason == "fit"


def test_check_characters_are_fnv1a() -> None:
    # FNV-1a 32 of "a" is 0xe40c292c (the published test vector), in base 36 mod 36**4.
    assert team.check_characters("a") == team.base36(0xE40C292C % 36**4, 4)
    assert team.check_characters("") == team.base36(0x811C9DC5 % 36**4, 4)


def test_medians() -> None:
    assert team.median([50, 10, 90]) == 50
    assert team.median([10, 20, 40, 90]) == Fraction(30)
    assert team.median([10, 25]) == Fraction(35, 2)


def test_the_tally_counts_answers_where_they_score(
    default: tuple[schema.HealthCheck, schema.Scale],
) -> None:
    """Per dimension, each member's answers on the scale's points, a reverse-scored one
    turned round; how many members, and nothing else."""
    health, scale = default
    members = [answers_of(health, [v]) for v in (1, 3, 5)]
    counted = team.tally(members, health, scale)
    assert counted.count == 3
    for dimension, (dimension_id, counts) in zip(health.dimensions, counted.counts, strict=True):
        assert dimension_id == dimension.id
        # "1" lands on the lowest point, or on the highest for a reverse statement, and "5"
        # the other way round: whatever the mix, as many answers at each end.
        size = len(dimension.questions)
        assert counts == (size, 0, size, 0, size)
    assert any(q.reverse for d in health.dimensions for q in d.questions)
    mixed = team.tally([answers_of(health, [1])], health, scale)
    first = health.dimensions[0]
    reverse = sum(q.reverse for q in first.questions)
    assert dict(mixed.counts)[first.id] == (len(first.questions) - reverse, 0, 0, 0, reverse)


def test_the_team_summary_from_three_members(
    default: tuple[schema.HealthCheck, schema.Scale],
) -> None:
    health, scale = default
    members = [answers_of(health, [v]) for v in (1, 3, 5)]
    summary = team.summarise(members, health, scale)
    assert summary.count == 3
    for dimension in summary.dimensions:
        # As many answers at 0 as at 100 (a reverse statement turns one "1" into 100 and one
        # "5" into 0), and a third of them at 50: the median is 50, the range 0 to 100.
        assert dimension.median == 50
        assert (dimension.low, dimension.high) == (0, 100)
        assert sum(dimension.counts) == 3 * len(
            next(d for d in health.dimensions if d.id == dimension.id).questions
        )
    assert summary.weakest() == [d.id for d in health.dimensions]


def test_the_numbers_are_those_of_every_answers_score() -> None:
    """Four points (0, 33⅓, 66⅔, 100): a tally of 2, 1, 0, 1 answers has its median between
    0 and 33⅓, and its quartiles read between the sorted scores."""
    four = schema.Scale(
        id="four", points=[schema.ScalePoint(value=v, label=str(v)) for v in range(1, 5)]
    )
    summary = team.summary_of(team.Tally(1, (("d", (2, 1, 0, 1)),)), four)
    (dimension,) = summary.dimensions
    assert dimension.median == Fraction(50, 3)
    assert (dimension.low, dimension.high) == (0, 100)
    assert team.quartiles([0, 0, Fraction(100, 3), 100]) == (0, Fraction(50))
    assert (dimension.lower_quartile, dimension.upper_quartile) == (0, 50)
    with pytest.raises(ValueError, match="at least one member"):
        team.summary_of(team.Tally(0, (("d", (0, 0, 0, 0)),)), four)


@pytest.mark.parametrize(
    ("values", "lower", "upper"),
    [
        ([50], 50, 50),
        ([6, 75], Fraction(93, 4), Fraction(231, 4)),  # 23.25 and 57.75
        ([94, 25, 50], Fraction(75, 2), 72),  # in any order
        ([1, 2, 3, 4], Fraction(7, 4), Fraction(13, 4)),  # QUARTILE.INC's own example
        ([0, 0, 0, 100, 100], 0, 100),
        ([10, 20, 30, 40, 50, 60, 70, 80, 90], 30, 70),
    ],
)
def test_quartiles_are_read_between_the_sorted_values(
    values: list[int], lower: Fraction, upper: Fraction
) -> None:
    assert team.quartiles(values) == (lower, upper)


def test_the_most_divided_dimensions_are_those_of_the_widest_middle_half(
    default: tuple[schema.HealthCheck, schema.Scale],
) -> None:
    health, scale = default
    first, second, third = health.dimensions[:3]
    summary = team.TeamSummary(
        4,
        tuple(
            team.DimensionSummary(d.id, Fraction(50), low, high, (), Fraction(q1), Fraction(q3))
            for d, (low, high, q1, q3) in zip(
                health.dimensions,
                # The same interquartile range (45) at different places, a wider full range
                # (6 to 94) with a narrower middle half (10), and the rest all agreeing.
                [(25, 94, 40, 85), (6, 75, 20, 65), (6, 94, 45, 55)]
                + [(50, 50, 50, 50)] * (len(health.dimensions) - 3),
                strict=True,
            )
        ),
    )
    assert summary.most_divided() == [first.id, second.id]
    assert third.id not in summary.most_divided()
    agreeing = team.TeamSummary(
        2, tuple(team.DimensionSummary(d.id, Fraction(50), 40, 60, ()) for d in health.dimensions)
    )
    assert agreeing.most_divided() == []


def test_the_team_page_and_its_threshold(repo_root: Path, project_copy: Path) -> None:
    project = load_project(repo_root)
    site = render_site(project.playbook("default").model, project.content_for("default"))
    assert "team.md" in site.pages
    titles = [entry.title for entry in site.nav]
    assert titles[titles.index("Relationship health check") + 1] == "Team health check"
    assert "&quot;threshold&quot;&#58;3," in site.pages["team.md"]
    playbook = project_copy / "playbooks" / "default.yaml"
    playbook.write_text(
        playbook.read_text(encoding="utf-8") + "team_threshold: 5\n", encoding="utf-8"
    )
    copy = load_project(project_copy)
    site = render_site(copy.playbook("default").model, copy.content_for("default"))
    assert "&quot;threshold&quot;&#58;5," in site.pages["team.md"]
    playbook.write_text(
        playbook.read_text(encoding="utf-8").replace("team_threshold: 5", "team_threshold: 2"),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as raised:
        load_project(project_copy)
    assert str(raised.value) == (f"{playbook}:14:17: team_threshold: must be at least 3, got 2")


def test_a_playbook_that_extends_another_can_bring_its_own_team_guide(project_copy: Path) -> None:
    own = project_copy / "content" / "client"
    (own / "practices").mkdir(parents=True)
    (own / "team.yaml").write_text(
        "title: Squad check\nsummary: Our squad, together.\nintro: Paste the codes.\n"
        "guide:\n  - title: Our way\n    body: Ten minutes, then coffee.\n",
        encoding="utf-8",
    )
    (project_copy / "playbooks" / "client.yaml").write_text(
        "extend: default\ncontent: ../content/client\nteam_threshold: 4\n", encoding="utf-8"
    )
    project = load_project(project_copy)
    client = render_site(project.playbook("client").model, project.content_for("client"))
    page = client.pages["team.md"]
    assert "# Squad check {: #squad-check }" in page
    assert "### Our way {: #our-way }" in page
    assert "Ten minutes, then coffee." in page
    assert "&quot;threshold&quot;&#58;4," in page
    assert [e.title for e in client.nav if e.path == "team.md"] == ["Squad check"]
    default = render_site(project.playbook("default").model, project.content_for("default"))
    assert "# Team health check {: #team-health-check }" in default.pages["team.md"]


def test_without_team_yaml_there_is_no_team_page_and_no_code(project_copy: Path) -> None:
    (project_copy / "playbooks" / "default.yaml").write_text(
        (project_copy / "playbooks" / "default.yaml").read_text(encoding="utf-8")
        + "content: ../content\n",
        encoding="utf-8",
    )
    (project_copy / "content" / "team.yaml").unlink()
    project = load_project(project_copy)
    site = render_site(project.playbook("default").model, project.content_for("default"))
    assert "team.md" not in site.pages
    assert "data-team-version" not in site.pages["health-check.md"]
    assert "pb-team-invite" not in site.pages["health-check.md"]


def test_a_team_result_code_holds_the_tally_and_nothing_else(
    default: tuple[schema.HealthCheck, schema.Scale],
) -> None:
    health, scale = default
    members = [answers_of(health, [v]) for v in (1, 3, 5)]
    counted = team.tally(members, health, scale)
    code = team.result_code(counted, health, scale)
    version = team.version(health, scale)
    sizes = [len(d.questions) for d in health.dimensions]
    numbers = ".".join(
        f"{team.base36_of(n)}.0.{team.base36_of(n)}.0.{team.base36_of(n)}" for n in sizes
    )
    assert code == f"{version}-3.{numbers}-{team.check_characters(f'{version}-3.{numbers}')}"
    assert team.read_result(code, health, scale) == counted
    assert team.read_result(f"https://example.org/team/#result={code.upper()}", health, scale) == (
        counted
    )
    # Counts that no number of members could give, or no members at all, are refused.
    for numbers_now in (f"3.{numbers}.1", f"2.{numbers}", f"0.{numbers}"):
        head = f"{version}-{numbers_now}"
        with pytest.raises(team.CodeError) as raised:
            team.read_result(f"{head}-{team.check_characters(head)}", health, scale)
        assert raised.value.reason == "fit"
