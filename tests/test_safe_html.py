"""generator/safe_html.py: what a content field may become, with exact outputs."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from support.projects import write_minimal_project

from generator import safe_html
from generator.links import SiteLinks
from generator.pipeline import build_site
from generator.safe_html import (
    armour,
    armour_text,
    html_text,
    markdown_html,
    plain_text,
    preformatted_text,
    sanitize,
)


def block(text: str, allow_html: bool = False) -> str:
    return markdown_html(text, inline=False, allow_html=allow_html)


@pytest.mark.parametrize(
    ("text", "html"),
    [
        # Raw HTML is text, shown as typed; code keeps its '<' as code.
        (
            "a <b>bold</b> `<i>` <https://example.org/a?b=1>",
            "<p>a &lt;b&gt;bold&lt;/b&gt; <code>&lt;i&gt;</code> "
            '<a href="https&#58;//example.org/a?b&#61;1">'
            "https&#58;//example.org/a?b&#61;1</a></p>",
        ),
        # An indented code block shows exactly what was written (no '&lt;b>').
        (
            "x\n\n    <b>code</b>\n\ny",
            "<p>x</p> <pre><code>&lt;b&gt;code&lt;/b&gt;</code></pre> <p>y</p>",
        ),
        # A mail autolink needs an '@': without one it is text, never an element.
        (
            "<mailto:x/contenteditable/autofocus/onfocus=alert(document.domain)>",
            "<p>&lt;mailto&#58;x/contenteditable/autofocus/onfocus&#61;alert(document.domain)&gt;</p>",
        ),
        # An end tag in a code span stays in the code span.
        (
            "`</section></div><img src=x onerror=alert(1)>`",
            "<p><code>&lt;/section&gt;&lt;/div&gt;"
            "&lt;img src&#61;x onerror&#61;alert(1)&gt;</code></p>",
        ),
        # Links that run code lose their address, inline and by reference.
        (
            "[a](javascript:alert(1)) [r][ref] [e](jav&#97;script:alert(2))\n\n"
            "[ref]: javascript:alert(3)",
            "<p>a r e</p>",
        ),
        ("![p](javascript:alert(1)) ![d](data:text/html,x)", '<p><img alt="p"> <img alt="d"></p>'),
        # Attribute-list syntax is text: no extension of the engine can read it any more.
        ("x {: #__config hidden }", "<p>x &#123;&#58; &#35;&#95;&#95;config hidden &#125;</p>"),
        # Titles lose what a tooltip could put back as HTML.
        (
            '[t](p.md "<img src=x onerror=alert(1)>")',
            '<p><a href="p.md" title="img src&#61;x onerror&#61;alert(1)">t</a></p>',
        ),
        # Newlines in code survive, as references, so the field stays on one line.
        (
            "```python\na = 1\n\nb\n```",
            '<pre><code class="language-python">a &#61; 1&#10;&#10;b</code></pre>',
        ),
        (
            "!!! tip\n    Say *why*.",
            '<div class="admonition tip"> <p class="admonition-title">Tip</p> '
            "<p>Say <em>why</em>.</p> </div>",
        ),
        (
            "|a|b|\n|:-|-:|\n|1|2|",
            '<table> <thead> <tr> <th align="left">a</th> <th align="right">b</th> </tr> '
            '</thead> <tbody> <tr> <td align="left">1</td> <td align="right">2</td> </tr> '
            "</tbody> </table>",
        ),
        # Snippets, critic marks and template syntax are text.
        (
            '--8<-- ".env"\n{++x++} {{ y }} {% z %} %s',
            '<p>--8&lt;-- ".env" &#123;&#43;&#43;x&#43;&#43;&#125; '
            "&#123;&#123; y &#125;&#125; &#123;% z %&#125; %s</p>",
        ),
    ],
)
def test_markdown_fields_become_allow_listed_armoured_html(text: str, html: str) -> None:
    assert block(text) == html


@pytest.mark.parametrize(
    ("text", "html"),
    [
        (
            '<div id="__config" class="md-typeset admonition" style="position:fixed" '
            'data-pb-action="reset-answers" onclick="x()">t</div>',
            '<div class="admonition">t</div>',
        ),
        (
            "<details open ontoggle=alert(1)><summary>s</summary>x</details>",
            '<details open=""><summary>s</summary>x</details>',
        ),
        ("<script>alert(1)</script><style>*{x:url(http://e.org)}</style>k", "<p>k</p>"),
        ("<iframe srcdoc='<script>x</script>'></iframe><object data=x></object>t", "<p>t</p>"),
        (
            "<svg><a xlink:href=javascript:alert(1)><animate attributeName=href /></a></svg>",
            "<p></p>",
        ),
        ("<form><button formaction=javascript:alert(1)>b</button></form>", "b"),
        (
            '<link rel=stylesheet href="http://e.org/x.css"><base href="http://e.org/">'
            '<meta http-equiv=refresh content="0;url=http://e.org">',
            "<p></p>",
        ),
        ("<!-- --!><img src=x onerror=alert(1)>-->", '<p><img src="x">--&gt;</p>'),
        (
            '<abbr title="&lt;img src=x onerror=alert(1)&gt;">A</abbr>',
            '<p><abbr title="img src&#61;x onerror&#61;alert(1)">A</abbr></p>',
        ),
        (
            '<code class="language-js md-clipboard">x</code>',
            '<p><code class="language-js">x</code></p>',
        ),
    ],
)
def test_raw_html_where_allowed_passes_the_same_allow_list(text: str, html: str) -> None:
    assert block(text, allow_html=True) == html


def test_inline_fields_drop_their_paragraph() -> None:
    assert markdown_html("Ask *why*", inline=True, allow_html=False) == "Ask <em>why</em>"
    assert markdown_html("A plain sentence: yes!", inline=True, allow_html=False) == (
        "A plain sentence&#58; yes&#33;"
    )


def test_plain_text_is_one_line_of_text() -> None:
    assert (
        plain_text("A summary\n\n# x {: #__config }")
        == "A summary &#35; x &#123;&#58; &#35;&#95;&#95;config &#125;"
    )
    assert plain_text('Say "no" & <mean> it') == 'Say "no" &amp; &lt;mean&gt; it'
    assert armour_text("a\tb") == "a b"


def test_armoured_html_reads_back_as_the_same_page() -> None:
    """The engine's Markdown keeps an armoured field exactly: what the browser gets is the
    sanitiser's output, whatever extensions are on."""
    html = block("Say *why* `{: x }` [a](b.md) :smile: ==mark== ++ctrl++ --8<-- x")
    page = markdown.markdown(
        f'<div class="pb-md">{html}</div>',
        extensions=[
            "attr_list",
            "md_in_html",
            "abbr",
            "pymdownx.critic",
            "pymdownx.emoji",
            "pymdownx.keys",
            "pymdownx.mark",
            "pymdownx.magiclink",
            "pymdownx.snippets",
        ],
    )
    assert page == f'<div class="pb-md">{html}</div>'


