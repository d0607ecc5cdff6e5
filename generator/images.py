"""The logo and favicon files a site publishes: raster images checked, SVG drawings sanitised.

A published file is opened by readers' browsers in the site's origin: an SVG with a script
opened from a link runs there and can read what the site keeps in ``localStorage``. So an SVG
is never published as written. It is parsed (``xml.etree``, with no document type, hence no
entities) and written again from an allow-list: drawing elements and their attributes only,
with no event handler, no reference to another file or host and no style that could fetch
one. A raster file must be what its name says, so that no browser sniffs it as a page.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from xml.parsers.expat import ErrorString

from .errors import PlaybookError, display_path

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".webp")
#: A logo or favicon is a few kilobytes; a larger file is refused unread.
MAX_IMAGE_BYTES = 2 * 1024 * 1024

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"

#: What each raster suffix's file starts with.
_RASTER_KINDS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF"}
_RASTER_KINDS |= {".webp": "WEBP", ".ico": "ICO"}
_SUFFIX_OF = {"PNG": ".png", "JPEG": ".jpg", "GIF": ".gif", "WEBP": ".webp", "ICO": ".ico"}

#: SVG's drawing elements. Left out, with all they hold: script, foreignObject (HTML), the
#: animation elements (they can set any attribute, an href included), a (links), metadata,
#: feImage and cursor (they fetch files), and anything unknown or in another namespace.
KEPT_ELEMENTS = frozenset(
    {
        "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "text", "tspan", "textPath", "defs", "linearGradient", "radialGradient", "stop",
        "clipPath", "mask", "pattern", "symbol", "use", "title", "desc", "style", "image",
        "switch", "marker", "filter", "feBlend", "feColorMatrix", "feComponentTransfer",
        "feComposite", "feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap",
        "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG",
        "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology", "feOffset",
        "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
    }
)  # fmt: skip
#: Elements whose every space is part of what they say.
TEXT_CONTENT = frozenset({"text", "title", "desc"})
#: Elements that only show what their href points to: left out when it points elsewhere.
REFERENCES = frozenset({"image", "use"})
#: Images embedded in a drawing as data (an exported logo often has one) load nothing.
_EMBEDDED_RASTER = re.compile(r"data:image/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*")
#: In a value (after removing white space and lowercasing): a CSS url() to anything but an
#: element of the drawing, other CSS that fetches or runs (image-set, @import, the old
#: expression and binding hooks) and script addresses. A backslash is a CSS escape, which
#: could spell any of these: refused too.
_UNSAFE_VALUE = re.compile(
    r"url\((?!['\"]?#)|image-set\(|image\(|cross-fade\(|@import|expression\(|"
    r"-moz-binding|behavior:|javascript:|vbscript:|\\"
)
_SPACE = re.compile(r"[\s\x00-\x1f]+")


class ImageRefused(PlaybookError):
    """A logo or favicon that cannot be published; ``reason`` follows the file's name."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{display_path(path)} {reason}")
        self.reason = reason


def published_image(path: Path) -> bytes:
    """The bytes to publish for the logo or favicon file ``path``: an SVG sanitised, a raster
    image unchanged. Raises ``ImageRefused`` for a file that is not what its name says, an
    SVG that is not well-formed or declares a document type, or a file over MAX_IMAGE_BYTES."""
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_IMAGE_BYTES + 1)
    except OSError as error:
        raise ImageRefused(path, f"cannot be read: {error.strerror}") from None
    if len(data) > MAX_IMAGE_BYTES:
        raise ImageRefused(
            path,
            f"is too large (over {MAX_IMAGE_BYTES:,} bytes; a logo or favicon is a few kilobytes)",
        )
    suffix = path.suffix.lower()
    if suffix == ".svg":
        return sanitised_svg(data, path)
    expected = _RASTER_KINDS.get(suffix)
    if expected is None:
        raise ImageRefused(path, f"is not an image: use a {', '.join(IMAGE_SUFFIXES)} file")
    found = raster_kind(data)
    if found == expected:
        return data
    kind = f"{'an' if expected == 'ICO' else 'a'} {expected}"
    if found is not None:
        reason = f"holds a {found} image, not {kind} one: name it {_SUFFIX_OF[found]}"
    elif data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        reason = f"is not {kind} image: it holds text (HTML or XML)"
    else:
        reason = f"is not {kind} image: it does not start as {kind} file does"
    raise ImageRefused(path, reason)


