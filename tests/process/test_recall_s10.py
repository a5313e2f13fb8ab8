"""Russian step recall (session 10): watching the payment, and "what comes after" questions.

- watching for the payment in a sentence of its own after the invoice is a step also when the
  question before asked what happens once the client agrees ("Хорошо, а если заказчик
  согласен?", "А если тендер выиграли?"): that question goes on with the sale, it asks about no
  contingency, even several answer turns later — nor does it keep any other later sentence
  ("И анкету на отсрочку ей же пишу") from telling a step of its own;
- the payment the person watches may be named by the question only ("Аванс отслеживаете?" —
  "Слежу, чтобы поступил");
- "Что после ...?" ("Что после согласования?", "Хорошо. Что у вас после звонка?") asks what
  comes next, as "А после ...?" does.
"""

from __future__ import annotations

from salesmine.process.questions import asks_next
from salesmine.process.steps import verdicts as verdicts_of
from salesmine.text import normalize_text


def _verdict(transcript, start: str) -> str:  # type: ignore[no-untyped-def]
    verdicts = verdicts_of(transcript, generous=True)
    return next(v for quote, v in verdicts.items() if quote.startswith(start))


def test_payment_watch_after_an_agreed_client_question(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: Хорошо, а если заказчик согласен?\n"
        "Юлия: Тогда оформляю договор поставки, с приложением.\n"
        "Юлия: Выставляю счёт на предоплату.\n"
        "Юлия: Слежу, чтобы оплатили. Напоминаю их бухгалтеру.\n"
        "Интервьюер: Дальше?\n"
        "Юлия: Передаю заявку на склад.",
        interviewee="Юлия",
    )
    assert _verdict(told, "Слежу, чтобы оплатили") == "new"


def test_payment_watch_after_a_won_tender_question(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: А если тендер выиграли?\n"
        "Марат: Контракт подписываю на площадке.\n"
        "Марат: Счёт на аванс выставляю в тот же день.\n"
        "Марат: И слежу за оплатой.",
        interviewee="Марат",
    )
    assert _verdict(told, "И слежу за оплатой") == "new"


def test_payment_watch_a_contingency_question_still_folds(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: А если клиент не платит?\n"
        "Марат: Выставляю счёт повторно.\n"
        "Марат: Слежу за оплатой, звоню.",
        interviewee="Марат",
    )
    assert _verdict(told, "Слежу за оплатой") != "new"


def test_the_question_names_the_payment_watched(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: Договор?\n"
        "Юлия: Договор готовлю сама, по шаблону. Счёт выставляю вместе с договором.\n"
        "Интервьюер: Аванс отслеживаете?\n"
        "Юлия: Слежу, чтобы поступил. Каждое утро смотрю выписку.",
        interviewee="Юлия",
    )
    assert _verdict(told, "Слежу, чтобы поступил") == "new"


def test_what_after_asks_what_comes_next() -> None:
    for question in (
        "Что после согласования?",
        "Да, понятно. Что после дегустации?",
        "Хорошо. А что у вас после звонка?",
        "После переговоров?",
    ):
        assert asks_next(normalize_text(question)), question
    assert not asks_next(normalize_text("Это уже после договора?"))


def test_a_paragraph_step_after_an_agreed_client_question(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: Понятно. А если магазин согласен?\n"
        "Оля: Тогда прошу документы. Реквизиты, устав, карточку предприятия. Это всё потом"
        " к Ирине Петровне уходит.\n"
        "Оля: И анкету на отсрочку ей же пишу. Там форма: оборот, сколько точек.",
        interviewee="Оля",
    )
    assert _verdict(told, "И анкету на отсрочку") == "new"
