"""CRM deal exports -> one canonical notes frame (``records.NOTE_COLUMNS``); every row counted.

``load_notes`` reads each file (``readers``), maps its headers (``presets``), converts values
(``values``) and rejects rows it cannot use, so that for every run
``n_input == len(frame) + len(rejected)``. Rules a user meets:

- a row with neither text nor stage is rejected;
- with ``unique_ids`` (the default) a row whose id was already seen, in this file or an earlier
  one, is rejected: the first row with an id is kept, later ones are listed with the row they
  repeat. Pass ``unique_ids=False`` for event logs with one row per stage reached;
- an unparseable date or amount keeps the row, with NaT/NaN and a warning naming the rows;
- ``outcome`` comes from an outcome column, else from the stage when it is a terminal status
  ("Сделка успешна", "Closed Lost", ...); the stage value itself stays in ``stage``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from salesmine.errors import InputError
from salesmine.ingest import values
from salesmine.ingest.grid import RawTable
from salesmine.ingest.presets import FIELDS, ColumnMap, map_columns, missing_columns_message
from salesmine.ingest.readers import read_raw
from salesmine.records import NOTE_COLUMNS, Rejection

TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".tab", ".xlsx", ".xlsm", ".xls", ".html", ".htm",
                  ".json", ".jsonl", ".ndjson", ".parquet")
SHOWN_ROWS = 10  # row numbers listed in one warning


@dataclass
class FileInfo:
    """How one input file was read: format, encoding, delimiter, mapping and row counts."""

    source: str
    kind: str
    encoding: str
    delimiter: str
    headers: tuple[str, ...]
    columns: ColumnMap
    n_input: int
    n_used: int = 0


@dataclass
class NotesLoad:
    """The notes frame plus everything needed to explain it: rejections, warnings, mapping."""

    frame: pd.DataFrame
    rejected: list[Rejection]
    warnings: list[str]
    mapping: dict[str, dict[str, str]]
    n_input: int
    files: list[FileInfo] = field(default_factory=list)

    @property
    def n_used(self) -> int:
        return len(self.frame)

    def rejected_frame(self) -> pd.DataFrame:
        """The rejections as a table with columns source, row, reason."""
        rows = [(r.source, r.row, r.reason) for r in self.rejected]
        return pd.DataFrame(rows, columns=["source", "row", "reason"])


def read_table(path: Path | str, encoding: str | None = None) -> pd.DataFrame:
    """Any CSV/TSV/XLSX/JSON/JSONL/Parquet/HTML table as raw strings, indexed by data row number."""
    return read_raw(Path(path), encoding).frame


def load_notes(
    paths: Path | str | Iterable[Path | str],
    *,
    preset: str = "auto",
    columns: Mapping[str, str] | None = None,
    encoding: str | None = None,
    unique_ids: bool = True,
) -> NotesLoad:
    """Read CRM exports into one notes frame with ``records.NOTE_COLUMNS``.

    Args:
        paths: files, or folders whose table files are all read.
        preset: ``auto``, ``bitrix24``, ``amocrm`` or ``hubspot``.
        columns: ``{field: header}`` overrides (``--column``); ``text`` may be ``"A+B"``.
        encoding: text encoding of CSV files; detected when None.
        unique_ids: reject rows whose id repeats an earlier row.
    """
    files, warnings = _expand(paths)
    frames, rejected, infos = [], [], []
    for path, source in _sources(files):
        raw = read_raw(path, encoding)
        raw.source = source
        frame, info, file_rejected, file_warnings = _load_one(raw, preset, columns)
        frames.append(frame)
        infos.append(info)
        rejected += file_rejected
        warnings += file_warnings
    frame = pd.concat(frames, ignore_index=True)
    frame, name_warnings = _unify_names(frame)
    warnings += name_warnings
    if unique_ids:
        frame, dup_rejected, dup_warnings = _reject_duplicate_ids(frame)
        rejected += dup_rejected
        warnings += dup_warnings
    order = {info.source: i for i, info in enumerate(infos)}
    rejected.sort(key=lambda r: (order.get(r.source, 0), r.row or 0))
    for info in infos:
        info.n_used = int((frame["source"] == info.source).sum())
    if frame.empty:
        warnings.append("no usable rows in the input — see the rejected rows")
    mapping = {info.source: info.columns.describe() for info in infos}
    n_input = sum(info.n_input for info in infos)
    return NotesLoad(frame.reset_index(drop=True), rejected, warnings, mapping, n_input, infos)


def expand_paths(paths: Path | str | Iterable[Path | str]) -> list[Path]:
    """Files as given, and the table files inside given folders (sorted); each file once."""
    return _expand(paths)[0]


def _expand(paths: Path | str | Iterable[Path | str]) -> tuple[list[Path], list[str]]:
    """``expand_paths`` plus a warning per file given more than once (it is read once: reading
    it twice would double every count of a file without ids)."""
    items = [paths] if isinstance(paths, str | Path) else list(paths)
    result: list[Path] = []
    for item in map(Path, items):
        if item.is_dir():
            inside = sorted(p for p in item.iterdir() if p.suffix.lower() in TABLE_SUFFIXES)
            if not inside:
                raise InputError(f"{item}: no table files in this folder — pass CSV/XLSX files")
            result += inside
        else:
            result.append(item)
    if not result:
        raise InputError("no input files — pass at least one CSV/XLSX/JSON file")
    first: dict[Path, Path] = {}
    warnings = []
    for path in result:
        key = path.resolve()
        if key in first:
            also = f" (also as {first[key]})" if str(first[key]) != str(path) else ""
            warnings.append(f"{path}: given more than once{also}; read once")
        else:
            first[key] = path
    return list(first.values()), warnings


def _sources(paths: Sequence[Path]) -> list[tuple[Path, str]]:
    """Each path with its source name: the file name, or the path when two names clash."""
    names = [p.name for p in paths]
    return [(p, p.name if names.count(p.name) == 1 else str(p)) for p in paths]


def _load_one(
    raw: RawTable, preset: str, columns: Mapping[str, str] | None
) -> tuple[pd.DataFrame, FileInfo, list[Rejection], list[str]]:
    source = raw.source
    if raw.n_input == 0:
        raise InputError(f"{source}: has a header but no data rows — export the rows too")
    cmap = map_columns(raw.headers, source, preset=preset, columns=columns)
    if "text" not in cmap.headers and "stage" not in cmap.headers:
        raise InputError(missing_columns_message(source, raw.headers))
    frame, warnings = _canonical(raw, cmap)
    empty = (frame["text"] == "") & (frame["stage"] == "")
    reason = _empty_reason(cmap)
    rejected = [Rejection(source, int(r), reason) for r in frame.loc[empty, "row"]]
    info = FileInfo(source, raw.kind, raw.encoding, raw.delimiter, tuple(raw.headers), cmap,
                    raw.n_input)
    return frame[~empty], info, raw.rejected + rejected, raw.warnings + warnings


def _empty_reason(cmap: ColumnMap) -> str:
    if "text" in cmap.headers and "stage" in cmap.headers:
        return "no text and no stage"
    return "empty text" if "text" in cmap.headers else "empty stage"


def _canonical(raw: RawTable, cmap: ColumnMap) -> tuple[pd.DataFrame, list[str]]:
    """Build the NOTE_COLUMNS frame for one file; warnings for unreadable dates and amounts."""
    cells = {name: _joined(raw.frame, cmap.headers.get(name, ()), "\n" if name == "text" else " ")
             for name in FIELDS}
    dates, bad_dates = _dates(cells["date"])
    amounts, bad_amounts = _amounts(cells["amount"])
    rows = [int(r) for r in raw.frame.index]
    warnings = _value_warning(raw.source, "date", cmap, rows, cells["date"], bad_dates)
    warnings += _value_warning(raw.source, "amount", cmap, rows, cells["amount"], bad_amounts)
    pairs = list(zip(cells["outcome"], cells["stage"], strict=True))
    outcomes = {pair: values.normalize_outcome(pair[0] or pair[1]) for pair in set(pairs)}
    outcome = [outcomes[pair] for pair in pairs]
    frame = pd.DataFrame({**cells, "source": raw.source, "row": rows, "date": dates,
                          "amount": amounts, "outcome": outcome})
    return frame[list(NOTE_COLUMNS)], warnings


def _joined(frame: pd.DataFrame, headers: Sequence[str], sep: str) -> list[str]:
    if not headers:
        return [""] * len(frame)
    if len(headers) == 1:
        return frame[headers[0]].tolist()
    parts = [frame[h].tolist() for h in headers]
    return [sep.join(p for p in row if p) for row in zip(*parts, strict=True)]


def _dates(cells: list[str]) -> tuple[np.ndarray, list[int]]:
    """Parsed dates (NaT where empty or unreadable) and the positions that were unreadable."""
    unique = set(cells)
    day_first = values.slash_day_first(unique)
    parsed = {c: values.parse_date(c, day_first) for c in unique}
    bad = [i for i, c in enumerate(cells) if c and parsed[c] is None]
    dates = pd.to_datetime(pd.Series([parsed[c] for c in cells], dtype="object"))
    return dates.astype("datetime64[us]").to_numpy(), bad


def _amounts(cells: list[str]) -> tuple[list[float], list[int]]:
    unique = {c: values.parse_amount(c) for c in set(cells) if c}
    parsed = [unique.get(c) for c in cells]
    bad = [i for i, (c, p) in enumerate(zip(cells, parsed, strict=True)) if c and p is None]
    return [float("nan") if p is None else p for p in parsed], bad


def _value_warning(source: str, what: str, cmap: ColumnMap, rows: list[int],
                   cells: list[str], bad: list[int]) -> list[str]:
    if not bad:
        return []
    header = cmap.describe()[what]
    bad_rows = [rows[i] for i in bad]
    return [f"{source}: {len(bad)} {what}(s) in {header!r} not understood ({row_list(bad_rows)}), "
            f"e.g. {cells[bad[0]]!r} — those rows are kept without a {what}"]


def row_list(rows: Sequence[int]) -> str:
    """``rows 3, 8, 12 and 5 more``: row numbers for a one-line message."""
    shown = ", ".join(str(r) for r in rows[:SHOWN_ROWS])
    more = f" and {len(rows) - SHOWN_ROWS} more" if len(rows) > SHOWN_ROWS else ""
    return f"row{'s' if len(rows) > 1 else ''} {shown}{more}"


def _unify_names(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """One spelling per manager, department and branch (see ``values.unify_spellings``)."""
    warnings = []
    for column in ("manager", "department", "branch"):
        changes = values.unify_spellings(frame[column].tolist())
        if not changes:
            continue
        frame[column] = frame[column].replace(changes)
        shown = ", ".join(f"{old!r} -> {new!r}" for old, new in list(changes.items())[:5])
        more = f" and {len(changes) - 5} more" if len(changes) > 5 else ""
        warnings.append(f"{column}: spellings that differ only in case, spaces or ё/е are "
                        f"counted as one: {shown}{more}")
    return frame, warnings


def _reject_duplicate_ids(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[Rejection], list[str]]:
    has_id = frame["id"] != ""
    duplicate = has_id & frame.duplicated("id", keep="first")
    if not duplicate.any():
        return frame, [], []
    first = frame[has_id & ~duplicate].set_index("id")
    rejected = [
        Rejection(src, int(row), f"duplicate id {ident} (first at {first.at[ident, 'source']} "
                                 f"row {first.at[ident, 'row']})")
        for src, row, ident in frame.loc[duplicate, ["source", "row", "id"]].itertuples(index=False)
    ]
    warnings = [
        f"{src}: {len(group)} row(s) repeat an id seen before and were rejected "
        f"({row_list(group['row'].tolist())}) — the first row with each id is kept "
        "(one row per stage reached? that is an event log: salesmine funnel --events)"
        for src, group in frame[duplicate].groupby("source", sort=False)
    ]
    return frame[~duplicate], rejected, warnings
