"""From a playbook to its docs tree: Markdown pages, assets, theme overrides and mkdocs.yml.

The docs tree on disk (``build/<playbook>/``) is a complete, plain MkDocs project: it can be
built by ``mkdocs build -f build/<playbook>/mkdocs.yml`` or any tool that reads mkdocs.yml,
without this package. build.py lets the engine build it into a site; pipeline.py calls both.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ._mkdocs_yaml import dump_mkdocs_config
from .builtin import package_tree
from .errors import PlaybookError, display_path
from .images import published_image
from .links import LinkWarning
from .loader import SourceMap
from .mkdocs_config import (
    ASSET_FOLDER,
    OVERRIDES_FOLDER,
    brand_file,
    brand_stylesheet,
    generated_config,
    project_config,
)
from .playbook_schema import Playbook
from .project import Project
from .render import RenderedSite, render_site
from .scripts import asset_names, script_files, shared_string_keys, stylesheet_files
from .site_folder import (
    MARKER,
    TREE_OUTPUTS,
    check_location,
    check_replaceable,
    files_in,
    listed_files,
    write_marker,
)
from .ui import interface_strings, script_config

GENERATED_ROOT = "build"
#: The engines a docs tree is rendered for: links in HTML are written the way each reads them.
ENGINE_NAMES = {"mkdocs": "MkDocs", "zensical": "Zensical"}


@dataclass(frozen=True)
class RenderReport:
    playbook: str
    config_file: Path
    pages: int
    seconds: float
    nav: list[Any]
    link_warnings: tuple[LinkWarning, ...] = ()
    page_paths: tuple[str, ...] = ()
    directory_urls: bool = True
    #: For each page, the source maps of the YAML it is made from (render.RenderedSite).
    sources: Mapping[str, tuple[SourceMap, ...]] = field(default_factory=dict)


def _theme_overrides(project: Project, base: dict[str, Any]) -> dict[str, str | bytes]:
    """The tool's theme overrides, then the project's ``theme.custom_dir`` on top of them."""
    files: dict[str, str | bytes] = dict(
        package_tree(resources.files("generator") / OVERRIDES_FOLDER)
    )
    theme = base.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    if isinstance(custom, str):
        folder = project.root / custom
        if not folder.is_dir():
            raise PlaybookError(
                f"{display_path(project.root / 'mkdocs.yml')}: theme.custom_dir "
                f"'{custom}' is not a folder"
            )
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                files[path.relative_to(folder).as_posix()] = path.read_bytes()
    return files


def _sync_folder(folder: Path, files: dict[str, str | bytes]) -> None:
    """Make ``folder`` (inside our marked tree) hold exactly ``files``."""
    for relative, data in files.items():
        _write_if_changed(folder / relative, data)
    wanted = {folder / relative for relative in files}
    if folder.is_dir():
        for stale in [p for p in folder.rglob("*") if p.is_file() and p not in wanted]:
            stale.unlink()  # only inside our own marked folder: pages of removed practices


def _write_if_changed(path: Path, text: str | bytes) -> None:
    data = text.encode("utf-8") if isinstance(text, str) else text
    if path.is_file() and path.read_bytes() == data:
        return  # unchanged files keep their time stamps, so live preview rebuilds less
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


#: Files an earlier version of the tool wrote into a docs tree and this one does not.
_RETIRED = ("hooks/safe_html.py",)


def _remove_retired(folder: Path) -> None:
    """Files the tool no longer writes, where its marker lists them as its own."""
    listed = listed_files(folder) if (folder / MARKER).is_file() else None
    for relative in _RETIRED:
        path = folder / relative
        if listed is not None and relative in listed and path.is_file():
            path.unlink()
            if not any(path.parent.iterdir()):
                path.parent.rmdir()


def _prepare_folder(folder: Path) -> None:
    """The docs tree is updated in place (unchanged files keep their time stamps, for live
    preview), so only into an empty folder or one holding nothing but its own output."""
    check_replaceable(folder, TREE_OUTPUTS)
    folder.mkdir(parents=True, exist_ok=True)


def project_sources(project: Project) -> list[tuple[str, Path]]:
    """What a generated folder must never be, hold or sit in."""
    sources = [("content/", project.root / "content"), ("playbooks/", project.root / "playbooks")]
    for playbook in project.playbooks.values():
        sources += [(f"'{display_path(path)}'", path) for path in playbook.files]
    return sources


def _brand_files(playbook: Playbook) -> dict[str, Path]:
    """The logo and favicon of the docs folder, by their path there: the file each comes from."""
    files = {}
    for kind in ("logo", "favicon"):
        path = getattr(playbook.site, kind)
        if path is not None:
            files[brand_file(kind, path)] = Path(path)
    return files


def render_pages(
    project: Project, name: str, *, base: dict[str, Any] | None = None, engine: str = "mkdocs"
) -> RenderedSite:
    """Every page of playbook ``name``, in memory, with its link warnings and source maps;
    links may point at the docs folder's other files (assets, logo, favicon), which are only
    named here, not made."""
    base = project_config(project) if base is None else base
    playbook = project.playbook(name).model
    others = [f"{ASSET_FOLDER}/{asset}" for asset in asset_names()] + list(_brand_files(playbook))
    # Content is converted to safe HTML while rendering (see safe_html.py): the tree is safe
    # as it stands, whichever engine builds it and whatever extensions mkdocs.yml turns on.
    return render_site(
        playbook,
        project.content_for(name),
        directory_urls=_directory_urls(base),
        other_files=sorted(others),
        source_paths=engine == "zensical",
    )


def _directory_urls(base: dict[str, Any]) -> bool:
    return bool(base.get("use_directory_urls", True))


def _site_files(project: Project, name: str) -> dict[str, str | bytes]:
    """The docs folder's files besides its pages: the shared script and stylesheet (every
    page) and each part's (see scripts.py), the logo and the favicon."""
    playbook = project.playbook(name).model
    strings = interface_strings(playbook.language, playbook.strings)
    config_line = script_config(name, strings, shared_string_keys(strings))
    assets = {**stylesheet_files(), **script_files(config_line, strings)}
    assets["playbook.css"] += brand_stylesheet(playbook)
    files: dict[str, str | bytes] = {f"{ASSET_FOLDER}/{a}": text for a, text in assets.items()}
    for published, source in _brand_files(playbook).items():
        files[published] = published_image(source)
    return files


