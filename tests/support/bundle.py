"""Makes the minified copies of the site's scripts and stylesheets in generator/assets/dist.

Run it after changing a module in generator/assets/js or a stylesheet in generator/assets/css:

    .venv/bin/python tests/support/bundle.py

It joins the modules as the generator does (generator/scripts.py), minifies every bundle with
terser and every stylesheet with Lightning CSS (tests/js/minify.mjs, at the versions
tests/js/package-lock.json pins) and writes the copies with made-from.json, which names the
text each copy was made from. tests/test_script_checks.py remakes them and fails when the
shipped ones differ.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from generator import scripts

ROOT = Path(__file__).resolve().parents[2]

DIST = ROOT / "generator" / "assets" / scripts.DIST
MINIFY = ROOT / "tests" / "js" / "minify.mjs"


def minified() -> dict[str, str]:
    """Every copy assets/dist should hold, by file name, made-from.json included."""
    node = shutil.which("node")
    if node is None:
        raise SystemExit("node is missing: run bash tests/setup.sh")
    if not (ROOT / "tests" / "js" / "node_modules" / "terser").exists():
        raise SystemExit("tests/js/node_modules is missing: run bash tests/setup.sh")
    sources = scripts.bundle_sources()
    result = subprocess.run(
        [node, str(MINIFY)],
        input=json.dumps(sources),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=ROOT,
    )
    if result.returncode:
        raise SystemExit(f"minifying failed:\n{result.stderr}")
    copies: dict[str, str] = json.loads(result.stdout)
    made_from = {name: scripts.digest(text) for name, text in sorted(sources.items())}
    copies[scripts.MADE_FROM] = json.dumps(made_from, indent=2) + "\n"
    return copies


def main() -> None:
    copies = minified()
    DIST.mkdir(exist_ok=True)
    for stale in DIST.iterdir():
        if stale.name not in copies:
            stale.unlink()
    for name, text in copies.items():
        (DIST / name).write_text(text, encoding="utf-8", newline="\n")
    print(f"{len(copies) - 1} copies written to {DIST.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
