"""Which header feeds which canonical field: CRM presets, header synonyms, ``--column`` overrides.

Headers are compared by ``header_key`` (case, spaces, punctuation and ё/е ignored). The
precedence is ``columns`` (from ``--column FIELD=HEADER``) > the chosen preset > auto-detection,
field by field; a header used by a stronger rule is not reused by a weaker one. ``text`` is the
one field that joins several headers (HubSpot's "Closed Lost Reason" + "Notes"). When
``--column stage=`` moves the stage elsewhere, the CRM's own stage column feeds ``outcome``.

Preset names are the headers these CRMs write in their deal exports (Russian and English
interfaces; HubSpot has no Russian interface). Synonyms are the generic names people give
columns in hand-made tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from salesmine.errors import ConfigError, InputError
from salesmine.records import NOTE_FIELDS, OPTIONAL_NOTE_FIELDS

FIELDS = (*NOTE_FIELDS, *OPTIONAL_NOTE_FIELDS)
JOINED_FIELDS = ("text",)
# Fields whose synonyms may also match a header with one extra word ("Ответственный менеджер");
# not id/client/amount, where "ID компании" or "Сумма скидки" would be wrong guesses.
LOOSE_FIELDS = ("date", "manager", "department", "branch", "stage", "outcome", "crm_reason", "text")

PRESETS: dict[str, dict[str, tuple[str, ...]]] = {
    "bitrix24": {
        "id": ("ID",),
        "date": ("Дата создания", "Created"),
        "manager": ("Ответственный", "Responsible"),
        "department": ("Подразделение", "Department"),
        "stage": ("Стадия сделки", "Стадия", "Stage"),
        "text": ("Комментарий", "Comment"),
        "crm_reason": ("Причина отказа",),
        "client": ("Компания", "Company"),
        "amount": ("Сумма", "Amount"),
    },
    "amocrm": {
        "id": ("ID",),
        "date": ("Дата создания", "Date created", "Created"),
        "manager": ("Ответственный", "Responsible user", "Responsible"),
        "stage": ("Статус", "Этап сделки", "Status", "Stage"),
        "text": ("Примечание", "Note"),
        "crm_reason": ("Причина отказа", "Loss reason"),
        "client": ("Компания", "Company"),
        "amount": ("Бюджет", "Budget"),
    },
    "hubspot": {
        "id": ("Record ID", "Deal ID"),
        "date": ("Create Date",),
        "manager": ("Deal owner",),
        "department": ("Team", "HubSpot Team"),
        "branch": ("Business Unit",),
        "stage": ("Deal Stage",),
        # Closed Lost Reason is a free-text property in HubSpot: it is what the rep wrote.
        "text": ("Closed Lost Reason", "Notes", "Deal Description", "Description"),
        "client": ("Associated Company", "Company name"),
        "amount": ("Amount",),
    },
}

SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": ("ID", "№", "Номер", "Номер сделки", "ИД", "Код", "ID сделки", "ИД сделки", "ID лида",
           "Номер заявки", "Deal ID", "Record ID", "Lead ID", "Number"),
    "date": ("Дата", "Дата создания", "Дата сделки", "Дата обращения", "Дата звонка", "Создана",
             "Date", "Created", "Create Date", "Created at", "Date created", "Created date"),
    "manager": ("Менеджер", "Ответственный", "Сотрудник", "Продавец", "Агент", "ФИО менеджера",
                "Manager", "Owner", "Deal owner", "Responsible", "Sales rep", "Rep", "Agent",
                "Salesperson", "Employee"),
    "department": ("Отдел", "Подразделение", "Отдел продаж", "Команда", "Department", "Dept",
                   "Team", "Division", "Sales team"),
    "branch": ("Филиал", "Офис", "Регион", "Город", "Представительство", "Branch", "Office",
               "Region", "City", "Location", "Business Unit"),
    "stage": ("Этап", "Стадия", "Стадия сделки", "Этап сделки", "Этап воронки", "Статус сделки",
              "Статус", "Stage", "Deal stage", "Pipeline stage", "Status", "Deal status"),
    "outcome": ("Результат", "Итог", "Исход", "Результат сделки", "Outcome", "Result",
                "Won/Lost", "Win/Loss"),
    "text": ("Комментарий", "Комментарии", "Коммент", "Комментарий менеджера", "Примечание",
             "Примечания",
             "Заметка", "Заметки", "Описание", "Текст", "Comment", "Comments", "Note", "Notes",
             "Description", "Text"),
    "crm_reason": ("Причина отказа", "Причина проигрыша", "Причина закрытия", "Причина",
                   "Closed Lost Reason", "Loss Reason", "Lost reason", "Reason lost", "Reason"),
    "client": ("Клиент", "Компания", "Контрагент", "Организация", "Название компании", "Client",
               "Company", "Customer", "Account", "Organization", "Associated Company"),
    "amount": ("Сумма", "Бюджет", "Сумма сделки", "Стоимость", "Amount", "Budget", "Value",
               "Deal amount"),
    "product": ("Продукт", "Товар", "Услуга", "Товары", "Продукты", "Product", "Products",
                "Product name", "Service"),
}


@dataclass(frozen=True)
class ColumnMap:
    """Headers feeding each canonical field, and which rule chose them."""

    headers: dict[str, tuple[str, ...]]
    origin: dict[str, str]  # field -> "column" | "preset" | "auto"

    def describe(self) -> dict[str, str]:
        """{field: "Header"} with joined headers as ``"A + B"``, for the mapping report."""
        return {f: " + ".join(h) for f, h in self.headers.items()}


_DOTTED = re.compile(r"\w+(?:\.\w+)+")  # nested JSON keys flattened by the reader


def header_key(name: str) -> str:
    """Compare headers ignoring case, spaces, punctuation and ё/е."""
    return re.sub(r"[\W_]+", "", name.lower().replace("ё", "е"))


def _words(name: str) -> set[str]:
    return set(re.findall(r"\w+", name.lower().replace("ё", "е")))


def map_columns(
    headers: Sequence[str],
    source: str,
    *,
    preset: str = "auto",
    columns: Mapping[str, str] | None = None,
) -> ColumnMap:
    """Decide which header(s) feed each canonical field of a notes table."""
    if preset != "auto" and preset not in PRESETS:
        raise ConfigError(f"unknown preset {preset!r} — use auto, {', '.join(PRESETS)}")
    found: dict[str, tuple[str, ...]] = {}
    origin: dict[str, str] = {}
    for field, names in _explicit(headers, source, columns or {}).items():
        found[field], origin[field] = names, "column"
    rules = [(PRESETS[preset], "preset", False)] if preset != "auto" else []
    rules += [(_auto_names(), "auto", False), (SYNONYMS, "auto", True)]
    for names_by_field, rule, loose in rules:
        used = {h for hs in found.values() for h in hs}
        free = [h for h in headers if h not in used]
        for field, names in _match(free, names_by_field, loose, skip=found).items():
            found[field], origin[field] = names, rule
    if origin.get("stage") == "column" and "outcome" not in found:
        _outcome_from_displaced_stage(headers, found, origin)
    if preset == "auto":
        _reason_out_of_text(headers, found, origin)
    ordered = {f: found[f] for f in FIELDS if f in found}
    return ColumnMap(ordered, {f: origin[f] for f in ordered})


def _outcome_from_displaced_stage(
    headers: Sequence[str], found: dict[str, tuple[str, ...]], origin: dict[str, str]
) -> None:
    """When ``--column stage=`` points at a custom column ("Последний пройденный этап"), the CRM's
    own stage column still holds the final statuses ("Сделка успешна"): it feeds ``outcome``."""
    used = {h for hs in found.values() for h in hs}
    free = [h for h in headers if h not in used]
    names = {"stage": _auto_names()["stage"]}
    displaced = _match(free, names, loose=False, skip={}).get("stage")
    if displaced:
        found["outcome"], origin["outcome"] = displaced, "auto"


# Headers only a HubSpot deal export has; there "Closed Lost Reason" is what the rep wrote.
_HUBSPOT_MARKERS = ("Deal Stage", "Record ID", "Deal owner", "Create Date", "HubSpot Team")


def _reason_out_of_text(
    headers: Sequence[str], found: dict[str, tuple[str, ...]], origin: dict[str, str]
) -> None:
    """Outside HubSpot, "Closed Lost Reason" next to a comment column is the CRM's dropdown: it
    feeds ``crm_reason`` rather than being glued to the note. It never leaves ``text`` empty."""
    text = found.get("text", ())
    if "crm_reason" in found or origin.get("text") != "auto" or len(text) < 2:
        return
    if any(find_header(headers, [m]) for m in _HUBSPOT_MARKERS):
        return
    names = {"crm_reason": SYNONYMS["crm_reason"]}
    reason = _match(list(text), names, loose=False, skip={}).get("crm_reason")
    if reason:
        found["text"] = tuple(h for h in text if h not in reason)
        found["crm_reason"], origin["crm_reason"] = reason, "auto"


def _auto_names() -> dict[str, tuple[str, ...]]:
    """Every preset's names, then the synonyms: what auto-detection matches exactly."""
    merged: dict[str, tuple[str, ...]] = {}
    for table in (*PRESETS.values(), SYNONYMS):
        for field, names in table.items():
            merged[field] = (*merged.get(field, ()), *names)
    return merged