def test_content_links_are_the_built_sites_addresses() -> None:
    links = SiteLinks(frozenset({"index.md", "practices/a.md", "practices/b.md", "tags.md"}))
    html = markdown_html(
        "[b](b.md#x) [home](../index.md) [gone](gone.md) [out](https://e.org/) [here](#top)",
        inline=True,
        allow_html=False,
        url_filter=lambda tag, name, value: links.content_url("practices/a.md", tag, name, value),
    )
    assert html == (
        '<a href="../b/&#35;x">b</a> <a href="../../">home</a> <a href="gone.md">gone</a> '
        '<a href="https&#58;//e.org/">out</a> <a href="&#35;top">here</a>'
    )
    assert [w.message for w in links.warnings] == [
        "Doc file 'practices/a.md' contains a link 'gone.md', but the target "
        "'practices/gone.md' is not found among documentation files."
    ]
    flat = SiteLinks(frozenset({"index.md", "practices/a.md", "practices/b.md"}), False)
    assert flat.href("practices/a.md", "practices/b.md") == "b.html"
    assert flat.href("index.md", "practices/b.md") == "practices/b.html"
    assert links.href("index.md", "practices/b.md") == "practices/b/"
    assert links.href("practices/a.md", "index.md") == "../../"


def test_images_from_other_hosts_are_left_out_unless_allowed() -> None:
    for remote_images, html in (
        (False, '<img alt="a"> <img alt="b"> <img alt="c" src="pic.png">'),
        (
            True,
            '<img alt="a" src="https&#58;//e.org/t.png"> <img alt="b" src="//e.org/t.png"> '
            '<img alt="c" src="pic.png">',
        ),
    ):
        links = SiteLinks(frozenset({"index.md", "pic.png"}), remote_images=remote_images)
        converted = markdown_html(
            "![a](https://e.org/t.png) ![b](//e.org/t.png) ![c](pic.png)",
            inline=True,
            allow_html=False,
            url_filter=lambda tag, name, value, links=links: links.content_url(
                "index.md", tag, name, value
            ),
        )
        assert converted == html
        assert len(links.warnings) == (0 if remote_images else 2)


