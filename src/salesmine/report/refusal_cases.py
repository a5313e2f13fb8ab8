"""Row-level sections of the refusal page: the manager-error cases with their quote and the
catalog item that existed, and the rows table every count links to.

Quotes go through the redactor first (phones, e-mails, cards), and the clause that decided is
marked inside the note with ``<mark>``; everything else is escaped here, since the result is Markup.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from markupsafe import Markup, escape

from salesmine.analysis import Analysis
from salesmine.report.reason_charts import ReasonBar, reason_bars
from salesmine.report.redact import redactor
from salesmine.report.refusal_rows import FILTER_KEYS, filter_columns, rows_href, stored_rows
from salesmine.report.refusal_sections import Ctx, grid_table, head, page_cell, reason_header

ERROR_COLOUR = "#d92d20"
ATTRS = (*(k for k in FILTER_KEYS if k != "flag"), "flags")  # data-* of a rows-table row
MAX_CASES = 300  # manager-error cases listed one by one; the rest are counted
MAX_ROWS = 2_500  # rows the drill-down table carries (a page stays well under 5 MB)
QUOTE_CHARS = 360  # a long note is cut around its deciding clause


def quote_markup(text: str, evidence: str, clean: Any, limit: int = QUOTE_CHARS) -> Markup:
    """The (redacted) note with its evidence clause marked, cut to ``limit`` characters."""
    text, evidence = clean(str(text or "")), clean(str(evidence or "")).strip()
    start = text.find(evidence) if evidence else -1
    if start < 0 and evidence:
        start = text.lower().find(evidence.lower())
    end = start + len(evidence) if start >= 0 else -1
    lo, hi = 0, len(text)
    if hi > limit:
        centre = (start + end) // 2 if start >= 0 else 0
        lo = max(0, min(centre - limit // 2, len(text) - limit))
        hi = lo + limit
    head_, tail = ("…" if lo > 0 else ""), ("…" if hi < len(text) else "")
    if start < 0 or start < lo or end > hi:
        return Markup(escape(head_ + text[lo:hi] + tail))
    return Markup("").join((escape(head_ + text[lo:start]), Markup("<mark>"),
                            escape(text[start:end]), Markup("</mark>"),
                            escape(text[end:hi] + tail)))


def errors_section(table: pd.DataFrame, analysis: Analysis, redact: bool,
                   ctx: Ctx) -> dict[str, Any] | None:
    """Every "we don't have X" claim about an item the catalog sells, with who, what and proof;
    claims about discontinued items (no error), and claimed products the catalog lacks."""
    if not analysis.catalog:
        return None
    t, clean = ctx.t, redactor(redact, ctx.lang)
    cases = table[table["manager_error"] == 1].sort_values(["manager", "date"], kind="stable")
    by_manager = cases["manager"].value_counts()
    by_item = cases.groupby("catalog_match")["mentioned_product"].agg(["count", _phrases])
    by_item = by_item.sort_values("count", ascending=False, kind="stable")
    bars = [ReasonBar(str(m), int(n), ctx.n(n), ERROR_COLOUR,
                      rows_href(manager=str(m), flag="error", n=int(n)))
            for m, n in by_manager.head(30).items()]
    return {
        "count": ctx.n(len(cases)),
        "chart": reason_bars(bars, title=t["errors_by_manager"], width=520),
        "managers": [{"name": str(m), "n": int(n)} for m, n in by_manager.items()],
        "products": [{"name": str(item), "count": ctx.n(r["count"]), "phrases": r["_phrases"]}
                  for item, r in by_item.iterrows()],
        "cases": _case_table(cases.head(MAX_CASES), clean, ctx),
        "more": t["and_more"].format(n=ctx.n(len(cases) - MAX_CASES))
        if len(cases) > MAX_CASES else "",
        "discontinued": _other_claims(table[table["catalog_status"] == "discontinued"], clean,
                                      ctx),
        "unmatched": _unmatched(table, ctx),
    }


def _phrases(values: pd.Series) -> str:
    return ", ".join(f"«{v}»" for v in list(dict.fromkeys(str(x) for x in values))[:4])


def _case_table(cases: pd.DataFrame, clean: Any, ctx: Ctx) -> dict[str, Any]:
    t = ctx.t
    rows = []
    for row in cases.itertuples():
        quote = row.claim_evidence or row.evidence
        cells = [
            page_cell(str(row.id) or f"{row.source}:{row.row}", str(row.id),
                      sub=_date(row.date, ctx.lang)),
            page_cell(row.manager, row.manager, sub=row.department),
            page_cell(quote_markup(row.text, quote, clean), cls="quote"),
            page_cell(row.mentioned_product, cls="said"),
            page_cell(row.catalog_match, cls="existed"),
            reason_header(row.reason, ctx) if row.refusal else page_cell(t[f"outcome_{row.outcome}"]
                                                                         if row.outcome else "—"),
        ]
        rows.append({"cells": cells, "attrs": {"data-id": str(row.id), "data-manager": row.manager,
                                               "data-item": row.catalog_match}})
    columns = [head(t["deal"]), head(t["group_manager"]), head(t["note_quote"]),
               head(t["said_missing"]), head(t["catalog_has"]), head(t["reason"])]
    return grid_table(columns, rows)


def _other_claims(rows: pd.DataFrame, clean: Any, ctx: Ctx) -> list[dict[str, Any]]:
    return [
        {"id": str(r.id), "manager": r.manager, "said": r.mentioned_product,
         "item": r.catalog_match, "quote": quote_markup(r.text, r.claim_evidence, clean, 240)}
        for r in rows.head(MAX_CASES).itertuples()
    ]


def _unmatched(table: pd.DataFrame, ctx: Ctx) -> list[dict[str, str]]:
    """Claimed products the catalog cannot place: really not sold, or a synonym is missing."""
    from salesmine.refusals.claims import unmatched_mentions

    found = unmatched_mentions(table)
    return [{"phrase": str(r.mentioned_product), "count": ctx.n(r.count), "ids": str(r.example_ids)}
            for r in found.head(60).itertuples()]


def _date(value: Any, lang: str) -> str:
    if value is None or pd.isna(value):
        return ""
    return pd.Timestamp(value).strftime("%d.%m.%Y" if lang == "ru" else "%Y-%m-%d")


def rows_section(refused: pd.DataFrame, redact: bool, ctx: Ctx) -> dict[str, Any]:
    """The rows table every count links to (``#rows?reason=...``), capped per group when large."""
    t, clean = ctx.t, redactor(redact, ctx.lang)
    keep, cap = stored_rows(refused, MAX_ROWS)
    rows = refused.loc[keep]
    keys = filter_columns(rows).assign(flags=rows["flags"])
    out = [
        {"cells": _row_cells(row, clean, ctx),
         "attrs": {f"data-{k}": str(v) for k, v in zip(ATTRS, key, strict=True)}}
        for row, key in zip(rows.itertuples(index=False), keys.itertuples(index=False),
                            strict=True)
    ]
    columns = [head(t["deal"]), head(t["group_manager"]), head(t["stage"]), head(t["reason"]),
               head(t["crm_value"]), head(t["note_quote"]), head(t["flags"])]
    return {
        "table": grid_table(columns, out),
        "cap_note": t["rows_capped"].format(cap=cap, shown=ctx.n(len(rows)),
                                            total=ctx.n(len(refused))) if cap else "",
        "labels": _filter_labels(ctx),
    }


def _row_cells(row: Any, clean: Any, ctx: Ctx) -> list[dict[str, Any]]:
    """One row of the rows table; text cells sort by what they show (no data-sort: size)."""
    badges = ", ".join(ctx.t[f"flag_{f}"] for f in str(row.flags).split() if f != "refusal")
    reason = reason_header(row.reason, ctx, sub=ctx.pct(float(row.confidence)))
    return [
        page_cell(str(row.id) or f"{row.source}:{row.row}", str(row.id),
                  sub=_date(row.date, ctx.lang), title=f"{row.source}:{row.row}"),
        page_cell(row.manager),
        page_cell(row.stage),
        {**reason, "sort": None},
        page_cell(row.crm_reason),
        page_cell(quote_markup(row.text, row.evidence, clean), cls="quote"),
        page_cell(badges, cls="flags"),
    ]


def _filter_labels(ctx: Ctx) -> dict[str, Any]:
    """What the page script needs to describe an active filter in words."""
    t = ctx.t
    return {
        "keys": {k: t[f"filter_{k}"] for k in FILTER_KEYS},
        "values": {"reason": dict(ctx.reasons.names),
                   "flag": {f: t[f"flag_{f}"] for f in ("error", "unclear", "review")}},
        "shown": t["filter_shown"], "of": t["filter_of"], "reset": t["filter_reset"],
        "none": t["filter_none"],
    }
