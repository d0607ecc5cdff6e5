"""Smoke test in a real browser, on every engine: every page of the built site loads cleanly.

The ``page`` fixture (conftest.py) fails a test whose page logged a console error, threw an
uncaught exception or asked for anything from another host; this test adds what a reader sees
first: each page's heading. Run ``bash tests/setup.sh`` once to install Chromium and axe-core.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from support.browser import ServedSite

pytestmark = [pytest.mark.browser, pytest.mark.every_engine]


def test_every_page_loads_with_a_visible_heading(page: Page, served_site: ServedSite) -> None:
    """Every page the build wrote (each folder with an index.html), found in the site itself
    rather than listed here, so that a new kind of page is tried too."""
    paths = sorted(
        index.parent.relative_to(served_site.site_dir).as_posix() + "/"
        for index in served_site.site_dir.rglob("index.html")
        if index.parent != served_site.site_dir
    )
    assert {"practices/listen/", "health-check/", "team/", "troubleshooting/", "tags/"} <= {*paths}
    for path in ["", *paths]:
        response = page.goto(path)
        assert response is not None and response.ok, f"{path or 'home'}: {response}"
        expect(page.locator("h1").first, f"{path or 'home'}").to_be_visible()
