"""Russian step recall (session 10): later sentences folded into the step before, and the
seller's actions given to someone else.

- a sentence of its own that opens with the speaker going somewhere the step before did not
  name ("Еду на базу") is a visit, the next step — not after a heading ("Дальше выезд. Я еду на
  объект": what is done in it);
- "за месяц до окончания договора — продление" places the clause in time: the next step, not
  more about the monthly documents told before;
- watching the receivables once the invoices are out ("Дебиторку контролирую") is the payment
  watch.
"""

from __future__ import annotations

from salesmine.process.steps import verdicts as verdicts_of


def _verdicts(transcript) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return verdicts_of(transcript, generous=True)


def _verdict(verdicts: dict[str, str], start: str) -> str:
    return next(v for quote, v in verdicts.items() if quote.startswith(start))


def test_going_somewhere_new_is_the_next_step(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: Что потом?\n"
        "Олег: Потом уточняю у снабженца объёмы, сроки, какие марки бетона берут. "
        "Еду на базу, смотрю, как у них хранится цемент.",
        interviewee="Олег",
    )
    assert _verdict(_verdicts(told), "Еду на базу") == "new"


def test_going_under_a_heading_tells_what_is_done_in_it(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: Что потом?\nОлег: Дальше замер. Я еду на объект с рулеткой, всё меряю сам.",
        interviewee="Олег",
    )
    assert _verdict(_verdicts(told), "Я еду на объект") != "new"


def test_a_clause_placed_before_an_event_is_the_next_step(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: А дальше?\n"
        "Олег: Дальше каждый месяц отправляю акты клиенту. "
        "И за месяц до окончания договора — продление, звоню и обсуждаем новые цены.",
        interviewee="Олег",
    )
    assert _verdict(_verdicts(told), "И за месяц до окончания договора") == "new"


def test_watching_the_receivables_after_the_invoices_is_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: А дальше?\n"
        "Олег: Дальше в конце месяца готовлю акты и счета. Дебиторку контролирую сам.",
        interviewee="Олег",
    )
    assert _verdict(_verdicts(told), "Дебиторку контролирую") == "new"
