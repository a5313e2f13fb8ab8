"""Claim rules added with the fifth tuning writer (dev5): self-corrections, whom the manager
will ask, questions with "can", and trips as a product."""

import pytest

from salesmine.refusals.claims import find_claims


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
