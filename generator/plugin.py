"""A thin MkDocs plugin, so that `mkdocs build` and `mkdocs serve` work from the root mkdocs.yml.

It renders the same docs tree as `playbook render` (into build/PLAYBOOK/docs) and points MkDocs
at it; the pages always exist on disk, never only inside the plugin.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin

from .docs_tree import (
    OVERRIDES_FOLDER,
    apply_branding,
    generated_assets,
    playbook_settings,
    render_docs_tree,
    resolve_playbook_name,
)
from .errors import PlaybookError, Problem, UnknownPlaybook
from .mkdocs_checks import plugin_option_place
from .mkdocs_log import log_link_warnings
from .validate import load_project


class PlaybookPluginConfig(Config):
    playbook = config_options.Type(str, default="default")


class PlaybookPlugin(BasePlugin[PlaybookPluginConfig]):
    def __init__(self) -> None:
        self.watched: list[Path] = []

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).resolve().parent
        try:
            project = load_project(root)
            name = resolve_playbook_name(project, self.config.playbook)
            report = render_docs_tree(project, name)
        except UnknownPlaybook as error:
            # Set in mkdocs.yml, not on a command line: said at its place there.
            where, key_path = plugin_option_place(
                Path(config.config_file_path), "playbook", "playbook"
            )
            raise PluginError(str(Problem(where, key_path, error.message))) from None
        except PlaybookError as error:
            raise PluginError(error.format_message()) from None
        log_link_warnings(report.link_warnings, project.content_for(name))
        settings = playbook_settings(project, name, report.nav, base_extra=dict(config.extra))
        for key, value in settings.items():
            config[key] = value
        config.docs_dir = str(report.config_file.parent / "docs")
        config.theme["font"] = False
        branded: dict[str, Any] = {"theme": {"palette": config.theme.get("palette")}}
        apply_branding(branded, project.playbook(name).model)
        for key, value in branded["theme"].items():
            if value is not None:
                config.theme[key] = value
        config.extra_css = generated_assets(list(config.extra_css), ".css")
        config.extra_javascript = generated_assets(list(config.extra_javascript), ".js")
        # The tool's theme overrides, with the project's own copied over them.
        overrides = str(report.config_file.parent / OVERRIDES_FOLDER)
        if overrides not in config.theme.dirs:
            config.theme.dirs.insert(0, overrides)
        self.watched = [root / "playbooks", *project.playbook(name).files]
        return config

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        for path in self.watched:
            server.watch(str(path))
        return server
