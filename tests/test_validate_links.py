"""``playbook validate`` checks links from content as ``build --strict`` does, same words."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from support.projects import LISTEN

PLAYBOOK = Path(sys.executable).with_name("playbook")
# In a field both playbooks show as written (peers.yaml rewrites much of listen, not this).
FIELD = "  customers: |\n"
BROKEN = (
    "    See [missing](nothere.md), [a practice](appreciate.md) and ![img](../img/none.png).\n"
)
EXPECTED = [
    "content/practices/listen.yaml:74:19: contexts.customers: Doc file 'practices/listen.md' "
    "contains a link 'nothere.md', but the target 'practices/nothere.md' is not found among "
    "documentation files.",
    "content/practices/listen.yaml:74:71: contexts.customers: Doc file 'practices/listen.md' "
    "contains a link '../img/none.png', but the target 'img/none.png' is not found among "
    "documentation files.",
]


def run(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PLAYBOOK), *arguments], cwd=project, capture_output=True, text=True, check=False
    )


def test_validate_reports_dead_links_with_the_words_of_build_strict(
    project_copy: Path, tmp_path: Path
) -> None:
    listen = project_copy / LISTEN
    text = listen.read_text(encoding="utf-8")
    assert text.count(FIELD) == 1
    listen.write_text(text.replace(FIELD, FIELD + BROKEN, 1), encoding="utf-8")

    validated = run(project_copy, "validate")
    assert validated.returncode == 1
    assert validated.stdout == ""
    assert validated.stderr == "\n".join(EXPECTED) + "\n2 problems found.\n"

    built = run(project_copy, "build", "--strict", "--site-dir", str(tmp_path / "site"))
    assert built.returncode == 1
    assert [f"WARNING -  {line}" for line in EXPECTED] == [
        line for line in built.stderr.splitlines() if line.startswith("WARNING")
    ]


def test_a_link_valid_in_one_playbook_only_says_where_it_is_dead(project_copy: Path) -> None:
    # The default playbook leaves the peers playbook's own practice out.
    home = project_copy / "content/peers/home.yaml"
    text = home.read_text(encoding="utf-8")
    assert "body: |\n" in text
    home.write_text(text.replace("body: |\n", "body: |\n  [x](practices/nope.md)\n", 1))
    validated = run(project_copy, "validate")
    assert validated.returncode == 1
    assert validated.stderr == (
        "content/peers/home.yaml:6:7: body: Doc file 'index.md' contains a link "
        "'practices/nope.md', but the target 'practices/nope.md' is not found among "
        "documentation files. (in playbook peers)\n1 problem found.\n"
    )


def test_the_default_project_has_no_dead_links(repo_root: Path) -> None:
    validated = run(repo_root, "validate")
    assert validated.returncode == 0, validated.stderr
