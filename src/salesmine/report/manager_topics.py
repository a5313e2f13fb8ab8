"""Suggested training topics for one manager, each derived from evidence on the page:

- catalog knowledge: every catalog item the manager told clients we do not have;
- finding out why: unclarified refusals clearly above the team median;
- a funnel transition clearly below the team median;
- a refusal reason clearly more frequent than in the team (price, competitor, ...);
- the sales process: core steps not mentioned in the interview, steps told out of order.

"Clearly" means the rate's whole 95 % Wilson interval is on the other side of the team figure;
rates of small samples yield no topic. Case-based topics (catalog, process) need no such test.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from salesmine.process import Gap
from salesmine.report.manager_stats import Figures, Team, above, below
from salesmine.report.refusal_sections import Ctx

MIN_REASON_COUNT = 3  # an over-represented reason needs at least this many refusals
MAX_ITEMS = 3  # catalog items named one by one in the catalog topic


def training_topics(fig: Figures, team: Team, gaps: Sequence[Gap],
                    ctx: Ctx) -> list[dict[str, Any]]:
    """Topics as ``{"area", "text"}``, most concrete first."""
    topics = _catalog(fig.errors, ctx)
    if not fig.small:
        topics += _unclarified(fig, team, ctx) + _stages(fig, team, ctx) + _reasons(fig, team, ctx)
    return topics + _process(gaps, ctx)


def clients(n: int, ctx: Ctx) -> str:
    """"4 клиентам" / "1 client" (the dative plural in Russian)."""
    if ctx.lang == "ru":
        one = n % 10 == 1 and n % 100 != 11
        return f"{n} {'клиенту' if one else 'клиентам'}"
    return f"{n} client" + ("" if n == 1 else "s")


def _catalog(errors: pd.DataFrame, ctx: Ctx) -> list[dict[str, Any]]:
    if errors.empty:
        return []
    groups = errors.groupby("catalog_match", sort=False)["mentioned_product"]
    counted = sorted(((len(v), str(item), str(v.iloc[0])) for item, v in groups),
                     key=lambda x: (-x[0], x[1]))
    lines = [ctx.t["topic_catalog_item"].format(clients=clients(n, ctx), said=said, item=item)
             for n, item, said in counted[:MAX_ITEMS]]
    if len(counted) > MAX_ITEMS:
        lines.append(ctx.t["topic_more_items"].format(n=len(counted) - MAX_ITEMS))
    return [{"area": ctx.t["topic_catalog"], "text": "; ".join(lines), "kind": "catalog"}]


def _unclarified(fig: Figures, team: Team, ctx: Ctx) -> list[dict[str, Any]]:
    rate = fig.unclarified
    if not above(rate, team.unclarified):
        return []
    text = ctx.t["topic_unclarified_text"].format(
        k=rate.k, n=rate.n, rate=ctx.pct(rate.share), team=ctx.pct(team.unclarified))
    return [{"area": ctx.t["topic_unclarified"], "text": text, "kind": "rate"}]


def _stages(fig: Figures, team: Team, ctx: Ctx) -> list[dict[str, Any]]:
    topics = []
    for a, b, rate in fig.transitions[:-1] if len(fig.transitions) > 2 else fig.transitions:
        reference = team.transitions.get((a, b), float("nan"))
        if below(rate, reference):
            text = ctx.t["topic_stage_text"].format(
                a=a, b=b, rate=ctx.pct(rate.share), k=rate.k, n=rate.n, team=ctx.pct(reference))
            topics.append({"area": ctx.t["topic_stage"], "text": text, "kind": "rate"})
    return topics


def _reasons(fig: Figures, team: Team, ctx: Ctx) -> list[dict[str, Any]]:
    topics = []
    for code, rate in fig.reason_rates.items():
        key = f"topic_{code}"
        reference = team.reason_shares.get(code, float("nan"))
        if key not in ctx.t or rate.k < MIN_REASON_COUNT or not above(rate, reference):
            continue
        if code == "product_missing" and not fig.errors.empty:
            continue  # the catalog topic already names the products
        text = ctx.t["topic_reason_text"].format(
            share=ctx.pct(rate.share), k=rate.k, n=rate.n, reason=ctx.reasons.name(code),
            team=ctx.pct(reference))
        topics.append({"area": ctx.t[key], "text": text, "kind": "rate"})
    return topics


def _process(gaps: Sequence[Gap], ctx: Ctx) -> list[dict[str, Any]]:
    missing = [g for g in gaps if g.kind == "missing"]
    order = [g for g in gaps if g.kind == "order"]
    topics = []
    if missing:
        named = ", ".join(
            ctx.t["topic_missing_step"].format(name=g.activity, k=g.support, n=g.others)
            for g in sorted(missing, key=lambda g: -g.support)
        )
        topics.append({"area": ctx.t["topic_process"],
                       "text": ctx.t["topic_missing_text"].format(steps=named), "kind": "process"})
    if order:
        topics.append({"area": ctx.t["topic_order"],
                       "text": " ".join(g.evidence for g in order[:2]),
                       "kind": "process"})
    return topics
