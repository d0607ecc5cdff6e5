"""Result bands: every score a self-assessment can give falls in exactly one band.

Kept apart from the other content checks so that its cases can be read (and mutation-tested,
bench/mutation.py) on their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from . import schema
from .loader import KeyPath, SourceMap

SCORE_MIN, SCORE_MAX = 0, 100


class Report(Protocol):
    def add(self, source: SourceMap, path: KeyPath, message: str) -> None: ...


def check_bands(
    check: Report, source: SourceMap, path: KeyPath, bands: Sequence[schema.Band]
) -> None:
    """Bands must cover every score from 0 to 100 exactly once."""
    order = sorted(range(len(bands)), key=lambda index: (bands[index].min, bands[index].max))
    expected = SCORE_MIN
    previous: schema.Band | None = None
    for index in order:
        band = bands[index]
        if band.min > band.max:
            check.add(
                source,
                (*path, index),
                f"band '{band.id}' starts at {band.min}, after its end {band.max}",
            )
            continue
        if band.min > expected:
            check.add(
                source,
                (*path, index, "min"),
                f"scores {_span(expected, band.min - 1)} fall in no band "
                f"(band '{band.id}' starts at {band.min})",
            )
        elif band.min < expected and previous is not None:
            check.add(
                source,
                (*path, index, "min"),
                f"band '{band.id}' overlaps band '{previous.id}': "
                f"scores {_span(band.min, min(expected - 1, band.max))} fall in both",
            )
        if previous is None or band.max >= expected:
            previous = band
        expected = max(expected, band.max + 1)
    if expected <= SCORE_MAX and previous is not None:
        last = bands.index(previous)
        check.add(
            source,
            (*path, last, "max"),
            f"scores {_span(expected, SCORE_MAX)} fall in no band "
            f"(band '{previous.id}' ends at {previous.max})",
        )


def _span(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}-{high}"
