"""Payloads a less-trusted author could write into a playbook, and the invariants of built HTML.

Every payload is data: a name, the kind of field it belongs in, its text and what must become
of it. ``inert`` payloads build, show as text (or as harmless markup) and run nothing; each
carries a marker (``pbx`` and its name, letters and digits only, so that search finds it as
one word) in visible text and in every ``alert`` it would call, so a dialog that opens names
the payload that got through. ``rejected`` payloads make ``playbook validate`` fail with a
located problem at the field they were put in.

Field kinds:

* ``inline``: one line of Markdown; goes into every Markdown field, inline (checklist items,
  statements) and block (why, advice, descriptions, intros, body) alike.
* ``block``: block Markdown only (several lines, reference definitions, fences).
* ``plain``: plain-text fields (titles, summaries, labels, scale labels, the site's name,
  description, author and copyright, interface strings under ``strings:``).
* ``tag``, ``url`` (``site.url`` and resource urls), ``file_name`` (a playbook's file name)
  and ``colour`` (``site.palette``).

The second half of the module reads built HTML pages (``scan_page``) and compares a page
built from payloads with the same page built from the same project without them
(``compare_with_baseline``): content may add only the elements and attributes a Markdown
field may produce, never an id, a class, a style or a data-* attribute the template does not
have itself, and nothing anywhere may run code.
"""

from __future__ import annotations

import re
import types
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import yaml
from pydantic import BaseModel

from generator import playbook_schema, schema
from generator.template_filters import heading_slug
from support.projects import (
    HEALTH_CHECK,
    HOME,
    PLAYBOOK,
    PRACTICE,
    REPO_ROOT,
    SCALES,
    TROUBLESHOOTING,
)

Kind = Literal["inline", "block", "plain", "tag", "url", "file_name", "colour"]
Outcome = Literal["inert", "rejected"]

KINDS: tuple[Kind, ...] = ("inline", "block", "plain", "tag", "url", "file_name", "colour")

#: Placeholder in a payload's text for its marker (braces would clash with the payloads).
M = "MARK"


@dataclass(frozen=True)
class Payload:
    name: str
    kind: Kind
    text: str
    outcome: Outcome
    #: The payload must fill a field alone (it means something only as the whole value).
    alone: bool = False

    @property
    def marker(self) -> str:
        return "pbx" + re.sub(r"[^a-z0-9]", "", self.name.lower())

    @property
    def value(self) -> str:
        """The text as written into YAML, marker filled in."""
        return self.text.replace(M, self.marker)


def _inert(name: str, kind: Kind, body: str, *, alone: bool = False) -> Payload:
    """An inert payload whose marker also shows as a word of its own before the body."""
    if alone or kind == "url":  # an address carries its marker in its host name
        return Payload(name, kind, body, "inert", alone=alone)
    separator = "\n\n" if kind == "block" else " "
    return Payload(name, kind, f"{M}{separator}{body}", "inert")


def _rejected(name: str, kind: Kind, text: str) -> Payload:
    return Payload(name, kind, text, "rejected")


ALERT = f"alert('{M}')"

