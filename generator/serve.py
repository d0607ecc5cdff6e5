"""Live preview: rebuild when content, playbooks or mkdocs.yml change; keep the last good site.

MkDocs' own live-reload server does the serving and browser refresh; the builder given to it
renders the playbook first, so a YAML edit reaches the page. An edit that breaks the content
prints its located problems and leaves the previous build on screen, with a notice on every
page listing those problems until a build succeeds again.

The builder never raises: MkDocs' server answers no request while a rebuild it started has not
finished, and a builder that raises leaves it in that state (and prints a traceback). A failed
build is a finished one here: the browsers reload and show the notice.
"""

from __future__ import annotations

import html
import logging
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from . import pipeline
from .errors import ContentError, PlaybookError, printable_lines
from .mkdocs_log import LocateLinks, log_warnings, mkdocs_logging

log = logging.getLogger("mkdocs.playbook")

#: The id of the notice of a rejected edit; tests and the page's own script may look for it.
NOTICE_ID = "playbook-preview-problems"
STILL_SERVING = "The content has problems; still serving the last good build."


def problems_notice(problems: list[str]) -> bytes:
    """The notice shown at the top of every preview page while the last edit is rejected.

    Styled inline: it belongs to the preview only, never to a published site."""
    items = "".join(f"<li><code>{html.escape(line)}</code></li>" for line in problems)
    return (
        f'<div id="{NOTICE_ID}" role="alert" style="position:fixed;inset:0 0 auto 0;'
        "z-index:10000;max-height:50vh;overflow:auto;margin:0;padding:0.8em 1.2em;"
        "background:#fff3cd;color:#3d2e00;border-bottom:3px solid #b00020;"
        'font:14px/1.4 system-ui,sans-serif">'
        "<strong>This edit was not built.</strong> The preview shows the last good build "
        "until these problems are fixed:"
        f'<ul style="margin:0.4em 0 0;padding-left:1.4em">{items}</ul></div>'
    ).encode()


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server that puts the current problems on every page it serves."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.problems: list[str] = []
        # Before the first good build there is no page to put the notice on: every address
        # answers with the notice alone.
        self.error_handler = self._error_page

    def _error_page(self, code: int) -> bytes | None:
        if not self.problems:
            return None
        page = b"<!doctype html><html><head><meta charset=utf-8><title>Not built</title>"
        # With MkDocs' reload script, so that the page turns into the site once it builds.
        return self._inject_js_into_html(
            page + b"</head><body></body></html>", self._visible_epoch
        )

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        content = super()._inject_js_into_html(content, epoch)  # type: ignore[no-untyped-call]
        if not self.problems:
            return content
        at = content.find(b"<body")
        at = content.find(b">", at) + 1 if at >= 0 else 0
        return content[:at] + problems_notice(self.problems) + content[at:]


def _problem_lines(error: Exception) -> list[str]:
    if isinstance(error, ContentError):
        return [str(problem) for problem in error.problems]
    if isinstance(error, PlaybookError):
        return error.format_message().splitlines()
    return [" ".join(str(error).split()) or type(error).__name__]


class PreviewBuilder:
    """Rebuilds the preview of playbook ``name`` into ``folder/site`` from the files as they
    are now; it holds nothing from one build to the next, so that a server rebuilding for
    hours stays the size it started at (tests/test_serve_memory.py)."""

    def __init__(
        self, root: Path, name: str, folder: Path, url: str, locate: LocateLinks | None = None
    ) -> None:
        self.root = root
        self.name = name
        self.folder = folder
        self.url = url
        #: What locates MkDocs' warnings in the YAML: given each build's source maps.
        self.locate = locate or LocateLinks()
        self.site_dir = folder / "site"
        self.site_dir.mkdir(exist_ok=True)

    def build(self) -> None:
        """Load, check, render and build once; raises what went wrong."""
        rendered = pipeline.render(pipeline.load(self.root, once=False), self.name)
        log_warnings(rendered.warnings)
        self.locate.sources = rendered.sources
        # Built beside the served folder and swapped in whole, so that a build the engine
        # gives up half way leaves the last good site as it was. The server answers no
        # request while a rebuild runs, so none sees the swap.
        staging = self.folder / "next"
        shutil.rmtree(staging, ignore_errors=True)
        config = load_config(config_file=str(rendered.tree.config_file), site_dir=str(staging))
        config.site_url = self.url
        mkdocs_build(config, serve_url=self.url)
        previous = self.folder / "previous"
        self.site_dir.rename(previous)
        staging.rename(self.site_dir)
        shutil.rmtree(previous)

    def rebuild(self) -> list[str]:
        """Build once and say what went wrong, one line each; never raises (see above)."""
        try:
            self.build()
        except PlaybookError as error:
            print(printable_lines(error.format_message()), file=sys.stderr)
            problems = _problem_lines(error)
        except Exception as error:  # noqa: BLE001 (whatever fails, the server must go on)
            # The engine's own failures on generated pages: said in one line, no traceback.
            message = f"the site could not be built: {_problem_lines(error)[0]}"
            print(printable_lines(f"Error: {message}"), file=sys.stderr)
            problems = [message]
        else:
            return []
        log.error(STILL_SERVING)
        return problems


def serve_site(root: Path, name: str, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    project = pipeline.load(root, once=False)
    name = pipeline.playbook_name(project, name)
    # The playbook's own file, every file it extends and every content folder it draws on.
    watched = {root / "playbooks", root / "mkdocs.yml", *project.playbook(name).files}
    url = f"http://{host}:{port}/"
    del project  # each rebuild loads the project afresh

    with (
        tempfile.TemporaryDirectory(prefix="playbook-serve-") as folder,
        mkdocs_logging(True) as locate,
    ):
        builder = PreviewBuilder(root, name, Path(folder), url, locate)
        server: PreviewServer

        def rebuild() -> None:
            server.problems = builder.rebuild()

        # MkDocs polls for changes every 0.5 s; a tenth of that keeps a saved edit under a
        # second from the page (bench/preview.py measures it).
        server = PreviewServer(
            builder=rebuild,
            host=host,
            port=port,
            root=str(builder.site_dir),
            polling_interval=0.1,
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
