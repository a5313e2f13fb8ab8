"""The refusal rows every page counts from, the reason colours, and the drill-down links.

``refusal_table`` joins the classifier's output with the note text and the funnel stage, one row
per note. Every count a page shows links to its rows: ``rows_href(reason="price", manager=...)``
is an anchor (``refusals.html#rows?reason=price&manager=...``) that the page script turns into a
filter of the rows table. A large export cannot carry every row in a page under 5 MB, so
``stored_rows`` keeps up to a cap per group (per reason, reason x manager, reason x month, ...),
and the page says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

import numpy as np
import pandas as pd

from salesmine.analysis import Analysis

NOT_REFUSAL = "not_refusal"
EMPTY = "—"  # a missing manager / branch / month, as the funnel names it

# One colour per reason code on every page and chart, chosen so that neighbours differ and the
# "problem" codes read as such: unclear is grey, product_missing orange (manager errors live there).
REASON_COLOURS = {
    "price": "#e15759",
    "no_need": "#4e79a7",
    "competitor": "#b07aa1",
    "timing": "#edc948",
    "no_authority": "#76b7b2",
    "product_missing": "#f28e2b",
    "terms": "#9c755f",
    "trust": "#ff9da7",
    "unclear": "#bab0ac",
    "no_contact": "#a0cbe8",
    "other": "#79706e",
    "not_refusal": "#59a14f",
}
EXTRA_COLOURS = ("#8cd17d", "#d37295", "#499894", "#f1ce63", "#86bcb6", "#d4a6c8", "#fabfd2")

# Row attributes the page script filters on (data-<key>), and the groups whose first rows are kept.
FILTER_KEYS = ("reason", "manager", "department", "branch", "month", "stage", "crm", "flag")
DRILL_GROUPS: tuple[tuple[str, ...], ...] = (
    ("reason",),
    ("reason", "manager"),
    ("reason", "department"),
    ("reason", "branch"),
    ("reason", "month"),
    ("reason", "stage"),
    ("reason", "crm"),
)
FLAG_GROUPS = (("error", "manager"), ("unclear", "manager"), ("review", "reason"),
               ("refusal", "manager"))
CAPS = (200, 100, 50, 20, 10, 5, 3, 2, 1)


@dataclass(frozen=True)
class Reasons:
    """Display name and colour of each reason code, in taxonomy order."""

    codes: tuple[str, ...]
    names: dict[str, str]
    colours: dict[str, str]

    def name(self, code: str) -> str:
        return self.names.get(code, code)

    def colour(self, code: str) -> str:
        return self.colours.get(code, REASON_COLOURS["other"])


def reasons_for(analysis: Analysis, lang: str) -> Reasons:
    """The taxonomy's codes (plus any the model predicts beyond it) with names in ``lang``."""
    names: dict[str, str] = {}
    if analysis.taxonomy is not None:
        for reason in analysis.taxonomy.reasons:
            names[reason.code] = reason.name_ru if lang == "ru" else reason.name_en
    if analysis.refusals is not None:
        for code in analysis.refusals["reason"].dropna().unique():
            names.setdefault(str(code), str(code))
    extra = iter(EXTRA_COLOURS * 4)
    colours = {code: REASON_COLOURS.get(code) or next(extra) for code in names}
    return Reasons(tuple(names), names, colours)


def refusal_table(analysis: Analysis) -> pd.DataFrame | None:
    """One row per note: the classifier's columns, the note text and client, the funnel stage
    (``stage``), ``month`` ("2026-03"), ``refusal`` (the reason is a refusal) and ``flags``."""
    refusals, notes = analysis.refusals, analysis.notes
    if refusals is None or notes is None:
        return None
    table = refusals.reset_index(drop=True).copy()
    base = notes.reset_index(drop=True)
    for column in ("text", "client", "amount", "product"):
        table[column] = base[column].to_numpy() if column in base.columns else ""
    for column in ("manager", "department", "branch", "crm_reason"):
        values = table[column].fillna("").astype(str).str.strip()
        table[column] = values.where(values != "", EMPTY)
    dates = pd.to_datetime(table["date"], errors="coerce")
    table["month"] = dates.dt.strftime("%Y-%m").fillna(EMPTY).astype(object)
    table["stage"] = _funnel_stage(table, analysis)
    table["refusal"] = table["reason"] != NOT_REFUSAL
    for column in ("manager_error", "reason_unclarified", "needs_review"):
        table[column] = pd.to_numeric(table[column], errors="coerce").fillna(0).astype(int)
    for column in ("mentioned_product", "catalog_match", "claim_evidence", "catalog_status"):
        if column not in table.columns:
            table[column] = ""
        table[column] = table[column].fillna("").astype(str)
    table["flags"] = _flags(table)
    # Plain Python strings: the pages read cells row by row, which Arrow-backed strings make slow.
    text = [c for c in table.columns if pd.api.types.is_string_dtype(table[c])]
    return table.astype(dict.fromkeys(text, object))


