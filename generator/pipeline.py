"""One way from a project folder to a site, whichever command or tool asks for it.

    load, resolve, check     project.py (loader.py, resolve.py, checks.py): the model
    render                   render.py: every page as Markdown, in memory, with the YAML
                             source map of each page and the links it cannot serve
    write                    docs_tree.py: the docs tree and its mkdocs.yml on disk
    build                    build.py: the engine builds the tree into the site folder

``playbook build``, ``render``, ``serve`` and ``validate`` and the MkDocs plugin call the
functions here and only print or hand over what they return, so every entry point gives the
same warnings, each located in the YAML it comes from (``Rendered.warnings``).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from ._pydantic_errors import suggest
from .build import BuildReport, check_engine, run_engine, write_index_page
from .checks import left_out_references
from .docs_tree import RenderReport, project_sources, render_pages, write_docs_tree
from .engines import DEFAULT_ENGINE
from .errors import UnknownPlaybook
from .links import LinkWarning
from .loader import SourceMap
from .mkdocs_log import located_link_warnings
from .project import Project, load_project
from .site_folder import check_location, files_in, staged, write_marker


@dataclass(frozen=True)
class Checked:
    """One playbook, rendered in memory: its warnings, as every entry point shows them."""

    project: Project
    name: str
    #: Links in content that the site cannot serve, located in the YAML, in page order.
    link_warnings: tuple[str, ...]
    #: Names of practices the playbook leaves out, located in the YAML.
    left_out_warnings: tuple[str, ...]
    #: For each page, the source maps of the YAML it is made from: the engine's own warnings
    #: about a page are traced back there (mkdocs_log.py).
    sources: Mapping[str, tuple[SourceMap, ...]]

    @property
    def warnings(self) -> tuple[str, ...]:
        """Every warning, as every entry point shows it."""
        return self.link_warnings + self.left_out_warnings


@dataclass(frozen=True)
class Rendered(Checked):
    """One playbook, rendered and written as a docs tree: what every entry point that builds
    hands on."""

    tree: RenderReport


def load(root: Path, *, once: bool = True) -> Project:
    """Load, resolve and check the project in ``root``; raises ``ContentError`` listing every
    problem found.

    ``once``: for a process that ends once it is done (never the live preview). Loading makes
    hundreds of thousands of small objects that stay until the process ends, and no reference
    cycles: Python's cycle collector would scan the growing heap again and again, half of the
    loading time of a 1000-practice playbook. So it is off while loading, and what was loaded
    is left out of its scans for good (``gc.freeze``). A process that loads again and again
    must not do this: frozen, each load's garbage would stay (tests/test_serve_memory.py).
    """
    if not once:
        return load_project(root)
    enabled = gc.isenabled()
    gc.disable()
    try:
        return load_project(root)
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def playbook_name(project: Project, name: str) -> str:
    """``name`` if the project has that playbook; raises ``UnknownPlaybook`` otherwise."""
    if name in project.playbooks:
        return name
    known = sorted(project.playbooks)
    raise UnknownPlaybook(name, known, suggest(name, known))


def left_out_warnings(project: Project, name: str) -> list[str]:
    """Where playbook ``name``'s pages would name a practice it leaves out, located in the
    YAML; none when the playbook drops such names (``left_out_practices: drop``)."""
    playbook = project.playbook(name)
    if playbook.model.left_out_practices == "drop":
        return []
    return [
        str(problem) for problem in left_out_references(playbook.content, playbook.model.practices)
    ]


def check(project: Project, name: str, *, engine: str = DEFAULT_ENGINE) -> Checked:
    """Playbook ``name`` rendered in memory, nothing written: its warnings. A link can only be
    checked against the pages the playbook has, so the pages are rendered."""
    name = playbook_name(project, name)
    site = render_pages(project, name, engine=engine)
    return _made(Checked, project, name, site.link_warnings, site.sources)


def render(
    project: Project,
    name: str,
    *,
    out_dir: Path | None = None,
    site_url: str | None = None,
    engine: str = DEFAULT_ENGINE,
) -> Rendered:
    """Playbook ``name`` rendered and written as a docs tree (``build/NAME`` by default)."""
    name = playbook_name(project, name)
    tree = write_docs_tree(project, name, out_dir, site_url=site_url, engine=engine)
    return _made(Rendered, project, name, tree.link_warnings, tree.sources, tree=tree)


Made = TypeVar("Made", bound=Checked)


def _made(
    kind: type[Made],
    project: Project,
    name: str,
    link_warnings: tuple[LinkWarning, ...],
    sources: Mapping[str, tuple[SourceMap, ...]],
    **more: Any,
) -> Made:
    """A ``Checked`` (or ``Rendered``) of playbook ``name``, its warnings located."""
    links = tuple(located_link_warnings(link_warnings, sources))
    left_out = tuple(left_out_warnings(project, name))
    return kind(project, name, links, left_out, sources, **more)


def check_all(project: Project) -> tuple[list[str], list[str]]:
    """Every playbook's link warnings and left-out warnings (``validate``), once each; a
    warning that holds for some of the playbooks only says which."""
    checked = [check(project, name) for name in sorted(project.playbooks)]
    links = _once_each({done.name: done.link_warnings for done in checked})
    left_out = _once_each({done.name: done.left_out_warnings for done in checked})
    return links, left_out


def _once_each(found: Mapping[str, Sequence[str]]) -> list[str]:
    lines: list[str] = []
    for warnings in found.values():
        for line in warnings:
            where = [other for other, others in found.items() if line in others]
            if len(where) < len(found):
                line += f" (in playbook{'s' * (len(where) > 1)} {', '.join(where)})"
            if line not in lines:
                lines.append(line)
    return lines


def build_site(
    source: Path | Project,
    name: str,
    *,
    site_dir: Path | None = None,
    strict: bool = False,
    verbose: bool = False,
    site_url: str | None = None,
    engine: str = DEFAULT_ENGINE,
    fallback_site_url: str | None = None,
) -> BuildReport:
    """Render playbook ``name`` of a project (``source``: loaded, or its folder to load and
    check), then build it.

    The site is built into a temporary folder and replaces the site folder only once the
    build has succeeded (see site_folder.py).
    """
    started = time.perf_counter()
    project, site = _project_and_site(source, site_dir, engine, name)
    url = site_url or _fallback(project, name, fallback_site_url)
    with staged(site) as staging:
        return _build(project, name, staging, site, url, strict, verbose, engine, started)


def build_all(
    source: Path | Project,
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
    project, site = _project_and_site(source, site_dir, engine)
    reports = []
    with staged(site) as staging:
        for name in sorted(project.playbooks):
            base = site_url or _fallback(project, name, fallback_site_url)
            url = None if base is None else base.rstrip("/") + f"/{name}/"
            target = staging / name
            reports.append(
                _build(project, name, target, site / name, url, strict, verbose, engine, started)
            )
            write_marker(target, files_in(target))
            started = time.perf_counter()
        write_index_page(project, staging)
    return reports


def _project_and_site(
    source: Path | Project, site_dir: Path | None, engine: str, name: str | None = None
) -> tuple[Project, Path]:
    """Before anything is written: the engine can run, the project (and playbook ``name``)
    is there and the site folder may be written where it is asked for."""
    check_engine(engine)
    project = source if isinstance(source, Project) else load(source)
    if name is not None:
        playbook_name(project, name)
    site = (site_dir or project.root / "site").resolve()
    check_location(site, project.root, project_sources(project))
    return project, site


def _build(
    project: Project,
    name: str,
    target: Path,
    site: Path,
    site_url: str | None,
    strict: bool,
    verbose: bool,
    engine: str,
    started: float,
) -> BuildReport:
    rendered = render(project, name, site_url=site_url, engine=engine)
    return run_engine(
        project,
        rendered.tree,
        rendered.warnings,
        target,
        site,
        strict=strict,
        verbose=verbose,
        engine=engine,
        started=started,
    )


def _fallback(project: Project, name: str, fallback_site_url: str | None) -> str | None:
    """The address to build for when only CI knows it: a playbook's own site.url wins."""
    if fallback_site_url is None or project.playbook(name).model.site.url is not None:
        return None
    return fallback_site_url.rstrip("/") + "/"
