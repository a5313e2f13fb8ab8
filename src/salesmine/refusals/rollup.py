"""Per-manager (and per department / branch) rollup of refusals, manager errors and unclarified
refusals, with Wilson intervals, the team median, and the quotes behind every error.

A rate from a handful of refusals says nothing about a person: groups with fewer than
``min_deals`` refusals are shown with ``too_small = 1`` and get no rank.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

LEVELS = ("manager", "department", "branch")
KNOWN_LEVELS = ("company", *LEVELS)
Z95 = 1.959963984540054  # two-sided 95 % normal quantile
# rate column -> (numerator, denominator)
RATES = {
    "refusal_rate": ("refusals", "deals"),
    "error_rate": ("manager_errors", "refusals"),
    "unclarified_rate": ("unclarified", "refusals"),
}
QUOTE_SEPARATOR = " | "
_NOT_REFUSAL = ("not_refusal", "")


def wilson_interval(successes: int, trials: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for a proportion; (nan, nan) when there are no trials."""
    if trials <= 0:
        return math.nan, math.nan
    p = successes / trials
    denom = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denom
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def manager_rollup(
    classified: pd.DataFrame, *, min_deals: int = 10, levels: Sequence[str] = LEVELS
) -> pd.DataFrame:
    """One row per manager / department / branch (``level``, ``group``) with deals, refusals,
    manager errors and unclarified refusals, their rates per refusal with 95 % Wilson intervals,
    the team median of each rate (over groups big enough to compare), ``too_small`` and ranks.

    ``classified`` is a ``classify_refusals`` result (with ``catalog``); a refusal is a row whose
    reason is not ``not_refusal``. Manager errors count on refusals; errors noted on won or open
    deals are counted apart in ``manager_errors_other`` (a rate per refusal must not exceed 1).
    """
    flags = _flags(classified)
    frames = [_level_table(flags, level, min_deals) for level in _levels(flags, levels)]
    columns = _columns()
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]


def error_quotes(classified: pd.DataFrame) -> pd.DataFrame:
    """Every manager error with who, where and the words that prove it (for the quotes table)."""
    flags = _flags(classified)
    rows = flags[flags["manager_error"] == 1]
    keep = [
        c
        for c in (
            "manager",
            "department",
            "branch",
            "id",
            "source",
            "row",
            "date",
            "outcome",
            "reason",
            "mentioned_product",
            "catalog_match",
            "claim_source",
            "quote",
        )
        if c in rows.columns
    ]
    return rows[keep].reset_index(drop=True)


def _flags(classified: pd.DataFrame) -> pd.DataFrame:
    """The columns the rollup needs, normalised: text columns as str, flags as 0/1 ints."""
    out = pd.DataFrame(index=classified.index)
    for column in (
        "manager",
        "department",
        "branch",
        "id",
        "source",
        "row",
        "date",
        "outcome",
        "reason",
        "mentioned_product",
        "catalog_match",
        "claim_source",
    ):
        values = (
            classified[column] if column in classified.columns else pd.Series("", index=out.index)
        )
        out[column] = ["" if pd.isna(v) else str(v).strip() for v in values]
    for column in ("manager_error", "reason_unclarified"):
        values = (
            classified[column] if column in classified.columns else pd.Series(0, index=out.index)
        )
        out[column] = [0 if pd.isna(v) else int(v) for v in values]
    out["company"] = "all"
    if "reason" in classified.columns:
        out["refusal"] = (~out["reason"].isin(_NOT_REFUSAL)).astype(int)
    else:
        out["refusal"] = (out["outcome"].str.lower() == "lost").astype(int)
    if "claim_evidence" in classified.columns:
        quote = classified["claim_evidence"]
    elif "evidence" in classified.columns:
        quote = classified["evidence"]
    else:
        quote = pd.Series("", index=classified.index)
    out["quote"] = ["" if pd.isna(q) else str(q) for q in quote]
    return out.reset_index(drop=True)


