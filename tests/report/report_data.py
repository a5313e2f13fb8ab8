"""A small, hand-built Analysis for the page tests: no model, no interviews to parse, so every
figure on the pages is known in advance and the rendered HTML is byte-for-byte reproducible.

Four managers (Глеб Зуев has 4 deals: a small sample), two branches, three months; Борис Орлов
tells three clients we lack products the catalog sells; three interviews, one of them the
director's (no deals), matched to the CRM names through the people aliases.
"""

from __future__ import annotations

import pandas as pd

from salesmine.analysis import Analysis
from salesmine.config import FunnelSettings, Settings
from salesmine.funnel import stage_deals
from salesmine.process import Activity, Gap, OrderVariant, Process, Step
from salesmine.records import NOTE_COLUMNS, REFUSAL_COLUMNS, CatalogItem, Person
from salesmine.refusals import default_taxonomy

STAGES = ("Контакт", "Встреча", "КП", "Договор")
MANAGERS = (  # name, department, branch, deals
    ("Анна Смирнова", "Розница", "Москва", 12),
    ("Борис Орлов", "Розница", "Москва", 12),
    ("Вера Ким", "Корпоратив", "Казань", 12),
    ("Глеб Зуев", "Корпоратив", "Казань", 4),
)
REASONS = ("price", "competitor", "price", "timing", "no_contact", "unclear", "trust", "no_need")
CRM = {"price": "Цена", "competitor": "Конкурент", "timing": "", "no_contact": "Не дозвонились",
       "unclear": "Другое", "trust": "Другое", "no_need": "Цена"}
PHONE, EMAIL, CARD = "+7 (912) 345-67-89", "ivan.petrov@mail.ru", "4276 3800 1234 5678"
SCRIPT = "<script>alert('x')</script>"
ERRORS = (  # (manager, row in manager's deals, said, catalog item)
    ("Борис Орлов", 1, "рассрочки", "Оплата частями"),
    ("Борис Орлов", 4, "выезда на осмотр", "Выездной осмотр"),
    ("Борис Орлов", 7, "рассрочку", "Оплата частями"),
)


def _deal(i: int, k: int, manager: tuple[str, str, str, int]) -> dict[str, object]:
    """The k-th deal of a manager: won every 4th, open every 5th, lost otherwise."""
    name, department, branch, _ = manager
    outcome = "won" if k % 4 == 3 else "open" if k % 5 == 4 else "lost"
    stage = STAGES[-1] if outcome == "won" else STAGES[k % 3]
    return {
        "source": "deals.csv", "row": i + 1, "id": str(5000 + i),
        "date": pd.Timestamp(2026, 1 + (i % 3), 1 + (i % 27), 10), "manager": name,
        "department": department, "branch": branch, "stage": stage, "outcome": outcome,
        "text": f"Заметка {i}: клиент {name.split()[0]}, сумма 1 200 000 руб, созвон 12.03.2026",
        "crm_reason": "", "client": f"ООО «Клиент {i}»", "amount": 1_200_000.0, "product": "КАСКО",
    }


def notes_frame() -> pd.DataFrame:
    """40 notes; note 0 holds a phone, an e-mail and a card; note 2 holds a script tag."""
    rows = []
    for manager in MANAGERS:
        for k in range(manager[3]):
            rows.append(_deal(len(rows), k, manager))
    rows[0]["text"] = f"Перезвонить {PHONE}, почта {EMAIL}, оплата картой {CARD}; дорого."
    rows[2]["text"] = f"{SCRIPT} клиент ушёл к конкуренту"
    return pd.DataFrame(rows, columns=list(NOTE_COLUMNS))


def refusals_frame(notes: pd.DataFrame) -> pd.DataFrame:
    """What classify_refusals + annotate_claims would return for these notes."""
    frame = notes[[c for c in REFUSAL_COLUMNS if c in notes.columns]].copy()
    lost = frame["outcome"] == "lost"
    reasons = [REASONS[i % len(REASONS)] if is_lost else "not_refusal"
               for i, is_lost in enumerate(lost)]
    frame["reason"] = reasons
    frame["confidence"] = [0.5 if i % 9 == 0 else 0.9 for i in range(len(frame))]
    frame["evidence"] = [str(t).split(":")[0] for t in notes["text"]]
    frame["needs_review"] = pd.array([int(c < 0.55 and r != "not_refusal")
                                      for c, r in zip(frame["confidence"], reasons, strict=True)],
                                     dtype="Int64")
    frame["crm_reason"] = [CRM.get(r, "") for r in reasons]
    frame["crm_reason_agrees"] = pd.array(
        [pd.NA if c in ("", "Другое") or r == "not_refusal" else int(
            {"Цена": "price", "Конкурент": "competitor", "Не дозвонились": "no_contact"}[c] == r)
         for c, r in zip(frame["crm_reason"], reasons, strict=True)], dtype="Int64")
    for column in ("mentioned_product", "catalog_match", "claim_source", "claim_evidence",
                   "catalog_status", "match_route"):
        frame[column] = ""
    frame["match_score"] = None
    for flag in ("claims_missing_product", "manager_error"):
        frame[flag] = pd.array([0] * len(frame), dtype="Int64")
    frame["reason_unclarified"] = pd.array([int(r == "unclear") for r in reasons], dtype="Int64")
    for manager, k, said, item in ERRORS:
        i = frame.index[frame["manager"] == manager][k]
        frame.loc[i, ["mentioned_product", "catalog_match", "catalog_status"]] = [said, item,
                                                                                 "active"]
        frame.loc[i, "claim_evidence"] = f"сказал, что {said} у нас нет"
        frame.loc[i, ["manager_error", "claims_missing_product"]] = 1
    return frame.reset_index(drop=True)


