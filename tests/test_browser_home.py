"""The home page in a real browser: a "start here" path, and a card per practice and one for the
health check, each with its progress: ticks, the self-assessment's score and band, the health
check's last saved result. The cards sit side by side on a wide screen and one per row on a
phone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect
from support.browser import (
    answers_for,
    boxes,
    default_content,  # noqa: F401 (the content fixture)
    seed,
    starting,
)

from generator.content import Content
from generator.scoring import band_for, percent_score
from generator.ui import PAGE_STRINGS

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 900}


def test_home_shows_progress_of_every_practice(page: Page, content: Content) -> None:
    page.goto("")
    listen = content.practices["listen"].model
    scale = content.scales[listen.assessment.scale]
    answers = answers_for(listen.assessment.questions, scale, seed_=3)
    expected = percent_score(answers, listen.assessment.questions, scale)
    band = band_for(expected, listen.assessment.bands)
    grow = content.practices["grow"].model.assessment.questions
    seed(
        page,
        {
            "practice-checklist:listen": json.dumps(
                {"done": [i.id for i in listen.checklist[:5]]}
            ),
            "practice-answers:listen": json.dumps({"answers": answers}),
            "practice-answers:grow": json.dumps({"answers": {grow[0].id: 2}}),
        },
    )
    overview = page.locator(".pb-progress-overview")
    expect(overview).to_be_visible()
    rows = overview.locator(".pb-overview__item[data-practice]")
    chosen = ["listen", "appreciate", "grow", "boundaries", "communicate"]
    expect(rows).to_have_count(len(chosen))
    for row, practice_id in zip(rows.all(), chosen, strict=True):
        practice = content.practices[practice_id].model
        done = 5 if practice_id == "listen" else 0
        expect(row.locator("a")).to_have_text(practice.title)
        expect(row.locator(".pb-overview__status")).to_contain_text(
            f"{done} of {len(practice.checklist)} done"
        )
    # Scored on the page from the stored answers, like the practice page does.
    expect(rows.first).to_contain_text(f"Self-assessment: {expected} out of 100, {band.label}")
    expect(rows.nth(1)).to_contain_text("Self-assessment not taken yet")
    expect(rows.nth(2)).to_contain_text(f"1 of {len(grow)} statements answered.")
    # The band's place as a colour beside its name: the lowest, the middle or the highest.
    tone = ["low", "mid", "high"][[b.id for b in listen.assessment.bands].index(band.id)]
    expect(rows.first.locator(".pb-overview__score")).to_have_class(
        f"pb-overview__score pb-overview__score--{tone}"
    )
    # One card for the health check: its last saved result, about whom and when.
    health = overview.locator(".pb-overview__item[data-health]")
    expect(health.locator("a")).to_have_text(content.health_check.model.title)
    expect(health.locator(".pb-overview__score")).to_have_text("No result saved yet")
    results = [
        {"about": "", "date": "2024-03-01T09:00:00Z", "dimensions": {}, "overall": 40},
        {"about": "my manager", "date": "2024-05-01T09:00:00Z", "dimensions": {}, "overall": 70},
    ]
    seed(page, {"health-history:health": json.dumps({"results": results})})
    expect(health.locator(".pb-overview__score")).to_have_text(
        "Last result: 70 out of 100 about my manager, May 1, 2024"
    )
    seed(page, {"health-history:health": json.dumps({"results": results[:1]})})
    expect(health.locator(".pb-overview__score")).to_have_text(
        "Last result: 40 out of 100, March 1, 2024"
    )


@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["wide", "phone"])
def test_the_home_page_has_a_card_per_practice_and_one_for_the_health_check(
    new_page: Callable[..., Page], content: Content, viewport: dict[str, int]
) -> None:
    page = new_page(viewport=viewport)
    page.goto("")
    cards = page.locator(".pb-progress-overview .pb-overview__item")
    expect(cards).to_have_count(len(content.practices) + 1)
    expect(cards.last).to_have_attribute("data-health", "")
    placed = boxes(page, ".pb-progress-overview .pb-overview__item")
    assert all(b["x"] >= 0 and b["x"] + b["width"] <= viewport["width"] for b in placed)
    # Cards never overlap; on a wide screen they sit side by side, on a phone one per row.
    for one, other in zip(placed, placed[1:], strict=False):
        assert (
            other["y"] >= one["y"] + one["height"] - 0.5 or other["x"] >= one["x"] + one["width"]
        )
    rows = len({round(b["y"]) for b in placed})
    if viewport is WIDE:
        assert rows < len(placed)
    else:
        assert rows == len(placed)


@pytest.mark.every_engine
def test_the_home_page_has_a_start_here_path(page: Page) -> None:
    page.goto("")
    start = page.locator("ol.pb-start")
    expect(start.locator("li")).to_have_count(3)
    expect(page.locator(".md-content h2").first).to_have_text(
        starting(PAGE_STRINGS["heading_start"])
    )
    links = start.locator("a")
    expect(links).to_have_text([PAGE_STRINGS["take_health_check"], PAGE_STRINGS["start_practice"]])
    same_page, practices = links.nth(1).evaluate(
        "(a) => [a.pathname === location.pathname, a.hash]"
    )
    assert same_page and practices
    heading = page.locator(f"h2[id='{practices[1:]}']")
    expect(heading).to_have_text(starting(PAGE_STRINGS["heading_practices"]))
    expect(heading).not_to_be_in_viewport()
    links.nth(1).click()
    expect(heading).to_be_in_viewport()
    links.nth(0).click()
    expect(page).to_have_url(re.compile(r"/health-check/$"))
