"""Russian step recall (session 9, part c): steps the rules gave to no one.

- the interviewer's "what next" question that names the seller acting ("Оператор взял
  обращение, что потом?") makes them the one who acts in the answer: "Сразу заносит в Битрикс"
  is their step ("в Битрикс" is no person acting), a transcriber's "(смеётся)" is none;
- a clause number cut off as a sentence of its own ("Пункт 3.4.") numbers the sentence read
  after it: a verbless item there ("Выставление счёта на аванс") is a step.
"""

from __future__ import annotations

from salesmine.process.steps import verdicts as verdicts_of


def _verdicts(transcript) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return verdicts_of(transcript, generous=True)


def _verdict(verdicts: dict[str, str], start: str) -> str:
    return next(v for quote, v in verdicts.items() if quote.startswith(start))


def test_the_seller_named_in_a_next_question_acts_in_the_answer(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: Откуда обращения?\n"
        "Алла: С сайта, с почты. Клиенты пишут круглосуточно.\n"
        "Интервьюер: Оператор взял обращение, что потом?\n"
        "Алла: Сразу заносит в Битрикс, со всеми контактами.",
        interviewee="Алла",
    )
    assert _verdict(_verdicts(told), "Сразу заносит в Битрикс") == "new"


def test_a_transcribers_note_is_no_step_of_the_seller(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: Оператор взял обращение, что потом?\n"
        "Алла: Сразу заносит в Битрикс. Все на него ругаются. (смеётся)",
        interviewee="Алла",
    )
    verdicts = _verdicts(told)
    assert _verdict(verdicts, "Сразу заносит в Битрикс") == "new"
    assert all(v for quote, v in verdicts.items() if quote.startswith("смеётся"))


def test_a_clause_number_said_apart_numbers_the_item_after_it(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: Что по регламенту дальше?\n"
        "Нина: Пункт 3.3. Подписание договора поставки.\n"
        "Пункт 3.4. Выставление счёта на аванс, контроль поступления.",
        interviewee="Нина",
    )
    assert _verdict(_verdicts(told), "Выставление счёта на аванс") == "new"