def process() -> Process:
    """Three interviews: Орлов skips a core step, Смирнова swaps two, Петров has a personal one."""
    employees = ("Орлов Борис Ильич", "Петров Пётр Петрович", "Смирнова Анна Петровна")
    told = {
        employees[0]: ["A01", "A02", "A04", "A05"],
        employees[1]: ["A01", "A02", "A03", "A04", "A05", "personal"],
        employees[2]: ["A01", "A02", "A03", "A05", "A04"],
    }
    names = {"A01": "получить заявку", "A02": "позвонить клиенту", "A03": "выявить потребность",
             "A04": "провести <b>встречу</b>", "A05": "отправить КП",
             "personal": "изучить компанию"}
    steps = tuple(
        Step(e, f"{e.split()[0]}.txt", p + 1, names[a], f"{names[a]} — звоню {PHONE}"
             if a == "A02" else f"Потом {names[a]}", activity_id=a)
        for e in employees for p, a in enumerate(told[e])
    )
    activities = tuple(
        Activity(a, names[a], k + 1, sum(a in told[e] for e in employees), 3,
                 tuple(e for e in employees if a in told[e]), True, float(k + 1),
                 tuple(dict.fromkeys(s.quote for s in steps if s.activity_id == a)), (names[a],))
        for k, a in enumerate(("A01", "A02", "A03", "A04", "A05"))
    )
    gaps = (
        Gap(employees[0], "missing", "A03", names["A03"], "Шаг «выявить потребность» не упомянут; "
            "его назвали 2 из 2 коллег.", 2, 2),
        Gap(employees[1], "extra", "personal", names["personal"], "Только этот сотрудник.", 0, 2,
            quote="Потом изучить компанию"),
        Gap(employees[2], "order", "A05", names["A05"], "«отправить КП» раньше «провести встречу»;"
            " у 2 из 2 коллег наоборот.", 2, 2, quote="Потом отправить КП",
            other_activity_id="A04"),
    )
    variants = (OrderVariant("A05", "A04", 1, 3, (employees[2],)),)
    return Process(activities, steps, employees, variants, gaps)


def people() -> tuple[Person, ...]:
    return (
        Person("Смирнова Анна Петровна", "Розница", "Москва", "Менеджер", ("Анна Смирнова",)),
        Person("Орлов Борис Ильич", "Розница", "Москва", "Менеджер", ("Борис Орлов",)),
        Person("Ким Вера", "Корпоратив", "Казань", "Менеджер", ("Вера Ким",)),
        Person("Петров Пётр Петрович", "Дирекция", "Москва", "Директор", ()),
    )


def candidates() -> pd.DataFrame:
    return pd.DataFrame([{
        "cluster": 1, "size": 3, "top_terms": "страховка; ипотека", "current_reasons": "other 3",
        "example_1": f"ипотека, звонить {PHONE}", "example_2": "ипотека в другом банке",
        "example_3": "",
    }])


def small_analysis(*, lang: str = "ru") -> Analysis:
    """The whole hand-built Analysis."""
    settings = Settings(funnel=FunnelSettings(stages=STAGES, min_deals=5)).override(
        "report", lang=lang)
    notes = notes_frame()
    return Analysis(
        settings=settings, notes=notes, sources=("deals.csv",),
        mapping={"deals.csv": {"text": "Комментарий"}}, n_input=len(notes), people=people(),
        catalog=(CatalogItem("Оплата частями"), CatalogItem("Выездной осмотр")),
        deals=stage_deals(notes, settings), refusals=refusals_frame(notes),
        taxonomy=default_taxonomy(), candidates=candidates(), candidate_pool=3,
        process=process(),
    )
