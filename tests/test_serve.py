"""``playbook serve`` for real: a subprocess on a free port, edited content, a broken edit.

Every wait is a polling loop with a deadline; the server is always stopped in ``finally``.
"""

from __future__ import annotations

import contextlib
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

DEADLINE = 20.0  # seconds for a (re)build to show up
LISTEN = Path("content") / "practices" / "listen.yaml"


def playbook_executable() -> str | None:
    beside_python = Path(sys.executable).parent / "playbook"
    if beside_python.is_file():
        return str(beside_python)
    return shutil.which("playbook")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    """The page's text, or None while the server is not (yet) answering with 200."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (local URL)
            if response.status != 200:
                return None
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(
    condition: Callable[[], bool],
    what: str,
    process: subprocess.Popen[bytes],
    log: Path,
    timeout: float = DEADLINE,
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        if process.poll() is not None:
            pytest.fail(
                f"playbook serve exited with {process.returncode} while waiting for {what}:\n"
                + log.read_text(encoding="utf-8", errors="replace")
            )
        time.sleep(0.2)
    pytest.fail(
        f"timed out after {timeout:.0f} s waiting for {what}; server log:\n"
        + log.read_text(encoding="utf-8", errors="replace")
    )


def stop(process: subprocess.Popen[bytes]) -> None:
    """Ask politely (Ctrl-C, so the server removes its temporary site), then insist."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    url: str
    log: Path  # the server's stderr

    def wait_for(self, condition: Callable[[], bool], what: str) -> None:
        wait_for(condition, what, self.process, self.log)

    def errors(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextlib.contextmanager
def serving(project: Path, tmp_path: Path, *options: str) -> Iterator[Server]:
    """``playbook serve`` on a free port for ``project``, stopped at the end."""
    executable = playbook_executable()
    assert executable is not None, "the playbook console script is not installed"
    port = free_port()
    stdout_log = tmp_path / "serve.out"
    stderr_log = tmp_path / "serve.err"
    with stdout_log.open("wb") as out, stderr_log.open("wb") as err:
        process = subprocess.Popen(
            [executable, "serve", "--project", str(project), "--port", str(port), *options],
            cwd=project,  # so problems name files as content/practices/listen.yaml
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
        )
        try:
            yield Server(process, f"http://127.0.0.1:{port}/", stderr_log)
        finally:
            stop(process)


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
