"""End to end: the default playbook built with MkDocs, checked in the generated HTML and index.

The HTML is read with the standard library's ``html.parser`` into a small element tree, so the
checks can ask structural questions (is this checkbox inside a label?) without new dependencies.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator import schema
from generator.project import Project, load_project

PRACTICE_IDS = ("listen", "appreciate", "grow", "boundaries", "communicate")

# --- a small element tree ------------------------------------------------------------------------

VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None = None
    children: list[Element | str] = field(default_factory=list)

    def iter(self) -> Iterator[Element]:
        """This element and every element below it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str, **attrs: str) -> list[Element]:
        wanted = {key.replace("_", "-"): value for key, value in attrs.items()}
        return [
            element
            for element in self.iter()
            if element.tag == tag and all(element.attrs.get(k) == v for k, v in wanted.items())
        ]

    def ancestors(self) -> Iterator[Element]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def element_children(self) -> list[Element]:
        return [child for child in self.children if isinstance(child, Element)]

    def text(self) -> str:
        parts: list[str] = []
        for child in self.children:
            parts.append(child if isinstance(child, str) else child.text())
        return " ".join("".join(parts).split())

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class TreeBuilder(HTMLParser):
    """Builds an ``Element`` tree; tolerant of unclosed elements the way browsers are."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(element)
        if tag not in VOID_ELEMENTS:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return
        # An end tag without a start tag: ignored, as browsers do.

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(text: str) -> Element:
    builder = TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


# --- references that make a browser fetch from another host --------------------------------------

#: ``<link rel=...>`` values that only name a related page; every other rel loads or connects.
NAVIGATION_RELS = frozenset(
    "alternate author bookmark canonical help license me next prev search tag".split()
)
#: Attributes that make the browser fetch what they point at, by element.
FETCHING_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "embed": ("src",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "track": ("src",),
    "object": ("data",),
    "input": ("src",),
    "form": ("action",),
}
CSS_REFERENCE = re.compile(
    r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)"""  # url("x"), url('x'), url(x)
    r"""|@import\s+(?:"([^"]*)"|'([^']*)')""",  # @import "x" (url(...) form matched above)
    re.IGNORECASE,
)


def css_references(css: str) -> list[str]:
    """Every URL a stylesheet asks for: ``url(...)`` values and ``@import`` targets."""
    return [
        next(group for group in match.groups() if group is not None).strip()
        for match in CSS_REFERENCE.finditer(css)
    ]


class _ReferenceCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link" and "href" in values:
            rels = set(values.get("rel", "").lower().split())
            if not rels or rels - NAVIGATION_RELS:
                self.found.append((f"<link rel={values.get('rel', '')!r} href>", values["href"]))
        for name in FETCHING_ATTRIBUTES.get(tag, ()):
            if name in values:
                urls = (
                    [part.split()[0] for part in values[name].split(",") if part.strip()]
                    if name == "srcset"
                    else [values[name]]
                )
                self.found.extend((f"<{tag} {name}>", url) for url in urls)
        if "style" in values:
            self.found.extend((f"<{tag} style>", url) for url in css_references(values["style"]))
        if tag == "style":
            self._in_style = True

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.found.extend(("<style>", url) for url in css_references(data))


def html_resource_references(text: str) -> list[tuple[str, str]]:
    """(where, URL) of everything an HTML page makes the browser load; plain links excluded."""
    collector = _ReferenceCollector()
    collector.feed(text)
    collector.close()
    return collector.found


def is_foreign(url: str, own_hosts: frozenset[str] = frozenset()) -> bool:
    """True for an absolute http(s) or protocol-relative URL on a host other than the site's."""
    url = url.strip()
    if not re.match(r"(?i)(https?:)?//", url):
        return False
    return (urlsplit(url).hostname or "") not in own_hosts


def foreign_references(site: Path, own_hosts: frozenset[str]) -> list[str]:
    problems: list[str] = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".css", ".js"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".html":
            references = html_resource_references(text)
        else:
            # Stylesheets, and the CSS that scripts carry in their strings.
            references = [
                (f"{path.suffix[1:]} url()/@import", url) for url in css_references(text)
            ]
        relative = path.relative_to(site).as_posix()
        problems.extend(
            f"{relative}: {where} -> {url}"
            for where, url in references
            if is_foreign(url, own_hosts)
        )
    return problems


# --- fixtures and helpers ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def project(repo_root: Path) -> Project:
    return load_project(repo_root)


@pytest.fixture(scope="module")
def practices(project: Project) -> dict[str, schema.Practice]:
    content = project.content_for("default")
    return {
        pid: content.practices[pid].model for pid in project.playbook("default").model.practices
    }


def practice_html(site: Path, practice_id: str) -> Element:
    return parse_html((site / "practices" / practice_id / "index.html").read_text("utf-8"))


