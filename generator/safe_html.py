"""What content may become in a page: an allow-list applied to the generator's own output.

Every Markdown field is converted here, by the generator, never by the engine that builds the
site, and the HTML is passed through nh3 (the Ammonia sanitiser) with an explicit list of
elements, attributes and URL schemes. The result is then *armoured* for the page it goes into:
every character that Markdown or one of its extensions could read as syntax is written as a
character reference (``&#123;`` for ``{``) and the whole field sits on one line, so whatever
``markdown_extensions`` the project's mkdocs.yml turns on, and whichever engine (MkDocs,
Zensical) converts the page, the content reaches the browser exactly as it left this module.

The field kinds (docs/pages/security.md):

* plain text (titles, summaries, labels, interface strings): never markup; whitespace folded
  into single spaces, every markup character a character reference (``plain_text``);
* Markdown: converted with a fixed set of extensions; raw HTML is text unless the playbook
  sets ``allow_html`` (then it passes the same allow-list); the output holds only
  ``ALLOWED_TAGS`` with ``ALLOWED_ATTRIBUTES``: no ids, no ``style``, no ``data-*``, no event
  handlers, classes only from ``ALLOWED_CLASSES``, titles and alt text without ``<``, ``>``
  or ``&``, URLs only of ``URL_SCHEMES`` or relative (``FieldMarkdown``);
* ids, tags, URLs, colours and file names are checked by the schema, paths.py and checks.py.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

import markdown
import nh3
from markdown.extensions import Extension
from markdown.extensions.tables import TableExtension

from .addresses import URL_SCHEMES, read_address

#: Everything Markdown makes of a field, and the harmless raw HTML an author may add where
#: ``allow_html`` is on. Headings start at h3: the page's own headings come from templates.
ALLOWED_TAGS = frozenset(
    {
        *("p", "br", "hr", "blockquote", "pre", "code", "kbd", "samp", "var"),
        *("strong", "b", "em", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup"),
        *("abbr", "q", "cite", "dfn", "span", "div", "details", "summary"),
        *("ul", "ol", "li", "dl", "dt", "dd", "figure", "figcaption"),
        *("table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td"),
        *("h3", "h4", "h5", "h6", "a", "img"),
    }
)
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "ol": {"start"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "td": {"align", "colspan", "rowspan"},
    "details": {"open"},
    "code": {"class"},
    "div": {"class"},
    "p": {"class"},
}
#: Classes content may carry: a code block's language and Material's admonition styles.
#: None of them is one the theme's or the tool's scripts look for.
ADMONITIONS = frozenset(
    {
        *("note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important"),
        *("success", "check", "done", "question", "help", "faq", "warning", "caution"),
        *("attention", "failure", "fail", "missing", "danger", "error", "bug", "example"),
        "quote",
        "cite",
    }
)
ALLOWED_CLASSES: dict[str, frozenset[str]] = {
    "div": frozenset({"admonition", *ADMONITIONS}),
    "p": frozenset({"admonition-title"}),
}
_LANGUAGE_CLASS = re.compile(r"language-[a-z0-9_+#-]{1,30}\Z", re.I)
#: Characters a title or an image's alt text may not hold: Material's tooltips put titles back
#: into pages as HTML, and lightboxes alt text.
_NOT_IN_TITLES = str.maketrans("", "", "<>&")

#: Address filter for ``href`` and ``src``: (element, attribute, value) to the value to keep,
#: or None to drop the attribute.
UrlFilter = Callable[[str, str, str], str | None]


def _keep_url(tag: str, attribute: str, value: str) -> str | None:
    """The address as a browser reads it, or None for one no page may hold."""
    address = read_address(value)
    return None if address.kind == "refused" else address.href


def _allowed_scheme(url: str) -> bool:
    """A relative address, or one of ``URL_SCHEMES``, as a browser reads it (addresses.py)."""
    return read_address(url).kind != "refused"


def sanitize(html: str, url_filter: UrlFilter = _keep_url) -> str:
    """``html`` with nothing outside the allow-list (see the module's notes)."""

    def attribute_filter(tag: str, attribute: str, value: str) -> str | None:
        if attribute in ("title", "alt"):
            # Material's tooltips and lightbox captions put them back into pages as HTML.
            return value.translate(_NOT_IN_TITLES)
        if attribute == "class":
            allowed = ALLOWED_CLASSES.get(tag, frozenset())
            names = [
                name
                for name in value.split()
                if name in allowed or (tag == "code" and _LANGUAGE_CLASS.match(name))
            ]
            return " ".join(names) or None
        if attribute in ("href", "src"):
            kept = url_filter(tag, attribute, value)
            return kept if kept is None or _allowed_scheme(kept) else None
        return value

    cleaned = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=attribute_filter,
        url_schemes=set(URL_SCHEMES),
        strip_comments=True,
        link_rel=None,
    )
    # A link whose address was refused is its text alone: an anchor without an address is
    # still a link to scripts that read every anchor (the theme's previews stop on one).
    return _ADDRESSLESS_LINK.sub(r"\1", cleaned)


