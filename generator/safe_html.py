"""Keep what coaches write from running code in readers' browsers.

Two layers:

* Before rendering, ``escape_raw_html`` turns every ``<`` of a Markdown field into ``&lt;``
  (readers still see ``<``), except inside one-line code spans and ``<https://...>`` links. No
  HTML tag can start, so raw HTML shows as text. A playbook with ``allow_html: true`` skips this.
* While Markdown becomes HTML, ``SafeHtmlExtension`` removes active content whatever the
  setting: event-handler attributes (``onclick``), ``srcdoc``, URLs whose scheme runs code
  (``javascript:``, ``vbscript:``, ``data:`` other than images), and elements that run or embed
  code (``<script>``, ``<object>``, ``<base>``, ...). Raw HTML, present only where a playbook
  allows it, goes through ``strip_active_content``.

This module needs only the standard library and Python-Markdown. The generated docs tree uses
it as a MkDocs hook (a copy beside its mkdocs.yml), so the tree still builds with plain MkDocs.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

#: ``config.extra`` key of the generated mkdocs.yml that lets raw HTML through.
ALLOW_HTML_KEY = "playbook_allow_html"

#: Elements dropped with everything inside them.
_DROP_WITH_CONTENT = frozenset({"script"})
#: Elements dropped, their content kept: they load or run code, or redirect the page.
_DROP_TAG = frozenset(
    {
        "object",
        "embed",
        "applet",
        "base",
        "meta",
        "frame",
        "frameset",
        "set",
        "animate",
        "animatemotion",
        "animatetransform",
        "handler",
        "listener",
    }
)
_URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "xlink:href",
        "data",
        "poster",
        "background",
        "cite",
        "longdesc",
        "lowsrc",
        "dynsrc",
        "ping",
        "codebase",
        "manifest",
        "srcset",
    }
)
_ATTRIBUTE_NAME = re.compile(r"[a-z_:][-a-z0-9_:.]*\Z")
#: Browsers ignore ASCII control characters and spaces in a URL's scheme ("java\tscript:").
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
_IMAGE_DATA = re.compile(r"data:image/(?:png|gif|jpeg|jpg|webp|avif);")


def html_text(text: str) -> str:
    """Plain ``text`` made safe where Material writes it unescaped: element content and
    double-quoted attributes. Ampersands and apostrophes are left as they are, because Material
    also writes some of these values through its own escaping (a logo's title), where an
    escaped '&' would show as '&amp;'."""
    return text.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _unsafe_url(name: str, value: str) -> bool:
    candidates = value.split(",") if name == "srcset" else [value]
    for candidate in candidates:
        url = _IGNORED_IN_URL.sub("", html.unescape(candidate)).lower()
        scheme = _SCHEME.match(url)
        if scheme is None:
            continue  # relative, or the colon comes after a path character
        if scheme.group(1) in ("javascript", "vbscript", "livescript"):
            return True
        if scheme.group(1) == "data" and not (name == "src" and _IMAGE_DATA.match(url)):
            return True
    return False


def safe_attribute(name: str, value: str | None) -> bool:
    """False for attributes that run code: event handlers, srcdoc, code-running URLs."""
    name = name.lower()
    if name.startswith("on") or name == "srcdoc" or not _ATTRIBUTE_NAME.match(name):
        return False
    return not (name in _URL_ATTRIBUTES and value is not None and _unsafe_url(name, value))


def clean_tree(root: etree.Element, unstash: Callable[[str], str] = str) -> None:
    """Remove active content from an element tree (Markdown's, before it becomes text).

    ``unstash`` puts back what Markdown set aside in attribute values (an entity such as
    ``&#97;`` or raw HTML waits in its stash until the very end). The real value is checked and
    set, so that the stash is never pasted, unescaped, inside an attribute.
    """
    for parent in list(root.iter()):
        for child in list(parent):
            if isinstance(child.tag, str) and child.tag.lower() in _DROP_WITH_CONTENT:
                parent.remove(child)
        unsafe = []
        for name, value in list(parent.attrib.items()):
            real = unstash(value)
            if not safe_attribute(name, real):
                unsafe.append(name)
                del parent.attrib[name]
            elif real != value:
                parent.set(name, real)
        # MkDocs expects every link to have an address and every image a source: one that
        # lost its own becomes plain text (a link's text, an image's alternative text).
        if (parent.tag == "a" and "href" in unsafe) or (parent.tag == "img" and "src" in unsafe):
            if parent.tag == "img":
                parent.text = parent.attrib.get("alt", "")
            parent.tag = "span"
            parent.attrib.clear()


class _Sanitizer(HTMLParser):
    """Writes HTML back out tag by tag, rebuilt from what was parsed, minus active content.

    Every tag is rebuilt rather than copied, so nothing the parser did not understand reaches
    the browser. Comments, declarations and processing instructions are dropped: browsers and
    Python's parser disagree about where some of them end.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.skipping: str | None = None

    def _tag(self, tag: str, attrs: list[tuple[str, str | None]], close: str) -> None:
        if self.skipping is not None:
            return
        if tag in _DROP_WITH_CONTENT:
            self.skipping = tag if close == ">" else None
            return
        if tag in _DROP_TAG:
            return
        parts = [f"<{tag}"]
        for name, value in attrs:
            if safe_attribute(name, value):
                parts.append(f" {name}" if value is None else f' {name}="{html.escape(value)}"')
        self.out.append("".join(parts) + close)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, ">")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, " />")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping is not None:
            if tag == self.skipping:
                self.skipping = None
            return
        if tag not in _DROP_TAG and tag not in _DROP_WITH_CONTENT:
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.skipping is None:
            # A '<' left in text is one the parser could not read as a tag; a browser might.
            self.out.append(data.replace("<", "&lt;"))

    def handle_entityref(self, name: str) -> None:
        if self.skipping is None:
            self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        if self.skipping is None:
            self.out.append(f"&#{name};")


def strip_active_content(text: str) -> str:
    """HTML ``text`` without scripts, event handlers or code-running URLs."""
    sanitizer = _Sanitizer()
    sanitizer.feed(text)
    sanitizer.close()
    return "".join(sanitizer.out)


#: What keeps its '<': a one-line code span (shown as code) and a <https://...> link.
_KEEP = re.compile(r"(?<![\\`])(`+)(?!`).+?(?<!`)\1(?!`)|<(?:https?://|mailto:)[^\s<>]*>", re.I)


def escape_raw_html(text: str) -> str:
    """Markdown ``text`` with raw HTML made visible text instead (see the module's notes)."""
    if "<" not in text:
        return text
    parts = []
    position = 0
    for kept in _KEEP.finditer(text):
        parts.append(text[position : kept.start()].replace("<", "&lt;"))
        parts.append(kept.group())
        position = kept.end()
    parts.append(text[position:].replace("<", "&lt;"))
    return "".join(parts)


class _CleanTree(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        stash = self.md.htmlStash.rawHtmlBlocks

        def unstash(value: str) -> str:
            return HTML_PLACEHOLDER_RE.sub(lambda m: str(stash[int(m.group(1))]), value)

        clean_tree(root, unstash)


class _CleanRawHtml(Postprocessor):
    """Cleans raw HTML before Markdown puts it back into the page."""

    def __init__(self, md: Markdown, allow_html: bool) -> None:
        super().__init__(md)
        self.allow_html = allow_html

    def run(self, text: str) -> str:
        blocks = self.md.htmlStash.rawHtmlBlocks
        for index, block in enumerate(blocks):
            if isinstance(block, etree.Element):
                clean_tree(block)  # Markdown inside HTML (md_in_html)
            elif self.allow_html:
                # Without allow_html every raw block is the page template's own markup.
                blocks[index] = strip_active_content(block)
        return text


class SafeHtmlExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {"allow_html": [False, "Let authors' raw HTML through (still cleaned)."]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After attr_list (8) and toc (5), which add attributes; before 'unescape' (0).
        md.treeprocessors.register(_CleanTree(md), "playbook_safe_html", 1)
        # Before 'raw_html' (30), which puts the stashed HTML back.
        md.postprocessors.register(
            _CleanRawHtml(md, bool(self.getConfig("allow_html"))), "playbook_safe_html", 35
        )


def on_config(config: Any) -> Any:
    """MkDocs hook: every page's Markdown is rendered with the extension."""
    allow_html = bool((config.get("extra") or {}).get(ALLOW_HTML_KEY, False))
    config["markdown_extensions"].append(SafeHtmlExtension(allow_html=allow_html))
    return config