def _funnel_stage(table: pd.DataFrame, analysis: Analysis) -> pd.Series:
    """The stage a deal reached, as the funnel placed it (the CRM's raw value otherwise)."""
    raw = table["stage"].fillna("").astype(str).str.strip()
    deals = analysis.deals
    if deals is None or deals.frame.empty:
        return raw.where(raw != "", EMPTY)
    frame = deals.frame
    if analysis.settings.funnel.events:
        placed = table["id"].astype(str).map(dict(zip(frame["id"], frame["stage"], strict=True)))
    else:
        keys = pd.MultiIndex.from_arrays([frame["source"].astype(str), frame["row"].astype(int)])
        lookup = pd.Series(frame["stage"].to_numpy(), index=keys)
        wanted = pd.MultiIndex.from_arrays([table["source"].astype(str), table["row"].astype(int)])
        placed = pd.Series(lookup.reindex(wanted).to_numpy(), index=table.index)
    stage = placed.fillna(raw)
    return stage.where(stage != "", EMPTY).astype(object)


def _flags(table: pd.DataFrame) -> pd.Series:
    """Space-separated flags of a row: ``refusal`` (the rows behind refusal counts, as the table
    also holds manager errors on won and open deals), ``error``, ``unclear``, ``review``."""
    refusal = table["refusal"]
    flags = refusal.map({True: "refusal"}).fillna("").astype(object)
    for column, flag in (("manager_error", "error"), ("reason_unclarified", "unclear"),
                         ("needs_review", "review")):
        # Unclarified and review concern refusals only; errors count on every deal.
        marked = (table[column] == 1) & (refusal | (flag == "error"))
        flags = flags + marked.map({True: f" {flag}"}).fillna("")
    return flags.str.strip()


def filter_columns(table: pd.DataFrame) -> pd.DataFrame:
    """The filter keys as columns (``crm`` is the dropdown value as written)."""
    return pd.DataFrame(
        {
            "reason": table["reason"],
            "manager": table["manager"],
            "department": table["department"],
            "branch": table["branch"],
            "month": table["month"],
            "stage": table["stage"],
            "crm": table["crm_reason"],
        },
        index=table.index,
    )


def stored_rows(table: pd.DataFrame, limit: int) -> tuple[pd.Index, int | None]:
    """The refusal rows a page carries: all of them when they fit in ``limit``; else the first
    ``cap`` rows of every drill-down group, with the largest cap that fits (returned as well)."""
    if len(table) <= limit:
        return table.index, None
    # A row's rank: its smallest position within any of its groups; "first cap rows of every
    # group" is then simply rank < cap.
    keys = filter_columns(table)
    rank = np.full(len(table), len(table), dtype="int64")
    for group in DRILL_GROUPS:
        rank = np.minimum(rank, keys.groupby(list(group), sort=False).cumcount().to_numpy())
    for flag, column in FLAG_GROUPS:
        flagged = keys[table["flags"].str.contains(flag, regex=False)]
        position = flagged.groupby(column, sort=False).cumcount()
        rank = np.minimum(rank, position.reindex(table.index, fill_value=len(table)).to_numpy())
    for cap in CAPS:
        keep = table.index[rank < cap]
        if len(keep) <= limit or cap == CAPS[-1]:
            return keep, cap
    raise AssertionError("unreachable")  # the loop returns at the last cap


def rows_href(page: str = "", n: int | None = None, **filters: str) -> str:
    """The link to the rows behind a count, e.g. ``#rows?reason=price&manager=...&n=12``.

    ``page`` is empty on refusals.html itself and ``"refusals.html"`` from the other pages;
    ``n`` is the count itself, so the page can say "12 of 40 shown" when rows were capped.
    """
    params = [(key, str(value)) for key, value in filters.items() if value is not None]
    if n is not None:
        params.append(("n", str(n)))
    return f"{page}#rows?" + "&".join(f"{key}={quote(value, safe='')}" for key, value in params)


def ordered_counts(values: pd.Series, order: Sequence[str] = ()) -> pd.Series:
    """Counts of ``values``, largest first (ties by ``order``, then by value)."""
    counts = values.value_counts()
    rank = {value: i for i, value in enumerate(order)}
    keys = sorted(counts.index, key=lambda v: (-counts[v], rank.get(v, len(rank)), str(v)))
    return counts.reindex(keys)