#: An anchor the allow-list left without ``href`` (it may keep a title), and its content: an
#: anchor cannot hold another, so its content ends at the first end tag.
_ADDRESSLESS_LINK = re.compile(r'<a(?: title="[^"]*")?>(.*?)</a>', re.DOTALL)


#: Characters that start or end syntax in Markdown or a common extension (emphasis, code,
#: links, attribute lists, critic marks, snippets, emoji, magic links, keys, maths, tables).
_MARKUP = "&<>\"'{}[]\\`*_!:~^=+$@#|\n\r\t"
#: Characters that Python (str.splitlines), YAML or an engine may take for a line break.
_LINE_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_ARMOUR = {ord(c): f"&#{ord(c)};" for c in _MARKUP + _LINE_BREAKS} | {
    ord("&"): "&amp;",
    ord("<"): "&lt;",
    ord(">"): "&gt;",
    ord('"'): "&quot;",
}
#: In element text quotes mark nothing up (they stay readable), and outside ``pre`` line breaks
#: and tabs are just spaces.
_ARMOUR_PRE = {key: value for key, value in _ARMOUR.items() if chr(key) not in "\"'"}
_ARMOUR_TEXT = _ARMOUR_PRE | {ord(c): " " for c in "\n\r\t" + _LINE_BREAKS}


def armour_text(text: str) -> str:
    """Text for a page, with no character left that any engine could read as markup."""
    return text.translate(_ARMOUR_TEXT)


def plain_text(text: str) -> str:
    """A plain-text field on one line, its whitespace folded, armoured."""
    return armour_text(" ".join(text.split()))


