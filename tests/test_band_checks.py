"""generator/bands.py: the bands of a self-assessment cover every score from 0 to 100 once."""

from __future__ import annotations

import pytest

from generator.bands import check_bands
from generator.content import Collector
from generator.loader import SourceMap
from generator.schema import Band

SOURCE = SourceMap("practice.yaml")


def bands(*spans: tuple[int, int]) -> list[Band]:
    return [
        Band(id=f"b{index}", min=low, max=high, label="L", advice="A.")
        for index, (low, high) in enumerate(spans)
    ]


def problems(*spans: tuple[int, int]) -> list[str]:
    check = Collector()
    check_bands(check, SOURCE, ("bands",), bands(*spans))
    return [f"{problem.key_path}: {problem.message}" for problem in check.problems]


@pytest.mark.parametrize(
    "spans",
    [
        [(0, 100)],
        [(0, 0), (1, 100)],
        [(0, 99), (100, 100)],
        [(50, 100), (0, 49)],  # listed in any order
        [(0, 33), (34, 66), (67, 100)],
    ],
)
def test_bands_that_cover_every_score_once_pass(spans: list[tuple[int, int]]) -> None:
    assert problems(*spans) == []


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        # A gap of the last score only.
        ([(0, 99)], ["bands[0].max: scores 100 fall in no band (band 'b0' ends at 99)"]),
        # A gap of one score in the middle, and at the start.
        (
            [(0, 49), (51, 100)],
            ["bands[1].min: scores 50 fall in no band (band 'b1' starts at 51)"],
        ),
        ([(1, 100)], ["bands[0].min: scores 0 fall in no band (band 'b0' starts at 1)"]),
        # Wider gaps name their range.
        (
            [(0, 40), (45, 90)],
            [
                "bands[1].min: scores 41-44 fall in no band (band 'b1' starts at 45)",
                "bands[1].max: scores 91-100 fall in no band (band 'b1' ends at 90)",
            ],
        ),
        # Overlaps, of one score and of a band inside another.
        (
            [(0, 50), (50, 100)],
            ["bands[1].min: band 'b1' overlaps band 'b0': scores 50 fall in both"],
        ),
        (
            [(0, 100), (20, 30)],
            ["bands[1].min: band 'b1' overlaps band 'b0': scores 20-30 fall in both"],
        ),
        ([(60, 40), (0, 100)], ["bands[0]: band 'b0' starts at 60, after its end 40"]),
        # Only bands that end before they start: nothing more to say.
        ([(60, 40)], ["bands[0]: band 'b0' starts at 60, after its end 40"]),
        # A band that ends before it starts is passed over; the others are still checked.
        (
            [(50, 10), (0, 49), (50, 100)],
            ["bands[0]: band 'b0' starts at 50, after its end 10"],
        ),
        # A band inside another leaves the outer one the band later overlaps are named by.
        (
            [(0, 100), (20, 30), (40, 50)],
            [
                "bands[1].min: band 'b1' overlaps band 'b0': scores 20-30 fall in both",
                "bands[2].min: band 'b2' overlaps band 'b0': scores 40-50 fall in both",
            ],
        ),
        # A band reaching one score further is the one a later gap is named after.
        (
            [(0, 50), (40, 51)],
            [
                "bands[1].min: band 'b1' overlaps band 'b0': scores 40-50 fall in both",
                "bands[1].max: scores 52-100 fall in no band (band 'b1' ends at 51)",
            ],
        ),
    ],
)
def test_each_gap_and_overlap_is_named(spans: list[tuple[int, int]], expected: list[str]) -> None:
    assert problems(*spans) == expected
