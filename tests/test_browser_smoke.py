"""Smoke tests in a real browser: every kind of page loads cleanly (axe: test_browser.py).

The ``page`` fixture (conftest.py) fails a test whose page logged a console error, threw an
uncaught exception or asked for anything from another host; these tests add what a reader
sees first: the page's heading. Run ``bash tests/setup.sh`` once to install Chromium and
axe-core.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

# One page of each kind the generator makes, relative to the site root.
PAGES = ["", "practices/listen/", "health-check/", "troubleshooting/", "tags/"]


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path or "home")
def test_page_loads_with_a_visible_heading(page: Page, path: str) -> None:
    response = page.goto(path)
    assert response is not None and response.ok, f"{path or 'home'}: {response}"
    expect(page.locator("h1").first).to_be_visible()