PAYLOADS: tuple[Payload, ...] = (
    # --- raw HTML that runs script: text by default, removed with allow_html ---------------------
    _inert("script-element", "inline", f"<script>{ALERT}</script>"),
    _inert("img-onerror", "inline", f'<img src=x onerror="{ALERT}">'),
    _inert("img-onerror-upper", "inline", f"<IMG SRC=x ONERROR={ALERT}>"),
    _inert("img-unclosed", "inline", f"<img src=x onerror={ALERT}//"),
    _inert("svg-onload", "inline", f'<svg onload="{ALERT}"><circle r="4"/></svg>'),
    _inert(
        "svg-animate",
        "inline",
        f'<svg><animate onbegin="{ALERT}" attributeName="x" dur="1s"/></svg>',
    ),
    _inert(
        "svg-xlink-href",
        "inline",
        f'<svg><a xlink:href="javascript:{ALERT}"><text y="20">{M}</text></a></svg>',
    ),
    _inert(
        "svg-set-href",
        "inline",
        f'<svg><a><set attributeName="href" to="javascript:{ALERT}"/><text>x</text></a></svg>',
    ),
    _inert("iframe-srcdoc", "inline", f'<iframe srcdoc="<script>{ALERT}</script>"></iframe>'),
    _inert("iframe-javascript", "inline", f'<iframe src="javascript:{ALERT}"></iframe>'),
    _inert(
        "object-data",
        "inline",
        f'<object data="data:text/html,<script>{ALERT}</script>"></object>',
    ),
    _inert("embed-src", "inline", f'<embed src="data:text/html,<script>{ALERT}</script>">'),
    _inert("base-href", "inline", f'<base href="http://{M}.example/">'),
    _inert(
        "meta-refresh",
        "inline",
        f'<meta http-equiv="refresh" content="0;url=javascript:{ALERT}">',
    ),
    _inert(
        "link-stylesheet", "inline", f'<link rel="stylesheet" href="http://{M}.example/x.css">'
    ),
    _inert(
        "style-element",
        "inline",
        f"<style>body{{background:url(http://{M}.example/b.png)}}</style>",
    ),
    _inert(
        "style-attribute-url",
        "inline",
        f'<span style="background:url(http://{M}.example/s.png)">styled</span>',
    ),
    _inert(
        "form-action", "inline", f'<form action="javascript:{ALERT}"><button>go</button></form>'
    ),
    _inert("button-formaction", "inline", f'<button formaction="javascript:{ALERT}">go</button>'),
    _inert(
        "details-ontoggle",
        "inline",
        f'<details open ontoggle="{ALERT}"><summary>more</summary>inside</details>',
    ),
    _inert("input-autofocus", "inline", f'<input autofocus onfocus="{ALERT}">'),
    _inert("anchor-javascript", "inline", f'<a href="javascript:{ALERT}">click</a>'),
    _inert("anchor-entities", "inline", f'<a href="&#106;&#97;vascript:{ALERT}">click</a>'),
    _inert("anchor-onclick", "inline", f'<a href="#top" onclick="{ALERT}">click</a>'),
    _inert(
        "anchor-data-html",
        "inline",
        f'<a href="data:text/html,<script>{ALERT}</script>">click</a>',
    ),
    _inert("abbr-html-title", "inline", f'<abbr title="<img src=x onerror={ALERT}>">abbr</abbr>'),
    _inert("template-element", "inline", f"<template><img src=x onerror={ALERT}></template>"),
    _inert(
        "mxss-math-style",
        "inline",
        f"<math><mtext><table><mglyph><style><img src=x onerror={ALERT}></style></math>",
    ),
    _inert(
        "mxss-noscript",
        "inline",
        f'<noscript><p title="</noscript><img src=x onerror={ALERT}>"></noscript>',
    ),
    _inert("nested-script", "inline", f"<scr<script>ipt>{ALERT}</scr</script>ipt>"),
    _inert("double-angle", "inline", f"<<img src=x onerror={ALERT}>"),
    _inert("comment-bang-close", "inline", f"<!-- --!><img src=x onerror={ALERT}> -->"),
    _inert("comment-short", "inline", f"<!--><img src=x onerror={ALERT}>-->"),
    _inert("cdata", "inline", f"<![CDATA[><img src=x onerror={ALERT}>]]>"),
    _inert("quote-breakout", "inline", f"\"'><script>{ALERT}</script>"),
    # --- Material's own machinery: reserved ids, classes and data attributes ---------------------
    _inert(
        "reserved-config-div",
        "inline",
        f'<div id="__config">{{"search":"http://{M}.example/w.js"}}</div>',
    ),
    _inert("reserved-search-id", "inline", '<input id="__search" type="checkbox" checked>'),
    _inert(
        "reserved-pb-action",
        "inline",
        '<button data-pb-action="reset-answers" style="position:fixed;inset:0">x</button>',
    ),
    _inert("reserved-md-data", "inline", '<span data-md-component="search-query">q</span>'),
    _inert("reserved-class", "inline", '<span class="md-search pb-band" hidden>hidden</span>'),
    # --- Markdown links, autolinks and images ----------------------------------------------------
    _inert("link-javascript", "inline", f"[click](javascript:{ALERT})"),
    _inert("link-javascript-case", "inline", f"[click](JaVaScRiPt:{ALERT})"),
    _inert("link-javascript-tab", "inline", f"[click](java&#x09;script:{ALERT})"),
    _inert("link-entity-scheme", "inline", f"[click](&#106;avascript:{ALERT})"),
    _inert("link-vbscript", "inline", f"[click](vbscript:msgbox('{M}'))"),
    _inert(
        "link-data-html",
        "inline",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    ),
    _inert("autolink-javascript", "inline", f"<javascript:{ALERT}>"),
    _inert(
        "autolink-mailto-handler",
        "inline",
        f"<mailto:x/contenteditable/autofocus/onfocus={ALERT}>",
    ),
    _inert("autolink-http-quote", "inline", f'<http://x.example/"onmouseover="{ALERT}>'),
    _inert("tooltip-link-title", "inline", f'[hover me](#top "<img src=x onerror={ALERT}>")'),
    _inert("tooltip-image-title", "inline", f'![pic](pbx.png "<img src=x onerror={ALERT}>")'),
    _inert("image-relative", "inline", "![relative picture](pictures/pbx.png)"),
    _inert("image-remote-http", "inline", f"![tracking pixel](http://{M}.example/t.png)"),
    _inert("image-protocol-relative", "inline", f"![tracking pixel](//{M}.example/t.png)"),
    # --- addresses that browsers read differently from a plain reading (WHATWG URL rules) ------
    _inert("image-backslash-host", "inline", f"![tracking pixel](/\\{M}.example/t.png)"),
    _inert("image-backslash-host-html", "inline", f'<img alt="x" src="/\\{M}.example/t.png">'),
    _inert("image-tab-host-html", "inline", f'<img alt="x" src="/&#9;/{M}.example/t.png">'),
    _inert("image-newline-host-html", "inline", f'<img alt="x" src="/&#10;/{M}.example/t.png">'),
    _inert(
        "image-spaced-scheme-html", "inline", f'<img alt="x" src=" HTTPS://{M}.example/t.png">'
    ),
    _inert("image-scheme-no-slashes", "inline", f"![tracking pixel](http:{M}.example/t.png)"),
    _inert("link-control-javascript", "inline", f'<a href="&#1;javascript:{ALERT}">x</a>'),
    # --- what engine shims of image plugins would read: alt text as HTML, a media mark -------
    _inert("image-alt-html", "inline", f"![<img src=x onerror={ALERT}>](pbx.png)"),
    _inert("image-alt-media-mark", "inline", f"![type:video](https://{M}.example/v.mp4)"),
    _inert(
        "image-data-svg",
        "inline",
        "![svg](data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmci"
        "IG9ubG9hZD0iYWxlcnQoMSkiLz4=)",
    ),
    _inert("image-data-html", "inline", f"![html](data:text/html,<script>{ALERT}</script>)"),
    # --- md_in_html breakouts: end tags of the template inside code spans ------------------------
    _inert(
        "breakout-section",
        "inline",
        f"`</section></div><img src=x onerror={ALERT}>`",
    ),
    _inert(
        "breakout-form",
        "inline",
        f"`</label></li></ul></form><img src=x onerror={ALERT}>`",
    ),
    _inert(
        "breakout-fieldset",
        "inline",
        f"`</legend></fieldset></form><svg onload={ALERT}>`",
    ),
    # --- text that looks like a template or a format string stays text ---------------------------
    _inert("jinja-like", "inline", "{{ 7*7 }} {% if x %}y{% endif %} {{ config.extra }}"),
    _inert("format-like", "inline", "{title} {0} %s %(name)s ${x} {{}}"),
    # --- block Markdown --------------------------------------------------------------------------
    _inert("reference-link", "block", f"[click][ref]\n\n[ref]: javascript:{ALERT}"),
    _inert("reference-image", "block", f"![remote][img]\n\n[img]: http://{M}.example/r.png"),
    _inert("snippet-include", "block", '--8<-- ".env"'),
    _inert("snippet-include-block", "block", "--8<--\n.env\n../outside.txt\n--8<--"),
    _inert(
        "md-in-html-block",
        "block",
        f'<div markdown="1">\n\n**b**</div></section></div><img src=x onerror={ALERT}>\n\n</div>',
    ),
    _inert(
        "abbreviation-html",
        "block",
        f"The HTML spec.\n\n*[HTML]: <img src=x onerror={ALERT}>",
    ),
    _inert(
        "footnote",
        "block",
        f"Text with a note.[^1]\n\n[^1]: <img src=x onerror={ALERT}> note",
    ),
    _inert(
        "admonition",
        "block",
        f'!!! note "<img src=x onerror={ALERT}>"\n    Inside the note.',
    ),
    _inert(
        "admonition-reserved-classes",
        "block",
        '!!! md-search pb-band md-content "title"\n    Classes of the theme and the script.',
    ),
    _inert(
        "details-block",
        "block",
        f'??? note "<svg onload={ALERT}>"\n    Folded text.',
    ),
    _inert(
        "fenced-code",
        "block",
        f"```html\n<script>{ALERT}</script>\n```",
    ),
    _inert(
        "tabbed",
        "block",
        f'=== "<img src=x onerror={ALERT}>"\n\n    Tab text.',
    ),
    _inert("table", "block", f"| a | b |\n| --- | --- |\n| <img src=x onerror={ALERT}> | 2 |"),
    _inert("critic-markup", "block", f"{{++<img src=x onerror={ALERT}>++}} {{--gone--}}"),
    _inert("html-comment-block", "block", f"<!--\n--><script>{ALERT}</script><!--\n-->"),
    # --- plain text: shown exactly as typed ------------------------------------------------------
    _inert(
        "plain-html",
        "plain",
        f"\"'><img src=x onerror={ALERT}></title></textarea></script><b>bold</b>",
    ),
    _inert("plain-markdown", "plain", f"**not bold** _x_ [link](javascript:{ALERT}) `code` # no"),
    _inert("plain-entities", "plain", "&amp; &lt;b&gt; &#60;i&#62; AT&T"),
    _inert("plain-jinja", "plain", "{{ 7*7 }} {% raw %} {title} %s ${x} {{ page.meta }}"),
    _inert("plain-script-json", "plain", f"</script><script>{ALERT}</script>\u2028\\u003c"),
    _inert("plain-attribute", "plain", f"x\" onmouseover=\"{ALERT}\" y='z' onfocus='{ALERT}'"),
    _inert("plain-reserved-config", "plain", "__config", alone=True),
    _inert("plain-reserved-search", "plain", "__search", alone=True),
    _inert("plain-list-marker", "plain", "1. not a list", alone=True),
    # --- tags and resource urls that are fine ----------------------------------------------------
    _inert("tag-jinja", "tag", "{{ tag }} {x} %s"),
    _inert("tag-reserved", "tag", "__config", alone=True),
    _inert("url-query", "url", f"https://{M}.example/path?a=1&b=2#frag"),
    # --- rejected: attribute lists, which reach Material's machinery -----------------------------
    _rejected("attr-hidden", "block", "A paragraph.\n{: hidden }"),
    _rejected("attr-config-id", "block", "A paragraph.\n{: #__config }"),
    _rejected("attr-heading-id", "block", "# Heading {#__search}"),
    _rejected("attr-class", "inline", "A word{.md-search} here."),
    _rejected(
        "attr-pb-action",
        "inline",
        '[x](#){: data-pb-action="reset-answers" style="position:fixed;inset:0;opacity:0" }',
    ),
    _rejected("attr-onclick", "inline", '[x](#top){: onclick="alert(1)" }'),
    _rejected(
        "attr-style-url", "inline", '![i](x.png){: style="background:url(http://x.example/)" }'
    ),
    _rejected("plain-newline-attr", "plain", "x\n\n# y {: #__config }"),
    # --- rejected: tags, urls, file names and colours that could break out -----------------------
    _rejected("tag-html", "tag", "<img src=x onerror=alert(1)>"),
    _rejected("tag-quote", "tag", 'say "hi"'),
    _rejected("tag-apostrophe", "tag", "it's"),
    _rejected("tag-ampersand", "tag", "R&D"),
    _rejected("url-quote-breakout", "url", 'https://x.example/"><img/src/onerror=alert(1)>/'),
    _rejected("url-apostrophe", "url", "https://x.example/'onmouseover='alert(1)'"),
    _rejected("url-angle", "url", "https://x.example/<script>"),
    _rejected("url-javascript", "url", "javascript:alert(1)//https://x.example/"),
    _rejected("file-javascript", "file_name", "javascript:alert(document.domain)%2F%2F"),
    _rejected("file-space", "file_name", "Team Playbook"),
    _rejected("file-quote", "file_name", 'x"><img src=x onerror=alert(1)>'),
    _rejected("colour-css-injection", "colour", "red;background:url(http://x.example/)"),
    _rejected("colour-breakout", "colour", '#00796b"><script>alert(1)</script>'),
    _rejected("colour-short-hex", "colour", "#fff"),
)


