"""Plain dicts for the templates: interface strings (ru/en, the text is in ``page_text``),
numbers formatted here, and the inputs every page is built from. Templates only place what this
module prepares.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import pandas as pd

from salesmine.config import Settings
from salesmine.funnel import StagedDeals
from salesmine.records import Person, Rejection
from salesmine.report.page_text import STRINGS

if TYPE_CHECKING:
    from salesmine.analysis import Analysis

NBSP = "\u00a0"
DASH = "—"


def strings(lang: str) -> dict[str, str]:
    """The interface strings in ``lang`` ("ru" or "en")."""
    column = 0 if lang == "ru" else 1
    return {key: pair[column] for key, pair in STRINGS.items()}


@dataclass(frozen=True)
class ReportInputs:
    """What the report pages are built from; a page whose inputs are absent is not rendered."""

    settings: Settings
    lang: str
    generated_at: str  # passed in, so a rendered page is reproducible (snapshot tests)
    notes: pd.DataFrame | None = None  # records.NOTE_COLUMNS, as from ingest.load_notes
    sources: tuple[str, ...] = ()  # input file names, shown on the pages
    n_input: int = 0  # rows read from the note files (used + rejected)
    rejected: tuple[Rejection, ...] = ()  # rows ingest could not use
    warnings: tuple[str, ...] = ()
    people: tuple[Person, ...] = ()
    deals: StagedDeals | None = (
        None  # the notes placed on funnel stages; built from notes when None
    )
    analysis: Analysis | None = None  # refusals, process: the pages beyond the funnel
    redact: bool = True  # mask phone numbers, e-mails and card numbers in shown text

    @functools.cached_property
    def refusal_rows(self) -> pd.DataFrame | None:
        """``refusal_rows.refusal_table`` of the analysis, built once for all the pages."""
        from salesmine.report.refusal_rows import refusal_table

        return refusal_table(self.analysis) if self.analysis is not None else None


def format_int(value: float, lang: str) -> str:
    """``1 234`` (ru, no-break space) or ``1,234`` (en); a dash for a missing value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return DASH
    text = f"{int(round(value)):,}"
    return text.replace(",", NBSP) if lang == "ru" else text


def format_decimal(value: float, lang: str, digits: int = 1) -> str:
    """``2,5`` (ru) or ``2.5`` (en) with thousands grouped; a dash for a missing value."""
    if value is None or math.isnan(value):
        return DASH
    text = f"{value:,.{digits}f}"
    if lang == "ru":
        text = text.replace(",", NBSP).replace(".", ",")
    return text


def format_percent(share: float, lang: str, digits: int = 1) -> str:
    """A share 0..1 as ``45,6 %`` (ru) or ``45.6%`` (en); a dash when undefined (no input)."""
    if share is None or math.isnan(share):
        return DASH
    number = format_decimal(100 * share, lang, digits)
    return f"{number}{NBSP}%" if lang == "ru" else f"{number}%"


def format_date(value: datetime | pd.Timestamp, lang: str) -> str:
    """``03.02.2026`` (ru) or ``2026-02-03`` (en)."""
    if value is None or pd.isna(value):
        return DASH
    return value.strftime("%d.%m.%Y" if lang == "ru" else "%Y-%m-%d")


def report_language(notes: pd.DataFrame | None, requested: str | None = None) -> str:
    """``requested`` when given; otherwise ru when the notes are mostly Cyrillic, else en."""
    if requested:
        return requested
    if notes is None or notes.empty:
        return "ru"
    from salesmine.text import dominant_language  # the text layer loads lazily

    sample = notes.head(2000)
    texts = [
        str(v)
        for column in ("text", "stage", "manager")
        if column in sample
        for v in sample[column].dropna()
    ]
    return dominant_language(texts, default="ru")


def cell(
    text: str,
    sort: float | str | None = None,
    *,
    numeric: bool = False,
    cls: str = "",
    sub: str = "",
) -> dict[str, Any]:
    """One table cell: shown ``text``, the raw ``sort`` key for the sorting script, CSS class, and
    an optional ``sub`` line shown small above the text (e.g. the parent groups of a manager).

    Numeric cells always carry a sort key ("" for a missing value, sorted last); text cells carry
    one only when given, otherwise the script sorts by the text shown.
    """
    if isinstance(sort, float):
        sort = None if math.isnan(sort) else round(sort, 6)
    if numeric and sort is None:
        sort = ""
    classes = " ".join(c for c in ("num" if numeric else "", cls) if c)
    return {"text": text, "sort": sort, "cls": classes, "sub": sub}


def group_cell(path: str, separator: str = " / ") -> dict[str, Any]:
    """A group name cell: the leaf of a ``" / "``-joined path large, its parents small above it
    (the text sorts as parents + leaf, so no separate sort key is needed)."""
    parent, _, leaf = path.rpartition(separator)
    return cell(leaf, cls="group", sub=parent)


def int_cell(value: float, lang: str) -> dict[str, Any]:
    """A right-aligned whole number with its raw value as the sort key."""
    return cell(format_int(value, lang), None if pd.isna(value) else int(value), numeric=True)


def percent_cell(share: float, lang: str, cls: str = "") -> dict[str, Any]:
    """A right-aligned share shown as a percentage."""
    return cell(format_percent(share, lang), float(share), numeric=True, cls=cls)


def decimal_cell(value: float, lang: str, digits: int = 2) -> dict[str, Any]:
    """A right-aligned decimal number."""
    return cell(format_decimal(value, lang, digits), float(value), numeric=True)


def make_table(
    header: list[str], rows: list[dict[str, Any]], titles: list[str] | None = None
) -> dict[str, Any]:
    """A table for ``_table.html``: column heads (numeric ones right-aligned) and rows.

    Each row is ``{"cells": [cell(...)], "cls": str, "attrs": {data-* attributes}, "badge": str}``.
    """
    numeric = (
        ["num" in c["cls"].split() for c in rows[0]["cells"]] if rows else [False] * len(header)
    )
    columns = [
        {
            "text": text,
            "title": (titles or [""] * len(header))[i],
            "cls": "num" if numeric[i] else "",
        }
        for i, text in enumerate(header)
    ]
    return {
        "columns": columns,
        "rows": [{"cls": "", "attrs": {}, "badge": "", **row} for row in rows],
    }


MAX_REJECTIONS_SHOWN = 200


def quality_section(
    inputs: ReportInputs,
    rejected: Sequence[Rejection] = (),
    warnings: Sequence[str] = (),
) -> dict[str, Any]:
    """Rows read / used / rejected with the reasons (``_quality.html``): ingest's rejections and
    warnings plus a page's own (e.g. rows whose stage is not in the stage list)."""
    t = strings(inputs.lang)
    every = [*inputs.rejected, *rejected]
    n_in = inputs.n_input or (
        (len(inputs.notes) if inputs.notes is not None else 0) + len(inputs.rejected)
    )
    shown = every[:MAX_REJECTIONS_SHOWN]
    hidden = len(every) - len(shown)
    return {
        "rows_in": format_int(n_in, inputs.lang),
        "rows_used": format_int(n_in - len(every), inputs.lang),
        "rows_rejected": format_int(len(every), inputs.lang),
        "warnings": [*inputs.warnings, *warnings],
        "rejections": [
            {"source": r.source, "row": DASH if r.row is None else str(r.row), "reason": r.reason}
            for r in shown
        ],
        "more_rejections": t["and_more"].format(n=hidden) if hidden else "",
    }
