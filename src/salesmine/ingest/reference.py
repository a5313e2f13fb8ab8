"""Reference lists (product catalog, people) from a table or YAML file, as records keyed by field.

Headers and YAML keys are matched to fields by ``presets.find_header`` (case, spaces and
punctuation ignored), so "Наименование", "name" and "NAME " all feed ``name``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from salesmine.errors import InputError
from salesmine.ingest.files import decode_text, read_bytes
from salesmine.ingest.grid import cell_text
from salesmine.ingest.presets import find_header
from salesmine.ingest.readers import read_raw

YAML_SUFFIXES = (".yaml", ".yml")
Record = dict[str, str | list[str]]


def read_records(
    path: Path,
    fields: Mapping[str, Sequence[str]],
    *,
    what: str,
    list_keys: Sequence[str] = (),
    encoding: str | None = None,
) -> list[tuple[int, Record]]:
    """``(row, {field: value})`` for each non-blank row; the first field in ``fields`` is required.

    Args:
        fields: field -> accepted header names, the required field first.
        what: what the required field names, for the error ("product name").
        list_keys: YAML top-level keys that may hold the list ("products").
    """
    path = Path(path)
    if path.suffix.lower() in YAML_SUFFIXES:
        return _yaml_records(path, fields, what, list_keys, encoding)
    table = read_raw(path, encoding)
    if table.rejected:  # a reference list has no rejections channel: a broken row must be fixed
        first = table.rejected[0]
        raise InputError(
            f"{path.name}: row {first.row}: {first.reason} — quote the cell or fix the row"
        )
    frame = table.frame
    headers = [str(h) for h in frame.columns]
    chosen = {f: find_header(headers, names) for f, names in fields.items()}
    required = next(iter(fields))
    if chosen[required] is None:
        names = " or ".join(repr(n) for n in list(fields[required])[:3])
        listing = ", ".join(map(repr, headers))
        raise InputError(f"{path.name}: no {what} column (headers: {listing}) "
                         f"— name that column {names}")
    records = []
    for row, cells in zip(frame.index, frame.itertuples(index=False), strict=True):
        values = dict(zip(headers, cells, strict=True))
        records.append((int(row), {f: values[h] for f, h in chosen.items() if h is not None}))
    return records


def _yaml_records(path: Path, fields: Mapping[str, Sequence[str]], what: str,
                  list_keys: Sequence[str], encoding: str | None) -> list[tuple[int, Record]]:
    text, _ = decode_text(read_bytes(path), path.name, encoding)
    try:
        payload = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise InputError(f"{path.name}: invalid YAML{where} — fix the file") from None
    items = _yaml_items(payload, list_keys)
    if items is None:
        key = (list(list_keys) or ["items"])[0]
        raise InputError(f"{path.name}: expected a list of entries or a mapping "
                         f"{{{key}: [...]}} — write one entry per product or person")
    required = next(iter(fields))
    records = []
    for row, item in enumerate(items, start=1):
        item = {required: item} if isinstance(item, str | int | float) else item
        if not isinstance(item, dict):
            raise InputError(
                f"{path.name}: entry {row} is not a mapping — write 'name: ...' entries"
            )
        keys = [str(k) for k in item]
        chosen = {f: find_header(keys, [f, *names]) for f, names in fields.items()}
        values = {str(k): v for k, v in item.items()}
        record = {f: _yaml_value(values[k]) for f, k in chosen.items() if k is not None}
        records.append((row, record))
    return records


def _yaml_items(payload: Any, list_keys: Sequence[str]) -> list[Any] | None:
    if isinstance(payload, dict):
        key = find_header([str(k) for k in payload], list_keys)
        if key is None and len(payload) == 1:
            key = str(next(iter(payload)))
        payload = {str(k): v for k, v in payload.items()}.get(key) if key else None
        if isinstance(payload, dict):  # {name: {attributes}} form
            return [{"name": k, **(v if isinstance(v, dict) else {})} for k, v in payload.items()]
    return payload if isinstance(payload, list) else None


def _yaml_value(value: Any) -> str | list[str]:
    if isinstance(value, list):
        return [cell_text(v).strip() for v in value if cell_text(v).strip()]
    return cell_text(value).strip()


def split_names(value: str | list[str]) -> tuple[str, ...]:
    """Alternative names from a cell: ``"a | b; c"`` or a YAML list, stripped and de-duplicated."""
    parts = value if isinstance(value, list) else re.split(r"[|;\n]", value)
    cleaned = (" ".join(p.split()) for p in parts)
    return tuple(dict.fromkeys(p for p in cleaned if p))


def as_text(value: str | list[str] | None) -> str:
    """A scalar field value; a YAML list given where one value belongs is joined with ", "."""
    if value is None:
        return ""
    return ", ".join(value) if isinstance(value, list) else " ".join(value.split())
