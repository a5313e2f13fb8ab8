"""From a grid of cells (rows of strings, any format) to a raw table: header, cells, row numbers.

Every format reader produces a grid; this module applies the rules they share, so a CSV and
an XLSX export of the same deals give the same table:

- the header is the first row that is at least half as wide as the widest of the first rows
  (title lines above it are skipped with a warning);
- fully blank rows are skipped and not counted; ``row`` numbers the other rows from 1 below
  the header, counting blank ones, so they match what a user sees when scrolling the file;
- a row with more non-empty cells than the header is rejected (an unquoted delimiter);
- cells are stripped, line ends unified, and cut at ``MAX_CELL_CHARS`` with a warning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from salesmine.records import Rejection

MAX_CELL_CHARS = 20_000
HEADER_SCAN_ROWS = 20


@dataclass
class RawTable:
    """A file read as strings: ``frame`` is indexed by the 1-based data row number."""

    source: str
    kind: str
    frame: pd.DataFrame
    n_input: int
    encoding: str = ""
    delimiter: str = ""
    warnings: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)

    @property
    def headers(self) -> list[str]:
        return [str(c) for c in self.frame.columns]


def cell_text(value: Any) -> str:
    """One cell value (from XLSX, JSON or Parquet) as the string a user would see."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ") if value.time() != dt.time() else value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def grid_to_table(
    source: str,
    kind: str,
    grid: Sequence[Sequence[str]],
    *,
    bad_rows: dict[int, str] | None = None,
    has_header: bool = True,
    headers: Sequence[str] = (),
) -> RawTable:
    """Turn grid rows into a RawTable (see the module docstring for the rules).

    Args:
        bad_rows: grid index -> reason, for rows the reader could not parse (JSON Lines).
        has_header: False when ``headers`` are given (JSON keys) and every grid row is data.
    """
    warnings: list[str] = []
    start = 0
    if has_header:
        start = _header_index(grid)
        if start > 0:
            warnings.append(f"{source}: skipped {start} line(s) above the header row")
        headers = _clean_headers(grid[start] if grid else [])
        start += 1
    rows, numbers, rejected = _data_rows(source, grid[start:], start, len(headers), bad_rows or {})
    index = pd.Index(numbers, name="row")
    frame = pd.DataFrame(rows, columns=list(headers), index=index, dtype="str")
    warnings += _truncate(frame, source)
    n_input = len(rows) + len(rejected)
    return RawTable(source, kind, frame, n_input, warnings=warnings, rejected=rejected)


def _data_rows(
    source: str, body: Sequence[Sequence[str]], start: int, width: int, bad_rows: dict[int, str]
) -> tuple[list[list[str]], list[int], list[Rejection]]:
    """Clean data rows padded to ``width``, their row numbers, and the rows rejected."""
    rows: list[list[str]] = []
    numbers: list[int] = []
    rejected: list[Rejection] = []
    for offset, raw in enumerate(body):
        number = offset + 1
        if start + offset in bad_rows:
            rejected.append(Rejection(source, number, bad_rows[start + offset]))
            continue
        cells = [_clean_cell(c) for c in raw]
        if not any(cells):
            continue
        if any(cells[width:]):
            reason = f"{_filled(cells)} cells but the header has {width} (an unquoted delimiter?)"
            rejected.append(Rejection(source, number, reason))
            continue
        rows.append((cells + [""] * width)[:width])
        numbers.append(number)
    return rows, numbers, rejected


def _filled(cells: list[str]) -> int:
    return max(i for i, c in enumerate(cells) if c) + 1


def _header_index(grid: Sequence[Sequence[str]]) -> int:
    counts: list[int] = []
    for row in grid[:HEADER_SCAN_ROWS]:
        counts.append(sum(1 for c in row if _clean_cell(c)))
    widest = max(counts, default=0)
    for i, count in enumerate(counts):
        if count and count * 2 >= widest:
            return i
    return 0


def _clean_headers(row: Sequence[str]) -> list[str]:
    cells = [" ".join(_clean_cell(c).split()) for c in row]
    while cells and not cells[-1]:
        cells.pop()
    seen: dict[str, int] = {}
    headers = []
    for i, name in enumerate(cells, start=1):
        name = name or f"column {i}"
        seen[name] = seen.get(name, 0) + 1
        headers.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return headers


def _clean_cell(value: object) -> str:
    text = value if isinstance(value, str) else cell_text(value)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def _truncate(frame: pd.DataFrame, source: str) -> list[str]:
    """Cut over-long cells; a huge cell is usually an unclosed quote that swallowed many rows."""
    warnings = []
    for column in frame.columns:
        lengths = frame[column].str.len()
        for number in frame.index[lengths > MAX_CELL_CHARS]:
            value = frame.at[number, column]
            hint = " (an unclosed quote?)" if value.count("\n") >= 50 else ""
            warnings.append(
                f"{source}: row {number}, column {column!r}: cell of {len(value):,} characters "
                f"cut to {MAX_CELL_CHARS:,}{hint}"
            )
            frame.at[number, column] = value[:MAX_CELL_CHARS]
    return warnings