def payloads(kind: Kind | None = None, outcome: Outcome | None = None) -> list[Payload]:
    return [
        p
        for p in PAYLOADS
        if (kind is None or p.kind == kind) and (outcome is None or p.outcome == outcome)
    ]


def by_name(name: str) -> Payload:
    (found,) = [p for p in PAYLOADS if p.name == name]
    return found


# --- reading built pages ---------------------------------------------------------------------

#: Elements no content may add anywhere in a page: they run, load or embed code, submit or
#: restyle the page, or let Material's and the script's own controls be faked.
NEVER_FROM_CONTENT = frozenset(
    """script style iframe frame frameset object embed applet base meta link svg math form
    input button textarea select option template noscript portal dialog video audio source
    track canvas marquee image use animate set foreignobject xmp plaintext noembed""".split()
)
#: Elements a Markdown field may produce (beyond those the template has itself).
CONTENT_ELEMENTS = frozenset(
    """p br hr em strong b i u s del ins mark sub sup small code pre kbd samp var blockquote
    q cite ul ol li dl dt dd a img abbr h1 h2 h3 h4 h5 h6 table thead tbody tfoot tr th td
    caption details summary span div figure figcaption""".split()
)
#: Attributes a Markdown field may give those elements (never id, class, style or data-*).
CONTENT_ATTRIBUTES = {
    "a": {"href", "title", "rel"},
    "img": {"src", "alt", "title", "width", "height", "loading"},
    "abbr": {"title"},
    "ol": {"start"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align"},
    "details": {"open"},
}
#: Admonitions and folded blocks: ``admonition`` and Material's types name no element of the
#: theme's or the script's machinery (those are ``md-*``, ``pb-*`` and ``__*``), so the
#: sanitiser may keep them; any other class from content is a finding.
ADMONITION_CLASSES = frozenset(
    """admonition admonition-title note abstract summary tldr info todo tip hint important
    success check done question help faq warning caution attention failure fail missing
    danger error bug example quote cite""".split()
)
#: Ids of Material's own machinery; each exists at most once, never inside the content.
RESERVED_IDS = ("__config", "__search", "__drawer")
URL_ATTRIBUTES = frozenset(
    """href src action formaction xlink:href data poster background cite longdesc lowsrc
    dynsrc ping codebase manifest srcset to from values""".split()
)
VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")
_SAFE_DATA_IMAGE = re.compile(r"data:image/(png|gif|jpeg|jpg|webp|avif)[;,]")


def code_running_url(name: str, value: str) -> bool:
    """True for an address that runs code or shows a document of its own when followed."""
    url = _IGNORED_IN_URL.sub("", value).lower()
    if url.startswith(("javascript:", "vbscript:", "livescript:")):
        return True
    if url.startswith("data:"):
        return not (name in ("src", "srcset") and _SAFE_DATA_IMAGE.match(url))
    return False


@dataclass
class Element:
    tag: str
    attributes: dict[str, str]
    in_content: bool
    text: str = ""  # headings only: their text, for the ids the toc extension gives them


@dataclass
class PageScan:
    """What one HTML page holds, read the way a browser would before any script runs."""

    elements: list[Element] = field(default_factory=list)
    visible_text: list[str] = field(default_factory=list)  # text outside script and style

    def counts(self) -> Counter[str]:
        return Counter(e.tag for e in self.elements)

    def content(self) -> list[Element]:
        return [e for e in self.elements if e.in_content]

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.visible_text).split())


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()
        self.stack: list[tuple[str, bool]] = []  # (tag, opens .md-content)
        self.heading: Element | None = None

    def _inside_content(self) -> bool:
        return any(opens for _, opens in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        opens = "md-content" in attributes.get("class", "").split()
        element = Element(tag, attributes, self._inside_content() or opens)
        self.scan.elements.append(element)
        if re.fullmatch(r"h[1-6]", tag):
            self.heading = element
        if tag not in VOID_ELEMENTS:
            self.stack.append((tag, opens))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if self.heading is not None and tag == self.heading.tag:
            self.heading = None
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] in ("script", "style", "template"):
            return
        self.scan.visible_text.append(data)
        if self.heading is not None:
            self.heading.text += data


