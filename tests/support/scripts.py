"""The interface strings a built site's scripts carry: the shared script's config line and
what each part's script adds to it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CONFIG = "window.PLAYBOOK_CONFIG = "
ADDED = "Object.assign(window.PLAYBOOK_CONFIG.strings, "


def site_config(site: Path) -> dict[str, Any]:
    """The config of the site's scripts, ``strings`` holding every part's strings too."""
    shared = (site / "assets" / "playbook.js").read_text(encoding="utf-8")
    line = shared.split("\n", 1)[0]
    assert line.startswith(CONFIG) and line.endswith(";"), line[:80]
    config: dict[str, Any] = json.loads(line.removeprefix(CONFIG)[:-1])
    shared = set(config["strings"])
    for part in sorted((site / "assets").glob("playbook-*.js")):
        first = part.read_text(encoding="utf-8").split("\n", 1)[0]
        if first.startswith(ADDED):
            added = json.loads(first.removeprefix(ADDED).removesuffix(");"))
            # A part adds what the shared script lacks; two parts may add the same, alike.
            assert not set(added) & shared, part.name
            assert all(config["strings"].get(k, v) == v for k, v in added.items()), part.name
            config["strings"].update(added)
    return config
