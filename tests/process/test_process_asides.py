"""What an answer tells besides the steps: stories, disclaimers, reasons, re-explained list items,
confirmations and contingencies (fixtures in tests/data/process/asides, three invented teams)."""

from __future__ import annotations

from pathlib import Path

import pytest

from salesmine.process import extract_steps
from salesmine.process.actions import analyze
from salesmine.process.asides import disclaims, main_text, opens_story, to_listener
from salesmine.process.branches import (
    echo_question,
    lost_question,
    reason_question,
    recap_question,
    refers_to_item,
)
from salesmine.text import normalize_text

ASIDES = Path(__file__).resolve().parent.parent / "data" / "process" / "asides"


def told(interview, name: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(concept, quote) of each step of one fixture interview."""
    text = (ASIDES / name).read_text(encoding="utf-8")
    speaker = text.splitlines()[1].partition(":")[0].strip()
    transcript = interview(text, interviewee=speaker, source=name)
    return [(s.concept, s.quote) for s in extract_steps(transcript)]


@pytest.mark.parametrize(
    ("sentence", "story"),
    [
        ("У меня был клиент, он три месяца тянул с ответом.", True),
        ("Был у нас клиент, ему продали шкафы.", True),
        ("Там был смешной случай: клиент перепутал адрес.", True),
        ("Один у меня полчаса рассказывал про свой ресторан.", True),
        ("Я как-то поставил не тот статус.", True),
        ("Я был менеджером два года.", False),
        ("Потом звоню клиенту и назначаю встречу.", False),
        ("Был у нас клиент, который каждый раз звонит.", False),  # the present: not a story
    ],
)
def test_a_story_opens_with_an_existential_or_indefinite_past(sentence: str, story: bool) -> None:
    assert opens_story(analyze(sentence, "ru"), sentence.lower()) is story


@pytest.mark.parametrize(
    ("sentence", "disclaimer"),
    [
        ("Я в цену не лезу, я технические вопросы закрываю.", True),
        ("После оплаты работает склад, я особо не участвую, только отвечаю.", True),
        ("Мы им привезли шкафы, а они в лифт не влезли.", False),  # "они", not the speaker
        ("Слежу, чтобы не затягивали с оплатой.", False),  # the negation is in the purpose
        ("Звоню клиенту на следующий день.", False),
    ],
)
def test_a_disclaimer_negates_the_speakers_own_verb(sentence: str, disclaimer: bool) -> None:
    assert disclaims(analyze(sentence, "ru")) is disclaimer


def test_main_clause_leaves_out_relative_clauses_and_indirect_questions() -> None:
    text = "Разбираю заявки, которые пришли вчера, и звоню узнать, всё ли нравится."
    main = main_text(analyze(text, "ru"), text)
    assert "разбираю заявки" in main
    assert "вчера" not in main and "нравится" not in main


def test_listener_is_the_polite_you() -> None:
    assert to_listener(analyze("допишу вам в телеграм", "ru"))
    assert not to_listener(analyze("пишу клиенту в телеграм", "ru"))


@pytest.mark.parametrize(
    ("question", "reason", "item", "recap", "echo"),
    [
        ("Почему так, как вы думаете?", True, False, False, False),
        ("А если клиент уходит — вы выясняете, почему?", False, False, False, False),
        ("А на третьем шаге — кто едет на замер?", False, True, False, False),
        ("Первый пункт — откуда лиды?", False, True, False, False),
        ("А какой у вас первый шаг?", False, False, False, False),
        ("Собрали в итоге?", False, False, False, False),
        ("Подведёте итог?", False, False, True, False),
        ("То есть вы сначала звоните, а потом заводите в CRM?", False, False, False, True),
        ("Вы сначала звоните, правильно?", False, False, False, True),
    ],
)
def test_questions_whose_answers_add_no_step(
    question: str, reason: bool, item: bool, recap: bool, echo: bool
) -> None:
    asked = normalize_text(question)
    assert reason_question(asked) is reason
    assert refers_to_item(asked, question=True) is item
    assert recap_question(asked) is recap
    assert echo_question(asked) is echo


def test_an_answer_naming_a_list_item_re_explains_it() -> None:
    assert refers_to_item(normalize_text("Менеджер передаёт заказ в цех, это седьмой пункт."))
    assert not refers_to_item(normalize_text("Второй шаг — первичный контакт, звонок."))


def test_lost_question_knows_a_client_without_interest() -> None:
    assert lost_question(normalize_text("А если человек говорит, что ему неинтересно?"))


def test_narrated_interview_without_its_asides(interview) -> None:  # type: ignore[no-untyped-def]
    steps = told(interview, "01_fedorova.txt")
    assert [c for c, _ in steps] == [
        "LEAD",
        "CALL",
        "MEET",
        "CALC",
        "OFFER",
        "OBJECTION",
        "SIGN",
        "PAYMENT",  # "Подписываем договор, выставляю счёт": two steps
        "AFTERSALE",
    ]
    quotes = " ".join(q for _, q in steps)
    # the company ("делаем и продаём"), the story and the question about it, the reason, the
    # disclaimer, the contingency's waiting, the next client
    for aside in ("мебель", "лифт", "захожу", "раздражает", "не лезу", "Жду", "следующего"):
        assert aside not in quotes
    assert "Дальше еду к клиенту в офис" in quotes  # "еду" is the verb, not "еда"


def test_contingency_answer_keeps_the_negotiation(interview) -> None:  # type: ignore[no-untyped-def]
    steps = dict(told(interview, "01_fedorova.txt"))
    assert steps["OBJECTION"] == "Дальше обсуждаем условия и скидку"
    assert steps["LEAD"] == "Сначала к нам приходит заявка с сайта"  # a lead coming in


def test_list_items_are_the_steps_and_their_re_explanation_adds_none(interview) -> None:  # type: ignore[no-untyped-def]
    steps = told(interview, "02_lebedev.txt")
    assert len(steps) == 8  # seven items and the call told after them
    assert steps[2] == (
        "MEET",
        "Выезд на замер. Сначала смотрим помещение, а потом уже говорим о бюджете",
    )
    assert not any("цех" in q or "дизайнер" in q.lower() for _, q in steps)
    assert steps[-1][0] == "AFTERSALE"  # "менеджер должен позвонить" after the delivery


def test_lost_deal_hypotheticals_and_opinions_are_not_steps(interview) -> None:  # type: ignore[no-untyped-def]
    steps = told(interview, "03_sokolov.txt")
    quotes = " ".join(q for _, q in steps)
    for aside in ("закрываю", "Могу приехать", "саппорт", "пять минут", "Звонок, демо"):
        assert aside not in quotes
    assert [c for c, _ in steps].count("MEET") == 1  # "Демо всегда сам провожу" restates it


def test_confirming_what_the_interviewer_repeats_adds_nothing(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
Интервьюер: Расскажите по шагам, как вы продаёте.
Нина: Сначала звоню клиенту. Потом завожу сделку в CRM. Дальше отправляю КП.
Интервьюер: То есть вы сначала звоните, а потом заводите в CRM?
Нина: Да, сначала звоню, потом завожу в CRM. Так удобнее.
Интервьюер: То есть на этом всё?
Нина: Не совсем. Потом встречаюсь с клиентом и подписываем договор.
"""
    steps = extract_steps(interview(text, interviewee="Нина"))
    assert [s.concept for s in steps] == ["CALL", "CRM", "OFFER", "MEET", "SIGN"]


def test_oral_numbering_without_a_list_keeps_the_answer(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
Интервьюер: Расскажите по шагам, как вы продаёте.
Нина: Звоню клиенту — это первый шаг. Потом отправляю КП, это второй шаг.
"""
    steps = extract_steps(interview(text, interviewee="Нина"))
    assert [s.concept for s in steps] == ["CALL", "OFFER"]