def scan_page(html_text: str) -> PageScan:
    scanner = _Scanner()
    scanner.feed(html_text)
    scanner.close()
    return scanner.scan


def active_content(scan: PageScan) -> list[str]:
    """Whatever in the page could run code: handlers and code-running addresses, anywhere."""
    found = []
    for element in scan.elements:
        for name, value in element.attributes.items():
            if name.startswith("on") or name == "srcdoc":
                found.append(f"<{element.tag} {name}={value[:60]!r}>")
            elif name in URL_ATTRIBUTES and code_running_url(name, value):
                found.append(f"<{element.tag} {name}={value[:60]!r}>")
    return found


def _heading_id_from_toc(element: Element, value: str) -> bool:
    """An id the generator gave a template heading from its (plain-text) title."""
    if not re.fullmatch(r"h[1-6]", element.tag) or value.startswith("_"):
        return False
    if value.startswith("tag:"):
        return True  # Material's tags plugin: its own prefix, which no reserved id has
    slug = heading_slug(element.text.replace("¶", "").strip())
    return value == slug or re.fullmatch(re.escape(slug) + r"-\d+", value) is not None


def compare_with_baseline(scan: PageScan, baseline: PageScan) -> list[str]:
    """How a page built from payloads goes beyond the same page built without them."""
    problems = active_content(scan)
    counts, allowed_counts = scan.counts(), baseline.counts()
    for tag in sorted(NEVER_FROM_CONTENT):
        if counts[tag] > allowed_counts[tag]:
            problems.append(
                f"{counts[tag]} <{tag}> elements, {allowed_counts[tag]} without content"
            )
    for reserved in RESERVED_IDS:
        holders = [e for e in scan.elements if e.attributes.get("id") == reserved]
        expected = [e.tag for e in baseline.elements if e.attributes.get("id") == reserved]
        if [e.tag for e in holders] != expected or any(e.in_content for e in holders):
            problems.append(f"id {reserved!r} on {[e.tag for e in holders]}, expected {expected}")
    base_content = baseline.content()
    base_tags = {e.tag for e in base_content}
    base_pairs = {(e.tag, name) for e in base_content for name in e.attributes}
    base_ids = {e.attributes["id"] for e in base_content if "id" in e.attributes}
    base_classes = {c for e in base_content for c in e.attributes.get("class", "").split()}
    base_styles = {(e.tag, e.attributes["style"]) for e in base_content if "style" in e.attributes}
    for element in scan.content():
        tag = element.tag
        if tag not in base_tags and tag not in CONTENT_ELEMENTS:
            problems.append(f"element <{tag}> in the content")
        theirs = element.attributes.get("id", "").startswith("__")  # Zensical's skip target
        if tag == "a" and "href" not in element.attributes and not theirs:
            # A refused address leaves text alone: an anchor without one stops link previews.
            problems.append("<a> without an address in the content")
        for name, value in element.attributes.items():
            where = f"<{tag} {name}={value[:60]!r}> in the content"
            if name == "id":
                if value not in base_ids and not _heading_id_from_toc(element, value):
                    problems.append(where)
            elif name == "class":
                for token in value.split():
                    language = tag == "code" and token.startswith("language-")
                    admonition = tag in ("div", "p", "details") and token in ADMONITION_CLASSES
                    if token not in base_classes and not language and not admonition:
                        problems.append(f"class {token!r} on {where}")
            elif name == "style":
                if (tag, value) not in base_styles:
                    problems.append(where)
            elif name.startswith("data-"):
                if (tag, name) not in base_pairs:
                    problems.append(where)
            elif (tag, name) not in base_pairs and name not in CONTENT_ATTRIBUTES.get(tag, ()):
                problems.append(where)
    return problems