def raster_kind(data: bytes) -> str | None:
    """PNG, JPEG, GIF, WEBP or ICO, by the file's first bytes; None for anything else."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "GIF"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if data.startswith(b"\x00\x00\x01\x00"):
        return "ICO"
    return None


def sanitised_svg(data: bytes, path: Path) -> bytes:
    """The drawing in ``data`` written again with only what KEPT_ELEMENTS and the attribute
    rules allow; ``path`` names the file in a refusal."""
    writer = _SvgWriter(path)
    parser = ElementTree.XMLParser(target=writer)
    try:
        parser.feed(data)
        parser.close()
    except ElementTree.ParseError as error:
        line, column = error.position
        raise ImageRefused(
            path,
            f"is not well-formed XML ({ErrorString(error.code)}: line {line}, "
            f"column {column + 1})",
        ) from None
    if writer.root is None:
        raise ImageRefused(path, "holds no SVG drawing")
    return writer.output()


def _split(name: str) -> tuple[str, str]:
    """``{namespace}local`` into its namespace ('' for none) and local name."""
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return namespace, local
    return "", name


def _unsafe(value: str) -> bool:
    return _UNSAFE_VALUE.search(_SPACE.sub("", value).lower()) is not None


def _attribute_text(value: str) -> str:
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = value.replace('"', "&quot;")
    return value.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _SvgWriter:
    """An ``XMLParser`` target that writes the allowed part of the drawing as it is parsed:
    no tree is built, so nesting depth costs no recursion.

    White space between elements is held back until the next element: dropped with the
    element it indented when that element is left out, so the drawing keeps its layout.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.parts: list[str] = []
        self.root: str | None = None  # the root's namespace: SVG's, or none at all
        self.root_attributes = ""
        self.uses_xlink = False
        self.skipping = 0  # depth inside a left-out element
        self.in_text = 0  # depth inside text content, where every space is kept
        self.open_tag = False  # the last start tag still lacks its '>'
        self.space = ""  # white space between elements, not written yet
        #: A <style> being read: the space before it, its start tag and its text.
        self.style: tuple[str, str, list[str]] | None = None

    def doctype(self, name: str, pubid: str | None, system: str | None) -> None:
        # Called at the start of the declaration, before any entity is read.
        raise ImageRefused(
            self.path,
            "declares a document type (<!DOCTYPE>): an SVG file with a document type or "
            "entity declarations is refused",
        )

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        namespace, name = _split(tag)
        if self.root is None:
            if name != "svg" or namespace not in (SVG_NS, ""):
                shown = name if not namespace else f"{name} in namespace {namespace}"
                raise ImageRefused(self.path, f"is not an SVG drawing: its root is <{shown}>")
            self.root = namespace
        if self.skipping or self.style is not None:
            self.skipping += 1
            return
        attributes = None
        if namespace == self.root and name in KEPT_ELEMENTS:
            attributes = self.attributes(name, attrib)
        if attributes is None:
            self.skipping = 1
            self.space = ""
            return
        start = f"<{name}{attributes}"
        if name == "style":
            self.style = (self.space, start, [])
            self.space = ""
            return
        if not self.parts:
            # Written last: whether xlink is declared depends on what the drawing keeps.
            self.root_attributes = attributes
            start = "<svg"
        self.write(start)
        self.open_tag = True
        if name in TEXT_CONTENT or self.in_text:
            self.in_text += 1

    def attributes(self, element: str, attrib: dict[str, str]) -> str | None:
        """The attributes kept, written out; None when the element must go altogether."""
        kept = []
        for key, value in attrib.items():
            namespace, name = _split(key)
            if name.lower().startswith("on"):
                continue  # an event handler
            if name == "href" and namespace in ("", XLINK_NS):
                link = value.strip()
                embedded = element == "image" and _EMBEDDED_RASTER.fullmatch(link)
                if not link.startswith("#") and not embedded:
                    if element in REFERENCES:
                        return None  # it would show another file, or nothing
                    continue
            elif _unsafe(value):
                continue
            if namespace == XLINK_NS and name == "href":
                self.uses_xlink = True
                written = "xlink:href"
            elif namespace == XML_NS and name in ("space", "lang"):
                written = f"xml:{name}"
            elif namespace:
                continue  # another vocabulary's attribute: no browser draws with it
            else:
                written = name
            kept.append(f' {written}="{_attribute_text(value)}"')
        return "".join(kept)

    def write(self, text: str) -> None:
        """Write ``text`` after what is pending: the start tag's end and the held space."""
        if self.open_tag:
            self.parts.append(">")
            self.open_tag = False
        if self.space:
            # Several runs of space (around a left-out element or a comment) become one.
            self.parts.append(self.space[self.space.rfind("\n") :])
            self.space = ""
        if text:
            self.parts.append(text)

    def end(self, tag: str) -> None:
        if self.skipping:
            self.skipping -= 1
            return
        if self.style is not None:
            space, start, text = self.style
            self.style = None
            css = "".join(text)
            if not _unsafe(css):
                self.space = space
                self.write(f"{start}>{_text(css)}</style>" if css else f"{start}/>")
            return
        if self.in_text:
            self.in_text -= 1
        if self.open_tag and not self.space:
            self.parts.append("/>")
            self.open_tag = False
        else:
            self.write(f"</{_split(tag)[1]}>")

    def data(self, text: str) -> None:
        if self.skipping:
            return
        if self.style is not None:
            self.style[2].append(text)
        elif not self.in_text and not text.strip():
            self.space += text
        else:
            self.write(_text(text))

    def close(self) -> None:
        return None

    def output(self) -> bytes:
        xlink = f' xmlns:xlink="{XLINK_NS}"' if self.uses_xlink else ""
        self.parts[0] = f'<svg xmlns="{SVG_NS}"{xlink}{self.root_attributes}'
        return ("".join(self.parts) + "\n").encode("utf-8")
