"""The ``playbook`` command through Click's test runner: exit codes and what each command prints.

``serve`` blocks, so only its usage errors are checked here; tests/test_serve.py runs it for real.
"""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
import yaml
from support.cli import assert_exit, run, snapshot
from support.projects import LISTEN

from generator.cli import main
from generator.project import load_project
from generator.render import render_site
from generator.site_folder import MARKER

# --- validate ---------------------------------------------------------------------------------


def test_validate_repository_prints_the_summary(repo_root: Path) -> None:
    project = load_project(repo_root)
    practices = list(
        {p.path: p.model for b in project.playbooks.values() for p in b.practices}.values()
    )
    items = sum(len(p.checklist) + len(p.assessment.questions) for p in practices)
    playbooks = len(project.playbooks)
    expected = (
        f"OK: {playbooks} playbook{'' if playbooks == 1 else 's'}, {len(practices)} practices, "
        f"{items} checklist items and questions checked.\n"
    )

    result = run("validate", "--project", repo_root)

    assert_exit(result, 0)
    assert result.stdout == expected
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("first_id", "replaced_id", "index"),
    [
        # An item the peers playbook leaves as it is.
        ("let-people-finish", "ask-clarifying-question", 2),
        # An item the peers playbook rewrites: the duplicate id is the base file's mistake,
        # reported there once, not again at the overlay's entry.
        ("devices-away-in-one-on-ones", "let-people-finish", 1),
    ],
)
def test_validate_broken_copy_reports_the_located_problem_once(
    project_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    first_id: str,
    replaced_id: str,
    index: int,
) -> None:
    peers = (project_copy / "playbooks/peers.yaml").read_text(encoding="utf-8")
    assert (f"        - id: {first_id}\n" in peers) == (index == 1)
    listen = project_copy / LISTEN
    lines = listen.read_text(encoding="utf-8").splitlines(keepends=True)
    first_line = lines.index(f"  - id: {first_id}\n") + 1
    second_line = lines.index(f"  - id: {replaced_id}\n") + 1
    lines[second_line - 1] = f"  - id: {first_id}\n"
    listen.write_text("".join(lines), encoding="utf-8")
    column = lines[second_line - 1].index(first_id) + 1
    monkeypatch.chdir(project_copy)  # problems name files relative to the working folder

    result = run("validate")

    assert_exit(result, 1)
    assert result.stderr == (
        f"{LISTEN.as_posix()}:{second_line}:{column}: checklist[{index}].id: duplicate id "
        f"'{first_id}' (first defined at line {first_line})\n"
        "1 problem found.\n"
    )
    assert result.stdout == ""


def test_validate_reports_every_problem_of_several_files(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    listen = project_copy / LISTEN
    listen.write_text(
        listen.read_text(encoding="utf-8").replace("title: Listen actively", "titel: Listen"),
        encoding="utf-8",
    )
    (project_copy / "content" / "home.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    monkeypatch.chdir(project_copy)

    result = run("validate")

    assert_exit(result, 1)
    # Sorted by file; the misspelt key is not reported again as a missing 'title'.
    assert result.stderr == (
        "content/home.yaml:1:8: YAML syntax error: while parsing a flow sequence: "
        "expected ',' or ']', but got '<stream end>' (it starts here and is never closed)\n"
        "content/practices/listen.yaml:2:1: unknown key 'titel' (did you mean 'title'?)\n"
        "2 problems found.\n"
    )
    assert result.stdout == ""


# --- usage errors -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["--no-such-option"],
        ["validate", "--no-such-option"],
        ["build", "--no-such-option"],
        ["render", "--no-such-option"],
        ["serve", "--no-such-option"],
        ["no-such-command"],
    ],
    ids=["main", "validate", "build", "render", "serve", "unknown-command"],
)
def test_unknown_option_or_command_is_a_usage_error(args: list[str]) -> None:
    result = run(*args)

    assert_exit(result, 2)
    assert "Usage: " in result.stderr
    assert "No such" in result.stderr


def test_unknown_playbook_is_a_usage_error_naming_the_available_ones(repo_root: Path) -> None:
    available = ", ".join(sorted(load_project(repo_root).playbooks))

    result = run("build", "--project", repo_root, "--playbook", "nope")

    assert_exit(result, 2)
    assert "Invalid value for '--playbook': no playbook 'nope'" in result.stderr
    assert f"available: {available}" in result.stderr


def test_render_with_an_unknown_playbook_is_a_usage_error(repo_root: Path, tmp_path: Path) -> None:
    result = run(
        "render", "--project", repo_root, "--playbook", "defualt", "--out", tmp_path / "out"
    )

    assert_exit(result, 2)
    assert "no playbook 'defualt' (did you mean 'default'?)" in result.stderr
    assert not (tmp_path / "out").exists()


