"""The settings line the build puts before the browser script."""

from __future__ import annotations

import json
import re
from importlib import resources

from generator.ui import DEFAULT_STRINGS, STORAGE_VERSION, script_config


def test_script_config_is_one_assignment_of_json() -> None:
    line = script_config("default")
    assert line.startswith("window.PLAYBOOK_CONFIG = ") and line.endswith(";\n")
    config = json.loads(line.removeprefix("window.PLAYBOOK_CONFIG = ").removesuffix(";\n"))
    assert config == {"site": "default", "version": STORAGE_VERSION, "strings": DEFAULT_STRINGS}


def test_script_config_text_cannot_end_a_script_or_a_line() -> None:
    hostile = "</script><script>alert(1)</script> & \u2028 \u2029"
    line = script_config("default", {"export": hostile})
    for forbidden in ("<", ">", "&", "\u2028", "\u2029"):
        assert forbidden not in line
    config = json.loads(line.removeprefix("window.PLAYBOOK_CONFIG = ").removesuffix(";\n"))
    assert config["strings"]["export"] == hostile
    assert config["strings"]["import"] == DEFAULT_STRINGS["import"]


def test_every_string_the_script_uses_has_a_default() -> None:
    script = (resources.files("generator") / "assets" / "playbook.js").read_text("utf-8")
    used = set(re.findall(r'\bt\("([a-z_]+)"', script))
    assert used and used <= set(DEFAULT_STRINGS), sorted(used - set(DEFAULT_STRINGS))
    assert set(DEFAULT_STRINGS) <= used, sorted(set(DEFAULT_STRINGS) - used)
