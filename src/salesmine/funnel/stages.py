"""Notes -> one row per deal with the furthest stage it reached (``StagedDeals``).

Stage values are matched (see ``stage_lists``) against the ordered stage list, then the user's
aliases, then the built-in CRM terminal statuses:
a won status ("Сделка успешна", "Closed Won") is the last stage; a lost status ("Сделка провалена",
"Closed Lost") says the deal ended but not where, so the deal counts at the first stage only and a
warning asks for the real last stage (``--column stage="Последний пройденный этап"``). An empty
stage is treated the same way. Any other value is rejected with its file and row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import pandas as pd

from salesmine.config import Settings
from salesmine.errors import InputError
from salesmine.funnel.event_log import collapse_events
from salesmine.funnel.stage_lists import (
    LOST_STATUSES,
    PRESET_STAGES,
    STAGE_UNMATCHED,
    WON_STATUSES,
    guess_stage_preset,
    normalize_stage,
    resolve_stages,
    stage_codes,
)
from salesmine.records import Rejection

DEAL_COLUMNS = ("source", "row", "id", "date", "manager", "department", "branch", "outcome",
                "stage", "stage_index", "stage_known")


@dataclass(frozen=True)
class StagedDeals:
    """One row per deal (columns ``DEAL_COLUMNS``) with the index of the furthest stage reached."""

    frame: pd.DataFrame
    stages: tuple[str, ...]
    rejected: tuple[Rejection, ...]
    warnings: tuple[str, ...]
    n_input: int  # note rows given; n_input = rows used + len(rejected)


def assign_stages(
    notes: pd.DataFrame,
    stages: Sequence[str],
    *,
    events: bool = False,
    aliases: Mapping[str, str] | None = None,
) -> StagedDeals:
    """Turn a notes frame into one row per deal with its furthest stage.

    Args:
        notes: a frame with ``records.NOTE_COLUMNS`` (at least id, stage, outcome, manager, ...).
        stages: the ordered stage names (see ``resolve_stages``).
        events: each row is one stage a deal reached (an event log keyed by ``id``), instead of
            one row per deal holding its furthest stage.
        aliases: CRM stage value -> stage name, ``"won"`` or ``"lost"``, for values not in the list.
    """
    stages = tuple(stages)
    _check_columns(notes)
    if len(notes) and not has_stage_values(notes):
        sources = ", ".join(dict.fromkeys(str(v) for v in notes["source"]))
        raise InputError(
            f"{sources}: no stage values — map the stage column with --column stage=HEADER"
        )
    frame = notes.copy()
    frame["stage"] = frame["stage"].fillna("").astype(str)
    frame["stage_index"] = stage_codes(frame["stage"], stages, aliases)
    frame["outcome"] = _outcome_from_status(frame["stage"], frame["outcome"])
    bad = frame["stage_index"] == STAGE_UNMATCHED
    rejected = _unmatched_rejections(frame[bad], stages)
    warnings = _unmatched_warning(frame[bad])
    frame = frame[~bad]
    if events:
        frame, event_rejected = collapse_events(frame)
        rejected += event_rejected
    frame = frame.assign(stage_known=frame["stage_index"] >= 0)
    frame["stage_index"] = frame["stage_index"].clip(lower=0)
    warnings += _unknown_end_warning(frame[~frame["stage_known"]], stages)
    frame["stage"] = [stages[i] for i in frame["stage_index"]]
    for column in ("manager", "department", "branch", "outcome", "id"):
        frame[column] = frame[column].fillna("").astype(str).str.strip()
    deals = frame.loc[:, list(DEAL_COLUMNS)].reset_index(drop=True)
    return StagedDeals(deals, stages, tuple(rejected), tuple(warnings), len(notes))


def has_stage_values(notes: pd.DataFrame) -> bool:
    """Whether any row of the notes names a stage (a funnel needs them)."""
    return "stage" in notes and bool(notes["stage"].fillna("").astype(str).str.strip().ne("").any())


def _outcome_from_status(stage: pd.Series, outcome: pd.Series) -> pd.Series:
    """Fill an empty outcome from a closing status in the stage column ("Сделка успешна": won)."""
    status = {
        v: (
            "won"
            if normalize_stage(v) in WON_STATUSES
            else "lost"
            if normalize_stage(v) in LOST_STATUSES
            else ""
        )
        for v in stage.unique()
    }
    outcome = outcome.fillna("").astype(str).str.strip()
    return outcome.where(outcome != "", stage.map(status).astype(str))


def stage_deals(notes: pd.DataFrame, settings: Settings) -> StagedDeals:
    """``assign_stages`` with the stage list, aliases and event mode the settings name.

    With no stage list and no preset, the default list whose stages the data's values match
    best is used (an amoCRM or HubSpot export read without ``--preset``), with a warning.
    """
    preset, note = settings.input.preset, []
    if not settings.funnel.stages and preset == "auto" and "stage" in notes:
        preset = guess_stage_preset(notes["stage"], settings.funnel.aliases)
        if preset != "auto":
            note = [
                f"no stage list given: the stage values are {preset}'s default pipeline "
                f"({', '.join(PRESET_STAGES[preset])}), used as the stages — "
                "set your own with --stages"
            ]
    stages = resolve_stages(settings.funnel.stages, preset)
    deals = assign_stages(
        notes, stages, events=settings.funnel.events, aliases=settings.funnel.aliases
    )
    return replace(deals, warnings=(*note, *deals.warnings)) if note else deals


def require_deals(
    deals: StagedDeals, n_input: int | None = None, rejected: Sequence[Rejection] = ()
) -> StagedDeals:
    """``deals`` unchanged when any deal is left; else an InputError naming the first rejection.

    Args:
        n_input: rows read before ``rejected`` (from ``load_notes``); default ``deals.n_input``.
        rejected: rows rejected before staging (``NotesLoad.rejected``).
    """
    if len(deals.frame):
        return deals
    every = [*rejected, *deals.rejected]
    total = deals.n_input if n_input is None else n_input
    if not every:
        raise InputError("no deals in the input — pass a CRM export with rows")
    first = every[0]
    raise InputError(
        f"{first.source}: none of the {total} row(s) can be used, e.g. row {first.row}: "
        f"{first.reason}"
    )


def _check_columns(notes: pd.DataFrame) -> None:
    needed = ("source", "row", "id", "date", "manager", "department", "branch", "stage", "outcome")
    missing = [c for c in needed if c not in notes.columns]
    if missing:
        raise InputError(
            f"notes frame lacks column(s) {', '.join(missing)}; load it with ingest.load_notes"
        )


def _unmatched_rejections(rows: pd.DataFrame, stages: Sequence[str]) -> list[Rejection]:
    allowed = ", ".join(stages)
    return [
        Rejection(
            str(source),
            int(row),
            f"stage {value!r} is not one of: {allowed} "
            "(add it to --stages or map it under [funnel.aliases] in salesmine.toml)",
        )
        for source, row, value in zip(rows["source"], rows["row"], rows["stage"], strict=True)
    ]


def _unmatched_warning(rows: pd.DataFrame) -> list[str]:
    if rows.empty:
        return []
    counts = Counter(str(v) for v in rows["stage"])
    listed = ", ".join(f"{value!r} ({n})" for value, n in counts.most_common(10))
    more = f" and {len(counts) - 10} more" if len(counts) > 10 else ""
    return [f"{len(rows)} row(s) rejected: stage values not in the stage list: {listed}{more}"]


def _unknown_end_warning(rows: pd.DataFrame, stages: Sequence[str]) -> list[str]:
    if rows.empty:
        return []
    where = ", ".join(f"{s}:{r}" for s, r in zip(rows["source"][:5], rows["row"][:5], strict=True))
    more = ", ..." if len(rows) > 5 else ""
    seen = Counter(str(v) for v in rows["stage"] if str(v).strip())
    status = f" such as {seen.most_common(1)[0][0]!r}" if seen else ""
    return [
        f"{len(rows)} deal(s) have an empty stage or only a closing status{status} "
        f"({where}{more}): where they stopped is unknown, so they count as "
        f"reaching {stages[0]!r} only. Give the column holding the last stage passed, e.g. "
        '--column stage="Последний пройденный этап"'
    ]
