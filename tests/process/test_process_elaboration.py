"""New step or more about the last one: elaborations and restatements collapse (Russian)."""

from __future__ import annotations

from salesmine.process import extract_steps
from salesmine.process.step_novelty import own_action
from salesmine.process.steps import judged


def steps_of(interview, text: str):  # type: ignore[no-untyped-def]
    return extract_steps(interview(text, interviewee="Ольга"))


def test_elaboration_of_a_step_collapses_into_it(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
Интервьюер: Как вы продаёте?
Ольга: Потом я звоню клиенту. На звонке знакомлюсь, говорю, что я от салона.
И выясняю, что ему нужно. Потом прошу документы. Паспорт, права, СТС.
"""
    steps = steps_of(interview, text)
    assert [s.name for s in steps] == [
        "позвонить клиенту",
        "выяснить потребность",
        "попросить документы",
    ]
    assert [s.concept for s in steps] == ["CALL", "NEED", "DOCS"]


def test_one_step_told_with_several_verbs_is_one_step(interview) -> None:  # type: ignore[no-untyped-def]
    # the offer is one step however many verbs tell it; the signing and the money after it are
    # two (teams keep the invoice apart from the contract: concepts.py, PAYMENT)
    text = """
Интервьюер: Дальше?
Ольга: Восьмое — коммерческое предложение.
КП отправляем письмом и обязательно звоним и проговариваем его голосом.
Дальше — договор. Подписываем, выставляем счёт, контролируем оплату.
"""
    steps = steps_of(interview, text)
    assert [s.concept for s in steps] == ["OFFER", "SIGN", "PAYMENT"]
    assert "проговариваем его голосом" in steps[0].quote
    assert steps[1].quote == "Дальше — договор. Подписываем"
    assert steps[2].quote == "выставляем счёт, контролируем оплату"


def test_restatement_in_a_later_answer_is_not_a_new_step(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
Интервьюер: Как вы продаёте?
Ольга: Перезваниваю. Представляюсь, спрашиваю, что за машина, год, кто водители. Потом считаю.
Интервьюер: А вы спрашиваете, зачем ему полис?
Ольга: Ну… Я спрашиваю данные по машине, чтобы посчитать.
Интервьюер: А потом договор?
Ольга: Договор подписываем.
"""
    assert [s.concept for s in steps_of(interview, text)] == ["CALL", "CALC", "SIGN"]


def test_answer_about_a_told_activity_adds_nothing(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
Интервьюер: Как вы продаёте?
Ольга: Сначала вношу клиента в CRM. Потом звоню.
Интервьюер: А в CRM когда заносите?
Ольга: Сразу, пока разговариваю, завожу карточку.
"""
    assert [s.concept for s in steps_of(interview, text)] == ["CRM", "CALL"]


def test_a_call_after_the_proposal_is_the_follow_up(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
Интервьюер: Как вы продаёте?
Ольга: Сначала звоню клиенту. Потом отправляю КП.
Интервьюер: А если клиент молчит?
Ольга: Если клиент молчит, я перезваниваю через день-два.
"""
    steps = steps_of(interview, text)
    assert [s.concept for s in steps] == ["CALL", "OFFER", "OBJECTION"]
    assert steps[2].name == "перезвонить через день"


def test_question_names_the_activity_of_its_answer(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
Интервьюер: Как вы продаёте?
Ольга: Сначала звоню клиенту. Потом отправляю КП.
Интервьюер: А если клиент говорит «дорого»?
Ольга: Объясняю, из чего складывается цена, показываю аналоги подешевле.
"""
    steps = steps_of(interview, text)
    assert [s.concept for s in steps] == ["CALL", "OFFER", "OBJECTION"]
    assert steps[2].quote == "Объясняю, из чего складывается цена, показываю аналоги подешевле"


def test_bare_verb_gets_the_object_of_its_activity(interview) -> None:  # type: ignore[no-untyped-def]
    text = "Интервьюер: Дальше?\nОльга: Перезваниваю. Дальше считаю. Потом торгуемся."
    assert [s.name for s in steps_of(interview, text)] == [
        "перезвонить клиенту",
        "посчитать стоимость",
        "торговаться с клиентом",
    ]


def test_english_keeps_every_step(interview) -> None:  # type: ignore[no-untyped-def]
    text = "Q: Steps?\nAnn: I call the client and I ask about the budget. Then I send a quote."
    steps = extract_steps(interview(text, interviewee="Ann", lang="en"))
    assert [s.name for s in steps] == ["call the client", "ask about the budget", "send a quote"]


def test_a_told_activity_leads_into_a_new_one(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
Интервьюер: Как вы продаёте?
Ольга: Сначала звоню клиенту. Потом завожу карточку в CRM.
Интервьюер: А дальше?
Ольга: Потом уже созваниваюсь с шефом и расспрашиваю подробно про меню.
"""
    steps = steps_of(interview, text)
    assert [s.concept for s in steps] == ["CALL", "CRM", "NEED"]
    assert steps[2].quote.startswith("Потом уже созваниваюсь с шефом и расспрашиваю")


def test_the_bargaining_names_the_follow_up_told_before_it(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
Интервьюер: Как вы продаёте?
Ольга: Сначала звоню клиенту. Потом отправляю КП.
Интервьюер: А дальше?
Ольга: Звоню через пару дней, спрашиваю, посмотрели ли. Ну и торгуемся, отрабатываю возражения.
"""
    steps = steps_of(interview, text)
    assert [s.concept for s in steps] == ["CALL", "OFFER", "OBJECTION"]
    assert steps[2].name.startswith("торговаться")
    assert steps[2].quote.endswith("Ну и торгуемся, отрабатываю возражения")


def test_a_call_after_the_contract_is_the_after_sale_call(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
Интервьюер: Как вы продаёте?
Ольга: Сначала звоню клиенту. Потом отправляю КП. Дальше подписываем договор.
Интервьюер: И на этом всё?
Ольга: Не всё. Через месяц звоню, спрашиваю, как всё работает.
"""
    steps = steps_of(interview, text)
    assert [s.concept for s in steps] == ["CALL", "OFFER", "SIGN", "AFTERSALE"]


def _pair(interview, answer: str):  # type: ignore[no-untyped-def]
    """The first two candidates of a one-answer interview: the step and the sentence after it."""
    found, _ = judged(
        interview(f"Интервьюер: Как вы продаёте?\nОльга: {answer}", interviewee="Ольга")
    )
    return found[0], found[-1]


def test_own_action_needs_another_verb_and_object(interview) -> None:  # type: ignore[no-untyped-def]
    step, later = _pair(interview, "Беру паспорт, снимаю копию. Пробиваю оплату.")
    assert own_action(later, step)
    step, later = _pair(interview, "Беру паспорт, снимаю копию. Паспорт проверяю.")
    assert not own_action(later, step)


def test_own_action_spares_an_explanation_or_a_habit(interview) -> None:  # type: ignore[no-untyped-def]
    step, later = _pair(interview, "Готовлю КП. Поэтому скидку закладываю заранее.")
    assert not own_action(later, step)
    step, later = _pair(interview, "Готовлю КП. Скидку закладываю заранее.")
    assert own_action(later, step)


def test_a_paragraph_of_its_own_starts_the_next_step(interview) -> None:  # type: ignore[no-untyped-def]
    # the same speaker's next paragraph, with no question between, tells the next action
    text = """
    Интервьюер: Как вы продаёте?
    Ольга: Спрашиваю возраст, что беспокоит, какая клиника рядом с домом.
    Ольга: Объясняю, какие клиники входят в программу, что со стоматологией и с хроническими.
    """
    steps = extract_steps(interview(text, interviewee="Ольга"))
    assert len(steps) == 2
    assert steps[1].quote.startswith("Объясняю")


def test_a_detail_in_the_same_paragraph_still_folds(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
    Интервьюер: Как вы продаёте?
    Ольга: Спрашиваю возраст, что беспокоит, какая клиника рядом с домом. Объясняю, какие
    клиники входят в программу, что со стоматологией и с хроническими.
    """
    assert len(extract_steps(interview(text, interviewee="Ольга"))) == 1


def test_a_speaker_who_answers_in_bursts_tells_one_step_per_sentence(interview) -> None:  # type: ignore[no-untyped-def]
    # "Пишу сразу." is no detail of taking the lead: a sentence of a verb and a word or two
    # has no room for one; a longer sentence that says more about the step still folds
    text = """
Интервьюер: Как вы ведёте заявку?
Ольга: Беру лид из амо. Пишу сразу. Спрашиваю возраст, уровень, цель. Записываю на пробный.
"""
    found, _ = judged(interview(text, interviewee="Ольга"))
    verdicts = {c.step.quote: c.verdict for c in found}
    assert verdicts["Пишу сразу"] == "new"
    assert verdicts["Записываю на пробный"] == "new"
