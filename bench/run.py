"""Every benchmark in one run, side by side, each against its target: PASS or MISS.

1. Build time at 5, 100 and 1000 synthetic practices: `playbook build` against plain Material
   building the same Markdown with the same navigation, and with one flat navigation section
   (bench/build_time.py).
2. Live preview: from saving a YAML file to the rebuilt page under `playbook serve`
   (bench/preview.py).
3. Page weight: the tool's own script and stylesheet gzipped (bench/asset_weight.py), and all
   a practice page loads next to plain Material's same page (bench/page_weight.py).
4. Lighthouse for the home, a practice and the health check page, and plain Material's
   practice page for reference (bench/lighthouse.py).

The default playbook's pages (2 to 4) are served by bench/static_server.py, which compresses
and caches as a static host does. The exit status is 0 whether targets are met or not: the
script reports figures, it gates nothing.
Run: .venv/bin/python bench/run.py [--quick]  (--quick: no 1000 practices, no Lighthouse)
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import build_time
import lighthouse
import page_weight
import preview
from asset_weight import BUDGET, gzipped_size, own_assets
from plain_material import write_plain_config
from static_server import serving

from generator.docs_tree import write_docs_tree
from generator.engines import run_mkdocs
from generator.mkdocs_log import mkdocs_logging
from generator.project import load_project

REPO = Path(__file__).resolve().parent.parent
PLAYBOOK = "default"
PRACTICE_PAGE = "practices/listen/"
LIGHTHOUSE_PAGES = ("", PRACTICE_PAGE, "health-check/")
LIGHTHOUSE_RUNS = 3  # per page; the median performance run counts


@dataclass(frozen=True)
class Target:
    what: str
    measured: str
    met: bool | None  # None: not measured in this run

    def line(self) -> str:
        verdict = "skipped" if self.met is None else "PASS" if self.met else "MISS"
        return f"| {self.what} | {self.measured} | {verdict} |"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build_sites(tmp: Path, ours_url: str, plain_url: str) -> tuple[Path, Path]:
    """The default playbook's site, and plain Material's site of the same Markdown."""
    project = load_project(REPO)
    site, plain_site = tmp / "site", tmp / "plain-site"
    report = write_docs_tree(project, PLAYBOOK, tmp / "tree", site_url=ours_url)
    plain = write_plain_config(
        report.config_file, tmp / "plain.yml", plain_site, site_url=plain_url
    )
    with mkdocs_logging():
        run_mkdocs(report.config_file, strict=True, site_dir=site)
        run_mkdocs(plain, strict=True, site_dir=plain_site)
    return site, plain_site


def section(title: str) -> None:
    print(f"\n### {title}\n", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description="Run every benchmark and check its target.")
    parser.add_argument(
        "--quick", action="store_true", help="leave out 1000 practices and Lighthouse"
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="build rounds per size, median taken (default: 3)"
    )
    args = parser.parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    started = time.perf_counter()
    targets: list[Target] = []
    print(f"Benchmarks on {os.cpu_count()} CPUs{' (--quick)' if args.quick else ''}.")

    section("Build time (CPU seconds, wall-clock in brackets; median of the rounds)")
    sizes = [5, 100] if args.quick else [5, 100, 1000]
    results = build_time.measure(sizes, args.runs)
    print("\n".join(build_time.table(results)))
    by_size = {r.practices: r for r in results}
    share = by_size[100].generator_share
    targets.append(
        Target(
            "generator's share of `playbook build`, 100 practices: at most 10%",
            f"{share:.0%}",
            share <= 0.10,
        )
    )
    for size in sizes:
        ratio = by_size[size].zensical_versus_mkdocs
        if ratio is not None:
            print(f"Zensical: {size} practices build in {ratio:.2f}× the MkDocs build's time")
    large = by_size.get(1000)
    targets.append(
        Target(
            "1000 practices: at most 1.1 × plain Material, same navigation",
            f"{large.versus_same:.3f}×" if large else "-",
            None if large is None else large.versus_same <= 1.1,
        )
    )
    targets.append(
        Target(
            "1000 practices: at most 0.5 × plain Material, flat navigation",
            f"{large.versus_flat:.3f}×" if large else "-",
            None if large is None else large.versus_flat <= 0.5,
        )
    )

    section("Live preview (`playbook serve`, default playbook: saved YAML to served page)")
    rebuilds, mkdocs_seconds = preview.measure(edits=5)
    print("\n".join(preview.report(rebuilds, mkdocs_seconds)))
    latency = statistics.median(rebuilds)
    targets.append(
        Target(
            "live preview, saved YAML to served page: at most 1 s (median of 5; worst)",
            f"{latency:.2f} s; {max(rebuilds):.2f} s",
            latency <= 1.0,
        )
    )

    with tempfile.TemporaryDirectory(prefix="playbook-bench-pages-") as tmp:
        ours_port, plain_port = free_port(), free_port()
        ours_url, plain_url = f"http://127.0.0.1:{ours_port}/", f"http://127.0.0.1:{plain_port}/"
        site, plain_site = build_sites(Path(tmp), ours_url, plain_url)
        with serving(site, ours_port), serving(plain_site, plain_port):
            section("Page weight (default playbook, `practices/listen/`, gzip as served)")
            files = own_assets(site)
            own = sum(gzipped_size(path.read_bytes()) for path in files)
            names = ", ".join(path.name for path in files)
            print(f"The tool's own assets ({names}): {own:,} bytes gzipped -9.\n")
            targets.append(
                Target(
                    "own script and stylesheet, gzipped: at most 12 KB",
                    f"{own:,} B of {BUDGET:,} B",
                    own <= BUDGET,
                )
            )
            ours, plain = page_weight.weigh([ours_url + PRACTICE_PAGE, plain_url + PRACTICE_PAGE])
            print("\n".join(page_weight.table(ours, plain)))
            ratio = ours.total / plain.total
            targets.append(
                Target(
                    "practice page bytes: at most 1.1 × plain Material's",
                    f"{ours.total / 1024:.1f} KB / {plain.total / 1024:.1f} KB = {ratio:.3f}×",
                    ratio <= 1.1,
                )
            )

            if args.quick:
                targets.append(Target("Lighthouse scores", "-", None))
            else:
                section(
                    f"Lighthouse (mobile, simulated throttling; median of {LIGHTHOUSE_RUNS} runs)"
                )
                targets.extend(run_lighthouse(Path(tmp), ours_url, plain_url))

    section("Targets")
    print("| target | measured | verdict |\n| --- | --- | --- |")
    print("\n".join(target.line() for target in targets))
    print(f"\nAll of it took {time.perf_counter() - started:.0f} s.")


def run_lighthouse(tmp: Path, ours_url: str, plain_url: str) -> list[Target]:
    lighthouse.install()
    pages = [(f"`{page or '/'}`", ours_url + page) for page in LIGHTHOUSE_PAGES]
    pages.append((f"plain Material `{PRACTICE_PAGE}`", plain_url + PRACTICE_PAGE))
    print("| page | " + " | ".join(lighthouse.CATEGORIES) + " |")
    print("| --- |" + " ---: |" * len(lighthouse.CATEGORIES))
    reports = []
    for index, (name, url) in enumerate(pages):
        folder = tmp / f"lighthouse-{index}"
        folder.mkdir()
        report = lighthouse.median_run(url, folder, LIGHTHOUSE_RUNS)
        reports.append((name, report))
        scores = " | ".join(str(report.scores[c]) for c in lighthouse.CATEGORIES)
        print(f"| {name} | {scores} |", flush=True)
    for name, report in reports:
        for loss in report.losses:
            print(f"- {name}: {loss}")
    targets = []
    wanted = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
    for category, minimum in wanted.items():
        ours = [report.scores[category] for _, report in reports[:-1]]
        targets.append(
            Target(
                f"Lighthouse {category} {'=' if minimum == 100 else '≥'} {minimum} "
                "(home, practice, health check)",
                " / ".join(str(score) for score in ours),
                min(ours) >= minimum,
            )
        )
    return targets


if __name__ == "__main__":
    sys.exit(main())
