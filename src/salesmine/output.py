"""Writing results: tables by file extension, and every file atomically (temp file, then rename).

A failed write raises ``SalesmineError`` naming the output path (never a temp file name), and
a new file gets the permissions any other program would give it (the umask), not the private
0600 of a temporary file.

pandas and numpy are imported inside the functions that use them: the CLI imports this module
for its path checks, and ``salesmine --help`` should not wait for them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING

from salesmine.errors import SalesmineError

if TYPE_CHECKING:
    import pandas as pd

TABLE_SUFFIXES = (".csv", ".xlsx", ".json", ".parquet")
CSV_SEPARATORS = (",", ";")  # ";" is what Excel splits on in a Russian (German, ...) locale

# The separator of CSV tables written where a call does not name one. The tables of
# ``salesmine refusals`` / ``managers`` / ``process`` are written deep inside their runs; the CLI
# sets this around the run (``csv_separator``) instead of threading a file-format detail through
# every analysis signature.
_CSV_SEP: ContextVar[str] = ContextVar("salesmine_csv_sep", default=",")


def check_table_path(path: Path, inputs: Iterable[Path] = ()) -> Path:
    """Refuse an output table path before any work is done: unknown extension, a folder, or
    one of the ``inputs`` (writing the KPIs over the CRM export would destroy it)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if path.is_dir():
        raise SalesmineError(f"{path}: is a folder — give a file name, e.g. {path / 'kpis.csv'}")
    if suffix not in TABLE_SUFFIXES:
        raise SalesmineError(
            f"{path}: unknown output format {suffix or '(none)'!r}; "
            f"use one of {', '.join(TABLE_SUFFIXES)}"
        )
    check_not_input(path, inputs)
    return path


def check_not_input(path: Path, inputs: Iterable[Path]) -> None:
    """Raise when ``path`` is one of the input files (give folders expanded to their files)."""
    target = Path(path).resolve()
    for item in inputs:
        if target == Path(item).resolve():
            raise SalesmineError(
                f"{path}: is an input of this run — write the output to another file"
            )


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it over ``path`` only if the block succeeds.

    A crash or an error half-way never leaves a half-written output behind.
    """
    path = Path(path)
    tmp = _temporary_beside(path)
    try:
        try:
            yield tmp
            os.chmod(tmp, _mode_for(path))
            os.replace(tmp, path)
        except OSError as exc:  # disk full, permissions, a folder in the way: name the output
            raise _write_error(path, exc) from None
    finally:
        if tmp.exists():
            tmp.unlink()


def _temporary_beside(path: Path) -> Path:
    if path.is_dir():
        raise SalesmineError(f"{path}: is a folder — give a file name inside it")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _write_error(path, exc) from None
    os.close(fd)
    return Path(tmp_name)


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets 0666 minus the umask."""
    with contextlib.suppress(OSError):
        return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0)  # the only portable way to read the umask is to set it and put it back
    os.umask(umask)
    return 0o666 & ~umask


def _write_error(path: Path, exc: OSError) -> SalesmineError:
    reason = exc.strerror or exc.__class__.__name__
    if isinstance(exc, (FileExistsError, NotADirectoryError)):
        reason = "a file stands where a folder is needed"
    return SalesmineError(f"{path}: cannot write the output ({reason}) — choose another path")


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


@contextlib.contextmanager
def csv_separator(sep: str) -> Iterator[None]:
    """Within the block, ``write_table`` writes CSV with ``sep`` unless a call names its own."""
    token = _CSV_SEP.set(check_csv_separator(sep))
    try:
        yield
    finally:
        _CSV_SEP.reset(token)


def check_csv_separator(sep: str) -> str:
    """``sep`` when it is one of ``CSV_SEPARATORS``; a one-line error otherwise."""
    if sep not in CSV_SEPARATORS:
        raise SalesmineError(
            f"CSV separator {sep!r}: use ',' or ';' (';' for Excel in a Russian locale)"
        )
    return sep


def write_table(frame: pd.DataFrame, path: Path, *, sep: str | None = None) -> Path:
    """Write a frame as CSV (UTF-8 with BOM, for Excel in a Russian locale), XLSX, JSON, Parquet.

    Args:
        sep: the CSV field separator, ``,`` or ``;`` (default: the one set by ``csv_separator``,
            else ``,``); with ``;`` numbers get a decimal comma too. Other formats ignore it.
    """
    path = check_table_path(path)
    suffix = path.suffix.lower()
    sep = _CSV_SEP.get() if sep is None else check_csv_separator(sep)
    with atomic_path(path) as tmp:
        if suffix == ".csv":
            # Where Excel splits on ";" it also reads "12.5" as the 12th of May: decimal comma.
            decimal = "," if sep == ";" else "."
            frame.to_csv(tmp, index=False, encoding="utf-8-sig", sep=sep, decimal=decimal)
        elif suffix == ".xlsx":
            _write_xlsx(frame, tmp)
        elif suffix == ".json":
            text = frame.to_json(orient="records", force_ascii=False, date_format="iso")
            records = json.loads(text)
            tmp.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
        else:
            _write_parquet(frame, tmp, path)
    return path


def _write_parquet(frame: pd.DataFrame, tmp: Path, path: Path) -> None:
    try:
        frame.to_parquet(tmp, index=False)
    except (ValueError, TypeError) as exc:  # pyarrow's ArrowInvalid / ArrowTypeError: mixed types
        message = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        raise SalesmineError(
            f"{path}: cannot write this table as Parquet ({message}) — use .csv or .xlsx"
        ) from None


def _write_xlsx(frame: pd.DataFrame, path: Path) -> None:
    """One sheet, header row first; text stays text.

    ``DataFrame.to_excel`` lets openpyxl turn any string starting with ``=`` into a formula (a
    note "=> перезвонить" breaks the workbook, "=HYPERLINK(...)" from a CRM field becomes live)
    and fails on control characters that XML cannot hold; both are handled here.
    """
    from openpyxl import Workbook  # imported here: CSV users need not pay for it

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append([_xlsx_cell(sheet, str(column)) for column in frame.columns])
    for row in frame.itertuples(index=False, name=None):
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    book.save(path)


def _xlsx_cell(sheet: object, value: object) -> object:
    import numpy as np
    import pandas as pd
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None or (np.ndim(value) == 0 and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, bool | int | float | dt.date | dt.time):
        return value
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    if not text.startswith("="):
        return text
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    return cell
