"""Page weight: every byte a page makes the browser load, next to plain Material's same page.

Loads a page in Debian's Chromium (through Playwright, as the browser tests do) from the
gzip-compressing static server, waits until the network is idle, and adds up what came over
the wire and what it unpacks to, by kind (document, stylesheet, script, font, image, other:
the search index, the sitemap). Every request goes to the site's own host.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Request

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
KINDS = ("document", "stylesheet", "script", "font", "image")


@dataclass
class Weight:
    url: str
    transferred: Counter[str] = field(default_factory=Counter)  # encoded body bytes, by kind
    unpacked: Counter[str] = field(default_factory=Counter)  # decoded body bytes, by kind
    requests: int = 0

    @property
    def total(self) -> int:
        return sum(self.transferred.values())

    @property
    def total_unpacked(self) -> int:
        return sum(self.unpacked.values())


def weigh(urls: list[str]) -> list[Weight]:
    """The weight of each page, each loaded in a fresh browser context (an empty cache)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return [load(browser, url) for url in urls]
        finally:
            browser.close()


def load(browser: Browser, url: str) -> Weight:
    context = browser.new_context()
    page = context.new_page()
    finished: list[Request] = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="networkidle")
    weight = Weight(url)
    for request in finished:
        response = request.response()
        if response is None:
            continue
        kind = request.resource_type if request.resource_type in KINDS else "other"
        # Chromium reports no size for the search worker's script: the server's
        # Content-Length is the bytes it sent (compressed where it compressed).
        length = response.headers.get("content-length")
        sent = int(length) if length else request.sizes()["responseBodySize"]
        weight.transferred[kind] += sent
        weight.unpacked[kind] += len(response.body())
        weight.requests += 1
    context.close()
    return weight


def table(ours: Weight, plain: Weight) -> list[str]:
    lines = [
        "| loaded | playbook page | plain Material page |",
        "| --- | ---: | ---: |",
    ]
    for kind in (*KINDS, "other"):
        if ours.transferred[kind] or plain.transferred[kind]:
            label = "other (search index, sitemap, favicon)" if kind == "other" else kind
            lines.append(
                f"| {label} | {_kb(ours.transferred[kind], ours.unpacked[kind])} "
                f"| {_kb(plain.transferred[kind], plain.unpacked[kind])} |"
            )
    lines.append(
        f"| total ({ours.requests} and {plain.requests} requests) "
        f"| {_kb(ours.total, ours.total_unpacked)} | {_kb(plain.total, plain.total_unpacked)} |"
    )
    return lines


def _kb(transferred: int, unpacked: int) -> str:
    return f"{transferred / 1024:.1f} KB ({unpacked / 1024:.1f} KB unpacked)"
