"""Claim rules added with the fifth tuning writer (dev5): self-corrections, whom the manager
will ask, questions with "can", and trips as a product."""

import pytest

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_match import build_index
from salesmine.refusals.claims import claim_of, find_claims


def mentions(text: str) -> list[str]:
    return [c.mention for c in find_claims(text, None)]


@pytest.mark.parametrize(
    "text",
    [
        "Сначала сказал, что доставку в регионы не делаем, потом уточнил у склада — делаем.",
        "Said at first we don't sell thinner - corrected myself, we do, added to the order.",
        "Told them we don't offer leasing, turns out we do, sent the terms.",
    ],
)
def test_claim_taken_back_by_the_manager_is_no_claim(text):
    assert mentions(text) == []


def test_whom_the_manager_will_ask_is_not_the_product():
    text = "Клиентка спросила про упаковку. Не знаю, делаем ли ещё, спрошу у склада."
    assert "склада" not in mentions(text)


def test_client_speech_is_not_the_product():
    assert "слов клиента" not in mentions("Со слов клиента у нас нет встречи в аэропорту.")


def test_question_with_can_and_any_verb():
    text = (
        "They asked if we can assemble promo bundles for the campaign - wasn't sure, "
        "promised to check."
    )
    assert mentions(text) == ["promo bundles"]
    assert mentions("They asked if we can wait with the payment. Not sure, will check.") == []


def test_qualified_trip_is_a_product_a_bare_one_is_not():
    assert mentions("Сказал, что мотивационные поездки мы не организуем.") == [
        "мотивационные поездки"
    ]
    assert mentions("Поездки в этом году не будет, бюджет урезали.") == []


def _index():
    return build_index(
        [
            CatalogItem("Постоплата для юрлиц", synonyms=("постоплата",)),
            CatalogItem("Корпоративный тариф", synonyms=("corporate rate",)),
            CatalogItem("Доставка в ПВЗ", synonyms=("ПВЗ",)),
            CatalogItem("Медицинский чек-ап", synonyms=("медобследование",)),
        ]
    )


@pytest.mark.parametrize(
    "text",
    [
        # a pasted dialogue where the manager's turn starts with a yes
        "К: у вас ведь нет постоплаты?\nМ: есть, для юрлиц по договору\nК: отлично",
        "C: you don't have a corporate rate, do you?\nM: we do, 15% off\nC: great",
        # the writer called back and put it right
        "Сказал клиенту что ПВЗ у нас нет — ошибся. Перезвонил, извинился, отправил карту.",
    ],
)
def test_a_claim_set_right_to_the_client_is_no_error(text):
    found = claim_of(text, _index())
    assert found is None or not found.manager_error


def test_a_slip_only_noticed_still_stands():
    text = "сказал что медобследования мы не организуем. (ошибся? в каталоге есть чек-ап)"
    found = claim_of(text, _index())
    assert found is not None and found.manager_error
