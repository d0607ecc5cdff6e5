"""Addresses in the pages the generator writes: links between pages, and links and images in
content, resolved the way MkDocs resolves Markdown links.

Content is converted to HTML by the generator (see safe_html.py), so the engine never sees its
links as Markdown: they are resolved here, against the pages and files of the docs tree. A link
to a file that is not there is kept as written and reported like MkDocs reports it.

The engines read links in HTML differently. MkDocs leaves them as written, so for MkDocs they
are written as the addresses the built site has (``../grow/`` with directory URLs,
``grow.html`` without). Zensical takes every relative link in a page's HTML as a path from the
page's source file and rewrites it, as it does Markdown links, so for Zensical they are
written as source paths (``grow.md``).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field

from .addresses import read_address

#: What an anchor in a relative link may be: the characters of the ids headings get.
_FRAGMENT = re.compile(r"[\w.:-]*\Z")


@dataclass(frozen=True)
class LinkWarning:
    """A link or image in a page that the built site cannot serve, in MkDocs' words."""

    page: str
    link: str
    message: str


def page_url(path: str, directory_urls: bool) -> str:
    """The address of docs file ``path`` relative to the site root, as MkDocs gives it."""
    if not path.endswith(".md"):
        return path
    stem = path[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(source: str, target: str) -> str:
    """``target`` (an address from the site root) as seen from the page at ``source``."""
    base = source if source.endswith("/") or not source else posixpath.dirname(source) + "/"
    relative = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    if relative == ".":
        return "./"
    return relative + "/" if target.endswith("/") or not target else relative


@dataclass
class SiteLinks:
    """The docs files of one site, and what was wrong with the addresses written into it."""

    files: frozenset[str]
    directory_urls: bool = True
    remote_images: bool = False
    #: Links written as paths between source files, for an engine that rewrites them.
    source_paths: bool = False
    warnings: list[LinkWarning] = field(default_factory=list)

    def href(self, page: str, target: str, fragment: str = "") -> str:
        """The address of docs file ``target`` in a link on ``page``."""
        if self.source_paths:
            url = posixpath.relpath(target, posixpath.dirname(page) or ".")
        else:
            source, destination = (page_url(p, self.directory_urls) for p in (page, target))
            url = relative_url(source, destination)
        return url + (f"#{fragment}" if fragment else "")

    def built_href(self, page: str, target: str, fragment: str = "") -> str:
        """The address of docs file ``target`` as the built site has it, seen from ``page``:
        for places no engine rewrites (a data attribute the script reads)."""
        source, destination = (page_url(p, self.directory_urls) for p in (page, target))
        return relative_url(source, destination) + (f"#{fragment}" if fragment else "")

    def content_url(self, page: str, tag: str, attribute: str, value: str) -> str | None:
        """A link's or image's address in content on ``page``, as the built site must have
        it, read as a browser reads it (addresses.py); or None where it must not be kept."""
        address = read_address(value, page)
        if address.kind == "refused":
            return None
        if address.kind == "remote":
            if tag == "img" and not self.remote_images:
                self.warnings.append(
                    LinkWarning(
                        page,
                        value,
                        f"Doc file '{page}' contains an image from another host '{value}', which "
                        "was left out: every reader's browser would fetch it from there (set "
                        "allow_remote_images: true in the playbook to show such images).",
                    )
                )
                return None
            return address.href
        if not _FRAGMENT.match(address.fragment):
            # No heading has such an id, and a theme's script that looks the fragment up as a
            # selector stops on its quotes or spaces (Zensical's does).
            return None
        if address.kind != "site":
            return address.href  # an anchor on the same page, or an address on the same host
        target = posixpath.normpath(address.path)
        if target not in self.files:
            self.warnings.append(
                LinkWarning(
                    page,
                    value,
                    f"Doc file '{page}' contains a link '{value}', but the target '{target}' is "
                    "not found among documentation files.",
                )
            )
            return address.href
        url = self.href(page, target) + (f"?{address.query}" if address.query else "")
        return url + (f"#{address.fragment}" if address.fragment else "")
