"""The process page: the canonical process as a diagram, the activity table with support and
quotes, the order variants, and the employee x activity matrix of who said what."""

from __future__ import annotations

from typing import Any

from salesmine.process import PERSONAL, Process
from salesmine.report.context import ReportInputs, format_decimal, format_int, strings
from salesmine.report.managers_context import people_on_page
from salesmine.report.names import short_name
from salesmine.report.process_diagram import process_diagram
from salesmine.report.redact import redactor

QUOTES_SHOWN = 3
MAX_VARIANTS = 100


def process_page(inputs: ReportInputs) -> dict[str, Any] | None:
    """Context for ``process.html``; None without interviews."""
    analysis = inputs.analysis
    process = analysis.process if analysis is not None else None
    if analysis is None or process is None:
        return None
    lang, t = inputs.lang, strings(inputs.lang)
    clean = redactor(inputs.redact, lang)
    cards = _card_anchors(inputs)
    core = [a for a in process.activities if a.core]
    return {
        "page_title": t["process_title"],
        "summary": t["process_summary"].format(n=len(process.employees),
                                               threshold=f"{process.core_threshold:.0%}"),
        "headline": _headline(process, lang, t),
        "diagram": process_diagram(process, title=t["process_title"],
                                   support_word=t["support"], variant_word=t["variant_word"]),
        "activities": [_activity(a, process, clean, lang) for a in process.activities],
        "variants": _variants(process, t),
        "matrix": _matrix(process, cards),
        "personal": [
            {"employee": e, "href": cards.get(e, ""),
             "steps": [{"name": s.name, "quote": clean(s.quote)} for s in process.steps_of(e)
                       if s.activity_id == PERSONAL]}
            for e in process.employees
            if any(s.activity_id == PERSONAL for s in process.steps_of(e))
        ],
        "n_core": len(core),
    }


def _card_anchors(inputs: ReportInputs) -> dict[str, str]:
    """Interviewee -> the link to their card on managers.html."""
    analysis = inputs.analysis
    assert analysis is not None
    members = people_on_page(analysis, inputs.refusal_rows)
    return {m.employee: f"managers.html#m{i + 1}" for i, m in enumerate(members) if m.employee}


def _headline(process: Process, lang: str, t: dict[str, str]) -> list[dict[str, str]]:
    core = sum(a.core for a in process.activities)
    strong = [v for v in process.variants if v.count >= 2]
    cards = [
        (t["interviews"], format_int(len(process.employees), lang), ""),
        (t["activities"], format_int(len(process.activities), lang),
         t["core_optional"].format(core=core, optional=len(process.activities) - core)),
        (t["personal_steps"], format_int(len(process.personal_steps), lang), t["personal_note"]),
        (t["order_variants"], format_int(len(strong), lang), t["variants_note"]),
        (t["process_gaps"], format_int(sum(g.kind == "missing" for g in process.gaps), lang),
         t["gaps_note"]),
    ]
    return [{"label": a, "value": b, "note": c, "href": "", "cls": ""} for a, b, c in cards]


def _activity(activity: Any, process: Process, clean: Any, lang: str) -> dict[str, Any]:
    n = activity.n_employees or len(process.employees) or 1
    return {
        "id": activity.id,
        "name": activity.name,
        "names": [x for x in activity.names if x != activity.name][:6],
        "core": activity.core,
        "support": activity.support,
        "n": n,
        "share": round(100 * activity.support / n),
        "who": [short_name(e) for e in activity.employees],
        "everyone": activity.support >= n,
        "position": format_decimal(activity.typical_position, lang, 1),
        "quotes": [clean(q) for q in activity.quotes[:QUOTES_SHOWN]],
    }


def _variants(process: Process, t: dict[str, str]) -> list[dict[str, Any]]:
    """Minority orders, the most common first: "B before A — 3 of 8 (names)"."""
    names = {a.id: a.name for a in process.activities}
    ranked = sorted(process.variants, key=lambda v: (-v.count, -v.count / max(v.total, 1)))
    return [
        {"first": names.get(v.first, v.first), "second": names.get(v.second, v.second),
         "count": v.count, "total": v.total, "who": ", ".join(short_name(e) for e in v.employees),
         "text": t["variant_text"].format(k=v.count, n=v.total)}
        for v in ranked[:MAX_VARIANTS]
    ]


def _matrix(process: Process, cards: dict[str, str]) -> dict[str, Any]:
    """Employee x activity: the position in their account, a missing core step, an order gap."""
    missing = {(g.employee, g.activity_id) for g in process.gaps if g.kind == "missing"}
    swapped = {(g.employee, g.activity_id) for g in process.gaps if g.kind == "order"}
    rows = []
    for employee in process.employees:
        positions: dict[str, int] = {}
        for step in process.steps_of(employee):
            positions.setdefault(step.activity_id, step.position)
        cells = []
        for a in process.activities:
            key = (employee, a.id)
            kind = ("missing" if key in missing else "order" if key in swapped
                    else "told" if a.id in positions else "none")
            cells.append({"kind": kind, "core": a.core,
                          "text": str(positions[a.id]) if a.id in positions else "",
                          "title": f"{employee} — {a.name}"})
        personal = sum(s.activity_id == PERSONAL for s in process.steps_of(employee))
        rows.append({"employee": employee, "href": cards.get(employee, ""), "cells": cells,
                     "personal": personal})
    return {"columns": [{"id": a.id, "name": a.name, "core": a.core} for a in process.activities],
            "rows": rows}
