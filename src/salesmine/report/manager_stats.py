"""Per-manager figures for the training lead's cards, each rate with its Wilson interval, and the
team medians they are compared with.

A manager with fewer deals than ``funnel.min_deals`` is a small sample: the figures are shown
(pale) but never compared, and no training topic is derived from their rates.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

import pandas as pd

from salesmine.refusals.rollup import wilson_interval


@dataclass(frozen=True)
class Rate:
    """``k`` of ``n`` with the 95 % Wilson score interval (NaN when ``n`` is 0)."""

    k: int
    n: int
    low: float
    high: float

    @property
    def share(self) -> float:
        return self.k / self.n if self.n else float("nan")


def wilson(k: int, n: int) -> Rate:
    """``k`` of ``n`` with its 95 % Wilson score interval (the rollup's, so figures agree)."""
    low, high = wilson_interval(k, n)
    return Rate(k, n, low, high)


@dataclass(frozen=True)
class Figures:
    """One manager's numbers: funnel transitions, refusals and their flags."""

    deals: int
    transitions: tuple[tuple[str, str, Rate], ...]  # (from, to, rate); the whole funnel last
    refusals: int
    reasons: dict[str, int]  # reason code -> refusals
    errors: pd.DataFrame  # the manager-error rows (refusal_rows.refusal_table columns)
    unclarified: Rate  # of the manager's refusals
    small: bool

    @property
    def reason_rates(self) -> dict[str, Rate]:
        return {code: wilson(k, self.refusals) for code, k in self.reasons.items()}


@dataclass(frozen=True)
class Team:
    """What a manager is compared with: medians over the managers with enough deals."""

    transitions: dict[tuple[str, str], float]
    unclarified: float
    reason_shares: dict[str, float]  # the whole team's share of refusals per reason


def manager_figures(mine: pd.DataFrame | None, kpi_rows: pd.DataFrame | None,
                    min_n: int) -> Figures:
    """One manager's figures from their rows of ``refusal_table`` and of the manager-level KPI
    table (either may be None: someone with no deals, or no stage data)."""
    transitions: list[tuple[str, str, Rate]] = []
    deals = 0
    if kpi_rows is not None and not kpi_rows.empty:
        for a, b, k, n in zip(kpi_rows["stage_from"], kpi_rows["stage_to"],
                              kpi_rows["successful"], kpi_rows["input"], strict=True):
            transitions.append((str(a), str(b), wilson(int(k), int(n))))
        deals = int(kpi_rows["input"].max())
    if mine is None or mine.empty:
        return Figures(deals, tuple(transitions), 0, {}, _empty(mine), wilson(0, 0),
                       deals < min_n)
    refused = mine[mine["refusal"]]
    reasons = {str(k): int(v) for k, v in refused["reason"].value_counts().items()}
    deals = deals or len(mine)
    return Figures(
        deals, tuple(transitions), len(refused), reasons, mine[mine["manager_error"] == 1],
        wilson(int(refused["reason_unclarified"].sum()), len(refused)), deals < min_n,
    )


def _empty(table: pd.DataFrame | None) -> pd.DataFrame:
    return table.iloc[:0] if table is not None else pd.DataFrame(columns=["manager_error"])


def team_figures(figures: Sequence[Figures], table: pd.DataFrame | None) -> Team:
    """Medians over managers with enough deals (over everyone when fewer than three have)."""
    solid = [f for f in figures if not f.small and f.deals]
    pool = solid if len(solid) >= 3 else [f for f in figures if f.deals]
    by_pair: dict[tuple[str, str], list[float]] = {}
    for fig in pool:
        for a, b, rate in fig.transitions:
            if rate.n:
                by_pair.setdefault((a, b), []).append(rate.share)
    unclear = [f.unclarified.share for f in pool if f.refusals]
    shares: dict[str, float] = {}
    if table is not None:
        refused = table[table["refusal"]]
        if len(refused):
            shares = {str(k): v / len(refused) for k, v in refused["reason"].value_counts().items()}
    return Team(
        {pair: median(values) for pair, values in by_pair.items()},
        median(unclear) if unclear else float("nan"),
        shares,
    )


def below(rate: Rate, reference: float) -> bool:
    """The whole interval lies under the reference: a difference beyond chance."""
    return bool(rate.n) and not math.isnan(reference) and rate.high < reference


def above(rate: Rate, reference: float) -> bool:
    """The whole interval lies over the reference."""
    return bool(rate.n) and not math.isnan(reference) and rate.low > reference
