"""Live preview: rebuild when content, playbooks or mkdocs.yml change; keep the last good site.

MkDocs' own live-reload server does the serving and browser refresh; the builder given to it
renders the playbook first, so a YAML edit reaches the page. An edit that breaks the content
prints its located problems and leaves the previous build on screen.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

import click
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from .docs_tree import render_docs_tree, resolve_playbook_name
from .errors import PlaybookError
from .mkdocs_log import log_link_warnings, mkdocs_logging
from .validate import load_project

log = logging.getLogger("mkdocs.playbook")


def serve_site(root: Path, name: str, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    project = load_project(root)
    name = resolve_playbook_name(project, name)
    # The playbook's own file, every file it extends and every content folder it draws on.
    watched = {root / "playbooks", root / "mkdocs.yml", *project.playbook(name).files}
    url = f"http://{host}:{port}/"

    with tempfile.TemporaryDirectory(prefix="playbook-serve-") as site_dir, mkdocs_logging(True):

        def rebuild() -> None:
            try:
                current = load_project(root)
                report = render_docs_tree(current, name)
            except PlaybookError as error:
                click.echo(error.format_message(), err=True)
                log.error("The content has problems; still serving the last good build.")
                return
            log_link_warnings(report.link_warnings, current.content_for(name))
            config = load_config(config_file=str(report.config_file), site_dir=site_dir)
            config.site_url = url
            mkdocs_build(config, serve_url=url)

        # MkDocs polls for changes every 0.5 s; a tenth of that keeps a saved edit under a
        # second from the page (bench/preview.py measures it).
        server = LiveReloadServer(
            builder=rebuild, host=host, port=port, root=site_dir, polling_interval=0.1
        )
        rebuild()
        for path in sorted(watched):
            if path.exists():
                server.watch(str(path))
        try:
            server.serve()  # type: ignore[no-untyped-call]
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
