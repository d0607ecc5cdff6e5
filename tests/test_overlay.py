"""Playbooks that extend other playbooks: resolution (golden files) and every mistake's message.

Each folder under tests/overlays/ holds ``input/`` (files copied over the small project of
support/projects.py) and ``resolved.yaml``, the playbook as resolved, side by side. Regenerate
the resolved files with ``pytest --update-golden`` after an intended change, and review them.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml
from support.projects import PRACTICE, problems, write_minimal_project

from generator.project import Project, load_project

CASES = Path(__file__).parent / "overlays"


def project_with(tmp_path: Path, files: dict[str, str]) -> Path:
    root = write_minimal_project(tmp_path / "project")
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def resolved(project: Project, name: str) -> dict[str, Any]:
    playbook = project.playbook(name)
    model = playbook.model
    return {
        "site": model.site.model_dump(exclude_none=True),
        "audience": model.audience,
        "language": model.language,
        "strings": model.strings,
        "practices": {
            loaded.model.id: {
                "from": loaded.path.relative_to(project.root).as_posix(),
                **loaded.model.model_dump(exclude_defaults=True),
            }
            for loaded in playbook.practices
        },
        "files": [path.relative_to(project.root).as_posix() for path in playbook.files],
    }


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir()))
def test_overlay_resolves_as_the_golden_file_says(
    case: str, tmp_path: Path, update_golden: bool
) -> None:
    root = write_minimal_project(tmp_path / "project")
    shutil.copytree(CASES / case / "input", root, dirs_exist_ok=True)
    project = load_project(root)
    names = sorted(set(project.playbooks) - {"default"})
    assert len(names) == 1, names
    text = yaml.safe_dump(
        resolved(project, names[0]), sort_keys=False, allow_unicode=True, width=99
    )
    golden = CASES / case / "resolved.yaml"
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"{golden} is missing: run pytest --update-golden"
    assert text == golden.read_text(encoding="utf-8")


def test_the_base_playbook_is_unchanged_by_its_overlays(tmp_path: Path) -> None:
    root = write_minimal_project(tmp_path / "project")
    before = resolved(load_project(root), "default")
    shutil.copytree(CASES / "override-fields" / "input", root, dirs_exist_ok=True)
    assert resolved(load_project(root), "default") == before


def test_a_name_means_a_playbook_beside_the_file_else_a_built_in_one(tmp_path: Path) -> None:
    root = project_with(
        tmp_path,
        {
            "playbooks/coach.yaml": """\
                extend: peers
                site:
                  name: Coach
                """,
        },
    )
    project = load_project(root)
    coach = project.playbook("coach")
    # Built-in peers, which extends the built-in default (not this project's default.yaml).
    assert coach.model.practices == [
        "common-goals", "listen", "appreciate", "grow", "boundaries", "communicate"
    ]  # fmt: skip
    assert coach.model.site.name == "Coach"
    assert coach.model.audience == "Peers and co-workers"
    grow = coach.content.practices["grow"].model
    assert grow.title == "Share growth opportunities"
    assert "assigned-work-by-growth" not in [item.id for item in grow.checklist]
    assert [item.id for item in grow.checklist[-2:]] == [
        "offered-to-pair",
        "passed-on-an-opportunity",
    ]
    assert project.playbook("default").model.practices == ["alpha", "beta"]


def test_a_broken_base_is_reported_once_and_not_again_for_its_overlays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project_with(
        tmp_path,
        {
            "playbooks/a.yaml": "extend: default\n",
            "playbooks/b.yaml": "extend: default\n",
            "playbooks/default.yaml": "site: [broken\n",
        },
    )
    monkeypatch.chdir(root)
    found = problems(Path("."))
    assert len(found) == 1 and found[0].startswith("playbooks/default.yaml:1:7: ")


# --- mistakes in overlays --------------------------------------------------------------------

OVERLAY_MISTAKES = [
    (
        "unknown-practice-override",
        """\
        extend: default
        overrides:
          practices:
            alpah:
              title: Typo
        """,
        "playbooks/overlay.yaml:4:5: overrides.practices.alpah: unknown practice 'alpah' "
        "(did you mean 'alpha'?)",
    ),
    (
        "unknown-item",
        """\
        extend: default
        overrides:
          practices:
            alpha:
              checklist:
                - id: frist-item
                  text: Typo in the id.
        """,
        "playbooks/overlay.yaml:6:15: overrides.practices.alpha.checklist[0].id: unknown "
        "checklist item 'frist-item' (did you mean 'first-item'?); mark a new checklist item "
        "with 'add: true'",
    ),
    (
        "unknown-question-removed",
        """\
        extend: default
        overrides:
          practices:
            alpha:
              assessment:
                questions:
                  - id: third-question
                    remove: true
        """,
        "playbooks/overlay.yaml:7:17: overrides.practices.alpha.assessment.questions[0].id: "
        "unknown question 'third-question' (did you mean 'first-question'?); mark a new "
        "question with 'add: true'",
    ),
    (
        "add-existing",
        """\
        extend: default
        overrides:
          practices:
            alpha:
              checklist:
                - id: first-item
                  add: true
                  text: Already there.
        """,
        "playbooks/overlay.yaml:6:15: overrides.practices.alpha.checklist[0].id: checklist "
        "item 'first-item' already exists; leave out 'add: true' to change it",
    ),
    (
        "remove-with-fields",
        """\
        extend: default
        overrides:
          practices:
            alpha:
              checklist:
                - id: first-item
                  remove: true
                  text: Why text?
        """,
        "playbooks/overlay.yaml:6:11: overrides.practices.alpha.checklist[0]: a removed "
        "checklist item takes no other keys than 'id'",
    ),
    (
        "flag-not-true",
        """\
        extend: default
        overrides:
          practices:
            alpha:
              checklist:
                - id: first-item
                  remove: false
        """,
        "playbooks/overlay.yaml:7:19: overrides.practices.alpha.checklist[0].remove: 'remove' "
        "can only be true",
    ),
    (
        "wrong-type-in-override",
        """\
        extend: default
        overrides:
          practices:
            alpha:
              assessment:
                questions:
                  - id: first-question
                    reverse: sometimes
        """,
        "playbooks/overlay.yaml:8:22: overrides.practices.alpha.assessment.questions[0].reverse"
        ": expected true or false, got text ('sometimes')",
    ),
    (
        "unknown-key-in-override",
        """\
        extend: default
        overrides:
          practices:
            alpha:
              titel: Typo in a key
        """,
        "playbooks/overlay.yaml:5:7: overrides.practices.alpha: unknown key 'titel' "
        "(did you mean 'title'?)",
    ),
    (
        "band-gap-made-by-override",
        """\
        extend: default
        overrides:
          practices:
            alpha:
              assessment:
                bands:
                  - id: high
                    min: 60
        """,
        "playbooks/overlay.yaml:8:18: overrides.practices.alpha.assessment.bands[1].min: "
        "scores 50-59 fall in no band (band 'high' starts at 60)",
    ),
    (
        "unknown-practice-chosen",
        """\
        extend: default
        practices: [alpha, betta]
        """,
        "playbooks/overlay.yaml:2:20: practices[1]: unknown practice 'betta' "
        "(did you mean 'beta'?)",
    ),
    (
        "unknown-base",
        """\
        extend: defualt
        """,
        "playbooks/overlay.yaml:1:9: extend: unknown playbook 'defualt' (did you mean "
        "'default'?); known: default, peers",
    ),
    (
        "missing-base-file",
        """\
        extend: ../elsewhere/base.yaml
        """,
        "playbooks/overlay.yaml:1:9: extend: playbook file 'elsewhere/base.yaml' does not exist",
    ),
    (
        "unknown-language",
        """\
        extend: default
        language: deu
        """,
        "playbooks/overlay.yaml:2:11: language: unknown language 'deu' (did you mean 'de', "
        "German?)",
    ),
    (
        "unknown-string",
        """\
        extend: default
        strings:
          reset_checklst: Start again
        """,
        "playbooks/overlay.yaml:3:3: strings.reset_checklst: unknown interface string "
        "'reset_checklst' (did you mean 'reset_checklist'?)",
    ),
    (
        "retired-string",
        """\
        extend: default
        strings:
          team_widest: "Most apart: {titles} ({low} to {high})."
        """,
        "playbooks/overlay.yaml:3:3: strings.team_widest: interface string 'team_widest' is no "
        "longer used: the team page now names each most divided dimension with its own range: "
        "put your words in 'team_divided' ({items}) and 'team_divided_item' ({title}, {low}, "
        "{high})",
    ),
    (
        "unknown-colour",
        """\
        extend: default
        site:
          palette:
            primary: indgo
        """,
        "playbooks/overlay.yaml:4:14: site.palette.primary: unknown colour 'indgo' (did you "
        "mean 'indigo'?): use one of Material's colour names or a colour like '#00796b'",
    ),
    (
        "missing-logo",
        """\
        extend: default
        site:
          logo: ../images/logo.svg
        """,
        "playbooks/overlay.yaml:3:9: site.logo: file 'images/logo.svg' does not exist",
    ),
    (
        "unknown-overlay-key",
        """\
        extend: default
        overides: {}
        """,
        "playbooks/overlay.yaml:2:1: unknown key 'overides' (did you mean 'overrides'?)",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [case[1:] for case in OVERLAY_MISTAKES],
    ids=[case[0] for case in OVERLAY_MISTAKES],
)
def test_a_mistake_in_an_overlay_points_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, expected: str
) -> None:
    root = project_with(tmp_path, {"playbooks/overlay.yaml": text})
    monkeypatch.chdir(root)
    assert problems(Path(".")) == [expected]


def test_an_extend_cycle_is_reported_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project_with(
        tmp_path,
        {
            "playbooks/a.yaml": "extend: b\n",
            "playbooks/b.yaml": "extend: ../more/c.yaml\n",
            "more/c.yaml": "extend: ../playbooks/a.yaml\n",
        },
    )
    monkeypatch.chdir(root)
    assert problems(Path(".")) == [
        "more/c.yaml:1:9: extend: extend cycle: playbooks/a.yaml -> playbooks/b.yaml -> "
        "more/c.yaml -> playbooks/a.yaml"
    ]


def test_a_playbook_extending_itself_by_name_means_the_built_in_one(tmp_path: Path) -> None:
    root = project_with(tmp_path, {"playbooks/default.yaml": "extend: default\n"})
    project = load_project(root)
    assert project.playbook("default").model.practices == [
        "listen", "appreciate", "grow", "boundaries", "communicate"
    ]  # fmt: skip


def test_an_own_practice_may_not_reuse_a_base_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project_with(
        tmp_path,
        {
            "playbooks/overlay.yaml": "extend: default\ncontent: ../extra\n",
            "extra/practices/alpha.yaml": PRACTICE.format(id="alpha", other="beta"),
        },
    )
    monkeypatch.chdir(root)
    assert problems(Path(".")) == [
        "extra/practices/alpha.yaml:1:5: id: practice 'alpha' already exists in the playbook "
        "this one extends; change it under overrides.practices.alpha in "
        "playbooks/overlay.yaml, or choose another id"
    ]


def test_a_standalone_playbook_still_needs_its_site_and_practices(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project_with(tmp_path, {"playbooks/default.yaml": "practices: [alpha]\n"})
    monkeypatch.chdir(root)
    assert problems(Path(".")) == ["playbooks/default.yaml:1:1: missing required key 'site'"]


def test_an_overlay_may_share_the_content_folder_of_the_playbook_it_extends(
    tmp_path: Path,
) -> None:
    root = project_with(
        tmp_path,
        {
            "playbooks/more.yaml": "extend: default\ncontent: ../content\npractices: [beta]\n",
            "content/practices/gamma.yaml": PRACTICE.format(id="gamma", other="alpha"),
        },
    )
    project = load_project(root)
    assert project.playbook("more").model.practices == ["beta"]
    assert sorted(project.playbook("more").content.practices) == ["alpha", "beta", "gamma"]
