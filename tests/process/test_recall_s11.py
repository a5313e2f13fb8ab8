"""Russian step extraction (session 11):

- a short remark of the interviewer with no question in it ("Хорошо, понятно.") asks nothing:
  the answer after it goes on with the process, as after "А дальше?".
"""

from __future__ import annotations

from salesmine.process.questions import remarks
from salesmine.process.steps import verdicts as verdicts_of


def _starting(verdicts: dict[str, str], start: str) -> list[str]:
    return [v for quote, v in verdicts.items() if quote.startswith(start)]


AFTER_A_REMARK = (
    "Интервьюер: Расскажите, как у вас идёт продажа.\n"
    "Пётр: Сначала я принимаю звонок и записываю телефон.\n"
    "Интервьюер: Хорошо, понятно.\n"
    "Пётр: Мы провожаем гостя в зал, угощаем чаем."
)


def test_the_answer_after_a_remark_goes_on_with_the_process(interview) -> None:  # type: ignore[no-untyped-def]
    verdicts = verdicts_of(interview(AFTER_A_REMARK, interviewee="Пётр"))
    assert _starting(verdicts, "Мы провожаем гостя") == ["new"]


def test_a_remark_is_neither_a_question_nor_a_request() -> None:
    assert remarks("хорошо, понятно.")
    assert remarks("ага")
    assert not remarks("хорошо, а дальше?")
    assert not remarks("понятно. расскажите про договор.")
    assert not remarks("")
