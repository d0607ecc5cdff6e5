"""``playbook serve`` run for real: a subprocess on a free port, stopped at the end.

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
