"""A playbook in another language in Chromium, on both engines: with `language: de` and
content written in German, no English interface text is left on the home page, a practice page
and the health check once the script has run, answers given and results shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from support.browser import PageLog, base_url_of, build_for, local_server

from generator.ui import ALL_STRINGS, PLACEHOLDER, translation

pytestmark = pytest.mark.browser

PRACTICE = """\
id: {id}
title: {title}
summary: Ein Satz über {title}.
tags: [beziehung]
why: Weil es wichtig ist.
signs:
  good: [Es klappt.]
  warning: [Es hakt.]
steps:
  - title: Erster Schritt
    detail: Tu das Erste.
contexts:
  employees: Mit den Menschen, die du führst.
  teams: In der Gruppe.
  customers: Mit der Kundschaft.
pitfalls:
  - title: Eine Falle
    detail: Meide sie.
reflection: [Wann habe ich zuletzt gefragt?]
checklist:
  - id: erster-punkt
    text: Hake den ersten Punkt ab.
    cadence: once
  - id: zweiter-punkt
    text: Hake den zweiten Punkt ab.
    cadence: weekly
reset: Setze sie jede Woche zurück.
assessment:
  scale: haeufigkeit
  questions:
    - id: erste-frage
      text: Ich tue das Erste.
    - id: zweite-frage
      text: Ich lasse das Zweite aus.
      reverse: true
  bands:
    - id: anfang
      min: 0
      max: 49
      label: Am Anfang
      advice: Fang klein an.
    - id: stark
      min: 50
      max: 100
      label: Stark
      advice: Mach weiter so.
      practices: [{other}]
session:
  time: 30 Minuten
  people: Das ganze Team
  materials: [Haftnotizen]
  before: [Einen Raum buchen.]
  during: [Alle antworten.]
  after: [Nach einer Woche nachfassen.]
  remote: Nehmt eine gemeinsame Tafel.
templates:
  - id: ablauf
    title: Ein Ablauf
    intro: Kopiere ihn.
    body: "Datum: ____"
related: [{other}]
"""

FILES = {
    "content/practices/zuhoeren.yaml": PRACTICE.format(
        id="zuhoeren", title="Zuhören", other="danken"
    ),
    "content/practices/danken.yaml": PRACTICE.format(
        id="danken", title="Danken", other="zuhoeren"
    ),
    "content/scales.yaml": """\
scales:
  - id: haeufigkeit
    points:
      - {value: 1, label: Nie}
      - {value: 2, label: Manchmal}
      - {value: 3, label: Immer}
""",
    "content/health-check.yaml": """\
title: Beziehungscheck
summary: Wie gesund ist die Beziehung?
intro: Antworte ehrlich.
scale: haeufigkeit
dimensions:
  - id: unterstuetzung
    title: Gegenseitige Hilfe
    description: Beide helfen.
    practices: [zuhoeren]
    questions:
      - {id: helfen, text: Wir helfen einander.}
  - id: ausgleich
    title: Ausgewogener Einsatz
    description: Niemand fühlt sich ausgenutzt.
    practices: [danken]
    questions:
      - {id: fair, text: Der Einsatz fühlt sich fair an.}
""",
    "content/troubleshooting.yaml": """\
title: Hilfe bei Problemen
summary: Wenn es schwierig wird.
intro: Für die meisten Probleme gibt es ein Mittel.
challenges:
  - id: ungleich
    title: Ungleicher Einsatz
    description: Eine Seite gibt, die andere nimmt.
    symptoms: [Groll]
    remedies: [Sprecht darüber]
    practices: [zuhoeren]
""",
    "content/home.yaml": """\
title: Willkommen
summary: Ein kleines Playbook.
body: Gegenseitigkeit heißt Geben und Nehmen.
""",
    "playbooks/default.yaml": """\
site:
  name: Kleines Playbook
  description: Ein Playbook für Tests.
