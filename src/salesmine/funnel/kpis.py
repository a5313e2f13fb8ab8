"""Funnel KPIs (domain.md section 1) per stage transition and for the whole funnel, by any grouping.

For a group of deals and a transition from stage ``a`` to stage ``b``:
``input`` = deals whose furthest stage is at or past ``a``; ``successful`` = at or past ``b``
(результативность); ``conversion`` = successful / input (эффективность; NaN when input is 0);
``headcount`` = employees in the group (distinct managers with deals, plus, with a people file,
its staff in the departments that have deals); ``productivity`` = successful / headcount;
``activity`` = input / headcount (NaN when headcount is 0). A deal still open at stage ``k`` is
input to ``k -> k+1`` and not successful there; ``closed_only`` leaves open deals out.

Groups at nested levels are named by their path, joined with ``" / "`` over the requested levels:
with ``by=("branch", "department", "manager")`` a manager's group is
``"Москва / Корпоративный отдел / Иванов И."``; the company's group is ``"all"``; an empty value is
``"—"``. Rows come in level order (company, branch, department, manager), then group, period and
transition; the whole-funnel row (first stage -> last) follows the stage pairs when there are more
than two stages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from salesmine.config import LEVELS
from salesmine.funnel.groups import group_labels, order_levels, period_labels
from salesmine.funnel.headcount import Headcount, headcounts
from salesmine.funnel.stages import StagedDeals, assign_stages

KPI_COLUMNS = (
    "level",
    "group",
    "stage_from",
    "stage_to",
    "input",
    "successful",
    "conversion",
    "headcount",
    "productivity",
    "activity",
)
def compute_kpis(
    notes: pd.DataFrame,
    stages: Sequence[str],
    by: Sequence[str] = ("company",),
    *,
    events: bool = False,
    aliases: Mapping[str, str] | None = None,
    closed_only: bool = False,
    period: str | None = None,
    headcount: Headcount = None,
) -> pd.DataFrame:
    """Funnel KPIs from a notes frame (``records.NOTE_COLUMNS``): ``KPI_COLUMNS`` (+ period).

    Args:
        stages: ordered stage names; stage values are mapped onto them (see ``funnel.stages``).
        by: any subset of company / branch / department / manager; output in that order.
        events: the notes are an event log, one row per (deal id, stage reached).
        period: ``"month"`` or ``"week"`` splits every group by the deal's date.
        headcount: a people table (``Person`` list: employees of a group are counted even without
            deals) or a ``{(level, group): n}`` mapping; default: distinct managers in the group.
    """
    deals = assign_stages(notes, stages, events=events, aliases=aliases)
    return kpi_table(deals, by, closed_only=closed_only, period=period, headcount=headcount)


def kpi_table(
    deals: StagedDeals,
    by: Sequence[str] = ("company",),
    *,
    closed_only: bool = False,
    period: str | None = None,
    headcount: Headcount = None,
) -> pd.DataFrame:
    """Funnel KPIs from deals already placed on their stages (see ``compute_kpis``)."""
    levels = order_levels(by)
    frame = deals.frame
    if closed_only:
        frame = frame[frame["outcome"] != "open"]
    frame = frame.assign(**{f"_g_{level}": group_labels(frame, levels, level) for level in levels})
    if period is not None:
        frame = frame.assign(period=period_labels(frame["date"], period))
    parts = [
        _level_kpis(frame, deals.stages, levels, level, period is not None, headcount)
        for level in levels
    ]
    columns = [*KPI_COLUMNS, "period"] if period is not None else list(KPI_COLUMNS)
    result = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    if result.empty:
        return _empty_table(columns)
    sort = ["_level", "group", *(["period"] if period is not None else []), "_pair"]
    result = result.sort_values(sort, kind="stable").reset_index(drop=True)
    return result.loc[:, columns]


def _transitions(n_stages: int) -> list[tuple[int, int]]:
    pairs = [(k, k + 1) for k in range(n_stages - 1)]
    # With two stages the whole funnel is the single pair; do not print it twice.
    return pairs + ([(0, n_stages - 1)] if n_stages > 2 else [])


def _level_kpis(
    frame: pd.DataFrame,
    stages: Sequence[str],
    levels: Sequence[str],
    level: str,
    with_period: bool,
    headcount: Headcount,
) -> pd.DataFrame:
    if frame.empty:
        return pd.DataFrame()
    keys = [f"_g_{level}", *(["period"] if with_period else [])]
    counts = pd.crosstab([frame[k] for k in keys], frame["stage_index"])
    counts = counts.reindex(columns=range(len(stages)), fill_value=0)
    # Deals at or past stage k: cumulative count from the last stage backwards.
    reached = counts.to_numpy()[:, ::-1].cumsum(axis=1)[:, ::-1]
    index = counts.index.to_frame(index=False)
    heads = headcounts(frame, levels, level, keys, counts.index, headcount)
    parts = []
    for pair, (a, b) in enumerate(_transitions(len(stages))):
        part = pd.DataFrame(
            {
                "level": level,
                "group": index[keys[0]].to_numpy(),
                "stage_from": stages[a],
                "stage_to": stages[b],
                "input": reached[:, a],
                "successful": reached[:, b],
                "headcount": heads,
            }
        )
        if with_period:
            part["period"] = index["period"].to_numpy()
        part["_pair"] = pair
        parts.append(part)
    table = pd.concat(parts, ignore_index=True)
    table["_level"] = LEVELS.index(level)
    table["conversion"] = _ratio(table["successful"], table["input"])
    table["productivity"] = _ratio(table["successful"], table["headcount"])
    table["activity"] = _ratio(table["input"], table["headcount"])
    return table.astype({"input": "int64", "successful": "int64", "headcount": "int64"})


def _ratio(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    num = numerator.to_numpy(dtype="float64")
    den = denominator.to_numpy(dtype="float64")
    out = np.full(len(num), np.nan)
    np.divide(num, den, out=out, where=den > 0)
    return pd.Series(out, index=numerator.index)


def _empty_table(columns: list[str]) -> pd.DataFrame:
    dtypes = {
        "input": "int64",
        "successful": "int64",
        "headcount": "int64",
        "conversion": "float64",
        "productivity": "float64",
        "activity": "float64",
    }
    return pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, object)) for c in columns})
