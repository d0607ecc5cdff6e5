"""The coach's commands: list, schema, new and build --all, with their errors."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from support.cli import assert_exit, run, snapshot
from support.scripts import site_config

from generator.json_schema import KINDS
from generator.site_folder import MARKER

SCAFFOLD_FILES = [
    ".github/workflows/pages.yml",
    ".gitignore",
    ".gitlab-ci.yml",
    "README.md",
    "content/practices/one-to-ones.yaml",
    "mkdocs.yml",
    "playbooks/default.yaml",
    "requirements.txt",
    "schemas/health-check.schema.json",
    "schemas/home.schema.json",
    "schemas/playbook.schema.json",
    "schemas/practice.schema.json",
    "schemas/scales.schema.json",
    "schemas/sources.schema.json",
    "schemas/team.schema.json",
    "schemas/troubleshooting.schema.json",
]


# --- list ------------------------------------------------------------------------------------


def test_list_shows_playbooks_and_practices_with_counts(
    repo_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo_root)
    result = run("list")
    assert_exit(result, 0)
    assert result.stdout == (
        "default: Reciprocal Working Relationships (5 practices, "
        "playbooks/default.yaml)\n"
        "  listen       Listen actively: 10 checklist items, 9 questions\n"
        "  appreciate   Show appreciation: 10 checklist items, 9 questions\n"
        "  grow         Provide growth opportunities: 10 checklist items, 9 questions\n"
        "  boundaries   Set boundaries: 10 checklist items, 9 questions\n"
        "  communicate  Communicate openly: 10 checklist items, 9 questions\n"
        "peers: Reciprocal Working Relationships among Peers (6 practices, "
        "playbooks/peers.yaml)\n"
        "  common-goals  Work toward common goals: 10 checklist items, 9 questions\n"
        "  listen        Listen actively: 10 checklist items, 9 questions\n"
        "  appreciate    Show appreciation: 10 checklist items, 9 questions\n"
        "  grow          Share growth opportunities: 11 checklist items, 9 questions\n"
        "  boundaries    Set boundaries: 10 checklist items, 9 questions\n"
        "  communicate   Communicate openly: 10 checklist items, 9 questions\n"
    )


def test_list_of_a_broken_project_reports_its_problems(project_copy: Path) -> None:
    (project_copy / "playbooks" / "peers.yaml").write_text("extend: nowhere\n", encoding="utf-8")
    result = run("list", "--project", project_copy)
    assert_exit(result, 1)
    assert "extend: unknown playbook 'nowhere'" in result.stderr


# --- schema ----------------------------------------------------------------------------------


def validator(kind: str) -> jsonschema.protocols.Validator:
    result = run("schema", kind)
    assert_exit(result, 0)
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def load(path: Path) -> object:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_schemas_accept_every_file_of_the_repository(repo_root: Path) -> None:
    content = repo_root / "content"
    files = {
        "playbook": sorted((repo_root / "playbooks").glob("*.yaml")),
        "practice": sorted(content.glob("**/practices/*.yaml")),
        "scales": [content / "scales.yaml"],
        "health-check": [content / "health-check.yaml"],
        "team": [content / "team.yaml"],
        "troubleshooting": [content / "troubleshooting.yaml"],
        "home": [content / "home.yaml", content / "peers" / "home.yaml"],
        "sources": [content / "sources.yaml"],
    }
    assert sorted(files) == sorted(KINDS)
    for kind, paths in files.items():
        check = validator(kind)
        for path in paths:
            errors = [error.message for error in check.iter_errors(load(path))]
            assert errors == [], f"{path}: {errors}"


def test_schemas_reject_what_validate_rejects(repo_root: Path) -> None:
    practice = load(repo_root / "content" / "practices" / "listen.yaml")
    assert isinstance(practice, dict)
    check = validator("practice")
    assert not check.is_valid({**practice, "titel": "typo"})
    assert not check.is_valid({key: value for key, value in practice.items() if key != "why"})
    playbook = validator("playbook")
    assert playbook.is_valid(load(repo_root / "playbooks" / "peers.yaml"))
    assert not playbook.is_valid({"extend": "default", "overrides": {"practices": {"Bad Id": {}}}})
    assert not playbook.is_valid(
        {"extend": "default", "overrides": {"practices": {"listen": {"titel": "typo"}}}}
    )
    assert playbook.is_valid(
        {
            "extend": "default",
            "overrides": {
                "practices": {"listen": {"checklist": [{"id": "x", "add": True, "text": "New"}]}}
            },
        }
    )


def test_schema_needs_a_kind_or_a_folder() -> None:
    result = run("schema")
    assert_exit(result, 2)
    assert result.stderr.endswith(
        "Error: name a KIND (playbook, practice, scales, health-check, team, troubleshooting, "
        "home, sources) or give --out DIR\n"
    )


def test_schema_out_writes_all_and_replaces_only_with_force(tmp_path: Path) -> None:
    out = tmp_path / "schemas"
    result = run("schema", "--out", out)
    assert_exit(result, 0)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{k}.schema.json" for k in KINDS)
    mine = out / "home.schema.json"
    mine.write_text("{}", encoding="utf-8")
    before = snapshot(out)

    again = run("schema", "--out", out)
    assert_exit(again, 1)
    assert "already exist; nothing was written (--force replaces them)" in again.stderr
    assert snapshot(out) == before

    forced = run("schema", "--out", out, "--force")
    assert_exit(forced, 0)
    assert json.loads(mine.read_text(encoding="utf-8"))["title"] == "Home"


# --- new -------------------------------------------------------------------------------------


def test_new_scaffolds_a_project_that_builds_strictly_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "coach"
    result = run("new", folder)
    assert_exit(result, 0)
    assert result.stdout.startswith(f"Created a playbook project in {folder} (16 files).\n")
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert files == SCAFFOLD_FILES

    built = run("build", "--project", folder, "--strict")
    assert_exit(built, 0)
    assert (folder / "site" / "practices" / "one-to-ones" / "index.html").is_file()
    listen = (folder / "site" / "practices" / "listen" / "index.html").read_text("utf-8")
    assert "I ran one meeting this month where everyone spoke before I did." in listen
    home = (folder / "site" / "index.html").read_text(encoding="utf-8")
    assert '<p class="pb-audience">Written for&#58; Team leads and new managers</p>' in home


# The environment this suite runs in: a new shell finds its `playbook` only by the full path.
VENV_PLAYBOOK = Path(sys.executable).parent / "playbook"


def next_line(folder: Path) -> str:
    result = run("new", folder)
    assert_exit(result, 0)
    return result.stdout.splitlines()[-1]


def test_new_says_next_what_runs_in_a_new_shell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run as `.venv/bin/playbook new`, the line names the command by its path, and works."""
    monkeypatch.delenv("VIRTUAL_ENV", raising=False)
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    folder = tmp_path / "coach"
    line = next_line(folder)
    assert line == f"Next: cd {folder} && {shlex.quote(str(VENV_PLAYBOOK))} serve"
    # The same line in a new shell, with `serve --help` so that it returns at once.
    fresh = subprocess.run(
        ["/bin/sh", "-c", line.removeprefix("Next: ") + " --help"],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert fresh.returncode == 0, fresh.stderr
    assert fresh.stdout.startswith("Usage: playbook serve [OPTIONS]\n")


@pytest.mark.parametrize(
    "search_path, activated, command",
    [
        # An activated environment: a new shell has not activated it.
        ("{venv}:/usr/bin:/bin", True, "{path}"),
        # This command linked from a folder on the search path, as pipx installs it.
        ("{links}:/usr/bin:/bin", False, "playbook"),
        # Another command called playbook comes first on the search path.
        ("{other}:{links}:/usr/bin:/bin", False, "{path}"),
    ],
    ids=["activated-environment", "linked-on-the-search-path", "another-playbook-first"],
)
def test_new_names_the_command_as_the_search_path_finds_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    search_path: str,
    activated: bool,
    command: str,
) -> None:
    links, other = tmp_path / "links", tmp_path / "other"
    links.mkdir()
    (links / "playbook").symlink_to(VENV_PLAYBOOK)
    other.mkdir()
    (other / "playbook").write_text("#!/bin/sh\nexit 3\n", encoding="utf-8")
    (other / "playbook").chmod(0o755)
    if activated:
        monkeypatch.setenv("VIRTUAL_ENV", str(VENV_PLAYBOOK.parent.parent))
    else:
        monkeypatch.delenv("VIRTUAL_ENV", raising=False)
    folders = {"venv": VENV_PLAYBOOK.parent, "links": links, "other": other}
    monkeypatch.setenv("PATH", search_path.format(**folders))
    folder = tmp_path / "my coach"
    expected = command.format(path=shlex.quote(str(VENV_PLAYBOOK)))
    assert next_line(folder) == f"Next: cd '{folder}' && {expected} serve"


