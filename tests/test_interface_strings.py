"""Interface strings (issue 17, points 3 and 8): `playbook strings`, their JSON Schema, the
placeholder and language checks of `validate`, the German translation that ships with the
tool, and the `build --all` index page in the branding and words of the default playbook."""

from __future__ import annotations

import json
import re
import textwrap
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
import yaml
from support.cli import assert_exit, run
from support.projects import write_minimal_project
from support.scripts import site_config

from generator.json_schema import json_schema
from generator.settings import known_languages
from generator.ui import (
    ALL_STRINGS,
    DEFAULT_STRINGS,
    PAGE_STRINGS,
    SITE_STRINGS,
    interface_strings,
    placeholder_problem,
    placeholders,
    translated_languages,
    translation,
)

MATERIAL = Path(str(resources.files("material")))
GERMAN = Path(__file__).resolve().parent.parent / "generator" / "translations" / "de.yaml"


def project(tmp_path: Path, playbook_tail: str = "") -> Path:
    """The small test project, its playbook ending in ``playbook_tail``."""
    root = write_minimal_project(tmp_path / "project")
    playbook = root / "playbooks" / "default.yaml"
    playbook.write_text(
        playbook.read_text(encoding="utf-8") + textwrap.dedent(playbook_tail), encoding="utf-8"
    )
    return root


def validate_lines(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(root)
    result = run("validate")
    assert_exit(result, 1)
    return result.output.splitlines()


# --- placeholders -----------------------------------------------------------------------------


def test_placeholders_are_names_in_braces_each_once_in_order() -> None:
    assert placeholders("{done} of {total} done, {done} {every shift} {} {{x}}") == [
        "done",
        "total",
        "x",
    ]


@pytest.mark.parametrize(
    ("key", "text", "expected"),
    [
        ("progress", "{done} von {total} erledigt", None),
        ("progress", "{total}: {done} {done}", None),
        (
            "progress",
            "{erledigt} von {gesamt}",
            "unknown placeholders {erledigt} and {gesamt}; missing {done} and {total} "
            "(the English text has {done} and {total})",
        ),
        (
            "progress",
            "{done} erledigt",
            "missing placeholder {total} (the English text has {done} and {total})",
        ),
        (
            "reset_checklist",
            "Liste {neu}",
            "unknown placeholder {neu} (the English text has no placeholders)",
        ),
        (
            "reading_practice",
            "{lowest} {span} {highest}",
            "missing placeholders {reverse} and {most} (the English text has {lowest}, {span}, "
            "{highest}, {reverse} and {most})",
        ),
    ],
)
def test_placeholder_problems_name_the_unknown_and_the_missing(
    key: str, text: str, expected: str | None
) -> None:
    assert placeholder_problem(key, text) == expected


def test_validate_locates_a_string_whose_placeholders_differ(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(
        tmp_path,
        """\
        strings:
          reset_checklist: Liste zurücksetzen
          progress: "{erledigt} von {total} erledigt"
          score: "Dein Ergebnis"
        """,
    )
    assert validate_lines(root, monkeypatch) == [
        "playbooks/default.yaml:9:13: strings.progress: unknown placeholder {erledigt}; missing "
        "{done} (the English text has {done} and {total})",
        "playbooks/default.yaml:10:10: strings.score: missing placeholder {score} (the English "
        "text has {score})",
        "2 problems found.",
    ]


def test_an_overlay_string_is_checked_against_the_english_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path)
    (root / "playbooks" / "german.yaml").write_text(
        "extend: default\nlanguage: de\nstrings:\n  audience: 'Für {publikum}'\n",
        encoding="utf-8",
    )
    assert validate_lines(root, monkeypatch) == [
        "playbooks/german.yaml:4:13: strings.audience: unknown placeholder {publikum}; missing "
        "{audience} (the English text has {audience})",
        "1 problem found.",
    ]


# --- language -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("german", "unknown language 'german' (did you mean 'de', German?)"),
        ("Deutsch", "unknown language 'Deutsch' (did you mean 'de', German?)"),
        ("DE", "unknown language 'DE' (did you mean 'de', German?)"),
        ("de_AT", "unknown language 'de_AT' (did you mean 'de', German?)"),
        ("pt_br", "unknown language 'pt_br' (did you mean 'pt-BR', Portuguese (Brazil)?)"),
        ("fra", "unknown language 'fra' (did you mean 'fr', French?)"),
        ("frnch", "unknown language 'frnch' (did you mean 'fr', French?)"),
        (
            "klingon",
            "unknown language 'klingon': use the code of a language Material speaks, such as "
            "'en', 'de', 'fr' or 'pt-BR'",
        ),
    ],
)
def test_an_unknown_language_suggests_the_code_of_the_one_meant(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, written: str, message: str
) -> None:
    root = project(tmp_path, f"language: {written}\n")
    assert validate_lines(root, monkeypatch) == [
        f"playbooks/default.yaml:7:11: language: {message}",
        "1 problem found.",
    ]


