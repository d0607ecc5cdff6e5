"""A rendered docs tree stays in its lane: built with plain MkDocs, it writes only inside itself.

The manual's route "Building the docs tree without the tool" (docs/pages/engines.md) is
`playbook render`, then `mkdocs build -f TREE/mkdocs.yml`. The tree's own mkdocs.yml must
point `site_dir` into the tree, whatever site folder the project's mkdocs.yml or an earlier
`--site-dir` named, so that a plain build never writes into the project's `site/` past the
tool's own protections.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from support.cli import assert_exit, run, snapshot
from support.projects import copy_project

MKDOCS = Path(sys.executable).parent / "mkdocs"


def plain_mkdocs_build(config_file: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", "-q", "-f", str(config_file)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=config_file.parent,
    )


def test_a_plain_build_of_a_rendered_tree_leaves_the_project_site_alone(
    repo_root: Path, tmp_path: Path
) -> None:
    project = copy_project(repo_root, tmp_path / "project")
    # The project's own site, from a build, with a file of the coach's beside it.
    assert_exit(run("build", "--project", project, "--strict"), 0)
    (project / "site" / "notes.txt").write_text("mine\n", encoding="utf-8")
    # An earlier build into another folder, whose name must not stick either.
    elsewhere = tmp_path / "elsewhere"
    assert_exit(run("build", "--project", project, "--strict", "--site-dir", elsewhere), 0)
    before = snapshot(project / "site")
    before_elsewhere = snapshot(elsewhere)

    for tree in (tmp_path / "tree", project / "build" / "default"):
        if tree.name == "tree":
            assert_exit(run("render", "--project", project, "--out", tree), 0)
        config = yaml.safe_load((tree / "mkdocs.yml").read_text(encoding="utf-8"))
        assert config["site_dir"] == "site", tree
        result = plain_mkdocs_build(tree / "mkdocs.yml")
        assert result.returncode == 0, result.stderr
        assert (tree / "site" / "index.html").is_file()

    assert snapshot(project / "site") == before
    assert snapshot(elsewhere) == before_elsewhere
