"""Every kind of content mistake gives its exact message, at its file, line and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from minimal_project import write_minimal_project

from generator.errors import ContentError
from generator.validate import load_project

ALPHA = "content/practices/alpha.yaml"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # messages name files relative to the working folder
    return write_minimal_project(tmp_path)


def edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_project(root)
    return [str(problem) for problem in caught.value.problems]


def test_the_minimal_project_is_valid(project: Path) -> None:
    loaded = load_project(project)
    assert sorted(loaded.content_for("default").practices) == ["alpha", "beta"]


CASES = {
    "yaml syntax": (
        ALPHA,
        "title: Practice alpha",
        "title: [unclosed",
        "content/practices/alpha.yaml:3:8: YAML syntax error: while parsing a flow sequence: "
        "expected ',' or ']', but got ':'",
    ),
    "tab indentation": (
        ALPHA,
        "  - id: first-item",
        "\t- id: first-item",
        "content/practices/alpha.yaml:20:1: YAML syntax error: while scanning for the next "
        "token: found character '\\t' that cannot start any token (indent with spaces, not tabs)",
    ),
    "wrong type": (
        ALPHA,
        "tags: [sample]",
        "tags: sample",
        "content/practices/alpha.yaml:4:7: tags: expected a list, got text ('sample')",
    ),
    "yes read as a boolean": (
        ALPHA,
        "title: Practice alpha",
        "title: yes",
        "content/practices/alpha.yaml:2:8: title: expected text, got true "
        "(quote the text if you meant words such as yes or no)",
    ),
    "missing required key": (
        ALPHA,
        "summary: One sentence about alpha.\n",
        "",
        "content/practices/alpha.yaml:1:1: missing required key 'summary'",
    ),
    "duplicate key": (
        ALPHA,
        "why: Because it matters.",
        "why: Because it matters.\ntitle: Again",
        "content/practices/alpha.yaml:6:1: duplicate key 'title' (first defined at line 2)",
    ),
    "duplicate checklist id": (
        ALPHA,
        "id: second-item",
        "id: first-item",
        "content/practices/alpha.yaml:22:9: checklist[1].id: duplicate id 'first-item' "
        "(first defined at line 20)",
    ),
    "duplicate question id": (
        ALPHA,
        "id: second-question",
        "id: first-question",
        "content/practices/alpha.yaml:29:11: assessment.questions[1].id: "
        "duplicate id 'first-question' (first defined at line 27)",
    ),
    "invalid id": (
        ALPHA,
        "id: first-item",
        "id: First Item",
        "content/practices/alpha.yaml:20:9: checklist[0].id: 'First Item' is not a valid id: "
        "use lowercase letters, digits and single hyphens",
    ),
    "id does not match the file name": (
        ALPHA,
        "id: alpha",
        "id: alfa",
        "content/practices/alpha.yaml:1:5: id: id 'alfa' does not match the file name "
        "'alpha.yaml' (expected 'alpha')",
    ),
    "unknown related practice": (
        ALPHA,
        "related: [beta]",
        "related: [betta]",
        "content/practices/alpha.yaml:44:11: related[0]: unknown practice 'betta' "
        "(did you mean 'beta'?)",
    ),
    "related to itself": (
        ALPHA,
        "related: [beta]",
        "related: [beta, alpha]",
        "content/practices/alpha.yaml:44:17: related[1]: a practice cannot be related to itself",
    ),
    "unknown practice in a band's links": (
        ALPHA,
        "practices: [beta]",
        "practices: [alpah]",
        "content/practices/alpha.yaml:43:19: assessment.bands[1].practices[0]: "
        "unknown practice 'alpah' (did you mean 'alpha'?)",
    ),
    "band pointing to its own practice": (
        ALPHA,
        "practices: [beta]",
        "practices: [beta, alpha]",
        "content/practices/alpha.yaml:43:25: assessment.bands[1].practices[1]: "
        "a band cannot point to its own practice",
    ),
    "unknown practice in the health check": (
        "content/health-check.yaml",
        "practices: [beta]",
        "practices: [gamma]",
        "content/health-check.yaml:16:17: dimensions[1].practices[0]: unknown practice 'gamma'",
    ),
    "unknown practice in troubleshooting": (
        "content/troubleshooting.yaml",
        "practices: [alpha]",
        "practices: [alpah]",
        "content/troubleshooting.yaml:10:17: challenges[0].practices[0]: "
        "unknown practice 'alpah' (did you mean 'alpha'?)",
    ),
    "unknown scale": (
        ALPHA,
        "scale: frequency",
        "scale: frequent",
        "content/practices/alpha.yaml:25:10: assessment.scale: unknown scale 'frequent' "
        "(did you mean 'frequency'?)",
    ),
    "empty checklist": (
        ALPHA,
        "checklist:\n  - id: first-item\n    text: Tick the first item.\n"
        "  - id: second-item\n    text: Tick the second item.\n",
        "checklist: []\n",
        "content/practices/alpha.yaml:19:12: checklist: must not be empty",
    ),
    "empty assessment": (
        ALPHA,
        "    - id: first-question\n      text: I do the first thing.\n"
        "    - id: second-question\n      text: I skip the second thing.\n      reverse: true\n",
        "    []\n",
        "content/practices/alpha.yaml:27:5: assessment.questions: must not be empty",
    ),
    "bands overlap": (
        ALPHA,
        "min: 50",
        "min: 45",
        "content/practices/alpha.yaml:39:12: assessment.bands[1].min: band 'high' overlaps "
        "band 'low': scores 45-49 fall in both",
    ),
    "bands leave a gap": (
        ALPHA,
        "min: 50",
        "min: 60",
        "content/practices/alpha.yaml:39:12: assessment.bands[1].min: scores 50-59 fall in "
        "no band (band 'high' starts at 60)",
    ),
    "bands start above zero": (
        ALPHA,
        "min: 0",
        "min: 5",
        "content/practices/alpha.yaml:34:12: assessment.bands[0].min: scores 0-4 fall in no "
        "band (band 'low' starts at 5)",
    ),
    "bands end below 100": (
        ALPHA,
        "max: 100",
        "max: 90",
        "content/practices/alpha.yaml:40:12: assessment.bands[1].max: scores 91-100 fall in "
        "no band (band 'high' ends at 90)",
    ),
    "band out of range": (
        ALPHA,
        "max: 100",
        "max: 120",
        "content/practices/alpha.yaml:40:12: assessment.bands[1].max: "
        "must be at most 100, got 120",
    ),
    "unknown practice in the playbook": (
        "playbooks/default.yaml",
        "  - beta",
        "  - beta\n  - delta",
        "playbooks/default.yaml:7:5: practices[2]: unknown practice 'delta' "
        "(did you mean 'beta'?)",
    ),
    "practice twice in the playbook": (
        "playbooks/default.yaml",
        "  - beta",
        "  - beta\n  - alpha",
        "playbooks/default.yaml:7:5: practices[2]: duplicate id 'alpha' (first defined at line 5)",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_each_mistake_has_its_located_message(project: Path, case: str) -> None:
    relative, old, new, expected = CASES[case]
    edit(project, relative, old, new)
    assert problems(project) == [expected]


def test_unknown_key_suggests_the_closest_known_key(project: Path) -> None:
    edit(project, ALPHA, "title: Practice alpha", "titel: Practice alpha")
    # The misspelt key is reported once, not again as the missing 'title'.
    assert problems(project) == [
        "content/practices/alpha.yaml:2:1: unknown key 'titel' (did you mean 'title'?)",
    ]


def test_unknown_key_far_from_any_known_key_has_no_suggestion(project: Path) -> None:
    edit(project, ALPHA, "title: Practice alpha", "title: Practice alpha\ncolour: blue")
    assert problems(project) == [
        "content/practices/alpha.yaml:3:1: unknown key 'colour'",
    ]


def test_unknown_nested_key_suggests_from_its_own_class(project: Path) -> None:
    edit(project, ALPHA, "      reverse: true", "      reversed: true")
    assert problems(project) == [
        "content/practices/alpha.yaml:31:7: assessment.questions[1]: unknown key 'reversed' "
        "(did you mean 'reverse'?)",
    ]


def test_duplicate_practice_id_across_files(project: Path) -> None:
    (project / "content/practices/alpha.yml").write_text(
        (project / ALPHA).read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert problems(project) == [
        "content/practices/alpha.yml:1:5: id: duplicate practice id 'alpha' "
        "(content/practices/alpha.yaml)",
    ]


def test_file_that_is_not_utf8(project: Path) -> None:
    (project / ALPHA).write_bytes(b"id: alpha\ntitle: caf\xe9\n")
    assert problems(project) == [
        "content/practices/alpha.yaml:2:11: the file is not valid UTF-8 text"
    ]


def test_empty_file(project: Path) -> None:
    (project / ALPHA).write_text("# nothing here\n", encoding="utf-8")
    assert problems(project) == ["content/practices/alpha.yaml:1:1: the file is empty"]


def test_missing_shared_file(project: Path) -> None:
    (project / "content/scales.yaml").unlink()
    assert problems(project) == [
        "content/scales.yaml: the shared content file is missing",
    ]


def test_broken_file_is_reported_once_not_again_as_an_unknown_reference(project: Path) -> None:
    # beta, the health check, troubleshooting and the playbook all name alpha; only the real
    # mistake is reported.
    edit(project, ALPHA, "tags: [sample]", "tags: sample")
    assert problems(project) == [
        "content/practices/alpha.yaml:4:7: tags: expected a list, got text ('sample')"
    ]


def test_every_problem_in_every_file_is_reported_at_once_in_order(project: Path) -> None:
    edit(project, ALPHA, "tags: [sample]", "tags: sample")
    # A file with a shape error is not checked further; beta is whole, so its ids are.
    edit(project, "content/practices/beta.yaml", "id: second-item", "id: first-item")
    edit(project, "content/practices/beta.yaml", "related: [alpha]", "related: [gamma]")
    edit(project, "content/home.yaml", "title: Welcome", "title: Welcome\ntitle: Again")
    with pytest.raises(ContentError) as caught:
        load_project(project)
    assert caught.value.format_message() == (
        "content/home.yaml:2:1: duplicate key 'title' (first defined at line 1)\n"
        "content/practices/alpha.yaml:4:7: tags: expected a list, got text ('sample')\n"
        "content/practices/beta.yaml:22:9: checklist[1].id: duplicate id 'first-item' "
        "(first defined at line 20)\n"
        "content/practices/beta.yaml:44:11: related[0]: unknown practice 'gamma'\n"
        "4 problems found."
    )


def test_alias_bomb_is_refused_quickly(project: Path) -> None:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, 10):
        previous = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([previous] * 10)}]")
    (project / ALPHA).write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert problems(project) == [
        "content/practices/alpha.yaml:1:1: the document holds more than 200,000 values, "
        "counting those that aliases repeat"
    ]
