"""A practice a playbook leaves out leaves no dead ends (issue 17, point 6).

Content shared by several playbooks names practices in band links, related practices,
health-check dimensions and troubleshooting remedies. Where a playbook leaves one of them
out, each such place is reported with its location (a warning; ``--strict`` fails) or, with
``left_out_practices: drop``, left off the pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from support.projects import write_minimal_project

from generator.cli import main

#: The minimal project names 'beta' from alpha's related list and its second band, from the
#: health check's second dimension, and (after ``project`` adds it) from troubleshooting.
WORDS = (
    "names the practice 'beta', which this playbook leaves out: its title shows as plain text "
    "(set 'left_out_practices: drop' in the playbook to leave it off the page)"
)
WARNINGS = [
    f"WARNING -  content/health-check.yaml:16:17: dimensions[1].practices[0]: {WORDS}",
    f"WARNING -  content/practices/alpha.yaml:43:19: assessment.bands[1].practices[0]: {WORDS}",
    f"WARNING -  content/practices/alpha.yaml:44:11: related[0]: {WORDS}",
    f"WARNING -  content/troubleshooting.yaml:10:24: challenges[0].practices[1]: {WORDS}",
]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The minimal project, its playbook choosing alpha alone; the working folder, so that
    messages name its files as a coach in it would see them."""
    root = write_minimal_project(tmp_path / "project")
    monkeypatch.chdir(root)
    playbook = root / "playbooks" / "default.yaml"
    playbook.write_text(playbook.read_text("utf-8").replace("  - beta\n", ""), "utf-8")
    trouble = root / "content" / "troubleshooting.yaml"
    text = trouble.read_text("utf-8").replace("practices: [alpha]", "practices: [alpha, beta]")
    trouble.write_text(text, "utf-8")
    return root


def run(project: Path, *arguments: str) -> Result:
    return CliRunner().invoke(main, [*arguments, "--project", str(project)])


def test_validate_warns_at_each_place_and_strict_fails(project: Path) -> None:
    result = run(project, "validate")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == WARNINGS
    assert (
        result.stdout == "OK: 1 playbook, 2 practices, 8 checklist items and questions checked.\n"
    )

    strict = run(project, "validate", "--strict")
    assert strict.exit_code == 1
    assert strict.stderr.splitlines() == [
        *WARNINGS,
        "Error: Aborted with 4 warnings in strict mode!",
    ]


def test_build_warns_and_shows_the_title_as_text_and_strict_fails(
    project: Path, tmp_path: Path
) -> None:
    built = run(project, "build", "--site-dir", str(tmp_path / "site"))
    assert built.exit_code == 0, built.output
    assert [line for line in built.stderr.splitlines() if "beta" in line] == WARNINGS
    alpha = (tmp_path / "site" / "practices" / "alpha" / "index.html").read_text("utf-8")
    assert "<li>Practice beta</li>" in alpha  # as text, not a link to a page that is not there
    assert 'href="../beta/"' not in alpha

    strict = run(project, "build", "--strict", "--site-dir", str(tmp_path / "strict"))
    assert strict.exit_code == 1
    assert "Error: Aborted with 4 warnings in strict mode!" in strict.stderr
    assert not (tmp_path / "strict").exists()


def test_drop_leaves_the_names_off_every_page_without_a_word(
    project: Path, tmp_path: Path
) -> None:
    playbook = project / "playbooks" / "default.yaml"
    playbook.write_text(playbook.read_text("utf-8") + "left_out_practices: drop\n", "utf-8")
    assert run(project, "validate", "--strict").stderr == ""
    built = run(project, "build", "--strict", "--site-dir", str(tmp_path / "site"))
    assert built.exit_code == 0, built.output
    site = tmp_path / "site"
    pages = {
        path: (site / path / "index.html").read_text("utf-8")
        for path in ("practices/alpha", "health-check", "troubleshooting", "")
    }
    for path, page in pages.items():
        assert "Practice beta" not in page, path
    alpha = pages["practices/alpha"]
    # The related list had beta alone: the heading goes with it; so does the band's "See" line.
    assert 'id="related-practices"' not in alpha
    assert "<p>See" not in alpha
    # The health check's second dimension names no practice now: no empty "Practices:" line.
    health = pages["health-check"]
    assert health.count('class="pb-dimension__practices"') == 1
    assert 'data-practices=""' in health
    # Troubleshooting still names alpha, the practice that is there.
    assert '<a href="../practices/alpha/">Practice alpha</a>.' in pages["troubleshooting"]


def test_an_overlay_inherits_the_choice_and_may_change_it(project: Path) -> None:
    base = project / "playbooks" / "default.yaml"
    base.write_text(base.read_text("utf-8") + "left_out_practices: drop\n", "utf-8")
    (project / "playbooks" / "client.yaml").write_text(
        "extend: default\nsite:\n  name: Client\n", "utf-8"
    )
    assert run(project, "validate", "--strict").stderr == ""
    (project / "playbooks" / "client.yaml").write_text(
        "extend: default\nsite:\n  name: Client\nleft_out_practices: warn\n", "utf-8"
    )
    result = run(project, "validate")
    assert result.stderr.splitlines() == [f"{line} (in playbook client)" for line in WARNINGS]


def test_a_wrong_value_is_located(project: Path) -> None:
    playbook = project / "playbooks" / "default.yaml"
    playbook.write_text(playbook.read_text("utf-8") + "left_out_practices: hide\n", "utf-8")
    result = run(project, "validate")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "playbooks/default.yaml:6:21: left_out_practices: expected 'warn' or 'drop', got text "
        "('hide')"
    )
