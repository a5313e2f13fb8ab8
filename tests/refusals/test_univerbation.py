"""Univerbation: a colloquial -к(а) noun for an adjective + noun name ("срочка" for "Срочная
печать", "выделенка" for "Выделенный канал связи") — and what must stay unmatched: two items
sharing the adjective, a look-alike word the catalog does not have, an action noun ("сборка")
beside an adjective of the same stem, a longer phrase."""

import pytest

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_match import build_index, match_catalog


@pytest.fixture(scope="module")
def index():
    return build_index(
        [
            CatalogItem("Срочная печать", "Полиграфия"),
            CatalogItem("Печать визиток", "Полиграфия"),
            CatalogItem("Выделенный канал связи", "Связь", status="discontinued"),
            CatalogItem("Интернет для офиса", "Связь"),
            CatalogItem("Сборный стенд", "Выставки"),
            CatalogItem("Бытовой вагончик", "Аренда"),
        ]
    )


@pytest.mark.parametrize(
    ("mention", "item"),
    [
        ("срочки", "Срочная печать"),  # unknown to the dictionary, genitive
        ("срочку", "Срочная печать"),
        ("срочек", "Срочная печать"),  # genitive plural with its fleeting vowel
        ("выделенку", "Выделенный канал связи"),  # a dictionary word, from a participle
        ("выделенок", "Выделенный канал связи"),
    ],
)
def test_univerbation_names_its_item(index, mention, item):
    found = match_catalog(mention, index)
    assert (found.item, found.route) == (item, "univerbation")


def test_status_is_the_items(index):
    assert match_catalog("выделенки", index).status == "discontinued"


def test_two_items_sharing_the_adjective_stay_unmatched():
    both = build_index([CatalogItem("Срочная печать"), CatalogItem("Срочная доставка")])
    assert match_catalog("срочку", both).item == ""  # which one? do not guess
    one = build_index([CatalogItem("Срочная печать"), CatalogItem("Доставка курьером")])
    assert match_catalog("срочку", one).item == "Срочная печать"


def test_items_of_one_name_count_as_one():
    twice = build_index([CatalogItem("Срочная печать", "A"), CatalogItem("Срочная печать", "B")])
    assert match_catalog("срочку", twice).item == "Срочная печать"


def test_absent_look_alike_stays_unmatched(index):
    # "сверхсрочка" shortens no adjective of the catalog; "ночевка" has no item at all
    assert match_catalog("ночевку", index).item == ""
    assert match_catalog("сверхсрочку", index).item == ""
    assert match_catalog("срочку", index).item == "Срочная печать"


def test_action_noun_is_no_shortened_name(index):
    # "сборку не делаем": assembling, not "Сборный стенд"
    assert match_catalog("сборку", index).item == ""
    assert match_catalog("срочку", index).item == "Срочная печать"


def test_only_one_word_and_only_a_claims_phrase(index):
    assert match_catalog("NFC-срочку", index).item == ""
    assert match_catalog("срочку", index, qualifier=False).item == ""
    assert match_catalog("срочку", index).item == "Срочная печать"
