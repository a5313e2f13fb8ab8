"""The overview page: headline numbers, what needs attention (each item linked to its evidence),
the reasons at a glance, and the way to every other page."""

from __future__ import annotations

from typing import Any

import pandas as pd

from salesmine.analysis import Analysis
from salesmine.funnel import kpi_table
from salesmine.report.attention import attention_items
from salesmine.report.context import ReportInputs, format_int, format_percent, strings
from salesmine.report.reason_charts import ReasonBar, reason_bars
from salesmine.report.refusal_rows import ordered_counts, reasons_for, rows_href

REFUSALS_PAGE = "refusals.html"
TOP_REASONS = 6


def index_page(inputs: ReportInputs) -> dict[str, Any] | None:
    """Context for ``index.html``; None when there is nothing beyond the funnel to summarize."""
    analysis = inputs.analysis
    if analysis is None:
        return None
    lang, t = inputs.lang, strings(inputs.lang)
    table = inputs.refusal_rows
    if table is None and analysis.process is None and analysis.deals is None:
        return None  # no other page either: nothing to give an overview of
    company = _company_kpis(analysis)
    return {
        "page_title": t["index_title"],
        "summary": _summary(analysis, table, lang, t),
        "headline": _headline(analysis, table, company, lang, t),
        "attention": attention_items(analysis, table, company, lang, t),
        "reasons": _reasons(analysis, table, lang, t),
        "pages": _pages(analysis, table, t),
    }


def _company_kpis(analysis: Analysis) -> pd.DataFrame | None:
    if analysis.deals is None or analysis.deals.frame.empty:
        return None
    return kpi_table(analysis.deals, ("company",), closed_only=analysis.settings.funnel.closed_only)


def _summary(analysis: Analysis, table: pd.DataFrame | None, lang: str, t: dict[str, str]) -> str:
    parts = []
    if analysis.sources:
        parts.append(", ".join(analysis.sources))
    if table is not None:
        dates = pd.to_datetime(table["date"], errors="coerce").dropna()
        if not dates.empty:
            fmt = "%d.%m.%Y" if lang == "ru" else "%Y-%m-%d"
            parts.append(f"{dates.min().strftime(fmt)} — {dates.max().strftime(fmt)}")
    if analysis.process is not None:
        parts.append(t["n_interviews"].format(n=len(analysis.process.employees)))
    return " · ".join(parts)


def _headline(analysis: Analysis, table: pd.DataFrame | None, company: pd.DataFrame | None,
              lang: str, t: dict[str, str]) -> list[dict[str, str]]:
    cards: list[dict[str, str]] = []
    if company is not None and not company.empty:
        whole = company.iloc[-1]
        cards.append(_card(t["deals"], format_int(whole["input"], lang), "",
                           "funnel.html"))
        cards.append(_card(t["total_conversion"], format_percent(whole["conversion"], lang),
                           f"{whole['stage_from']} → {whole['stage_to']}",
                           "funnel.html#level-company"))
    if table is not None:
        refused = table[table["refusal"]]
        errors = int(table["manager_error"].sum())
        unclear = int(refused["reason_unclarified"].sum())
        cards.append(_card(t["refusals_count"], format_int(len(refused), lang),
                           t["reason_from_text"], REFUSALS_PAGE + "#reasons"))
        if analysis.catalog:
            cards.append(_card(t["manager_errors"], format_int(errors, lang), t["errors_note"],
                               REFUSALS_PAGE + "#errors", "alert" if errors else "good"))
        cards.append(_card(t["unclarified"], format_percent(unclear / len(refused), lang)
                           if len(refused) else "—", t["k_of_n"].format(k=unclear, n=len(refused)),
                           REFUSALS_PAGE + rows_href(flag="unclear", n=unclear)))
    if analysis.process is not None:
        activities = analysis.process.activities
        core = sum(a.core for a in activities)
        cards.append(_card(t["activities"], format_int(len(activities), lang),
                           t["core_optional"].format(core=core, optional=len(activities) - core),
                           "process.html"))
    return cards


def _card(label: str, value: str, note: str, href: str, cls: str = "") -> dict[str, str]:
    return {"label": label, "value": value, "note": note, "href": href, "cls": cls}


def _reasons(analysis: Analysis, table: pd.DataFrame | None, lang: str,
             t: dict[str, str]) -> Any:
    if table is None:
        return ""
    refused = table[table["refusal"]]
    if refused.empty:
        return ""
    reasons = reasons_for(analysis, lang)
    counts = ordered_counts(refused["reason"], reasons.codes)
    bars = [
        ReasonBar(reasons.name(c), int(n), f"{format_int(n, lang)} · "
                  f"{format_percent(n / len(refused), lang)}", reasons.colour(c),
                  REFUSALS_PAGE + rows_href(reason=str(c), n=int(n)))
        for c, n in counts.head(TOP_REASONS).items()
    ]
    return reason_bars(bars, title=t["reasons_overall"], width=540)


def _pages(analysis: Analysis, table: pd.DataFrame | None,
           t: dict[str, str]) -> list[dict[str, str]]:
    pages = []
    if table is not None:
        pages.append({"href": REFUSALS_PAGE, "title": t["nav_refusals"],
                      "text": t["tile_refusals"]})
        pages.append({"href": "managers.html", "title": t["nav_managers"],
                      "text": t["tile_managers"]})
    elif analysis.process is not None:
        pages.append({"href": "managers.html", "title": t["nav_managers"],
                      "text": t["tile_managers"]})
    if analysis.process is not None:
        pages.append({"href": "process.html", "title": t["nav_process"], "text": t["tile_process"]})
    if analysis.deals is not None:
        pages.append({"href": "funnel.html", "title": t["nav_funnel"], "text": t["tile_funnel"]})
    return pages
