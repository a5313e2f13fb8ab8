"""Russian step extraction (session 11, procfold11): a small-talk noun ("кофе") that the
speaker's own present verb acts on ("встречаю, наливаю кофе") is hospitality, a step's action,
not small talk; the same noun as the topic of talk still marks an opinion or small talk.
A sentence of its own opened by "И" / "Ну и" with a present verb of the speaker's tells the next
step ("Готовлю таблицу. И везу клиенту"), unless it sends what the step made with no thing of
its own ("Снимаю ролик. И отправляю клиенту")."""

from __future__ import annotations

from salesmine.process.step_reasons import skipped
from salesmine.process.steps import verdicts as verdicts_of

SERVED = (
    "Интервьюер: Как проходит визит клиента?\n"
    "Олег: Сначала звоню и приглашаю в шоурум.\n"
    "Олег: Потом я его встречаю у двери, наливаю кофе."
)


def test_coffee_served_by_the_speaker_is_no_small_talk() -> None:
    said = "потом я его встречаю у двери, наливаю кофе."
    assert skipped(said, said, said, False) == ""


def test_coffee_as_the_topic_is_still_small_talk() -> None:
    said = "у нас в офисе кофе отличный, все хвалят."
    assert skipped(said, said, said, False) == "opinion"


def test_the_welcome_with_coffee_is_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    verdicts = verdicts_of(interview(SERVED, interviewee="Олег"))
    assert [v for q, v in verdicts.items() if "встречаю" in q] == ["new"]


# a sentence of its own opened by "И" / "Ну и" with the speaker's present verb moves on
AND_NEXT = (
    "Интервьюер: Что вы делаете после встречи?\n"
    "Олег: После встречи прошу у клиента реквизиты. Готовлю таблицу, сравниваю тарифы. "
    "И везу клиенту, рассказываю, что выгоднее. Ну и подписываем."
)
AND_SENDS = (
    "Интервьюер: Что вы делаете после встречи?\n"
    "Олег: Вечером снимаю короткий ролик по объекту. И отправляю клиенту в мессенджер."
)


def test_a_sentence_opened_by_and_with_a_new_verb_starts_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    verdicts = verdicts_of(interview(AND_NEXT, interviewee="Олег"))
    assert [v for q, v in verdicts.items() if q.startswith("И везу")] == ["new"]
    assert [v for q, v in verdicts.items() if q.startswith("Ну и подписываем")] == ["new"]


def test_sending_what_the_step_made_still_folds(interview) -> None:  # type: ignore[no-untyped-def]
    verdicts = verdicts_of(interview(AND_SENDS, interviewee="Олег"))
    assert [v for q, v in verdicts.items() if q.startswith("И отправляю")] == ["merge"]
