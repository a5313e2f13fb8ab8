"""The funnel page's template context: headline numbers, the funnel chart, KPI tables per level
(``funnel_tables``), the trend by period and the data-quality notes, all formatted for display."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from salesmine.funnel import StagedDeals, available_levels, has_stage_values, kpi_table, stage_deals
from salesmine.report.charts import Bar, Point, funnel_chart, line_chart
from salesmine.report.context import (
    DASH,
    ReportInputs,
    cell,
    format_date,
    format_decimal,
    format_int,
    format_percent,
    int_cell,
    make_table,
    percent_cell,
    quality_section,
    strings,
)
from salesmine.report.funnel_tables import kpi_rows_table, level_section, whole_funnel


def funnel_page(inputs: ReportInputs) -> dict[str, Any] | None:
    """Context for ``funnel.html``; ``None`` when there are no notes to build a funnel from."""
    if inputs.notes is None or not has_stage_values(inputs.notes):
        return None
    settings, lang, t = inputs.settings.funnel, inputs.lang, strings(inputs.lang)
    deals = inputs.deals if inputs.deals is not None else stage_deals(inputs.notes, inputs.settings)
    levels = available_levels(deals.frame, ("company", *settings.by))
    kpis = kpi_table(
        deals, levels, closed_only=settings.closed_only, headcount=inputs.people or None
    )
    company = kpis[kpis["level"] == "company"]
    return {
        "page_title": t["funnel_title"],
        "summary": _summary(inputs, deals),
        "stages": list(deals.stages),
        "has_deals": not company.empty,
        "headline": _headline(company, deals, settings.closed_only, lang, t),
        "funnel_chart": _funnel_chart(company, deals.stages, lang, t),
        "company_table": kpi_rows_table(company, deals.stages, lang, t),
        "levels": [
            level_section(kpis, level, deals.stages, settings.min_deals, lang, t)
            for level in levels
            if level != "company"
        ],
        "small_sample_note": t["small_sample_note"].format(n=settings.min_deals),
        "trend": _trend(deals, settings.closed_only, inputs.settings.report.trend_period, lang, t),
        "quality": quality_section(inputs, deals.rejected, deals.warnings),
    }


def _summary(inputs: ReportInputs, deals: StagedDeals) -> str:
    lang = inputs.lang
    parts = [", ".join(inputs.sources)] if inputs.sources else []
    parts.append(f"{format_int(len(deals.frame), lang)} {strings(lang)['deals_word']}")
    dates = pd.to_datetime(deals.frame["date"], errors="coerce").dropna()
    if not dates.empty:
        parts.append(f"{format_date(dates.min(), lang)} — {format_date(dates.max(), lang)}")
    return " · ".join(parts)


def _headline(
    company: pd.DataFrame, deals: StagedDeals, closed_only: bool, lang: str, t: dict[str, str]
) -> list[dict[str, str]]:
    total = whole_funnel(company, deals.stages)
    if total.empty:
        return []
    row, first, last = total.iloc[0], deals.stages[0], deals.stages[-1]
    n_open = int((deals.frame["outcome"] == "open").sum())
    cards = [
        (t["deals"], format_int(row["input"], lang), first),
        (t["reached_last"], format_int(row["successful"], lang), last),
        (t["total_conversion"], format_percent(row["conversion"], lang), f"{first} → {last}"),
        (t["employees"], format_int(row["headcount"], lang), ""),
        (t["productivity"], format_decimal(row["productivity"], lang, 2), t["per_employee"]),
        (t["activity"], format_decimal(row["activity"], lang, 2), t["per_employee"]),
        (
            t["open_deals"],
            format_int(n_open, lang),
            t["open_excluded"] if closed_only else t["open_included"],
        ),
    ]
    return [{"label": label, "value": value, "note": note} for label, value, note in cards]


def _funnel_chart(
    company: pd.DataFrame, stages: Sequence[str], lang: str, t: dict[str, str]
) -> str:
    pairs = company.iloc[: len(stages) - 1]  # the stage pairs come first, in stage order
    if pairs.empty:
        return ""
    reached = [int(pairs["input"].iloc[0]), *(int(v) for v in pairs["successful"])]
    steps = [Bar(stage, n, format_int(n, lang)) for stage, n in zip(stages, reached, strict=True)]
    conversions = [format_percent(v, lang) for v in pairs["conversion"]]
    return funnel_chart(steps, conversions, title=t["funnel_chart"])


def _trend(
    deals: StagedDeals, closed_only: bool, period: str, lang: str, t: dict[str, str]
) -> dict[str, Any] | None:
    """The whole funnel per month (or week) of deal date, when the data spans two or more."""
    table = whole_funnel(
        kpi_table(deals, ("company",), closed_only=closed_only, period=period), deals.stages
    )
    table = table[table["period"] != DASH]
    if table["period"].nunique() < 2:
        return None
    rows = [
        {
            "cells": [
                cell(row.period),
                int_cell(row.input, lang),
                int_cell(row.successful, lang),
                percent_cell(row.conversion, lang),
            ],
            "attrs": {"data-period": row.period},
        }
        for row in table.itertuples()
    ]
    points = [
        Point(row.period, float(row.conversion), format_percent(row.conversion, lang))
        for row in table.itertuples()
    ]
    header = [t[f"period_{period}"], t["input"], t["successful"], t["total_conversion"]]
    return {
        "title": t[f"trend_{period}"],
        "table": make_table(header, rows),
        "chart": line_chart(points, title=t["trend_chart"]),
    }
