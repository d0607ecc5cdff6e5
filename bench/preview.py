"""Live preview: from saving a YAML file to the rebuilt page being served by `playbook serve`.

Runs `playbook serve` on a copy of the repository's project (content/, playbooks/, mkdocs.yml)
on a free port, waits for the first build, then saves a new title into
content/practices/listen.yaml several times and polls the practice's page every 10 ms until
the new title is in it. The time of each edit is taken right after the file is written.
Run alone: .venv/bin/python bench/preview.py [--edits 5]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent  # the virtualenv running this script
PRACTICE = Path("content") / "practices" / "listen.yaml"
TITLE = "title: Listen actively"
PAGE = "practices/listen/"
POLL = 0.01  # seconds between two looks at the page
DEADLINE = 30.0
BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (local URL)
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(url: str, text: str, process: subprocess.Popen[bytes]) -> float:
    """Seconds until ``text`` is on the page at ``url``."""
    started = time.perf_counter()
    while time.perf_counter() - started < DEADLINE:
        if text in fetch(url):
            return time.perf_counter() - started
        if process.poll() is not None:
            raise RuntimeError(f"playbook serve exited with {process.returncode}")
        time.sleep(POLL)
    raise RuntimeError(f"{text!r} did not reach {url} within {DEADLINE:.0f} s")


def copy_project(target: Path) -> Path:
    for folder in ("content", "playbooks"):
        shutil.copytree(REPO / folder, target / folder)
    shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


def measure(edits: int) -> tuple[list[float], list[float]]:
    """Seconds from each saved edit to the served page showing it, and the seconds MkDocs
    reported for each of those rebuilds (its own part: rendering the playbook comes first)."""
    seconds: list[float] = []
    with tempfile.TemporaryDirectory(prefix="playbook-bench-serve-") as tmp:
        project = copy_project(Path(tmp) / "project")
        port = free_port()
        command = [str(BIN / "playbook"), "serve", "--port", str(port)]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        with (Path(tmp) / "serve.log").open("wb") as log:
            process = subprocess.Popen(
                command, cwd=project, stdout=log, stderr=log, stdin=subprocess.DEVNULL, env=env
            )
            try:
                url = f"http://127.0.0.1:{port}/{PAGE}"
                wait_for(url, "Listen actively", process)
                file = project / PRACTICE
                original = file.read_text(encoding="utf-8")
                for edit in range(1, edits + 1):
                    title = f"Listen actively, edit {edit}"
                    time.sleep(1.0)  # let the watcher settle between edits
                    file.write_text(original.replace(TITLE, f"title: {title}"), encoding="utf-8")
                    seconds.append(wait_for(url, title, process))
            finally:
                process.send_signal(signal.SIGINT)
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        log_text = (Path(tmp) / "serve.log").read_text(encoding="utf-8", errors="replace")
    mkdocs_seconds = [float(found) for found in BUILT.findall(log_text)[1:]]
    return seconds, mkdocs_seconds


def main() -> None:
    parser = argparse.ArgumentParser(description="Time live preview rebuilds.")
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()
    print("\n".join(report(*measure(args.edits))))


def report(seconds: list[float], mkdocs_seconds: list[float]) -> list[str]:
    lines = [
        "saved to served: " + ", ".join(f"{s:.2f} s" for s in seconds),
        f"median {statistics.median(seconds):.2f} s, worst {max(seconds):.2f} s",
    ]
    if mkdocs_seconds:
        lines.append(
            f"of which MkDocs' rebuild (as it reports): median "
            f"{statistics.median(mkdocs_seconds):.2f} s; the watcher looks for changes every "
            "0.1 s and waits 0.1 s before rebuilding"
        )
    return lines


if __name__ == "__main__":
    main()
