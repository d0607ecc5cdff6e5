"""Search finds the item asked for (issue 16, point 7), on both engines.

Both engines' search index a page per heading. Each checklist item and statement has a
heading of its own for the index only (hidden on screen and from screen readers), and the
visible item, statement and scale are left out of the index (``data-search-exclude``): a search
for an item's words shows that item, not the whole list, and the scale's labels ("Never",
"Rarely", ...) are in no result. British and American spellings: Zensical's search forgives a
letter, so "behavior" finds "behaviour"; Material's (Lunr) does not, but finds it with the
shared start ("behav") or fuzzy syntax ("behavior~1"), as docs/pages/readers.md says.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect
from support.browser import ServedSite, search

pytestmark = [pytest.mark.browser, pytest.mark.every_engine]

SCALE_WORDS = re.compile(
    r"\b(Never|Rarely|Sometimes|Often|Always|Strongly disagree|Disagree|Agree|Neither)\b"
)


def first_result_text(results: Locator) -> str:
    return " ".join(results.first.inner_text().split())


def open_first_result(page: Page, engine: str, results: Locator, fragment: str) -> None:
    """Follows the first result to the item it shows; the address ends with its anchor."""
    if engine == "zensical":
        results.first.click()
    else:
        link = results.first.locator(f"a[href$='#{fragment}']")
        expect(link).to_have_count(1)
        link.click()
    page.wait_for_url(re.compile(f"#{re.escape(fragment)}$"))


@pytest.mark.parametrize(
    ("query", "item", "fragment"),
    [
        (
            "reported back promised",
            "I reported back this week on something I had promised to look into.",
            "item_close-the-loop",
        ),
        (
            "devices away",
            "I put my devices away in my one-on-ones this week.",
            "item_devices-away-in-one-on-ones",
        ),
    ],
)
def test_a_checklist_items_words_find_that_item_alone(
    page: Page, served_site: ServedSite, query: str, item: str, fragment: str
) -> None:
    page.goto("")
    results = search(page, served_site.engine, query)
    text = first_result_text(results)
    assert item in text
    # Not the whole list: no other item of the checklist comes with it.
    assert "I asked at least one clarifying question this week" not in text
    assert "weekly habit" not in text
    open_first_result(page, served_site.engine, results, fragment)
    target = page.locator(f"[id='{fragment}']")
    expect(target).to_have_attribute("aria-hidden", "true")
    shown = page.locator("li", has=target).locator(".pb-item-text")
    expect(shown).to_contain_text(item)
    expect(shown).to_be_in_viewport()


@pytest.mark.parametrize(
    ("query", "statement", "fragment"),
    [
        (
            "full attention when they talk",
            "I give people my full attention when they talk to me.",
            "statement_full-attention",
        ),
        (
            "fair share of the work",
            "They do their fair share of the work we have in common.",
            "statement_they-do-their-share",
        ),
    ],
)
def test_a_statements_words_find_that_statement_without_the_scale(
    page: Page, served_site: ServedSite, query: str, statement: str, fragment: str
) -> None:
    page.goto("")
    results = search(page, served_site.engine, query)
    text = first_result_text(results)
    assert statement in text
    assert SCALE_WORDS.search(text) is None, text
    open_first_result(page, served_site.engine, results, fragment)
    legend = page.locator("fieldset", has=page.locator(f"[id='{fragment}']")).locator("legend")
    expect(legend).to_have_text(statement)
    expect(legend).to_be_in_viewport()


def test_a_scale_label_finds_only_the_prose_that_uses_the_word(
    page: Page, served_site: ServedSite
) -> None:
    # Every statement of the site has "Rarely" on its scale; two passages use the word.
    page.goto("")
    results = search(page, served_site.engine, "Rarely")
    expect(results).to_have_count(2)
    texts = [" ".join(text.split()) for text in results.all_inner_texts()]
    assert any("rarely get cancelled" in text for text in texts), texts
    assert any("People rarely join a team" in text for text in texts), texts
    for text in texts:
        assert re.search(r"Never\s+Rarely", text) is None, text


def test_an_american_spelling_finds_the_british_one(page: Page, served_site: ServedSite) -> None:
    page.goto("")
    if served_site.engine == "zensical":
        results = search(page, "zensical", "behavior")
        assert "behaviour" in first_result_text(results)
    else:
        # Lunr's stemmer keeps the two apart; the shared start or one letter's fuzziness finds
        # the British spelling (docs/pages/readers.md, "Search").
        results = search(page, "mkdocs", "behavior~1")
        assert "behaviour" in first_result_text(results)
        page.locator(".md-search__input").fill("")
        page.locator(".md-search__input").press_sequentially("behav")
        expect(page.locator(".md-search-result__item").first).to_contain_text("behaviour")
