"""A thin MkDocs plugin, so that `mkdocs build` and `mkdocs serve` work from the root mkdocs.yml.

It renders the same docs tree as `playbook render` (into build/PLAYBOOK/) and gives MkDocs the
configuration written there (mkdocs_config.py builds it for every route), so that both routes
give the same site; the pages always exist on disk, never only inside the plugin.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Literal

from mkdocs.config import config_options, load_config
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin

from . import pipeline
from .errors import PlaybookError, Problem, UnknownPlaybook
from .mkdocs_checks import plugin_option_place
from .mkdocs_log import LocateLinks, log_warnings

#: Settings MkDocs keeps from the command and the root mkdocs.yml rather than from the
#: generated file: where it builds and watches, and the plugins (this one among them) and
#: hooks it has already loaded, which the generated file lists too, less this plugin.
KEPT = frozenset(
    {"config_file_path", "site_dir", "strict", "dev_addr", "watch", "plugins", "hooks"}
)


class PlaybookPluginConfig(Config):
    playbook = config_options.Type(str, default="default")


class PlaybookPlugin(BasePlugin[PlaybookPluginConfig]):
    def __init__(self) -> None:
        self.watched: list[Path] = []
        self.serving = False
        #: Locates MkDocs' own warnings about links in the YAML, on MkDocs' own handlers.
        self.locate = LocateLinks()

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).resolve().parent
        try:
            project = pipeline.load(root, once=False)
            rendered = pipeline.render(project, self.config.playbook)
        except UnknownPlaybook as error:
            # Set in mkdocs.yml, not on a command line: said at its place there.
            where, key_path = plugin_option_place(
                Path(config.config_file_path), "playbook", "playbook"
            )
            raise PluginError(str(Problem(where, key_path, error.message))) from None
        except PlaybookError as error:
            raise PluginError(error.format_message()) from None
        # Counted by MkDocs, so that `mkdocs build --strict` fails on them as `playbook build
        # --strict` does.
        log_warnings(rendered.warnings)
        self.locate.sources = rendered.sources
        for handler in logging.getLogger("mkdocs").handlers:
            if self.locate not in handler.filters:
                handler.addFilter(self.locate)
        generated = load_config(config_file=str(rendered.tree.config_file))
        kept = KEPT | {"site_url"} if self.serving else KEPT  # the preview's own address
        for key, value in generated.items():
            if key not in kept:
                config[key] = value
        self.watched = [root / "playbooks", *project.playbook(rendered.name).files]
        return config

    def on_shutdown(self) -> None:
        for handler in logging.getLogger("mkdocs").handlers:
            handler.removeFilter(self.locate)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        for path in self.watched:
            server.watch(str(path))
        return server
