"""discover_reasons: clusters of `other` / unsure notes with top terms and example quotes."""

import pandas as pd

from salesmine.refusals import discover_reasons
from salesmine.refusals.discover import DISCOVERED_COLUMNS

DUPLICATES = [
    "Дубль заявки, клиент уже в работе",
    "Дубль, заявка повторная",
    "Повторная заявка, дубль по ИНН",
    "Дубль лида из рекламы",
    "Дубль заявки с сайта",
]
JOBS = [
    "Соискатель, ищет работу менеджером",
    "Это соискатель, прислал резюме",
    "Соискатель: спрашивал про вакансию",
    "Ищет работу, резюме на вакансию водителя",
    "Соискатель по вакансии склада",
]
CONFIDENT = ["Дорого", "Выбрали конкурента", "Перезвонить весной"]


def _frame():
    texts = DUPLICATES + JOBS + CONFIDENT
    reasons = ["other"] * 5 + ["price"] * 5 + ["price", "competitor", "timing"]
    confidence = [0.9] * 5 + [0.3] * 5 + [0.95] * 3  # the job seekers are unsure, not `other`
    return pd.DataFrame({"text": texts, "reason": reasons, "confidence": confidence})


def test_two_themes_two_clusters():
    found = discover_reasons(_frame(), k_range=(2, 4))
    assert tuple(found.columns) == DISCOVERED_COLUMNS
    assert list(found["size"]) == [5, 5]
    terms = " ".join(found["top_terms"])
    assert "дубль" in terms and "соискатель" in terms
    for _, row in found.iterrows():
        group = DUPLICATES if "дубль" in row["top_terms"] else JOBS
        assert {row["example_1"], row["example_2"], row["example_3"]} <= set(group)


def test_deterministic_and_confident_notes_left_out():
    first, second = discover_reasons(_frame()), discover_reasons(_frame())
    pd.testing.assert_frame_equal(first, second)
    assert not set(CONFIDENT) & set(first[["example_1", "example_2", "example_3"]].stack())


def test_too_few_notes_give_an_empty_table():
    frame = _frame().iloc[:3]
    assert discover_reasons(frame).empty