def test_sanitize_never_keeps_an_address_a_filter_made_dangerous() -> None:
    assert sanitize('<a href="x.md">x</a>', lambda t, a, v: "javascript:alert(1)") == "x"


def test_armour_keeps_entities_as_characters() -> None:
    assert armour("<p>caf&eacute; &#233; &amp; &lt;</p>") == "<p>café é &amp; &lt;</p>"


def test_html_text_for_the_themes_own_parts_of_a_page_can_never_become_markup() -> None:
    """Material writes it unescaped and its tooltips put its *text* back as HTML; Zensical
    reads page titles as Markdown."""
    assert html_text('Tom & "Jerry" <b>\n[x](y) __c') == (
        "Tom &amp; &quot;Jerry&quot; \u2039b\u203a &#91;x&#93;(y) &#95;&#95;c"
    )


def test_shortcuts_give_what_markdown_gives(repo_root: Path) -> None:
    """Plain sentences and paragraphs skip Markdown: for every text of the default content
    (and a few edge cases) the result is the same as through Markdown."""
    texts = [
        "One line.",
        "First paragraph,\nwrapped.\n\nSecond: with a colon!",
        "Trailing spaces  \nmake a line break",
        "1. a list",
        "Title\n=====",
        "A\n\n\n\nB",
    ]
    for path in sorted((repo_root / "content").rglob("*.yaml")):
        texts += [text for text in _strings(yaml.safe_load(path.read_text("utf-8")))]
    for text in texts:
        for inline in (False, True):
            fast = markdown_html(text, inline=inline, allow_html=False)
            slow = markdown_html(text, inline=inline, allow_html=False, shortcuts=False)
            assert fast == slow, text


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


#: Code as an author writes it: markup, references and indentation that must show as typed.
CODE = "<b>bold</b> &lt;i> &amp; a < b\n  indented {: #x } *not* `tick`\n\nafter a blank line"


def _code_texts(html: str) -> list[str]:
    """The text of each <pre><code> in ``html``, as a browser shows it."""
    found: list[str] = []

    class Reader(HTMLParser):
        depth = 0

        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag == "pre":
                self.depth += 1
                found.append("")

        def handle_endtag(self, tag: str) -> None:
            self.depth -= tag == "pre"

        def handle_data(self, data: str) -> None:
            if self.depth:
                found[-1] += data

    reader = Reader(convert_charrefs=True)
    reader.feed(html)
    reader.close()
    return found


def _indented(text: str, by: str) -> str:
    return "\n".join(by + line if line else "" for line in text.split("\n"))


@pytest.mark.parametrize("allow_html", [False, True])
@pytest.mark.parametrize("shortcuts", [True, False])
@pytest.mark.parametrize(
    "field",
    [
        "Type this:\n\n" + _indented(CODE, "    ") + "\n\nThen go on.",
        _indented(CODE, "    "),  # the field starts with the code block
        "Type this:\n\n" + _indented(CODE, "\t"),
        "```\n" + CODE + "\n```",
        "~~~html\n" + CODE + "\n~~~",
        "1. First\n\n    ```\n" + _indented(CODE, "    ") + "\n    ```\n\n2. Second",
        "- First\n\n" + _indented(CODE, "        "),
        "!!! note\n    ```\n" + _indented(CODE, "    ") + "\n    ```",
        "> Quote\n>\n" + _indented(CODE, ">     ").replace("\n\n", "\n>\n"),
    ],
    ids=[
        "indented",
        "indented-first",
        "tab",
        "fenced",
        "tildes",
        "in-a-list",
        "indented-in-a-list",
        "in-an-admonition",
        "in-a-quote",
    ],
)
def test_code_blocks_show_their_text_exactly_as_written(
    field: str, allow_html: bool, shortcuts: bool
) -> None:
    html = markdown_html(field, inline=False, allow_html=allow_html, shortcuts=shortcuts)
    assert _code_texts(html) == [CODE]
    assert "\n" not in html


