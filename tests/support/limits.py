"""The real command run in a child process held to CPU time and memory: a hang or a blow-up
fails the test instead of stalling the suite. Counted in CPU seconds (the kernel stops a child
that uses more, with SIGXCPU), so that a busy machine fails nothing; a child that waits
without using any (a hang) is stopped after ``HANG_LIMIT`` seconds of wall-clock time."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

PLAYBOOK = Path(sys.executable).with_name("playbook")
HANG_LIMIT = 120.0
#: Address space of each run. A valid project validates within 128 MiB and builds within
#: 192 MiB; reading a 50 MB file into YAML nodes would take gigabytes.
MEMORY_LIMIT = 512 * 1024 * 1024


def limits(cpu_seconds: int, memory: int = MEMORY_LIMIT) -> Callable[[], None]:
    """A ``preexec_fn`` that holds the child to ``cpu_seconds`` of CPU time and ``memory``."""

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        # SIGXCPU at the limit (SIGKILL a second later, should the child catch that).
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))

    return apply


def run_limited(
    root: Path, cpu_seconds: int, *args: str, memory: int = MEMORY_LIMIT
) -> subprocess.CompletedProcess[str]:
    """``playbook ARGS --project .`` in ``root``, held to the limits; fails the test (by an
    assertion) when the kernel stopped it."""
    child = subprocess.run(
        [str(PLAYBOOK), *args, "--project", "."],
        cwd=root,
        capture_output=True,
        encoding="utf-8",
        timeout=HANG_LIMIT,
        preexec_fn=limits(cpu_seconds, memory),
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    # Stopped for its CPU time, the child ends by SIGXCPU (a negative status).
    assert child.returncode >= 0, f"stopped by signal {-child.returncode}: {child.stderr[-2000:]}"
    return child
