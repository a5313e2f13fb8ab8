"""Russian step recall (session 8): the rules keep steps they used to fold or drop.

- a sentence that names a seller as its doer ("Менеджер выставляет ...") after a step of the
  same activity for the lexicon is the next step, whatever its length — but after a heading
  ("Дальше договор. Менеджер готовит ...") it still tells what is done in it;
- in the answer to "А если заказчик согласился?" a short sentence of its own is a step too;
- a remark after a dash ("Оформляю страховку — с этой компанией мы ...") does not make the
  sentence a long, detailed one;
- "я не знаю, делают ли так коллеги" and "не езжу, но согласую" disclaim nothing the speaker does;
- "Откуда клиенты берутся?" asks where the process starts, not what happens if the client acts.
"""

from __future__ import annotations

from salesmine.process.actions import analyze
from salesmine.process.asides import disclaims
from salesmine.process.questions import asks_if
from salesmine.process.steps import judged


def _verdicts(transcript) -> dict[str, str]:  # type: ignore[no-untyped-def]
    found, _ = judged(transcript, generous=False)
    return {c.step.quote: c.verdict for c in found}


def _verdict(verdicts: dict[str, str], start: str) -> str:
    return next(v for quote, v in verdicts.items() if quote.startswith(start))


def test_a_seller_named_again_tells_the_next_step(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: А после согласования цены?\n"
        "Руслан: Менеджер готовит договор поставки по типовому шаблону. Менеджер выставляет "
        "клиенту счёт на предоплату в размере половины суммы заказа. Потом отгрузка.",
        interviewee="Руслан",
    )
    assert _verdict(_verdicts(told), "Менеджер выставляет") == "new"


def test_after_a_heading_the_seller_sentence_still_details_it(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: А после согласования цены?\n"
        "Руслан: Дальше договор. Менеджер готовит договор поставки по типовому шаблону и "
        "отправляет его клиенту на подпись.",
        interviewee="Руслан",
    )
    assert _verdict(_verdicts(told), "Менеджер готовит") == "merge"


def test_a_short_sentence_after_a_contingency_question_is_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: Хорошо. А если заказчик согласился на условия?\n"
        "Марат: Тогда подписываем договор с заказчиком. Выставляем ему счёт.",
        interviewee="Марат",
    )
    assert _verdict(_verdicts(told), "Выставляем ему счёт") == "new"


def test_a_remark_after_a_dash_leaves_the_sentence_short(interview) -> None:  # type: ignore[no-untyped-def]
    own = interview(
        "Интервьюер: Что дальше по шагам?\n"
        "Нина: Подписываем договор с клиентом. Оформляю страховку на оборудование — с этой "
        "страховой компанией мы работаем уже много лет.",
        interviewee="Нина",
    )
    assert _verdict(_verdicts(own), "Оформляю страховку") == "new"
    terse = interview(
        "Интервьюер: Что дальше по шагам?\n"
        "Нина: Потом подписание у нотариуса. Выставляю счёт — обычно сразу, пока клиент ещё "
        "сидит у нас в офисе.",
        interviewee="Нина",
    )
    assert _verdict(_verdicts(terse), "Выставляю счёт") == "new"


def test_not_knowing_and_not_x_but_y_disclaim_nothing(interview) -> None:  # type: ignore[no-untyped-def]
    assert not disclaims(analyze("Потом — не знаю, как коллеги — я звоню клиенту", "ru"))
    assert not disclaims(analyze("Сама я на склад не езжу, но я согласую с логистом дату", "ru"))
    assert disclaims(analyze("Я в цену не лезу", "ru"))  # still a disclaimer
    assert disclaims(analyze("Договор я сам не составляю, это юрист", "ru"))
    told = interview(
        "Интервьюер: А после встречи?\n"
        "Нина: А потом — это у меня всегда, и я не знаю, делают ли так коллеги — я отправляю "
        "клиенту короткое резюме встречи.",
        interviewee="Нина",
    )
    assert _verdict(_verdicts(told), "А потом") != "disclaims"


def test_where_clients_come_from_is_no_contingency() -> None:
    for question in ("Откуда вообще клиенты берутся?", "А новые заказчики откуда приходят?"):
        assert not asks_if(question, analyze(question, "ru")), question
    for question in ("И клиенты соглашаются вот так сразу?", "А если клиент молчит?"):
        assert asks_if(question, analyze(question, "ru")), question
