"""Sections of the refusal page: the CRM dropdown against the note's real reason, unclarified
refusals and rows needing review; plus the cell helpers and the page context ``Ctx`` shared by the
refusal and manager pages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from salesmine.report.context import format_int, format_percent
from salesmine.report.reason_charts import ReasonBar, Series, reason_bars
from salesmine.report.refusal_rows import EMPTY, Reasons, ordered_counts, rows_href

if TYPE_CHECKING:
    from salesmine.refusals import Taxonomy

MAX_CRM_VALUES = 15  # dropdown values listed one by one; the rest are summed in one row
HEAT = (47, 111, 222)  # the accent colour, as the heat of a crosstab cell


@dataclass(frozen=True)
class Ctx:
    """What every section needs: language, strings, reason names and colours, reason order."""

    lang: str
    t: dict[str, str]
    reasons: Reasons
    order: list[str]  # reason codes present, most frequent first
    min_n: int  # fewer refusals than this: a small sample

    def series(self) -> list[Series]:
        return [Series(c, self.reasons.name(c), self.reasons.colour(c)) for c in self.order]

    def n(self, value: float) -> str:
        return format_int(value, self.lang)

    def pct(self, share: float) -> str:
        return format_percent(share, self.lang)


def page_cell(
    text: Any,
    sort: float | str | None = None,
    href: str = "",
    *,
    cls: str = "",
    sub: str = "",
    title: str = "",
    style: str = "",
    swatch: str = "",
) -> dict[str, Any]:
    """A cell for ``_grid.html``: text (or Markup), sort key, optional link, swatch and sub-line."""
    # A numeric sort key, or "" (a missing number: sorts last, still right-aligned).
    numeric = sort == "" or (isinstance(sort, (int, float)) and not isinstance(sort, bool))
    classes = " ".join(c for c in ("num" if numeric else "", cls) if c)
    return {"text": text, "sort": sort, "href": href, "cls": classes, "sub": sub,
            "title": title, "style": style, "swatch": swatch}


def reason_header(code: str, ctx: Ctx, sub: str = "") -> dict[str, Any]:
    """A reason's name with its colour swatch (sorted by name)."""
    name = ctx.reasons.name(code)
    return page_cell(name, name, swatch=ctx.reasons.colour(code), sub=sub, cls="reason")


def head(text: str, numeric: bool = False, **extra: str) -> dict[str, str]:
    """A column head for ``_grid.html``."""
    return {"text": text, "cls": "num" if numeric else "", "title": "", "swatch": "", **extra}


def grid_table(columns: list[dict[str, str]], rows: list[dict[str, Any]]) -> dict[str, Any]:
    """A table for ``_grid.html``: rows get empty ``cls``, ``attrs`` and ``badge`` by default."""
    return {"columns": columns,
            "rows": [{"cls": "", "attrs": {}, "badge": "", **row} for row in rows]}


def crm_section(refused: pd.DataFrame, taxonomy: Taxonomy | None,
                ctx: Ctx) -> dict[str, Any] | None:
    """The CRM dropdown value against the reason found in the note: a crosstab with heat cells;
    the cell where both agree is outlined."""
    if refused.empty or (refused["crm_reason"] == EMPTY).all():
        return None
    t = ctx.t
    counts = ordered_counts(refused["crm_reason"])
    shown = list(counts.index[:MAX_CRM_VALUES])
    rows = [_crm_row(value, refused[refused["crm_reason"] == value], taxonomy, ctx)
            for value in shown]
    rest = refused[~refused["crm_reason"].isin(shown)]
    if not rest.empty:
        rows.append(_crm_row("", rest, None, ctx, label=t["other_values"].format(
            n=ctx.n(len(counts) - len(shown)))))
    agrees = pd.to_numeric(refused["crm_reason_agrees"], errors="coerce").dropna()
    no_opinion = len(refused) - len(agrees)
    columns = [head(t["crm_value"]), head(t["refusals_count"], True), head(t["agreement"], True)]
    columns += [head(ctx.reasons.name(c), True, swatch=ctx.reasons.colour(c)) for c in ctx.order]
    return {
        "table": grid_table(columns, rows),
        "agreement": ctx.pct(agrees.mean()) if len(agrees) else "—",
        "note": t["crm_note"].format(
            agree=ctx.pct(agrees.mean()) if len(agrees) else "—", n=ctx.n(len(agrees)),
            none=ctx.n(no_opinion), share=ctx.pct(no_opinion / len(refused))),
    }


