"""How much do the project's own browser assets weigh, as shipped in the built site?

Lists every file under SITE/assets/ whose name starts with "playbook" (playbook.css,
playbook.js, ...: what the generator adds to Material's own assets), with its size raw and
gzipped at level 9, and the gzipped total against the budget. By default it builds the default
playbook into a temporary folder with `playbook build` first. The exit status is 0 whether
the total is within the budget or not: it reports a figure, it does not gate anything.
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
BUDGET = 12 * 1024  # bytes, gzipped, all of the project's own assets together
PREFIX = "playbook"


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
    print(f"Own assets of the site in {site}; budget {BUDGET:,} bytes gzipped.\n")
    print("| file | bytes | gzip -9 bytes |")
    print("|---|---:|---:|")
    total_raw = total_gzipped = 0
    for path in files:
        data = path.read_bytes()
        raw, gzipped = len(data), gzipped_size(data)
        total_raw += raw
        total_gzipped += gzipped
        print(f"| {path.relative_to(site).as_posix()} | {raw:,} | {gzipped:,} |")
    print(f"| total | {total_raw:,} | {total_gzipped:,} |")
    verdict = "within budget" if total_gzipped <= BUDGET else "OVER budget"
    share = total_gzipped / BUDGET
    print(f"\n{total_gzipped:,} of {BUDGET:,} bytes gzipped ({share:.0%}): {verdict}")


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
