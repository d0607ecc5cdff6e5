"""Plugins and engine stand-ins that would rewrite the generator's safe HTML are refused on every
engine and every entry point, with the line of mkdocs.yml that lists them (issue: security,
third round). The exact messages for every such plugin and extension: tests/bad_inputs/."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.browser import ENGINES
from support.cli import assert_exit, run
from support.projects import copy_project

from generator.mkdocs_checks import REWRITING_PLUGINS, ZENSICAL_EXTENSIONS

GLIGHTBOX = (
    "mkdocs.yml:{line}:5: plugins[{index}]: the plugin 'glightbox' is not allowed: it wraps "
    "images in a lightbox that loads its script from another host and shows their alt text "
    "as HTML, after playbook made the content safe (on MkDocs as a plugin, on Zensical as its "
    "own Markdown extension); remove it from plugins"
)


def with_plugins(project: Path, *entries: str) -> tuple[int, int]:
    """Lists ``entries`` first among the plugins of ``project``'s mkdocs.yml; the line and
    index of the first."""
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines()
    at = lines.index("plugins:") + 1
    lines[at:at] = [f"  - {entry}" for entry in entries]
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return at + 1, 0


@pytest.mark.parametrize("engine", ENGINES)
def test_a_build_with_a_rewriting_plugin_stops_at_its_line(
    repo_root: Path, tmp_path: Path, engine: str
) -> None:
    project = copy_project(repo_root, tmp_path / "project")
    line, index = with_plugins(project, "glightbox:", "    auto_caption: true")
    result = run("build", "--strict", "--engine", engine, "--project", project)
    assert_exit(result, 1)
    assert GLIGHTBOX.format(line=line, index=index) in result.output
    assert not (project / "site").exists()


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("plugin", sorted(REWRITING_PLUGINS))
def test_a_build_with_each_rewriting_plugin_stops(
    repo_root: Path, tmp_path: Path, engine: str, plugin: str
) -> None:
    project = copy_project(repo_root, tmp_path / "project")
    line, index = with_plugins(project, plugin)
    result = run("build", "--engine", engine, "--project", project)
    assert_exit(result, 1)
    assert f"mkdocs.yml:{line}:5: plugins[{index}]: the plugin '{plugin}' is not allowed" in (
        result.output
    )
    assert not (project / "site").exists()


@pytest.mark.parametrize("plugin", sorted(REWRITING_PLUGINS))
def test_each_rewriting_plugin_is_refused_by_validate(
    repo_root: Path, tmp_path: Path, plugin: str
) -> None:
    project = copy_project(repo_root, tmp_path / "project")
    line, index = with_plugins(project, plugin)
    result = run("validate", "--project", project)
    assert_exit(result, 1)
    assert (
        f"mkdocs.yml:{line}:5: plugins[{index}]: the plugin '{plugin}' is not allowed: "
        f"{REWRITING_PLUGINS[plugin]}, after playbook made the content safe"
    ) in result.output


def test_every_zensical_stand_in_is_refused_too() -> None:
    assert set(ZENSICAL_EXTENSIONS.values()) <= set(REWRITING_PLUGINS)
