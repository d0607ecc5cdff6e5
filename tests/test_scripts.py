"""The browser script's modules joined into the site's scripts (generator/scripts.py): only
the module syntax the joiner handles, each part's script parses, and each carries what it
needs and no more."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator import scripts
from generator.compact import compact_script, compact_stylesheet
from generator.mkdocs_config import generated_assets
from generator.ui import DEFAULT_STRINGS, script_config


def test_every_module_keeps_to_the_joinable_subset() -> None:
    names = scripts.module_names()
    assert len(names) >= 20
    assert [
        p for name in names for p in scripts.module_problems(name, scripts.module_source(name))
    ] == []


@pytest.mark.parametrize(
    "line",
    [
        'import x from "./shapes.mjs";',
        'import * as shapes from "./shapes.mjs";',
        'import { has as own } from "./shapes.mjs";',
        'import { has } from "../shapes.mjs";',
        "export default 1;",
        "export { has };",
        "export let count = 0;",
        "export class Store {}",
        "  export const nested = 1;",
        'const later = import("./shapes.mjs");',
        "const here = import.meta.url;",
    ],
)
def test_anything_else_is_refused(line: str) -> None:
    problems = scripts.module_problems("bad.mjs", f"const a = 1;\n{line}\n")
    assert problems and all(p.startswith("bad.mjs: not joinable") for p in problems)


def test_the_allowed_forms_pass() -> None:
    text = (
        'import { has, get } from "./shapes.mjs";\nimport {\n  score,\n} from "./scoring.mjs";\n'
        'import "./page.mjs";\nexport const a = 1;\nexport function b() {}\n'
        "export async function c() {}\n/* import this, export that */\n"
    )
    assert scripts.module_problems("good.mjs", text) == []


def test_every_bundle_parses_and_declares_each_name_once(tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node is not None, "node is needed: run bash tests/setup.sh"
    files = scripts.script_files(script_config("default", DEFAULT_STRINGS), DEFAULT_STRINGS)
    assert sorted(files) == [
        "playbook-health.js",
        "playbook-home.js",
        "playbook-practice.js",
        "playbook-team.js",
        "playbook-upgrades.js",
        "playbook.js",
    ]
    for name, text in files.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result = subprocess.run([node, "--check", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, name + result.stderr
        assert "import " not in re.sub(r'"[^"\n]*"', "", text).replace("import data", "")


def test_a_name_declared_by_two_modules_of_one_bundle_is_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sources = {
        "entry.mjs": 'import { a } from "./one.mjs";\nimport "./two.mjs";\nconst c = a;\n',
        "one.mjs": "export const a = 1;\nconst b = 2;\n",
        "two.mjs": "const b = 3;\n",
    }
    monkeypatch.setattr(scripts, "module_source", sources.__getitem__)
    monkeypatch.setattr(scripts, "SHARED_ENTRY", "entry.mjs")
    with pytest.raises(ValueError, match="two.mjs and one.mjs both declare b"):
        scripts.joined("entry.mjs")
    sources["two.mjs"] = 'import { c } from "./one.mjs";\n'
    with pytest.raises(ValueError, match="two.mjs imports c from one.mjs"):
        scripts.joined("entry.mjs")
    sources["two.mjs"] = 'import "./entry.mjs";\n'
    with pytest.raises(ValueError, match="modules import one another"):
        scripts.joined("entry.mjs")


def test_the_core_is_shared_and_each_part_takes_what_it_uses_from_it() -> None:
    shared = scripts.shared_modules()
    assert {"storage.mjs", "shapes.mjs", "page.mjs", "wiring.mjs"} <= shared
    practice = scripts.in_order("part-practice.mjs", shared)
    assert practice[-1] == "part-practice.mjs"
    unused = {"chart.mjs", "health.mjs", "team.mjs", "home.mjs", "transfer.mjs", "upgrades.mjs"}
    assert not unused & {*shared, *practice}
    # Older data's upgrades: a script of their own, and the home page's import (older files).
    assert scripts.in_order("part-upgrades.mjs", shared) == ["upgrades.mjs", "part-upgrades.mjs"]
    assert {"transfer.mjs", "upgrades.mjs"} <= {*scripts.in_order("part-home.mjs", shared)}
    assert "teamcodes.mjs" in scripts.in_order("part-team.mjs", shared)
    text = scripts.joined("part-practice.mjs")
    assert text.startswith('(() => {\n"use strict";\nconst { ') and "} = window.Playbook;" in text
    assert "window.Playbook = Object.freeze({" in scripts.joined(scripts.SHARED_ENTRY)


def test_each_script_carries_the_strings_it_names_once() -> None:
    files = scripts.script_files("", DEFAULT_STRINGS)
    shared = scripts.shared_string_keys(DEFAULT_STRINGS)
    assert {"storage_unavailable", "skip_to_checklist"} <= shared
    assert "team_refused_check" not in shared
    team = files["playbook-team.js"].split("\n", 1)[0]
    assert team.startswith("Object.assign(window.PLAYBOOK_CONFIG.strings, {")
    assert '"team_refused_check":' in team and '"storage_unavailable":' not in team
    assert '"import_not_json":' in files["playbook-home.js"].split("\n", 1)[0]


def test_every_page_gets_the_shared_files_and_the_site_every_file() -> None:
    assert generated_assets([], ".js") == ["assets/playbook.js"]
    assert generated_assets(["x.css"], ".css") == ["assets/playbook.css", "x.css"]
    names = scripts.asset_names()
    assert len(names) == len(set(names)) == 1 + 3 + 1 + 5
    assert set(names) == {*scripts.stylesheet_files(), *scripts.script_files("", {})}


def test_every_script_is_compacted() -> None:
    """compact_script copies a script unchanged when a line holds an odd number of backticks:
    none of the joined ones may."""
    files = scripts.script_files("", {})
    entries = {"playbook.js": scripts.SHARED_ENTRY} | {
        f"playbook-{part}.js": entry for part, (entry, _) in scripts.PARTS.items()
    }
    for name, entry in entries.items():
        assert len(files[name]) < 0.8 * len(scripts.joined(entry)), name


@pytest.mark.parametrize(
    ("name", "added", "at_most"),
    [
        ("playbook.js", "const edited = 1;\n", 0.7),
        ("playbook-practice.js", "const edited = 1;\n", 0.7),
        ("playbook.css", ".pb-edited { color: red; }\n", 0.95),
    ],
)
def test_readers_get_the_minified_copy_while_it_was_made_from_the_modules(
    name: str, added: str, at_most: float
) -> None:
    """The copy in assets/dist is served while the modules still join to what it was made
    from; an edited module is served at once, compacted (never a stale copy)."""
    compact = compact_stylesheet if name.endswith(".css") else compact_script
    source = scripts.bundle_sources()[name]
    shipped = (Path(scripts.__file__).parent / "assets" / "dist" / name).read_text("utf-8")
    assert scripts.smaller(name, source) == shipped
    assert len(shipped) < at_most * len(compact(source))

    edited = source + added
    assert scripts.smaller(name, edited) == compact(edited)
    assert compact(edited).endswith(added)