def test_every_language_material_speaks_is_accepted(tmp_path: Path) -> None:
    root = project(tmp_path)
    playbook = root / "playbooks" / "default.yaml"
    text = playbook.read_text(encoding="utf-8")
    assert {"en", "de", "fr", "pt-BR", "zh-TW"} <= set(known_languages())
    for language in known_languages():
        playbook.write_text(text + f"language: {language}\n", encoding="utf-8")
        assert_exit(run("validate", "--project", root), 0)


# --- the German translation ---------------------------------------------------------------------


def test_the_german_translation_has_every_key_with_the_english_placeholders() -> None:
    data = yaml.safe_load(GERMAN.read_text(encoding="utf-8"))
    assert list(data) == ["strings"]
    german = data["strings"]
    assert sorted(german) == sorted(ALL_STRINGS)
    problems = {key: placeholder_problem(key, text) for key, text in german.items()}
    assert {key: problem for key, problem in problems.items() if problem} == {}
    assert all(isinstance(text, str) and text.strip() for text in german.values())
    # Translated, not copied: only words German shares with English may stay as they are.
    same = sorted(key for key, text in german.items() if text == ALL_STRINGS[key])
    assert same == [
        "index_title",
        "recommend",
        "sheet_name",  # "Name:", the same word in German
        "team_col_median",
        "team_csv_team",  # "Team", the same word in German
        "team_legend_median",
        "team_median_item",
    ]
    assert translated_languages() == ["de"]
    assert translation("de") == german


def test_the_german_file_is_a_strings_block_a_playbook_takes_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path, GERMAN.read_text(encoding="utf-8"))
    monkeypatch.chdir(root)
    assert_exit(run("validate"), 0)


