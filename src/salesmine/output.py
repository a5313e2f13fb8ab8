"""Writing results: tables by file extension, and every file atomically (temp file, then rename)."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from salesmine.errors import SalesmineError

TABLE_SUFFIXES = (".csv", ".xlsx", ".json", ".parquet")


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it over ``path`` only if the block succeeds.

    A crash or an error half-way never leaves a half-written output behind.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def write_text(path: Path, text: str) -> Path:
    """Write UTF-8 text atomically."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(path)


def write_bytes(path: Path, data: bytes) -> Path:
    """Write bytes atomically."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def write_table(frame: pd.DataFrame, path: Path) -> Path:
    """Write a frame as CSV (UTF-8 with BOM, for Excel in a Russian locale), XLSX, JSON or Parquet."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise SalesmineError(
            f"{path}: unknown output format {suffix or '(none)'!r}; use one of {', '.join(TABLE_SUFFIXES)}"
        )
    with atomic_path(path) as tmp:
        if suffix == ".csv":
            frame.to_csv(tmp, index=False, encoding="utf-8-sig")
        elif suffix == ".xlsx":
            frame.to_excel(tmp, index=False, engine="openpyxl")
        elif suffix == ".json":
            records = json.loads(frame.to_json(orient="records", force_ascii=False, date_format="iso"))
            tmp.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
        else:
            frame.to_parquet(tmp, index=False)
    return path
