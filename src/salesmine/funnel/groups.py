"""Which group and period each deal counts in: levels in their canonical order, the
``" / "``-joined group paths, month / ISO week labels."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from salesmine.config import LEVELS
from salesmine.errors import ConfigError

COMPANY_GROUP = "all"
MISSING_GROUP = "—"
GROUP_SEPARATOR = " / "


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