def test_language_de_uses_the_german_strings_and_the_playbooks_own_win(tmp_path: Path) -> None:
    root = project(
        tmp_path, "language: de\nstrings:\n  heading_steps: Vorgehen\n  reset_checklist: Neu\n"
    )
    site = tmp_path / "site"
    assert_exit(run("build", "--strict", "--project", root, "--site-dir", site), 0)
    page = (site / "practices" / "alpha" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in page
    assert '<h2 id="warum-es-wichtig-ist">Warum es wichtig ist' in page
    assert '<h2 id="vorgehen">Vorgehen' in page
    assert "Steps to take" not in page and "Why it matters" not in page
    assert "Erstellt mit" in page and "Made with" not in page
    missing = (site / "404.html").read_text(encoding="utf-8")
    assert "<h1>404 – Seite nicht gefunden</h1>" in missing and "Not found" not in missing
    home = (site / "index.html").read_text(encoding="utf-8")
    # The navigation's own titles.
    assert re.search(
        r'class="md-nav__link[^"]*"[^>]*>\s*<span class="md-ellipsis">\s*Start\b', home
    )
    assert "Praktiken" in home and ">Practices<" not in home
    config = site_config(site)
    assert config["strings"]["progress"] == "{done} von {total} erledigt"
    assert config["strings"]["reset_checklist"] == "Neu"
    assert config["strings"]["score"] == "Dein Ergebnis: {score} von 100"
    assert set(config["strings"]) == set(DEFAULT_STRINGS)


def test_interface_strings_layer_english_the_translation_and_the_playbook() -> None:
    strings = interface_strings("de", {"progress": "{done}/{total}"})
    assert strings["progress"] == "{done}/{total}"
    assert strings["reset_checklist"] == "Checkliste zurücksetzen"
    assert interface_strings("fr", {}) == ALL_STRINGS  # no French file: English
    assert interface_strings(None, {}) == ALL_STRINGS


# --- playbook strings ---------------------------------------------------------------------------


def test_playbook_strings_prints_every_key_with_its_placeholders_and_text() -> None:
    result = run("strings")
    assert_exit(result, 0)
    lines = result.output.splitlines()
    assert lines[0] == "Strings shown by the browser script:"
    assert lines[1].split() == ["KEY", "PLACEHOLDERS", "TEXT", "(en)"]
    assert "  progress                      done total            {done} of {total} done" in lines
    assert "  nav_home                                            Home" in lines
    rows = [line.split()[0] for line in lines if line.startswith("  ") and "KEY" not in line]
    assert rows == list(ALL_STRINGS)
    headings = [line for line in lines if line.startswith("Strings ")]
    assert headings == [
        "Strings shown by the browser script:",
        "Strings on the generated pages and in the navigation:",
        "Strings elsewhere on the site (the build --all index page, the theme):",
    ]


def test_playbook_strings_in_german() -> None:
    result = run("strings", "--language", "de")
    assert_exit(result, 0)
    assert "  progress                      done total            {done} von {total} erledigt" in (
        result.output.splitlines()
    )


def test_playbook_strings_as_yaml_is_a_block_to_paste(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run("strings", "--format", "yaml")
    assert_exit(result, 0)
    assert yaml.safe_load(result.output) == {"strings": ALL_STRINGS}
    assert "  # progress: keep {done} and {total}\n" in result.output
    assert '  progress: "{done} of {total} done"\n' in result.output
    root = project(tmp_path, result.output)
    monkeypatch.chdir(root)
    assert_exit(run("validate"), 0)
    german = run("strings", "--format", "yaml", "--language", "de")
    assert yaml.safe_load(german.output) == {"strings": translation("de")}


def test_playbook_strings_refuses_a_language_without_a_translation() -> None:
    result = run("strings", "--language", "fr")
    assert_exit(result, 2)
    assert result.output.endswith(
        "Error: Invalid value for '--language': 'fr' is not one of 'en', 'de'.\n"
    )


# --- the schema ---------------------------------------------------------------------------------


def test_the_playbook_schema_lists_every_string_with_its_english_text() -> None:
    schema = json_schema("playbook")
    strings = schema["$defs"]["Strings"]
    assert list(strings["properties"]) == list(ALL_STRINGS)
    assert strings["additionalProperties"] is False
    assert strings["properties"]["progress"] == {
        "type": "string",
        "minLength": 1,
        "description": "English: {done} of {total} done\n\nPlaceholders to keep: {done} and "
        "{total}.",
        "default": "{done} of {total} done",
    }
    assert strings["properties"]["nav_home"]["description"] == "English: Home"
    playbook = {"site": {"name": "N", "description": "D"}, "practices": ["alpha"]}
    german = yaml.safe_load(GERMAN.read_text(encoding="utf-8"))
    jsonschema.validate({**playbook, **german, "language": "de"}, schema)
    jsonschema.validate({"extend": "default", **german}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**playbook, "strings": {"reset_checklst": "Neu"}}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**playbook, "language": "german"}, schema)