def test_scaffolded_yaml_names_its_schema_and_passes_it(tmp_path: Path) -> None:
    folder = tmp_path / "coach"
    assert_exit(run("new", folder), 0)
    for relative, kind in [
        ("playbooks/default.yaml", "playbook"),
        ("content/practices/one-to-ones.yaml", "practice"),
    ]:
        path = folder / relative
        first = path.read_text(encoding="utf-8").splitlines()[0]
        up = "../" * relative.count("/")
        assert first == f"# yaml-language-server: $schema={up}schemas/{kind}.schema.json"
        schema_file = (path.parent / first.split("=", 1)[1]).resolve()
        schema = json.loads(schema_file.read_text(encoding="utf-8"))
        assert list(jsonschema.Draft202012Validator(schema).iter_errors(load(path))) == []


def test_scaffolded_ci_runs_a_strict_build_and_publishes_the_site(tmp_path: Path) -> None:
    folder = tmp_path / "coach"
    assert_exit(run("new", folder), 0)
    github = load(folder / ".github" / "workflows" / "pages.yml")
    assert isinstance(github, dict)
    steps = github["jobs"]["build"]["steps"]
    assert {"run": "pip install -r requirements.txt"} in steps
    assert {
        "run": 'export SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"\n'
        'playbook build --strict --fallback-site-url "${{ steps.pages.outputs.base_url }}/"\n'
    } in steps
    assert {"uses": "actions/upload-pages-artifact@v3", "with": {"path": "site"}} in steps
    gitlab = load(folder / ".gitlab-ci.yml")
    assert isinstance(gitlab, dict)
    assert gitlab["pages"]["script"][1:] == [
        'export SOURCE_DATE_EPOCH="$(date -d "$CI_COMMIT_TIMESTAMP" +%s)"',
        'playbook build --strict --site-dir public --fallback-site-url "$CI_PAGES_URL/"',
    ]
    assert gitlab["pages"]["artifacts"] == {"paths": ["public"]}
    version = run("--version").stdout.split()[-1]
    assert f"coaching-playbook=={version}\n" in (folder / "requirements.txt").read_text("utf-8")