def test_missing_project_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = run("validate", "--project", tmp_path / "missing")

    assert_exit(result, 2)
    assert "does not exist" in result.stderr


@pytest.mark.parametrize("port", ["0", "65536", "http"])
def test_serve_rejects_a_bad_port_before_serving(repo_root: Path, port: str) -> None:
    result = run("serve", "--project", repo_root, "--port", port)

    assert_exit(result, 2)
    assert "Invalid value for '--port'" in result.stderr


# --- build ------------------------------------------------------------------------------------


def test_build_strict_into_a_site_dir(project_copy: Path, tmp_path: Path) -> None:
    site = tmp_path / "out" / "site"
    # The practices, home, health check, team, troubleshooting, sources and tags.
    pages = len(load_project(project_copy).playbooks["default"].model.practices) + 6

    result = run("build", "--project", project_copy, "--strict", "--site-dir", site)

    assert_exit(result, 0)
    assert (site / "index.html").is_file()
    assert (site / MARKER).is_file()
    assert re.fullmatch(
        rf"Built playbook 'default' \({pages} pages\) into {re.escape(str(site.resolve()))} "
        r"in \d+\.\d s \(playbook \d+\.\d\d s, MkDocs \d+\.\d\d s\)\.\n",
        result.stdout,
    ), result.stdout
    # The docs tree is a plain MkDocs project next to the content.
    assert (project_copy / "build" / "default" / "mkdocs.yml").is_file()

    # A second build replaces the folder, which lists what it wrote: pages of a practice no
    # longer in the playbook go (the names of it left on other pages go too, or --strict
    # would fail on them: tests/test_left_out_practices.py).
    playbook = project_copy / "playbooks" / "default.yaml"
    playbook.write_text(
        playbook.read_text(encoding="utf-8").replace("  - communicate\n", "")
        + "left_out_practices: drop\n",
        encoding="utf-8",
    )
    again = run("build", "--project", project_copy, "--strict", "--site-dir", site)
    assert_exit(again, 0)
    assert not (site / "practices" / "communicate").exists()
    assert (site / "practices" / "listen" / "index.html").is_file()

    # A file someone added is never deleted: the build refuses and changes nothing.
    (site / "CNAME").write_text("playbook.example.org\n", encoding="utf-8")
    before = snapshot(site)
    refused = run("build", "--project", project_copy, "--strict", "--site-dir", site)
    assert_exit(refused, 1)
    assert refused.output == (
        f"Error: '{site.resolve()}' holds files playbook did not write (CNAME); building "
        "would delete them. Move them out of the folder, or choose another folder.\n"
    )
    assert snapshot(site) == before
    assert [p.name for p in site.parent.iterdir()] == ["site"]  # no staging folder left


def test_validate_outside_a_project_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("validate")
    assert_exit(result, 1)
    assert result.stderr == (
        "Error: '.' is not a playbook project: it has no 'playbooks' folder "
        "(run the command inside a project or pass --project DIR)\n"
    )


