"""Names from content never meet the script's names, in Chromium: a practice called ``health``
keeps its answers apart from the health check's (storage keys are named by kind), and a
heading that reads like one of the script's element ids ("Pb import") does not take it, so
the "Import data" button still opens the file chooser. A refused link in content is text: with
the theme's link previews on, hovering the content's links throws nothing."""

from __future__ import annotations

import shutil
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect
from support.browser import ServedSite, build_for, stored_entries
from support.projects import PRACTICE, write_minimal_project

from generator.ui import DEFAULT_STRINGS

pytestmark = pytest.mark.browser

PATH = "reserved/"
PREFIX = "playbook:/reserved/default:v5:"


@pytest.fixture(scope="module")
def site(served_site: ServedSite, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The minimal project with a third practice whose id is ``health``, a health check
    titled "Pb import", a refused link in a practice's text, and link previews on."""
    project = write_minimal_project(tmp_path_factory.mktemp("reserved") / "project")
    practices = project / "content" / "practices"
    (practices / "health.yaml").write_text(
        PRACTICE.format(id="health", other="alpha"), encoding="utf-8"
    )
    playbook = project / "playbooks" / "default.yaml"
    playbook.write_text(playbook.read_text(encoding="utf-8") + "  - health\n", encoding="utf-8")
    check = project / "content" / "health-check.yaml"
    check.write_text(
        check.read_text(encoding="utf-8").replace("title: Health check", "title: Pb import"),
        encoding="utf-8",
    )
    alpha = practices / "alpha.yaml"
    alpha.write_text(
        alpha.read_text(encoding="utf-8").replace(
            "why: Because it matters.",
            'why: "It matters: [a refused link](javascript:alert(1)) and [a good one](#top)."',
        ),
        encoding="utf-8",
    )
    mkdocs = project / "mkdocs.yml"
    mkdocs.write_text(
        mkdocs.read_text(encoding="utf-8").replace(
            "  name: material\n",
            "  name: material\n  features:\n    - navigation.instant\n"
            "    - navigation.instant.preview\n",
        ),
        encoding="utf-8",
    )
    site_dir = served_site.site_dir / "reserved"
    if site_dir.exists():
        shutil.rmtree(site_dir)
    build_for(project, site_dir, served_site.url(PATH), served_site.engine)
    return PATH


def answer_all(page: Page, owner: str, value: int) -> None:
    for radio in page.locator(f"input[type=radio][name^='{owner}--'][value='{value}']").all():
        radio.check()


def test_a_practice_called_health_keeps_its_answers_apart(
    new_page: Callable[..., Page], site: str
) -> None:
    page = new_page()
    page.goto(site + "health-check/")
    answer_all(page, "health", 3)
    page.goto(site + "practices/health/")
    answer_all(page, "health", 1)
    entries = stored_entries(page, PREFIX)
    assert set(entries) == {"health-answers:health", "practice-answers:health"}
    assert entries["health-answers:health"] != entries["practice-answers:health"]
    # Clearing the practice's answers leaves the health check's alone.
    page.get_by_role("button", name=DEFAULT_STRINGS["clear_answers"]).click()
    page.get_by_role("button", name=DEFAULT_STRINGS["confirm_clear_yes"]).click()
    expect(page.locator(".pb-result__count")).to_contain_text("0 of")
    assert set(stored_entries(page, PREFIX)) == {"health-answers:health"}


def test_a_heading_named_like_the_scripts_ids_does_not_take_them(
    new_page: Callable[..., Page], site: str
) -> None:
    page = new_page()
    page.goto(site)
    expect(page.locator("h2", has_text="Pb import").first).to_be_visible()
    assert page.locator("[id='pb-import']").count() == 1
    assert page.locator("input[type=file]#pb-import").count() == 1
    with page.expect_file_chooser() as chooser:
        page.locator("label[for='pb-import']").click()
    assert chooser.value.element.get_attribute("id") == "pb-import"


def test_a_refused_link_is_text_and_hovering_the_links_throws_nothing(
    new_page: Callable[..., Page], site: str
) -> None:
    page = new_page()
    page.goto(site + "practices/alpha/")
    content = page.locator(".md-content")
    expect(content).to_contain_text("a refused link and a good one")
    # Zensical's own skip target aside.
    assert content.locator("a:not([href]):not([id^='__'])").count() == 0
    assert content.locator("a", has_text="a refused link").count() == 0
    for link in content.locator("a[href]").all():
        if link.is_visible():
            link.hover()
    expect(content.locator("a", has_text="a good one")).to_be_visible()
