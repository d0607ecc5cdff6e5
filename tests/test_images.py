"""Logo and favicon files: SVG drawings are published sanitised, raster files as they are, and
a file that cannot be published is a located problem of the playbook that names it."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from support.projects import problems, write_minimal_project

from generator.images import MAX_IMAGE_BYTES, SVG_NS, ImageRefused, published_image
from generator.project import load_project

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
RASTERS = {
    "logo.png": PNG,
    "logo.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
    "logo.jpeg": b"\xff\xd8\xff\xdb\x00\x43\x00",
    "logo.gif": b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
    "logo.webp": b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00",
    "favicon.ico": b"\x00\x00\x01\x00\x01\x00\x10\x10\x00\x00",
}

HOSTILE = """\
<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     viewBox="0 0 10 10" onload="alert('onload')">
  <script>alert('script')</script>
  <style>@import url(http://tracker.example/a.css); rect { fill: red }</style>
  <style>rect > circle { fill: url(#g) }</style>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>
  <rect width="10" height="10" fill="url(#g)" style="fill:url(http://tracker.example/t.png)"/>
  <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">html</div></foreignObject>
  <use href="http://tracker.example/sprite.svg#a"/>
  <use xlink:href="#g"/>
  <a xlink:href="javascript:alert('link')"><circle r="1"/></a>
  <path d="M0 0h10"><animate attributeName="href" to="javascript:alert('animate')"/></path>
  <text x="1" y="9" onclick="alert('click')">A &amp; B</text>
</svg>
"""

HOSTILE_SANITISED = """\
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" \
viewBox="0 0 10 10">
  <style>rect &gt; circle { fill: url(#g) }</style>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>
  <rect width="10" height="10" fill="url(#g)"/>
  <use xlink:href="#g"/>
  <path d="M0 0h10"/>
  <text x="1" y="9">A &amp; B</text>
</svg>
"""


#: In a case below: kept just as written.
SAME = "(same)"


def svg(tmp_path: Path, text: str | bytes, name: str = "logo.svg") -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def sanitised(tmp_path: Path, text: str | bytes) -> str:
    return published_image(svg(tmp_path, text)).decode("utf-8")


def refusal(path: Path) -> str:
    with pytest.raises(ImageRefused) as caught:
        published_image(path)
    return caught.value.reason


# --- SVG: what is kept and what goes ----------------------------------------------------------


def test_a_hostile_svg_keeps_its_drawing_and_nothing_else(tmp_path: Path) -> None:
    assert sanitised(tmp_path, HOSTILE) == HOSTILE_SANITISED


def test_the_sanitised_drawing_is_well_formed_svg(tmp_path: Path) -> None:
    root = ElementTree.fromstring(published_image(svg(tmp_path, HOSTILE)))
    assert root.tag == f"{{{SVG_NS}}}svg"
    names = [element.tag.split("}")[1] for element in root.iter()]
    drawing = ["svg", "style", "defs", "linearGradient", "stop", "rect", "use", "path", "text"]
    assert names == drawing


@pytest.mark.parametrize(
    ("written", "left"),
    [
        ('<script href="x.js"/>', ""),
        ("<script><![CDATA[alert(1)]]></script>", ""),
        ('<g onload="alert(1)" ONCLICK="alert(2)" fill="red"/>', '<g fill="red"/>'),
        ('<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>', ""),
        ('<use href="https://tracker.example/s.svg#a"/>', ""),
        ('<use href=" #a"/>', SAME),
        ('<use xlink:href="javascript:alert(1)"/>', ""),
        ('<use xlink:href="https://tracker.example/s.svg#a"/>', ""),
        ('<image xlink:href="https://tracker.example/pixel.png"/>', ""),
        ('<rect xlink:href="https://tracker.example/"/>', "<rect/>"),
        ('<animate attributeName="fill" to="red" dur="1s"/>', ""),
        ('<rect><animate attributeName="width" values="1;2" dur="1s"/></rect>', "<rect/>"),
        ('<a href="#x"><rect/></a>', ""),
        ('<set attributeName="href" to="javascript:alert(1)"/>', ""),
        ('<animateMotion dur="1s"/><animateTransform type="scale"/>', ""),
        ('<image href="https://tracker.example/pixel.png"/>', ""),
        ('<image href="data:image/png;base64,iVBO"/>', SAME),
        ('<image href="data:image/svg+xml,&lt;svg onload=alert(1)&gt;"/>', ""),
        ("<metadata><rdf>x</rdf></metadata>", ""),
        ('<blink xmlns="urn:other"><rect/></blink>', ""),
        ("<unknown><rect/></unknown>", ""),
        ('<rect style="fill: URL( http://x.example/a )"/>', "<rect/>"),
        ("<rect style=\"fill:url('#g')\"/>", SAME),
        ('<rect style="background:image-set(&quot;http://x.example/a.png&quot; 1x)"/>', "<rect/>"),
        ('<rect style="fill:u\\72l(http://x.example/a)"/>', "<rect/>"),
        ('<rect filter="url(//x.example/f#f)" mask="url(#m)"/>', '<rect mask="url(#m)"/>'),
        ('<rect fill="java&#9;script:alert(1)"/>', "<rect/>"),
        ("<style>@IMPORT 'http://x.example/a.css';</style>", ""),
        ("<style>rect { fill: url(http://x.example/a.png) }</style>", ""),
        ("<style>circle { fill: url(#g) }</style>", SAME),
        ('<rect xml:space="preserve" xml:base="//x.example/"/>', '<rect xml:space="preserve"/>'),
        ("<!-- a comment --><?xml-stylesheet href='http://x.example/s.css'?>", ""),
    ],
)
def test_each_unsafe_construct_is_removed(tmp_path: Path, written: str, left: str) -> None:
    left = written if left == SAME else left
    text = f'<svg xmlns="{SVG_NS}" xmlns:xlink="http://www.w3.org/1999/xlink">{written}</svg>'
    xlink = ' xmlns:xlink="http://www.w3.org/1999/xlink"' if "xlink:" in left else ""
    expected = f'<svg xmlns="{SVG_NS}"{xlink}>{left}</svg>' if left else f'<svg xmlns="{SVG_NS}"/>'
    assert sanitised(tmp_path, text) == expected + "\n"


def test_a_drawing_without_the_svg_namespace_gets_it(tmp_path: Path) -> None:
    assert sanitised(tmp_path, '<svg width="2"><circle r="1"/></svg>') == (
        f'<svg xmlns="{SVG_NS}" width="2"><circle r="1"/></svg>\n'
    )


def test_other_vocabularies_are_dropped_and_text_kept_as_written(tmp_path: Path) -> None:
    text = (
        f'<svg xmlns="{SVG_NS}" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" '
        'inkscape:version="1.3"><inkscape:grid/>'
        '<text xml:space="preserve">  two  spaces <tspan>and</tspan> more </text></svg>'
    )
    assert sanitised(tmp_path, text) == (
        f'<svg xmlns="{SVG_NS}"><text xml:space="preserve">  two  spaces <tspan>and</tspan> '
        "more </text></svg>\n"
    )


def test_deep_nesting_is_written_without_recursion(tmp_path: Path) -> None:
    depth = 50_000
    text = f'<svg xmlns="{SVG_NS}">' + "<g>" * depth + "</g>" * depth + "</svg>"
    assert sanitised(tmp_path, text).count("<g>") == depth - 1  # the innermost closes itself


# --- SVG: what is refused ---------------------------------------------------------------------


def test_a_document_type_is_refused_before_its_entities_expand(tmp_path: Path) -> None:
    laughs = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
    text = f'<!DOCTYPE svg [<!ENTITY l0 "lol">{laughs}]><svg>&l9;</svg>'
    assert refusal(svg(tmp_path, text)) == (
        "declares a document type (<!DOCTYPE>): an SVG file with a document type or entity "
        "declarations is refused"
    )


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("<svg><g></svg>", "is not well-formed XML (mismatched tag: line 1, column 11)"),
        ("<svg>&nbsp;</svg>", "is not well-formed XML (undefined entity: line 1, column 6)"),
        ("not xml", "is not well-formed XML (syntax error: line 1, column 1)"),
        ("", "is not well-formed XML (no element found: line 1, column 1)"),
        (
            '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>',
            "is not an SVG drawing: its root is <html in namespace http://www.w3.org/1999/xhtml>",
        ),
        ('<svg xmlns="urn:not-svg"/>', "is not an SVG drawing: its root is <svg in namespace "
         "urn:not-svg>"),
    ],
)  # fmt: skip
def test_a_file_that_is_no_svg_drawing_is_refused(tmp_path: Path, text: str, reason: str) -> None:
    assert refusal(svg(tmp_path, text)) == reason


# --- raster images ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(RASTERS))
def test_a_raster_image_is_published_unchanged(tmp_path: Path, name: str) -> None:
    path = svg(tmp_path, RASTERS[name] + b"rest of the file", name)
    assert published_image(path) == path.read_bytes()


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        (
            "logo.png",
            b"<!doctype html><script>alert(1)</script>",
            "is not a PNG image: it holds text (HTML or XML)",
        ),
        ("logo.png", RASTERS["logo.jpg"], "holds a JPEG image, not a PNG one: name it .jpg"),
        ("favicon.ico", PNG, "holds a PNG image, not an ICO one: name it .png"),
        ("logo.gif", b"GIF90a", "is not a GIF image: it does not start as a GIF file does"),
        ("logo.webp", b"RIFF\x00\x00\x00\x00WAVE", "is not a WEBP image: it does not start as "
         "a WEBP file does"),
        ("logo.jpg", b"", "is not a JPEG image: it does not start as a JPEG file does"),
    ],
)  # fmt: skip
def test_a_raster_file_must_be_what_its_name_says(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    assert refusal(svg(tmp_path, data, name)) == reason


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = svg(tmp_path, PNG + b"\x00" * MAX_IMAGE_BYTES, "logo.png")
    assert refusal(path) == (
        "is too large (over 2,097,152 bytes; a logo or favicon is a few kilobytes)"
    )


# --- located problems in validation ---------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    root = write_minimal_project(tmp_path)
    (root / "images").mkdir()
    return root


def with_logo(root: Path, name: str, data: bytes, key: str = "logo") -> None:
    (root / "images" / name).write_bytes(data)
    playbook = root / "playbooks/default.yaml"
    text = playbook.read_text(encoding="utf-8")
    playbook.write_text(
        text.replace("  description: A playbook for tests.\n", f"  description: A playbook "
                     f"for tests.\n  {key}: ../images/{name}\n"),
        encoding="utf-8",
    )  # fmt: skip


def test_an_svg_logo_with_a_document_type_is_a_located_problem(project: Path) -> None:
    with_logo(project, "logo.svg", b'<!DOCTYPE svg [<!ENTITY x "y">]><svg>&x;</svg>')
    assert problems(project) == [
        "playbooks/default.yaml:4:9: site.logo: '../images/logo.svg' declares a document type "
        "(<!DOCTYPE>): an SVG file with a document type or entity declarations is refused"
    ]


def test_a_png_favicon_that_is_a_web_page_is_a_located_problem(project: Path) -> None:
    with_logo(project, "favicon.png", b"<html><script>alert(1)</script></html>", "favicon")
    assert problems(project) == [
        "playbooks/default.yaml:4:12: site.favicon: '../images/favicon.png' is not a PNG "
        "image: it holds text (HTML or XML)"
    ]


def test_an_svg_with_script_passes_validation_and_is_published_without_it(
    project: Path,
) -> None:
    with_logo(project, "logo.svg", HOSTILE.encode("utf-8"))
    logo = load_project(project).playbook("default").model.site.logo
    assert logo is not None
    assert published_image(Path(logo)).decode("utf-8") == HOSTILE_SANITISED


def test_an_overlay_logo_is_checked_where_the_overlay_names_it(project: Path) -> None:
    (project / "images/logo.gif").write_bytes(PNG)
    (project / "playbooks/team.yaml").write_text(
        "extend: default\nsite:\n  logo: ../images/logo.gif\n", encoding="utf-8"
    )
    assert problems(project) == [
        "playbooks/team.yaml:3:9: site.logo: '../images/logo.gif' holds a PNG image, "
        "not a GIF one: name it .png"
    ]
