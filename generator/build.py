"""From a docs tree to a site: MkDocs builds it into a fresh folder that replaces the old one.

docs_tree.py writes the tree; site_folder.py keeps the site folder safe; this module runs MkDocs
with the build's date fixed, so that the same input gives the same bytes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import html
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .docs_tree import (
    RenderReport,
    project_sources,
    render_docs_tree,
    resolve_playbook_name,
)
from .engines import DEFAULT_ENGINE, ZENSICAL_NOTES, run_mkdocs, run_zensical, zensical_missing
from .errors import PlaybookError
from .mkdocs_log import log_link_warnings, mkdocs_logging, page_sources
from .render import PRACTICE_FOLDER
from .site_folder import (
    check_location,
    files_in,
    staged,
    write_marker,
)
from .validate import Project, load_project


@dataclass(frozen=True)
class BuildReport:
    render: RenderReport
    site_dir: Path
    mkdocs_seconds: float
    engine: str = DEFAULT_ENGINE


def build_site(
    root: Path,
    name: str,
    *,
    site_dir: Path | None = None,
    strict: bool = False,
    verbose: bool = False,
    site_url: str | None = None,
    engine: str = DEFAULT_ENGINE,
    fallback_site_url: str | None = None,
) -> BuildReport:
    """Load, check and render playbook ``name`` of the project at ``root``, then build it.

    The site is built into a temporary folder and replaces the site folder only once the
    build has succeeded (see site_folder.py).
    """
    started = time.perf_counter()
    _check_engine(engine)
    project = load_project(root)
    name = resolve_playbook_name(project, name)
    site = (site_dir or root / "site").resolve()
    check_location(site, project.root, project_sources(project))
    url = site_url or _fallback(project, name, fallback_site_url)
    with staged(site) as staging:
        return _build_into(project, name, staging, site, strict, verbose, url, started, engine)


def _fallback(project: Project, name: str, fallback_site_url: str | None) -> str | None:
    """The address to build for when only CI knows it: a playbook's own site.url wins."""
    if fallback_site_url is None or project.playbook(name).model.site.url is not None:
        return None
    return fallback_site_url.rstrip("/") + "/"


def _check_engine(engine: str) -> None:
    """Before anything is written: the engine can run here. What a Zensical build does
    differently is said once."""
    if engine != "zensical":
        return
    problem = zensical_missing()
    if problem is not None:
        raise PlaybookError(problem)
    print(f"Note: {ZENSICAL_NOTES}", file=sys.stderr)


def _build_into(
    project: Project,
    name: str,
    target: Path,
    site: Path,
    strict: bool,
    verbose: bool,
    site_url: str | None,
    started: float,
    engine: str,
) -> BuildReport:
    """Render playbook ``name`` and let the engine build it into ``target``, a staging folder
    that becomes ``site``."""
    report = render_docs_tree(project, name, site_url=site_url, engine=engine)
    report = dataclasses.replace(report, seconds=time.perf_counter() - started)
    with mkdocs_logging(verbose):
        warnings = log_link_warnings(report.link_warnings, project.content_for(name))
    if strict and warnings:
        plural = "s" if warnings != 1 else ""
        raise PlaybookError(f"Aborted with {warnings} warning{plural} in strict mode!")
    with source_date(project, name):
        if engine == "zensical":
            seconds = run_zensical(
                report.config_file,
                strict=strict,
                site_dir=target,
                pages=report.page_paths,
                directory_urls=report.directory_urls,
                verbose=verbose,
            )
        else:
            seconds = run_mkdocs(
                report.config_file,
                strict=strict,
                verbose=verbose,
                site_dir=target,
                sources=page_sources(project.content_for(name), PRACTICE_FOLDER),
            )
    return BuildReport(report, site, seconds, engine)


@contextlib.contextmanager
def source_date(project: Project, name: str) -> Iterator[None]:
    """Builds that repeat exactly: MkDocs dates the sitemap by ``SOURCE_DATE_EPOCH`` or, unset,
    by the day it runs. Unset, it is taken from the newest file the playbook is made of, so the
    same files always give the same site."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    inputs = [project.root / "mkdocs.yml", *project.playbook(name).files]
    newest = max(
        (path.stat().st_mtime for source in inputs for path in _files_under(source)),
        default=0.0,
    )
    os.environ["SOURCE_DATE_EPOCH"] = str(int(newest))
    try:
        yield
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


def _files_under(path: Path) -> list[Path]:
    if path.is_dir():
        return [p for p in path.rglob("*") if p.is_file()]
    return [path] if path.is_file() else []


def build_all(
    root: Path,
    *,
    site_dir: Path | None = None,
    strict: bool = False,
    verbose: bool = False,
    site_url: str | None = None,
    engine: str = DEFAULT_ENGINE,
    fallback_site_url: str | None = None,
) -> list[BuildReport]:
    """Build every playbook of the project into its own folder under the site folder.

    The site folder also gets an index page linking to each playbook. Like ``build_site``,
    all of it is built into a temporary folder that replaces the site folder on success.
    """
    started = time.perf_counter()
    _check_engine(engine)
    project = load_project(root)
    site = (site_dir or root / "site").resolve()
    check_location(site, project.root, project_sources(project))
    reports = []
    with staged(site) as staging:
        for name in sorted(project.playbooks):
            base = site_url or _fallback(project, name, fallback_site_url)
            url = None if base is None else base.rstrip("/") + f"/{name}/"
            target = staging / name
            reports.append(
                _build_into(
                    project, name, target, site / name, strict, verbose, url, started, engine
                )
            )
            write_marker(target, files_in(target))
            started = time.perf_counter()
        (staging / "index.html").write_text(_index_page(project), encoding="utf-8")
    return reports


def _index_page(project: Project) -> str:
    items = "\n".join(
        f'    <li><a href="{html.escape(name)}/">{html.escape(playbook.model.site.name)}</a>: '
        f"{html.escape(playbook.model.site.description)}</li>"
        for name, playbook in sorted(project.playbooks.items())
    )
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n  <meta charset="utf-8">\n'
        '  <meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "  <title>Playbooks</title>\n"
        '  <meta name="description" content="The playbooks published here.">\n'
        "  <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;"
        "padding:0 1rem;line-height:1.5}a{color:#00695c}</style>\n"
        "</head>\n<body>\n<main>\n  <h1>Playbooks</h1>\n  <ul>\n"
        f"{items}\n  </ul>\n</main>\n</body>\n</html>\n"
    )