def plain(markdown_text: str) -> str:
    """Text as a reader sees it: Markdown emphasis, code marks and link targets removed."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown_text)
    text = re.sub(r"(\*\*|__|\*|_|`)(\S(?:.*?\S)?)\1", r"\2", text)
    return " ".join(text.split())


# --- the tests -----------------------------------------------------------------------------------


def test_exactly_the_five_practice_pages(built_site: Path, project: Project) -> None:
    assert tuple(project.playbook("default").model.practices) == PRACTICE_IDS
    folders = {p.name for p in (built_site / "practices").iterdir() if p.is_dir()}
    assert folders == set(PRACTICE_IDS)
    for practice_id in PRACTICE_IDS:
        assert (built_site / "practices" / practice_id / "index.html").is_file()
    assert {p.name for p in (built_site / "practices").iterdir()} == set(PRACTICE_IDS), (
        "stray files next to the practice pages"
    )


@pytest.mark.parametrize("practice_id", PRACTICE_IDS)
def test_checklist_items_are_labelled_checkboxes(
    built_site: Path, practices: dict[str, schema.Practice], practice_id: str
) -> None:
    practice = practices[practice_id]
    page = practice_html(built_site, practice_id)
    boxes = {
        box.attrs["data-item"]: box
        for box in page.find_all("input", type="checkbox")
        if "data-item" in box.attrs
    }

    assert list(boxes) == [item.id for item in practice.checklist]
    for item in practice.checklist:
        box = boxes[item.id]
        label = next((a for a in box.ancestors() if a.tag == "label"), None)
        assert label is not None, f"checkbox '{item.id}' is not inside a <label>"
        assert plain(item.text) in label.text()
        form = next((a for a in box.ancestors() if a.tag == "form"), None)
        assert form is not None and form.attrs.get("data-practice") == practice_id


@pytest.mark.parametrize("practice_id", PRACTICE_IDS)
def test_assessment_questions_are_fieldsets_of_labelled_radios(
    built_site: Path, project: Project, practices: dict[str, schema.Practice], practice_id: str
) -> None:
    practice = practices[practice_id]
    scale = project.content_for("default").scales[practice.assessment.scale]
    page = practice_html(built_site, practice_id)
    fieldsets = {
        f.attrs["data-question"]: f
        for f in page.find_all("fieldset")
        if "data-question" in f.attrs
    }

    assert list(fieldsets) == [question.id for question in practice.assessment.questions]
    for question in practice.assessment.questions:
        fieldset = fieldsets[question.id]
        children = fieldset.element_children()
        assert children and children[0].tag == "legend", f"'{question.id}' has no <legend> first"
        assert plain(question.text) in children[0].text()
        radios = fieldset.find_all("input", type="radio")
        assert len(radios) == len(scale.points), question.id
        assert [r.attrs["value"] for r in radios] == [str(p.value) for p in scale.points]
        assert len({r.attrs["name"] for r in radios}) == 1, "one radio group per question"
        for radio, point in zip(radios, scale.points, strict=True):
            label = next((a for a in radio.ancestors() if a.tag == "label"), None)
            assert label is not None, f"a radio of '{question.id}' is not inside a <label>"
            assert label.text() == point.label


@pytest.mark.parametrize("practice_id", PRACTICE_IDS)
def test_meta_description_is_the_summary(
    built_site: Path, practices: dict[str, schema.Practice], practice_id: str
) -> None:
    page = practice_html(built_site, practice_id)
    descriptions = [m.attrs.get("content") for m in page.find_all("meta", name="description")]
    assert descriptions == [practices[practice_id].summary]


def test_search_index_holds_checklist_steps_and_questions(
    built_site: Path, practices: dict[str, schema.Practice]
) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    docs = index["docs"]
    listen = practices["listen"]
    texts = " ".join(" ".join(html.unescape(doc["text"]).split()) for doc in docs)
    titles = [html.unescape(doc["title"]) for doc in docs]

    # A checklist item and a statement are each an entry of their own, titled with their
    # words; the scale's labels are in no entry of the page.
    entries = {doc["location"]: html.unescape(doc["title"]) for doc in docs}
    item, question = listen.checklist[0], listen.assessment.questions[0]
    assert entries[f"practices/listen/#item_{item.id}"] == plain(item.text)
    assert entries[f"practices/listen/#statement_{question.id}"] == plain(question.text)
    assert plain(item.text) not in texts
    listen_texts = [doc["text"] for doc in docs if doc["location"].startswith("practices/listen/")]
    assert not any("Rarely" in text for text in listen_texts)
    step = plain(listen.steps[0].title)
    assert any(step in title for title in titles), f"no search entry titled with {step!r}"
    step_locations = [doc["location"] for doc in docs if step in html.unescape(doc["title"])]
    assert all(location.startswith("practices/listen/") for location in step_locations)


def test_tags_page_lists_every_tag(
    built_site: Path, practices: dict[str, schema.Practice]
) -> None:
    tags_page = built_site / "tags" / "index.html"
    assert tags_page.is_file()
    page = parse_html(tags_page.read_text("utf-8"))
    article = next(e for e in page.iter() if e.tag == "article")
    listed = {e.text() for e in article.iter() if "md-tag" in e.classes()}
    expected = {tag for practice in practices.values() for tag in practice.tags}
    assert listed == expected
    links = {a.attrs.get("href") for a in article.find_all("a")}
    for practice_id in practices:
        assert f"../practices/{practice_id}/" in links, practice_id


@pytest.mark.parametrize("page", ["index.html", "practices/listen/index.html", "tags/index.html"])
def test_palette_toggle_is_present(built_site: Path, page: str) -> None:
    tree = parse_html((built_site / page).read_text("utf-8"))
    palettes = [e for e in tree.iter() if e.attrs.get("data-md-component") == "palette"]
    assert palettes, f"{page} has no palette toggle"
    # One radio per scheme (light and dark), each with a label to click.
    schemes = palettes[0].find_all("input", type="radio")
    assert len(schemes) == 2


def test_nothing_is_loaded_from_another_host(built_site: Path, project: Project) -> None:
    url = project.playbook("default").model.site.url
    own_hosts = frozenset({urlsplit(url).hostname or ""}) if url else frozenset()

    problems = foreign_references(built_site, own_hosts)

    assert not problems, "the site makes browsers fetch from other hosts:\n" + "\n".join(problems)


def test_no_page_triggers_materials_on_demand_downloads(built_site: Path) -> None:
    """Material's script fetches mermaid from unpkg.com when a page has a mermaid diagram."""
    for path in built_site.rglob("*.html"):
        tree = parse_html(path.read_text("utf-8"))
        assert not [e for e in tree.iter() if "mermaid" in e.classes()], path


