"""Catalog matching routes added for catalogs written by other people: shortened words
("auth", "mgr"), relational adjectives ("аудит кадров" ~ "Кадровый аудит"), capital
abbreviations that spell a function word ("ТО", "ОТ"), the initials of an item's leading words,
name-only items and English names in a Russian catalog, tariff codes ("Бизнес-300"), compound
parts ("camera" ~ "видеокамера"), a circumstance dropped from the mention ("факторинг под
поставки") — and what must stay unmatched."""

from pathlib import Path

import pytest

from salesmine.ingest import load_catalog
from salesmine.records import CatalogItem
from salesmine.refusals.catalog_match import build_index, match_catalog
from salesmine.refusals.catalog_terms import phrase_terms
from salesmine.refusals.claims import match_mention

CATALOG = Path(__file__).parent.parent / "data" / "claims" / "services_catalog.csv"


@pytest.fixture(scope="module")
def index():
    return build_index(load_catalog(CATALOG))


@pytest.mark.parametrize(
    ("mention", "item"),
    [
        ("two-factor auth", "Двухфакторная аутентификация"),  # a word cut short
        ("dedicated account mgr", "Выделенный менеджер"),  # a word without its vowels
        ("аудит кадров", "Кадровый аудит"),  # noun ~ relational adjective
        ("ночной уборки", "Ночная уборка офисов"),  # inflection, the rest of the name implied
        ("event cleaning", "Event cleaning"),  # an English name, no synonyms
        ("клин-стандарт", "Пакет Клин-Стандарт+"),  # a package code
        ("тариф Бизнес 300", "Тариф Бизнес-300"),  # a tariff code written apart
        ("Бизнес-300", "Тариф Бизнес-300"),
        ("коврики", "Аренда грязезащитных ковриков"),  # a synonym, another case
        ("night cleaning", "Ночная уборка офисов"),
    ],
)
def test_routes_for_active_items(index, mention, item):
    match = match_catalog(mention, index)
    assert (match.item, match.status) == (item, "active")


def test_capital_abbreviations_are_not_function_words():
    # "ТО" and "ОТ" are also the words "то" and "от"; written in capitals they are names
    assert phrase_terms("ТО") == frozenset({"то"})
    assert phrase_terms("то") == frozenset()
    items = [
        CatalogItem("Техническое обслуживание", synonyms=("ТО", "сервис")),
        CatalogItem("Охрана труда на аутсорсе", synonyms=("ОТ",)),
    ]
    index = build_index(items)
    assert match_catalog("ТО", index).item == "Техническое обслуживание"
    assert match_catalog("ОТ", index).item == "Охрана труда на аутсорсе"


def test_an_abbreviation_of_the_leading_words(index):
    # "ТО" for "Техническое обслуживание систем безопасности", no "ТО" synonym in the catalog
    match = match_catalog("ТО", index)
    assert (match.item, match.route) == (
        "Техническое обслуживание систем безопасности",
        "abbreviation",
    )


def test_short_words_do_not_spell_an_abbreviation(index):
    assert match_catalog("I don't", index).item == ""


def test_a_compound_part_in_the_other_script():
    items = [
        CatalogItem("Аренда видеокамер для мероприятий", status="discontinued"),
        CatalogItem("Монтаж камер"),
    ]
    index = build_index(items)
    # "camera" reads as "камера" (the other script) and, weaker, as the end of "видеокамера"
    near = index.near_terms("camera")
    assert near["камера"] > near["видеокамера"] > 0


def test_a_circumstance_is_dropped_but_not_what_the_product_is_for(index):
    assert match_mention("факторинг под поставки в сети", index).item == "Факторинг"
    items = [CatalogItem("КАСКО"), CatalogItem("ОСАГО")]
    assert match_mention("КАСКО на мотоциклы", build_index(items)).item == ""


def test_a_place_or_occasion_after_an_exact_name_is_dropped():
    items = [
        CatalogItem("Фотозона и пресс-волл", synonyms=("пресс-волл",)),
        CatalogItem("Прачечная", synonyms=("стирка",)),
        CatalogItem("Интеграция", category="Услуги"),
    ]
    index = build_index(items)
    assert match_mention("пресс-волл с логотипами партнёров", index).item == (
        "Фотозона и пресс-волл"
    )
    assert match_mention("стирки в отеле", index).item == "Прачечная"
    # the phrase kept must hold the mention's head noun: "логотипами" is not about the wall
    assert match_mention("логотипы с пресс-воллом", index).item == ""


def test_a_word_form_read_as_another_lemma_still_meets_the_catalog():
    # "спорами" reads as a form of "спора" (a spore) first, the catalog's "споры" as "спор"
    index = build_index([CatalogItem("Трудовые споры"), CatalogItem("Регистрация ООО")])
    assert match_catalog("трудовыми спорами", index).item == "Трудовые споры"


def test_a_similar_word_of_another_status_does_not_veto_the_exact_one():
    items = [
        CatalogItem("Парковка для гостей", synonyms=("стоянка", "parking")),
        CatalogItem("Valet parking", synonyms=("парковщики",), status="discontinued"),
    ]
    # "парковка" is the word itself; "парковщики" only shares its stem
    assert match_catalog("парковка", build_index(items)).item == "Парковка для гостей"


def test_a_head_the_catalog_does_not_know_stays_unmatched(index):
    # "кэшбэк" is what is missing; "бизнес-картам" only says on what
    assert match_catalog("кэшбэк по бизнес-картам", index).item == ""
    assert match_catalog("бизнес-карты", index).item == "Корпоративные карты"


def test_a_typo_past_a_root_level_guess():
    index = build_index([CatalogItem("Эквайринг"), CatalogItem("Овердрафт")])
    assert match_catalog("экваиринга", index).item == "Эквайринг"


@pytest.mark.parametrize(
    "mention",
    [
        "клиент говорит",  # "кг": a unit in the catalog, and two letters say little
        "called twice",  # "ct"
    ],
)
def test_two_initials_of_a_phrase_spell_no_abbreviation(mention):
    index = build_index(
        [
            CatalogItem("Мелкая фасовка 1-5 кг"),
            CatalogItem("Томография", synonyms=("CT",)),
            CatalogItem("ДМС"),
            CatalogItem("VHI", synonyms=()),
        ]
    )
    assert match_catalog(mention, index).item == ""
    # three initials still do, in either language
    assert match_catalog("добровольное медицинское страхование", index).item == "ДМС"
    assert match_catalog("voluntary health insurance", index).item == "VHI"
