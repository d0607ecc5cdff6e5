"""Bounded work for any input under the file limit: Python-Markdown's cost grows with the square
of some constructs' count, so Markdown fields are bounded, each (field_types.MARKDOWN_FIELD_LIMIT)
and all of one file's together (field_types.MARKDOWN_FILE_LIMIT). Each enabled extension's worst
case is fed to ``validate`` and ``build``, in a child held to 10 CPU seconds: at the 1 MiB
file limit it is refused with a located message, at the field limits it builds."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from support.limits import run_limited
from support.projects import write_minimal_project

from generator.field_types import MARKDOWN_FIELD_LIMIT, MARKDOWN_FILE_LIMIT

CPU_SECONDS = 10
FILE_LIMIT = 1024 * 1024
ALPHA = "content/practices/alpha.yaml"


def repeated(unit: str, size: int, head: str = "") -> str:
    """``head``, then ``unit`` repeated, cut to ``size`` characters without trailing space."""
    text = (head + unit * (size // len(unit) + 1))[:size]
    return text.rstrip() + "x" * (size - len(text.rstrip()))


def bounded(unit: str, count: int, size: int, head: str = "") -> str:
    """``unit`` as often as a field may hold it, then plain words up to ``size`` characters:
    the text that costs most within the bounds."""
    return repeated(" word", size, head + unit * count + "\n\n")


#: Each enabled extension's (and core Markdown's) worst case found by measurement, whose
#: conversion time grows with the square of its count and of the text around it: whether it
#: needs ``allow_html``, the unit, and how many a field may hold (schema.py).
WORST: dict[str, tuple[bool, str, int]] = {
    "reference definitions": (False, "[r]\n[r]: /x\n", 20),
    "abbreviations": (False, "AB\n*[AB]: x\n", 50),
    "definition list": (False, ": d\n", 100),
    "unclosed links": (False, "[a](b ", 100),
    "nested lists": (False, "- x\n  - x\n    - x\n      - x\n", 10**6),
    "table columns": (False, "|a|b|c|d|e|f|g|h|\n|-|-|-|-|-|-|-|-|\n", 10**6),
    "raw html": (True, "<a ", 200),
    "autolinks": (True, "<http://a", 200),
}
HEADS = {"definition list": "term\n"}


def unbounded(case: str, size: int) -> str:
    """The construct alone, repeated to ``size`` characters."""
    return repeated(WORST[case][1], size, HEADS.get(case, ""))


def within_bounds(case: str, size: int) -> str:
    _, unit, count = WORST[case]
    if count >= 10**6:
        return unbounded(case, size)
    return bounded(unit, count, size, HEADS.get(case, ""))


def block(text: str, indent: int) -> str:
    """``text`` as a YAML literal block scalar whose lines are indented by ``indent`` spaces,
    2 more than its key's."""
    pad = " " * indent
    return "|2-\n" + "".join(f"{pad}{line}\n" for line in text.split("\n"))


def project_with(tmp_path: Path, allow_html: bool, fields: dict[str, str]) -> Path:
    """The small project with ``why`` and added steps' details set to ``fields``' texts."""
    root = write_minimal_project(tmp_path / "project")
    text = (root / ALPHA).read_text(encoding="utf-8")
    if "why" in fields:
        text = text.replace("why: Because it matters.\n", "why: " + block(fields["why"], 2))
    steps = "".join(
        f"  - title: Step {key}\n    detail: {block(value, 6)}"
        for key, value in fields.items()
        if key != "why"
    )
    text = text.replace("steps:\n", "steps:\n" + steps)
    (root / ALPHA).write_text(text, encoding="utf-8")
    assert yaml.safe_load(text)["steps"][0]["title"]  # still YAML
    if allow_html:
        with (root / "playbooks/default.yaml").open("a", encoding="utf-8") as playbook:
            playbook.write("allow_html: true\n")
    return root


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(WORST))
def test_the_worst_case_at_the_file_limit_is_refused_quickly(tmp_path: Path, case: str) -> None:
    size = FILE_LIMIT - 4096  # the rest of the file takes about 2 KB
    while len(block(unbounded(case, size), 2).encode()) > FILE_LIMIT - 4096:
        size = size * 99 // 100
    root = project_with(tmp_path, WORST[case][0], {"why": unbounded(case, size)})
    assert FILE_LIMIT - 16384 < (root / ALPHA).stat().st_size <= FILE_LIMIT
    for command in ("validate", "build"):
        result = run_limited(root, CPU_SECONDS, command)
        assert result.returncode == 1, result.stderr
        [line] = [line for line in result.stderr.splitlines() if ": why: " in line]
        assert line.startswith(f"{ALPHA}:")
        assert line.endswith(
            f"characters; one may hold at most {MARKDOWN_FIELD_LIMIT:,}: shorten it, or move "
            "part of it to a page of its own"
        )


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(WORST))
def test_the_worst_case_spread_over_fields_is_refused_quickly(tmp_path: Path, case: str) -> None:
    fields: dict[str, str] = {}
    text = within_bounds(case, MARKDOWN_FIELD_LIMIT)
    while (len(fields) + 1) * (len(block(text, 6)) + 40) < FILE_LIMIT - 4096:
        fields[str(len(fields))] = text
    root = project_with(tmp_path, WORST[case][0], fields)
    assert (root / ALPHA).stat().st_size <= FILE_LIMIT
    for command in ("validate", "build"):
        result = run_limited(root, CPU_SECONDS, command)
        assert result.returncode == 1, result.stderr
        [line] = result.stderr.splitlines()[:-1]
        assert line.startswith(f"{ALPHA}:")
        assert line.endswith(
            f"one file's may hold at most {MARKDOWN_FILE_LIMIT:,} in all: move some of them to "
            "a file of their own"
        )


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(WORST))
def test_the_worst_case_within_the_bounds_builds_in_bounded_time(
    tmp_path: Path, case: str
) -> None:
    count = MARKDOWN_FILE_LIMIT // MARKDOWN_FIELD_LIMIT - 1  # besides the practice's own text
    fields = {str(i): within_bounds(case, MARKDOWN_FIELD_LIMIT) for i in range(count)}
    root = project_with(tmp_path, WORST[case][0], fields)
    for command in ("validate", "build"):
        result = run_limited(root, CPU_SECONDS, command)
        assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("case", sorted(case for case in WORST if WORST[case][2] < 10**6))
def test_one_construct_over_its_bound_is_refused_where_it_is(tmp_path: Path, case: str) -> None:
    allow_html, unit, count = WORST[case]
    root = project_with(
        tmp_path, allow_html, {"why": bounded(unit, count + 1, 3000, HEADS.get(case, ""))}
    )
    result = run_limited(root, CPU_SECONDS, "validate")
    assert result.returncode == 1
    [line] = result.stderr.splitlines()[:-1]
    assert line.startswith(f"{ALPHA}:")
    assert f": why: this Markdown field holds {count + 1:,} " in line
    assert line.endswith(
        f"; one may hold at most {count:,}, as the work of converting them grows faster than "
        "their number: split the field's text, or move part of it to a page of its own"
    )
