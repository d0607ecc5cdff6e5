"""Team health check, the reference implementation: share codes and the team's picture.

A member's code holds their answers to the health check, packed into one number, so that
whoever collects the codes can read them together but not one person's answers by eye;
nothing in it names the member. The browser script (assets/js/teamcodes.mjs) makes and reads
the same codes and computes the same numbers; its unit tests (tests/js/reference.test.mjs)
check both agree on cases made here.

A code reads ``VVVV-ANSWERS-CCCC``:

- ``VVVV``, the health check's version: a digest of its dimensions, statements, reverse flags
  and scale, so that a code from an edited health check is recognised as such;
- ``ANSWERS``, the answers packed into one number written in base 36: every statement in page
  order gives one digit in base *k* (the scale's number of points; ``0`` for its lowest point),
  the first statement the most significant; always as many characters as the largest such
  number needs (``width``), so that every code of one health check is as long;
- ``CCCC``, a check over the rest (FNV-1a, 32 bits, in base 36): a mistyped or changed
  character is refused rather than half-read.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from .schema import HealthCheck, Question, Scale
from .scoring import percent_score

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
#: The most points a scale may have where the content has a team page.
MOST_POINTS = len(DIGITS)
CODE_RE = re.compile(r"([0-9a-z]{4})-([0-9a-z]{1,1000})-([0-9a-z]{4})")
RESULT_RE = re.compile(r"([0-9a-z]{4})-([0-9a-z]{1,9}(?:\.[0-9a-z]{1,9}){1,5000})-([0-9a-z]{4})")
#: Why a code is refused: the script's string for each is ``team_refused_<reason>``.
REASONS = ("format", "check", "version", "fit")


class CodeError(ValueError):
    """A code that cannot be read; ``reason`` is one of REASONS."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def base36(number: int, width: int) -> str:
    digits = ""
    for _ in range(width):
        number, digit = divmod(number, 36)
        digits = DIGITS[digit] + digits
    return digits


def statements(health: HealthCheck) -> list[Question]:
    """Every statement of the health check, in page order (dimension by dimension)."""
    return [question for dimension in health.dimensions for question in dimension.questions]


def version(health: HealthCheck, scale: Scale) -> str:
    """Four characters that change whenever what a code means changes."""
    shape = {
        "scale": [point.value for point in scale.points],
        "dimensions": [
            [d.id, [[q.id, q.reverse] for q in d.questions]] for d in health.dimensions
        ],
    }
    text = json.dumps(shape, separators=(",", ":"), sort_keys=True)
    digest = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")
    return base36(digest, 4)


