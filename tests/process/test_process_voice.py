"""How a step is told: in the passive ("делается звонок"), as a habit ("положила трубку —
заполнила карточку"), as a plan or a maybe (not a step), taken back ("ой, нет, я путаю")."""

from __future__ import annotations

from pathlib import Path

import pytest

from salesmine.process import extract_steps
from salesmine.process.actions import analyze
from salesmine.process.agency import Teller, own_action, tells_one_story
from salesmine.process.asides import retracted
from salesmine.process.passive import passive_action, passive_base

VOICE = Path(__file__).resolve().parent.parent / "data" / "process" / "voice"


def steps_of(interview, answer: str, question: str = "Расскажите по шагам, как вы продаёте."):  # type: ignore[no-untyped-def]
    transcript = interview(f"Интервьюер: {question}\nОльга: {answer}", interviewee="Ольга")
    return list(extract_steps(transcript))


def from_file(interview, name: str):  # type: ignore[no-untyped-def]
    text = (VOICE / name).read_text(encoding="utf-8")
    speaker = text.splitlines()[1].partition(":")[0].strip()
    return list(extract_steps(interview(text, interviewee=speaker, source=name)))


def test_a_process_told_in_the_passive(interview) -> None:  # type: ignore[no-untyped-def]
    steps = from_file(interview, "01_sergeev.txt")
    # the last: "Заказ передаётся на производство", another action than the signing before it
    assert [s.concept for s in steps] == [
        "CALL", "NEED", "CRM", "CALC", "MEET_SET", "MEET", "OFFER", "SIGN", "AFTERSALE"
    ]  # fmt: skip
    quotes = [s.quote for s in steps]
    assert "Далее клиенту направляется эскиз с примерной ценой" in quotes  # any verb, in sequence
    assert not any("распределяются" in q or "переносится" in q for q in quotes)


@pytest.mark.parametrize(
    ("text", "base"),
    [("Оформляется бронь.", "оформлять"), ("Клиент заводится в CRM.", "заводить")],
)
def test_passive_base(text: str, base: str) -> None:
    words = analyze(text, "ru")
    verb = next(i for i, w in enumerate(words) if w.pos == "VERB")
    assert passive_base(words, verb) == base


@pytest.mark.parametrize(
    "answer",
    [
        "Рядом строится торговый центр.",  # a passive, but no sales action
        "Потом по фоткам разбираются.",  # no thing it is done to: "they sort it out"
        "Заявки распределяются по менеджерам автоматически.",  # done by itself
    ],
)
def test_passives_that_tell_no_step(interview, answer: str) -> None:  # type: ignore[no-untyped-def]
    assert steps_of(interview, answer) == []


def test_a_passive_needs_a_passive_teller_to_count_any_verb(interview) -> None:  # type: ignore[no-untyped-def]
    # one passive of a plain verb, from someone who otherwise says "я": not a step
    answer = "Я звоню клиенту. После оплаты агенту начисляется комиссия, это уже бухгалтерия."
    assert [s.name for s in steps_of(interview, answer)] == ["позвонить клиенту"]


def test_a_habit_told_in_the_past(interview) -> None:  # type: ignore[no-untyped-def]
    steps = steps_of(interview, "У меня правило: положила трубку — заполнила карточку.")
    assert [s.name for s in steps] == ["заполнить карточку"]
    assert steps_of(interview, "Положила трубку. Заполнила карточку.") == []  # a story


@pytest.mark.parametrize(
    "answer",
    [
        "Я потом собираюсь сесть и всё дописать.",  # a plan
        "Может, попробую.",  # a maybe, in the future tense
        "Если квартира последняя — ну, тогда, может, рискну и забронирую сразу.",
        "Многие считают, что надо отстать, дать подумать.",  # someone else's opinion
    ],
)
def test_plans_maybes_and_others_opinions_are_not_steps(interview, answer: str) -> None:  # type: ignore[no-untyped-def]
    assert steps_of(interview, answer) == []


def test_what_is_taken_back_is_not_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    steps = from_file(interview, "02_kuznetsova.txt")
    assert not any("еду на замер" in s.quote for s in steps)
    words = analyze("Звоню, вернее, пишу в телеграм.", "ru")
    assert retracted(words) == words[2].end  # everything up to "вернее" is taken back


