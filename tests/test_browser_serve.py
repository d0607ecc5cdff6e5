"""``playbook serve`` in Chromium: a rejected edit shows its problems on the page until fixed.

The page is never reloaded by the test: MkDocs' reload script does it, as for a coach.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect
from support.projects import LISTEN
from support.serve import fetch, replace_in, serving

from generator.serve import NOTICE_ID

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(sys.platform == "win32", reason="stops the server with SIGINT"),
]

PROBLEM = "content/practices/listen.yaml:2:1: unknown key 'titel' (did you mean 'title'?)"


def test_a_rejected_edit_shows_on_the_page_until_it_is_fixed(
    project_copy: Path, tmp_path: Path, browser: Browser
) -> None:
    project = project_copy
    with serving(project, tmp_path) as server:
        listen_url = f"{server.url}practices/listen/"
        server.wait_for(lambda: "Listen actively" in (fetch(listen_url) or ""), "the site")
        context = browser.new_context()
        try:
            page = context.new_page()
            page.goto(listen_url)
            notice = page.locator(f"#{NOTICE_ID}")
            expect(notice).to_have_count(0)

            replace_in(project / LISTEN, "title: Listen actively", "titel: Listen broken")
            expect(notice).to_be_visible(timeout=20_000)
            expect(notice).to_have_attribute("role", "alert")
            expect(notice.locator("li")).to_have_text([PROBLEM])
            expect(notice).to_contain_text("This edit was not built.")
            # The last good build stays under the notice.
            expect(page.locator("h1")).to_contain_text("Listen actively")

            # Another page opened meanwhile carries the notice too.
            other = context.new_page()
            other.goto(server.url)
            expect(other.locator(f"#{NOTICE_ID} li")).to_have_text([PROBLEM])
            other.close()

            replace_in(project / LISTEN, "titel: Listen broken", "title: Listen again")
            expect(page.locator("h1")).to_contain_text("Listen again", timeout=20_000)
            expect(notice).to_have_count(0)
        finally:
            context.close()
        assert "Traceback" not in server.errors(), server.errors()
