"""``playbook serve`` for real: a subprocess on a free port, edited content, a broken edit.

Every wait is a polling loop with a deadline; the server is always stopped in ``finally``.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
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


@pytest.mark.skipif(sys.platform == "win32", reason="stops the server with SIGINT")
def test_serve_rebuilds_on_edit_and_keeps_the_last_good_site(
    project_copy: Path, tmp_path: Path
) -> None:
    executable = playbook_executable()
    assert executable is not None, "the playbook console script is not installed"
    project = project_copy
    port = free_port()
    home_url = f"http://127.0.0.1:{port}/"
    listen_url = f"{home_url}practices/listen/"
    stdout_log = tmp_path / "serve.out"
    stderr_log = tmp_path / "serve.err"

    with stdout_log.open("wb") as out, stderr_log.open("wb") as err:
        process = subprocess.Popen(
            [executable, "serve", "--project", str(project), "--port", str(port)],
            cwd=project,  # so problems name files as content/practices/listen.yaml
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
        )
        try:
            wait_for(
                lambda: "Listen actively" in (fetch(home_url) or ""),
                f"the home page at {home_url}",
                process,
                stderr_log,
            )
            assert "Listen actively" in (fetch(listen_url) or "")

            # A valid edit reaches the served page.
            replace_in(project / LISTEN, "title: Listen actively", "title: Listen with care")
            wait_for(
                lambda: "Listen with care" in (fetch(listen_url) or ""),
                "the edited title on practices/listen/",
                process,
                stderr_log,
            )

            # A broken edit is reported with its location; the last good site stays up.
            replace_in(project / LISTEN, "title: Listen with care", "titel: Listen broken")
            expected = "content/practices/listen.yaml:2:1: unknown key 'titel'"
            wait_for(
                lambda: expected in stderr_log.read_text(encoding="utf-8", errors="replace"),
                f"the located error {expected!r} on stderr",
                process,
                stderr_log,
            )
            page = fetch(listen_url)
            assert page is not None, "the server stopped serving after a broken edit"
            assert "Listen with care" in page
            assert "Listen broken" not in page
            assert process.poll() is None, "the server exited after a broken edit"
            errors = stderr_log.read_text(encoding="utf-8", errors="replace")
            assert "Traceback" not in errors, errors

            # Fixing the file brings the server back to building.
            replace_in(project / LISTEN, "titel: Listen broken", "title: Listen again")
            wait_for(
                lambda: "Listen again" in (fetch(listen_url) or ""),
                "the fixed title on practices/listen/",
                process,
                stderr_log,
            )
        finally:
            stop(process)
