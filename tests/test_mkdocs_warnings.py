"""MkDocs' warnings about links name the YAML file, line, column and key they were written at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support.cli import assert_exit, run


def test_a_broken_link_in_a_field_is_located_in_its_yaml(
    project_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project_copy)
    listen = Path("content/practices/listen.yaml")
    text = listen.read_text(encoding="utf-8")
    assert text.splitlines()[8] == "why: |"  # line 9: the link goes on line 10
    listen.write_text(
        text.replace("why: |\n", "why: |\n  See [the missing page](missing.md).\n"), "utf-8"
    )
    home = Path("content/home.yaml")
    assert home.read_text(encoding="utf-8").splitlines()[4] == "body: |"  # link on line 6
    home.write_text(
        home.read_text(encoding="utf-8").replace("body: |\n", "body: |\n  [Old](old.md#x)\n", 1),
        "utf-8",
    )
    site = tmp_path / "site"

    result = run("build", "--strict", "--site-dir", site)

    assert_exit(result, 1)
    lines = result.output.splitlines()
    assert lines == [
        "WARNING -  content/home.yaml:6:9: body: Doc file 'index.md' contains a link "
        "'old.md#x', but the target 'old.md' is not found among documentation files.",
        "WARNING -  content/practices/listen.yaml:10:26: why: Doc file 'practices/listen.md' "
        "contains a link 'missing.md', but the target 'practices/missing.md' is not found "
        "among documentation files.",
        "Error: Aborted with 2 warnings in strict mode!",
    ]
    assert not site.exists()
    assert os.listdir(tmp_path) == ["project"]  # no staging folder left behind
