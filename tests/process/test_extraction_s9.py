"""Russian step recall (session 9): steps the rules used to fold into the step before.

- watching for the payment told in a sentence of its own after the invoice ("Выставляю счёт.
  Слежу за оплатой", "Ждём оплату, контролируем") is a step; in the invoice's own sentence
  ("выставляю счёт и контролирую оплату") it still says more about the invoice; told in the
  answer to "А оплата?" it is no restatement of the invoice, though both are the payment;
- a regulation read aloud with its clauses numbered in words ("Пункт два-один: ...",
  "Два-два: ...") opens a step at each clause, as a numbered list does; "два-три дня" is no
  clause number.
"""

from __future__ import annotations

from salesmine.process.steps import verdicts as verdicts_of


def _verdict(verdicts: dict[str, str], start: str) -> str:
    return next(v for quote, v in verdicts.items() if quote.startswith(start))


def test_watching_the_payment_after_the_invoice_is_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: А после подписания?\n"
        "Ольга: Выставляю счёт на аванс за первый квартал. Слежу за оплатой, каждый день.",
        interviewee="Ольга",
    )
    assert _verdict(verdicts_of(told), "Слежу за оплатой") == "new"
    # in the invoice's own sentence it says more about the invoice
    same = interview(
        "Интервьюер: А после подписания?\n"
        "Ольга: Выставляю счёт на аванс и слежу за оплатой, пока деньги не придут.",
        interviewee="Ольга",
    )
    assert _verdict(verdicts_of(same), "и слежу за оплатой") == "merge"


def test_waiting_for_the_payment_is_a_step_too(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: Что дальше?\n"
        "Ольга: Потом счёт выставляем на предоплату. Ждём оплату, проверяем, чтобы дошла.",
        interviewee="Ольга",
    )
    assert _verdict(verdicts_of(told), "Ждём оплату") == "new"


def test_watching_the_payment_asked_about_is_no_restatement(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: Что после договора?\n"
        "Ольга: Потом выставляю счёт на аванс за оплату первого этапа.\n"
        "Интервьюер: А оплата?\n"
        "Ольга: Оплату отслеживаю сама, по выписке из банка.",
        interviewee="Ольга",
    )
    assert _verdict(verdicts_of(told), "Оплату отслеживаю") == "new"


def test_a_regulation_clause_numbered_in_words_opens_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: Расскажите по регламенту.\n"
        "Ирина: Пункт два-один: заявка клиента регистрируется в CRM. Два-два: клиенту "
        "назначается встреча. Два-три: встреча проводится менеджером в офисе.",
        interviewee="Ирина",
    )
    # (read as a list item since session 10, its number is not part of the quote)
    assert _verdict(verdicts_of(told), "встреча проводится") == "new"


def test_clause_numbers_and_ranges_of_numbers() -> None:
    from salesmine.process import list_items

    clause = getattr(list_items, "REGULATION_CLAUSE", None)
    assert clause is not None
    assert clause.match("три-четыре: звонок менеджера")
    assert clause.match("пункт пять-два: договор подписывается")
    assert not clause.match("два-три дня ждём ответа")
