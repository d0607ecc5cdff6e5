"""``playbook serve`` when the engine itself fails on an edit: one line, no traceback, no hang."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from support.projects import LISTEN
from support.serve import fetch, replace_in, serving

from generator.serve import NOTICE_ID

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="stops the server with SIGINT"),
    pytest.mark.slow,  # runs playbook serve for real
]

HOOK = """
def on_page_markdown(markdown, **kwargs):
    if "Explode" in markdown:
        raise RuntimeError("the hook refused the page")
    return markdown
"""


def test_an_engine_failure_is_one_line_and_every_request_is_answered(
    project_copy: Path, tmp_path: Path
) -> None:
    project = project_copy
    (project / "hooks.py").write_text(HOOK, encoding="utf-8")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nhooks:\n  - hooks.py\n")
    with serving(project, tmp_path) as server:
        listen_url = f"{server.url}practices/listen/"
        server.wait_for(lambda: "Listen actively" in (fetch(listen_url) or ""), "the site")

        replace_in(project / LISTEN, "title: Listen actively", "title: Explode")
        expected = "Error: the site could not be built: the hook refused the page"
        server.wait_for(lambda: expected in server.errors(), "the one-line engine failure")
        # Answered at once (fetch gives up after 2 s), with the notice over the last good build.
        page = fetch(listen_url)
        assert page is not None, "a request was left waiting on the failed build"
        assert f'id="{NOTICE_ID}"' in page
        assert "the site could not be built: the hook refused the page" in page
        assert "Listen actively" in page
        assert "Traceback" not in server.errors(), server.errors()

        replace_in(project / LISTEN, "title: Explode", "title: Listen again")
        server.wait_for(lambda: "Listen again" in (fetch(listen_url) or ""), "the fixed page")
        assert NOTICE_ID not in (fetch(listen_url) or "")
