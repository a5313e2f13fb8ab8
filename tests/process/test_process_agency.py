"""Whose action is a step: the interviewee's (or "we", or sellers when a director speaks), never
the client's, the partner's or someone else's manager's; not negated, not hypothetical."""

from __future__ import annotations

from dataclasses import replace

import pytest

from salesmine.process import extract_steps
from salesmine.process.agency import heads_team


def names(
    interview, answer: str, question: str = "Расскажите по шагам, как вы продаёте."
) -> list[str]:  # type: ignore[no-untyped-def]
    transcript = interview(f"Интервьюер: {question}\nОльга: {answer}", interviewee="Ольга")
    return [s.name for s in extract_steps(transcript)]


def test_someone_elses_action_is_not_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    answer = (
        "Менеджер салона скидывает мне контакт клиента в чат. Или ипотечный менеджер присылает "
        "письмо. Клиент присылает документы. Потом я звоню клиенту. Андеррайтер считает тариф."
    )
    assert names(interview, answer) == ["позвонить клиенту"]


@pytest.mark.parametrize(
    "answer",
    [
        "Я обычно и не перезваниваю, некогда, лидов много.",
        "Я могу приехать в салон, если сделка большая.",
        "Можно у Максима Дмитриевича спросить, но он в Москве.",
        "Менеджер, который сразу считает то, что попросили, продаёт хуже.",
        "Лучше честно сказать, что такого нет.",
    ],
)
def test_negated_hypothetical_and_opinions_are_not_steps(interview, answer: str) -> None:  # type: ignore[no-untyped-def]
    assert names(interview, answer) == []


def test_director_tells_what_sellers_do(interview) -> None:  # type: ignore[no-untyped-def]
    answer = "Стандартную розницу менеджер считает сам в калькуляторе. Лид сразу заводится в CRM."
    assert names(interview, answer) == ["посчитать в калькуляторе", "завести лид в CRM"]


def test_generalized_you_and_we_are_steps(interview) -> None:  # type: ignore[no-untyped-def]
    answer = "Сначала звонишь клиенту. Потом мы назначаем встречу."
    assert names(interview, answer) == ["позвонить клиенту", "назначить встречу"]


def test_polite_imperative_to_the_interviewer_is_not_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    answer = "Пишите в телеграм, если что. Спрашивайте."
    assert names(interview, answer, question="Спасибо, это всё.") == []


def test_head_tells_a_role_noun_and_he_goes_on_about_it(interview) -> None:  # type: ignore[no-untyped-def]
    # a singular role noun ("оператор") and "он" / no subject after it are the seller
    answer = (
        "Оператор принимает звонок. Дальше он заводит карточку в CRM. "
        "Потом формирует ссылку на оплату."
    )
    got = names(interview, answer, "Как у вас идёт продажа в колл-центре?")
    assert len(got) == 3


def test_he_after_the_client_is_not_the_seller(interview) -> None:  # type: ignore[no-untyped-def]
    answer = "Клиент звонит в офис. Потом он выбирает тариф."
    assert names(interview, answer) == []


def test_role_noun_misread_as_accusative_is_a_subject(interview) -> None:  # type: ignore[no-untyped-def]
    # pymorphy reads the inanimate "аккаунт" as accusative; it is still who acts
    answer = "Потом аккаунт готовит коммерческое предложение."
    assert len(names(interview, answer)) == 1


def test_counting_is_not_the_opinion_i_think(interview) -> None:  # type: ignore[no-untyped-def]
    assert len(names(interview, "Дальше я считаю в калькуляторе стоимость.")) == 1
    assert names(interview, "Я считаю, что клиенту так удобнее.") == []


def test_the_main_thing_the_head_names_is_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    assert len(names(interview, "И тут самое главное — объяснить условия полиса.")) == 1


def test_a_role_noun_sentence_of_its_own_is_the_next_step(interview) -> None:  # type: ignore[no-untyped-def]
    # "Оператор ... собирает данные" after the link: a third-person verb with a new object
    answer = "Потом оператор формирует ссылку на оплату. Оператор проверяет статус."
    assert len(names(interview, answer, "Как у вас идёт продажа в колл-центре?")) == 2


def test_heads_team_by_role_or_by_words() -> None:
    assert heads_team("Руководитель колл-центра", "")
    assert heads_team("", "У меня в отделе пять человек.")
    assert not heads_team("Оператор", "Я принимаю звонки.")


def test_head_tells_the_other_roles_part_of_the_sale(interview) -> None:  # type: ignore[no-untyped-def]
    # a head of sales tells the whole process: the administrator's and the engineer's work is
    # the company's sale too; the client's is not
    answer = (
        "Администратор принимает звонок. Потом инженер выезжает на объект. "
        "Клиент подписывает договор."
    )
    transcript = interview(
        f"Интервьюер: Как у вас устроена продажа?\nОльга: {answer}", interviewee="Ольга"
    )
    head = replace(transcript, role="коммерческий директор")
    assert [s.name for s in extract_steps(head)] == ["принимать звонок", "выехать на объект"]
    # a seller telling a colleague's part tells no step of their own
    assert [s.name for s in extract_steps(replace(transcript, role="менеджер"))] == []


def test_the_clients_engineer_is_not_ours(interview) -> None:  # type: ignore[no-untyped-def]
    answer = "Инженер заказчика проверяет проект. Потом я выставляю счёт."
    transcript = interview(f"Интервьюер: Как идёт продажа?\nОльга: {answer}", interviewee="Ольга")
    head = replace(transcript, role="директор по продажам")
    assert [s.name for s in extract_steps(head)] == ["выставить счет"]
