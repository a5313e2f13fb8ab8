"""New step or more about the last one, and the quote each step keeps: details under a heading
or after "что-то", the purpose of a step, the same thing done more with; an order marker with
other words; the quote never running across a sentence that says nothing of its step."""

from __future__ import annotations

from salesmine.process import extract_steps


def steps_of(interview, answer: str, question: str = "Расскажите по шагам, как вы продаёте."):  # type: ignore[no-untyped-def]
    transcript = interview(f"Интервьюер: {question}\nОльга: {answer}", interviewee="Ольга")
    return list(extract_steps(transcript))


def test_details_under_a_heading_are_one_step(interview) -> None:  # type: ignore[no-untyped-def]
    answer = "Потом — ипотека: собираю у клиента паспорт, справки и отправляю заявку в банки."
    assert len(steps_of(interview, answer)) == 1


def test_what_stands_for_something_is_one_step(interview) -> None:  # type: ignore[no-untyped-def]
    answer = "Потом торгуемся. Уступаю что-то — доставку бесплатно делаю, монтаж дарю."
    assert len(steps_of(interview, answer)) == 1


def test_the_purpose_of_a_step_is_part_of_it(interview) -> None:  # type: ignore[no-untyped-def]
    answer = "Потом звоню клиенту. Задача звонка — снять возражения, понять, кто решает."
    assert len(steps_of(interview, answer)) == 1


def test_doing_more_with_the_same_thing(interview) -> None:  # type: ignore[no-untyped-def]
    answer = "Потом зову на встречу и в календаре ставлю встречу, чтобы не забыть."
    assert len(steps_of(interview, answer)) == 1


def test_an_order_marker_with_other_words_starts_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    # both are "MEET" for the lexicon; the marker and the new words tell a new step
    answer = "Я провожу презентацию, показываю образцы. Потом веду в шоурум."
    assert len(steps_of(interview, answer)) == 2


def test_a_verbless_scene_with_an_action_noun(interview) -> None:  # type: ignore[no-untyped-def]
    steps = steps_of(interview, "В офисе — презентация проекта. Показываю макет.", "А в офисе?")
    assert steps[0].quote.startswith("В офисе — презентация")


def test_the_rule_told_after_a_case_of_it(interview) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Если клиент позвонил мне напрямую — тогда я сама его завожу в CRM. "
        "Но вообще у меня правило: после звонка сразу заношу карточку в CRM."
    )
    steps = steps_of(interview, text, "А в CRM клиент сам попадает?")
    assert len(steps) == 1 and steps[0].quote.startswith("Но вообще у меня правило")


def test_a_quote_runs_over_no_sentence_that_says_nothing_of_it(interview) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Звоню через пару дней, спрашиваю, посмотрели ли. И тут начинается: дорого, долго, "
        "у соседей дешевле. Ну и торгуемся, уступаем по доставке."
    )
    steps = steps_of(interview, "Сначала звоню. Потом отправляю КП. " + text)
    last = steps[-1]
    assert last.quote.startswith("Ну и торгуемся")  # named by the bargaining, quoted from it
    assert "Звоню через" not in last.quote


def test_a_rephrased_step_takes_its_strong_words(interview) -> None:  # type: ignore[no-untyped-def]
    answer = (
        "Договор готовят юристы, я только потом его клиенту отдаю. Ну то есть подписание я провожу."
    )
    steps = steps_of(interview, answer, "А договор кто готовит?")
    assert len(steps) == 1 and "подписание я провожу" in steps[0].quote


def test_scheduling_an_activity_belongs_to_it(interview) -> None:  # type: ignore[no-untyped-def]
    steps = steps_of(interview, "Потом назначаю подписание и провожу его.")
    assert steps[0].concept == "SIGN"


def test_a_call_after_the_meeting_follows_it_up(interview) -> None:  # type: ignore[no-untyped-def]
    answer = "Сначала звоню клиенту. Потом встреча в офисе. На следующий день звоню снова."
    assert [s.concept for s in steps_of(interview, answer)] == ["CALL", "MEET", "OBJECTION"]


def test_a_sentence_of_another_action_stays_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    # both are the payment for the lexicon, but "оформляю полис" is another verb and object
    answer = "Спрашиваю, куда едет. Потом принимаю оплату на кассе. Оформляю полис в системе."
    assert [s.quote for s in steps_of(interview, answer)][-1] == "Оформляю полис в системе"


def test_what_is_done_on_a_visit_folds_into_it(interview) -> None:  # type: ignore[no-untyped-def]
    # "выезжаю на осмотр объекта" acts on no thing: the sentence after tells what is done there
    answer = "Потом выезжаю на осмотр объекта. Смотрим щиток и проводку, фотографируем."
    assert len(steps_of(interview, answer)) == 1


def test_the_same_verb_with_another_object_is_another_action(interview) -> None:  # type: ignore[no-untyped-def]
    answer = "Потом отправляю клиенту анкету. Отправляю ссылку на оплату."
    assert len(steps_of(interview, answer)) == 2


def test_a_sub_action_in_the_same_sentence_still_folds(interview) -> None:  # type: ignore[no-untyped-def]
    answer = "Потом смотрю машину, фоткаю со всех сторон."
    assert len(steps_of(interview, answer)) == 1


def test_a_time_is_no_object_of_a_new_action(interview) -> None:  # type: ignore[no-untyped-def]
    # "каждый день" stands in the accusative but nothing new is acted on
    answer = "Потом отправляю договор юристам. Я каждый день пишу им."
    assert len(steps_of(interview, answer)) == 1


def test_a_passive_sentence_of_another_action_stays_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    answer = (
        "Клиент заносится в CRM. Далее производится расчёт стоимости. "
        "Клиенту отправляется ссылка на оплату. Оформляется полис."
    )
    quotes = [s.quote for s in steps_of(interview, answer)]
    assert "Клиенту отправляется ссылка на оплату" in quotes


def test_counting_after_an_order_word_is_no_opinion(interview) -> None:  # type: ignore[no-untyped-def]
    assert len(steps_of(interview, "Потом я считаю, ну, в программе.")) == 1
    assert steps_of(interview, "Я считаю, что это важно.") == []
