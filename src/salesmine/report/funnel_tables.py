"""The funnel page's KPI tables: every KPI row per level, and one summary row per group."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from salesmine.funnel import GROUP_SEPARATOR
from salesmine.report.charts import Bar, bar_chart
from salesmine.report.context import (
    cell,
    decimal_cell,
    format_percent,
    group_cell,
    int_cell,
    make_table,
    percent_cell,
)

MAX_BARS = 40  # groups in a level's chart; the table below always lists them all


def whole_funnel(table: pd.DataFrame, stages: Sequence[str]) -> pd.DataFrame:
    """The rows of a KPI table that span the whole funnel (first stage -> last)."""
    return table[(table["stage_from"] == stages[0]) & (table["stage_to"] == stages[-1])]


def kpi_rows_table(
    table: pd.DataFrame, stages: Sequence[str], lang: str, t: dict[str, str], group_header: str = ""
) -> dict[str, Any]:
    """Every KPI row as a table row; ``data-*`` attributes name the row (for tests and scripts).

    With ``group_header`` the first column names the group.
    """
    header = [
        t[k]
        for k in (
            "transition",
            "input",
            "successful",
            "conversion",
            "headcount",
            "productivity",
            "activity",
        )
    ]
    rows = []
    for _, row in table.iterrows():
        whole = _is_whole(row, stages)
        label = f"{row['stage_from']} → {row['stage_to']}"
        cells = [group_cell(row["group"])] if group_header else []
        cells += [cell(f"{t['whole_funnel']}: {label}" if whole else label), *_kpi_cells(row, lang)]
        attrs = {
            "data-level": row["level"],
            "data-group": row["group"],
            "data-from": row["stage_from"],
            "data-to": row["stage_to"],
        }
        rows.append({"cells": cells, "cls": "total" if whole else "", "attrs": attrs})
    return make_table(([group_header] if group_header else []) + header, rows)


def level_section(
    kpis: pd.DataFrame,
    level: str,
    stages: Sequence[str],
    min_deals: int,
    lang: str,
    t: dict[str, str],
) -> dict[str, Any]:
    """One level (branch, department or manager): chart, summary table, every KPI row."""
    table = kpis[kpis["level"] == level]
    totals = whole_funnel(table, stages).set_index("group")
    pair_rows = table.drop(whole_funnel(table, stages).index) if len(stages) > 2 else table
    conversions = pair_rows.set_index(["group", "stage_to"])["conversion"]
    rows, bars = [], []
    for group, total in totals.iterrows():
        small = int(total["input"]) < min_deals
        pairs = [float(conversions.get((group, b), float("nan"))) for b in stages[1:]]
        rows.append(
            {
                "cells": _summary_cells(str(group), total, pairs, lang),
                "cls": "small" if small else "",
                "attrs": {"data-group": str(group)},
                "badge": t["small_sample"] if small else "",
            }
        )
        share = 0.0 if pd.isna(total["conversion"]) else float(total["conversion"])
        bars.append(Bar(str(group), share, format_percent(total["conversion"], lang), muted=small))
    shown = _short_labels(_largest(bars, [int(v) for v in totals["input"]]))
    header, titles = _summary_header(level, stages, t)
    return {
        "id": f"level-{level}",
        "title": t[f"level_{level}"],
        "table": make_table(header, rows, titles),
        "chart": bar_chart(
            sorted(shown, key=lambda b: (-b.value, b.label)),
            max_value=1.0,
            title=f"{t['chart_total_conversion']}: {t[f'level_{level}']}",
        ),
        "chart_note": (
            t["chart_largest"].format(n=len(shown), total=len(bars))
            if len(shown) < len(bars)
            else ""
        ),
        "details": kpi_rows_table(table, stages, lang, t, group_header=t[f"group_{level}"]),
    }


def _summary_header(
    level: str, stages: Sequence[str], t: dict[str, str]
) -> tuple[list[str], list[str]]:
    """Column heads of a level's summary table, and their tooltips (the full stage pair)."""
    pairs = list(zip(stages[:-1], stages[1:], strict=True))
    header = [
        t[f"group_{level}"],
        t["deals"],
        *(f"→ {b}" for _, b in pairs),
        t["total_conversion"],
        t["successful"],
        t["headcount"],
        t["productivity"],
        t["activity"],
    ]
    titles = ["", "", *(f"{a} → {b}" for a, b in pairs), "", "", "", "", ""]
    return header, titles


def _summary_cells(
    group: str, total: pd.Series, pairs: list[float], lang: str
) -> list[dict[str, Any]]:
    return [
        group_cell(group),
        int_cell(total["input"], lang),
        *(percent_cell(share, lang) for share in pairs),
        percent_cell(total["conversion"], lang, cls="key"),
        int_cell(total["successful"], lang),
        int_cell(total["headcount"], lang),
        decimal_cell(total["productivity"], lang),
        decimal_cell(total["activity"], lang),
    ]


def _kpi_cells(row: pd.Series, lang: str) -> list[dict[str, Any]]:
    return [
        int_cell(row["input"], lang),
        int_cell(row["successful"], lang),
        percent_cell(row["conversion"], lang),
        int_cell(row["headcount"], lang),
        decimal_cell(row["productivity"], lang),
        decimal_cell(row["activity"], lang),
    ]


def _is_whole(row: pd.Series, stages: Sequence[str]) -> bool:
    return len(stages) > 2 and row["stage_from"] == stages[0] and row["stage_to"] == stages[-1]


def _largest(bars: list[Bar], sizes: list[int]) -> list[Bar]:
    """At most ``MAX_BARS`` bars: the groups with the most deals (a longer chart is unreadable)."""
    if len(bars) <= MAX_BARS:
        return bars
    ranked = sorted(range(len(bars)), key=lambda i: (-sizes[i], bars[i].label))[:MAX_BARS]
    return [bars[i] for i in sorted(ranked)]


def _short_labels(bars: list[Bar]) -> list[Bar]:
    """Chart labels without the parent path when the last part alone names each group."""
    leaves = [b.label.rpartition(GROUP_SEPARATOR)[2] for b in bars]
    if len(set(leaves)) < len(leaves):
        return bars
    return [b._replace(label=leaf) for b, leaf in zip(bars, leaves, strict=True)]
