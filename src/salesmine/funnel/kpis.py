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
from salesmine.errors import ConfigError
from salesmine.funnel.stages import StagedDeals, assign_stages
from salesmine.records import Person

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
COMPANY_GROUP = "all"
MISSING_GROUP = "—"
GROUP_SEPARATOR = " / "

Headcount = Sequence[Person] | Mapping[tuple[str, str], int] | None


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


def order_levels(by: Sequence[str] | str) -> tuple[str, ...]:
    """Validate ``by`` (a list or ``"branch,manager"``) and put it in the canonical level order."""
    if isinstance(by, str):
        by = [part.strip() for part in by.split(",") if part.strip()]
    unknown = [level for level in by if level not in LEVELS]
    if unknown or not by:
        raise ConfigError(f"--by {','.join(by)!r}: use any of {', '.join(LEVELS)}, comma-separated")
    return tuple(level for level in LEVELS if level in by)


def available_levels(frame: pd.DataFrame, by: Sequence[str]) -> tuple[str, ...]:
    """The requested levels whose column holds any value (the company level always).

    Raises ConfigError when none is left (``--by manager`` on an export without managers).
    """
    requested = order_levels(by)
    levels = tuple(
        level
        for level in requested
        if level == "company" or frame[level].fillna("").astype(str).str.strip().ne("").any()
    )
    if not levels:
        raise ConfigError(
            f"--by {','.join(requested)}: the data has no {' or '.join(requested)} values — "
            f"map the column with --column {requested[0]}=HEADER or add company to --by"
        )
    return levels


def group_labels(frame: pd.DataFrame, levels: Sequence[str], level: str) -> pd.Series:
    """Each row's group at ``level``: the ``" / "``-joined path over the requested levels."""
    if level == "company":
        return pd.Series(COMPANY_GROUP, index=frame.index, dtype=object)
    path = [name for name in levels if name != "company"]
    parts = [_clean(frame[name]) for name in path[: path.index(level) + 1]]
    label = parts[0]
    for part in parts[1:]:
        label = label + GROUP_SEPARATOR + part
    return label.astype(object)


def period_labels(dates: pd.Series, period: str) -> pd.Series:
    """``"2026-03"`` for a month, ISO ``"2026-W09"`` for a week; ``"—"`` without a date."""
    dates = pd.to_datetime(dates, errors="coerce")
    if period == "month":
        labels = dates.dt.strftime("%Y-%m")
    elif period == "week":
        labels = dates.dt.strftime("%G-W%V")
    else:
        raise ConfigError(f"--period {period!r}: use month or week")
    return labels.fillna(MISSING_GROUP).astype(object)


def period_warnings(deals: pd.DataFrame, period: str | None) -> list[str]:
    """Say how many deals have no date and land in the ``"—"`` period (all of them: no column)."""
    if period is None or deals.empty:
        return []
    missing = int(pd.to_datetime(deals["date"], errors="coerce").isna().sum())
    if missing == len(deals):
        return [f"no deal has a date, so --period {period} puts all of them under "
                f"{MISSING_GROUP!r} — map the date column with --column date=HEADER"]
    if missing:
        return [f"{missing} deal(s) without a date are counted under the period {MISSING_GROUP!r}"]
    return []


def _clean(values: pd.Series) -> pd.Series:
    text = values.fillna("").astype(str).str.strip()
    return text.where(text != "", MISSING_GROUP).astype(object)


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
    heads = _headcounts(frame, levels, level, keys, counts.index, headcount)
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


def _headcounts(
    frame: pd.DataFrame,
    levels: Sequence[str],
    level: str,
    keys: list[str],
    index: pd.Index,
    headcount: Headcount,
) -> np.ndarray:
    """Employees per group: distinct managers with deals plus the people table's staff of it."""
    people = (
        [] if headcount is None or isinstance(headcount, Mapping) else _in_process(headcount, frame)
    )
    canonical = _canonical_names(people)
    renames = {m: canonical.get(_name_key(m), m) for m in frame["manager"].unique()}
    managers = frame["manager"].map(renames)
    with_manager = frame.assign(_who=managers)[managers != ""]
    found = with_manager.groupby(keys)["_who"].agg(set).reindex(index)
    staff = _staff_by_group(people, levels, level)
    group_values = index.get_level_values(0) if isinstance(index, pd.MultiIndex) else index
    counts = [
        len((names if isinstance(names, set) else set()) | staff.get(_name_key(group), set()))
        for names, group in zip(found, group_values, strict=True)
    ]
    if isinstance(headcount, Mapping):
        counts = [
            int(headcount.get((level, str(g)), n))
            for n, g in zip(counts, group_values, strict=True)
        ]
    return np.asarray(counts, dtype="int64")


def _in_process(people: Sequence[Person], frame: pd.DataFrame) -> list[Person]:
    """The people of the departments (else branches) that have deals in the data.

    A people file lists the director, back office and other departments too; only the units
    that work the funnel count towards its headcount.
    """
    for column, attribute in (("department", "department"), ("branch", "branch")):
        units = {_name_key(v) for v in frame[column].unique() if str(v).strip()}
        if units:
            return [p for p in people if _name_key(getattr(p, attribute)) in units]
    return list(people)


def _staff_by_group(
    people: Sequence[Person], levels: Sequence[str], level: str
) -> dict[str, set[str]]:
    if not people:
        return {}
    table = pd.DataFrame(
        {
            "branch": [p.branch for p in people],
            "department": [p.department for p in people],
            "manager": [p.name for p in people],
        }
    )
    labels = group_labels(table, levels, level)
    staff: dict[str, set[str]] = {}
    for label, person in zip(labels, people, strict=True):
        staff.setdefault(_name_key(label), set()).add(person.name)
    return staff


def _canonical_names(people: Sequence[Person]) -> dict[str, str]:
    """Normalized name or alias -> the person's name: "Иванов И." and "иванов и" are one person."""
    names: dict[str, str] = {}
    for person in people:
        for alias in (person.name, *person.aliases):
            names.setdefault(_name_key(alias), person.name)
    return names


def _name_key(value: object) -> str:
    return " ".join(str(value).lower().replace("ё", "е").split())


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
