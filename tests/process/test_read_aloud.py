"""A regulation read out during an interview: numbered clauses in quotes ("Три-четыре: «Клиенту
предоставляются образцы»") are the speaker's steps, in the passive as in the active; a client
quoted in a story is not."""

from __future__ import annotations

from salesmine.process import extract_steps
from salesmine.process.list_items import READ_CLAUSE

READ_OUT = (
    "Интервьюер: Расскажите, как у вас работают с новым клиентом.\n"
    "Жанна: Я по регламенту прочитаю, у меня открыт. Пункт два-один: «Заявка клиента "
    "регистрируется в CRM в день поступления». Два-два: «Менеджер проводит первичный звонок и "
    "выясняет объёмы». Два-три: «Осуществляется выезд к клиенту на объект». Два-четыре: «Клиенту "
    "направляется коммерческое предложение». Два-пять: «Заключается договор поставки».\n"
    "Интервьюер: А на практике так же?\n"
    "Жанна: Да, так и работаем. Один раз клиент мне сказал: «Оформляется всё у вас долго», "
    "но это редкость."
)


def test_numbered_clauses_in_words_or_digits_open_a_rule() -> None:
    assert READ_CLAUSE.match("Три-девять: «Условия поставки согласуются»")
    assert READ_CLAUSE.match("И пункт 3.2: «Менеджер регистрирует заявку»")
    assert not READ_CLAUSE.match("Три клиента: «да, давайте»")
    assert not READ_CLAUSE.match("Два дня ждал ответа")


def test_each_clause_of_a_regulation_read_out_is_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    steps = extract_steps(interview(READ_OUT, interviewee="Жанна"))
    quotes = " | ".join(s.quote for s in steps)
    for told in (
        "регистрируется в CRM",
        "проводит первичный звонок",
        "Осуществляется выезд",
        "направляется коммерческое предложение",
        "Заключается договор",
    ):
        assert told in quotes, told
    assert "Оформляется всё у вас долго" not in quotes  # the client's words in a story
