"""From a docs tree to a site: the engine builds it into a fresh folder that replaces the old one.

docs_tree.py writes the tree; site_folder.py keeps the site folder safe; this module runs the
engine with the build's date fixed, so that the same input gives the same bytes, and writes
the index page of ``build --all``. pipeline.py calls it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import html
import os
import posixpath
import re
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ._mkdocs_yaml import read_mkdocs_config
from .docs_tree import RenderReport
from .engines import DEFAULT_ENGINE, ZENSICAL_NOTES, run_mkdocs, run_zensical, zensical_missing
from .errors import PlaybookError, StrictFailure
from .mkdocs_config import brand_file
from .mkdocs_log import log_warnings, mkdocs_logging
from .project import Project
from .settings import colour_hex, contrast
from .ui import interface_strings


@dataclass(frozen=True)
class BuildReport:
    render: RenderReport
    site_dir: Path
    mkdocs_seconds: float
    engine: str = DEFAULT_ENGINE


def check_engine(engine: str) -> None:
    """Before anything is written: the engine can run here. What a Zensical build does
    differently is said once."""
    if engine != "zensical":
        return
    problem = zensical_missing()
    if problem is not None:
        raise PlaybookError(problem)
    print(f"Note: {ZENSICAL_NOTES}", file=sys.stderr)


def run_engine(
    project: Project,
    tree: RenderReport,
    warnings: Sequence[str],
    target: Path,
    site: Path,
    *,
    strict: bool,
    verbose: bool,
    engine: str,
    started: float,
) -> BuildReport:
    """Show the rendered playbook's ``warnings`` (the engine's way), then let the engine build
    its docs ``tree`` into ``target``, a staging folder that becomes ``site``."""
    tree = dataclasses.replace(tree, seconds=time.perf_counter() - started)
    with mkdocs_logging(verbose):
        log_warnings(warnings)
    if strict and warnings:
        raise StrictFailure(len(warnings))
    with source_date(project, tree.playbook):
        if engine == "zensical":
            seconds = run_zensical(
                tree.config_file,
                strict=strict,
                site_dir=target,
                pages=tree.page_paths,
                directory_urls=tree.directory_urls,
                verbose=verbose,
            )
        else:
            seconds = run_mkdocs(
                tree.config_file,
                strict=strict,
                verbose=verbose,
                site_dir=target,
                sources=tree.sources,
            )
    return BuildReport(tree, site, seconds, engine)


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


def index_playbook(project: Project) -> str:
    """The playbook whose name, logo, favicon, colour, language and words the index page of
    ``build --all`` carries: ``default``, or without one the first by name."""
    return "default" if "default" in project.playbooks else sorted(project.playbooks)[0]


_FAVICON_LINK = re.compile(r'<link rel="icon" href="([^"<>]+)"')


def _favicon(staging: Path, name: str) -> str | None:
    """The favicon of playbook ``name``'s built home page (the playbook's own, or the theme's),
    as an address from the index page; None if its page names none that exists."""
    try:
        home = (staging / name / "index.html").read_text(encoding="utf-8")
    except OSError:
        return None
    found = _FAVICON_LINK.search(home)
    if found is None or "//" in found[1] or found[1].startswith("/"):
        return None
    href = posixpath.normpath(posixpath.join(name, html.unescape(found[1])))
    return href if (staging / href).is_file() and not href.startswith("..") else None


def _primary(project: Project, name: str) -> str:
    """The brand's primary colour as #rrggbb: the playbook's, else mkdocs.yml's first one."""
    palette = project.playbook(name).model.site.palette
    if palette is not None and palette.primary is not None:
        return colour_hex(palette.primary)
    theme = read_mkdocs_config(project.root / "mkdocs.yml").get("theme")
    schemes = theme.get("palette") if isinstance(theme, dict) else None
    first = (schemes or [None])[0] if isinstance(schemes, list) else schemes
    colour = first.get("primary") if isinstance(first, dict) else None
    return colour_hex(colour if isinstance(colour, str) else None)


def write_index_page(project: Project, staging: Path) -> None:
    """The index page of ``build --all``, into the staging folder of the whole site."""
    (staging / "index.html").write_text(_index_page(project, staging), encoding="utf-8")


def _index_page(project: Project, staging: Path) -> str:
    """The page linking every playbook, in the branding and words of ``index_playbook``."""
    name = index_playbook(project)
    playbook = project.playbook(name).model
    strings = interface_strings(playbook.language, playbook.strings)
    title = html.escape(strings["index_title"])
    brand = html.escape(playbook.site.name)
    primary = _primary(project, name)
    white, black = "#ffffff", "#000000"
    on_primary = white if contrast(primary, white) >= contrast(primary, black) else black
    link = primary if contrast(primary, white) >= 4.5 else black
    head = [
        '  <meta charset="utf-8">',
        '  <meta name="viewport" content="width=device-width, initial-scale=1">',
        f"  <title>{title} · {brand}</title>",
        f'  <meta name="description" content="{html.escape(strings["index_description"])}">',
    ]
    favicon = _favicon(staging, name)
    if favicon is not None:
        head.append(f'  <link rel="icon" href="{html.escape(favicon)}">')
    head.append(
        "  <style>body{font-family:system-ui,sans-serif;margin:0;line-height:1.5}"
        f".pb-brand{{background:{primary};color:{on_primary};padding:0.8rem 1rem;"
        "display:flex;align-items:center;gap:0.6rem;font-size:1.2rem;font-weight:600}"
        ".pb-brand img{height:2rem;width:auto}"
        "main{max-width:40rem;margin:2rem auto;padding:0 1rem}"
        f"a{{color:{link}}}</style>"
    )
    logo = ""
    if playbook.site.logo is not None:
        logo = f'<img src="{html.escape(name)}/{brand_file("logo", playbook.site.logo)}" alt=""> '
    items = "\n".join(
        f'    <li><a href="{html.escape(other)}/">{html.escape(resolved.model.site.name)}</a>: '
        f"{html.escape(resolved.model.site.description)}</li>"
        for other, resolved in sorted(project.playbooks.items())
    )
    return (
        f'<!doctype html>\n<html lang="{html.escape(playbook.language or "en")}">\n<head>\n'
        + "\n".join(head)
        + "\n</head>\n<body>\n"
        f'<header class="pb-brand">{logo}<span>{brand}</span></header>\n'
        f"<main>\n  <h1>{title}</h1>\n"
        f"  <p>{html.escape(strings['index_intro'])}</p>\n  <ul>\n"
        f"{items}\n  </ul>\n</main>\n</body>\n</html>\n"
    )