def _levels(flags: pd.DataFrame, levels: Sequence[str]) -> list[str]:
    unknown = [lv for lv in levels if lv not in KNOWN_LEVELS]
    if unknown:
        raise ValueError(f"unknown rollup level(s) {unknown}; use {', '.join(KNOWN_LEVELS)}")
    return [lv for lv in levels if lv == "company" or flags[lv].ne("").any()]


def _level_table(flags: pd.DataFrame, level: str, min_deals: int) -> pd.DataFrame:
    rows = []
    for group, part in flags.groupby(level, sort=True):
        refused = part[part["refusal"] == 1]
        errors = refused[refused["manager_error"] == 1]
        row = {
            "level": level,
            "group": group or "(none)",
            "department": _usual(part, "department") if level == "manager" else "",
            "branch": _usual(part, "branch")
            if level == "manager"
            else _only(part, "branch")
            if level == "department"
            else "",
            "deals": len(part),
            "refusals": len(refused),
            "manager_errors": len(errors),
            "manager_errors_other": int(
                ((part["manager_error"] == 1) & (part["refusal"] == 0)).sum()
            ),
            "unclarified": int((refused["reason_unclarified"] == 1).sum()),
            "too_small": int(len(refused) < min_deals),
            "quotes": QUOTE_SEPARATOR.join(_quote(r) for r in errors.itertuples()),
        }
        for rate, (num, den) in RATES.items():
            row[rate] = round(row[num] / row[den], 4) if row[den] else math.nan
            low, high = wilson_interval(row[num], row[den])
            row[f"{rate}_low"], row[f"{rate}_high"] = round(low, 4), round(high, 4)
        rows.append(row)
    table = pd.DataFrame(rows)
    return _rank(_with_medians(table))


def _usual(part: pd.DataFrame, column: str) -> str:
    values = part[column][part[column] != ""]
    return str(values.mode().iloc[0]) if len(values) else ""


def _only(part: pd.DataFrame, column: str) -> str:
    """The value when the whole group shares one (a department inside a single branch)."""
    values = set(part[column]) - {""}
    return values.pop() if len(values) == 1 else ""


def _quote(row: object) -> str:
    ident = getattr(row, "id", "") or f"{getattr(row, 'source', '')}:{getattr(row, 'row', '')}"
    return f"{ident}: «{getattr(row, 'quote', '')}»"


def _with_medians(table: pd.DataFrame) -> pd.DataFrame:
    """Team median of each rate over the groups big enough to compare (all, if none is)."""
    comparable = table[table["too_small"] == 0]
    basis = comparable if len(comparable) else table
    for rate in RATES:
        table[f"team_median_{rate}"] = round(float(basis[rate].median()), 4)
    return table


def _rank(table: pd.DataFrame) -> pd.DataFrame:
    """Rank 1 = the highest rate, among comparable groups only; too-small groups stay unranked."""
    comparable = table["too_small"] == 0
    for rate, name in (("error_rate", "error_rank"), ("unclarified_rate", "unclarified_rank")):
        ranks = table.loc[comparable, rate].rank(method="min", ascending=False)
        table[name] = pd.array([pd.NA] * len(table), dtype="Int64")
        table.loc[comparable, name] = ranks.astype("Int64")
    order = table.assign(_small=table["too_small"], _rate=-table["error_rate"].fillna(-1))
    order = order.sort_values(["_small", "_rate", "group"], kind="stable")
    return table.loc[order.index].reset_index(drop=True)


def _columns() -> list[str]:
    columns = [
        "level",
        "group",
        "department",
        "branch",
        "deals",
        "refusals",
        "manager_errors",
        "manager_errors_other",
        "unclarified",
    ]
    for rate in RATES:
        columns += [rate, f"{rate}_low", f"{rate}_high", f"team_median_{rate}"]
    return [*columns, "too_small", "error_rank", "unclarified_rank", "quotes"]
