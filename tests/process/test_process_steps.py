"""Step extraction from one interview: narration, lists, several steps per sentence, digressions."""

from __future__ import annotations

from pathlib import Path

import pytest

from salesmine.process import extract_steps

DATA = Path(__file__).resolve().parent.parent / "data" / "process"


def read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def names(transcript) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.name for s in extract_steps(transcript)]


def test_russian_narration_gives_ordered_steps(interview) -> None:  # type: ignore[no-untyped-def]
    steps = extract_steps(interview(read("ru_narrated.txt"), interviewee="Иван"))
    assert [s.name for s in steps] == [
        "взять выгрузку из CRM",
        "обзвонить холодных клиентов",
        "назначить встречу",
        "отправить КП на почту",
        "выехать на осмотр",
        "подписать договор",
        "внести все в CRM",
    ]
    assert [s.position for s in steps] == list(range(1, 8))
    assert steps[2].quote == "Если клиент заинтересовался, назначаю встречу"
    assert all(s.employee == "Иван" and s.turn in (1, 3) for s in steps)


def test_quote_is_verbatim_with_offsets(interview) -> None:  # type: ignore[no-untyped-def]
    transcript = interview(read("ru_narrated.txt"), interviewee="Иван")
    for step in extract_steps(transcript):
        assert transcript.turns[step.turn].text[step.start : step.end] == step.quote


def test_russian_numbered_list_with_action_nouns(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
В: Перечислите шаги.
О: Вот мой порядок:
1. Прозвон базы.
2) Квалификация клиента
3. КП
4. Оплата и выдача полиса.
"""
    # an action noun is named by its verb ("Квалификация клиента" -> "квалифицировать
    # клиента"), a bare one with its activity's object; a document noun stays as said
    assert names(interview(text, interviewee="О")) == [
        "прозвонить базу",
        "квалифицировать клиента",
        "КП",
        "оплатить счет",
    ]


def test_english_narration(interview) -> None:  # type: ignore[no-untyped-def]
    text = read("en_narrated.txt")
    assert names(interview(text, interviewee="Ann", lang="en")) == [
        "call the lead from the list",
        "send a quote",
        "schedule a meeting",
        "sign the contract",
        "log in the CRM",
    ]


def test_english_numbered_list(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
Q: Walk me through your steps.
Bob: Sure.
1. Qualify the lead.
2. Book a demo.
3. Send the proposal.
"""
    assert names(interview(text, interviewee="Bob", lang="en")) == [
        "qualify the lead",
        "book a demo",
        "send the proposal",
    ]


def test_interviewer_turns_hold_no_steps(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
Интервьюер: Вы сначала звоните клиенту, потом отправляете КП и назначаете встречу?
Ольга: Нет. Я сначала назначаю встречу.
Интервьюер: А договор кто подписывает?
Ольга: Договор подписываю я.
"""
    assert names(interview(text, interviewee="Ольга")) == [
        "назначить встречу",
        "подписать договор",
    ]


@pytest.mark.parametrize(
    "answer",
    [
        "У нас в офисе кофе хороший.",
        "Мне кажется, клиенты стали жаднее, и я с ними спорю.",
        "Честно говоря, я устаю звонить по вечерам.",
        "Однажды клиент порвал договор прямо на встрече. Потом он извинился.",
        "КП я не отправляю.",
        "Как я уже говорил, звоню клиенту.",
    ],
)
def test_digressions_hold_no_step(interview, answer: str) -> None:  # type: ignore[no-untyped-def]
    text = f"Интервьюер: Расскажите о работе.\nОльга: {answer}"
    assert names(interview(text, interviewee="Ольга")) == []


def test_small_talk_answer_needs_an_order_marker(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
Интервьюер: Как давно вы у нас работаете?
Ольга: Третий год, пришла из банка и сразу полюбила продажи.
Интервьюер: А как продаёте?
Ольга: Звоню по базе.
"""
    assert names(interview(text, interviewee="Ольга")) == ["позвонить по базе"]


def test_before_that_moves_the_step_back(interview) -> None:  # type: ignore[no-untyped-def]
    text = (
        "В: Дальше?\nО: Выезжаю на осмотр. Перед этим проверяю машину по базе. Потом делаю расчёт."
    )
    assert names(interview(text, interviewee="О")) == [
        "проверить машину по базе",
        "выехать на осмотр",
        "сделать расчет",
    ]


def test_aux_verb_gives_its_infinitive(interview) -> None:  # type: ignore[no-untyped-def]
    text = "В: А потом?\nО: Стараюсь перезвонить клиенту в тот же день. Надо ещё заполнить анкету."
    assert names(interview(text, interviewee="О")) == ["перезвонить клиенту", "заполнить анкету"]


def test_interviewee_falls_back_to_the_main_speaker(interview) -> None:  # type: ignore[no-untyped-def]
    text = "В: Как продаёте?\nОльга: Сначала звоню клиенту, потом отправляю КП."
    transcript = interview(text, interviewee="Респондент")
    assert [s.name for s in extract_steps(transcript)] == ["позвонить клиенту", "отправить КП"]


def test_stages_numbered_in_words_are_list_items(interview) -> None:  # type: ignore[no-untyped-def]
    # "Этап первый — приветствие": an ordinal word numbers an item as "1." does
    answer = (
        "Значит, этап первый — приветствие.\n"
        "Этап второй — создать обращение в CRM.\n"
        "Этап третий — выявление потребности.\n"
        "И этап четвёртый — расчёт стоимости."
    )
    transcript = interview(
        f"Интервьюер: Какие этапы по регламенту?\nОльга: {answer}", interviewee="Ольга"
    )
    steps = extract_steps(transcript)
    assert len(steps) == 4
    assert "создать обращение" in steps[1].quote