def _match(
    headers: Sequence[str],
    names_by_field: Mapping[str, Sequence[str]],
    loose: bool,
    skip: Mapping[str, object],
) -> dict[str, tuple[str, ...]]:
    """Headers matching each field's names, in the names' order of preference."""
    result: dict[str, tuple[str, ...]] = {}
    taken: set[str] = set()
    for field in FIELDS:
        if field in skip or field not in names_by_field or (loose and field not in LOOSE_FIELDS):
            continue
        hits = [h for name in names_by_field[field] for h in headers
                if h not in taken and _same(h, name, loose, joined=field in JOINED_FIELDS)]
        hits = list(dict.fromkeys(hits))
        if hits:
            result[field] = tuple(hits) if field in JOINED_FIELDS else (hits[0],)
            taken.update(result[field])
    return result


def _same(header: str, name: str, loose: bool, joined: bool) -> bool:
    if loose:
        # One extra word at most: "Ответственный менеджер" is the manager, but
        # "Closed Won Reason" is not the loss reason.
        want, have = _words(name), _words(header)
        return want <= have and len(have - want) <= 1
    want = header_key(name)
    for key in _exact_keys(header):
        # amoCRM-style numbered note columns ("Примечание 2") join the text too.
        if key == want or (joined and key.rstrip("0123456789") == want):
            return True
    return False