def write_docs_tree(
    project: Project,
    name: str,
    out_dir: Path | None = None,
    *,
    site_url: str | None = None,
    engine: str = "mkdocs",
) -> RenderReport:
    """Write the Markdown pages, assets and mkdocs.yml of playbook ``name``."""
    started = time.perf_counter()
    base = project_config(project)  # before anything is written
    out_dir = (out_dir or project.root / GENERATED_ROOT / name).resolve()
    check_location(out_dir, project.root, project_sources(project))
    _prepare_folder(out_dir)
    rendered = render_pages(project, name, base=base, engine=engine)
    files = _site_files(project, name)
    files.update(rendered.pages)
    _sync_folder(out_dir / "docs", files)
    _sync_folder(out_dir / OVERRIDES_FOLDER, _theme_overrides(project, base))
    nav = [entry.to_mkdocs() for entry in rendered.nav]
    config = generated_config(project, name, out_dir, nav, site_url, base)
    config_file = out_dir / "mkdocs.yml"
    _write_if_changed(
        config_file,
        f"# Generated by playbook for {ENGINE_NAMES[engine]}: edit the project's mkdocs.yml.\n"
        + dump_mkdocs_config(config),
    )
    _remove_retired(out_dir)
    write_marker(out_dir, files_in(out_dir, TREE_OUTPUTS))
    return RenderReport(
        name,
        config_file,
        len(rendered.pages),
        time.perf_counter() - started,
        nav,
        rendered.link_warnings,
        tuple(rendered.pages),
        _directory_urls(base),
        rendered.sources,
    )
