"""Step names read as an order: perfective infinitive + object in the accusative."""

from __future__ import annotations

import pytest

from salesmine.process import naming
from salesmine.process.naming import describe


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Далее клиенту направляется подборка планировок", "направить подборку планировок"),
        ("Сразу после брони подаётся заявка на ипотеку", "подать заявку на ипотеку"),
        ("Клиент заводится в CRM", "завести клиента в CRM"),
        ("Приходит заявка с сайта", "получить заявку с сайта"),
        ("Уходит коммерческое предложение клиенту", "отправить коммерческое предложение клиенту"),
        ("На встрече проводится презентация проекта", "провести презентацию проекта"),
        ("Назначается новая встреча", "назначить новую встречу"),
        ("Делается контрольный звонок", "сделать контрольный звонок"),
        ("Я отправляю КП", "отправить КП"),
    ],
)
def test_names_are_infinitive_and_accusative_object(
    text: str, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(naming, "PERFECTIVE_NAMES", True)
    assert describe(text, "ru") == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Согласование договора, часто с протоколом разногласий", "согласовать договор"),
        ("Обследование объекта", "обследовать объект"),
        ("Подписание", "подписать"),
        ("Выставление поста или монтаж", "выставить пост"),
        ("Отправка КП клиенту", "отправить КП клиенту"),
        ("Выезд на объект", "выехать на объект"),
        ("Дальше договор — у них свой", "договор"),
    ],
)
def test_a_step_told_by_its_action_noun_is_named_by_the_verb(text: str, name: str) -> None:
    assert describe(text, "ru") == name


def test_verb_of_noun_needs_a_known_infinitive() -> None:
    assert naming.verb_of_noun("согласование") == "согласовать"
    assert naming.verb_of_noun("отправка") == "отправить"
    assert naming.verb_of_noun("расчет") == "рассчитать"  # listed: no ending gives it
    assert naming.verb_of_noun("позиция") is None  # no verb "позицировать"


def test_a_bare_verb_gets_no_action_noun_for_an_object() -> None:
    assert (
        naming.readable("обследовать", "", "Потом обследование, с инженером", "ru") == "обследовать"
    )
    assert naming.readable("отправить", "", "отправляю договор", "ru") == "отправить договор"


def test_an_action_nouns_object_skips_the_words_a_name_drops() -> None:
    # "обязательно" is dropped from the name; the object is the genitive after it
    assert describe("Согласование обязательно договора", "ru") == "согласовать договор"
