"""Whatever text is in a file, loading it either succeeds or reports located problems.

Hypothesis writes arbitrary text, arbitrary bytes and mangled YAML documents into a small valid
project (support/projects.py): the loader must return problems, never raise, and the whole
project loader may raise nothing but the tool's own ContentError. Runs are derandomized and keep
no example database, so every run tries the same examples.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir
from support.projects import PRACTICE, write_minimal_project

from generator.errors import ContentError, display_path
from generator.loader import load_document
from generator.project import load_project

pytestmark = pytest.mark.slow  # property tests of many generated inputs

# Hypothesis keeps a cache in .hypothesis/ of the working folder (even with no example
# database) as soon as tests are collected; it goes to the system's temporary folder instead.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "playbook-tests-hypothesis")

SETTINGS = settings(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
BASE_PRACTICE: dict[str, Any] = yaml.safe_load(PRACTICE.format(id="alpha", other="beta"))

#: Characters YAML gives meaning to, so that random text often gets past the first token.
YAML_ALPHABET = st.sampled_from(list(" \t\n\r-:?,[]{}#&*!|>'\"%@`\\~.0123456789abcxyz\x00\x85é"))
any_text = st.text() | st.text(alphabet=YAML_ALPHABET)

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["alpha", "beta", "frequency", "first-item", "low", "high", "yes", "~"])
)
keys = st.sampled_from([*BASE_PRACTICE, "text", "min", "max", "add", "remove", "x"]) | st.text(
    max_size=8
)
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=4),
    max_leaves=25,
)


@st.composite
def practices(draw: st.DrawFn) -> Any:
    """A practice with a few values (anywhere in it) replaced, or something else entirely."""
    if draw(st.booleans()):
        return draw(values)
    practice = yaml.safe_load(yaml.safe_dump(BASE_PRACTICE))
    for _ in range(draw(st.integers(1, 4))):
        node = practice
        while isinstance(node, dict | list) and node and draw(st.booleans()):
            key = draw(st.sampled_from(list(node) if isinstance(node, dict) else range(len(node))))
            if not isinstance(node[key], dict | list) or draw(st.booleans()):
                node[key] = draw(values)
                break
            node = node[key]
    return practice


@st.composite
def mangled(draw: st.DrawFn, documents: st.SearchStrategy[Any]) -> str:
    """A document dumped as YAML, then perhaps broken the way hands and tools break files."""
    text = yaml.safe_dump(draw(documents), allow_unicode=True, sort_keys=False)
    for _ in range(draw(st.integers(0, 3))):
        lines = text.splitlines(keepends=True) or [""]
        at = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(["tab", "duplicate", "truncate", "delete", "insert"]))
        if how == "tab":
            lines[at] = "\t" + lines[at]
        elif how == "duplicate":
            lines.insert(at, lines[at])
        elif how == "delete":
            del lines[at]
        elif how == "insert":
            lines.insert(at, draw(any_text) + "\n")
        text = "".join(lines)
        if how == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
    return text


def _loads_or_gives_located_problems(path: Path) -> None:
    document, problems = load_document(path)
    assert document is not None or problems
    for problem in problems:
        assert problem.location.file == display_path(path)
        assert problem.location.line >= 1 and problem.location.column >= 1
        assert "\n" not in str(problem) and "\r" not in str(problem)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_minimal_project(tmp_path_factory.mktemp("property") / "project")


@pytest.fixture(scope="module")
def overlay_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_minimal_project(tmp_path_factory.mktemp("overlay") / "project")


@settings(SETTINGS, max_examples=500)
@given(text=any_text)
def test_any_text_loads_or_gives_located_problems(project: Path, text: str) -> None:
    path = project / "scratch.yaml"
    path.write_text(text, encoding="utf-8")
    _loads_or_gives_located_problems(path)


@settings(SETTINGS, max_examples=150)
@given(data=st.binary())
def test_any_bytes_load_or_give_located_problems(project: Path, data: bytes) -> None:
    path = project / "scratch.yaml"
    path.write_bytes(data)
    _loads_or_gives_located_problems(path)


def _only_content_errors(root: Path) -> None:
    try:
        load_project(root)
    except ContentError as error:
        assert error.problems
        for problem in error.problems:
            assert "\n" not in str(problem)


@settings(SETTINGS, max_examples=300)
@given(text=mangled(practices()))
def test_a_mangled_practice_gives_content_errors_only(project: Path, text: str) -> None:
    (project / "content/practices/alpha.yaml").write_text(text, encoding="utf-8")
    _only_content_errors(project)


@st.composite
def overlays(draw: st.DrawFn) -> Any:
    """A playbook extending the project's default, changing alpha in arbitrary ways."""
    overlay: dict[str, Any] = {"extend": "default"}
    overlay["overrides"] = {"practices": {"alpha": draw(practices())}}
    for key in draw(st.lists(st.sampled_from(["site", "practices", "content", "strings"]))):
        overlay[key] = draw(values)
    return overlay


@settings(SETTINGS, max_examples=250)
@given(text=mangled(overlays()))
def test_a_mangled_overlay_gives_content_errors_only(overlay_project: Path, text: str) -> None:
    (overlay_project / "playbooks/team.yaml").write_text(text, encoding="utf-8")
    _only_content_errors(overlay_project)
