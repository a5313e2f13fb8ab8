"""Russian step recall (session 8): the rules keep steps they used to fold or drop.

- a sentence that names a seller as its doer ("Менеджер выставляет ...") after a step of the
  same activity for the lexicon is the next step, whatever its length — but after a heading
  ("Дальше договор. Менеджер готовит ...") it still tells what is done in it;
- in the answer to "А если заказчик согласился?" a short sentence of its own is a step too;
- a remark after a dash ("Оформляю страховку — с этой компанией мы ...") does not make the
  sentence a long, detailed one;
- "я не знаю, делают ли так коллеги" and "не езжу, но согласую" disclaim nothing the speaker does;
- "Откуда клиенты берутся?" asks where the process starts, not what happens if the client acts.

Second round:
- a heading step ("Дальше у нас такой этап — проверка склада.") takes in the action told after
  it, one sentence of background between them allowed, so its quote says what is done;
- a seller named as the doer in the perfective ("Менеджер согласует с клиентом дату") tells the
  next step as the present does ("Менеджер выставляет счёт");
- a sentence opening by placing its action before another activity ("Перед звонком я захожу на
  сайт", "До выезда прошу планировку") is told in its place in the sequence;
- the first clause of an answer that does what the question asked about ("А лицензию вы
  проверяете?" — "Проверяю, конечно, на сайте"), told in no step yet, is a step;
- a line reading out items numbered in words ("Пункт пятый. ... Пункт шестой. ...") holds one
  item per number, and a bare ordinal ("Двенадцатое — заказ оборудования.") numbers the sentence
  it opens — an ordinal, not a cardinal ("Шесть — ...").
"""

from __future__ import annotations

from salesmine.process.actions import analyze
from salesmine.process.asides import disclaims
from salesmine.process.list_items import units
from salesmine.process.questions import asks_if
from salesmine.process.steps import judged
from salesmine.process.steps import verdicts as verdicts_of


def _verdict(verdicts: dict[str, str], start: str) -> str:
    return next(v for quote, v in verdicts.items() if quote.startswith(start))


def test_a_seller_named_again_tells_the_next_step(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: А после согласования цены?\n"
        "Руслан: Менеджер готовит договор поставки по типовому шаблону. Менеджер выставляет "
        "клиенту счёт на предоплату в размере половины суммы заказа. Потом отгрузка.",
        interviewee="Руслан",
    )
    assert _verdict(verdicts_of(told), "Менеджер выставляет") == "new"


def test_after_a_heading_the_seller_sentence_still_details_it(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: А после согласования цены?\n"
        "Руслан: Дальше договор. Менеджер готовит договор поставки по типовому шаблону и "
        "отправляет его клиенту на подпись.",
        interviewee="Руслан",
    )
    assert _verdict(verdicts_of(told), "Менеджер готовит") == "merge"


def test_a_short_sentence_after_a_contingency_question_is_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: Хорошо. А если заказчик согласился на условия?\n"
        "Марат: Тогда подписываем договор с заказчиком. Выставляем ему счёт.",
        interviewee="Марат",
    )
    assert _verdict(verdicts_of(told), "Выставляем ему счёт") == "new"


def test_a_remark_after_a_dash_leaves_the_sentence_short(interview) -> None:  # type: ignore[no-untyped-def]
    own = interview(
        "Интервьюер: Что дальше по шагам?\n"
        "Нина: Подписываем договор с клиентом. Оформляю страховку на оборудование — с этой "
        "страховой компанией мы работаем уже много лет.",
        interviewee="Нина",
    )
    assert _verdict(verdicts_of(own), "Оформляю страховку") == "new"
    terse = interview(
        "Интервьюер: Что дальше по шагам?\n"
        "Нина: Потом подписание у нотариуса. Выставляю счёт — обычно сразу, пока клиент ещё "
        "сидит у нас в офисе.",
        interviewee="Нина",
    )
    assert _verdict(verdicts_of(terse), "Выставляю счёт") == "new"


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
    assert _verdict(verdicts_of(told), "А потом") != "disclaims"


def test_where_clients_come_from_is_no_contingency() -> None:
    for question in ("Откуда вообще клиенты берутся?", "А новые заказчики откуда приходят?"):
        assert not asks_if(question, analyze(question, "ru")), question
    for question in ("И клиенты соглашаются вот так сразу?", "А если клиент молчит?"):
        assert asks_if(question, analyze(question, "ru")), question


def _quotes(transcript) -> list[str]:  # type: ignore[no-untyped-def]
    _, steps = judged(transcript, generous=False)
    return [c.step.quote for c in steps]


