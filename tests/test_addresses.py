"""Addresses read as browsers read them (generator/addresses.py): every variant a browser reads
differently from a plain reading of the text, and what the generator writes for each."""

from __future__ import annotations

import pytest

from generator.addresses import Address, read_address
from generator.links import SiteLinks
from generator.safe_html import markdown_html

PAGE = "practices/listen.md"
FILES = frozenset({"index.md", "practices/listen.md", "practices/grow.md", "health-check.md"})

#: (written, kind, what a browser requests or follows)
VARIANTS = [
    # Backslashes are slashes in http(s) addresses: a path that is another host.
    ("/\\offhost.example/a.png", "remote", "//offhost.example/a.png"),
    ("\\\\offhost.example/a.png", "remote", "//offhost.example/a.png"),
    ("/\\/offhost.example/a.png", "remote", "//offhost.example/a.png"),
    ("///offhost.example/a.png", "remote", "//offhost.example/a.png"),
    ("\\offhost.example/a.png", "host", "/offhost.example/a.png"),
    ("\\/offhost.example/a.png", "remote", "//offhost.example/a.png"),
    # Tabs and line breaks anywhere are dropped.
    ("/\t/offhost.example/a.png", "remote", "//offhost.example/a.png"),
    ("/\n/offhost.example/a.png", "remote", "//offhost.example/a.png"),
    ("ht\ttps://offhost.example/", "remote", "https://offhost.example/"),
    ("h\r\nttp://offhost.example/", "remote", "http://offhost.example/"),
    # Leading and trailing spaces and control characters are dropped.
    (" \x01//offhost.example/x", "remote", "//offhost.example/x"),
    ("\x00\x1f https://offhost.example/ \x1f", "remote", "https://offhost.example/"),
    # The scheme's case does not matter, nor spaces or controls inside it for the refusal.
    ("HTTPS://OFFHOST.example/", "remote", "https://offhost.example/"),
    ("JaVaScRiPt:alert(1)", "refused", ""),
    ("java\tscript:alert(1)", "refused", ""),
    ("java script:alert(1)", "refused", ""),
    ("\x01javascript:alert(1)", "refused", ""),
    ("data:image/png;base64,AAAA", "refused", ""),
    ("file:///etc/passwd", "refused", ""),
    ("vbscript:x", "refused", ""),
    # A special scheme without slashes still names a host.
    ("http:offhost.example/a.png", "remote", "http://offhost.example/a.png"),
    ("https:/offhost.example/a.png", "remote", "https://offhost.example/a.png"),
    ("https:\\\\offhost.example/a.png", "remote", "https://offhost.example/a.png"),
    # A host with user information is still that host.
    ("//user@offhost.example/", "remote", "//user@offhost.example/"),
    # Percent-encoded dots are dots: they climb out of the page's folder, never off the host.
    ("%2e%2e/grow.md", "site", "%2e%2e/grow.md"),
    ("%2E%2e/%2e%2E/x.md", "site", "%2E%2e/%2e%2E/x.md"),
    ("/%2e%2e/%2e%2e/x", "host", "/x"),
    # Places on this page and paths on this host.
    ("#top", "fragment", "#top"),
    ("", "fragment", ""),
    ("/elsewhere/?q=1#f", "host", "/elsewhere/?q=1#f"),
    ("mailto:someone@example.org", "remote", "mailto:someone@example.org"),
]


@pytest.mark.parametrize(("written", "kind", "href"), VARIANTS)
def test_each_variant_is_read_as_a_browser_reads_it(written: str, kind: str, href: str) -> None:
    address = read_address(written, PAGE)
    assert (address.kind, address.href) == (kind, href)


def test_a_relative_path_names_the_file_it_resolves_to() -> None:
    assert read_address("grow.md#why-it-matters", PAGE) == Address(
        "site", href="grow.md#why-it-matters", path="practices/grow.md", fragment="why-it-matters"
    )
    assert read_address("../health-check.md?x=1", PAGE).path == "health-check.md"
    assert read_address("a%20b.md", PAGE).path == "practices/a b.md"
    # Climbing out of the docs tree names no file of the site.
    assert read_address("../../../index.md", PAGE).path == "../index.md"


@pytest.mark.parametrize(("written", "kind", "href"), VARIANTS)
def test_no_image_in_content_loads_from_another_host(written: str, kind: str, href: str) -> None:
    links = SiteLinks(FILES)
    kept = links.content_url(PAGE, "img", "src", written)
    if kind in ("remote", "refused"):
        assert kept is None
    else:
        assert kept is not None and read_address(kept, PAGE).kind == kind
    if kind == "remote":
        assert [w.message for w in links.warnings] == [
            f"Doc file '{PAGE}' contains an image from another host '{written}', which was "
            "left out: every reader's browser would fetch it from there (set "
            "allow_remote_images: true in the playbook to show such images)."
        ]


def test_the_reported_image_is_left_out_of_the_page() -> None:
    links = SiteLinks(FILES)
    html = markdown_html(
        "![a](/\\offhost.example/a.png)",
        inline=False,
        allow_html=False,
        url_filter=lambda t, a, v: links.content_url(PAGE, t, a, v),
    )
    assert html == '<p><img alt="a"></p>'
    assert len(links.warnings) == 1


@pytest.mark.parametrize(("written", "kind", "href"), VARIANTS)
def test_a_link_is_written_as_the_browser_reads_it(written: str, kind: str, href: str) -> None:
    links = SiteLinks(FILES)
    kept = links.content_url(PAGE, "a", "href", written)
    if kind == "refused":
        assert kept is None
    elif kind in ("remote", "host", "fragment"):
        assert kept == href


def test_a_link_to_a_page_of_the_site_gets_the_built_address() -> None:
    links = SiteLinks(FILES)
    assert links.content_url(PAGE, "a", "href", "gr\tow.md#why") == "../grow/#why"
    assert links.content_url(PAGE, "a", "href", "%2e%2e/health-check.md") == "../../health-check/"
    assert links.warnings == []