def _crm_row(value: str, rows: pd.DataFrame, taxonomy: Taxonomy | None, ctx: Ctx,
             label: str = "") -> dict[str, Any]:
    mapped = taxonomy.map_crm_reason(value) if taxonomy is not None and value != EMPTY else None
    counts = rows["reason"].value_counts()
    total = len(rows)
    agrees = pd.to_numeric(rows["crm_reason_agrees"], errors="coerce").dropna()
    share = float(agrees.mean()) if len(agrees) else float("nan")
    cells = [page_cell(label or value, label or value, cls="group" if not label else "muted"),
             page_cell(ctx.n(total), total,
                       rows_href(crm=value, flag="refusal", n=total) if value else "", cls="key"),
             page_cell(ctx.pct(share), "" if pd.isna(share) else round(share, 4))]
    for code in ctx.order:
        count = int(counts.get(code, 0))
        alpha = 0.06 + 0.74 * count / total if count else 0
        style = f"background: rgba({HEAT[0]}, {HEAT[1]}, {HEAT[2]}, {alpha:.2f})" if count else ""
        ink = " ink-light" if alpha > 0.45 else ""
        agree = " agree" if code == mapped else ""
        href = rows_href(crm=value, reason=code, n=count) if count and value else ""
        cells.append(page_cell(ctx.n(count) if count else "·", count, href,
                               cls=f"heat{ink}{agree}" if count else f"zero{agree}", style=style))
    return {"cells": cells, "attrs": {"data-crm": value or "*"}}


def unclarified_section(refused: pd.DataFrame, ctx: Ctx) -> dict[str, Any]:
    """Refusals whose real reason was never found out, per manager (count and share)."""
    t = ctx.t
    flagged = refused[refused["reason_unclarified"] == 1]
    per = refused.groupby("manager")["reason_unclarified"].agg(["sum", "count"])
    per = per[per["sum"] > 0].sort_values(["sum", "count"], ascending=[False, True])
    bars = [
        ReasonBar(str(m), int(r["sum"]),
                  f"{ctx.n(r['sum'])} · {ctx.pct(r['sum'] / r['count'])}",
                  ctx.reasons.colour("unclear"), rows_href(manager=str(m), flag="unclear",
                                                          n=int(r["sum"])))
        for m, r in per.head(30).iterrows()
    ]
    return {
        "count": ctx.n(len(flagged)),
        "share": ctx.pct(len(flagged) / len(refused)) if len(refused) else "—",
        "href": rows_href(flag="unclear", n=len(flagged)),
        "hint": t["unclarified_hint"].format(
            share=ctx.pct(len(flagged) / len(refused)) if len(refused) else "—"),
        "chart": reason_bars(bars, title=t["unclarified_by_manager"]),
    }


def review_section(refused: pd.DataFrame, ctx: Ctx) -> dict[str, Any]:
    """Rows the classifier was unsure about, per reason, each count linked to its rows."""
    flagged = refused[refused["needs_review"] == 1]
    counts = ordered_counts(flagged["reason"], ctx.order)
    return {
        "count": ctx.n(len(flagged)),
        "href": rows_href(flag="review", n=len(flagged)),
        "reasons": [
            {"name": ctx.reasons.name(c), "colour": ctx.reasons.colour(c), "count": ctx.n(n),
             "href": rows_href(flag="review", reason=c, n=int(n))}
            for c, n in counts.items()
        ],
    }
