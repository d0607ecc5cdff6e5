"""How much do the project's own browser assets weigh, as shipped in the built site?

Lists every file under SITE/assets/ whose name starts with "playbook" (playbook.css,
playbook.js, playbook-practice.js, ...: what the generator adds to Material's own assets), with
its size raw and gzipped at level 9, each file on its own (as it travels). Then, per page type,
what such a page loads of them: every page the shared playbook.css and playbook.js, and a
practice page, the health check, the team page and the home page the script (and stylesheet)
of their part too (generator/scripts.py's PARTS), against the budget. By default it builds the
default playbook into a temporary folder with `playbook build` first. The exit status is 0
whether the totals are within the budget or not: it reports figures, it does not gate anything.
Run: .venv/bin/python bench/asset_weight.py [--site-dir SITE] [--project DIR]
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
import tempfile
from pathlib import Path

PLAYBOOK = "default"
BIN = Path(sys.executable).parent  # the virtualenv running this script
BUDGET = 12 * 1024  # bytes, gzipped, of the project's own assets one page loads
PREFIX = "playbook"
#: Page types by the part whose script they load (generator/scripts.py's PARTS).
PAGES = {"practice": "practice", "health check": "health", "team": "team", "home": "home"}


def own_assets(site: Path) -> list[Path]:
    """The project's own files under the site's assets/ folder, by path."""
    assets = site / "assets"
    return sorted(p for p in assets.rglob(f"{PREFIX}*") if p.is_file())


def gzipped_size(data: bytes) -> int:
    # mtime=0 so the size does not depend on when it runs (the header holds a timestamp).
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def report(site: Path) -> None:
    files = own_assets(site)
    if not files:
        print(f"No {PREFIX}* files under {site / 'assets'}.")
        return
    print(f"Own assets of the site in {site}; budget {BUDGET:,} bytes gzipped a page.\n")
    print("| file | bytes | gzip -9 bytes |")
    print("|---|---:|---:|")
    sizes: dict[str, tuple[int, int]] = {}
    for path in files:
        data = path.read_bytes()
        sizes[path.name] = (len(data), gzipped_size(data))
        print(f"| {path.relative_to(site).as_posix()} | {len(data):,} | {sizes[path.name][1]:,} |")
    every = [f"{PREFIX}.css", f"{PREFIX}.js"]
    print("\n| page type | files | bytes | gzip -9 bytes | of the budget |")
    print("|---|---|---:|---:|---:|")
    for page, part in PAGES.items():
        names = [*every, *(f"{PREFIX}-{part}{ext}" for ext in (".css", ".js"))]
        loaded = [name for name in names if name in sizes]
        raw = sum(sizes[name][0] for name in loaded)
        gzipped = sum(sizes[name][1] for name in loaded)
        verdict = "within" if gzipped <= BUDGET else "OVER"
        print(
            f"| {page} | {', '.join(loaded)} | {raw:,} | {gzipped:,} | "
            f"{gzipped / BUDGET:.0%} ({verdict}) |"
        )


def build(root: Path, site: Path) -> None:
    command = [str(BIN / "playbook"), "build", "--project", str(root), "--site-dir", str(site)]
    subprocess.run(command, cwd=root, check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Weigh the project's own browser assets in a built site."
    )
    parser.add_argument(
        "--site-dir",
        type=Path,
        default=None,
        help="an already built site (default: build the default playbook into a temp folder)",
    )
    parser.add_argument(
        "--project",
        type=Path,
        default=Path(__file__).resolve().parent.parent,
        help="project folder to build from when no --site-dir is given (default: the repository)",
    )
    args = parser.parse_args()
    if args.site_dir is not None:
        site: Path = args.site_dir.resolve()
        if not (site / "assets").is_dir():
            parser.error(f"{site} has no assets/ folder: is it a built site?")
        report(site)
        return
    with tempfile.TemporaryDirectory(prefix="playbook-assets-") as tmp:
        site = Path(tmp) / "site"
        build(args.project.resolve(), site)
        report(site)


if __name__ == "__main__":
    main()
