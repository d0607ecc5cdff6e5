"""The settings line the build puts before the browser script."""

from __future__ import annotations

import json
import re
from importlib import resources

from generator.scripts import module_text
from generator.ui import DEFAULT_STRINGS, PAGE_STRINGS, STORAGE_VERSION, fill, script_config


def test_script_config_is_one_assignment_of_json() -> None:
    line = script_config("default")
    assert line.startswith("window.PLAYBOOK_CONFIG = ") and line.endswith(";\n")
    config = json.loads(line.removeprefix("window.PLAYBOOK_CONFIG = ").removesuffix(";\n"))
    assert config == {
        "site": "default",
        "version": STORAGE_VERSION,
        "styles": ["health", "team", "home"],
        "strings": DEFAULT_STRINGS,
    }


def test_script_config_can_carry_some_strings_only() -> None:
    line = script_config("default", {"export": "Raus"}, {"export", "progress"})
    config = json.loads(line.removeprefix("window.PLAYBOOK_CONFIG = ").removesuffix(";\n"))
    assert config["strings"] == {"export": "Raus", "progress": DEFAULT_STRINGS["progress"]}


def test_script_config_text_cannot_end_a_script_or_a_line() -> None:
    hostile = "</script><script>alert(1)</script> & \u2028 \u2029"
    line = script_config("default", {"export": hostile})
    for forbidden in ("<", ">", "&", "\u2028", "\u2029"):
        assert forbidden not in line
    config = json.loads(line.removeprefix("window.PLAYBOOK_CONFIG = ").removesuffix(";\n"))
    assert config["strings"]["export"] == hostile
    assert config["strings"]["import"] == DEFAULT_STRINGS["import"]


def test_every_string_the_script_uses_has_a_default() -> None:
    script = module_text()
    # Words by key (t("key")), and the core's errors, which the interface words.
    used = set(re.findall(r'\bt\("([a-z_]+)"', script)) | set(
        re.findall(r'\berror: "([a-z_]+)"', script)
    )
    assert used and used <= set(DEFAULT_STRINGS), sorted(used - set(DEFAULT_STRINGS))
    assert set(DEFAULT_STRINGS) <= used, sorted(set(DEFAULT_STRINGS) - used)


def test_the_script_has_no_storage_version_of_its_own() -> None:
    """The version is STORAGE_VERSION alone, sent in the config: no module writes a number."""
    script = module_text()
    assert re.findall(r"\bVERSION\b\s*=\s*[^;]*", script) == ["VERSION = config.version"]


def test_every_page_string_is_used_and_every_used_one_has_a_default() -> None:
    root = resources.files("generator")
    sources = [(root / "render.py").read_text("utf-8")] + [
        entry.read_text("utf-8") for entry in (root / "templates").iterdir()
    ]
    used = {key for text in sources for key in re.findall(r'\b(?:t|attr)\("([a-z_]+)"', text)}
    assert used == set(PAGE_STRINGS), sorted(used ^ set(PAGE_STRINGS))
    assert not set(PAGE_STRINGS) & set(DEFAULT_STRINGS)


def test_fill_leaves_unknown_placeholders_and_braces_alone() -> None:
    assert fill("{done} of {total} {unknown} {", {"done": 1, "total": 2}) == "1 of 2 {unknown} {"
