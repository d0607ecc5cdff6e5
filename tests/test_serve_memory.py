"""``playbook serve`` rebuilds for hours in one process: it must not grow with every rebuild.

The preview's builder loads, checks, renders and builds the playbook afresh each time; it must
leave no process-wide state behind (a frozen heap, a changed environment) and keep nothing of
an earlier build alive.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

import pytest
from support.projects import write_minimal_project

from generator.mkdocs_log import mkdocs_logging
from generator.serve import PreviewBuilder

pytestmark = pytest.mark.slow  # rebuilds thirty times

REBUILDS = 30
#: Growth allowed over 30 rebuilds, measured after the first few (which fill the caches of
#: MkDocs, Jinja and Markdown). Flat, the process gains about 4 MiB of resident memory and a
#: few hundred of Python's memory blocks; when each rebuild's objects were kept (frozen out of
#: the cycle collector's reach after every load), it gained 21 MiB and 140,000 blocks.
MOST_RESIDENT_GROWTH = 10 * 1024 * 1024
MOST_BLOCK_GROWTH = 10_000


def resident_bytes() -> int:
    """The process's resident memory (Linux)."""
    pages = int(Path("/proc/self/statm").read_text(encoding="ascii").split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE")


def test_thirty_rebuilds_in_one_process_stay_flat(tmp_path: Path) -> None:
    root = write_minimal_project(tmp_path / "project")
    folder = tmp_path / "preview"
    folder.mkdir()
    builder = PreviewBuilder(root, "default", folder, "http://127.0.0.1:8000/")
    with mkdocs_logging(False):
        for _ in range(3):
            builder.build()
        environment = dict(os.environ)  # after the first builds: Material sets a variable
        frozen = gc.get_freeze_count()
        gc.collect()
        resident, blocks = resident_bytes(), sys.getallocatedblocks()
        for _ in range(REBUILDS):
            builder.build()
        gc.collect()
        resident, blocks = resident_bytes() - resident, sys.getallocatedblocks() - blocks
    assert (folder / "site" / "practices" / "alpha" / "index.html").is_file()
    assert gc.get_freeze_count() == frozen
    assert dict(os.environ) == environment
    assert blocks < MOST_BLOCK_GROWTH, f"{blocks} memory blocks more after {REBUILDS} rebuilds"
    assert resident < MOST_RESIDENT_GROWTH, f"{resident / 2**20:.1f} MiB more"
