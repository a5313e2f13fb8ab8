"""The ordered stage lists (the presets' and the user's) and how CRM stage values map onto them.

Stage values are compared case-, space- and punctuation-insensitively (``ё`` = ``е``); a value
becomes the index of its stage, or a code saying the deal's end is unknown or the value matches
nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import pandas as pd

from salesmine.errors import ConfigError
from salesmine.ingest.values import LOST, WON

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
