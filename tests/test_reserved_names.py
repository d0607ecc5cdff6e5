"""Names from content never meet the script's names: element ids made from content never take
the prefix of the ids the script creates, and storage keys are named by kind (the browser
tests check the keys in a page)."""

from __future__ import annotations

import re

import pytest

from generator.scripts import module_text
from generator.template_filters import SCRIPT_ID_PREFIX, heading_slug

SCRIPT = module_text()


def test_every_id_the_script_creates_or_looks_up_has_its_prefix() -> None:
    created = re.findall(r'\bid: "([^"]+)"', SCRIPT)
    fields = re.findall(r'\bfield\("([^"]+)", t\(', SCRIPT)  # field(id, label, ...)
    looked_up = re.findall(r'getElementById\("([^"]+)"\)|querySelector\("#([^" .]+)', SCRIPT)
    names = [*created, *fields, *(a or b for a, b in looked_up)]
    assert len(names) >= 5
    theme = {"__drawer", "__search", "__toc"}  # the theme's own folding switches
    assert [n for n in names if n not in theme and not n.startswith(SCRIPT_ID_PREFIX)] == []


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("Pb import", "h-pb-import"),
        ("PB-import-ask", "h-pb-import-ask"),
        ("pb_team_codes", "h-pb-team-codes"),
        ("Pbx and friends", "pbx-and-friends"),
        ("__drawer", "drawer"),
        ("-search", "search"),
    ],
)
def test_a_heading_never_takes_an_id_of_the_script_or_the_theme(heading: str, slug: str) -> None:
    assert heading_slug(heading) == slug
