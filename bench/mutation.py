"""Mutation testing of the scoring, the HTML allow-list and the band checks, with mutmut.

mutmut changes these modules one small edit at a time (a ``<`` for a ``<=``, a constant, a
dropped call) and runs the tests that cover the changed function against each such mutant: a
mutant that no test fails on marks a case the tests do not pin down. The run happens in a
copy of the project in a temporary folder, so that mutmut's ``mutants/`` folder never lands
in the checkout. It takes a few minutes and is not part of the test suite (a CI may run it).

Needs the mutation extra: ``.venv/bin/pip install -e '.[test,mutation]'``.
Run: ``.venv/bin/python bench/mutation.py [--keep]``; prints every surviving mutant, then
``killed K of N mutants; survival rate S%``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTMUT = Path(sys.executable).parent / "mutmut"
#: The modules mutated, and the tests that judge them.
MUTATED = ("generator/scoring.py", "generator/safe_html.py", "generator/bands.py")
TESTS = (
    "tests/test_scoring.py",
    "tests/test_safe_html.py",
    "tests/test_band_checks.py",
    "tests/test_render_escaping.py",
)
COPIED = ("generator", "tests", "content", "playbooks", "mkdocs.yml", "pyproject.toml")


def _toml_list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(json.dumps(value) for value in values) + "]"


def _prepare(folder: Path) -> None:
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, folder / name)
    settings = (
        "\n[tool.mutmut]\n"
        'source_paths = ["generator"]\n'
        f"only_mutate = {_toml_list(MUTATED)}\n"
        f"pytest_add_cli_args_test_selection = {_toml_list(TESTS)}\n"
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-m", "not browser", "-q"]\n'
    )
    with (folder / "pyproject.toml").open("a", encoding="utf-8") as config:
        config.write(settings)


def _stats(folder: Path) -> dict[str, int]:
    subprocess.run([str(MUTMUT), "export-cicd-stats"], cwd=folder, check=True)
    stats: dict[str, int] = json.loads(
        (folder / "mutants" / "mutmut-cicd-stats.json").read_text(encoding="utf-8")
    )
    return stats


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", action="store_true", help="keep the temporary copy")
    arguments = parser.parse_args()
    if not MUTMUT.is_file():
        print("mutmut is not installed: .venv/bin/pip install -e '.[test,mutation]'")
        return 2
    folder = Path(tempfile.mkdtemp(prefix="playbook-mutation-"))
    try:
        _prepare(folder)
        subprocess.run([str(MUTMUT), "run"], cwd=folder, check=False)
        subprocess.run([str(MUTMUT), "results"], cwd=folder, check=False)
        stats = _stats(folder)
    finally:
        if arguments.keep:
            print(f"The copy with mutmut's results: {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    total = stats["total"]
    survived = stats["survived"] + stats.get("no_tests", 0)
    rate = 100 * survived / total if total else 0.0
    print(json.dumps(stats, indent=2))
    print(f"killed {stats['killed']} of {total} mutants; survival rate {rate:.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
