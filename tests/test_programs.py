"""Every program a test or a bench script runs is installed by tests/setup.sh: the programs from
outside the virtual environment are listed, with their Debian packages, in tests/programs.tsv,
which the setup reads, and a test or bench script that runs a program not listed there fails
here before it fails on a clean machine."""

from __future__ import annotations

import ast
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LIST = REPO / "tests" / "programs.tsv"
#: What the package's install puts into the virtual environment beside Python (pyproject.toml).
VENV = {"playbook", "ruff", "mypy", "mkdocs", "zensical", "mutmut", "pip"}
RUNNERS = {"run", "Popen", "check_output", "check_call", "call"}


def listed() -> dict[str, list[str]]:
    """Program -> its Debian packages, as tests/setup.sh reads them."""
    programs = {}
    for line in LIST.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            program, packages = line.split("\t")
            programs[program] = packages.split()
    return programs


def first_word(node: ast.expr, lists: dict[str, str]) -> str | None:
    """The program a command's first argument names, where it is written out: a string, a
    list or tuple starting with one, or with ``*name`` of such a list (``lists``)."""
    if isinstance(node, ast.List | ast.Tuple) and node.elts:
        node = node.elts[0]
        if isinstance(node, ast.Starred) and isinstance(node.value, ast.Name):
            return lists.get(node.value.id)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return Path(node.value.split()[0]).name if node.value.strip() else None
    return None


def programs_run(path: Path) -> set[str]:
    """Programs ``path`` runs by name: subprocess calls and shutil.which look-ups, and a list
    handed to any function called like a runner (a test's own ``run([...])``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lists = {
        target.id: word
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.List | ast.Tuple)
        for target in node.targets
        if isinstance(target, ast.Name) and (word := first_word(node.value, {})) is not None
    }
    found = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        module = getattr(func.value, "id", None) if isinstance(func, ast.Attribute) else None
        argument = node.args[0]
        if module in ("subprocess", "shutil") and name in RUNNERS | {"which"}:
            word = first_word(argument, lists)
        elif name in RUNNERS and isinstance(argument, ast.List | ast.Tuple):
            word = first_word(argument, lists)
        else:
            word = None
        if word is not None:
            found.add(word)
    return found


def scripts() -> list[Path]:
    return sorted([*(REPO / "tests").rglob("*.py"), *(REPO / "bench").glob("*.py")])


def test_the_list_names_a_package_for_each_program() -> None:
    programs = listed()
    assert {"chromium", "pdftotext", "node", "npm", "git"} <= programs.keys()
    assert all(packages for packages in programs.values())
    assert "tests/programs.tsv" in (REPO / "tests" / "setup.sh").read_text(encoding="utf-8")


def test_every_program_a_test_or_bench_script_runs_is_installed_by_the_setup() -> None:
    allowed = listed().keys() | VENV | {Path(sys.executable).name}
    unlisted = {
        f"{path.relative_to(REPO)}: {program}"
        for path in scripts()
        if "node_modules" not in path.parts
        for program in programs_run(path) - allowed
    }
    assert unlisted == set(), "add them to tests/programs.tsv with their Debian packages"


def test_the_scan_finds_the_programs_it_should() -> None:
    """The scan is not blind: the print tests' pdftotext and the wheel test's git are found."""
    found = set().union(*(programs_run(path) for path in scripts()))
    assert {"pdftotext", "git", "node", "npm"} <= found


def test_every_listed_program_is_on_this_machine() -> None:
    missing = [program for program in listed() if shutil.which(program) is None]
    assert missing == [], "run `bash tests/setup.sh`"
