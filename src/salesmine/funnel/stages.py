"""Stage order, CRM stage value -> stage mapping, one row per deal with the furthest stage reached.

Stage values are matched case-, space- and punctuation-insensitively (``ё`` = ``е``) against the
ordered stage list, then the user's aliases, then the built-in CRM terminal statuses:
a won status ("Сделка успешна", "Closed Won") is the last stage; a lost status ("Сделка провалена",
"Closed Lost") says the deal ended but not where, so the deal counts at the first stage only and a
warning asks for the real last stage (``--column stage="Последний пройденный этап"``). An empty
stage is treated the same way. Any other value is rejected with its file and row.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import pandas as pd

from salesmine.config import Settings
from salesmine.errors import ConfigError, InputError
from salesmine.ingest.values import LOST, WON
from salesmine.records import Rejection

# Default stage lists: the article's process, and the default pipelines of the CRMs we read.
PRESET_STAGES: dict[str, tuple[str, ...]] = {
    "auto": ("Контакт", "Встреча назначена", "Встреча проведена", "КП отправлено", "Договор"),
    "bitrix24": (
        "Новая",
        "Подготовка документов",
        "Счёт на предоплату",
        "В работе",
        "Финальный счёт",
        "Сделка успешна",
    ),
    "amocrm": (
        "Первичный контакт",
        "Переговоры",
        "Принимают решение",
        "Согласование договора",
        "Успешно реализовано",
    ),
    "hubspot": (
        "Appointment Scheduled",
        "Qualified To Buy",
        "Presentation Scheduled",
        "Decision Maker Bought-In",
        "Contract Sent",
        "Closed Won",
    ),
}

_PUNCT = re.compile(r"[\W_]+")


def normalize_stage(value: object) -> str:
    """The form stage values are compared in: lowercase, ``ё`` -> ``е``, punctuation as spaces."""
    text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    return " ".join(_PUNCT.sub(" ", text.lower().replace("ё", "е")).split())


# Terminal statuses CRMs write in the stage column: the same words ingest reads as outcomes
# (HubSpot's internal ids too), so a stage value and its outcome never disagree.
WON_STATUSES = frozenset(normalize_stage(v) for v in WON)
LOST_STATUSES = frozenset(normalize_stage(v) for v in LOST)

# Codes for values that are not a stage index (indexes are >= 0).
STAGE_UNKNOWN_END = -1  # a lost status or an empty cell: the deal's furthest stage is not known
STAGE_UNMATCHED = -2  # a value matching nothing: the row is rejected

DEAL_COLUMNS = ("source", "row", "id", "date", "manager", "department", "branch", "outcome",
                "stage", "stage_index", "stage_known")


def resolve_stages(stages: Sequence[str] | str | None, preset: str = "auto") -> tuple[str, ...]:
    """The ordered stage list: ``stages`` (a list or ``"A,B,C"``) or the preset's default."""
    if isinstance(stages, str):
        stages = [part for part in stages.split(",")]
    names = tuple(s.strip() for s in (stages or ()) if s and s.strip())
    if not names:
        names = PRESET_STAGES.get(preset, PRESET_STAGES["auto"])
    keys = [normalize_stage(s) for s in names]
    duplicates = sorted({s for s, k in zip(names, keys, strict=True) if keys.count(k) > 1})
    if duplicates:
        raise ConfigError(f"stage list names {duplicates[0]!r} twice; give each stage once")
    if len(names) < 2:
        raise ConfigError(
            f'stage list {list(names)!r} needs at least two stages, e.g. --stages "Контакт,Договор"'
        )
    return names


@dataclass(frozen=True)
class StagedDeals:
    """One row per deal (columns ``DEAL_COLUMNS``) with the index of the furthest stage reached."""

    frame: pd.DataFrame
    stages: tuple[str, ...]
    rejected: tuple[Rejection, ...]
    warnings: tuple[str, ...]
    n_input: int  # note rows given; n_input = rows used + len(rejected)


def stage_codes(
    values: pd.Series, stages: Sequence[str], aliases: Mapping[str, str] | None = None
) -> pd.Series:
    """Stage values -> stage indexes, ``STAGE_UNKNOWN_END`` or ``STAGE_UNMATCHED`` (int Series)."""
    lookup = {normalize_stage(s): i for i, s in enumerate(stages)}
    for raw, target in (aliases or {}).items():
        key = normalize_stage(target)
        if key not in lookup and key not in ("lost", "won"):
            raise ConfigError(
                f"stage alias {raw!r} = {target!r}: {target!r} is not in the stage list"
            )
        lookup.setdefault(
            normalize_stage(raw),
            _terminal_code(key, len(stages)) if key in ("lost", "won") else lookup[key],
        )
    # HubSpot's API writes stage ids without spaces ("appointmentscheduled", "contractsent").
    compact = {key.replace(" ", ""): code for key, code in lookup.items()}
    codes: dict[object, int] = {}
    for value in values.unique():
        key = normalize_stage(value)
        code = lookup.get(key, compact.get(key.replace(" ", "")))
        codes[value] = _terminal_code(key, len(stages)) if code is None else code
    return values.map(codes).astype("int64")


def _terminal_code(key: str, n_stages: int) -> int:
    if key in WON_STATUSES:
        return n_stages - 1
    if key in LOST_STATUSES or key == "":
        return STAGE_UNKNOWN_END
    return STAGE_UNMATCHED


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
        frame, event_rejected = _collapse_events(frame)
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


def guess_stage_preset(values: pd.Series, aliases: Mapping[str, str] | None = None) -> str:
    """The ``PRESET_STAGES`` key whose list matches the most stage values (``auto`` on a tie)."""
    values = values.fillna("").astype(str)
    matched = {}
    for name, stages in PRESET_STAGES.items():
        try:
            codes = stage_codes(values, stages, aliases)
        except ConfigError:  # an alias names a stage of another list
            continue
        matched[name] = int((codes >= 0).sum())
    best = max(matched, key=lambda name: matched[name], default="auto")
    return "auto" if matched.get("auto", -1) >= matched.get(best, 0) else best


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


def _collapse_events(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[Rejection]]:
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
