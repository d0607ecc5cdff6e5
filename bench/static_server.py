"""A static file server that answers the way a static host does, for measuring pages.

Python's plain ``http.server`` sends every file uncompressed and without cache headers, which
no static host does and which costs a page several Lighthouse points. This one gzips text
responses when the browser accepts it, sends ``Cache-Control`` (a year for Material's
fingerprinted assets, ten minutes for everything else, as GitHub Pages does), and answers an
unknown path with the site's ``404.html``.
Run alone: .venv/bin/python bench/static_server.py SITE_DIR [--port 8000]
"""

from __future__ import annotations

import argparse
import contextlib
import email.utils
import gzip
import io
import re
import threading
from collections.abc import Iterator
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

TEXT_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
)
#: Material's own assets carry a content hash in their names: main.8608ea7d.min.css.
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:css|js)$")
LONG_CACHE = "public, max-age=31536000, immutable"
SHORT_CACHE = "public, max-age=600"


class StaticHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as any host has

    def send_head(self) -> io.BytesIO | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect
            path = path / "index.html"
        status = HTTPStatus.OK
        if not path.is_file():
            status = HTTPStatus.NOT_FOUND
            path = Path(self.directory) / "404.html"
            if not path.is_file():
                self.send_error(status)
                return None
        data = path.read_bytes()
        content_type = self.guess_type(str(path))
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        compress = accepts_gzip and content_type.startswith(TEXT_TYPES)
        if compress:
            data = gzip.compress(data, compresslevel=6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        cache = LONG_CACHE if FINGERPRINTED.search(path.name) else SHORT_CACHE
        self.send_header("Cache-Control", cache)
        modified = email.utils.formatdate(path.stat().st_mtime, usegmt=True)
        self.send_header("Last-Modified", modified)
        self.end_headers()
        return io.BytesIO(data)

    def guess_type(self, path: Any) -> str:
        guessed = super().guess_type(path)
        if guessed.startswith("text/") or guessed == "application/javascript":
            return f"{guessed}; charset=utf-8"
        return guessed

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: the benchmark prints its own table


@contextlib.contextmanager
def serving(site: Path, port: int = 0) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 (a free port unless given) in a thread; yields its URL."""
    handler = partial(StaticHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve a built site as a static host would.")
    parser.add_argument("site", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    with serving(args.site.resolve(), args.port) as url:
        print(f"Serving {args.site} on {url} (Ctrl-C stops)")
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