def test_a_new_project_carries_the_strings_in_its_schema(tmp_path: Path) -> None:
    assert_exit(run("new", tmp_path / "mine"), 0)
    written = json.loads(
        (tmp_path / "mine" / "schemas" / "playbook.schema.json").read_text(encoding="utf-8")
    )
    assert list(written["$defs"]["Strings"]["properties"]) == list(ALL_STRINGS)


def test_the_groups_of_strings_do_not_overlap_and_site_strings_are_used() -> None:
    assert not set(SITE_STRINGS) & (set(DEFAULT_STRINGS) | set(PAGE_STRINGS))
    root = Path(__file__).resolve().parent.parent / "generator"
    sources = "".join(
        (root / name).read_text("utf-8")
        for name in ("build.py", "docs_tree.py", "mkdocs_config.py", "pipeline.py")
    )
    used = set(re.findall(r"""["']([a-z_]+)["']""", sources))
    assert [key for key in SITE_STRINGS if key not in used] == []


# --- the build --all index page -----------------------------------------------------------------


def test_the_all_index_page_is_branded_and_translated(project_copy: Path, tmp_path: Path) -> None:
    default = project_copy / "playbooks" / "default.yaml"
    default.write_text(
        default.read_text(encoding="utf-8")
        + textwrap.dedent(
            """\
            language: de
            strings:
              index_title: Unsere Playbooks
            """
        ),
        encoding="utf-8",
    )
    text = default.read_text(encoding="utf-8")
    default.write_text(
        text.replace(
            "site:\n", 'site:\n  palette: {primary: "#5d4037"}\n  logo: ../logo.svg\n', 1
        ),
        encoding="utf-8",
    )
    (project_copy / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" '
        'height="10"/></svg>',
        encoding="utf-8",
    )
    site = tmp_path / "site"
    assert_exit(run("build", "--project", project_copy, "--all", "--site-dir", site), 0)
    index = (site / "index.html").read_text(encoding="utf-8")
    assert index.startswith('<!doctype html>\n<html lang="de">\n')
    assert "<title>Unsere Playbooks · Reciprocal Working Relationships</title>" in index
    assert '<meta name="description" content="Die hier veröffentlichten Playbooks.">' in index
    assert (
        '<header class="pb-brand"><img src="default/assets/brand/logo.svg" alt=""> '
        "<span>Reciprocal Working Relationships</span></header>"
    ) in index
    assert ".pb-brand{background:#5d4037;color:#ffffff;" in index
    assert "a{color:#5d4037}" in index
    assert "<h1>Unsere Playbooks</h1>\n  <p>Wähle ein Playbook:</p>" in index
    assert (site / "default" / "assets" / "brand" / "logo.svg").is_file()
    favicon = re.findall(r'<link rel="icon" href="([^"]+)">', index)
    assert favicon == ["default/assets/images/favicon.png"]
    assert (site / favicon[0]).is_file()
    assert "Playbooks</h1>" not in index.replace("Unsere Playbooks</h1>", "")


def test_the_index_page_takes_the_playbooks_own_favicon_and_the_mkdocs_colour(
    project_copy: Path, tmp_path: Path
) -> None:
    default = project_copy / "playbooks" / "default.yaml"
    text = default.read_text(encoding="utf-8")
    default.write_text(text.replace("site:\n", "site:\n  favicon: ../icon.png\n", 1), "utf-8")
    # A real PNG: Material's own favicon.
    icon = (MATERIAL / "templates" / "assets" / "images" / "favicon.png").read_bytes()
    (project_copy / "icon.png").write_bytes(icon)
    site = tmp_path / "site"
    assert_exit(run("build", "--project", project_copy, "--all", "--site-dir", site), 0)
    index = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in index
    assert "<title>Playbooks · Reciprocal Working Relationships</title>" in index
    # mkdocs.yml's teal, as the tool darkens it on the playbooks' pages.
    assert ".pb-brand{background:#00796b;color:#ffffff;" in index
    assert '<link rel="icon" href="default/assets/brand/favicon.png">' in index
    assert (site / "default" / "assets" / "brand" / "favicon.png").read_bytes() == icon
