"""A claim's phrase that names nothing, read without words at its edge that are no part of the
product (mention_match._loose_edges): a person, a name or a place before it, a second conjunct
after it — never a qualifier that makes another product."""

from __future__ import annotations

import pytest

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_match import build_index
from salesmine.refusals.mention_match import match_mention

CATALOG = build_index(
    [
        CatalogItem("Аренда генератора", synonyms=("генератор",)),
        CatalogItem("Кулер для воды", synonyms=("кулер",)),
        CatalogItem("Вывоз мусора", synonyms=("мусоровоз",)),
        CatalogItem("Ночная доставка", synonyms=("night delivery",)),
        CatalogItem("Добровольное медицинское страхование"),
        CatalogItem("ОСАГО"),
    ]
)


@pytest.mark.parametrize(
    ("mention", "item"),
    [
        ("прорабу генератор", "Аренда генератора"),  # who was told: a person
        ("этаже кулер", "Кулер для воды"),  # "на этаже": a noun only in an oblique case
        ("Green Office кулер", "Кулер для воды"),  # a Latin brand before a Russian name
        ("bakery chain night delivery", "Ночная доставка"),  # English words before a name
        ("ДМС и фитнес", "Добровольное медицинское страхование"),  # a second conjunct
    ],
)
def test_words_beside_the_product_are_dropped(mention: str, item: str) -> None:
    assert match_mention(mention, CATALOG).item == item


@pytest.mark.parametrize(
    "mention",
    [
        "франшизу на ОСАГО",  # what follows a preposition is another product's qualifier
        "ремонта ОСАГО",  # a genitive-capable lead may head the rest
        "franchise on ОСАГО",  # nor after an English preposition
    ],
)
def test_qualifiers_stay(mention: str) -> None:
    assert match_mention(mention, CATALOG).item == ""


PURPOSES = build_index(
    [
        CatalogItem("Выезд ветеринара на дом"),
        CatalogItem("Распознавание автомобильных номеров", synonyms=("автономера",)),
    ]
)


def test_the_phrase_before_a_purpose_may_name_its_entry_loosely() -> None:
    assert match_mention("выезд на дом для пожилой кошки", PURPOSES).item == (
        "Выезд ветеринара на дом"
    )


def test_only_an_entry_with_the_phrase_head_noun() -> None:
    # "автомойку" is near "автономера" by letters only: the entry lacks the head noun
    assert match_mention("автомойку для служебных машин на территории", PURPOSES).item == ""
