"""The reference scoring: percentages, reverse scoring, rounding and bands."""

from __future__ import annotations

import pytest

from generator.schema import Band, Question, Scale, ScalePoint
from generator.scoring import answer_points, band_for, percent_score, weakest

FIVE = Scale(id="frequency", points=[ScalePoint(value=v, label=str(v)) for v in range(1, 6)])
FORWARD = Question(id="forward", text="I do it.")
REVERSED = Question(id="reversed", text="I avoid it.", reverse=True)
BANDS = [
    Band(id="low", min=0, max=44, label="Low", advice="Start."),
    Band(id="middle", min=45, max=74, label="Middle", advice="Grow."),
    Band(id="high", min=75, max=100, label="High", advice="Keep going."),
]


def test_lowest_and_highest_answers_give_0_and_100() -> None:
    assert percent_score({"forward": 1, "reversed": 5}, [FORWARD, REVERSED], FIVE) == 0
    assert percent_score({"forward": 5, "reversed": 1}, [FORWARD, REVERSED], FIVE) == 100


def test_reverse_scored_question_counts_the_other_way() -> None:
    # forward 4 -> 3 of 4 points; reversed 2 -> 3 of 4 points: 6 of 8 = 75.
    assert percent_score({"forward": 4, "reversed": 2}, [FORWARD, REVERSED], FIVE) == 75


def test_halves_round_up_in_integer_arithmetic() -> None:
    three = [Question(id=f"q{i}", text="q") for i in range(3)]
    # 1 of 12 points = 8.33 -> 8; 3 of 24 points with six questions = 12.5 -> 13.
    assert percent_score({"q0": 2, "q1": 1, "q2": 1}, three, FIVE) == 8
    six = [Question(id=f"q{i}", text="q") for i in range(6)]
    answers = {"q0": 2, "q1": 2, "q2": 2, "q3": 1, "q4": 1, "q5": 1}
    assert percent_score(answers, six, FIVE) == 13


def test_answer_off_the_scale_is_refused() -> None:
    with pytest.raises(ValueError, match="answer 6 to 'forward' is not on scale 'frequency'"):
        percent_score({"forward": 6}, [FORWARD], FIVE)


@pytest.mark.parametrize(
    ("score", "band"),
    [(0, "low"), (44, "low"), (45, "middle"), (74, "middle"), (75, "high"), (100, "high")],
)
def test_band_edges_are_inclusive(score: int, band: str) -> None:
    assert band_for(score, BANDS).id == band


@pytest.mark.parametrize("lowest", [0, 2])
def test_a_scale_that_does_not_start_at_1_scores_from_its_lowest_value(lowest: int) -> None:
    scale = Scale(
        id="other", points=[ScalePoint(value=v, label=str(v)) for v in range(lowest, lowest + 5)]
    )
    questions = [FORWARD, REVERSED]
    assert percent_score({"forward": lowest, "reversed": lowest + 4}, questions, scale) == 0
    assert percent_score({"forward": lowest + 4, "reversed": lowest}, questions, scale) == 100
    # 3 of 4 points and 3 of 4 points: 75; 1 of 4 and 2 of 4: 37.5, rounded up to 38.
    assert percent_score({"forward": lowest + 3, "reversed": lowest + 1}, questions, scale) == 75
    assert percent_score({"forward": lowest + 1, "reversed": lowest + 2}, questions, scale) == 38
    assert answer_points(FORWARD, lowest, scale) == 0
    assert answer_points(REVERSED, lowest, scale) == 4
    assert answer_points(REVERSED, lowest + 4, scale) == 0


def test_a_scale_of_uneven_steps_counts_its_values() -> None:
    # Points 0, 1 and 4: an answer of 1 is a quarter of the way, not a half.
    scale = Scale(id="uneven", points=[ScalePoint(value=v, label=str(v)) for v in (0, 1, 4)])
    assert percent_score({"forward": 1}, [FORWARD], scale) == 25
    assert percent_score({"reversed": 1}, [REVERSED], scale) == 75
    with pytest.raises(ValueError, match="answer 2 to 'forward' is not on scale 'uneven'"):
        percent_score({"forward": 2}, [FORWARD], scale)


def test_a_score_no_band_covers_is_refused() -> None:
    with pytest.raises(ValueError, match="no band covers the score 101"):
        band_for(101, BANDS)


def test_every_dimension_sharing_the_lowest_score_is_weakest() -> None:
    assert weakest({"a": 40, "b": 20, "c": 20, "d": 90}) == ["b", "c"]
    assert weakest({"a": 0}) == ["a"]
