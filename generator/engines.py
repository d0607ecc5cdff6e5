"""The engines that turn a docs tree into a site: MkDocs with Material, and Zensical.

Both read the tree's mkdocs.yml; neither is trusted with safety (the tree is safe as written,
see safe_html.py). Each runs into a folder of our choosing, so that build.py can swap the result
in only when it succeeded.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .errors import PlaybookError, printable
from .links import page_url
from .loader import SourceMap
from .mkdocs_log import mkdocs_logging

ENGINES = ("mkdocs", "zensical")
DEFAULT_ENGINE = "mkdocs"
#: The folder inside a docs tree that its mkdocs.yml builds into, and Zensical's cache there.
TREE_SITE = "site"
TREE_OUTPUTS = (TREE_SITE, ".cache")
#: The Zensical release this tool is tested with (the `zensical` extra pins it).
ZENSICAL_VERSION = "0.0.73"
#: What a Zensical build does differently, said once per build (docs/pages/engines.md).
ZENSICAL_NOTES = (
    "Zensical builds its own search index (search.json) and tags page; MkDocs plugins and "
    "hooks of mkdocs.yml are not run."
)


def run_mkdocs(
    config_file: Path,
    *,
    strict: bool,
    site_dir: Path,
    verbose: bool = False,
    sources: Mapping[str, Sequence[SourceMap]] | None = None,
) -> float:
    """MkDocs builds ``config_file`` into ``site_dir``; returns the seconds it took."""
    # Imported here: validating and rendering need none of MkDocs.
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    started = time.perf_counter()
    overrides: dict[str, Any] = {"strict": strict, "site_dir": str(site_dir)}
    with mkdocs_logging(verbose, sources):
        try:
            config = load_config(config_file=str(config_file), **overrides)
            mkdocs_build(config)
        except MkDocsException as error:
            raise PlaybookError(f"MkDocs: {error}") from None
        except Exception as error:
            if verbose:
                raise  # with its traceback, for a bug report
            raise PlaybookError(
                f"MkDocs stopped with an unexpected error: {type(error).__name__}: {error} "
                "(build with --verbose to see where)"
            ) from None
    return time.perf_counter() - started


def zensical_missing() -> str | None:
    """Why the Zensical engine cannot run here, or None."""
    if importlib.util.find_spec("zensical") is None:
        return (
            "the zensical engine needs Zensical, which is not installed: "
            "pip install 'coaching-playbook[zensical]' (or pip install "
            f"zensical=={ZENSICAL_VERSION})"
        )
    return None


def run_zensical(
    config_file: Path,
    *,
    strict: bool,
    site_dir: Path,
    pages: Iterable[str],
    directory_urls: bool = True,
    verbose: bool = False,
) -> float:
    """Zensical builds ``config_file`` into the tree's own site folder (it accepts no other),
    which then becomes ``site_dir``; returns the seconds it took.

    Zensical reports success for a tree whose pages it did not find, so every page in
    ``pages`` (docs paths) is looked for in the output.
    """
    problem = zensical_missing()
    if problem is not None:
        raise PlaybookError(problem)
    started = time.perf_counter()
    output = config_file.parent / TREE_SITE
    if output.exists():
        shutil.rmtree(output)  # inside our own marked tree: a previous engine run's output
    command = [sys.executable, "-m", "zensical", "build", "--clean", "-f", str(config_file)]
    if strict:
        command.append("--strict")
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    messages = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if line.strip() and (verbose or not _progress_line(line))
    ]
    if result.returncode != 0:
        detail = "\n".join(messages[-20:])
        raise PlaybookError(f"Zensical stopped with exit status {result.returncode}:\n{detail}")
    for line in messages:
        print(printable(line), file=sys.stderr)
    missing = [
        page for page in pages if not (output / _output_file(page, directory_urls)).is_file()
    ]
    if missing:
        raise PlaybookError(
            f"Zensical reported success but wrote no page for {', '.join(sorted(missing)[:5])}"
        )
    if site_dir.exists():
        site_dir.rmdir()  # the empty staging folder made for this build
    shutil.move(str(output), str(site_dir))
    return time.perf_counter() - started


def _progress_line(line: str) -> bool:
    return line.strip() in ("Build started", "No issues found") or line.startswith(
        "Build finished"
    )


def _output_file(page: str, directory_urls: bool) -> str:
    """Where a docs page lands in the built site."""
    url = page_url(page, directory_urls)
    return url + "index.html" if url == "" or url.endswith("/") else url