def check_characters(text: str) -> str:
    """FNV-1a (32 bits) of ``text``, in four base-36 characters; the script's ``checkOf``."""
    value = 0x811C9DC5
    for byte in text.encode("ascii"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return base36(value % 36**4, 4)


def width(points: int, count: int) -> int:
    """How many base-36 characters the answers to ``count`` statements on a scale of
    ``points`` points take: enough for the largest packed number, points ** count - 1."""
    largest, characters = points**count - 1, 1
    while largest >= 36**characters:
        characters += 1
    return characters


def pack(positions: Sequence[int], points: int) -> str:
    """Answer positions (each below ``points``) as one base-36 number of fixed width."""
    number = 0
    for position in positions:
        number = number * points + position
    return base36(number, width(points, len(positions)))


def unpack(text: str, points: int, count: int) -> list[int] | None:
    """The ``count`` answer positions packed in ``text``; None if it cannot hold them."""
    if len(text) != width(points, count):
        return None
    number = int(text, 36)
    if number >= points**count:
        return None
    positions = []
    for _ in range(count):
        number, position = divmod(number, points)
        positions.append(position)
    return positions[::-1]


def encode(answers: Mapping[str, int], health: HealthCheck, scale: Scale) -> str:
    """The code of a complete set of answers (question id to the scale value chosen)."""
    if len(scale.points) > MOST_POINTS:
        raise ValueError(f"a scale of more than {MOST_POINTS} points has no team codes")
    positions = {point.value: index for index, point in enumerate(scale.points)}
    body = pack([positions[answers[q.id]] for q in statements(health)], len(scale.points))
    head = f"{version(health, scale)}-{body}"
    return f"{head}-{check_characters(head)}"


def normalise(line: str) -> str:
    """A pasted line as a code: spaces and case do not matter, and a team page link holding
    the code in its fragment (``.../team/#code=...``) is read for its code."""
    text = line.strip()
    if "#code=" in text:
        text = text.rsplit("#code=", 1)[1]
    return "".join(text.split()).lower()


def decode(line: str, health: HealthCheck, scale: Scale) -> dict[str, int]:
    """The answers a code holds, keyed by question id; CodeError if it cannot be read."""
    match = CODE_RE.fullmatch(normalise(line))
    if match is None:
        raise CodeError("format")
    head = f"{match[1]}-{match[2]}"
    if check_characters(head) != match[3]:
        raise CodeError("check")
    if match[1] != version(health, scale):
        raise CodeError("version")
    questions = statements(health)
    positions = unpack(match[2], len(scale.points), len(questions))
    if positions is None:
        raise CodeError("fit")
    return {q.id: scale.points[p].value for q, p in zip(questions, positions, strict=True)}


def result_code(counted: Tally, health: HealthCheck, scale: Scale) -> str:
    """The team result code of a tally: ``VVVV-NUMBERS-CCCC``, where NUMBERS are, in base 36
    and separated by dots, how many members, then every dimension's counts in order, lowest
    point first. It holds the tally and nothing else."""
    numbers = [counted.count, *(n for _, counts in counted.counts for n in counts)]
    head = f"{version(health, scale)}-{'.'.join(base36_of(n) for n in numbers)}"
    return f"{head}-{check_characters(head)}"


def base36_of(number: int) -> str:
    """``number`` (0 or more) in base 36, as short as it goes."""
    digits = ""
    while True:
        number, digit = divmod(number, 36)
        digits = DIGITS[digit] + digits
        if not number:
            return digits


def read_result(line: str, health: HealthCheck, scale: Scale) -> Tally:
    """The tally a team result code (or its link, ``.../team/#result=...``) holds; CodeError
    if it cannot be read, or if its counts cannot come from its number of members."""
    text = line.strip()
    if "#result=" in text:
        text = text.rsplit("#result=", 1)[1]
    match = RESULT_RE.fullmatch("".join(text.split()).lower())
    if match is None:
        raise CodeError("format")
    if check_characters(f"{match[1]}-{match[2]}") != match[3]:
        raise CodeError("check")
    if match[1] != version(health, scale):
        raise CodeError("version")
    count, *numbers = (int(part, 36) for part in match[2].split("."))
    points = len(scale.points)
    if count < 1 or len(numbers) != points * len(health.dimensions):
        raise CodeError("fit")
    counts = []
    for index, dimension in enumerate(health.dimensions):
        row = tuple(numbers[index * points : (index + 1) * points])
        if sum(row) != count * len(dimension.questions):
            raise CodeError("fit")
        counts.append((dimension.id, row))
    return Tally(count, tuple(counts))


def member_scores(answers: Mapping[str, int], health: HealthCheck, scale: Scale) -> dict[str, int]:
    """One member's 0-100 score per dimension, as the health check page shows them."""
    return {d.id: percent_score(answers, d.questions, scale) for d in health.dimensions}


@dataclass(frozen=True)
class Tally:
    """All the team page keeps of the codes it reads: how many members, and per dimension
    (in order) how many of their answers fell on each point of the scale, lowest first. A
    reverse-scored statement's answer counts where it scores: its scale's lowest point as the
    highest. Nothing in it tells one member's answers from another's."""

    count: int
    counts: tuple[tuple[str, tuple[int, ...]], ...]


def tally(members: Sequence[Mapping[str, int]], health: HealthCheck, scale: Scale) -> Tally:
    """The tally of every member's answers (question id to the scale value chosen)."""
    positions = {point.value: index for index, point in enumerate(scale.points)}
    last = len(scale.points) - 1
    counts = []
    for dimension in health.dimensions:
        row = [0] * len(scale.points)
        for answers in members:
            for question in dimension.questions:
                position = positions[answers[question.id]]
                row[last - position if question.reverse else position] += 1
        counts.append((dimension.id, tuple(row)))
    return Tally(len(members), tuple(counts))


def median(values: Sequence[Fraction | int]) -> Fraction:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return Fraction(ordered[middle])
    return Fraction(ordered[middle - 1] + ordered[middle], 2)


def quartiles(values: Sequence[Fraction | int]) -> tuple[Fraction, Fraction]:
    """The first and third quartiles of ``values`` (at least one): the sorted values read at
    the positions (n - 1) / 4 and 3 (n - 1) / 4, between two values in proportion (the
    method of spreadsheets' QUARTILE.INC). Half of the values lie between them."""
    ordered = sorted(values)

    def at(position: Fraction) -> Fraction:
        index = int(position)
        share = position - index
        if not share:
            return Fraction(ordered[index])
        return ordered[index] + (ordered[index + 1] - ordered[index]) * share

    last = len(ordered) - 1
    return at(Fraction(last, 4)), at(Fraction(3 * last, 4))


@dataclass(frozen=True)
class DimensionSummary:
    """A dimension's numbers, read off its tally: every answer scores as its scale point does
    (0 for the lowest, 100 for the highest, evenly between), and the median, lowest, highest
    and quartiles are those of the scores of all its answers."""

    id: str
    median: Fraction
    low: Fraction
    high: Fraction
    #: How many answers fell on each point of the scale, lowest point first (the tally's).
    counts: tuple[int, ...]
    #: The first and third quartiles of the answers' scores: the middle half lies between.
    lower_quartile: Fraction = Fraction(0)
    upper_quartile: Fraction = Fraction(0)

    @property
    def divided(self) -> Fraction:
        """How divided the team is on the dimension: the interquartile range, the width of
        the middle half of its answers' scores (a few outliers do not make a team divided)."""
        return self.upper_quartile - self.lower_quartile


@dataclass(frozen=True)
class TeamSummary:
    count: int
    dimensions: tuple[DimensionSummary, ...]

    def weakest(self) -> list[str]:
        """Every dimension that shares the lowest median, in order."""
        lowest = min(d.median for d in self.dimensions)
        return [d.id for d in self.dimensions if d.median == lowest]

    def most_divided(self) -> list[str]:
        """Every dimension that shares the widest interquartile range, in order; none when
        the middle half of the answers agrees on every dimension."""
        widest = max(d.divided for d in self.dimensions)
        return [d.id for d in self.dimensions if d.divided == widest] if widest else []


def summary_of(counted: Tally, scale: Scale) -> TeamSummary:
    """The team's picture from a tally of at least one member."""
    if counted.count < 1:
        raise ValueError("a team summary needs at least one member's answers")
    last = len(scale.points) - 1
    dimensions = []
    for dimension_id, counts in counted.counts:
        scores = [
            Fraction(100 * position, last)
            for position, count in enumerate(counts)
            for _ in range(count)
        ]
        lower, upper = quartiles(scores)
        dimensions.append(
            DimensionSummary(
                dimension_id, median(scores), scores[0], scores[-1], counts, lower, upper
            )
        )
    return TeamSummary(counted.count, tuple(dimensions))


def summarise(
    members: Sequence[Mapping[str, int]], health: HealthCheck, scale: Scale
) -> TeamSummary:
    """The team's picture from every member's answers (at least one member)."""
    return summary_of(tally(members, health, scale), scale)
