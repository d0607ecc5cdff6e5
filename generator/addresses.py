"""Addresses read as browsers read them: the one place that decides what a link, an image or a
resource written in content points at.

Browsers parse addresses by the WHATWG URL Standard, not by RFC 3986: they drop tabs and line
breaks anywhere, strip leading and trailing spaces and control characters, take ``\\`` for
``/`` in http(s) and file addresses, fold the scheme's case and decode ``%2e%2e`` as ``..``. So
``/\\offhost.example/a.png``, which looks like a path on this host, is a request to another
host in every browser. Every address is therefore parsed here with Ada (the WHATWG parser that
Node.js uses, through its Python binding ``ada-url``), and the generator writes what the browser
will read, never the text as the author typed it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote

import ada_url

#: The schemes content may link to; anything else (javascript:, data:, file:, …) is refused.
URL_SCHEMES = frozenset({"http", "https", "mailto"})

#: A host no site has (RFC 2606): relative addresses are resolved against it, so that whatever
#: resolves to another host is known to leave the site.
_SITE_HOST = "site.invalid"
#: The folder of the docs tree on that host: a relative address that climbs out of it names
#: no file of the site.
_ROOT = "/docs/"
#: What the URL Standard strips at both ends, and removes anywhere.
_C0_OR_SPACE = "".join(map(chr, range(0x21)))
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
#: Spaces and control characters anywhere: some readers of addresses (older browsers, mail
#: programs, other tools) drop them even inside a scheme ("java script:"), so a scheme found
#: once they are gone must be allowed too.
_ANY_SPACE = re.compile(r"[\x00-\x20\x7f]+")

Kind = Literal["refused", "remote", "host", "fragment", "site"]


@dataclass(frozen=True)
class Address:
    """What an address points at, and how to write it so that a browser reads exactly that.

    ``kind`` is one of:

    * ``refused``: not an address a browser could follow, or a scheme outside ``URL_SCHEMES``;
    * ``remote``: another host (or ``mailto:``); ``href`` is the absolute address the browser
      will request, or for ``//host/…`` that address without its scheme;
    * ``host``: a path from the root of the host the site is served from (``/…``);
    * ``fragment``: a place on the same page (``#…``, or nothing);
    * ``site``: a path relative to the page: ``path`` is the file it names, seen from the site
      root and decoded (``practices/grow.md``), with ``query`` and ``fragment`` decoded too.
    """

    kind: Kind
    href: str = ""
    path: str = ""
    query: str = ""
    fragment: str = ""


REFUSED = Address("refused")


def cleaned(value: str) -> str:
    """``value`` as the URL Standard starts reading it: no tab or line break anywhere, no
    space or control character at either end."""
    return _TAB_OR_NEWLINE.sub("", value).strip(_C0_OR_SPACE)


def read_address(value: str, page: str = "") -> Address:
    """What ``value``, written in the page at ``page`` (a path from the site root, such as
    ``practices/listen.md``), points at in a browser (see ``Address``)."""
    text = cleaned(value)
    squeezed = _SCHEME.match(_ANY_SPACE.sub("", text))
    if squeezed and squeezed[0][:-1].lower() not in URL_SCHEMES:
        return REFUSED
    if _SCHEME.match(text):
        try:
            url = ada_url.URL(text)
        except ValueError:
            return REFUSED
        scheme = url.protocol[:-1]
        if scheme not in URL_SCHEMES or (scheme != "mailto" and not url.hostname):
            return REFUSED
        return Address("remote", href=url.href)
    folder = page.rsplit("/", 1)[0] + "/" if "/" in page else ""
    try:
        url = ada_url.URL(text, f"http://{_SITE_HOST}{_ROOT}{folder}")
    except ValueError:
        return REFUSED
    slashed = text.replace("\\", "/")
    if url.hostname != _SITE_HOST or url.port or url.username or url.password:
        return Address("remote", href=url.href.removeprefix("http:"))
    rest = url.search + url.hash
    if slashed.startswith("/"):
        return Address("host", href=url.pathname + rest)
    fragment = unquote(url.hash[1:])
    if not slashed or slashed.startswith("#"):
        return Address("fragment", href=url.hash, fragment=fragment)
    return Address(
        "site",
        href=slashed,
        path=unquote(
            url.pathname.removeprefix(_ROOT)
            if url.pathname.startswith(_ROOT)
            else "../" + url.pathname[1:]
        ),
        query=url.search[1:],
        fragment=fragment,
    )
