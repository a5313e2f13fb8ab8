"""Candidate new reasons on the refusal page: clusters of ``other`` and low-confidence notes."""

from __future__ import annotations

from typing import Any

from salesmine.analysis import Analysis
from salesmine.report.redact import redactor
from salesmine.report.refusal_sections import Ctx


def candidates_section(analysis: Analysis, redact: bool, ctx: Ctx) -> dict[str, Any] | None:
    """One card per cluster: size, top terms, today's reasons, up to three example notes."""
    found = analysis.candidates
    if found is None or found.empty:
        return None
    t, clean = ctx.t, redactor(redact, ctx.lang)
    examples = [c for c in found.columns if c.startswith("example_")]
    sample = int(found["size"].sum())
    return {
        "clusters": [
            {
                "size": ctx.n(row["size"]),
                "terms": str(row["top_terms"]).split("; "),
                "current": _current(str(row["current_reasons"]), ctx),
                "examples": [clean(str(row[c])) for c in examples if str(row[c]).strip()],
            }
            for _, row in found.iterrows()
        ],
        "note": t["candidates_note"].format(pool=ctx.n(analysis.candidate_pool))
        + (" " + t["candidates_sample"].format(n=ctx.n(sample))
           if sample < analysis.candidate_pool else ""),
    }


def _current(text: str, ctx: Ctx) -> str:
    """"other 5, price 2" with the reasons' names in the page language."""
    parts = []
    for item in filter(None, (p.strip() for p in text.split(","))):
        code, _, count = item.rpartition(" ")
        parts.append(f"{ctx.reasons.name(code)} {count}")
    return ", ".join(parts)
