"""HTML tables saved as ``.xls``: Bitrix24's "Export to Excel" writes an HTML page, not a workbook.

Only the first top-level ``<table>`` is read; ``<br>`` becomes a line break inside the cell.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HTML_START = re.compile(r"^(<!doctype html|<html|<meta|<table|<\?xml[^>]*>\s*<html)", re.I)


def looks_like_html(text: str) -> bool:
    """True for text that starts like an HTML page and contains a table."""
    return bool(_HTML_START.match(text[:200])) and "<table" in text[:200_000].lower()


def html_rows(text: str) -> list[list[str]]:
    """Cell texts of the first top-level table, row by row."""
    parser = _TableParser()
    parser.feed(text)
    parser.close()
    return parser.rows


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._depth = 0  # table nesting depth
        self._done = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._done:
            return
        if tag == "table":
            self._depth += 1
        elif self._depth == 1 and tag == "tr":
            self._flush()
            self.rows.append([])
        elif self._depth == 1 and tag in ("td", "th") and self.rows:
            self._flush()  # an unclosed <td> ends where the next one starts
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self._done:
            return
        if tag == "table":
            if self._depth == 1:
                self._flush()
            self._depth -= 1
            self._done = self._depth == 0
        elif self._depth == 1 and tag in ("td", "th", "tr"):
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data.replace("\r", " ").replace("\n", " "))

    def _flush(self) -> None:
        if self._cell is not None:
            self.rows[-1].append(_squash("".join(self._cell)))
            self._cell = None


def _squash(text: str) -> str:
    """Collapse HTML whitespace but keep the line breaks that came from ``<br>``."""
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()
