"""One card per person on the training lead's page: funnel conversions against the team median
with intervals, the refusal mix, manager errors with quotes, unclarified refusals, the process
gaps from their interview, and the training topics derived from all of it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from salesmine.process import Gap
from salesmine.records import Person
from salesmine.report.manager_stats import Figures, Rate, Team
from salesmine.report.manager_topics import training_topics
from salesmine.report.reason_charts import IntervalRow, MixRow, interval_rows, mix_bars
from salesmine.report.refusal_cases import quote_markup
from salesmine.report.refusal_rows import rows_href
from salesmine.report.refusal_sections import Ctx

REFUSALS_PAGE = "refusals.html"
QUOTES_PER_CARD = 3
GAPS_PER_KIND = 8


@dataclass(frozen=True)
class Member:
    """A person on the page: their CRM manager name and/or interview, and the people-file entry."""

    name: str  # as shown: the CRM's name, else the interview's
    crm: str | None
    employee: str | None
    person: Person | None


def manager_card(member: Member, number: int, fig: Figures, team: Team, gaps: Sequence[Gap],
                 ctx: Ctx, clean: Any, has_process: bool) -> dict[str, Any]:
    """The context of one card (``_manager_card.html``)."""
    t, person = ctx.t, member.person
    where = [v for v in (person.role, person.department, person.branch) if v] if person else []
    return {
        "id": f"m{number}",
        "name": member.name,
        "full_name": person.name if person and person.name != member.name else "",
        "where": " · ".join(where),
        "unit": " · ".join(v for v in (person.department, person.branch) if v) if person else "",
        "small": fig.small and bool(member.crm),
        "crm": bool(member.crm),
        "stats": _stats(member, fig, team, ctx) if member.crm else [],
        "funnel": _funnel(fig, team, ctx) if member.crm else "",
        "mix": _mix(member, fig, ctx) if fig.refusals else "",
        "errors": _errors(member, fig, ctx, clean),
        "gaps": _gaps(gaps, clean) if member.employee else None,
        "no_interview": has_process and not member.employee,
        "topics": training_topics(fig, team, gaps, ctx),
        "no_deals": t["no_deals_person"] if not member.crm else "",
    }


def _stats(member: Member, fig: Figures, team: Team, ctx: Ctx) -> list[dict[str, str]]:
    t, name = ctx.t, member.crm or ""
    whole = fig.transitions[-1][2] if fig.transitions else None
    stats = [{"label": t["deals_short"], "value": ctx.n(fig.deals), "href": "", "cls": ""}]
    if whole is not None:
        stats.append({"label": t["total_conversion"], "value": ctx.pct(whole.share),
                      "href": "", "cls": "", "note": _interval(whole, ctx)})
    stats += [
        {"label": t["refusals_count"], "value": ctx.n(fig.refusals),
         "href": REFUSALS_PAGE + rows_href(manager=name, flag="refusal", n=fig.refusals)
         if fig.refusals else "",
         "cls": ""},
        {"label": t["manager_errors"], "value": ctx.n(len(fig.errors)),
         "href": REFUSALS_PAGE + rows_href(manager=name, flag="error", n=len(fig.errors))
         if len(fig.errors) else "", "cls": "alert" if len(fig.errors) else ""},
        {"label": t["unclarified"], "value": ctx.pct(fig.unclarified.share) if fig.refusals
         else "—", "note": t["k_of_n_team"].format(k=fig.unclarified.k, n=fig.unclarified.n,
                                                   team=ctx.pct(team.unclarified)),
         "href": REFUSALS_PAGE + rows_href(manager=name, flag="unclear", n=fig.unclarified.k)
         if fig.unclarified.k else "", "cls": ""},
    ]
    return [{"note": "", **s} for s in stats]


def _interval(rate: Rate, ctx: Ctx) -> str:
    if not rate.n:
        return ""
    return ctx.t["interval"].format(low=ctx.pct(rate.low), high=ctx.pct(rate.high))


def _funnel(fig: Figures, team: Team, ctx: Ctx) -> Any:
    whole = len(fig.transitions) > 2  # the last row spans the whole funnel
    rows = [
        IntervalRow(
            ctx.t["whole_short"] if whole and i == len(fig.transitions) - 1 else f"→ {b}",
            rate.share, rate.low, rate.high,
            team.transitions.get((a, b), float("nan")),
            f"{ctx.pct(rate.share)} ({rate.k}/{rate.n})", muted=fig.small,
        )
        for i, (a, b, rate) in enumerate(fig.transitions)
    ]
    return interval_rows(rows, title=ctx.t["card_funnel"], median_label=ctx.t["team_median"])


def _mix(member: Member, fig: Figures, ctx: Ctx) -> Any:
    row = MixRow(
        "", tuple(fig.reasons.get(c, 0) for c in ctx.order),
        ctx.n(fig.refusals),
        tuple(REFUSALS_PAGE + rows_href(manager=member.crm or "", reason=c,
                                        n=fig.reasons.get(c, 0)) for c in ctx.order),
    )
    return mix_bars([row], ctx.series(), title=ctx.t["card_mix"], width=560, legend=False)


def _errors(member: Member, fig: Figures, ctx: Ctx, clean: Any) -> dict[str, Any] | None:
    if fig.errors.empty:
        return None
    shown = fig.errors.head(QUOTES_PER_CARD)
    more = len(fig.errors) - len(shown)
    return {
        "count": ctx.n(len(fig.errors)),
        "cases": [
            {"said": r["mentioned_product"], "item": r["catalog_match"], "id": str(r["id"]),
             "quote": quote_markup(r["claim_evidence"] or r["text"], r["mentioned_product"],
                                   clean, 260)}
            for r in shown.to_dict("records")
        ],
        "more": ctx.t["and_more"].format(n=more) if more else "",
        "href": REFUSALS_PAGE + rows_href(manager=member.crm or "", flag="error",
                                          n=len(fig.errors)),
    }


def _gaps(gaps: Sequence[Gap], clean: Any) -> dict[str, list[dict[str, str]]]:
    """The interview's gaps by kind, each with its honest evidence sentence and quote."""
    out: dict[str, list[dict[str, str]]] = {"missing": [], "extra": [], "order": []}
    for gap in gaps:
        if gap.kind in out and len(out[gap.kind]) < GAPS_PER_KIND:
            out[gap.kind].append({"activity": gap.activity, "evidence": gap.evidence,
                                  "quote": clean(gap.quote),
                                  "support": f"{gap.support}/{gap.others}"})
    return out
