"""What an answer adds, given the question before it: a contingency ("И клиенты сразу
приходят?"), an opinion ("Что вам сложнее всего?"), what happens now and then ("Бывает, что ...
Тогда ..."), a no ("Сама — нет."), a recap list, a step placed in the person's own list."""

from __future__ import annotations

from pathlib import Path

from salesmine.process import extract_steps
from salesmine.process.actions import analyze
from salesmine.process.branches import placed_after
from salesmine.process.questions import asks_next, off_topic, restates
from salesmine.text import normalize_text

VOICE = Path(__file__).resolve().parent.parent / "data" / "process" / "voice"


def quotes_of(interview, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.quote for s in extract_steps(interview(text, interviewee="Ольга"))]


def test_kitchen_seller_interview(interview) -> None:  # type: ignore[no-untyped-def]
    text = (VOICE / "02_kuznetsova.txt").read_text(encoding="utf-8")
    steps = extract_steps(interview(text, interviewee="Кузнецова"))
    said = " | ".join(s.quote for s in steps)
    assert len(steps) == 7  # the recap list at the end adds none
    assert "ещё раз пишу" not in said  # what she does if the client keeps silent
    assert "сразу еду мерить" not in said  # "Бывают срочные заказы. Тогда ..."
    assert "отвечаю" not in said  # "Если клиент мне пишет — отвечаю. Сама — нет."
    assert "звонишь клиенту" not in said  # an answer about what is hard
    assert steps[-1].quote.endswith("выехала на замер")  # the rule, not the urgent case


def test_a_contingency_asked_about_the_client(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
    Интервьюер: Как вы продаёте?
    Ольга: Сначала звоню клиенту. Потом отправляю КП.
    Интервьюер: И клиенты сразу соглашаются?
    Ольга: Не все. Тогда через неделю я ещё раз пишу, напоминаю.
    """
    assert quotes_of(interview, text) == ["Сначала звоню клиенту", "Потом отправляю КП"]


def test_a_shift_in_time_starts_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
    Интервьюер: Как вы продаёте?
    Ольга: Провожу встречу, показываю образцы. На следующий день звоню, узнаю впечатления.
    """
    assert len(quotes_of(interview, text)) == 2


def test_a_story_ends_at_a_prompt(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
    Интервьюер: Расскажите случай.
    Ольга: Был у нас клиент, три раза переносил встречу. Потом всё-таки купил.
    Интервьюер: Хорошо. Клиент решил брать.
    Ольга: Тогда я оформляю договор.
    """
    assert quotes_of(interview, text) == ["Тогда я оформляю договор"]


def test_an_answer_that_takes_up_the_question_word(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
    Интервьюер: Как вы продаёте?
    Ольга: Звоню клиенту, потом встречаемся.
    Интервьюер: Рассрочку предлагаете?
    Ольга: Рассрочку… Мне кажется, у нас её нет.
    Интервьюер: А договор вы сами готовите?
    Ольга: Сама, да. Готовлю по шаблону и отдаю юристу.
    """
    quotes = quotes_of(interview, text)
    assert not any("Рассрочку" in q for q in quotes)
    assert quotes[-1] == "Готовлю по шаблону и отдаю юристу"


def test_a_step_placed_in_the_persons_list(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
    Интервьюер: Как вы продаёте?
    Ольга: Списком.
    1. Звоню клиенту.
    2. Встречаюсь с клиентом.
    3. Отправляю КП.
    Интервьюер: Между встречей и КП ничего нет?
    Ольга: Есть, забыла. Это между вторым и третьим пунктом. Вечером отправляю фото образцов.
    """
    steps = extract_steps(interview(text, interviewee="Ольга"))
    assert steps[2].quote == "Вечером отправляю фото образцов"
    assert placed_after("это между вторым и третьим пунктом") == 2


def test_question_kinds() -> None:
    assert asks_next(normalize_text("На этом всё?")) and asks_next("и это конец?")
    assert off_topic("что тебе сложнее всего?", analyze("Что тебе сложнее всего?", "ru"))
    assert not off_topic("какой самый первый шаг?", analyze("Какой самый первый шаг?", "ru"))


def test_a_why_answer_covers_its_first_paragraph(interview) -> None:  # type: ignore[no-untyped-def]
    # the reasons end with the paragraph; the process told after it holds steps
    text = """
    Интервьюер: Почему?
    Ольга: Потому что каждая страховая считает по-своему.
    Принимаю звонок на линии. Потом отправляю ссылку на оплату.
    """
    assert quotes_of(interview, text) == [
        "Принимаю звонок на линии",
        "Потом отправляю ссылку на оплату",
    ]


def test_a_why_answer_ends_when_told_in_order(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
    Интервьюер: Почему так?
    Ольга: Клиенты долго думают. Но давайте по порядку. Сначала я звоню клиенту.
    """
    assert quotes_of(interview, text) == ["Сначала я звоню клиенту"]


def test_restates_spans() -> None:
    answer = "Потому что дорого.\nЗвоню клиенту."
    assert restates("почему?", answer, listed=False) == answer.index("\n")
    assert restates("а если отказ?", answer, listed=False) == len(answer)
    assert restates("а дальше?", answer, listed=False) == 0
