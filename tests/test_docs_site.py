"""The manual (docs/): it builds strictly, documents every command and option, and the README
stays a short front page that links into it; a workflow publishes it."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import click
import pytest
import yaml
from mkdocs.exceptions import PluginError
from pydantic import BaseModel, Field

from generator import playbook_schema, schema
from generator.cli import main
from generator.ui import ALL_STRINGS

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = DOCS / "pages"
MKDOCS = Path(sys.executable).parent / "mkdocs"


def hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_hooks", DOCS / "hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def built_manual(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("manual")
    result = subprocess.run(
        [str(MKDOCS), "build", "--strict", "-f", str(DOCS / "mkdocs.yml"), "-d", str(site)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return site


def test_the_manual_builds_strictly_with_its_generated_tables(built_manual: Path) -> None:
    page = (built_manual / "content-format" / "index.html").read_text(encoding="utf-8")
    # Every marker became a table: none is left in the page, and every field of a practice
    # is in it with its description.
    assert "<!-- fields:" not in page
    for name, field in schema.Practice.model_fields.items():
        assert f"<td><code>{name}</code></td>" in page
        assert field.description is not None
    assert "<td>yes, not empty</td>" in page
    assert "<td>no (default <code>warn</code>)</td>" in page
    strings = (built_manual / "languages" / "index.html").read_text(encoding="utf-8")
    assert "<!-- strings -->" not in strings
    for key in ALL_STRINGS:
        assert f"<td><code>{key}</code></td>" in strings
    # The screenshots are the manual's too.
    assert (built_manual / "screenshots" / "practice-result-light.png").is_file()


def test_every_page_of_the_manual_is_in_its_navigation() -> None:
    config = yaml.safe_load((DOCS / "mkdocs.yml").read_text(encoding="utf-8"))

    def listed(entries: list[object]) -> list[str]:
        found: list[str] = []
        for entry in entries:
            assert isinstance(entry, dict)
            for value in entry.values():
                found += listed(value) if isinstance(value, list) else [value]
        return found

    assert config["docs_dir"] == "pages"
    assert sorted(listed(config["nav"])) == sorted(path.name for path in PAGES.glob("*.md"))


def test_every_class_of_the_content_model_has_its_table() -> None:
    marked = set(re.findall(r"^<!-- fields: (\w+) -->$", read("content-format.md"), re.M))
    classes = {
        name
        for module in (schema, playbook_schema)
        for name, value in vars(module).items()
        if isinstance(value, type)
        and issubclass(value, BaseModel)
        and value.__module__ == module.__name__
        and value is not schema.Model
    }
    assert {"Practice", "Playbook", "PlaybookOverlay"} <= classes
    assert marked == classes


def test_a_field_without_a_description_stops_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    class Bare(schema.Model):
        said: int = Field(description="Has one.")
        unsaid: int

    monkeypatch.setattr(schema, "Bare", Bare, raising=False)
    module = hooks()
    with pytest.raises(PluginError, match=r"^Bare\.unsaid has no description"):
        module.on_page_markdown("<!-- fields: Bare -->\n")
    with pytest.raises(PluginError, match="have no class Nothing"):
        module.on_page_markdown("<!-- fields: Nothing -->\n")


def read(page: str) -> str:
    return (PAGES / page).read_text(encoding="utf-8")


def commands(group: click.Group, prefix: str) -> list[tuple[str, click.Command]]:
    """Every command under ``group``, with its full name, subgroups walked through."""
    found: list[tuple[str, click.Command]] = []
    for name, command in group.commands.items():
        found.append((f"{prefix} {name}", command))
        if isinstance(command, click.Group):
            found += commands(command, f"{prefix} {name}")
    return found


def option_entries() -> dict[str, str]:
    """The entries of "Options, command by command" in the commands page, by command."""
    section = read("commands.md").split("## Options, command by command\n", 1)[1]
    section = section.split("\n## ", 1)[0]
    entries = re.split(r"^`(playbook [a-z ]+?)(?: [A-Z]+)?`\n", section, flags=re.M)[1:]
    return dict(zip(entries[::2], entries[1::2], strict=True))


def test_every_command_and_option_is_documented() -> None:
    manual = read("commands.md")
    entries = option_entries()
    walked = commands(main, "playbook")
    assert sorted(entries) == sorted(name for name, _ in walked)
    for name, command in walked:
        assert f"| `{name}` |" in manual, f"'{name}' is not in the commands table"
        for parameter in command.params:
            if isinstance(parameter, click.Option) and parameter.name != "help":
                for flag in parameter.opts + parameter.secondary_opts:
                    assert f"`{flag}" in entries[name], f"{name} {flag} is not documented"
            if isinstance(parameter.type, click.Choice):
                for choice in parameter.type.choices:
                    # Written as code: `de`, or with its flag, `--language de`.
                    shown = re.search(rf"[` ]{re.escape(str(choice))}`", entries[name])
                    assert shown, f"{name}: '{choice}' is not documented"
    for parameter in main.params:
        for flag in parameter.opts:
            if flag != "--help":
                assert f"`playbook {flag}`" in manual


def test_the_readme_is_a_short_front_page() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) < 15 * 1024
    lines = text.splitlines()
    picture = next(n for n, line in enumerate(lines) if line.startswith("!["))
    first_fence = next(n for n, line in enumerate(lines) if line.startswith("```"))
    # The picture is on the first screen, above the two commands, which stay the first block.
    assert picture < first_fence < 15
    assert lines[first_fence] == "```sh" and lines[first_fence + 3] == "```"
    build, test = lines[first_fence + 1 : first_fence + 3]
    assert build.endswith("playbook build --strict") and test.endswith("python -m pytest")


def test_the_readme_links_reach_files_that_exist() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)\s]+)\)", text)
    local = [target for target in targets if "://" not in target]
    assert "docs/pages/tutorial.md" in local
    assert "docs/pages/screenshots/practice-result-light.png" in local
    for target in local:
        assert (ROOT / target.split("#", 1)[0]).is_file(), target
    # Every page of the manual is linked from the README's list.
    pages = {f"docs/pages/{path.name}" for path in PAGES.glob("*.md")}
    assert pages <= set(local)


def test_the_docs_workflow_builds_the_manual_strictly_and_deploys_it_to_pages() -> None:
    text = (ROOT / ".github" / "workflows" / "docs.yml").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    # YAML 1.1 reads the key `on` as true: GitHub reads it as "on".
    assert workflow[True]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    runs = [step["run"] for step in build["steps"] if "run" in step]
    assert any("mkdocs build --strict -f docs/mkdocs.yml" in run for run in runs)
    uses = [step["uses"].split("@")[0] for step in build["steps"] if "uses" in step]
    assert "actions/configure-pages" in uses
    upload = next(
        s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages")
    )
    assert upload["with"]["path"] == "docs/site"
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
    # The manual's own configuration builds into the folder the workflow uploads.
    config = (DOCS / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^site_dir: site$", config, re.M)


def test_the_development_page_shows_the_readme_commands() -> None:
    def first_block(text: str) -> str:
        return text.split("```sh\n", 1)[1].split("```", 1)[0]

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert first_block(read("development.md")) == first_block(readme)
