"""Session 11: a claim whose own phrase names nothing ("такой услуги нет", "у нас типа нет",
"we don't have anything like that") takes the product named earlier in the note
(``claim_combine.void_phrase`` / ``best_before``)."""

import pytest

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_match import build_index
from salesmine.refusals.claim_combine import void_phrase
from salesmine.refusals.claim_morphology import is_personal_name
from salesmine.refusals.claim_patterns import read_note
from salesmine.refusals.claims import claim_of

ITEMS = [
    CatalogItem("Подменный автомобиль", synonyms=("подменка", "courtesy car")),
    CatalogItem("Выездной шиномонтаж", synonyms=("выездной шиномонтаж", "mobile tyre fitting")),
    CatalogItem("Хранение шин", synonyms=("сезонное хранение", "tyre storage")),
    CatalogItem("Мойка днища", synonyms=("мойка днища", "underbody wash")),
]


@pytest.fixture(scope="module")
def index():
    return build_index(ITEMS)


@pytest.mark.parametrize(
    ("text", "phrase", "void"),
    [
        ("сказали такой услуги нет", "услуги", True),
        ("М: такой опции нет", "опции", True),
        ("подменки нет", "подменки", False),
        ("we don't have anything like that", "anything", True),
        ("we don't have a courtesy car", "courtesy car", False),
        # a person, a name, a number is who or how many, never the product
        ("Тимур сказал у нас нет", "Тимур", True),
        ("мама говорит у вас нет", "мама", True),
        ("HR Director said we don't", "HR Director", True),
        ("на 20 чел у нас нет", "20 чел", True),
        ("кофемашины у нас нет", "кофемашины", False),
    ],
)
def test_void_phrase(text, phrase, void):
    start = text.index(phrase)
    assert void_phrase(read_note(text, None), start, start + len(phrase)) is void


@pytest.mark.parametrize(
    ("text", "item"),
    [
        (
            "клиент недоволен: при поломке подменку не дали, сказали такой услуги нет",
            "Подменный автомобиль",
        ),
    ],
)
def test_void_claim_takes_the_product_named_before(index, text, item):
    found = claim_of(text, index)
    assert found is not None and found.match.item == item and found.manager_error


def test_void_claim_without_a_product_before_names_nothing(index):
    found = claim_of("сказали такой услуги нет, клиент ушёл", index)
    assert found is None or not found.match.item


@pytest.mark.parametrize(
    ("word", "name"),
    [("Ковалёва", True), ("Игоря", True), ("Кофемашина", False), ("Агрофирма", False)],
)
def test_personal_name(word, name):
    assert is_personal_name(word) is name
