"""Format readers: CSV/TSV, XLSX, JSON / JSON Lines, Parquet and HTML tables, chosen by content.

``read_raw(path)`` sniffs the bytes (``files.sniff_kind``), dispatches through ``READERS`` and
returns a ``grid.RawTable`` of strings. Every failure a user can cause is an InputError.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from salesmine.errors import InputError
from salesmine.ingest import files
from salesmine.ingest.grid import RawTable, cell_text, grid_to_table
from salesmine.ingest.htmltable import html_rows, looks_like_html

JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")
TEXT_SUFFIXES = (".csv", ".tsv", ".txt", ".tab")
JSON_LIST_KEYS = ("items", "data", "results", "rows", "records", "deals", "leads")
SHEET_BLANK_STOP = 10_000  # consecutive blank rows after which a sheet is taken as ended


def read_raw(path: Path, encoding: str | None = None) -> RawTable:
    """Read any supported table file into a RawTable of strings."""
    path = Path(path)
    source = path.name
    data = files.read_bytes(path)
    if not data.strip():
        raise InputError(f"{source}: the file is empty — export the table again")
    kind = files.sniff_kind(data)
    reader = READERS.get(kind)
    if reader is None:
        raise InputError(_unsupported(source, kind))
    table = reader(path, data, encoding)
    if table.frame.shape[1] == 0:
        if table.kind in ("csv", "xlsx", "html"):
            raise InputError(f"{source}: no header row found — the first row must name the columns")
        raise InputError(f"{source}: no records in the file — export the table again")
    return table


def _unsupported(source: str, kind: str) -> str:
    if kind == "ole2":
        return (f"{source}: old Excel .xls or a password-protected workbook — "
                "open it in Excel and save as .xlsx or CSV without a password")
    return f"{source}: binary file, not a table — export it as CSV or XLSX"


def _read_text(path: Path, data: bytes, encoding: str | None) -> RawTable:
    text, used = files.decode_text(data, path.name, encoding)
    files.check_not_binary(text, path.name)
    text = text.lstrip("\ufeff")
    suffix = path.suffix.lower()
    stripped = text.lstrip()
    if looks_like_html(stripped):
        table = grid_to_table(path.name, "html", html_rows(text))
    elif suffix in JSON_SUFFIXES or (suffix not in TEXT_SUFFIXES and stripped[:1] in "[{"):
        table = _read_json(path.name, stripped, suffix)
    else:
        table = _read_csv(path.name, text)
        if suffix in (".xlsx", ".xlsm", ".xls"):
            table.warnings.append(f"{path.name}: named {suffix} but is CSV text; read as CSV")
    table.encoding = used
    return table


def _read_csv(source: str, text: str) -> RawTable:
    delimiter = files.sniff_delimiter(text)
    # The default 128 KB field limit would turn a huge cell into a crash; cells are cut later.
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter or "\x1f")
    grid: list[list[str]] = []
    last_start = previous_end = 0  # lines where the last record begins and the one before ends
    try:
        for row in reader:
            grid.append(row)
            last_start, previous_end = previous_end + 1, reader.line_num
    except csv.Error as exc:
        raise InputError(f"{source}: broken CSV near line {reader.line_num} ({exc}) — "
                         "re-export the file from the CRM or Excel") from None
    table = grid_to_table(source, "csv", grid)
    table.delimiter = delimiter
    table.warnings += _unclosed_quote(source, text, delimiter, last_start, reader.line_num)
    return table


def _unclosed_quote(source: str, text: str, delimiter: str, start: int, end: int) -> list[str]:
    """A warning when the last record opens a quote that is never closed.

    Python's csv reader then puts the rest of the file into one cell without an error, so
    hundreds of rows would silently become one.
    """
    if end - start < 1:
        return []
    rest = "".join(itertools.islice(io.StringIO(text, newline=""), start - 1, None))
    try:
        list(csv.reader(io.StringIO(rest, newline=""), delimiter=delimiter or "\x1f", strict=True))
    except csv.Error as exc:
        if "unexpected end of data" not in str(exc):
            return []
        return [f"{source}: line {start}: unclosed quote — the rest of the file "
                f"({end - start + 1} lines) was read as one row; close the quote in the file "
                "or export it again"]
    return []


def _read_json(source: str, text: str, suffix: str) -> RawTable:
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        if suffix == ".json" or not text.startswith("{"):
            raise InputError(f"{source}: invalid JSON at line {exc.lineno}, column {exc.colno} "
                             f"({exc.msg}) — fix the file or export it again") from None
        return _read_json_lines(source, text)
    return _records_table(source, "json", _json_records(source, payload), {})


def _json_records(source: str, payload: Any) -> list[Any]:
    if isinstance(payload, dict):
        lists = {k: v for k, v in payload.items() if isinstance(v, list)}
        key = next((k for k in JSON_LIST_KEYS if k in lists), None)
        if key is None and len(lists) == 1:
            key = next(iter(lists))
        if key is None:
            raise InputError(f"{source}: JSON object without a list of records — expected a list "
                             'of objects or {"items": [...]}')
        payload = lists[key]
    if not isinstance(payload, list):
        raise InputError(f"{source}: JSON is not a list of records — expected [{{...}}, ...]")
    return payload


def _read_json_lines(source: str, text: str) -> RawTable:
    records: list[Any] = []
    bad: dict[int, str] = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            bad[len(records)] = f"not valid JSON ({exc.msg})"
            records.append({})
    return _records_table(source, "jsonl", records, bad)


def _records_table(source: str, kind: str, records: list[Any], bad: dict[int, str]) -> RawTable:
    flat: list[dict[str, str]] = []
    for i, record in enumerate(records):
        if isinstance(record, dict):
            flat.append(_flatten(record))
        else:
            bad.setdefault(i, "not a JSON object")
            flat.append({})
    headers = list(dict.fromkeys(key for row in flat for key in row))
    grid = [[row.get(h, "") for h in headers] for row in flat]
    return grid_to_table(source, kind, grid, bad_rows=bad, has_header=False, headers=headers)


def _flatten(record: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """Nested objects become dotted keys; lists become JSON text."""
    out: dict[str, str] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten(value, f"{name}."))
        elif isinstance(value, list):
            out[name] = json.dumps(value, ensure_ascii=False)
        else:
            out[name] = cell_text(value)
    return out


def _read_xlsx(path: Path, data: bytes, encoding: str | None) -> RawTable:
    import openpyxl  # imported here: loading it costs time that CSV users need not pay

    source = path.name
    _check_workbook_zip(source, data)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise InputError(f"{source}: damaged Excel workbook ({exc.__class__.__name__}) — "
                         "open it in Excel and save again as .xlsx or CSV") from None
    try:
        sheet = book.worksheets[0]
        grid = _sheet_grid(sheet)
        table = grid_to_table(source, "xlsx", grid)
        if len(book.worksheets) > 1:
            table.warnings.append(f"{source}: workbook has {len(book.worksheets)} sheets; "
                                  f"read the first, {sheet.title!r}")
    finally:
        book.close()
    return table


def _check_workbook_zip(source: str, data: bytes) -> None:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        raise InputError(
            f"{source}: damaged zip/Excel file — save it again as .xlsx or CSV"
        ) from None
    if "xl/workbook.xml" not in names:
        what = "a Word document" if "word/document.xml" in names else "a zip archive"
        raise InputError(f"{source}: is {what}, not an Excel table — pass the .xlsx or CSV itself")


def _sheet_grid(sheet: Any) -> list[list[str]]:
    grid: list[list[str]] = []
    blank_run = 0
    for values in sheet.iter_rows(values_only=True):
        row = [cell_text(v) for v in values]
        blank_run = 0 if any(c.strip() for c in row) else blank_run + 1
        if blank_run > SHEET_BLANK_STOP:
            break  # formatting applied down to row 1,048,576: nothing more to read
        grid.append(row)
    return grid


def _read_parquet(path: Path, data: bytes, encoding: str | None) -> RawTable:
    import pyarrow.parquet as pq

    try:
        arrow = pq.read_table(io.BytesIO(data))
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError, ... for damaged files
        raise InputError(f"{path.name}: damaged Parquet file ({exc}) — write it again") from None
    headers = [str(name) for name in arrow.column_names]
    columns = [[cell_text(v) for v in arrow.column(i).to_pylist()] for i in range(len(headers))]
    grid = [list(row) for row in zip(*columns, strict=True)]
    return grid_to_table(path.name, "parquet", grid, has_header=False, headers=headers)


# Content kind (files.sniff_kind) -> reader. Formats not listed ("ole2", "binary") are errors.
READERS: dict[str, Callable[[Path, bytes, str | None], RawTable]] = {
    "text": _read_text,
    "zip": _read_xlsx,
    "parquet": _read_parquet,
}