@pytest.mark.parametrize("allow_html", [False, True])
def test_an_indented_line_of_plain_words_is_code_not_a_paragraph(allow_html: bool) -> None:
    # Plain sentences skip Markdown; an indented one is a code block all the same.
    assert block("Run:\n\n    make all the things", allow_html) == (
        "<p>Run&#58;</p> <pre><code>make all the things</code></pre>"
    )
    assert block("    make all the things", allow_html) == (
        "<pre><code>make all the things</code></pre>"
    )


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
@pytest.mark.parametrize("allow_html", [False, True])
def test_code_blocks_reach_the_built_page_as_written(
    tmp_path: Path, engine: str, allow_html: bool
) -> None:
    root = write_minimal_project(tmp_path / "project")
    alpha = root / "content/practices/alpha.yaml"
    # Content may hold no attribute list anywhere, code included (see test_validation.py).
    code = CODE.replace("{: #x }", "{x}")
    why = "Type this:\n\n" + _indented(code, "    ") + "\n\nOr this:\n\n```\n" + code + "\n```"
    text = alpha.read_text(encoding="utf-8").replace(
        "why: Because it matters.", "why: " + json.dumps(why)
    )
    alpha.write_text(text, encoding="utf-8")
    if allow_html:
        playbook = root / "playbooks/default.yaml"
        playbook.write_text(
            playbook.read_text(encoding="utf-8") + "allow_html: true\n", encoding="utf-8"
        )
    site = tmp_path / "site"
    build_site(root, "default", site_dir=site, strict=True, engine=engine)
    page = (site / "practices/alpha/index.html").read_text(encoding="utf-8")
    assert _code_texts(page) == [code, code]


@pytest.mark.parametrize("allow_html", [False, True])
@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("[a](javascript:alert(1))", "<p>a</p>"),
        ("[a](JaVa\tScRiPt:alert(1))", "<p>a</p>"),
        ("[a](vbscript:msgbox(1))", "<p>a</p>"),
        ("[a](data:text/html,x)", "<p>a</p>"),
        ("![i](javascript:alert(1))", '<p><img alt="i"></p>'),
        ("![i](data:image/svg+xml,x)", '<p><img alt="i"></p>'),
        ("[a](https://example.org/)", '<p><a href="https&#58;//example.org/">a</a></p>'),
        ("[a](mailto:me@example.org)", '<p><a href="mailto&#58;me&#64;example.org">a</a></p>'),
        ("[a](other.md#part)", '<p><a href="other.md&#35;part">a</a></p>'),
        ("![i](picture.png)", '<p><img alt="i" src="picture.png"></p>'),
    ],
)
def test_addresses_keep_only_safe_schemes(written: str, kept: str, allow_html: bool) -> None:
    assert block(written, allow_html) == kept


@pytest.mark.parametrize(
    "written",
    [
        '<iframe src="https://other.example/"></iframe>',
        '<link rel="stylesheet" href="https://other.example/a.css">',
        "<style>@import url(https://other.example/a.css);</style>",
        '<p style="background: url(https://other.example/pixel.png)">text</p>',
        '<img src="https://other.example/p.png" style="content: url(https://other.example/)">',
        '<button formaction="https://other.example/">b</button>',
        '<svg><image xlink:href="https://other.example/p.png"/></svg>',
        '<svg><animate attributeName="href" to="https://other.example/"/></svg>',
        '<video poster="https://other.example/p.png"></video>',
        '<object data="https://other.example/x"></object>',
    ],
)
def test_raw_html_that_loads_from_another_host_does_not_pass(written: str) -> None:
    """With allow_html, raw HTML passes nh3's allow-list: nothing in it may load anything but
    an image named by ``src`` (which the site's link checks see, and which a remote image
    needs ``allow_remote_images`` for)."""
    html = block("text " + written, allow_html=True)
    for word in ("iframe", "link", "style", "formaction", "xlink", "animate", "poster", "data="):
        assert word not in html
    assert html.count("other.example") == ("<img" in written)


# --- cases that a mutation of safe_html.py would slip through (bench/mutation.py) -------------


def test_plain_sentences_and_paragraphs_skip_markdown(monkeypatch: pytest.MonkeyPatch) -> None:
    converted: list[str] = []
    real = safe_html._converter

    class Counting:
        def __init__(self, allow_html: bool) -> None:
            self.converter = real(allow_html)

        def reset(self) -> Counting:
            self.converter.reset()
            return self

        def convert(self, text: str) -> str:
            converted.append(text)
            return str(self.converter.convert(text))

    monkeypatch.setattr(safe_html, "_converter", Counting)
    assert markdown_html("A plain sentence.", inline=True, allow_html=False) == (
        "A plain sentence."
    )
    assert block("One paragraph.\n\nAnother one.") == "<p>One paragraph.</p> <p>Another one.</p>"
    assert converted == []
    assert markdown_html("One paragraph.", inline=False, allow_html=False, shortcuts=False) == (
        "<p>One paragraph.</p>"
    )
    assert markdown_html("A *word*.", inline=True, allow_html=False) == "A <em>word</em>."
    assert converted == ["One paragraph.", "A *word*."]


