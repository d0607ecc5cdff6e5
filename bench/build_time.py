"""Build time of `playbook build` against `mkdocs build` of the same Markdown, by playbook size.

For each size, a synthetic project (bench/synthetic.py) is built by `playbook build`; then
plain Material (bench/plain_material.py) builds the very same generated Markdown twice with
`mkdocs build`: once with the same navigation, once with every practice in one flat section.
Each command runs as a subprocess and is timed in wall-clock and in CPU seconds (user + system):
the builds are single-threaded, so on an idle machine the two agree, and on a busy one CPU
time is the figure that does not depend on the neighbours. `playbook build` runs through
``--cpu-clock-build``, the same command with its own timers reading CPU time, so that the
generator's share (load, validate, render) is in CPU seconds too.
Run alone: .venv/bin/python bench/build_time.py [--sizes 5 100] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from plain_material import write_plain_config
from synthetic import write_project

BIN = Path(sys.executable).parent  # the virtualenv running this script
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
CLI_TIMES = re.compile(
    r"\(playbook (?P<generator>[\d.]+) s, (?:MkDocs|Zensical) (?P<engine>[\d.]+) s\)"
)


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float


@dataclass(frozen=True)
class SizeResult:
    practices: int
    pages: int
    playbook: Timing
    generator_cpu: float  # load, validate, render, inside the playbook build
    mkdocs_cpu: float  # MkDocs, inside the playbook build
    same_nav: Timing
    flat_nav: Timing
    #: Each round's ratio of `playbook build` to plain Material, builds run one after the
    #: other: their median follows the machine's drift less than a ratio of medians does.
    same_ratios: tuple[float, ...]
    flat_ratios: tuple[float, ...]
    #: `playbook build --engine zensical` of the same project, and each round's ratio of it
    #: to the MkDocs build just before it (None where Zensical is not installed).
    zensical: Timing | None = None
    zensical_ratios: tuple[float, ...] = ()

    @property
    def generator_share(self) -> float:
        return self.generator_cpu / self.playbook.cpu

    @property
    def versus_same(self) -> float:
        return statistics.median(self.same_ratios)

    @property
    def versus_flat(self) -> float:
        return statistics.median(self.flat_ratios)

    @property
    def zensical_versus_mkdocs(self) -> float | None:
        return statistics.median(self.zensical_ratios) if self.zensical_ratios else None


def timed(command: list[str], cwd: Path) -> tuple[Timing, str]:
    """Run ``command``; its wall and CPU time (its own and its children's) and its output."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    assert process.stdout is not None
    output = process.stdout.read().decode("utf-8", errors="replace")
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}):\n{output}")
    return Timing(wall, usage.ru_utime + usage.ru_stime), output


def cpu_clock_build(arguments: list[str]) -> None:
    """`playbook build ARGUMENTS` with the command's own timers reading CPU time."""
    import types

    import generator.build
    from generator.cli import main

    # The module's clock only: what the command does and prints stays the same.
    generator.build.time = types.SimpleNamespace(perf_counter=time.process_time)
    main(["build", *arguments])


def median_timing(timings: list[Timing]) -> Timing:
    return Timing(
        statistics.median(t.wall for t in timings), statistics.median(t.cpu for t in timings)
    )


def measure_size(practices: int, runs: int, tmp: Path) -> SizeResult:
    root = write_project(tmp / f"project-{practices}", practices)
    generated = root / "build" / "default" / "mkdocs.yml"
    builds: list[Timing] = []
    generator_cpu: list[float] = []
    mkdocs_cpu: list[float] = []
    same: list[Timing] = []
    flat: list[Timing] = []
    zensical: list[Timing] = []
    pages = 0
    for index in range(runs):
        site = tmp / f"site-{practices}-{index}"
        command = [sys.executable, __file__, "--cpu-clock-build", "--site-dir", str(site)]
        timing, output = timed(command, root)
        found = CLI_TIMES.search(output)
        if found is None:
            raise RuntimeError(f"no timings in the output of playbook build:\n{output}")
        builds.append(timing)
        generator_cpu.append(float(found["generator"]))
        mkdocs_cpu.append(float(found["engine"]))
        pages = sum(1 for _ in site.rglob("index.html"))
        for label, results in (("same", same), ("flat", flat)):
            config = write_plain_config(
                generated,
                tmp / f"{label}-{practices}.yml",
                tmp / f"{label}-{practices}-{index}",
                flat=label == "flat",
            )
            results.append(timed([str(BIN / "mkdocs"), "build", "-q", "-f", str(config)], root)[0])
        if zensical_installed():
            # After plain Material, which builds the docs tree as rendered for MkDocs.
            zensical_site = tmp / f"zensical-{practices}-{index}"
            zensical.append(timed([*command[:-1], str(zensical_site), *ZENSICAL], root)[0])
        print(f"  {practices} practices: round {index + 1}/{runs} done", file=sys.stderr)
    return SizeResult(
        practices,
        pages,
        median_timing(builds),
        statistics.median(generator_cpu),
        statistics.median(mkdocs_cpu),
        median_timing(same),
        median_timing(flat),
        tuple(b.cpu / p.cpu for b, p in zip(builds, same, strict=True)),
        tuple(b.cpu / p.cpu for b, p in zip(builds, flat, strict=True)),
        median_timing(zensical) if zensical else None,
        tuple(z.cpu / b.cpu for z, b in zip(zensical, builds, strict=True)) if zensical else (),
    )


#: The arguments that make `playbook build` use Zensical.
ZENSICAL = ["--engine", "zensical"]


def zensical_installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("zensical") is not None


def measure(sizes: list[int], runs: int) -> list[SizeResult]:
    with tempfile.TemporaryDirectory(prefix="playbook-bench-build-") as tmp:
        return [measure_size(size, runs, Path(tmp)) for size in sizes]


def table(results: list[SizeResult]) -> list[str]:
    lines = [
        "| practices | pages | `playbook build` | its generator (share) | its MkDocs "
        "| plain Material, same nav | ratio | plain Material, flat nav | ratio "
        "| `--engine zensical` | ratio to MkDocs |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        versus = r.zensical_versus_mkdocs
        lines.append(
            f"| {r.practices} | {r.pages} | {_seconds(r.playbook)} "
            f"| {r.generator_cpu:.2f} s ({r.generator_share:.0%}) | {r.mkdocs_cpu:.2f} s "
            f"| {_seconds(r.same_nav)} | {r.versus_same:.2f}× "
            f"| {_seconds(r.flat_nav)} | {r.versus_flat:.2f}× "
            f"| {_seconds(r.zensical) if r.zensical else '-'} "
            f"| {f'{versus:.2f}×' if versus is not None else '-'} |"
        )
    return lines


def _seconds(timing: Timing) -> str:
    return f"{timing.cpu:.2f} s ({timing.wall:.2f} s)"


def main() -> None:
    if sys.argv[1:2] == ["--cpu-clock-build"]:
        cpu_clock_build(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description="Time playbook build against plain Material.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 100, 1000])
    parser.add_argument("--runs", type=int, default=1, help="rounds per size (median)")
    args = parser.parse_args()
    results = measure(args.sizes, args.runs)
    print("\n".join(table(results)))


if __name__ == "__main__":
    main()