def test_reference_collector_finds_fonts_images_and_css_imports() -> None:
    page = """<!doctype html><html><head>
    <link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>
    <link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto:300,400">
    <link rel="icon" href="//cdn.example/favicon.png">
    <link rel="stylesheet" href="assets/local.css">
    <link rel="canonical" href="https://my.site/page/">
    <script src="https://cdn.example/lib.js"></script>
    <style>@import "https://cdn.example/theme.css";
      body { background: url( 'https://cdn.example/bg.png' ) }
      .icon { mask-image: url("data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'/>") }
    </style></head><body>
    <img src="https://cdn.example/x.png" alt="">
    <img src="images/local.png" alt="">
    <a href="https://en.wikipedia.org/wiki/Reciprocity">further reading</a>
    <div style="background-image:url(https://cdn.example/div.png)"></div>
    </body></html>"""

    foreign = {url for _, url in html_resource_references(page) if is_foreign(url)}

    assert foreign == {
        "https://fonts.gstatic.com",
        "https://fonts.googleapis.com/css?family=Roboto:300,400",
        "//cdn.example/favicon.png",
        "https://cdn.example/lib.js",
        "https://cdn.example/theme.css",
        "https://cdn.example/bg.png",
        "https://cdn.example/x.png",
        "https://cdn.example/div.png",
    }
    assert not is_foreign("https://my.site/x.css", frozenset({"my.site"}))


def test_css_references_cover_url_and_import_forms() -> None:
    css = (
        "@import url(\"https://a.example/1.css\"); @import 'https://b.example/2.css';"
        "@font-face{src:url(https://c.example/f.woff2) format('woff2')}"
        ".x{background:url(../img/local.png)}"
    )
    assert css_references(css) == [
        "https://a.example/1.css",
        "https://b.example/2.css",
        "https://c.example/f.woff2",
        "../img/local.png",
    ]


@pytest.mark.parametrize("practice_id", PRACTICE_IDS)
def test_band_advice_is_rendered_with_links_to_its_practices(
    built_site: Path, practices: dict[str, schema.Practice], practice_id: str
) -> None:
    page = practice_html(built_site, practice_id)
    bands = {e.attrs.get("data-band"): e for e in page.iter() if "pb-band" in e.classes()}
    assessment = practices[practice_id].assessment

    assert list(bands) == [band.id for band in assessment.bands]
    for band in assessment.bands:
        section = bands[band.id]
        assert (section.attrs["data-min"], section.attrs["data-max"]) == (
            str(band.min),
            str(band.max),
        )
        assert "markdown" not in section.attrs, "md_in_html did not process the band"
        strong = section.find_all("strong")
        assert strong and strong[0].text() == f"{band.min}–{band.max}: {band.label}."
        links = [a.attrs.get("href") for a in section.find_all("a")]
        # A band may point back to its own practice ("See: this page"): MkDocs writes './'.
        assert links == [
            "./" if target == practice_id else f"../{target}/" for target in band.practices
        ]


def test_no_raw_markdown_reaches_the_pages(built_site: Path) -> None:
    """Markdown left inside raw HTML blocks shows up as literal ** or [text](page.md)."""
    leaks: list[str] = []
    for path in sorted(built_site.rglob("*.html")):
        tree = parse_html(path.read_text("utf-8"))
        for article in (e for e in tree.iter() if e.tag == "article"):
            text = article.text()
            for pattern in (r"\*\*\S", r"\]\([^)\s]+\)", r"\{:\s*\."):
                leaks.extend(
                    f"{path.relative_to(built_site)}: {m.group(0)!r}"
                    for m in re.finditer(pattern, text)
                )
    assert not leaks, "\n".join(leaks)