def _check_corpus() -> None:
    names = [p.name for p in PAYLOADS]
    assert len(names) == len(set(names)), "payload names repeat"
    markers = [p.marker for p in PAYLOADS]
    assert len(markers) == len(set(markers)), "payload markers repeat"
    for payload in PAYLOADS:
        if payload.outcome == "inert" and not payload.alone:
            assert payload.marker in payload.value, payload.name


_check_corpus()


# --- projects to put payloads in ----------------------------------------------------------------

#: Text for every free-text slot of a project built without payloads: the baseline.
BENIGN = "Plain words"
#: Written into the project's .env and a file beside the project: never in a built page.
SECRET = "pbxsecretfilecontents"

PAGES = (
    "",
    "practices/alpha/",
    "practices/beta/",
    "health-check/",
    "troubleshooting/",
    "sources/",
    "tags/",
)

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Slot:
    """A place in a project for text: a file (relative to the project) and a key path."""

    file: str
    path: Path_
    group: Literal["block", "inline", "plain", "tag", "url"]


def skeleton() -> dict[str, dict[str, object]]:
    """The small valid project of support/projects.py with every optional field filled in and
    every interface string set, as data keyed by file."""
    from generator.ui import ALL_STRINGS

    files: dict[str, dict[str, object]] = {
        "content/practices/alpha.yaml": yaml.safe_load(PRACTICE.format(id="alpha", other="beta")),
        "content/practices/beta.yaml": yaml.safe_load(PRACTICE.format(id="beta", other="alpha")),
        "content/scales.yaml": yaml.safe_load(SCALES),
        "content/health-check.yaml": yaml.safe_load(HEALTH_CHECK),
        "content/troubleshooting.yaml": yaml.safe_load(TROUBLESHOOTING),
        "content/home.yaml": yaml.safe_load(HOME),
        "playbooks/default.yaml": yaml.safe_load(PLAYBOOK),
    }
    for name in ("alpha", "beta"):
        practice = files[f"content/practices/{name}.yaml"]
        assessment = practice["assessment"]
        assert isinstance(assessment, dict)
        assessment["intro"] = "Answer for the last month."
        practice["resources"] = [
            {"title": "A book", "url": "https://books.example/one", "note": "Chapter two."}
        ]
        checklist = practice["checklist"]
        assert isinstance(checklist, list)
        checklist[0]["cadence"] = "weekly"
        practice["reset"] = "Reset it each week."
        practice["session"] = {
            "time": "45 minutes",
            "people": "The whole team",
            "materials": ["Sticky notes"],
            "before": ["Book a room."],
            "during": ["Each person answers."],
            "after": ["Follow up in a week."],
            "remote": "Use a shared board.",
        }
        practice["reflection"] = ["When did I last ask?"]
        practice["templates"] = [
            {"id": "agenda", "title": "An agenda", "intro": "Copy it.", "body": "Date: ____"}
        ]
        practice["sources"] = ["a-book"]
    for page in ("home", "health-check", "troubleshooting"):
        files[f"content/{page}.yaml"]["sources"] = ["a-book"]
    dimensions = files["content/health-check.yaml"]["dimensions"]
    assert isinstance(dimensions, list)
    for dimension in dimensions:
        dimension["discussion"] = "What would help us here?"
    files["content/sources.yaml"] = {
        "title": "Sources",
        "summary": "What the playbook draws on.",
        "intro": "Each source, credited.",
        "sources": [
            {
                "id": "a-book",
                "title": "A Book",
                "author": "An Author",
                "published_in": "A publisher",
                "url": "https://books.example/a-book",
                "used_for": "One idea.",
                "figures": [{"quote": "Ten people said so", "date": "in 2020"}],
            }
        ],
    }
    playbook = files["playbooks/default.yaml"]
    site = playbook["site"]
    assert isinstance(site, dict)
    site["author"] = "A coach"
    site["copyright"] = "Shared freely"
    playbook["audience"] = "Team leads"
    playbook["strings"] = {key: BENIGN for key in sorted(ALL_STRINGS)}
    return files


