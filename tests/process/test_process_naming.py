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
