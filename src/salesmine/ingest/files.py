"""Reading user files as bytes and text: content sniffing, encoding detection, delimiter sniffing.

Formats are recognised by content, not by name: a workbook renamed to ``.csv`` is still a
zip, and a CSV saved as ``.xlsx`` is still text. Text is decoded as UTF-8 (with or without
BOM), UTF-16 (Excel's "Unicode text"), or cp1251/KOI8-R when the bytes look like Russian
in that code page; anything else needs an explicit ``encoding``.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from salesmine.errors import InputError, file_not_found

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, and password-protected .xlsx
PARQUET_MAGIC = b"PAR1"
OTHER_BINARY_MAGIC = (b"\x1f\x8b", b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"Rar!", b"7z\xbc\xaf")
DELIMITERS = (",", ";", "\t", "|")
SNIFF_CHARS = 64_000
SNIFF_ROWS = 50

_RUSSIAN = re.compile(r"[А-Яа-яЁё]")
# Non-ASCII characters that real cp1251 Russian text is made of besides letters.
_CP1251_PUNCT = set("«»—–№…“”„‘’•°\xa0")
# A Cyrillic letter glued to a Latin one: "cafй" is Latin-1 French read as cp1251, not Russian.
_MIXED = re.compile(r"[A-Za-z][А-Яа-яЁё]|[А-Яа-яЁё][A-Za-z]")
_FLIP = re.compile(r"[а-яё][А-ЯЁ]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def read_bytes(path: Path) -> bytes:
    """Read a whole input file; a missing or unreadable file is an InputError."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: is a folder — pass the files inside it")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise file_not_found(path) from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}) — check permissions") from None


def sniff_kind(data: bytes) -> str:
    """Classify bytes as ``zip``, ``ole2``, ``parquet``, ``binary`` or ``text`` by their content."""
    head = data[:8192]
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if head.startswith(OLE2_MAGIC):
        return "ole2"
    if head.startswith(PARQUET_MAGIC):
        return "parquet"
    if head.startswith(OTHER_BINARY_MAGIC):
        return "binary"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_bom(head):
        return "text"
    if b"\x00" in head:
        return "binary"
    return "text"


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte is NUL, as in UTF-16 text without a BOM."""
    if len(head) < 4:
        return None
    odd, even = head[1::2], head[0::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def decode_text(data: bytes, source: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode file bytes to text; return ``(text, encoding name)``.

    Without ``encoding``: BOM (UTF-8/UTF-16), then strict UTF-8, then cp1251 or KOI8-R when the
    result reads as Russian. Otherwise an InputError that suggests ``--encoding``.
    """
    if encoding:
        return _decode_as(data, source, encoding), encoding
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode_as(data, source, "utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_as(data, source, "utf-16"), "utf-16"
    utf16 = _utf16_without_bom(data[:8192])
    if utf16:
        return _decode_as(data, source, utf16), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    guess = _guess_cyrillic(data)
    if guess is not None:
        return guess
    line = data[: utf8_error.start].count(b"\n") + 1
    raise InputError(
        f"{source}: text is neither UTF-8 nor cp1251 (first bad byte on line {line}) — "
        "save it as UTF-8 or pass --encoding (e.g. --encoding latin-1)"
    )


def _decode_as(data: bytes, source: str, encoding: str) -> str:
    name = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        return data.decode(name)
    except LookupError:
        raise InputError(
            f"{source}: unknown encoding {encoding!r} — use e.g. utf-8, cp1251, koi8-r"
        ) from None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"{source}: cannot be read as {encoding} (bad byte on line {line}) — check --encoding"
        ) from None


def _guess_cyrillic(data: bytes) -> tuple[str, str] | None:
    """``(text, encoding)`` for cp1251 or KOI8-R text, preferring cp1251 (Excel on Russian Windows).

    The two code pages swap the letter cases, so KOI8-R read as cp1251 shows words like "кЛИЕНТ"
    (lower then upper inside a word); KOI8-R wins only on that evidence, so an all-capitals
    cp1251 list ("ОСАГО", "КАСКО") stays cp1251.
    """
    cp1251, koi8 = _plausible_russian(data, "cp1251"), _plausible_russian(data, "koi8-r")
    if koi8 is None:
        return None if cp1251 is None else (cp1251, "cp1251")
    if cp1251 is None:
        return koi8, "koi8-r"
    if _case_flips(koi8) < _case_flips(cp1251):
        return koi8, "koi8-r"
    return cp1251, "cp1251"


def _case_flips(text: str) -> int:
    """Lower-then-upper letter pairs ("кЛИЕНТ"): rare in real text, common in a wrong code page."""
    return len(_FLIP.findall(text[:SNIFF_CHARS]))


def _plausible_russian(data: bytes, encoding: str) -> str | None:
    """The decoded text if it reads as Russian in ``encoding``, else None.

    cp1251 and KOI8-R decode almost any bytes, so decoding alone proves nothing: real text has
    non-ASCII characters that are nearly all Russian letters, not glued to Latin ones.
    """
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    non_ascii = [ch for ch in text[:SNIFF_CHARS] if ord(ch) > 127]
    letters = sum(bool(_RUSSIAN.match(ch)) for ch in non_ascii)
    punct = sum(ch in _CP1251_PUNCT for ch in non_ascii)
    if not non_ascii or (letters + punct) < 0.95 * len(non_ascii):
        return None
    if len(_MIXED.findall(text[:SNIFF_CHARS])) > 0.1 * letters:
        return None
    return text


def check_not_binary(text: str, source: str) -> None:
    """Raise when decoded text is full of control characters (a binary file slipped through)."""
    sample = text[:8192]
    if sample and len(_CONTROL.findall(sample)) > 0.01 * len(sample):
        raise InputError(
            f"{source}: looks like a binary file, not a table — export it as CSV or XLSX"
        )


def sniff_delimiter(text: str) -> str:
    """Pick the delimiter among ``, ; tab |`` that splits the first rows most consistently.

    The header must split into 2+ cells, and the share of rows with the header's cell count
    decides (ties go to the header with more cells). A text that no candidate splits is read
    as a single column.
    """
    sample = text[:SNIFF_CHARS]
    best, best_score = "", (0.0, 0)
    for delimiter in DELIMITERS:
        rows = _sample_rows(sample, delimiter, truncated=len(text) > len(sample))
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        score = (sum(len(r) == width for r in rows) / len(rows), width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _sample_rows(sample: str, delimiter: str, truncated: bool) -> list[list[str]]:
    rows: list[list[str]] = []
    try:
        # newline="": rows may end in \r alone ("CSV (Macintosh)" from Excel for Mac).
        for row in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter):
            if any(cell.strip() for cell in row):
                rows.append(row)
            if len(rows) > SNIFF_ROWS:
                break
    except csv.Error:
        return []
    if truncated and len(rows) > 1 and len(rows) <= SNIFF_ROWS:
        rows.pop()  # the last row may be cut in half by the sample boundary
    return rows[:SNIFF_ROWS]