def get(data: object, path: Path_) -> object:
    for part in path:
        data = data[part]  # type: ignore[index]
    return data


def put(data: object, path: Path_, value: object) -> None:
    get(data, path[:-1])[path[-1]] = value  # type: ignore[index]


def browser_slots(files: dict[str, dict[str, object]]) -> list[Slot]:
    """Every text slot of the skeleton by what it holds (block or inline Markdown, plain text,
    tags, urls), listed by hand: which template context each lands in is the point."""
    slots: list[Slot] = []
    for name in ("alpha", "beta"):
        f = f"content/practices/{name}.yaml"
        for path in [
            ("why",), ("steps", 0, "detail"), ("contexts", "employees"), ("contexts", "teams"),
            ("contexts", "customers"), ("pitfalls", 0, "detail"), ("assessment", "intro"),
            ("assessment", "bands", 0, "advice"), ("assessment", "bands", 1, "advice"),
            ("reset",), ("session", "remote"),
        ]:  # fmt: skip
            slots.append(Slot(f, path, "block"))
        for path in [
            ("checklist", 0, "text"), ("checklist", 1, "text"),
            ("assessment", "questions", 0, "text"), ("assessment", "questions", 1, "text"),
            ("signs", "good", 0), ("signs", "warning", 0),
            ("session", "time"), ("session", "people"), ("session", "materials", 0),
            ("session", "before", 0), ("session", "during", 0), ("session", "after", 0),
            ("reflection", 0),
        ]:  # fmt: skip
            slots.append(Slot(f, path, "inline"))
        for path in [
            ("title",), ("summary",), ("steps", 0, "title"), ("pitfalls", 0, "title"),
            ("assessment", "bands", 0, "label"), ("assessment", "bands", 1, "label"),
            ("resources", 0, "title"), ("resources", 0, "note"),
            ("templates", 0, "title"), ("templates", 0, "intro"), ("templates", 0, "body"),
        ]:  # fmt: skip
            slots.append(Slot(f, path, "plain"))
        slots.append(Slot(f, ("tags",), "tag"))
        slots.append(Slot(f, ("resources", 0, "url"), "url"))
    for index in range(3):
        slots.append(Slot("content/scales.yaml", ("scales", 0, "points", index, "label"), "plain"))
    hc = "content/health-check.yaml"
    slots += [Slot(hc, ("title",), "plain"), Slot(hc, ("summary",), "plain")]
    slots.append(Slot(hc, ("intro",), "block"))
    for index in range(2):
        slots.append(Slot(hc, ("dimensions", index, "title"), "plain"))
        slots.append(Slot(hc, ("dimensions", index, "description"), "block"))
        slots.append(Slot(hc, ("dimensions", index, "questions", 0, "text"), "inline"))
    ts = "content/troubleshooting.yaml"
    slots += [Slot(ts, ("title",), "plain"), Slot(ts, ("summary",), "plain")]
    slots += [Slot(ts, ("intro",), "block"), Slot(ts, ("challenges", 0, "description"), "block")]
    slots.append(Slot(ts, ("challenges", 0, "title"), "plain"))
    slots.append(Slot(ts, ("challenges", 0, "symptoms", 0), "inline"))
    slots.append(Slot(ts, ("challenges", 0, "remedies", 0), "inline"))
    home = "content/home.yaml"
    slots += [Slot(home, ("title",), "plain"), Slot(home, ("summary",), "plain")]
    slots.append(Slot(home, ("body",), "block"))
    src = "content/sources.yaml"
    slots += [Slot(src, ("title",), "plain"), Slot(src, ("summary",), "plain")]
    slots.append(Slot(src, ("intro",), "block"))
    slots.append(Slot(src, ("sources", 0, "used_for"), "block"))
    for key in ("title", "author", "published_in"):
        slots.append(Slot(src, ("sources", 0, key), "plain"))
    slots.append(Slot(src, ("sources", 0, "figures", 0, "quote"), "plain"))
    slots.append(Slot(src, ("sources", 0, "figures", 0, "date"), "plain"))
    pb = "playbooks/default.yaml"
    for key in ("name", "description", "author", "copyright"):
        slots.append(Slot(pb, ("site", key), "plain"))
    slots.append(Slot(pb, ("audience",), "plain"))
    strings = get(files[pb], ("strings",))
    assert isinstance(strings, dict)
    for key in sorted(strings):
        slots.append(Slot(pb, ("strings", key), "plain"))
    return slots


