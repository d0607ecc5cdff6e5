"""Lighthouse scores of pages, with the audits that cost points.

Lighthouse is the npm package pinned in bench/package.json (installed by `npm ci --prefix bench`
when bench/node_modules is missing) and runs Debian's Chromium, headless, with its default
mobile settings and simulated throttling. Performance varies from run to run: each page is
run several times and the run with the median performance score is kept.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
#: Audit modes that never cost points.
UNSCORED = {"notApplicable", "informative", "manual"}


@dataclass(frozen=True)
class Report:
    url: str
    scores: dict[str, int]  # category id -> 0..100
    losses: list[str]  # one line per audit that cost points


def install() -> None:
    if LIGHTHOUSE.is_file():
        return
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm is needed to install Lighthouse (bench/package.json)")
    subprocess.run(
        [npm, "ci", "--prefix", str(BENCH), "--no-audit", "--no-fund", "--loglevel=error"],
        check=True,
    )


def run(url: str, out: Path) -> Report:
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    return read_report(url, json.loads(out.read_text(encoding="utf-8")))


def median_run(url: str, folder: Path, runs: int) -> Report:
    """Of ``runs`` runs, the one with the median performance score (Lighthouse's advice for
    its variance); the other categories hardly vary."""
    reports = [run(url, folder / f"run-{index}.json") for index in range(runs)]
    reports.sort(key=lambda report: report.scores["performance"])
    return reports[len(reports) // 2]


def read_report(url: str, data: dict[str, Any]) -> Report:
    scores: dict[str, int] = {}
    losses: list[str] = []
    audits = data["audits"]
    for category_id in CATEGORIES:
        category = data["categories"][category_id]
        scores[category_id] = round((category["score"] or 0) * 100)
        for ref in category["auditRefs"]:
            audit = audits[ref["id"]]
            if audit["scoreDisplayMode"] in UNSCORED or audit["score"] is None:
                continue
            if audit["score"] < 1 and ref["weight"] > 0:
                losses.append(f"{category_id}: {describe(audit)}")
    return Report(url, scores, losses)


def describe(audit: dict[str, Any]) -> str:
    """The audit, its score and value, and the first few things it found."""
    text = f"{audit['id']} (score {audit['score']:.2f}"
    if audit.get("displayValue"):
        text += f", {audit['displayValue']}"
    text += ")"
    items = (audit.get("details") or {}).get("items") or []
    found = []
    for item in items[:3]:
        node = item.get("node") if isinstance(item, dict) else None
        if isinstance(node, dict):
            found.append(node.get("snippet") or node.get("selector") or "")
        elif isinstance(item, dict) and item.get("url"):
            found.append(str(item["url"]))
        elif isinstance(item, dict) and item.get("description"):
            found.append(str(item["description"]))
    if found:
        text += ": " + "; ".join(f for f in found if f)
    return text
