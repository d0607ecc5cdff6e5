"""The test suite's own layout: shared helpers in one place, test modules that stand alone.

Every module of tests/ that is not a test lives in tests/support/ (conftest.py holds the
fixtures any test may take), and no test module imports from another test module or from
conftest.py: a helper is found where tests/support/__init__.py says, and moving, renaming or
deleting a test module never breaks another.
"""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest
import support
from support.browser import ENGINES

TESTS = Path(__file__).resolve().parent
SUPPORT = TESTS / "support"
#: The modules whose imports are checked: the test modules and the helpers.
MODULES = sorted([*TESTS.glob("test_*.py"), *SUPPORT.rglob("*.py")])


def imported_names(path: Path) -> list[str]:
    """Every module name ``path`` imports or imports from, anywhere in it (inside functions
    too), with the names a ``from`` import takes, which may be modules too."""
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            names.append(module)
            names += [f"{module}.{alias.name}" for alias in node.names]
    return names


def is_test_module_or_conftest(name: str) -> bool:
    return any(part == "conftest" or part.startswith("test_") for part in name.split("."))


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.relative_to(TESTS).as_posix())
def test_no_module_imports_a_test_module_or_conftest(path: Path) -> None:
    found = [name for name in imported_names(path) if is_test_module_or_conftest(name)]
    assert found == [], (
        f"{path.name} imports {', '.join(found)}: move what it needs into tests/support/ "
        "and import it from there"
    )


def is_in_place(path: Path) -> bool:
    """A test module or conftest.py in tests/, or a helper (not a test) in tests/support/."""
    test = path.name.startswith("test_")
    if path.parent == TESTS:
        return test or path.name == "conftest.py"
    return SUPPORT in path.parents and not test


def test_every_helper_module_is_in_support() -> None:
    """Beside the test modules there is conftest.py alone; tests/support/ holds no tests."""
    stray = sorted(
        path.relative_to(TESTS).as_posix()
        for path in TESTS.rglob("*.py")
        if "node_modules" not in path.parts and not is_in_place(path)
    )
    assert stray == [], f"move these into tests/support/ (helpers) or name them test_*.py: {stray}"


def test_the_support_package_names_each_of_its_modules() -> None:
    """tests/support/__init__.py is the map of the helpers: it names every module there."""
    modules = [module.name for module in pkgutil.iter_modules(support.__path__)]
    assert modules, "tests/support/ has no modules"
    missing = [name for name in modules if f"``support.{name}``" not in (support.__doc__ or "")]
    assert missing == [], f"tests/support/__init__.py does not say what these hold: {missing}"


def test_at_most_a_fifth_of_the_browser_tests_run_again_on_each_further_engine() -> None:
    """The script's own logic is the same whatever builds the page: it is tested on the default
    engine; what the engine builds (marker every_engine) is tested on each."""
    listed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-n",
            "0",
            "--collect-only",
            "-q",
            "-m",
            "browser",
            str(TESTS),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=TESTS.parent,
    )
    ids = [line for line in listed.stdout.splitlines() if "::" in line]
    assert listed.returncode == 0, listed.stdout + listed.stderr
    default = [i for i in ids if f"[{ENGINES[0]}" in i or ENGINES[0] not in i]
    assert len(default) >= 150
    for engine in ENGINES[1:]:
        again = [i for i in ids if f"[{engine}" in i or f"-{engine}" in i]
        assert 0 < len(again) <= len(default) / 5, (engine, len(again), len(default))
