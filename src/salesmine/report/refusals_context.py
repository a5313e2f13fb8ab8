"""The director's refusal page: reasons overall, by branch / department / manager, by month and by
funnel stage (this module), then the CRM dropdown crosstab, manager errors, unclarified refusals,
candidate reasons, review rows and the rows table (``refusal_sections``).

Every count is a link to its rows (``refusal_rows.rows_href``); groups with fewer refusals than
``funnel.min_deals`` are drawn pale and marked, not ranked.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from salesmine.report.candidates_section import candidates_section
from salesmine.report.context import ReportInputs, format_int, quality_section, strings
from salesmine.report.reason_charts import (
    MixRow,
    ReasonBar,
    mix_bars,
    month_columns,
    reason_bars,
)
from salesmine.report.refusal_cases import errors_section, rows_section
from salesmine.report.refusal_rows import (
    EMPTY,
    ordered_counts,
    reasons_for,
    rows_href,
)
from salesmine.report.refusal_sections import (
    Ctx,
    crm_section,
    grid_table,
    head,
    page_cell,
    reason_header,
    review_section,
    unclarified_section,
)

LEVELS = ("branch", "department", "manager")
MAX_CHART_GROUPS = 30  # groups drawn in a level's chart; its table lists every group
MAX_MONTHS = 36


def refusals_page(inputs: ReportInputs) -> dict[str, Any] | None:
    """Context for ``refusals.html``; None without classified notes."""
    analysis = inputs.analysis
    table = inputs.refusal_rows
    if analysis is None or table is None:
        return None
    lang, t = inputs.lang, strings(inputs.lang)
    reasons = reasons_for(analysis, lang)
    refused = table[table["refusal"]]
    order = list(ordered_counts(refused["reason"], reasons.codes).index)
    ctx = Ctx(lang, t, reasons, order, analysis.settings.funnel.min_deals)
    return {
        "page_title": t["refusals_title"],
        "summary": _summary(inputs, table, refused),
        "headline": _headline(table, refused, ctx),
        "has_refusals": not refused.empty,
        "overall": _overall(refused, ctx),
        "levels": [_level(refused, table, level, ctx) for level in LEVELS if _has(refused, level)],
        "trend": _trend(refused, ctx),
        "stages": _stages(refused, analysis.deals.stages if analysis.deals else (), ctx),
        "crm": crm_section(refused, analysis.taxonomy, ctx),
        "errors": errors_section(table, analysis, inputs.redact, ctx),
        "unclarified": unclarified_section(refused, ctx),
        "candidates": candidates_section(analysis, inputs.redact, ctx),
        "review": review_section(refused, ctx),
        "rows": rows_section(table[table["refusal"] | (table["manager_error"] == 1)],
                             inputs.redact, ctx),
        "quality": quality_section(inputs),
        "small_note": t["small_refusals_note"].format(n=ctx.min_n),
    }


def _has(frame: pd.DataFrame, column: str) -> bool:
    return bool((frame[column] != EMPTY).any())


def _summary(inputs: ReportInputs, table: pd.DataFrame, refused: pd.DataFrame) -> str:
    t, lang = strings(inputs.lang), inputs.lang
    parts = [", ".join(inputs.analysis.sources)] if inputs.analysis else []
    parts.append(f"{format_int(len(table), lang)} {t['notes_word']}")
    parts.append(f"{format_int(len(refused), lang)} {t['refusals_word']}")
    dates = pd.to_datetime(table["date"], errors="coerce").dropna()
    if not dates.empty:
        fmt = "%d.%m.%Y" if lang == "ru" else "%Y-%m-%d"
        parts.append(f"{dates.min().strftime(fmt)} — {dates.max().strftime(fmt)}")
    return " · ".join(parts)


def _headline(table: pd.DataFrame, refused: pd.DataFrame, ctx: Ctx) -> list[dict[str, str]]:
    t, n = ctx.t, len(refused)
    top = ctx.order[0] if ctx.order else ""
    top_n = int((refused["reason"] == top).sum()) if top else 0
    errors = int(table["manager_error"].sum())
    unclear = int(refused["reason_unclarified"].sum())
    review = int(refused["needs_review"].sum())
    cards = [
        (t["refusals_count"], ctx.n(n), t["of_notes"].format(n=ctx.n(len(table))),
         rows_href(flag="refusal", n=n), ""),
        (t["top_reason"], ctx.reasons.name(top) if top else "—",
         f"{ctx.n(top_n)} · {ctx.pct(top_n / n)}" if n else "", rows_href(reason=top, n=top_n),
         "word"),
        (t["manager_errors"], ctx.n(errors), t["errors_note"], "#errors",
         "alert" if errors else ""),
        (t["unclarified"], ctx.n(unclear), ctx.pct(unclear / n) if n else "",
         rows_href(flag="unclear", n=unclear), "warn" if n and unclear / n > 0.1 else ""),
        (t["needs_review"], ctx.n(review), t["review_note"], rows_href(flag="review", n=review),
         ""),
    ]
    return [
        {"label": label, "value": value, "note": note, "href": href, "cls": cls}
        for label, value, note, href, cls in cards
    ]


def _overall(refused: pd.DataFrame, ctx: Ctx) -> dict[str, Any]:
    """Reasons over all refusals: coloured bars and a table with shares and linked counts."""
    counts = refused["reason"].value_counts()
    total = len(refused) or 1
    bars = [
        ReasonBar(ctx.reasons.name(c), int(counts[c]),
                  f"{ctx.n(counts[c])} · {ctx.pct(counts[c] / total)}", ctx.reasons.colour(c),
                  rows_href(reason=c, n=int(counts[c])))
        for c in ctx.order
    ]
    review = refused.groupby("reason")["needs_review"].sum()
    confidence = refused.groupby("reason")["confidence"].mean()
    rows = [
        {
            "cells": [
                reason_header(c, ctx),
                page_cell(ctx.n(counts[c]), int(counts[c]), rows_href(reason=c, n=int(counts[c]))),
                page_cell(ctx.pct(counts[c] / total), float(counts[c] / total)),
                page_cell(ctx.pct(confidence.get(c, float("nan"))),
                          round(float(confidence.get(c, 0)), 4)),
                page_cell(ctx.n(review.get(c, 0)), int(review.get(c, 0)),
                          rows_href(reason=c, flag="review", n=int(review.get(c, 0)))
                          if review.get(c, 0) else ""),
            ],
            "attrs": {"data-reason": c, "data-count": str(int(counts[c]))},
        }
        for c in ctx.order
    ]
    t = ctx.t
    return {
        "chart": reason_bars(bars, title=t["reasons_overall"], width=560),
        "table": grid_table([head(t["reason"]), *(head(t[k], True) for k in (
            "refusals_count", "share", "mean_confidence", "needs_review"))], rows),
    }


def _level(refused: pd.DataFrame, everything: pd.DataFrame, level: str,
           ctx: Ctx) -> dict[str, Any]:
    """One level: the reason mix per group (chart of the largest groups) and the count matrix."""
    t = ctx.t
    matrix = pd.crosstab(refused[level], refused["reason"]).reindex(columns=ctx.order,
                                                                   fill_value=0)
    totals = matrix.sum(axis=1).sort_values(ascending=False, kind="stable")
    matrix = matrix.reindex(totals.index)
    errors = everything.groupby(level)["manager_error"].sum()  # on won/open deals too
    unclear = refused.groupby(level)["reason_unclarified"].sum()
    mix = [_mix_row(level, str(g), matrix.loc[g], ctx) for g in totals.index[:MAX_CHART_GROUPS]]
    rows = []
    for group, counts in matrix.iterrows():
        small = int(totals[group]) < ctx.min_n
        cells = [page_cell(str(group), str(group)),
                 page_cell(ctx.n(totals[group]), int(totals[group]),
                           rows_href(**{level: str(group)}, flag="refusal", n=int(totals[group])),
                           cls="key")]
        cells += [_count_cell(int(counts[c]), {level: str(group), "reason": c}, ctx)
                  for c in ctx.order]
        cells.append(_count_cell(int(errors.get(group, 0)), {level: str(group), "flag": "error"},
                                 ctx, cls="alert"))
        cells.append(_count_cell(int(unclear.get(group, 0)),
                                 {level: str(group), "flag": "unclear"}, ctx))
        rows.append({"cells": cells, "cls": "small" if small else "",
                     "badge": t["small_sample"] if small else "",
                     "attrs": {"data-group": str(group)}})
    header = [head(t[f"group_{level}"]), head(t["refusals_count"], True),
              *_reason_heads(ctx), head(t["manager_errors"], True), head(t["unclarified"], True)]
    note = (t["chart_largest"].format(n=MAX_CHART_GROUPS, total=len(totals))
            if len(totals) > MAX_CHART_GROUPS else "")
    return {
        "id": f"by-{level}",
        "title": t[f"refusals_by_{level}"],
        "chart": mix_bars(mix, ctx.series(), title=t[f"refusals_by_{level}"]),
        "chart_note": note,
        "table": grid_table(header, rows),
    }


def _reason_heads(ctx: Ctx) -> list[dict[str, str]]:
    return [head(ctx.reasons.name(c), True, swatch=ctx.reasons.colour(c), cls="num reason-head")
            for c in ctx.order]


def _mix_row(level: str, group: str, counts: pd.Series, ctx: Ctx) -> MixRow:
    total = int(counts.sum())
    return MixRow(
        group,
        tuple(int(counts[c]) for c in ctx.order),
        ctx.n(total),
        tuple(rows_href(**{level: group, "reason": c}, n=int(counts[c])) for c in ctx.order),
        muted=total < ctx.min_n,
    )


def _count_cell(count: int, filters: dict[str, str], ctx: Ctx, cls: str = "") -> dict[str, Any]:
    """A count linked to its rows; a zero is shown faint and links nowhere."""
    if not count:
        return page_cell("·", 0, cls="zero")
    return page_cell(ctx.n(count), count, rows_href(**filters, n=count), cls=cls)


def _trend(refused: pd.DataFrame, ctx: Ctx) -> dict[str, Any] | None:
    """Reasons per month of deal date: stacked columns and the month x reason table."""
    dated = refused[refused["month"] != EMPTY]
    if dated["month"].nunique() < 2:
        return None
    matrix = pd.crosstab(dated["month"], dated["reason"]).reindex(columns=ctx.order,
                                                                  fill_value=0)
    matrix = matrix.sort_index().iloc[-MAX_MONTHS:]
    months = [str(m) for m in matrix.index]
    counts = [[int(v) for v in matrix.loc[m]] for m in matrix.index]
    hrefs = [[rows_href(month=m, reason=c, n=int(matrix.loc[m, c])) for c in ctx.order]
             for m in matrix.index]
    t = ctx.t
    rows = []
    for month in matrix.index:
        total = int(matrix.loc[month].sum())
        cells = [page_cell(str(month), str(month)),
                 page_cell(ctx.n(total), total,
                           rows_href(month=str(month), flag="refusal", n=total), cls="key")]
        cells += [_count_cell(int(matrix.loc[month, c]), {"month": str(month), "reason": c}, ctx)
                  for c in ctx.order]
        rows.append({"cells": cells, "attrs": {"data-month": str(month)}})
    header = [head(t["period_month"]), head(t["refusals_count"], True), *_reason_heads(ctx)]
    return {
        "chart": month_columns(months, ctx.series(), counts, hrefs=hrefs, title=t["trend_month"]),
        "table": grid_table(header, rows),
    }


def _stages(refused: pd.DataFrame, stages: tuple[str, ...], ctx: Ctx) -> dict[str, Any] | None:
    """The funnel stage each refusal was reached at: reason mix per stage, in funnel order."""
    present = [s for s in (*stages, *sorted(set(refused["stage"]) - set(stages))) if
               (refused["stage"] == s).any()]
    if not present:
        return None
    matrix = pd.crosstab(refused["stage"], refused["reason"]).reindex(
        index=present, columns=ctx.order, fill_value=0)
    mix = [_mix_row("stage", str(s), matrix.loc[s], ctx) for s in present]
    mix = [row._replace(muted=False) for row in mix]  # stages are not compared as people are
    return {"chart": mix_bars(mix, ctx.series(), title=ctx.t["refusals_by_stage"])}
