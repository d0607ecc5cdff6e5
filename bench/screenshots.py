"""Screenshots of the reader's side of the site, so that a change of look can be reviewed as
pictures.

Builds the default playbook of the project (a copy of it, in a temporary folder, so nothing in
the project is touched) for a free port on 127.0.0.1, serves it there, and in Debian's
Chromium plays a reader through it, in a fresh browser for each view:

  practice page   ticks three checklist items, then answers every self-assessment statement
                  (mixed answers, so the result shows a middling band);
  health check    answers every statement about "my manager", saves the result, raises two
                  dimensions, saves again a month later (a fixed clock): two saved results;
  home page       last, so that its progress cards show what was done above.

and photographs, in each view (light scheme, dark scheme, a 390 px wide phone in the light
scheme):

  home-VIEW.png                the whole home page;
  practice-checklist-VIEW.png  the checklist section: heading, items, progress;
  practice-result-VIEW.png     the last statement answered and the result card under it;
  health-result-VIEW.png       the health check's result: score, chart, changes, actions;
  health-history-VIEW.png      the saved results, newest first.

The schemes are picked as a reader's system picks them: the site's palette follows
prefers-color-scheme (mkdocs.yml), which the browser emulates; the script checks that Material
did switch to "slate" for the dark view. Motion is reduced, the viewport fixed, the clock and
time zone fixed, and every request for anything but the served site is aborted (and reported).

The PNGs go into --out (created if missing); nothing is written anywhere else. Each path is
printed as it is written, then a summary.
"""

from __future__ import annotations

import argparse
import fnmatch
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from static_server import serving

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page, Route, WebError

REPO = Path(__file__).resolve().parent.parent
PLAYBOOK = Path(sys.executable).parent / "playbook"
CHROMIUM = Path("/usr/bin/chromium")
# As the browser tests launch it: headless, no GPU, none of Chromium's own traffic.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: What `playbook build --project` reads (as copy_project in tests/support/projects.py copies it).
PROJECT_PARTS = ("content", "playbooks", "mkdocs.yml")
PRACTICE = "listen"
ABOUT = "my manager"
#: The two saved health check results' dates (UTC): a month apart.
FIRST_SAVE = "2026-03-02T09:15:00Z"
SECOND_SAVE = "2026-04-06T16:40:00Z"
TIMEOUT_MS = 15_000

Scheme = Literal["light", "dark"]


@dataclass(frozen=True)
class View:
    width: int
    height: int
    scheme: Scheme
    scale: int  # device pixel ratio
    mobile: bool = False


VIEWS: dict[str, View] = {
    "light": View(1280, 900, "light", 1),
    "dark": View(1280, 900, "dark", 1),
    "mobile": View(390, 844, "light", 2, mobile=True),
}
#: Shot name: (first element, last element) of the picture, which spans both and the width
#: of the content column; None for the whole page.
SHOTS: dict[str, tuple[str, str] | None] = {
    "practice-checklist": ("h2#checklist", ".pb-progress"),
    "practice-result": ("form.pb-assessment .pb-question:last-of-type", ".pb-result"),
    "health-result": ("h2#your-result", ".pb-health__actions"),
    "health-history": (".pb-history", ".pb-history"),
    "home": None,
}
#: Material's parts that float over the page, hidden in the pictures of one section.
FLOATING_HIDDEN = ".md-header, .md-top, .md-dialog { visibility: hidden !important; }"
#: Material's scheme for each of ours (body[data-md-color-scheme]).
MATERIAL_SCHEME: dict[Scheme, str] = {"light": "default", "dark": "slate"}


# --- the site --------------------------------------------------------------------------------


def copy_project(project: Path, destination: Path) -> Path:
    """The project's sources in ``destination``: the build writes its docs tree (build/) into
    the project folder, and the real one may be in use by someone else."""
    destination.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = project / part
        if source.is_dir():
            shutil.copytree(source, destination / part)
        elif source.is_file():
            shutil.copy2(source, destination / part)
        else:
            raise SystemExit(f"{project} is not a playbook project: it has no {part}")
    return destination


def build(project: Path, site: Path, url: str, engine: str) -> None:
    """`playbook build --strict` for ``url``, as tests/support/browser.py's build_for does."""
    command = [str(PLAYBOOK), "build", "--strict", "--site-url", url, "--site-dir", str(site)]
    command += ["--project", str(project), "--engine", engine]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"`{' '.join(command)}` exited with {result.returncode}")


# --- the browser -----------------------------------------------------------------------------


@dataclass
class Problems:
    """What the pages did that they should not: console errors, exceptions, off-site requests."""

    base_url: str
    found: list[str] = field(default_factory=list)

    def on_route(self, route: Route) -> None:
        if route.request.url.startswith(self.base_url):
            route.continue_()
        else:
            self.found.append(f"aborted request for {route.request.url}")
            route.abort()

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.found.append(f"console error: {message.text}")

    def on_error(self, error: WebError) -> None:
        self.found.append(f"uncaught exception: {error.error}")


