"""How long does `playbook build` take, and how much of that is MkDocs?

Builds the default playbook in-process (generator and MkDocs timed apart), runs MkDocs alone on
the generated build/default/mkdocs.yml, and times both command lines as subprocesses, which
also pay Python start-up. One warm-up round first, then N rounds; every site goes into a
temporary folder. Run: .venv/bin/python bench/build_time.py [--runs N] [--project DIR]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from generator.build import render_docs_tree, resolve_playbook_name, run_mkdocs_build
from generator.validate import load_project

PLAYBOOK = "default"
BIN = Path(sys.executable).parent  # the virtualenv running this script
GENERATOR = "playbook build: generator (load, validate, render)"
MKDOCS_SHARE = "playbook build: MkDocs share"
FULL = "playbook build: total, in-process"
MKDOCS_ALONE = "run_mkdocs_build alone, same mkdocs.yml"
CLI_PLAYBOOK = "`playbook build` subprocess"
CLI_MKDOCS = "`mkdocs build -q` subprocess, same mkdocs.yml"


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def run(command: list[str], cwd: Path) -> None:
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def one_round(root: Path, config_file: Path, tmp: Path, index: int) -> dict[str, float]:
    """Time each way of building once; every build gets a fresh, empty site folder."""

    def site(label: str) -> Path:
        folder = tmp / f"{label}-{index}"
        folder.mkdir()
        return folder

    times: dict[str, float] = {}
    started = time.perf_counter()
    project = load_project(root)
    name = resolve_playbook_name(project, PLAYBOOK)
    report = render_docs_tree(project, name, site_dir=site("playbook"))
    times[GENERATOR] = time.perf_counter() - started
    times[MKDOCS_SHARE] = timed(lambda: run_mkdocs_build(report.config_file, strict=False))
    times[FULL] = times[GENERATOR] + times[MKDOCS_SHARE]
    times[MKDOCS_ALONE] = timed(
        lambda: run_mkdocs_build(config_file, strict=False, site_dir=site("alone"))
    )
    playbook_cli = [str(BIN / "playbook"), "build", "--project", str(root)]
    times[CLI_PLAYBOOK] = timed(lambda: run([*playbook_cli, "--site-dir", str(site("cli"))], root))
    mkdocs_cli = [str(BIN / "mkdocs"), "build", "-q", "-f", str(config_file.relative_to(root))]
    times[CLI_MKDOCS] = timed(lambda: run([*mkdocs_cli, "-d", str(site("mkdocs"))], root))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description="Time playbook build against mkdocs build.")
    parser.add_argument("--runs", type=int, default=5, help="timed rounds (default: 5)")
    parser.add_argument(
        "--project",
        type=Path,
        default=Path(__file__).resolve().parent.parent,
        help="project folder (default: the repository root)",
    )
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    root: Path = args.project.resolve()
    config_file = root / "build" / PLAYBOOK / "mkdocs.yml"

    results: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="playbook-bench-") as tmp:
        one_round(root, config_file, Path(tmp), 0)  # warm-up: imports, caches, docs tree
        for index in range(1, args.runs + 1):
            for what, seconds in one_round(root, config_file, Path(tmp), index).items():
                results.setdefault(what, []).append(seconds)
            print(f"round {index}/{args.runs} done", file=sys.stderr)
    # The builds above wrote temporary site folders into the generated mkdocs.yml; put back
    # the docs tree `playbook render` makes, so the folder is left as a normal build leaves it.
    render_docs_tree(load_project(root), PLAYBOOK)

    print(f"Playbook '{PLAYBOOK}' in {root}, {args.runs} runs after one warm-up.\n")
    print("| what | median s | min s |")
    print("|---|---:|---:|")
    for what, values in results.items():
        print(f"| {what} | {statistics.median(values):.3f} | {min(values):.3f} |")
    share = statistics.median(results[GENERATOR]) / statistics.median(results[FULL])
    print(f"\ngenerator share: {share:.0%} of the playbook build (median)")


if __name__ == "__main__":
    main()