def test_a_passive_teller_tells_steps_without_an_order_marker() -> None:
    # someone who tells the whole process in the passive: "Предоставляется автомобиль на
    # тест-драйв" is theirs with no "потом" before it; from anyone else it is not
    words = analyze("Предоставляется автомобиль на тест-драйв.", "ru")
    verb = next(i for i, w in enumerate(words) if w.pos == "VERB")
    assert own_action(words, verb, False, Teller(impersonal=True))
    assert not own_action(words, verb, False, Teller())


def test_an_abbreviation_is_what_a_passive_is_done_to() -> None:
    # "КП" has no case for the analyser; it may still stand in the nominative
    words = analyze("Потом готовится КП.", "ru")
    verb = next(i for i, w in enumerate(words) if w.pos == "VERB")
    assert passive_action(words, verb, True)


def test_a_long_passive_sentence_with_a_new_subject_is_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    # longer than a short own-action sentence, but its subject is a new thing: the next step
    answer = (
        "Сначала клиент заносится в CRM. Затем делается звонок клиенту. "
        "Далее производится расчёт стоимости по всем страховым компаниям. "
        "Клиенту предоставляется сравнение вариантов — на экране или в распечатанном виде, "
        "как удобнее."
    )
    assert len(steps_of(interview, answer)) == 4


def test_a_passive_of_the_same_thing_still_folds(interview) -> None:  # type: ignore[no-untyped-def]
    # "встреча" was named by the step before: the sentence says more about it
    answer = (
        "Потом назначается встреча в офисе. Встреча обязательно подтверждается накануне "
        "по телефону или в мессенджере, чтобы клиент не забыл."
    )
    assert len(steps_of(interview, answer)) == 1


def test_a_regulation_read_aloud_tells_steps_but_a_client_quoted_does_not(interview) -> None:  # type: ignore[no-untyped-def]
    answer = (
        "Я вам регламент зачитаю. Пункт первый: «Менеджер регистрирует заявку в CRM в день "
        "поступления». Пункт второй: «2.2. Менеджер направляет клиенту коммерческое "
        "предложение». Пункт третий: «Заявка передаётся в отдел внедрения». А клиенты "
        "обычно пишут: «вышлите прайс, мы подумаем»."
    )
    quotes = " | ".join(s.quote for s in steps_of(interview, answer))
    assert "регистрирует заявку" in quotes
    assert "направляет клиенту коммерческое предложение" in quotes
    assert "Заявка передаётся в отдел внедрения" in quotes  # "Пункт ...:" reads a rule out
    assert "вышлите прайс" not in quotes


STORY = (
    "Расскажу на одной сделке, так понятнее. Заявка пришла в понедельник с сайта. "
    "Я ей сразу позвонил, выяснил объёмы. Потом она прислала табличку с артикулами. "
    "Я посчитал тариф в калькуляторе. Отправил КП в среду. "
    "В пятницу я провёл их по складу. Поторговались немного, я дал скидку на хранение. "
    "Я организовал тестовую отгрузку. Подписали договор через юриста. "
    "Через месяц я ей позвонил, спросил, всё ли устраивает."
)


def test_one_deal_told_as_a_story_tells_the_steps(interview) -> None:  # type: ignore[no-untyped-def]
    told = [analyze(s, "ru") for s in STORY.split(". ")]
    assert tells_one_story(told)
    quotes = " | ".join(s.quote for s in steps_of(interview, STORY))
    assert "посчитал тариф" in quotes
    assert "организовал тестовую отгрузку" in quotes


def test_one_story_among_present_tense_steps_stays_a_story() -> None:
    sentences = [
        "Я звоню клиенту.", "Выясняю объёмы.", "Считаю тариф.", "Отправляю КП.",
        "Провожу по складу.", "Один раз я забыл отправить КП.", "Клиент ушёл.",
        "Я потом долго переживал.", "Подписываем договор.", "Организую тестовую отгрузку.",
    ]  # fmt: skip
    assert not tells_one_story([analyze(s, "ru") for s in sentences])