def open_page(browser: Browser, view: View, url: str, problems: Problems) -> Page:
    context = browser.new_context(
        base_url=url,
        viewport={"width": view.width, "height": view.height},
        device_scale_factor=view.scale,
        is_mobile=view.mobile,
        has_touch=view.mobile,
        color_scheme=view.scheme,
        reduced_motion="reduce",
        locale="en-GB",
        timezone_id="UTC",
        service_workers="block",
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.route("**/*", problems.on_route)
    context.on("console", problems.on_console)
    context.on("weberror", problems.on_error)
    return context.new_page()


def visit(page: Page, path: str, component: str, scheme: Scheme) -> None:
    """Loads ``path`` and waits until the page script has set up ``component`` (it marks each
    component it renders with data-pb), Material has applied the scheme, and fonts are in."""
    page.goto(path, wait_until="load")
    page.wait_for_function("() => window.Playbook !== undefined")
    page.locator(f"{component}[data-pb]").first.wait_for(state="attached")
    applied = page.locator("body").get_attribute("data-md-color-scheme")
    if applied != MATERIAL_SCHEME[scheme]:
        raise SystemExit(
            f"{path}: Material shows the {applied!r} scheme, not {MATERIAL_SCHEME[scheme]!r}, "
            f"in the {scheme} view (does mkdocs.yml's palette still follow "
            "prefers-color-scheme?)"
        )
    page.evaluate("() => document.fonts.ready.then(() => true)")


def answer_all(page: Page, scope: str, position: Callable[[int, int], int]) -> None:
    """Answers every statement under ``scope``: the ``i``-th (0-based) gets the answer
    ``position(i, points)`` points from the weakest, whichever way the statement is scored."""
    fieldsets = page.locator(f"{scope} fieldset[data-question]")
    for index, fieldset in enumerate(fieldsets.all()):
        radios = fieldset.locator("input[type=radio]")
        points = radios.count()
        wanted = max(0, min(points - 1, position(index, points)))
        if fieldset.get_attribute("data-reverse") == "true":
            wanted = points - 1 - wanted
        radios.nth(wanted).check()


def answer_dimensions(page: Page, strengths: list[int], only: set[int] | None = None) -> None:
    """Answers the health check's statements dimension by dimension: dimension ``d`` gets
    ``strengths[d % len(strengths)]`` points from the weakest (optionally only some ``d``)."""
    for index, dimension in enumerate(page.locator(".pb-dimension").all()):
        if only is not None and index not in only:
            continue
        scope = f".pb-dimension[data-dimension='{dimension.get_attribute('data-dimension')}']"
        answer_all(page, scope, partial(strongest_up_to, strengths[index % len(strengths)]))


def strongest_up_to(strength: int, _index: int, points: int) -> int:
    return min(strength, points - 1)


def play_practice(page: Page, scheme: Scheme) -> None:
    visit(page, f"practices/{PRACTICE}/", "form.pb-checklist", scheme)
    items = page.locator("form.pb-checklist input[data-item]")
    total = items.count()
    for index in (0, 2, 3):
        items.nth(index).check()
    expect_text(page, ".pb-progress__text", f"3 of {total} done")
    # Mixed answers: a middling score, neither the best band nor the worst.
    pattern = [-2, -1, 1, -2, 2, -1]
    answer_all(
        page,
        "form.pb-assessment",
        lambda i, points: pattern[i % len(pattern)] % points,
    )
    page.locator(".pb-result__score").wait_for()


def play_health(page: Page, scheme: Scheme) -> None:
    page.clock.set_fixed_time(FIRST_SAVE)
    visit(page, "health-check/", ".pb-health-check", scheme)
    answer_dimensions(page, [1, 3, 4, 2])
    page.locator(".pb-health__overall").wait_for()
    page.locator("#pb_about").fill(ABOUT)
    page.locator("[data-pb-action=save-health]").click()
    page.locator(".pb-history li").first.wait_for()
    # A month later: better in the weakest dimension and the one that was middling.
    page.clock.set_fixed_time(SECOND_SAVE)
    answer_dimensions(page, [4, 3, 4, 3], only={0, 3})
    page.locator(".pb-card__compared").wait_for()
    page.locator("[data-pb-action=save-health]").click()
    page.locator(".pb-history li").nth(1).wait_for()
    page.locator(".pb-status", has_text="saved").wait_for()


def play_home(page: Page, scheme: Scheme) -> None:
    visit(page, "", ".pb-progress-overview", scheme)
    page.locator(".pb-progress-overview:not([hidden])").wait_for()


def expect_text(page: Page, selector: str, text: str) -> None:
    page.wait_for_function(
        "([s, t]) => document.querySelector(s)?.textContent.trim() === t", arg=[selector, text]
    )


def span(page: Page, first: str, last: str) -> dict[str, float]:
    """The area from the top of ``first`` to the bottom of ``last`` across the content column,
    in page coordinates, with a margin."""
    box: dict[str, float] = page.evaluate(
        """([first, last]) => {
            const find = (s) => {
                const node = document.querySelector(s);
                if (!node) throw new Error(`no ${s} on ${location.pathname}`);
                return node.getBoundingClientRect();
            };
            const a = find(first), b = find(last);
            const column = document.querySelector('.md-content').getBoundingClientRect();
            const top = Math.min(a.top, b.top) + scrollY - 12;
            const bottom = Math.max(a.bottom, b.bottom) + scrollY + 12;
            return {x: column.left + scrollX, y: Math.max(0, top),
                    width: column.width, height: bottom - Math.max(0, top)};
        }""",
        [first, last],
    )
    return {key: float(value) for key, value in box.items()}


def photograph(page: Page, shot: str, target: Path) -> None:
    where = SHOTS[shot]
    page.mouse.move(0, 0)  # no hover state on whatever the pointer was left over
    if where is None:
        page.screenshot(path=target, full_page=True, animations="disabled", caret="hide")
        return
    first, last = where
    page.locator(last).scroll_into_view_if_needed()
    clip = span(page, first, last)
    # The header (and the back-to-top button) stay on screen as the page scrolls: left in,
    # they would be drawn over the middle of a section that is taller than the screen.
    page.screenshot(
        path=target,
        clip={"x": clip["x"], "y": clip["y"], "width": clip["width"], "height": clip["height"]},
        full_page=True,
        animations="disabled",
        caret="hide",
        style=FLOATING_HIDDEN,
    )


#: The reader's steps in order, and the shots each leaves the page ready for.
PLAYS: list[tuple[Callable[[Page, Scheme], None], list[str]]] = [
    (play_practice, ["practice-checklist", "practice-result"]),
    (play_health, ["health-result", "health-history"]),
    (play_home, ["home"]),
]


def take(url: str, out: Path, wanted: Callable[[str], bool]) -> tuple[list[Path], list[str]]:
    from playwright.sync_api import sync_playwright

    written: list[Path] = []
    problems = Problems(base_url=url)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for view_name, view in VIEWS.items():
                names = {shot: f"{shot}-{view_name}" for shot in SHOTS}
                if not any(wanted(name) for name in names.values()):
                    continue
                page = open_page(browser, view, url, problems)
                try:
                    # Every step, even for one picture: each step's data shows in the next
                    # (the home page's progress).
                    for play, shots in PLAYS:
                        play(page, view.scheme)
                        for shot in shots:
                            if wanted(names[shot]):
                                target = out / f"{names[shot]}.png"
                                photograph(page, shot, target)
                                print(target, flush=True)
                                written.append(target)
                finally:
                    page.context.close()
        finally:
            browser.close()
    return written, problems.found


# --- the command -----------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    names = [f"{shot}-{view}" for view in VIEWS for shot in SHOTS]
    parser = argparse.ArgumentParser(
        prog="bench/screenshots.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Names: " + ", ".join(names),
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=REPO / "build" / "screenshots",
        help="folder for the PNGs, created if missing (default: build/screenshots/ in the "
        "repository); files of the same names in it are replaced",
    )
    parser.add_argument(
        "--project",
        type=Path,
        default=REPO,
        help="project folder to build the default playbook of (default: this repository)",
    )
    parser.add_argument(
        "--engine",
        choices=["mkdocs", "zensical"],
        default="mkdocs",
        help="what builds the site (`playbook build --engine`; default: mkdocs)",
    )
    parser.add_argument(
        "--only",
        nargs="+",
        metavar="PATTERN",
        default=[],
        help="take only the pictures whose names match one of these shell patterns, e.g. "
        "'health-*' or '*-dark' (the reader's steps all still run)",
    )
    args = parser.parse_args(argv)
    if args.only and not any(fnmatch.fnmatchcase(n, p) for n in names for p in args.only):
        parser.error(f"--only {' '.join(args.only)} matches no picture")
    if args.out.exists() and not args.out.is_dir():
        parser.error(f"--out {args.out} is not a folder")
    if not CHROMIUM.is_file():
        parser.error(f"Chromium is missing at {CHROMIUM}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    out: Path = args.out.resolve()
    patterns: list[str] = args.only

    def wanted(name: str) -> bool:
        return not patterns or any(fnmatch.fnmatchcase(name, p) for p in patterns)

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="playbook-screenshots-") as tmp:
        project = copy_project(args.project.resolve(), Path(tmp) / "project")
        site = Path(tmp) / "site"
        site.mkdir()
        # The port is bound before the folder is filled, so the site can be built for it.
        with serving(site) as url:
            build(project, site, url, args.engine)
            out.mkdir(parents=True, exist_ok=True)
            written, problems = take(url, out, wanted)
    size = sum(path.stat().st_size for path in written)
    views = [view for view in VIEWS if any(path.stem.endswith(f"-{view}") for path in written)]
    print(
        f"{len(written)} screenshots ({size / 1024:.0f} KB) of the {args.engine} build in {out}, "
        f"views {', '.join(views)}, in {time.perf_counter() - started:.1f} s"
    )
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
