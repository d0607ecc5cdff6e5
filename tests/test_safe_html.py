"""The two layers of generator/safe_html.py, with exact outputs."""

from __future__ import annotations

import markdown
import pytest

from generator.safe_html import (
    SafeHtmlExtension,
    escape_raw_html,
    html_text,
    safe_attribute,
    strip_active_content,
)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        (
            "a <b>bold</b> `<i>` <https://example.org/a?b=1> <mailto:x@y.z>",
            "a &lt;b>bold&lt;/b> `<i>` <https://example.org/a?b=1> <mailto:x@y.z>",
        ),
        ("``a ` <b>`` c", "``a ` <b>`` c"),  # a double-backtick span holding a backtick
        ("\\`<b>`", "\\`&lt;b>`"),  # an escaped backtick opens no code span
        ("`a\n<script>x</script>`", "`a\n&lt;script>x&lt;/script>`"),  # spans one line only
        ("<!-- x -->", "&lt;!-- x -->"),
        ("<https://x.org/<script>>", "&lt;https://x.org/&lt;script>>"),
    ],
)
def test_raw_html_in_markdown_is_escaped_outside_code(text: str, escaped: str) -> None:
    assert escape_raw_html(text) == escaped


@pytest.mark.parametrize(
    ("html", "cleaned"),
    [
        ('<p onclick="x()">a</p><script>alert(1)</script><b>ok</b>', "<p>a</p><b>ok</b>"),
        ('<a href=" jav&#x09;ascript:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="VBScript:x">x</a><a href="/ok">y</a>', '<a>x</a><a href="/ok">y</a>'),
        (
            '<img src="data:image/png;base64,AAA" onerror=x>',
            '<img src="data:image/png;base64,AAA">',
        ),
        ('<a href="data:text/html,x">d</a>', "<a>d</a>"),
        # Python's parser reads <style> as text; in SVG a browser would read a tag there.
        (
            "<!-- c --><svg><style><img src=x onerror=alert(1)></style></svg>",
            "<svg><style>&lt;img src=x onerror=alert(1)></style></svg>",
        ),
        # Browsers end a comment at '--!>', Python's parser does not: comments are dropped.
        ('<!-- --!><img src=x onerror="alert(1)">-->', ""),
        (
            '<a href="https://e.org/?a=1&amp;b=2" title=\'q"q\'>t</a>',
            '<a href="https://e.org/?a=1&amp;b=2" title="q&quot;q">t</a>',
        ),
        (
            '<iframe srcdoc="<script>x</script>" src="https://e.org"></iframe>',
            '<iframe src="https://e.org"></iframe>',
        ),
        ('<img srcset="a.png 1x, javascript:x 2x">', "<img>"),
        ("<object data=x.swf><embed src=x><base href=/x><meta http-equiv=refresh>t</object>", "t"),
        (
            "<svg><a><set attributeName=href to=javascript:alert(1) /></a></svg>",
            "<svg><a></a></svg>",
        ),
        ("tail <img src=x onerror=alert(1)", "tail &lt;img src=x onerror=alert(1)"),
        ("<p>caf&eacute; &#233; &amp;</p>", "<p>caf&eacute; &#233; &amp;</p>"),
    ],
)
def test_active_content_is_stripped_from_html(html: str, cleaned: str) -> None:
    assert strip_active_content(html) == cleaned


def test_markdown_links_and_attributes_that_run_code_are_removed() -> None:
    def render(text: str) -> str:
        return markdown.markdown(text, extensions=["attr_list", SafeHtmlExtension()])

    assert render('[a](#x){ onclick="alert(1)" data-x="1" }') == (
        '<p><a data-x="1" href="#x">a</a></p>'
    )
    assert render("![picture](javascript:alert(1))") == "<p><span>picture</span></p>"
    assert render("[x](jav&#97;script:alert(1))") == "<p><span>x</span></p>"
    # An entity set aside by Markdown inside a nested link is checked as the browser reads it.
    assert render("**[a [e](jav&#97;script:alert('x')) b](p.md)**") == (
        '<p><strong><a href="p.md">a <span>e</span>) b</a></strong></p>'
    )
    assert render("[fine](https://example.org/?a=1&b=2)") == (
        '<p><a href="https://example.org/?a=1&amp;b=2">fine</a></p>'
    )


def test_allowed_raw_html_is_kept_but_cleaned() -> None:
    text = '<div class="box" onmouseover="x()"><b>kept</b><script>gone()</script></div>'
    allowed = markdown.markdown(text, extensions=[SafeHtmlExtension(allow_html=True)])
    assert allowed == '<div class="box"><b>kept</b></div>'
    # Without the setting, raw blocks are the page template's own and left as they are.
    assert markdown.markdown("<div>t</div>", extensions=[SafeHtmlExtension()]) == "<div>t</div>"


def test_safe_attribute() -> None:
    assert safe_attribute("href", "/page/") is True
    assert safe_attribute("href", "mailto:a@b.c") is True
    assert safe_attribute("OnLoad", "x") is False
    assert safe_attribute('"onerror', "x") is False  # not an attribute name a browser reads
    assert safe_attribute("src", "data:image/svg+xml;base64,AA") is False
    assert safe_attribute("title", "javascript:alert(1)") is True  # text, never fetched


def test_html_text_escapes_for_material_templates() -> None:
    assert html_text('Tom & "Jerry" <b>') == "Tom & &quot;Jerry&quot; &lt;b&gt;"