def test_new_never_overwrites_and_writes_nothing_when_a_file_is_in_the_way(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "coach"
    (folder / "playbooks").mkdir(parents=True)
    (folder / "README.md").write_text("My notes.\n", encoding="utf-8")
    (folder / "playbooks" / "default.yaml").write_text("mine: true\n", encoding="utf-8")
    before = snapshot(folder)

    result = run("new", folder)
    assert_exit(result, 1)
    assert result.stderr == (
        f"Error: '{folder}' already has README.md, playbooks/default.yaml; nothing was written. "
        "Choose a new folder, or move those files away first.\n"
    )
    assert snapshot(folder) == before
    assert sorted(p.name for p in folder.iterdir()) == ["README.md", "playbooks"]


def test_new_refuses_a_file_as_its_folder(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("keep\n", encoding="utf-8")
    result = run("new", target)
    assert_exit(result, 1)
    assert result.stderr == f"Error: '{target}' exists and is not a folder\n"
    assert target.read_text(encoding="utf-8") == "keep\n"


# --- build --all and --playbook --------------------------------------------------------------


def test_build_all_builds_each_playbook_into_its_own_folder(
    project_copy: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / MARKER).write_text("", encoding="utf-8")
    (site / "retired").mkdir()
    (site / "retired" / MARKER).write_text("", encoding="utf-8")  # a playbook since removed

    result = run("build", "--project", project_copy, "--all", "--strict", "--site-dir", site)
    assert_exit(result, 0)
    lines = result.stdout.splitlines()
    assert [line.split(" (")[0] for line in lines] == [
        "Built playbook 'default'",
        "Built playbook 'peers'",
    ]
    assert sorted(p.name for p in site.iterdir()) == [MARKER, "default", "index.html", "peers"]
    assert (site / "peers" / "practices" / "common-goals" / "index.html").is_file()
    assert not (site / "default" / "practices" / "common-goals").exists()
    index = (site / "index.html").read_text(encoding="utf-8")
    assert '<a href="default/">Reciprocal Working Relationships</a>' in index
    assert '<a href="peers/">Reciprocal Working Relationships among Peers</a>' in index


def test_build_all_with_a_playbook_is_a_usage_error(project_copy: Path) -> None:
    result = run("build", "--project", project_copy, "--all", "--playbook", "peers")
    assert_exit(result, 2)
    assert result.stderr.endswith("Error: --all builds every playbook; leave out --playbook\n")


def test_build_one_named_playbook(project_copy: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = run("build", "--project", project_copy, "--playbook", "peers", "--site-dir", site)
    assert_exit(result, 0)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>Reciprocal working relationships among peers" in home
    assert 'data-md-color-primary="indigo"' in home
    script = (site / "assets" / "playbook.js").read_text(encoding="utf-8")
    assert script.startswith('window.PLAYBOOK_CONFIG = {"site":"peers",')


@pytest.mark.parametrize("kind", ["logo", "favicon"])
def test_branding_files_are_copied_into_the_site(
    project_copy: Path, tmp_path: Path, kind: str
) -> None:
    image = project_copy / "images" / "brand.png"
    image.parent.mkdir()
    image.write_bytes(b"\x89PNG\r\n\x1a\n not really a picture")
    peers = project_copy / "playbooks" / "peers.yaml"
    text = peers.read_text(encoding="utf-8")
    peers.write_text(
        text.replace("  palette:\n", f"  {kind}: ../images/brand.png\n  palette:\n", 1),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    assert_exit(
        run("build", "--project", project_copy, "--playbook", "peers", "--site-dir", site), 0
    )
    assert (site / "assets" / "brand" / f"{kind}.png").read_bytes() == image.read_bytes()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f"assets/brand/{kind}.png" in home


def test_language_and_interface_strings_reach_the_site(project_copy: Path, tmp_path: Path) -> None:
    (project_copy / "playbooks" / "words.yaml").write_text(
        "extend: peers\nlanguage: de\nstrings:\n  reset_checklist: Liste zurücksetzen\n",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    assert_exit(
        run("build", "--project", project_copy, "--playbook", "words", "--site-dir", site), 0
    )
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in home
    config = site_config(site)
    assert config["strings"]["reset_checklist"] == "Liste zurücksetzen"
    # The rest in the German that ships with the tool (generator/translations/de.yaml).
    assert config["strings"]["export"] == "Meine Daten exportieren"


def test_a_hex_palette_colour_becomes_materials_custom_colour(
    project_copy: Path, tmp_path: Path
) -> None:
    peers = project_copy / "playbooks" / "peers.yaml"
    text = peers.read_text(encoding="utf-8")
    peers.write_text(text.replace("primary: indigo", 'primary: "#5d4037"', 1), encoding="utf-8")
    site = tmp_path / "site"
    assert_exit(
        run("build", "--project", project_copy, "--playbook", "peers", "--site-dir", site), 0
    )
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'data-md-color-primary="custom"' in home
    css = (site / "assets" / "playbook.css").read_text(encoding="utf-8")
    assert css.endswith(
        "\n/* The playbook's colours. */\n"
        '[data-md-color-primary="custom"] { --md-primary-fg-color: #5d4037; '
        "--md-primary-fg-color--light: #5d4037; --md-primary-fg-color--dark: #5d4037; }\n"
    )


def test_page_words_can_be_changed_by_the_playbook(project_copy: Path, tmp_path: Path) -> None:
    (project_copy / "playbooks" / "words.yaml").write_text(
        "extend: peers\nstrings:\n"
        "  heading_checklist: Checkliste\n"
        '  checklist_label: "{title}: Liste <& \\"Punkte\\">"\n'
        "  privacy: Deine Antworten bleiben in diesem Browser.\n"
        "  nav_practices: Praktiken\n",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    assert_exit(
        run("build", "--project", project_copy, "--playbook", "words", "--site-dir", site), 0
    )
    page = (site / "practices" / "listen" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="checkliste">Checkliste' in page
    assert 'aria-label="Listen actively&#58; Liste &lt;&amp; &quot;Punkte&quot;&gt;"' in page
    assert '<p class="pb-privacy">Deine Antworten bleiben in diesem Browser.</p>' in page
    assert "Praktiken" in page
    scripts = "".join(p.read_text("utf-8") for p in (site / "assets").glob("playbook*.js"))
    assert "heading_checklist" not in scripts  # page words stay out of the script
