"""Interface text of every page, key -> (ru, en): the keys all pages share and the overview's
here, each other page's in its own module (``funnel_text``, ``refusals_text``, ``managers_text``,
``process_text``).

``STRINGS`` merges them and refuses a key defined twice. A key missing in the merged table fails the
render (StrictUndefined), and every key holds both languages, so no page can show a blank where
text belongs in one language only.
"""

from __future__ import annotations

from salesmine.report.funnel_text import FUNNEL_STRINGS
from salesmine.report.managers_text import MANAGERS_STRINGS
from salesmine.report.process_text import PROCESS_STRINGS
from salesmine.report.refusals_text import REFUSALS_STRINGS

SHARED_STRINGS: dict[str, tuple[str, str]] = {
    "contents": ("Содержание", "Contents"),
    "notes_word": ("заметок", "notes"),
    "refusals_word": ("отказов", "refusals"),
    "counts_table": ("Таблица: числа по причинам", "Table: counts by reason"),
    "share": ("Доля", "Share"),
    "deal": ("Сделка", "Deal"),
    "flags": ("Отметки", "Flags"),
    "note_quote": ("Заметка (решающая фраза выделена)", "Note (the deciding clause marked)"),
    "outcome_won": ("выиграна", "won"),
    "outcome_lost": ("проиграна", "lost"),
    "outcome_open": ("открыта", "open"),
    "flag_refusal": ("отказ", "refusal"),
    "flag_error": ("ошибка менеджера", "manager error"),
    "flag_unclear": ("причина не выяснена", "reason unclarified"),
    "flag_review": ("проверить", "review"),
    "manager_errors": ("Ошибки менеджеров", "Manager errors"),
    "unclarified": ("Причина не выяснена", "Reason unclarified"),
    "needs_review": ("Нужна проверка", "Needs review"),
    "no_interview": ("Интервью нет", "No interview"),
}

OVERVIEW_STRINGS: dict[str, tuple[str, str]] = {
    "index_title": ("Отчёт по продажам", "Sales report"),
    "n_interviews": ("{n} интервью", "{n} interviews"),
    "reason_from_text": ("причина — из текста заметки", "the reason read from the note"),
    "attention_title": ("Что требует внимания", "What needs attention"),
    "attention_none": ("Ничего тревожного не найдено.", "Nothing alarming found."),
    "attention_errors": (
        "{manager}: {cases} «у нас нет», хотя в каталоге есть ({said})",
        "{manager}: {cases} of “we don't have it” while the catalog has it ({said})",
    ),
    "attention_unclarified": (
        "{manager}: причина не выяснена в {k} из {n} отказов ({rate}; по команде {team})",
        "{manager}: the reason is unknown in {k} of {n} refusals ({rate}; team {team})",
    ),
    "attention_unclarified_all": (
        "Отказов без выясненной причины: {k} ({share})",
        "Refusals whose reason was never found out: {k} ({share})",
    ),
    "attention_crm": (
        "В CRM у {share} отказов ({n}) причина «Другое» или не выбрана — настоящая причина есть "
        "в тексте заметок",
        "The CRM says “Other” or nothing for {share} of refusals ({n}) — the real reason is in "
        "the notes",
    ),
    "attention_top_reason": (
        "Главная причина отказов — «{reason}»: {k} из {n} ({share})",
        "The top refusal reason is “{reason}”: {k} of {n} ({share})",
    ),
    "attention_review": ("Заметок для ручной проверки: {n}", "Notes worth a manual check: {n}"),
    "attention_candidates": ("Кандидатов в новые причины: {n}", "Candidate new reasons: {n}"),
    "attention_process": (
        "Основной шаг «{step}» не упомянули {k} из {n} сотрудников",
        "{k} of {n} employees did not mention the core step “{step}”",
    ),
    "attention_funnel": (
        "Самая низкая конверсия — «{a} → {b}»: {rate}",
        "The lowest conversion is “{a} → {b}”: {rate}",
    ),
    "more_pages": ("Подробнее", "Details"),
    "tile_refusals": (
        "Для директора: причины по филиалам, отделам и менеджерам, динамика, выпадающий список CRM "
        "против заметок, ошибки менеджеров с цитатами.",
        "For the director: reasons by branch, department and manager, the trend, the CRM dropdown "
        "against the notes, manager errors with quotes.",
    ),
    "tile_managers": (
        "Для руководителя обучения: карточка на каждого — конверсия против команды, ошибки, "
        "пробелы в процессе и темы обучения.",
        "For the training lead: a card per person — conversion against the team, errors, process "
        "gaps and training topics.",
    ),
    "tile_process": (
        "Общий процесс продаж из интервью: карта, шаги с цитатами, варианты порядка, кто что "
        "пропустил.",
        "The common sales process from the interviews: the map, steps with quotes, order "
        "variants, who skipped what.",
    ),
    "tile_funnel": (
        "Воронка: конверсия, производительность и активность по этапам и группам.",
        "The funnel: conversion, productivity and activity per stage and group.",
    ),
}


def _merge(*tables: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for table in tables:
        twice = sorted(merged.keys() & table.keys())
        if twice:
            raise RuntimeError(f"text keys defined twice: {twice}")
        merged.update(table)
    return merged


# Every page but the funnel's (kept for callers that want only those).
PAGE_STRINGS = _merge(
    SHARED_STRINGS, REFUSALS_STRINGS, MANAGERS_STRINGS, PROCESS_STRINGS, OVERVIEW_STRINGS
)
STRINGS = _merge(FUNNEL_STRINGS, PAGE_STRINGS)
