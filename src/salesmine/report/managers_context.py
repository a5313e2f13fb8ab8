"""The training lead's page: an overview table, then one card per person (``manager_cards``).

People come from the CRM's managers and from the interviews; the people file's aliases join the
two («Артём Гусев» in the CRM is «Гусев Артём Олегович» in his interview). Cards are in
alphabetical order — people are not ranked — and small samples are marked.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from salesmine.analysis import Analysis
from salesmine.funnel import kpi_table
from salesmine.report.context import ReportInputs, strings
from salesmine.report.manager_cards import REFUSALS_PAGE, Member, manager_card
from salesmine.report.manager_stats import Figures, manager_figures, team_figures
from salesmine.report.names import PeopleIndex
from salesmine.report.redact import redactor
from salesmine.report.refusal_rows import EMPTY, ordered_counts, reasons_for, rows_href
from salesmine.report.refusal_sections import Ctx, grid_table, head, page_cell


def managers_page(inputs: ReportInputs) -> dict[str, Any] | None:
    """Context for ``managers.html``; None when there are neither managers nor interviews."""
    analysis = inputs.analysis
    if analysis is None:
        return None
    table = inputs.refusal_rows
    members = people_on_page(analysis, table)
    if not members:
        return None
    lang, t = inputs.lang, strings(inputs.lang)
    reasons = reasons_for(analysis, lang)
    order = list(ordered_counts(table[table["refusal"]]["reason"], reasons.codes).index) \
        if table is not None else []
    min_n = analysis.settings.funnel.min_deals
    ctx = Ctx(lang, t, reasons, order, min_n)
    kpis = _manager_kpis(analysis)
    rows = dict(tuple(table.groupby("manager", sort=False))) if table is not None else {}
    kpi_rows = dict(tuple(kpis[kpis["level"] == "manager"].groupby("group", sort=False))) \
        if kpis is not None else {}
    figures = [manager_figures(rows.get(m.crm) if m.crm else None,
                               kpi_rows.get(m.crm) if m.crm else None, min_n) for m in members]
    team = team_figures([f for m, f in zip(members, figures, strict=True) if m.crm], table)
    gaps = analysis.process.gaps if analysis.process is not None else ()
    clean = redactor(inputs.redact, lang)
    cards = [
        manager_card(m, i + 1, f, team, [g for g in gaps if g.employee == m.employee], ctx, clean,
                     analysis.process is not None)
        for i, (m, f) in enumerate(zip(members, figures, strict=True))
    ]
    return {
        "page_title": t["managers_title"],
        "summary": t["managers_summary"].format(
            n=len([m for m in members if m.crm]), k=len([m for m in members if m.employee])),
        "overview": _overview(members, figures, cards, ctx),
        "cards": cards,
        "small_note": t["small_sample_note"].format(n=min_n),
        "has_refusals": table is not None,
    }


def people_on_page(analysis: Analysis, table: pd.DataFrame | None) -> list[Member]:
    """CRM managers and interviewees, matched into one member each, in alphabetical order."""
    index = PeopleIndex(analysis.people)
    managers: list[str] = []
    if table is not None:
        managers = sorted({str(m) for m in table["manager"] if m != EMPTY})
    elif analysis.deals is not None:
        managers = sorted({str(m) for m in analysis.deals.frame["manager"] if str(m).strip()})
    employees = list(analysis.process.employees) if analysis.process is not None else []
    members: list[Member] = []
    matched: set[str] = set()
    for manager in managers:
        employee = index.match(manager, [e for e in employees if e not in matched])
        if employee:
            matched.add(employee)
        members.append(Member(manager, manager, employee, index.person(manager)))
    for employee in employees:
        if employee not in matched:
            members.append(Member(employee, None, employee, index.person(employee)))
    return sorted(members, key=lambda m: m.name.lower().replace("ё", "е"))


def _manager_kpis(analysis: Analysis) -> pd.DataFrame | None:
    deals = analysis.deals
    if deals is None or deals.frame.empty:
        return None
    if not deals.frame["manager"].astype(str).str.strip().ne("").any():
        return None
    closed_only = analysis.settings.funnel.closed_only
    return kpi_table(deals, ("company", "manager"), closed_only=closed_only)


def _overview(members: list[Member], figures: list[Figures], cards: list[dict[str, Any]],
              ctx: Ctx) -> dict[str, Any]:
    """One row per person: linked to the card; rates of small samples are not sortable."""
    t = ctx.t
    rows = []
    for member, fig, card in zip(members, figures, cards, strict=True):
        whole = fig.transitions[-1][2] if fig.transitions else None
        small = card["small"]
        missing = len(card["gaps"]["missing"]) if card["gaps"] else None
        rows.append({
            "cells": [
                page_cell(member.name, member.name, f"#{card['id']}", sub=card["unit"],
                          cls="person-name"),
                page_cell(ctx.n(fig.deals), fig.deals) if member.crm else page_cell("—", ""),
                page_cell(ctx.pct(whole.share) if whole else "—",
                          "" if small or whole is None or not whole.n else round(whole.share, 4)),
                _linked(fig.refusals, member, {"flag": "refusal"}, ctx),
                _linked(len(fig.errors), member, {"flag": "error"}, ctx, cls="alert"),
                page_cell(ctx.pct(fig.unclarified.share) if fig.refusals else "—",
                          "" if small or not fig.refusals else round(fig.unclarified.share, 4)),
                page_cell(t["no_interview"] if missing is None else ctx.n(missing),
                          "" if missing is None else missing, cls="" if missing else "muted"),
                page_cell(ctx.n(len(card["topics"])), len(card["topics"]), f"#{card['id']}"),
            ],
            "cls": "small" if small else "",
            "badge": t["small_sample"] if small else "",
            "attrs": {"data-member": member.name, "data-errors": str(len(fig.errors))},
        })
    columns = [head(t["person"]), head(t["deals_short"], True), head(t["total_conversion"], True),
               head(t["refusals_count"], True), head(t["manager_errors"], True),
               head(t["unclarified"], True), head(t["missing_steps"], True),
               head(t["topics_count"], True)]
    return grid_table(columns, rows)


def _linked(count: int, member: Member, filters: dict[str, str], ctx: Ctx,
            cls: str = "") -> dict[str, Any]:
    if not member.crm:
        return page_cell("—", "")
    if not count:
        return page_cell("0", 0, cls="zero")
    href = REFUSALS_PAGE + rows_href(manager=member.crm, n=count, **filters)
    return page_cell(ctx.n(count), count, href, cls=cls)
