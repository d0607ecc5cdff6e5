"""The data the browser script reads from a page, as JSON for an HTML attribute (where
autoescaping makes it safe): how to score a practice's answers, which ticks lapse, how to read
and score team codes."""

from __future__ import annotations

import json

from . import schema


def scoring_data(practice: schema.Practice, scale: schema.Scale) -> str:
    """What the home page's progress overview needs to score ``practice`` from stored answers.

    JSON for an HTML attribute, where autoescaping makes it safe.
    """
    data = {
        "min": scale.points[0].value,
        "max": scale.points[-1].value,
        "questions": [{"id": q.id, "reverse": q.reverse} for q in practice.assessment.questions],
        "bands": [
            {"id": b.id, "min": b.min, "max": b.max, "label": b.label}
            for b in practice.assessment.bands
        ],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def repeating_data(practice: schema.Practice) -> str:
    """The checklist items of ``practice`` whose ticks lapse (daily, weekly) and how often, as
    JSON for the home page's progress overview."""
    data = {
        item.id: item.cadence
        for item in practice.checklist
        if item.cadence is not None and item.cadence != "once"
    }
    return json.dumps(data, separators=(",", ":"))


def team_data(
    health: schema.HealthCheck, scale: schema.Scale, version: str, threshold: int
) -> str:
    """What the team page's script needs to read codes and score them, as JSON."""
    data = {
        "version": version,
        "threshold": threshold,
        "points": [{"value": p.value, "label": p.label} for p in scale.points],
        "dimensions": [
            {
                "id": d.id,
                "title": d.title,
                "questions": [{"id": q.id, "reverse": q.reverse} for q in d.questions],
            }
            for d in health.dimensions
        ],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
