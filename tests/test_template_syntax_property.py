"""Template-like and format-like text in every field and interface string is text.

Braces, Jinja syntax and Python's format syntax (``{x}``, ``{{ x }}``, ``{% x %}``, ``%s``)
reach templates, string filling and two Markdown converters; whatever mixture of them a coach
writes in any free-text field or interface string, ``build --strict`` succeeds and the pages
show the text as typed (issue 17, point 1). Each example is a real MkDocs build, so there are
few of them, derandomized like tests/test_loader_property.py.
"""

from __future__ import annotations

import tempfile
from copy import deepcopy
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir
from support.corpus import (
    DEFAULT_MKDOCS_TEXT,
    PAGES,
    free_text_slots,
    put,
    skeleton,
    write_project,
)

from generator.cli import main
from generator.content import ATTRIBUTE_LIST
from generator.ui import ALL_STRINGS

pytestmark = pytest.mark.slow  # property tests that build sites

set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "playbook-tests-hypothesis")

FRAGMENTS = st.sampled_from(
    [
        "{x}", "{{ x }}", "{% x %}", "{%", "%}", "{{", "}}", "{", "}", "%s", "%(title)s",
        "{0}", "{title}", "{done}", "{total}", "{score!r}", "{:>10}", "{#", "#}", "%",
        "{{ title }}", "{% if x %}y{% endif %}", "${x}", "word", " ", "Schritte für",
    ]
)  # fmt: skip
# Attribute lists ("{: .x}", "{#id}") are refused by validate with their own located message
# (tests/test_validation.py), so they are left out here: everything else is text.
TEMPLATE_LIKE = (
    st.lists(FRAGMENTS, min_size=1, max_size=6)
    .map("".join)
    .filter(lambda text: text.strip() and not ATTRIBUTE_LIST.search(text))
)


@settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=12,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=TEMPLATE_LIKE, string=TEMPLATE_LIKE)
def test_template_like_text_everywhere_builds_strict(text: str, string: str) -> None:
    files = deepcopy(skeleton())
    for file, path in list(free_text_slots(files)):
        put(files[file], path, f"Marker {text}")
    files["playbooks/default.yaml"]["strings"] = {key: string for key in sorted(ALL_STRINGS)}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        write_project(work / "project", files, DEFAULT_MKDOCS_TEXT)
        result = CliRunner().invoke(
            main,
            [
                "build",
                "--strict",
                "--project",
                str(work / "project"),
                "--site-dir",
                str(work / "s"),
            ],
        )
        assert result.exit_code == 0, result.output
        assert "Traceback" not in result.output
        typed = " ".join(f"Marker {text}".split())
        for page in PAGES:
            shown = visible_text((work / "s" / page / "index.html").read_text("utf-8"))
            assert typed in shown, page


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible_text(page: str) -> str:
    """The page's text as a reader sees it: entities decoded, white space collapsed."""
    parser = _Text()
    parser.feed(page)
    return " ".join(" ".join(parser.parts).split())
