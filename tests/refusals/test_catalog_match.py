"""Catalog matching: every route (name, synonym, category, fuzzy), inflection, colloquial forms,
abbreviations, discontinued and truly absent products."""

from pathlib import Path

import pytest

from salesmine.ingest import load_catalog
from salesmine.records import CatalogItem
from salesmine.refusals.catalog_match import build_index, match_catalog
from salesmine.refusals.catalog_terms import phrase_terms

CATALOG = Path(__file__).parent.parent / "data" / "claims" / "catalog.csv"


@pytest.fixture(scope="module")
def index():
    return build_index(load_catalog(CATALOG))


@pytest.mark.parametrize(
    ("mention", "item", "route"),
    [
        # inflection + colloquial "б/у" folded with "подержанный"
        ("лизинга на б/у технику", "Лизинг подержанной техники", "name"),
        ("лизинг бэушной техники", "Лизинг подержанной техники", "name"),
        ("выездного обслуживания", "Выездное обслуживание", "name"),
        # synonyms, inflected
        ("рассрочку", "Оплата частями", "synonym"),
        ("выезд мастера", "Выездное обслуживание", "synonym"),
        ("on-site training", "Обучение на месте", "synonym"),
        ("annual billing", "Годовая оплата", "synonym"),
        # abbreviations: exact token, any case; the bracketed part of a name counts
        ("ДМС", "ДМС для сотрудников", "synonym"),
        ("смр", "Строительно-монтажные риски (СМР)", "name"),
        ("1С", "Интеграция с 1С", "name"),  # an acronym names "<generic head> с 1С"
        ("1C integration", "Интеграция с 1С", "name"),  # Latin C; "integration" ~ "интеграция"
        ("CRM", "CRM-система", "synonym"),
        # a mention drawing on the name and a synonym of one item
        ("медполисы для сотрудников", "ДМС для сотрудников", "synonym"),
        # a derived word under a prefix: "платить" ~ "оплата"
        ("платить частями", "Оплата частями", "name"),
        ("лизинг техники", "Лизинг подержанной техники", "name"),
        # typo
        ("каска", "КАСКО", "fuzzy"),
    ],
)
def test_routes(index, mention, item, route):
    match = match_catalog(mention, index)
    assert (match.item, match.route) == (item, route)
    assert 0.72 <= match.score <= 1.0
    assert match.status == "active"


@pytest.mark.parametrize(
    ("mention", "item"),
    [
        ("страховки для собаки", "Страхование домашних животных"),
        ("pet insurance", "Страхование домашних животных"),
        ("лизинга помещений", "Лизинг недвижимости"),
        ("шкафов-купе", "Шкафы-купе"),
    ],
)
def test_discontinued_items_are_matched_with_their_status(index, mention, item):
    match = match_catalog(mention, index)
    assert (match.item, match.status) == (item, "discontinued")


@pytest.mark.parametrize(
    "mention",
    [
        "страхования яхт",
        "лизинг самолётов",
        "КАСКО на мотоциклы",  # the name is covered, but "мотоцикл" is not explained
        "интеграция с SAP",
        "yacht insurance",
        "ДМР",  # three letters: never fuzzy-matched to СМР / ДМС
        "CRN",
        "бюджет",
    ],
)
def test_truly_absent_products_stay_unmatched(index, mention):
    match = match_catalog(mention, index)
    assert match.item == "" and match.status == "" and match.score == 0.0


def test_a_category_stands_for_its_items(index):
    match = match_catalog("лизинга", index)
    assert match.route == "category" and match.matched == "Лизинг"
    assert match.item in ("Лизинг подержанной техники", "Лизинг легкового транспорта")


def test_a_product_verb_narrows_the_match(index):
    # "не страхуем грузы": the verb says it is insurance
    assert match_catalog("грузы", index, context="страховать").item == "Страхование грузов"
    # "не страхуем машины": a car-leasing synonym is not insurance
    assert match_catalog("машины", index).item == "Лизинг легкового транспорта"
    assert match_catalog("машины", index, context="страховать").item == ""


def test_a_shortened_name_that_only_one_item_explains():
    items = [
        CatalogItem("КАСКО", synonyms=("страховка от угона и ущерба",)),
        CatalogItem("Страхование квартиры", synonyms=("страховка квартиры",)),
        CatalogItem("ОСАГО", synonyms=("автогражданка",)),
    ]
    index = build_index(items)
    assert match_catalog("страховку от угона", index).item == "КАСКО"
    assert match_catalog("страховку", index).item == ""  # two items explain it: ambiguous


def test_english_words_meet_a_russian_catalog():
    index = build_index([CatalogItem("Оплата частями", synonyms=("рассрочка",)),
                         CatalogItem("Страхование грузов"), CatalogItem("КАСКО")])
    assert match_catalog("installments", index).item == "Оплата частями"
    assert match_catalog("cargo insurance", index).item == "Страхование грузов"
    assert match_catalog("insurance", index).item == ""  # a kind of product, not an item


def test_name_beats_category_and_longer_entries():
    items = [
        CatalogItem("Лизинг", category="Лизинг"),
        CatalogItem("Лизинг спецтехники", category="Лизинг"),
    ]
    assert match_catalog("лизинга", build_index(items)).item == "Лизинг"


def test_category_match_prefers_an_active_member():
    items = [
        CatalogItem("Шкафы-купе", category="Мебель", status="discontinued"),
        CatalogItem("Гардеробные", category="Мебель"),
    ]
    match = match_catalog("мебель", build_index(items))
    assert (match.item, match.route, match.status) == ("Гардеробные", "category", "active")


def test_phrase_terms_fold_and_drop_function_words():
    assert phrase_terms("лизинга на б/у технику") == phrase_terms("Лизинг подержанной техники")
    assert phrase_terms("такой услуги") == frozenset()
    assert phrase_terms("1C") == phrase_terms("1С")