def preformatted_text(text: str) -> str:
    """A plain-text field whose line breaks are kept, armoured: each break written as
    ``&#10;`` so that the text stays on one line of the page's source (a blank line would end
    a raw HTML block), for an element that shows white space as it is."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n").split("\n")
    return "&#10;".join(armour_text(line.rstrip()) for line in lines)


class _Armour(HTMLParser):
    """Writes sanitised HTML back out with every markup character of its text and attribute
    values as a character reference, on one line (line breaks in ``pre`` as ``&#10;``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.pre = 0

    def _tag(self, tag: str, attrs: list[tuple[str, str | None]]) -> str:
        parts = [f"<{tag}"]
        for name, value in attrs:
            parts.append(f" {name}" if value is None else f' {name}="{value.translate(_ARMOUR)}"')
        return "".join(parts) + ">"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.pre += tag == "pre"
        self.out.append(self._tag(tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self._tag(tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        self.pre -= tag == "pre" and self.pre > 0
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(data.translate(_ARMOUR_PRE if self.pre else _ARMOUR_TEXT))


def armour(html: str) -> str:
    """Sanitised ``html`` made inert for the page it is written into (see the module's notes)."""
    writer = _Armour()
    writer.feed(html)
    writer.close()
    return "".join(writer.out)


class _NoRawHtml(Extension):
    """Raw HTML is text: Markdown escapes it like any other text (code keeps its '<')."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's name)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")


@functools.cache
def _converter(allow_html: bool) -> markdown.Markdown:
    """The converter for fields with or without raw HTML: one for each setting, built when
    first needed and reset between fields (building one costs more than using it)."""
    extensions: list[Any] = [
        TableExtension(use_align_attribute=True),
        # Fenced code inside list items and admonitions too (Python-Markdown's own
        # fenced_code finds fences only at the left margin), written as plain <pre><code>.
        "pymdownx.highlight",
        "pymdownx.superfences",
        "def_list",
        "abbr",
        "admonition",
        "sane_lists",
    ]
    if not allow_html:
        extensions.append(_NoRawHtml())
    return markdown.Markdown(
        extensions=extensions,
        extension_configs={"pymdownx.highlight": {"use_pygments": False}},
    )


#: Text that Markdown leaves exactly as it is: letters, digits and punctuation that mark up
#: nothing, starting with a letter (so no list or heading) and on one line. Most checklist
#: items and questions are such sentences.
_PLAIN_SENTENCE = re.compile(r"[^\W\d_](?:[^\W_]|[ ,.;:'\"?!()/%+=’‘“”–—-])*(?<! )\Z")
#: Paragraphs of such lines (no line ending in the two spaces of a line break) are what most
#: block fields hold: Markdown makes each a <p> of the same text. Only blank lines part them:
#: a paragraph's indentation stays, so that an indented code block is never taken for one.
_PARAGRAPHS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)*")
#: Blank lines at the start of a field (the indentation of its first line is Markdown: an
#: indented code block).
_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*(?:\r\n|\r|\n))+")
_PLAIN_LINES = re.compile(r"(?:[^\W\d_](?:[^\W_]|[ ,.;:'\"?!()/%+=’‘“”–—-])*(?<! )(?:\n|\Z))+\Z")


def markdown_html(
    text: str,
    *,
    inline: bool,
    allow_html: bool,
    url_filter: UrlFilter = _keep_url,
    shortcuts: bool = True,
) -> str:
    """A Markdown field as armoured, sanitised HTML on one line.

    ``inline`` drops the paragraph around text that makes a single paragraph (for a label
    or a legend). ``shortcuts`` writes plain sentences and paragraphs directly, as Markdown
    would (tests turn it off to prove that).
    """
    text = _LEADING_BLANK_LINES.sub("", text).rstrip()
    if shortcuts and inline and _PLAIN_SENTENCE.match(text):
        return armour_text(text)  # what Markdown would make of it, without its cost
    if shortcuts and not inline:
        paragraphs = _PARAGRAPHS.split(text)
        if all(_PLAIN_LINES.match(paragraph) for paragraph in paragraphs):
            return " ".join(f"<p>{armour_text(paragraph)}</p>" for paragraph in paragraphs)
    html = _converter(allow_html).reset().convert(text)
    html = sanitize(html, url_filter)
    if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return armour(html).strip()


#: Plain text the theme places into its own parts of the page (the page title, navigation,
#: header, footer, meta description, tags): it writes much of it unescaped, Zensical reads page
#: titles as Markdown, and Material's tooltips and instant navigation put the *text* of some of
#: these places back into the page as HTML. So no '<' or '>' may reach the text at all (they
#: become the look-alike angle quotes), '&' and '"' are references, and Markdown's characters
#: too. Material also escapes a few of these values itself (the logo's title), where an '&'
#: then shows as "&amp;": a small price for text that can never become markup.
_CHROME = {
    ord("<"): "\u2039",
    ord(">"): "\u203a",
    ord("&"): "&amp;",
    ord('"'): "&quot;",
    **{ord(c): f"&#{ord(c)};" for c in "[]*_`\\{}"},
}


def html_text(text: str) -> str:
    """Plain ``text`` for the theme's own parts of a page, on one line (see ``_CHROME``)."""
    return " ".join(text.split()).translate(_CHROME)


def armour_attribute(text: str) -> str:
    """Text for an attribute value (or element text), every markup character referenced."""
    return text.translate(_ARMOUR)
