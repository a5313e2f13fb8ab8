"""Reading labelled refusal notes (training, evaluation and corrected review files).

A labelled file is any table ``read_table`` understands (CSV/TSV/XLSX/JSON/Parquet) with at least
a ``text`` and a ``reason`` column; ``lang``, ``outcome``, ``crm_reason``, ``id``, ``industry`` and
``stage`` are used when present (see data/refusals/GUIDELINES.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from salesmine.errors import InputError

REQUIRED_COLUMNS = ("text", "reason")
OPTIONAL_COLUMNS = ("id", "lang", "industry", "outcome", "stage", "crm_reason")
# ``source`` is the file name and ``row`` the 1-based data row, as in a notes frame.
LABELLED_COLUMNS = ("source", "row", *OPTIONAL_COLUMNS, "text", "reason")


def read_labelled(
    paths: Iterable[str | Path],
    codes: Sequence[str] | None = None,
    *,
    allow_unlabelled: bool = False,
    encoding: str | None = None,
) -> pd.DataFrame:
    """Read labelled files (or the table files inside given folders) into one frame with
    ``LABELLED_COLUMNS`` (all strings).

    Args:
        codes: the allowed reason codes; a row with another code is a one-line InputError.
        allow_unlabelled: skip rows with an empty ``reason`` (a review file where only some rows
            were corrected) instead of rejecting them.
    """
    from salesmine.ingest.tables import expand_paths

    paths = list(paths)
    if not paths:
        raise InputError("no labelled files given")
    frames = [_read_one(p, codes, allow_unlabelled, encoding) for p in expand_paths(paths)]
    return pd.concat(frames, ignore_index=True)


def _read_one(
    path: Path, codes: Sequence[str] | None, allow_unlabelled: bool, encoding: str | None
) -> pd.DataFrame:
    from salesmine.ingest.tables import read_table

    raw = read_table(path, encoding=encoding)
    headers = {str(c).strip().lower(): c for c in raw.columns}
    missing = [c for c in REQUIRED_COLUMNS if c not in headers]
    if missing:
        raise InputError(
            f"{path}: missing column(s) {', '.join(missing)}; a labelled file needs "
            "'text' and 'reason' (see data/refusals/GUIDELINES.md)"
        )
    frame = pd.DataFrame({"source": path.name, "row": range(1, len(raw) + 1)})
    for column in (*OPTIONAL_COLUMNS, "text", "reason"):
        values = raw[headers[column]] if column in headers else pd.Series([""] * len(raw))
        frame[column] = [_cell(v) for v in values]
    frame["reason"] = frame["reason"].str.strip().str.lower()
    frame["lang"] = frame["lang"].str.strip().str.lower()
    frame["outcome"] = frame["outcome"].str.strip().str.lower()
    frame = _check_reasons(frame, path, codes, allow_unlabelled)
    return frame[list(LABELLED_COLUMNS)].reset_index(drop=True)


def _check_reasons(
    frame: pd.DataFrame, path: Path, codes: Sequence[str] | None, allow_unlabelled: bool
) -> pd.DataFrame:
    empty = frame["reason"] == ""
    if allow_unlabelled:
        frame = frame[~empty]
    elif empty.any():
        row = int(frame.loc[empty, "row"].iloc[0])
        raise InputError(f"{path}, row {row}: empty 'reason'; fill in a code or remove the row")
    if codes is not None:
        unknown = ~frame["reason"].isin(list(codes))
        if unknown.any():
            first = frame[unknown].iloc[0]
            raise InputError(
                f"{path}, row {first['row']}: unknown reason {first['reason']!r}; "
                f"use one of {', '.join(codes)} or pass --taxonomy"
            )
    return frame


def _cell(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return str(value)
