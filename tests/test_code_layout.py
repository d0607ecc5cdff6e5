"""The package stays in rooms a newcomer can read in one sitting: no module of more than
MAX_LINES lines, and no two modules that import each other, even for types only."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
MAX_LINES = 400


def modules() -> dict[str, Path]:
    return {path.stem: path for path in sorted(PACKAGE.glob("*.py")) if path.stem != "__main__"}


def imports(path: Path) -> set[str]:
    """The package's modules that ``path`` imports, at any level of the file."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("generator."):
            found.add((node.module or "").split(".")[1])
    return found


def test_no_module_is_longer_than_a_sitting() -> None:
    lengths = {
        name: len(path.read_text(encoding="utf-8").splitlines())
        for name, path in modules().items()
    }
    assert {name: n for name, n in lengths.items() if n > MAX_LINES} == {}


def test_no_modules_import_each_other() -> None:
    known = modules()
    graph = {name: imports(path) & set(known) for name, path in known.items()}
    cycles = []

    def visit(name: str, trail: list[str]) -> None:
        for other in sorted(graph[name]):
            if other in trail:
                cycles.append(" -> ".join([*trail[trail.index(other) :], other]))
            elif other not in done:
                visit(other, [*trail, other])
        done.add(name)

    done: set[str] = set()
    for name in sorted(graph):
        visit(name, [name])
    assert cycles == []


def test_the_checks_see_the_imports_they_look_for() -> None:
    # A check that found no imports at all could not fail.
    assert {"project", "resolve", "loaded_project"} <= imports(PACKAGE / "pipeline.py") | imports(
        PACKAGE / "project.py"
    )
    assert "loaded_project" in imports(PACKAGE / "resolve.py")
