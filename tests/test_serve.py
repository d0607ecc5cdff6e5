"""``playbook serve`` for real: a subprocess on a free port, edited content, a broken edit.

Every wait is a polling loop with a deadline; the server is always stopped in ``finally``
(tests/support/serve.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from support.projects import LISTEN
from support.serve import fetch, replace_in, serving

pytestmark = pytest.mark.slow  # runs playbook serve for real


@pytest.mark.skipif(sys.platform == "win32", reason="stops the server with SIGINT")
def test_serve_rebuilds_on_edit_and_keeps_the_last_good_site(
    project_copy: Path, tmp_path: Path
) -> None:
    project = project_copy
    with serving(project, tmp_path) as server:
        home_url = server.url
        listen_url = f"{home_url}practices/listen/"
        server.wait_for(
            lambda: "Listen actively" in (fetch(home_url) or ""), f"the home page at {home_url}"
        )
        assert "Listen actively" in (fetch(listen_url) or "")

        # A valid edit reaches the served page.
        replace_in(project / LISTEN, "title: Listen actively", "title: Listen with care")
        server.wait_for(
            lambda: "Listen with care" in (fetch(listen_url) or ""),
            "the edited title on practices/listen/",
        )

        # A broken edit is reported with its location; the last good site stays up.
        replace_in(project / LISTEN, "title: Listen with care", "titel: Listen broken")
        expected = "content/practices/listen.yaml:2:1: unknown key 'titel'"
        server.wait_for(
            lambda: expected in server.errors(), f"the located error {expected!r} on stderr"
        )
        page = fetch(listen_url)
        assert page is not None, "the server stopped serving after a broken edit"
        assert "Listen with care" in page
        assert "Listen broken" not in page
        assert server.process.poll() is None, "the server exited after a broken edit"
        assert "Traceback" not in server.errors(), server.errors()

        # Fixing the file brings the server back to building.
        replace_in(project / LISTEN, "titel: Listen broken", "title: Listen again")
        server.wait_for(
            lambda: "Listen again" in (fetch(listen_url) or ""),
            "the fixed title on practices/listen/",
        )


@pytest.mark.skipif(sys.platform == "win32", reason="stops the server with SIGINT")
def test_serve_rebuilds_on_overlay_and_own_content_edits(
    project_copy: Path, tmp_path: Path
) -> None:
    project = project_copy
    overlay = project / "playbooks" / "peers.yaml"
    own = project / "content" / "peers" / "practices" / "common-goals.yaml"
    with serving(project, tmp_path, "--playbook", "peers") as server:
        grow_url = f"{server.url}practices/grow/"
        goals_url = f"{server.url}practices/common-goals/"
        server.wait_for(
            lambda: "Share growth opportunities" in (fetch(grow_url) or ""), "the peers site"
        )

        replace_in(overlay, "title: Share growth opportunities", "title: Grow together")
        server.wait_for(
            lambda: "Grow together" in (fetch(grow_url) or ""), "the overlay's new title"
        )

        replace_in(overlay, "- id: open-by-default", "- id: open-by-defualt")
        expected = (
            "playbooks/peers.yaml:836:17: overrides.practices.communicate.assessment.bands[2].id: "
            "unknown band 'open-by-defualt' (did you mean 'open-by-default'?); mark a new band "
            "with 'add: true'"
        )
        server.wait_for(lambda: expected in server.errors(), "the overlay's located error")
        assert "Grow together" in (fetch(grow_url) or ""), "the last good build is gone"
        assert "Traceback" not in server.errors(), server.errors()

        replace_in(overlay, "- id: open-by-defualt", "- id: open-by-default")
        replace_in(own, "title: Work toward common goals", "title: Aim at shared goals")
        server.wait_for(
            lambda: "Aim at shared goals" in (fetch(goals_url) or ""),
            "the own practice's new title",
        )