def fit_placeholders(key: str, text: object) -> object:
    """``text`` as interface string ``key`` may hold it: validate refuses a string whose
    placeholders are not those of the English text (tests/test_interface_strings.py), so a
    payload's unknown ones are spaced out (``{ x }`` is text, not a placeholder) and the
    missing ones added at its end."""
    from generator.ui import ALL_STRINGS, PLACEHOLDER, placeholders

    if key not in ALL_STRINGS or not isinstance(text, str):
        return text
    expected = placeholders(ALL_STRINGS[key])
    text = PLACEHOLDER.sub(lambda m: m[0] if m[1] in expected else f"{{ {m[1]} }}", text)
    missing = [name for name in expected if name not in placeholders(text)]
    return text + "".join(f" {{{name}}}" for name in missing)


def write_project(root: Path, files: dict[str, dict[str, object]], mkdocs: str) -> None:
    """Write ``files`` (data) and ``mkdocs`` (text) into the folder ``root``, with a .env file
    and a file beside the project that must never be published."""
    folder = root
    for relative, data in files.items():
        strings = data.get("strings") if relative.startswith("playbooks/") else None
        if isinstance(strings, dict):
            fitted = {key: fit_placeholders(key, text) for key, text in strings.items()}
            data = {**data, "strings": fitted}
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    (folder / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    (folder / ".env").write_text(f"SECRET={SECRET}\n", encoding="utf-8")
    (folder.parent / "outside.txt").write_text(f"{SECRET}\n", encoding="utf-8")


#: The repository's own mkdocs.yml: the look a coach gets by default.
DEFAULT_MKDOCS_TEXT = (REPO_ROOT / "mkdocs.yml").read_text("utf-8")


# --- every free-text field of the schema ---------------------------------------------------------
#
# Free text is a ``str`` field whose shape nothing checks (no pattern, no validator, and, where
# the schema names the kind, a text or Markdown kind), found by walking the pydantic models.

#: A key path into a file's data, as the walker records it.
KeyPath = Path_

#: The models of a project's files that stand alone (no ``extend``), by file.
FILE_MODELS: dict[str, type[BaseModel]] = {
    "content/practices/alpha.yaml": schema.Practice,
    "content/practices/beta.yaml": schema.Practice,
    "content/scales.yaml": schema.Scales,
    "content/health-check.yaml": schema.HealthCheck,
    "content/troubleshooting.yaml": schema.Troubleshooting,
    "content/home.yaml": schema.Home,
    "content/sources.yaml": schema.Sources,
    "playbooks/default.yaml": playbook_schema.Playbook,
}

#: Free text by type in an older schema, checked by validation instead (paths, languages,
#: colours): left to the tests of constrained fields.
CHECKED_ELSEWHERE = {
    "Playbook.content",
    "Playbook.language",
    "SiteSettings.logo",
    "SiteSettings.favicon",
    "Palette.primary",
    "Palette.accent",
}


def _is_free_text(metadata: list[Any]) -> bool:
    for item in metadata:
        kind = getattr(item, "name", None) if type(item).__name__ == "FieldKind" else None
        if kind is not None:
            return kind in getattr(schema, "FREE_TEXT_KINDS", {"text", "markdown"})
        if getattr(item, "pattern", None) or type(item).__name__.endswith("Validator"):
            return False
    return True


def _walk(
    annotation: Any,
    metadata: list[Any],
    value: Any,
    path: KeyPath,
    owner: str,
    found: dict[str, list[KeyPath]],
) -> None:
    """Record in ``found`` (field -> key paths) every free-text value under ``value``; with
    ``value`` None, only which free-text fields the annotation declares."""
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *extra = get_args(annotation)
        _walk(base, [*metadata, *extra], value, path, owner, found)
    elif origin in (Union, types.UnionType):
        for option in get_args(annotation):
            if option is not type(None):
                _walk(option, metadata, value, path, owner, found)
    elif origin is list:
        (item,) = get_args(annotation)
        for index, entry in enumerate(value if isinstance(value, list) else [None]):
            _walk(item, [], entry, (*path, index), owner, found)
    elif origin is dict:
        _, item = get_args(annotation)
        for key in value if isinstance(value, dict) else [None]:
            entry = value[key] if isinstance(value, dict) else None
            _walk(item, [], entry, (*path, str(key)), owner, found)
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if value is None or isinstance(value, dict):
            walk_model(annotation, value, path, found)
    elif annotation is str and owner not in CHECKED_ELSEWHERE and _is_free_text(metadata):
        paths = found.setdefault(owner, [])
        if isinstance(value, str):
            paths.append(path)


def walk_model(
    model: type[BaseModel],
    data: dict[str, Any] | None,
    path: KeyPath,
    found: dict[str, list[KeyPath]],
) -> None:
    for name, info in model.model_fields.items():
        value = None if data is None else data.get(name)
        if data is not None and value is None:
            continue
        owner = f"{model.__name__}.{name}"
        _walk(info.annotation, list(info.metadata), value, (*path, name), owner, found)


def free_text_slots(files: dict[str, dict[str, object]]) -> Iterator[tuple[str, KeyPath]]:
    """Every free-text value in ``files`` (a project as data, keyed by file): file, key path."""
    for file, model in FILE_MODELS.items():
        found: dict[str, list[KeyPath]] = {}
        walk_model(model, files[file], (), found)
        for paths in found.values():
            for path in paths:
                yield file, path
