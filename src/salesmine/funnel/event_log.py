"""An event log (one row per stage a deal reached, keyed by deal id) -> one row per deal."""

from __future__ import annotations

import pandas as pd

from salesmine.records import Rejection


def collapse_events(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[Rejection]]:
    """One row per deal id: furthest known stage, best outcome, owner at the furthest stage."""
    no_id = frame["id"].fillna("").astype(str).str.strip() == ""
    rejected = [
        Rejection(
            str(s), int(r), "event log row without a deal id (map one with --column id=HEADER)"
        )
        for s, r in zip(frame.loc[no_id, "source"], frame.loc[no_id, "row"], strict=True)
    ]
    frame = frame[~no_id].copy()
    if frame.empty:
        return frame, rejected
    # Reaching a later stage means passing the earlier ones, even when the log skips a row.
    frame["_order"] = range(len(frame))
    ranked = frame.sort_values(["stage_index", "_order"], kind="stable")
    deals = ranked.groupby("id", sort=False).tail(1).set_index("id")
    first = frame.groupby("id", sort=False)
    deals["source"] = first["source"].first()
    deals["row"] = first["row"].first()
    deals["date"] = first["date"].min()
    deals["outcome"] = first["outcome"].agg(_deal_outcome)
    deals = deals.reset_index().sort_values("_order", kind="stable")
    return deals.drop(columns="_order"), rejected


_OUTCOME_RANK = {"won": 3, "lost": 2, "open": 1}


def _deal_outcome(values: pd.Series) -> str:
    """A deal won at any event is won; else lost; else open; else unknown ("")."""
    best = max((str(v) for v in values.dropna()), key=lambda v: _OUTCOME_RANK.get(v, 0), default="")
    return best if best in _OUTCOME_RANK else ""