def test_a_heading_takes_in_the_action_told_after_it(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: А что после встречи?\n"
        "Олег: Дальше у нас такой этап — проверка склада. Обычно склад забит под потолок, места "
        "мало. Менеджер запрашивает у кладовщика остатки по позициям.",
        interviewee="Олег",
    )
    quotes = _quotes(told)
    assert any("проверка склада" in q and "запрашивает у кладовщика" in q for q in quotes)


def test_a_seller_in_the_perfective_tells_the_next_step(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: Что происходит после оплаты?\n"
        "Ирина: После поступления оплаты менеджер оформляет наряд на установку в сервисную "
        "службу. Менеджер согласует с клиентом дату установки и время приезда бригады.",
        interviewee="Ирина",
    )
    assert _verdict(verdicts_of(told), "Менеджер согласует") == "new"


def test_an_action_placed_before_another_starts_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    before = interview(
        "Интервьюер: С чего вы начинаете?\n"
        "Вера: Сама нахожу компании в справочнике. Перед звонком я захожу на их сайт и смотрю, "
        "какие у них филиалы.",
        interviewee="Вера",
    )
    assert _verdict(verdicts_of(before), "Перед звонком") == "new"
    ahead = interview(
        "Интервьюер: А потом?\n"
        "Вера: Потом считаю стоимость работ. До расчёта я прошу у клиента план помещения.",
        interviewee="Вера",
    )
    assert _verdict(verdicts_of(ahead), "До расчёта") == "new"
    # "после" with an ordinary object of the verb stays as it was: more about the step
    same = interview(
        "Интервьюер: А потом?\n"
        "Вера: Потом считаю стоимость работ. Считаю по прайсу, с учётом скидки.",
        interviewee="Вера",
    )
    assert _verdict(verdicts_of(same), "Считаю по прайсу") == "merge"


def test_items_numbered_in_words_within_one_line() -> None:
    line = (
        "Так, вот регламент. Пункт пятый. Подбор модели под задачи клиента. Пункт шестой. "
        "Организация показа техники."
    )
    told = [(span.text, match is not None) for span, match in units(line, "ru")]
    assert told == [
        ("Так, вот регламент.", False),
        ("Пункт пятый. Подбор модели под задачи клиента.", True),
        ("Пункт шестой. Организация показа техники.", True),
    ]
    item = "Этап первый — звонок. Этап второй — встреча с клиентом."
    assert [(s.text, m is not None) for s, m in units(item, "ru")] == [
        ("Этап первый — звонок.", True),
        ("Этап второй — встреча с клиентом.", True),
    ]
    plain = "1. Прозвон базы. Потом КП."  # a numbered line stays whole
    assert [s.text for s, _ in units(plain, "ru")] == [plain]


def test_a_bare_ordinal_numbers_its_own_sentence() -> None:
    line = "Двенадцатое — заказ оборудования. У нас всё через завод, сроки долгие."
    told = [(span.text, match is not None) for span, match in units(line, "ru")]
    assert told == [
        ("Двенадцатое — заказ оборудования.", True),
        ("У нас всё через завод, сроки долгие.", False),
    ]
    for said in ("Тринадцатый: контроль поставки.", "И третье — договор."):
        assert all(m is not None for _, m in units(said, "ru")), said
    # a cardinal, or an ordinal with no dash or colon after it, numbers nothing
    for said in ("Шесть — смета, считаю сам.", "Первое время я звоню сам."):
        assert all(m is None for _, m in units(said, "ru")), said


def test_items_read_out_become_steps(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: Давайте дальше по регламенту.\n"
        "Лариса: Пункт пятый. Подбор оборудования под задачи клиента. Пункт шестой. "
        "Организация демонстрации оборудования на площадке клиента.\n",
        interviewee="Лариса",
    )
    quotes = _quotes(told)
    assert any(q.startswith("Подбор оборудования") for q in quotes), quotes
    assert any(q.startswith("Организация демонстрации") for q in quotes), quotes


def test_an_answer_doing_what_was_asked_about_is_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    told = interview(
        "Интервьюер: Как вы начинаете?\n"
        "Денис: Сначала звоню клиенту, договариваюсь о встрече.\n"
        "Интервьюер: А лицензию клиента вы проверяете?\n"
        "Денис: Проверяю, конечно, на сайте ведомства. Там всё видно.",
        interviewee="Денис",
    )
    assert _verdict(verdicts_of(told), "Проверяю, конечно") == "new"
    # the question about a step already told: the answer says more about it
    again = interview(
        "Интервьюер: Как вы начинаете?\n"
        "Денис: Сначала звоню клиенту, договариваюсь о встрече.\n"
        "Интервьюер: А звоните вы сами?\n"
        "Денис: Звоню сам, конечно, с рабочего телефона.",
        interviewee="Денис",
    )
    assert _verdict(verdicts_of(again), "Звоню сам") != "new"