audience: Führungskräfte
language: de
practices: [zuhoeren, danken]
""",
}


def english_texts() -> list[str]:
    """The English interface strings' words, between their placeholders, where the German
    differs: none of them may show on a German site."""
    german = translation("de")
    texts: set[str] = set()
    for key, english in ALL_STRINGS.items():
        for part in PLACEHOLDER.split(english)[::2]:  # the text between placeholders
            part = part.strip(" :.,;()“”\"'")
            # Words long enough to mean something, and not shared with the German text.
            if len(re.sub(r"\W", "", part)) >= 4 and part not in german[key]:
                texts.add(part)
    return sorted(texts)


#: What Material or Zensical would show in English where the language is not passed on.
THEME_ENGLISH = ["Skip to content", "Back to top", "Search", "Table of contents", "Made with"]


@pytest.fixture(scope="module")
def german_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    engine = str(request.param)
    work = tmp_path_factory.mktemp(f"german-{engine}")
    project = work / "project"
    for relative, text in FILES.items():
        (project / relative).parent.mkdir(parents=True, exist_ok=True)
        (project / relative).write_text(text, encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        (Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    site = work / "site"
    site.mkdir()
    with local_server(site) as server:
        base_url = base_url_of(server)
        build_for(project, site, base_url, engine)
        yield base_url


@pytest.fixture
def german_page(browser: Browser, german_site: str) -> Iterator[Page]:
    log = PageLog(base_url=german_site)
    context = browser.new_context(base_url=german_site)
    log.watch(context)
    page = context.new_page()
    yield page
    context.close()
    problems = log.problems()
    if problems:
        pytest.fail(problems, pytrace=False)


def english_on(page: Page) -> list[str]:
    """The English interface texts in the page's visible text and its labels."""
    shown = page.locator("body").inner_text()
    labels = page.evaluate(
        """[...document.querySelectorAll('[aria-label], [title], [placeholder]')]
             .flatMap((node) => ['aria-label', 'title', 'placeholder']
             .map((name) => node.getAttribute(name) || ''))
             .join('\\n')"""
    )
    texts = english_texts() + THEME_ENGLISH
    return [text for text in texts if re.search(rf"\b{re.escape(text)}\b", shown + labels)]


def test_the_english_list_is_a_real_one() -> None:
    texts = english_texts()
    for expected in ("Reset checklist", "out of 100", "Export my data", "Why it matters"):
        assert expected in texts
    assert "Median" not in texts  # the same word in German


@pytest.mark.every_engine
def test_the_home_page_speaks_german(german_page: Page) -> None:
    page = german_page
    page.goto("")
    expect(page.locator(".pb-data h2")).to_have_text("Deine Daten")
    expect(page.locator(".pb-overview__item").first).to_contain_text("0 von 2 erledigt")
    expect(page.locator(".pb-overview__score").first).to_have_text(
        "Selbsteinschätzung noch nicht gemacht"
    )
    expect(page.get_by_role("button", name="Meine Daten exportieren")).to_be_visible()
    expect(page.locator(".md-copyright")).to_contain_text("Erstellt mit")
    assert page.locator("html").get_attribute("lang") == "de"
    assert english_on(page) == []


def test_a_practice_page_speaks_german_with_its_results(german_page: Page) -> None:
    page = german_page
    page.goto("practices/zuhoeren/")
    expect(page.locator(".pb-progress__text")).to_have_text("0 von 2 erledigt")
    page.locator("input[data-item='erster-punkt']").check()
    expect(page.locator(".pb-progress__text")).to_have_text("1 von 2 erledigt")
    page.locator("input[name='zuhoeren--erste-frage'][value='3']").check()
    expect(page.locator(".pb-result__count")).to_have_text("1 von 2 Aussagen beantwortet.")
    page.locator("input[name='zuhoeren--zweite-frage'][value='2']").check()
    expect(page.locator(".pb-result__score")).to_have_text("Dein Ergebnis: 75 von 100")
    expect(page.get_by_role("button", name="Diese Vorlage drucken")).to_be_visible()
    assert english_on(page) == []
    page.goto("")
    expect(page.locator(".pb-overview__score").first).to_have_text(
        "Selbsteinschätzung: 75 von 100, Stark"
    )
    assert english_on(page) == []


def test_the_health_check_speaks_german_with_its_results(german_page: Page) -> None:
    page = german_page
    page.goto("health-check/")
    page.locator("input[name='health--helfen'][value='3']").check()
    page.locator("input[name='health--fair'][value='1']").check()
    expect(page.locator(".pb-health__overall")).to_contain_text("Gesamt: 50 von 100")
    page.get_by_role("button", name="Dieses Ergebnis speichern").click()
    expect(page.locator(".pb-health__actions .pb-status")).to_have_text(
        "Ergebnis in diesem Browser gespeichert."
    )
    expect(page.locator(".pb-history li")).to_contain_text("ohne Namen: 50 von 100")
    assert english_on(page) == []


@pytest.mark.every_engine
def test_english_on_finds_english(german_page: Page) -> None:
    """The check itself: the same page with one English string put back is caught."""
    page = german_page
    page.goto("")
    page.evaluate("document.querySelector('.pb-data h2').textContent = 'Export my data'")
    assert english_on(page) == ["Export my data"]