def _exact_keys(header: str) -> tuple[str, ...]:
    """The header's key, and for a flattened JSON key ("properties.dealstage") its last part."""
    if _DOTTED.fullmatch(header):
        return header_key(header), header_key(header.rsplit(".", 1)[1])
    return (header_key(header),)


def _explicit(
    headers: Sequence[str], source: str, columns: Mapping[str, str]
) -> dict[str, tuple[str, ...]]:
    """Resolve ``--column FIELD=HEADER`` (``text`` may be ``"A+B"``) against the file's headers."""
    resolved: dict[str, tuple[str, ...]] = {}
    for field, spec in columns.items():
        if field not in FIELDS:
            raise ConfigError(f"--column {field}=...: unknown field {field!r} — "
                              f"use one of {', '.join(FIELDS)}")
        parts = [spec] if find_header(headers, [spec]) else spec.split("+")
        found = [find_header(headers, [p.strip()]) for p in parts]
        missing = [p.strip() for p, h in zip(parts, found, strict=True) if h is None]
        if missing:
            raise InputError(f"{source}: --column {field}={spec!r}: no header {missing[0]!r} — "
                             f"headers are: {_listing(headers)}")
        resolved[field] = tuple(h for h in found if h is not None)
    return resolved


def find_header(headers: Iterable[str], names: Iterable[str]) -> str | None:
    """The first header equal to one of ``names`` (exact first, then ignoring case/punctuation)."""
    headers = list(headers)
    for name in names:
        if name in headers:
            return name
        hits = [h for h in headers if header_key(h) == header_key(name) and header_key(name)]
        if hits:
            return hits[0]
    return None


def _listing(headers: Sequence[str], limit: int = 15) -> str:
    shown = ", ".join(repr(h) for h in headers[:limit])
    return shown + (f" and {len(headers) - limit} more" if len(headers) > limit else "")


def missing_columns_message(source: str, headers: Sequence[str]) -> str:
    """The error for a notes table with neither a text nor a stage column."""
    return (f"{source}: no column for the note text or the deal stage "
            f"(headers: {_listing(headers)}) — "
            'name one with --column text="<header>" or --column stage="<header>"')
