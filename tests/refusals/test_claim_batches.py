"""Claims of many notes across worker processes: the same answers, in the same order, as note
by note."""

from __future__ import annotations

from pathlib import Path

from salesmine.refusals.claim_batches import claims_of_notes
from salesmine.refusals.claims import claim_of, resolve_catalog

CATALOG = Path(__file__).resolve().parent.parent / "data" / "claims" / "catalog.csv"
NOTES = [
    ("Говорят, у вас нет ДМС для сотрудников, ушли", "ru"),
    ("Клиент думает, перезвонить в пятницу", "ru"),
    ("Пояснила, что КАСКО мы не делаем", "ru"),
    ("they said we don't do on-site training", "en"),
    ("", ""),
    ("нет бюджета до весны", "ru"),
    ("спросил про рассрочку — не знал что ответить", "ru"),
]


def test_workers_give_the_answers_of_one_process() -> None:
    index = resolve_catalog(CATALOG)
    texts, langs = [t for t, _ in NOTES], [lang for _, lang in NOTES]
    alone = [claim_of(t, index, lang or None) for t, lang in NOTES]
    shared = claims_of_notes(texts, langs, index, n_jobs=2, batch=3)
    assert shared == alone
    assert sum(c is not None for c in shared) >= 2  # the check compares real claims