def test_blank_lines_before_a_field_are_left_out() -> None:
    assert block("\n  \n\nHello there.") == "<p>Hello there.</p>"
    assert block("\r\n\n- item") == "<ul> <li>item</li> </ul>"


def test_line_breaks_stay_inside_pre_only() -> None:
    assert block("```\na\n```\n\nx\ny") == "<pre><code>a</code></pre> <p>x y</p>"
    assert block("<pre><b>a</b>\nb</pre>", allow_html=True) == "<pre><b>a</b>&#10;b</pre>"
    # An end tag of pre with no start does not count: the next pre keeps its breaks.
    assert armour("</pre><pre>a\nb</pre>") == "</pre><pre>a&#10;b</pre>"
    assert armour('<br/>x<img alt="a{b}"/>') == '<br>x<img alt="a&#123;b&#125;">'


def test_preformatted_text_keeps_its_lines_on_one_line_of_the_page() -> None:
    assert preformatted_text("\nLine one\r\n  two  \r\n\n<b> & {x}\n") == (
        "Line one&#10;  two&#10;&#10;&lt;b&gt; &amp; &#123;x&#125;"
    )


def test_headings_and_page_structure_in_raw_html_lose_their_tags() -> None:
    assert block("<h1>Big</h1><h2>b</h2><nav>n</nav><center>c</center>", allow_html=True) == (
        "Big b n c"
    )
    assert block("<h3>Small</h3>", allow_html=True) == "<h3>Small</h3>"


def test_the_address_filter_is_asked_with_the_element_and_attribute() -> None:
    asked: list[tuple[str, str, str]] = []

    def record(tag: str, attribute: str, value: str) -> str:
        asked.append((tag, attribute, value))
        return value

    sanitize('<a href="a.md">x</a><img src="p.png">', record)
    assert asked == [("a", "href", "a.md"), ("img", "src", "p.png")]


def test_browsers_ignore_spaces_and_controls_in_a_scheme() -> None:
    """The address is written as the browser reads it, not as typed."""
    assert sanitize('<a href="ht\ttps://e.org/">x</a>') == '<a href="https://e.org/">x</a>'
    assert sanitize('<a href=" https://e.org/">x</a>') == '<a href="https://e.org/">x</a>'
    assert sanitize('<a href="java\nscript:alert(1)">x</a>') == "x"


def test_preformatted_text_keeps_what_starts_and_ends_its_lines() -> None:
    assert preformatted_text("  indented first\rX marks\r\nthe spot X") == (
        "  indented first&#10;X marks&#10;the spot X"
    )


def test_comments_and_attributes_without_a_value() -> None:
    assert sanitize("<!-- a comment -->x") == "x"
    assert armour("<details open><summary>s</summary></details>") == (
        "<details open><summary>s</summary></details>"
    )


@pytest.mark.parametrize("allow_html", [False, True])
def test_each_converter_is_built_for_its_setting(allow_html: bool) -> None:
    # Built afresh, not the one cached for every field: what the converter itself does.
    fresh = safe_html._converter.__wrapped__(allow_html)
    converted = fresh.convert("<div>x</div>\n\na <b>y</b>\n\n| a |\n|:--|\n| 1 |")
    if allow_html:
        assert converted.startswith("<div>x</div>\n\n<p>a <b>y</b></p>")
    else:
        assert converted.startswith(
            "<p>&lt;div&gt;x&lt;/div&gt;</p>\n<p>a &lt;b&gt;y&lt;/b&gt;</p>"
        )
    assert '<th align="left">a</th>' in converted


def test_a_refused_link_is_plain_text_never_an_anchor_without_an_address() -> None:
    """An anchor with no address still counts as a link to the theme's scripts: hovering one
    with navigation.instant.preview threw "Failed to construct 'URL'"."""
    written = '<a href="javascript:x" title="t">one <b>two</b></a> <a href="/ok">ok</a> <a>z</a>'
    assert sanitize(written) == 'one <b>two</b> <a href="/ok">ok</a> z'
    assert block("[a](javascript:alert(1)) and [b](#ok)") == '<p>a and <a href="&#35;ok">b</a></p>'
