"""MkDocs' messages, shown the way MkDocs shows them, with a YAML location where one is known.

MkDocs reads the generated Markdown, so its warnings name a generated page
(``practices/listen.md``). A coach edits YAML: a warning about a link on a page is traced back
to the YAML file, line, column and key where that link was written.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from .errors import Location, printable_lines
from .links import LinkWarning
from .loader import SourceMap

#: MkDocs 1.6's warnings about links: "Doc file 'PAGE' contains a link 'LINK', but ..." and
#: "... contains an absolute link ...", "... an unrecognized relative link ...".
#: The logger of the generator's own warnings, shown with MkDocs' (and counted by --strict).
_OWN_LOGGER = "mkdocs.plugins.playbook"
_LINK_WARNING = re.compile(r"Doc file '(?P<page>[^']+)' contains [a-z ]*?link '(?P<link>[^']+)'")


def locate_link(link: str, sources: Sequence[SourceMap]) -> str | None:
    """'FILE:LINE:COL: KEY' of the first place ``link`` is written in these sources."""
    for source in sources:
        files = list(dict.fromkeys(location.file for location in source.values.values()))
        for file in files:
            try:
                text = Path(file).read_text(encoding="utf-8-sig")
            except OSError:
                continue
            position = text.find(f"]({link}")
            position = text.find(link) if position < 0 else position + 2
            if position < 0:
                continue
            line = text.count("\n", 0, position) + 1
            column = position - (text.rfind("\n", 0, position) + 1) + 1
            where = Location(file, line, column)
            # The value that starts last before the link is the one holding it.
            holders = [
                ((location.line, location.column), path)
                for path, location in source.values.items()
                if location.file == file and (location.line, location.column) <= (line, column)
            ]
            if not holders:
                return str(where)
            path = max(holders, key=lambda holder: holder[0])[1]
            return f"{where}: {source.key_path(path, where)}"
    return None


class LocateLinks(logging.Filter):
    """Puts the YAML location in front of MkDocs' warnings about links on generated pages;
    ``sources`` (each page's source maps) may change from one build to the next."""

    def __init__(self, sources: Mapping[str, Sequence[SourceMap]] | None = None) -> None:
        super().__init__()
        self.sources: Mapping[str, Sequence[SourceMap]] = sources or {}

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == _OWN_LOGGER or not self.sources:
            return True  # located already (see log_warnings)
        message = record.getMessage()
        found = _LINK_WARNING.search(message)
        if found:
            where = locate_link(found["link"], self.sources.get(found["page"], ()))
            if where is not None:
                record.msg = f"{where}: {message}"
                record.args = ()
        return True


class _PrintableFormatter(logging.Formatter):
    """MkDocs' format, with every control character a value from content may bring escaped
    (errors.printable_lines): a title or a link is never a terminal's escape sequence."""

    def format(self, record: logging.LogRecord) -> str:
        return printable_lines(super().format(record))


@contextlib.contextmanager
def mkdocs_logging(
    verbose: bool = False, sources: Mapping[str, Sequence[SourceMap]] | None = None
) -> Iterator[LocateLinks]:
    """Show MkDocs' warnings (and with ``verbose`` its progress) the way MkDocs does; warnings
    about links on pages made from ``sources`` start with the YAML location. Yields the filter
    that locates them, whose sources a live preview changes at each build."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler()
    handler.setFormatter(_PrintableFormatter("%(levelname)-7s -  %(message)s"))
    handler.setLevel(logging.INFO if verbose else logging.WARNING)
    locate = LocateLinks(sources)
    handler.addFilter(locate)
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    try:
        yield locate
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


def located_link_warnings(
    warnings: Iterable[LinkWarning], sources: Mapping[str, Sequence[SourceMap]]
) -> list[str]:
    """The generator's own warnings about links in content, each starting with the YAML
    location of the link where it can be found (``sources``: each page's source maps), in
    page order."""
    lines = []
    for warning in sorted(warnings, key=lambda w: w.page):
        where = locate_link(warning.link, sources.get(warning.page, ()))
        lines.append(warning.message if where is None else f"{where}: {warning.message}")
    return lines


def log_warnings(lines: Iterable[str]) -> None:
    """Shows warnings located already (``pipeline.Rendered.warnings``) as MkDocs warnings,
    which MkDocs counts for ``--strict`` when it runs the plugin."""
    for line in lines:
        # Escaped here too: under `mkdocs build` MkDocs' own handler prints it.
        logging.getLogger(_OWN_LOGGER).warning(printable_lines(line))