def test_build_refuses_a_folder_it_did_not_make(
    project_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "precious"
    (site / "sub").mkdir(parents=True)
    (site / "notes.txt").write_text("my notes\n", encoding="utf-8")
    (site / "sub" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    before = snapshot(site)
    monkeypatch.chdir(tmp_path)

    result = run("build", "--project", project_copy, "--site-dir", site)

    assert_exit(result, 1)
    assert result.stderr == (
        "Error: 'precious' is not empty and was not made by playbook; building would "
        "delete its files. Choose another folder or empty it first.\n"
    )
    assert snapshot(site) == before
    assert not (site / MARKER).exists()
    assert not (project_copy / "build").exists(), "nothing may be written before the refusal"


# --- render -----------------------------------------------------------------------------------


def test_render_writes_the_docs_tree(repo_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "docs-tree"
    project = load_project(repo_root)
    rendered = render_site(project.playbook("default").model, project.content_for("default"))

    result = run("render", "--project", repo_root, "--out", out)

    assert_exit(result, 0)
    config_file = out.resolve() / "mkdocs.yml"
    assert result.stdout == (
        f"Wrote {len(rendered.pages)} pages; build them with: mkdocs build -f {config_file}\n"
    )
    assert (out / "mkdocs.yml").is_file()
    assert (out / "docs" / "index.md").read_text(encoding="utf-8") == rendered.pages["index.md"]
    for page in rendered.pages:
        assert (out / "docs" / page).is_file(), page
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == project.playbook("default").model.site.name
    assert config["docs_dir"] == "docs"
    assert config["theme"]["font"] is False


# --- help and version -------------------------------------------------------------------------


def test_main_help_lists_every_command() -> None:
    result = run("--help")

    assert_exit(result, 0)
    assert result.stdout.startswith("Usage: ")
    assert main.help and main.help.splitlines()[0] in result.stdout
    assert set(main.commands) == {
        "validate", "build", "render", "serve", "list", "schema", "new", "strings"
    }  # fmt: skip
    for name in main.commands:
        assert re.search(rf"^\s+{name}\s+\S", result.stdout, re.MULTILINE), name


@pytest.mark.parametrize("name", sorted(main.commands))
def test_command_help(name: str) -> None:
    command = main.commands[name]
    assert isinstance(command, click.Command)
    assert command.help and command.help.strip(), f"'{name}' has no help text"

    result = run(name, "--help")

    assert_exit(result, 0)
    assert result.stdout.startswith(f"Usage: playbook {name} [OPTIONS]"), result.stdout
    assert command.help.splitlines()[0] in result.stdout
    # Commands that work on a project take --project; schema and new make files of their own,
    # strings lists the tool's own words.
    assert ("--project" in result.stdout) == (name not in {"schema", "new", "strings"})


def test_version() -> None:
    result = run("--version")

    assert_exit(result, 0)
    assert (
        result.stdout == f"playbook, version {importlib.metadata.version('coaching-playbook')}\n"
    )


def test_strict_build_fails_on_a_link_warning_and_plain_build_does_not(
    project_copy: Path, tmp_path: Path
) -> None:
    listen = project_copy / LISTEN
    text = listen.read_text(encoding="utf-8")
    listen.write_text(
        text.replace("advice: |\n", "advice: |\n        See [the missing page](missing.md).\n", 1),
        encoding="utf-8",
    )
    line = text[: text.index("advice: |\n")].count("\n") + 2
    warning = (
        f"WARNING -  {listen}:{line}:32: assessment.bands[0].advice: Doc file "
        "'practices/listen.md' contains a link 'missing.md', but the target "
        "'practices/missing.md' is not found among documentation files.\n"
    )

    strict = run("build", "--project", project_copy, "--strict", "--site-dir", tmp_path / "a")
    assert_exit(strict, 1)
    assert strict.stderr == warning + "Error: Aborted with 1 warning in strict mode!\n"

    lenient = run("build", "--project", project_copy, "--site-dir", tmp_path / "b")
    assert_exit(lenient, 0)
    assert lenient.stderr == warning


def test_theme_overrides_of_the_project_reach_the_built_site(
    project_copy: Path, tmp_path: Path
) -> None:
    overrides = project_copy / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}\n'
        '{% block announce %}<span id="coach-banner">Draft for review</span>{% endblock %}\n',
        encoding="utf-8",
    )
    config = project_copy / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  name: material\n", "  name: material\n  custom_dir: overrides\n", 1
        ),
        encoding="utf-8",
    )

    result = run("build", "--project", project_copy, "--strict", "--site-dir", tmp_path / "site")

    assert_exit(result, 0)
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<span id="coach-banner">Draft for review</span>' in home


def test_site_url_option_sets_the_address_the_site_is_built_for(
    project_copy: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    result = run(
        "build",
        "--project",
        project_copy,
        "--site-dir",
        site,
        "--site-url",
        "http://127.0.0.1:9999/preview/",
    )
    assert_exit(result, 0)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>http://127.0.0.1:9999/preview/practices/listen/</loc>" in sitemap
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="http://127.0.0.1:9999/preview/">' in home


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        (
            "ftp://example.org/",
            "'ftp://example.org/' is not a web address starting with https:// or http://",
        ),
        # It would break out of the canonical link Material writes into every page.
        (
            'https://x.example/"><img/src/onerror=alert(1)>/',
            "'https://x.example/\"><img/src/onerror=al…' is not a usable web address: "
            "it holds '\"'",
        ),
    ],
)
def test_site_url_option_must_be_a_web_address(project_copy: Path, url: str, problem: str) -> None:
    result = run("build", "--project", project_copy, "--site-url", url)
    assert_exit(result, 2)
    assert result.stderr.endswith(f"Error: Invalid value for '--site-url': {problem}\n")


def test_a_project_without_mkdocs_yml_is_told_so(project_copy: Path, tmp_path: Path) -> None:
    (project_copy / "mkdocs.yml").unlink()
    result = run("build", "--project", project_copy, "--site-dir", tmp_path / "site")
    assert_exit(result, 1)
    assert result.stderr == (
        f"Error: {project_copy / 'mkdocs.yml'}: the project has no mkdocs.yml\n"
    )
    assert not (project_copy / "build").exists()


def test_validate_imports_no_engine(repo_root: Path) -> None:
    """Checking content needs no site engine: `playbook validate` starts quicker without."""
    script = (
        "import sys\n"
        "from generator.cli import main\n"
        "main(['validate', '--project', sys.argv[1]], standalone_mode=False)\n"
        "engines = ('mkdocs', 'material', 'zensical')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & set(engines)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(repo_root)],
        capture_output=True,
        encoding="utf-8",
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "OK: 2 playbooks, 6 practices, 115 checklist items and questions checked.",
        "[]",
    ]
