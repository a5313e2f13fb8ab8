"""Russian step recall (session 9, second pass): steps the rules used to fold into the step before.

- a line the person opens with a bare ordinal ("Пятое. Готовим отчёт ...") is the next item of
  their list, as "5." would be: its first clause starts a step, and the ordinal alone
  ("Второе.") is no step of its own; so is a regulation's clause read out by its number
  ("Пункт 2.12. Подписание договора");
- watching for the payment after the invoice is a step also when a remark on the invoice
  ("... тогда пишу айтишнику") comes between them;
- waiting for the money in a sentence of its own ("Ну, жду оплату.") is that step too, though
  "ждать" is no action verb for the lexicon ("Жду, пока клиент решит" stays none);
- the answer to "А если клиент согласен?" goes on with the sale, even in words the lexicon does
  not know ("Если согласны, запускаем пилот"); "А если не соглашается?" asks about a contingency;
- "что есть" ("прошу чертежи — спецификацию, что есть") is no infinitive taking the object
  away from the verb: the short sentence with its own verb and object is the next step.
"""

from __future__ import annotations

from salesmine.process.steps import verdicts as verdicts_of


def _verdict(verdicts: dict[str, str], start: str) -> str:
    return next(v for quote, v in verdicts.items() if quote.startswith(start))


def test_a_bare_ordinal_numbers_the_next_step(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: Расскажите по пунктам.\n"
        "Павел: Первое — обзвон. Звоню складам по базе.\n"
        "Павел: Второе. Еду на склад, смотрю стеллажи.\n"
        "Павел: Третье. Отправляю КП.",
        interviewee="Павел",
    )
    verdicts = verdicts_of(told)
    # "Второе." is no step of its own, and what it numbers is not more about the call
    assert _verdict(verdicts, "Еду на склад") == "new"
    assert not any(quote.startswith("Второе") for quote in verdicts)


def test_watching_the_payment_after_a_remark_on_the_invoice(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: После договора?\n"
        "Олег: Выставляю счёт в 1С. Иногда он не выгружается, и тогда я пишу программисту.\n"
        "Олег: Потом жду денег. Слежу, чтобы предоплата пришла, проверяю выписку по утрам.",
        interviewee="Олег",
    )
    assert _verdict(verdicts_of(told), "Слежу, чтобы") == "new"


def test_waiting_for_the_money_in_a_sentence_of_its_own(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: А после счёта?\n"
        "Олег: Ну, жду предоплату. Потом отгружаю со склада. Жду, пока клиент решит.",
        interviewee="Олег",
    )
    verdicts = verdicts_of(told)
    assert _verdict(verdicts, "жду предоплату") == "new"
    # waiting for anything else is still no step
    assert not any(quote.startswith("Жду, пока") for quote in verdicts)


def test_a_regulation_clause_number_starts_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: Зачитайте регламент, пожалуйста.\n"
        "Лариса: Сейчас. Раздел четвёртый.\n"
        "Пункт 4.1. Менеджер подписывает с клиентом соглашение о пилоте.\n"
        "Пункт 4.2. Менеджер проводит итоговую встречу с клиентом.\n"
        "Пункт 4.3. Подписание договора поставки.",
        interviewee="Лариса",
    )
    # the signing was named before, but the clause's own number makes it the next step
    assert _verdict(verdicts_of(told), "Подписание договора") == "new"


def test_the_answer_to_if_the_client_agrees_goes_on_with_the_sale(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: Что после расчёта?\n"
        "Нина: Отправляю расчёт клиенту.\n"
        "Интервьюер: А если клиент согласен?\n"
        "Нина: Если согласны, запускаем пробный месяц на одной точке.\n"
        "Интервьюер: А если не соглашается?\n"
        "Нина: Жду неделю, потом пишу ещё раз.",
        interviewee="Нина",
    )
    verdicts = verdicts_of(told)
    assert _verdict(verdicts, "Если согласны, запускаем") == "new"
    assert _verdict(verdicts, "Жду неделю") != "new"  # the contingency stays none


def test_there_is_is_no_infinitive_that_takes_the_object(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: Что дальше?\n"
        "Юля: Дальше выясняю у клиента, что за дом, какие сроки. "
        "И сразу прошу планы — этажи, разрез, что есть.",
        interviewee="Юля",
    )
    assert _verdict(verdicts_of(told), "И сразу прошу планы") == "new"
