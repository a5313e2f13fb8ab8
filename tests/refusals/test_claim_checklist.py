"""Claims written as a checklist of items and verdicts (claim_rules_checklist)."""

from __future__ import annotations

import pytest

from salesmine.refusals.claims import find_claims


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("Запрос: конференция 150 чел\nзал – есть\nпроектор – есть\nLED-экран – нет\n"
         "кофе-брейк – есть\nКП отправил", ["LED-экран"]),
        ("Amenities she asked about: parking – yes, towels – yes, sauna – no, lockers – yes.",
         ["sauna"]),
        ("Our offer vs their wishlist: LLC reg ✔ / trademark ✔ / tax filings ✘ / bookkeeping ✔",
         ["tax filings"]),
        ("в памятке отметила: ДМС - да, вычет - нет, рассрочка - да.", ["вычет"]),
        # two columns, ours first
        ("Сравнили (мы / СДЭК):\nПВЗ: да / да\nсмс-уведомления: нет / да\nналожка: да / да",
         ["смс-уведомления"]),
        ("москитки — нет", ["москитки"]),
    ],
)  # fmt: skip
def test_an_item_marked_no_is_claimed_missing(text: str, mentions: list[str]) -> None:
    found = find_claims(text)
    assert [c.mention for c in found] == mentions
    assert all(c.source == "manager" for c in found)


@pytest.mark.parametrize(
    "text",
    [
        "Клиент спросил про скидку, сказал no, thanks",  # an answer, not an item
        "бюджет - нет, ЛПР - да",  # not products
        "all good: delivery – yes, install – yes",  # nothing marked no
    ],
)
def test_no_checklist_no_claim(text: str) -> None:
    assert find_claims(text) == []
