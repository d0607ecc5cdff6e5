"""Self-assessment scoring, the reference implementation.

The browser script computes the same numbers; a test feeds both the same answers. Scores are
whole percentages: 0 when every answer is the practice's weakest, 100 when every answer is its
strongest, rounded half up with integer arithmetic so that both languages agree exactly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .schema import Band, Question, Scale


def answer_points(question: Question, value: int, scale: Scale) -> int:
    """Points of one answer above the scale's lowest value, reversed where the question says."""
    lowest = scale.points[0].value
    highest = scale.points[-1].value
    if question.reverse:
        value = lowest + highest - value
    return value - lowest


def percent_score(answers: Mapping[str, int], questions: Sequence[Question], scale: Scale) -> int:
    """The 0-100 score of a complete set of answers, keyed by question id."""
    span = scale.points[-1].value - scale.points[0].value
    valid = {point.value for point in scale.points}
    total = 0
    for question in questions:
        value = answers[question.id]
        if value not in valid:
            raise ValueError(f"answer {value} to '{question.id}' is not on scale '{scale.id}'")
        total += answer_points(question, value, scale)
    most = span * len(questions)
    return (200 * total + most) // (2 * most)


def band_for(score: int, bands: Sequence[Band]) -> Band:
    """The band a score falls in; validated bands cover 0-100 exactly once."""
    for band in bands:
        if band.min <= score <= band.max:
            return band
    raise ValueError(f"no band covers the score {score}")


def weakest(scores: Mapping[str, int]) -> list[str]:
    """The health check's weakest dimensions: every one that shares the lowest score, in order.

    The browser script recommends the practices of these dimensions.
    """
    lowest = min(scores.values())
    return [key for key, value in scores.items() if value == lowest]
