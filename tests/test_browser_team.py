"""The team health check in a real browser: members' codes, the team page, saved team results.

Expected codes, medians, ranges and counts come from the YAML through generator/team.py, the
reference the browser script must agree with. Every page is checked for console errors and
requests to other hosts by the ``page``/``new_page`` fixtures.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from support.browser import (
    HEALTH,
    PageLog,
    ServedSite,
    default_content,  # noqa: F401 (the content fixture)
    format_violations,
    run_axe,
    stored,
)

from generator import schema, team
from generator.content import Content
from generator.ui import DEFAULT_STRINGS, PAGE_STRINGS

pytestmark = pytest.mark.browser

TEAM = "team/"


@pytest.fixture(scope="module")
def health(content: Content) -> tuple[schema.HealthCheck, schema.Scale]:
    assert content.health_check is not None
    check = content.health_check.model
    return check, content.scales[check.scale]


def chosen_answers(health: schema.HealthCheck, scale: schema.Scale, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    return {q.id: rng.choice(scale.points).value for q in team.statements(health)}


def answer_all(page: Page, answers: dict[str, int]) -> None:
    for question, value in answers.items():
        page.locator(f"input[name='health--{question}'][value='{value}']").check()


def shown(value: Any) -> str:
    """A median as the page writes it (English number format)."""
    return f"{float(value):g}"


def test_three_members_codes_give_the_teams_median_and_range(
    new_page: Callable[..., Page], health: tuple[schema.HealthCheck, schema.Scale]
) -> None:
    check, scale = health
    members = [chosen_answers(check, scale, seed) for seed in (11, 22, 33)]
    codes = []
    for answers in members:
        member = new_page()  # a browser context of its own: another person's browser
        member.goto(HEALTH)
        answer_all(member, answers)
        field = member.get_by_label("Your team code")
        expect(field).to_have_attribute("readonly", "")
        code = field.input_value()
        assert code == team.encode(answers, check, scale)
        link = member.get_by_role("link", name=DEFAULT_STRINGS["team_link"])
        assert link.get_attribute("href", timeout=2000) is not None
        assert (link.get_attribute("href") or "").endswith(f"/team/#code={code}")
        codes.append(code)
    # Four characters of version, the answers packed (5 ** 16 in 8), four of check, two hyphens.
    packed = team.width(len(scale.points), len(team.statements(check)))
    assert len(codes[0]) == 4 + 1 + packed + 1 + 4 == 18

    facilitator = new_page()
    facilitator.goto(TEAM)
    facilitator.get_by_label("Team codes").fill("\n".join(codes))
    expect(facilitator.locator(".pb-team__read")).to_have_text("Answers read: 3.")
    expect(facilitator.get_by_label("Team codes")).to_have_value("")  # read, and cleared
    expect(facilitator.locator(".pb-team__hidden")).to_have_count(0)
    summary = team.summarise(members, check, scale)
    for dimension, expected in zip(check.dimensions, summary.dimensions, strict=True):
        row = facilitator.locator(f".pb-team__table tr[data-dimension='{dimension.id}']")
        expect(row.locator(".pb-team__median")).to_have_text(shown(expected.median))
        expect(row.locator(".pb-team__range")).to_have_text(f"{expected.low} to {expected.high}")
        expect(row.locator(".pb-team__count")).to_have_text([str(n) for n in expected.counts])
    titles = {d.id: d.title for d in check.dimensions}
    weakest = summary.weakest()
    lowest = next(d for d in summary.dimensions if d.id == weakest[0])
    expect(facilitator.locator(".pb-team__weakest")).to_have_text(
        f"Weakest: {', '.join(titles[i] for i in weakest)} (median {shown(lowest.median)})."
    )
    widest = summary.most_divided()
    assert widest  # these three members disagree somewhere
    by_id = {d.id: d for d in summary.dimensions}
    # Each most divided dimension named with its own middle half of the answers.
    items = [
        f"{titles[i]} (the middle half of the answers from {shown(by_id[i].lower_quartile)} "
        f"to {shown(by_id[i].upper_quartile)})"
        for i in widest
    ]
    expect(facilitator.locator(".pb-team__widest")).to_have_text(
        f"Most divided: {'; '.join(items)}."
    )
    recommended = facilitator.locator(".pb-team__recommendations li")
    expect(recommended).to_have_count(len(dict.fromkeys([*weakest, *widest])))
    first = next(d for d in check.dimensions if d.id == weakest[0])
    expect(recommended.first.locator("a")).to_have_count(len(first.practices))
    facilitator.get_by_text(DEFAULT_STRINGS["team_radar"], exact=True).click()  # folded away
    chart = facilitator.locator(".pb-team__chart svg.pb-chart")
    expect(chart).to_have_attribute("role", "img")
    label = chart.get_attribute("aria-label") or ""
    assert label.startswith("The team's median per dimension: ")
    for dimension in summary.dimensions:
        assert f"{titles[dimension.id]} {dimension.low} to {dimension.high}" in label
    expect(chart.locator("path.pb-chart__range")).to_have_count(1)
    expect(facilitator.locator(".pb-legend li")).to_have_text(["Median", "Lowest to highest"])
    # Only the tally is kept: how many, how the answers fell, each code's check characters.
    counted = team.tally(members, check, scale)
    assert stored(facilitator) == {
        "team-tally:health": {
            "count": 3,
            "counts": {dimension: list(counts) for dimension, counts in counted.counts},
            "seen": [code[-4:] for code in codes],
            "version": team.version(check, scale),
        }
    }
    kept = json.dumps(stored(facilitator))
    assert not any(code.split("-")[1] in kept for code in codes)
    facilitator.reload()
    expect(facilitator.get_by_label("Team codes")).to_have_value("")
    expect(facilitator.locator(".pb-team__read")).to_have_text("Answers read: 3.")


def test_a_members_link_adds_its_code_once_and_leaves_the_address(
    page: Page, health: tuple[schema.HealthCheck, schema.Scale]
) -> None:
    check, scale = health
    code = team.encode(chosen_answers(check, scale, 5), check, scale)
    page.goto(f"{TEAM}#code={code}")
    expect(page.locator(".pb-team__added")).to_have_text(DEFAULT_STRINGS["team_added"])
    expect(page.locator(".pb-team__read")).to_have_text("Answers read: 1.")
    expect(page.get_by_label("Team codes")).to_have_value("")
    assert page.evaluate("location.hash") == ""
    # The same link again: the code counts once, and stays in the box with why.
    page.goto(f"{TEAM}#code={code}")
    expect(page.get_by_label("Team codes")).to_have_value(code)
    expect(page.locator(".pb-team__refused li")).to_have_text(
        [
            f"Line 1 was not read: {DEFAULT_STRINGS['team_refused_again']} "
            + DEFAULT_STRINGS["team_count_again"]
        ]
    )
    expect(page.locator(".pb-team__read")).to_have_text("Answers read: 1.")


def test_mistyped_changed_and_foreign_codes_are_refused_with_why(
    page: Page, health: tuple[schema.HealthCheck, schema.Scale]
) -> None:
    check, scale = health
    good = team.encode(chosen_answers(check, scale, 1), check, scale)
    tampered = good[:5] + ("4" if good[5] != "4" else "3") + good[6:]
    other_head = f"zzzz-{good.split('-')[1]}"
    other = f"{other_head}-{team.check_characters(other_head)}"
    page.goto(TEAM)
    page.get_by_label("Team codes").fill("\n".join([good, tampered, "", "hello", other]))
    expect(page.locator(".pb-team__read")).to_have_text("Answers read: 1.")
    # The code read leaves the box; the lines that were not read stay, each with why.
    expect(page.get_by_label("Team codes")).to_have_value("\n".join([tampered, "hello", other]))
    expect(page.locator(".pb-team__refused li")).to_have_text(
        [
            "Line 1 was not read: " + DEFAULT_STRINGS["team_refused_check"],
            "Line 2 was not read: " + DEFAULT_STRINGS["team_refused_format"],
            "Line 3 was not read: " + DEFAULT_STRINGS["team_refused_version"],
        ]
    )
    for line in (tampered, "hello", other):
        with pytest.raises(team.CodeError):
            team.decode(line, check, scale)


def test_below_the_threshold_nothing_about_the_answers_shows(
    page: Page, health: tuple[schema.HealthCheck, schema.Scale]
) -> None:
    check, scale = health
    members = [chosen_answers(check, scale, seed) for seed in (7, 8)]
    page.goto(TEAM)
    page.get_by_label("Team codes").fill("\n".join(team.encode(m, check, scale) for m in members))
    expect(page.locator(".pb-team__read")).to_have_text("Answers read: 2.")
    expect(page.locator(".pb-team__hidden")).to_have_text(
        "Answers so far: 2 of the 3 needed. The team's picture appears once there are 3, so "
        "that no one can be recognised by their answers."
    )
    # Only the count: no chart, table, median, range, summary or recommendation.
    assert [
        line for line in page.locator(".pb-team__result").inner_text().split("\n") if line
    ] == [
        "Answers read: 2.",
        DEFAULT_STRINGS["team_start_again"],
        page.locator(".pb-team__hidden").inner_text(),
    ]
    expect(page.locator(".pb-team__share")).to_have_count(0)  # no result code either
    expect(page.locator(".pb-team__chart, .pb-team__table, .pb-team__weakest")).to_have_count(0)
    expect(page.locator(".pb-team__save")).to_be_hidden()
    # A third code shows the picture.
    third = team.encode(chosen_answers(check, scale, 9), check, scale)
    page.get_by_label("Team codes").fill(third)
    expect(page.locator(".pb-team__read")).to_have_text("Answers read: 3.")
    expect(page.locator(".pb-team__hidden")).to_have_count(0)
    expect(page.locator(".pb-team__median")).to_have_count(len(check.dimensions))
    expect(page.locator(".pb-team__save")).to_be_visible()


def test_a_saved_team_result_shows_the_change_next_time_and_travels_with_the_data(
    page: Page, health: tuple[schema.HealthCheck, schema.Scale], tmp_path: Path
) -> None:
    check, scale = health
    first = [chosen_answers(check, scale, seed) for seed in (1, 2, 3)]
    later = [chosen_answers(check, scale, seed) for seed in (4, 5, 6)]
    page.goto(TEAM)
    codes = page.get_by_label("Team codes")
    codes.fill("\n".join(team.encode(m, check, scale) for m in first))
    page.get_by_label("Name of the team").fill("Platform team")
    page.get_by_role("button", name="Save the team's result").click()
    expect(page.locator(".pb-team__save .pb-status")).to_have_text(DEFAULT_STRINGS["team_saved"])
    expect(page.locator(".pb-team__runs li")).to_have_count(1)
    expect(page.locator(".pb-team__runs li")).to_contain_text(", Platform team: 3 answers")

    page.reload()
    # The next run: the answers read are forgotten first (asked, and then they are).
    page.get_by_role("button", name=DEFAULT_STRINGS["team_start_again"]).click()
    page.get_by_role("button", name=DEFAULT_STRINGS["confirm_team_reset_yes"]).click()
    expect(page.locator(".pb-team__read")).to_have_text(DEFAULT_STRINGS["team_none"])
    assert "team-tally:health" not in stored(page)
    codes.fill("\n".join(team.encode(m, check, scale) for m in later))
    page.get_by_label("Name of the team").fill("platform team ")
    before = team.summarise(first, check, scale)
    after = team.summarise(later, check, scale)
    for old, new in zip(before.dimensions, after.dimensions, strict=True):
        change = new.median - old.median
        text = f"+{float(change):g}" if change > 0 else f"−{float(-change):g}" if change else "±0"
        expect(page.locator(f"tr[data-dimension='{new.id}'] .pb-team__change")).to_have_text(text)
    expect(page.locator(".pb-team__compared")).to_contain_text("Compared with Platform team, ")
    page.get_by_label("Name of the team").fill("Another team")
    expect(page.locator(".pb-team__change")).to_have_count(0)

    saved = stored(page)["team-history:health"]["results"]
    assert [(r["name"], r["count"]) for r in saved] == [("Platform team", 3)]
    assert saved[0]["dimensions"] == {d.id: float(d.median) for d in before.dimensions}
    page.goto("")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export my data").click()
    exported = tmp_path / "export.json"
    download.value.save_as(exported)
    entries = json.loads(exported.read_text(encoding="utf-8"))["entries"]
    assert set(entries) >= {"team-tally:health", "team-history:health"}
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete all my data").click()
    expect(page.locator(".pb-data .pb-status")).to_have_text(DEFAULT_STRINGS["cleared"])
    assert stored(page) == {}
    page.locator("input[data-pb-import]").set_input_files(str(exported))
    page.get_by_role("button", name=DEFAULT_STRINGS["import_merge"]).click()
    expect(page.locator(".pb-data .pb-status")).to_contain_text("Merged the file")
    assert stored(page)["team-history:health"] == entries["team-history:health"]


def test_individual_results_compare_only_with_the_same_relationship(
    page: Page, health: tuple[schema.HealthCheck, schema.Scale]
) -> None:
    check, scale = health
    low, high = scale.points[1].value, scale.points[-1].value
    page.goto(HEALTH)
    answer_all(page, {q.id: low for q in team.statements(check)})
    about = page.get_by_label("Who or what is this result about?")
    about.fill("Sam")
    page.get_by_role("button", name="Save this result").click()
    expect(page.locator(".pb-history li")).to_have_count(1)
    expect(page.locator(".pb-history li")).to_contain_text(", Sam: ")
    answer_all(page, {q.id: high for q in team.statements(check)})
    expect(page.locator(".pb-card__compared")).to_contain_text(
        "since your last saved result about Sam"
    )
    about.fill("My manager")
    expect(page.locator(".pb-card__compared")).to_have_count(0)
    page.get_by_role("button", name="Save this result").click()
    expect(page.locator(".pb-history li")).to_have_count(2)
    expect(page.locator(".pb-history li").first).to_contain_text(", My manager: ")
    expect(page.locator(".pb-history li").first).not_to_contain_text("(")
    saved = stored(page)["health-history:health"]["results"]
    assert [r["about"] for r in saved] == ["Sam", "My manager"]


def test_older_saved_results_become_unnamed(page: Page) -> None:
    page.goto(HEALTH)
    result = {"date": "2024-05-01T09:00:00.000Z", "overall": 55, "dimensions": {}}
    page.evaluate(
        "([key, value]) => localStorage.setItem(key, value)",
        ["playbook:/default:v2:history:health", json.dumps({"results": [result]})],
    )
    page.reload()
    expect(page.locator(".pb-history li")).to_have_text(
        ["May 1, 2024 at 09:00 AM, unnamed: 55 out of 100"]  # date and time, in UTC here
    )
    assert stored(page)["health-history:health"] == {"results": [{**result, "about": ""}]}


def test_without_javascript_the_team_page_says_what_it_needs(
    new_page: Callable[..., Page],
) -> None:
    page = new_page(java_script_enabled=False)
    page.goto(TEAM)
    placeholder = page.locator(".pb-team__placeholder")
    expect(placeholder).to_contain_text("with JavaScript turned off")
    expect(placeholder.locator("a")).to_have_attribute("href", "../health-check/")
    expect(page.locator("textarea")).to_have_count(0)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_team_page_with_results_passes_axe_and_prints_on_one_page(
    new_page: Callable[..., Page], health: tuple[schema.HealthCheck, schema.Scale], scheme: str
) -> None:
    check, scale = health
    page = new_page(color_scheme=scheme)
    page.goto(TEAM)
    members = [chosen_answers(check, scale, seed) for seed in (1, 2, 3, 4)]
    page.get_by_label("Team codes").fill(
        "\n".join([*(team.encode(m, check, scale) for m in members), "not a code"])
    )
    page.get_by_label("Name of the team").fill("Platform team")
    page.get_by_role("button", name="Save the team's result").click()
    expect(page.locator(".pb-team__runs li")).to_have_count(1)
    violations = run_axe(page)
    assert violations == [], format_violations(violations)
    page.goto(HEALTH)
    answer_all(page, members[0])
    violations = run_axe(page)
    assert violations == [], format_violations(violations)
    if scheme == "light":
        page.goto(TEAM)
        expect(page.locator(".pb-team__read")).to_have_text("Answers read: 4.")
        page.emulate_media(media="print")
        for gone in ["textarea", ".pb-team__save", "#running-the-session", ".pb-privacy"]:
            expect(page.locator(gone)).to_be_hidden()
        expect(page.locator(".pb-team__table")).to_be_visible()
        pdf = page.pdf(format="A4")
        assert len(re.findall(rb"/Type\s*/Page(?![a-z])", pdf)) == 1


def test_the_copy_button_puts_the_code_on_the_clipboard(
    new_page: Callable[..., Page], health: tuple[schema.HealthCheck, schema.Scale]
) -> None:
    check, scale = health
    answers = chosen_answers(check, scale, 9)
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto(HEALTH)
    expect(page.locator(".pb-share")).to_be_hidden()
    answer_all(page, answers)
    page.get_by_role("button", name="Copy the code").click()
    expect(page.locator(".pb-share__status")).to_have_text(DEFAULT_STRINGS["team_copied"])
    assert page.evaluate("navigator.clipboard.readText()") == team.encode(answers, check, scale)


def test_a_link_with_a_malformed_code_is_refused_without_an_error(
    page: Page, page_log: PageLog, served_site: ServedSite
) -> None:
    if served_site.engine == "zensical":
        # Zensical's own script decodes the address's fragment to scroll to it, and throws;
        # the same page built by MkDocs shows that this script does not.
        page_log.allow_console(r"URIError: URI malformed")
    page.goto(f"{TEAM}#code=%E0%A4%A")  # not valid percent-encoding: decoding it would throw
    expect(page.locator(".pb-team__refused li")).to_have_text(
        ["Line 1 was not read: " + DEFAULT_STRINGS["team_refused_format"]]
    )


def medians_shown(page: Page, check: schema.HealthCheck) -> list[str]:
    return [
        page.locator(f".pb-team__table tr[data-dimension='{d.id}'] .pb-team__median").inner_text()
        for d in check.dimensions
    ]


def test_the_collector_path_gives_whoever_runs_the_session_the_picture_and_no_code(
    new_page: Callable[..., Page], health: tuple[schema.HealthCheck, schema.Scale]
) -> None:
    """Four members answer in browsers of their own and open their links in the collector's
    browser (a member the team trusts); the collector sends the team result's link to the
    team lead, whose browser then shows the same picture and keeps only the tally."""
    check, scale = health
    members = [chosen_answers(check, scale, seed) for seed in (41, 42, 43, 44)]
    links = []
    for answers in members:
        member = new_page()
        member.goto(HEALTH)
        answer_all(member, answers)
        link = member.get_by_role("link", name=DEFAULT_STRINGS["team_link"])
        expect(link).to_have_attribute("href", re.compile(r"/team/#code="))
        links.append(link.get_attribute("href") or "")
    collector = new_page()
    for link in links:
        collector.goto(link)
        expect(collector.locator(".pb-team__added")).to_have_text(DEFAULT_STRINGS["team_added"])
    expect(collector.locator(".pb-team__read")).to_have_text("Answers read: 4.")
    code = collector.get_by_label(DEFAULT_STRINGS["team_result_label"]).input_value()
    assert code == team.result_code(team.tally(members, check, scale), check, scale)
    result_link = collector.get_by_role("link", name=DEFAULT_STRINGS["team_result_link"])
    href = result_link.get_attribute("href") or ""
    assert href.endswith(f"/team/#result={code}")
    expected = medians_shown(collector, check)
    summary = team.summarise(members, check, scale)
    assert expected == [shown(d.median) for d in summary.dimensions]

    lead = new_page()
    lead.goto(href)
    expect(lead.locator(".pb-team__added")).to_have_text(DEFAULT_STRINGS["team_result_opened"])
    expect(lead.locator(".pb-team__read")).to_have_text("Answers read: 4.")
    assert medians_shown(lead, check) == expected
    assert lead.evaluate("location.hash") == ""
    counted = team.tally(members, check, scale)
    assert stored(lead) == {
        "team-tally:health": {
            "count": 4,
            "counts": {dimension: list(counts) for dimension, counts in counted.counts},
            "seen": [],
            "version": team.version(check, scale),
        }
    }
    # The lead can save it into the team's history, as if the codes had been read here.
    lead.get_by_label("Name of the team").fill("Ward 7")
    lead.get_by_role("button", name="Save the team's result").click()
    expect(lead.locator(".pb-team__runs li")).to_contain_text(", Ward 7: 4 answers")


def test_a_result_link_is_offered_where_other_answers_were_read_and_shown_when_asked(
    page: Page, health: tuple[schema.HealthCheck, schema.Scale]
) -> None:
    check, scale = health
    mine = [chosen_answers(check, scale, seed) for seed in (51, 52, 53)]
    theirs = [chosen_answers(check, scale, seed) for seed in (61, 62, 63, 64, 65)]
    page.goto(TEAM)
    page.get_by_label("Team codes").fill("\n".join(team.encode(m, check, scale) for m in mine))
    expect(page.locator(".pb-team__read")).to_have_text("Answers read: 3.")
    code = team.result_code(team.tally(theirs, check, scale), check, scale)
    page.goto(f"{TEAM}#result={code}")
    offer = page.locator(".pb-team__offer")
    expect(offer).to_contain_text(DEFAULT_STRINGS["team_result_found"].format(count=5, current=3))
    expect(page.locator(".pb-team__read")).to_have_text("Answers read: 3.")  # nothing changed
    offer.get_by_role("button", name=DEFAULT_STRINGS["team_result_open"]).click()
    expect(page.locator(".pb-team__read")).to_have_text("Answers read: 5.")
    summary = team.summarise(theirs, check, scale)
    assert medians_shown(page, check) == [shown(d.median) for d in summary.dimensions]
    expect(offer).to_be_empty()


def test_a_damaged_result_link_is_refused_with_why(page: Page) -> None:
    page.goto(f"{TEAM}#result=zzzz-3.1.2-abcd")
    expect(page.locator(".pb-team__offer")).to_have_text(
        DEFAULT_STRINGS["team_result_refused"].format(reason=DEFAULT_STRINGS["team_refused_check"])
    )
    assert stored(page) == {}


def test_codes_an_earlier_version_kept_are_read_into_the_tally_and_no_longer_kept(
    new_page: Callable[..., Page], health: tuple[schema.HealthCheck, schema.Scale]
) -> None:
    check, scale = health
    members = [chosen_answers(check, scale, seed) for seed in (71, 72, 73)]
    text = "\n".join([*(team.encode(m, check, scale) for m in members), "not a code"])
    page = new_page()
    page.goto(TEAM)
    page.evaluate(
        "(text) => localStorage.setItem('playbook:/default:v5:team-codes:health',"
        " JSON.stringify({ text }))",
        text,
    )
    page.reload()
    expect(page.locator(".pb-team__added")).to_have_text(DEFAULT_STRINGS["team_codes_moved"])
    expect(page.locator(".pb-team__read")).to_have_text("Answers read: 3.")
    expect(page.get_by_label("Team codes")).to_have_value("not a code")
    kept = stored(page)
    assert "team-codes:health" not in kept
    assert kept["team-tally:health"]["count"] == 3


def test_two_members_with_the_same_answers_both_count_when_asked(
    page: Page, health: tuple[schema.HealthCheck, schema.Scale]
) -> None:
    check, scale = health
    same = chosen_answers(check, scale, 81)
    code = team.encode(same, check, scale)
    page.goto(TEAM)
    page.get_by_label("Team codes").fill(f"{code}\n{code}")
    expect(page.locator(".pb-team__read")).to_have_text("Answers read: 1.")
    expect(page.get_by_label("Team codes")).to_have_value(code)
    page.get_by_role("button", name=DEFAULT_STRINGS["team_count_again"]).click()
    expect(page.locator(".pb-team__read")).to_have_text("Answers read: 2.")
    expect(page.get_by_label("Team codes")).to_have_value("")
    counted = team.tally([same, same], check, scale)
    kept = stored(page)["team-tally:health"]
    assert kept["count"] == 2
    assert kept["counts"] == {d: list(c) for d, c in counted.counts}
    assert kept["seen"] == [code[-4:]]


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 800)])
def test_the_picture_reads_in_the_room_on_a_phone_and_a_laptop(
    new_page: Callable[..., Page],
    health: tuple[schema.HealthCheck, schema.Scale],
    width: int,
    height: int,
) -> None:
    """A row per dimension across the width, its bar split by how the answers fell, text of
    14 px at least, nothing to scroll sideways; the table kept for screen readers."""
    check, scale = health
    members = [chosen_answers(check, scale, seed) for seed in (91, 92, 93, 94, 95)]
    page = new_page(viewport={"width": width, "height": height})
    page.goto(TEAM)
    page.get_by_label("Team codes").fill("\n".join(team.encode(m, check, scale) for m in members))
    rows = page.locator(".pb-team__row")
    expect(rows).to_have_count(len(check.dimensions))
    assert page.evaluate("document.documentElement.scrollWidth") == width
    summary = team.summarise(members, check, scale)
    bar_width = page.locator(".pb-team__bar").first.bounding_box()
    content = page.locator(".md-content__inner").bounding_box()
    assert bar_width and content and bar_width["width"] >= 0.9 * content["width"]
    for row, expected in zip(rows.all(), summary.dimensions, strict=True):
        assert row.get_attribute("data-dimension") == expected.id
        segments = row.locator(".pb-team__segment")
        assert [int(s.get_attribute("data-count") or 0) for s in segments.all()] == [
            n for n in expected.counts if n
        ]
        sizes = row.evaluate(
            "(row) => [...row.querySelectorAll('.pb-team__row-title, .pb-team__segment')]"
            ".map((node) => parseFloat(getComputedStyle(node).fontSize))"
        )
        assert min(sizes) >= 14
        assert f"median {shown(expected.median)}" in row.inner_text()
    expect(page.locator(".pb-team__rows")).to_have_attribute("aria-hidden", "true")
    table = page.get_by_role("table", name=DEFAULT_STRINGS["team_table_caption"])
    expect(table.locator("tbody tr")).to_have_count(len(check.dimensions))
    expect(page.locator(".pb-team__radar")).not_to_have_attribute("open", "")
    # The radar, for whoever opens it: drawn at the width it is shown at, its labels as large
    # as small text around them (at least 12 px as rendered), still nothing to scroll sideways.
    page.get_by_text(DEFAULT_STRINGS["team_radar"], exact=True).click()
    labels = page.locator(".pb-team__radar svg.pb-chart text")
    expect(labels.first).to_be_visible()
    heights = labels.evaluate_all(
        "(nodes) => nodes.map((node) => parseFloat(getComputedStyle(node).fontSize)"
        " * node.ownerSVGElement.getBoundingClientRect().width"
        " / node.ownerSVGElement.viewBox.baseVal.width)"
    )
    assert heights and min(heights) >= 12, heights
    assert page.evaluate("document.documentElement.scrollWidth") == width


def test_the_present_view_shows_the_picture_alone_large_and_in_the_order_chosen(
    new_page: Callable[..., Page], health: tuple[schema.HealthCheck, schema.Scale]
) -> None:
    check, scale = health
    members = [chosen_answers(check, scale, seed) for seed in (91, 92, 93, 94, 95)]
    page = new_page(viewport={"width": 1280, "height": 800})
    page.goto(TEAM)
    page.get_by_label("Team codes").fill("\n".join(team.encode(m, check, scale) for m in members))
    normal = page.locator(".pb-team__row-title").first.evaluate(
        "(node) => parseFloat(getComputedStyle(node).fontSize)"
    )
    page.get_by_role("button", name=DEFAULT_STRINGS["team_present"]).click()
    expect(page.locator("html")).to_have_class(re.compile(r"\bpb-presenting\b"))
    for gone in [".md-header", ".md-sidebar--primary", "#running-the-session", "textarea"]:
        expect(page.locator(gone).first).to_be_hidden()
    large = page.locator(".pb-team__row-title").first.evaluate(
        "(node) => parseFloat(getComputedStyle(node).fontSize)"
    )
    assert large >= 24 > normal
    summary = team.summarise(members, check, scale)
    page.get_by_label(DEFAULT_STRINGS["team_order_label"]).select_option("weakest")
    weakest_first = [
        d.id
        for d in sorted(summary.dimensions, key=lambda d: (d.median, summary.dimensions.index(d)))
    ]
    expect(page.locator(".pb-team__row")).to_have_count(len(weakest_first))
    assert [
        r.get_attribute("data-dimension") for r in page.locator(".pb-team__row").all()
    ] == weakest_first
    page.get_by_label(DEFAULT_STRINGS["team_order_label"]).select_option("divided")
    most_divided_first = [
        d.id
        for d in sorted(
            summary.dimensions, key=lambda d: (-d.divided, summary.dimensions.index(d))
        )
    ]
    expect(page.locator(".pb-team__row").first).to_have_attribute(
        "data-dimension", most_divided_first[0]
    )
    assert [
        r.get_attribute("data-dimension") for r in page.locator(".pb-team__row").all()
    ] == most_divided_first
    page.keyboard.press("Escape")
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bpb-presenting\b"))
    expect(page.locator(".md-header")).to_be_visible()


def test_the_agreed_action_is_saved_and_asked_about_first_next_time(
    page: Page, health: tuple[schema.HealthCheck, schema.Scale], content: Content
) -> None:
    check, scale = health
    first = [chosen_answers(check, scale, seed) for seed in (101, 102, 103)]
    page.goto(TEAM)
    page.get_by_label("Team codes").fill("\n".join(team.encode(m, check, scale) for m in first))
    # The weakest and most divided dimensions come with their opening question.
    summary = team.summarise(first, check, scale)
    weakest = summary.weakest()[0]
    question = next(d.discussion for d in check.dimensions if d.id == weakest)
    assert question
    expect(
        page.locator(
            f".pb-team__recommendations li[data-dimension='{weakest}'] .pb-team__question"
        )
    ).to_have_text(f"{PAGE_STRINGS['dimension_discussion']} {question}")
    page.get_by_label("Name of the team").fill("Ward 7")
    page.get_by_label(DEFAULT_STRINGS["team_action_what"]).fill("Swap one task each week")
    page.get_by_label(DEFAULT_STRINGS["team_action_who"]).fill("Sam")
    page.get_by_label(DEFAULT_STRINGS["team_action_by"]).fill("2027-01-15")
    page.get_by_role("button", name="Save the team's result").click()
    expect(page.locator(".pb-team__save .pb-status")).to_have_text(DEFAULT_STRINGS["team_saved"])
    # Just agreed: said as it is, not asked about, and printed with the picture.
    agreed = page.locator(".pb-team__last-action")
    expect(agreed).to_contain_text("The team agreed: Swap one task each week")
    expect(agreed.get_by_role("button")).to_have_count(0)
    page.emulate_media(media="print")
    expect(agreed).to_be_visible()
    expect(page.locator(".pb-team__row").first).to_be_visible()
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page(?![a-z])", pdf)) == 1  # the summary on one page
    page.emulate_media(media="screen")
    saved = stored(page)["team-history:health"]["results"]
    assert saved[0]["action"] == {
        "what": "Swap one task each week",
        "who": "Sam",
        "by": "2027-01-15",
        "done": "",
    }

    page.reload()
    page.get_by_label("Name of the team").fill("ward 7")
    box = page.locator(".pb-team__last-action")
    expect(box).to_contain_text("the team agreed: Swap one task each week")
    expect(box).to_contain_text("Looked after by Sam, by January 15, 2027.")
    expect(box).to_contain_text(DEFAULT_STRINGS["team_action_asked"])
    box.get_by_role("button", name=DEFAULT_STRINGS["team_action_partly"]).click()
    expect(box).to_contain_text("Recorded: Partly.")
    expect(box.get_by_role("button")).to_have_count(0)
    assert stored(page)["team-history:health"]["results"][0]["action"]["done"] == "partly"
    # The box comes before the picture.
    order = page.evaluate(
        "() => [...document.querySelectorAll('.pb-team__last-action, .pb-team__result')]"
        ".map((node) => node.className)"
    )
    assert order[0].startswith("pb-notice pb-team__last-action")


def test_a_teams_results_show_their_trend_and_travel_as_csv_and_json(
    new_page: Callable[..., Page], health: tuple[schema.HealthCheck, schema.Scale], tmp_path: Path
) -> None:
    check, scale = health
    runs = [
        [chosen_answers(check, scale, seed) for seed in (111, 112, 113)],
        [chosen_answers(check, scale, seed) for seed in (121, 122, 123)],
    ]
    page = new_page(accept_downloads=True)
    page.goto(TEAM)
    for index, members in enumerate(runs):
        if index:
            page.get_by_role("button", name=DEFAULT_STRINGS["team_start_again"]).click()
            page.get_by_role("button", name=DEFAULT_STRINGS["confirm_team_reset_yes"]).click()
        page.get_by_label("Team codes").fill(
            "\n".join(team.encode(m, check, scale) for m in members)
        )
        page.get_by_label("Name of the team").fill("=Ward 7")
        page.get_by_role("button", name="Save the team's result").click()
        expect(page.locator(".pb-team__runs li")).to_have_count(index + 1)
    before, after = (team.summarise(members, check, scale) for members in runs)
    trend = page.locator(".pb-team__trend")
    expect(trend.locator("h4")).to_contain_text("=Ward 7: 2 results, the latest on ")
    for dimension, old, new in zip(
        check.dimensions, before.dimensions, after.dimensions, strict=True
    ):
        change = new.median - old.median
        sign = f"+{float(change):g}" if change > 0 else f"−{float(-change):g}" if change else "±0"
        line = trend.locator(f"li[data-dimension='{dimension.id}']")
        expect(line).to_have_text(
            f"{dimension.title}: {shown(old.median)} → {shown(new.median)} ({sign})"
        )
        expect(line.locator("svg.pb-team__spark polyline")).to_have_count(1)

    with page.expect_download() as download:
        page.get_by_role("button", name=DEFAULT_STRINGS["team_export_csv"]).click()
    csv_file = tmp_path / "team.csv"
    download.value.save_as(csv_file)
    lines = csv_file.read_bytes().decode("utf-8").split("\r\n")
    titles = ",".join(d.title for d in check.dimensions)
    assert lines[0] == f"Team,Date,Answers,{titles},Agreed action,Who,By when,Did it happen"
    assert [line.split(",")[:3] for line in lines[1:3]] == [["'=Ward 7", lines[1][9:19], "3"]] * 2
    assert lines[1].split(",")[3:7] == [f"{float(d.median):g}" for d in before.dimensions]
    assert lines[3:] == [""]

    with page.expect_download() as download:
        page.get_by_role("button", name=DEFAULT_STRINGS["team_export_json"]).click()
    json_file = tmp_path / "team.json"
    download.value.save_as(json_file)
    exported = json.loads(json_file.read_text(encoding="utf-8"))
    saved = stored(page)["team-history:health"]
    assert exported["entries"] == {"team-history:health": saved}

    other = new_page()
    other.goto(TEAM)
    other.locator("input[data-pb-team-import]").set_input_files(str(json_file))
    status = other.locator(".pb-team__transfer-status")
    expect(status).to_have_text(DEFAULT_STRINGS["team_imported"].format(count=2))
    assert stored(other)["team-history:health"] == saved
    other.locator("input[data-pb-team-import]").set_input_files(str(json_file))
    expect(status).to_have_text(DEFAULT_STRINGS["team_imported"].format(count=0))
    assert stored(other)["team-history:health"] == saved
    expect(other.locator(".pb-team__trend h4")).to_contain_text("=Ward 7: 2 results")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_present_view_and_the_agreed_action_pass_axe(
    new_page: Callable[..., Page], health: tuple[schema.HealthCheck, schema.Scale], scheme: str
) -> None:
    check, scale = health
    members = [chosen_answers(check, scale, seed) for seed in (131, 132, 133)]
    page = new_page(color_scheme=scheme, viewport={"width": 390, "height": 844})
    page.goto(TEAM)
    page.get_by_label("Team codes").fill("\n".join(team.encode(m, check, scale) for m in members))
    page.get_by_label("Name of the team").fill("Ward 7")
    page.get_by_label(DEFAULT_STRINGS["team_action_what"]).fill("Swap one task each week")
    page.get_by_role("button", name="Save the team's result").click()
    expect(page.locator(".pb-team__last-action")).to_be_visible()
    violations = run_axe(page)
    assert violations == [], format_violations(violations)
    page.reload()
    page.get_by_label("Name of the team").fill("Ward 7")
    expect(page.locator(".pb-team__asked")).to_be_visible()  # asked about, next time
    violations = run_axe(page)
    assert violations == [], format_violations(violations)
    page.get_by_role("button", name=DEFAULT_STRINGS["team_present"]).click()
    expect(page.locator(".md-header")).to_be_hidden()
    violations = run_axe(page)
    assert violations == [], format_violations(violations)
    assert page.evaluate("document.documentElement.scrollWidth") == 390
