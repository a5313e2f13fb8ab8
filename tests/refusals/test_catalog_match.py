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
        ("annual billing", "Годовая оплата", "name"),  # "billing" ~ "оплата": the name itself
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


def test_a_category_alone_names_no_item_when_several_fit(index):
    # "Лизинг" holds three items: the category does not say which one (data/claims/README.md)
    match = match_catalog("лизинга", index)
    assert match.item == ""


def test_a_category_with_one_item_names_it():
    items = [
        CatalogItem("IP-TV для гостиниц", category="ТВ"),
        CatalogItem("Интернет", category="Связь"),
    ]
    match = match_catalog("ТВ", build_index(items))
    assert (match.item, match.route) == ("IP-TV для гостиниц", "category")


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
    index = build_index(
        [
            CatalogItem("Оплата частями", synonyms=("рассрочка",)),
            CatalogItem("Страхование грузов"),
            CatalogItem("КАСКО"),
        ]
    )
    assert match_catalog("installments", index).item == "Оплата частями"
    assert match_catalog("cargo insurance", index).item == "Страхование грузов"
    assert match_catalog("insurance", index).item == ""  # a kind of product, not an item


def test_name_beats_category_and_longer_entries():
    items = [
        CatalogItem("Лизинг", category="Лизинг"),
        CatalogItem("Лизинг спецтехники", category="Лизинг"),
    ]
    assert match_catalog("лизинга", build_index(items)).item == "Лизинг"


def test_category_members_that_fit_equally_are_not_guessed_between():
    items = [
        CatalogItem("Шкафы-купе", category="Мебель", status="discontinued"),
        CatalogItem("Гардеробные", category="Мебель"),
    ]
    assert match_catalog("мебель", build_index(items)).item == ""


def test_phrase_terms_fold_and_drop_function_words():
    assert phrase_terms("лизинга на б/у технику") == phrase_terms("Лизинг подержанной техники")
    assert phrase_terms("такой услуги") == frozenset()
    assert phrase_terms("1C") == phrase_terms("1С")


# --- the margin rule: close items of different status are not guessed between -------------------


def test_an_active_and_a_discontinued_item_too_close_to_tell_give_no_match():
    items = [
        CatalogItem("Лизинг подержанной техники", synonyms=("лизинг б/у",)),
        CatalogItem("Лизинг тягачей", status="discontinued"),
    ]
    # "б/у" points to one item, "тягачей" to the other: an error would be a guess
    assert match_catalog("лизинг б/у тягачей", build_index(items)).item == ""
    # a mention one item clearly explains still matches
    assert match_catalog("лизинг б/у техники", build_index(items)).item == (
        "Лизинг подержанной техники"
    )


def test_two_close_active_items_keep_the_better_one():
    # either way the claim denies an active product: the manager error stands
    items = [
        CatalogItem("Лизинг подержанной техники", synonyms=("лизинг б/у",)),
        CatalogItem("Лизинг тягачей"),
    ]
    match = match_catalog("лизинг б/у тягачей", build_index(items))
    assert (match.item, match.status) == ("Лизинг подержанной техники", "active")


def test_the_item_must_explain_the_head_noun():
    items = [
        CatalogItem("Монтаж кухни"),
        CatalogItem("Монтаж шкафа"),
        CatalogItem("Монтаж техники"),
        CatalogItem("Мебель для ванной"),
    ]
    index = build_index(items)
    # "монтаж" is what is asked for; the bathroom furniture item only explains its modifiers
    assert match_catalog("монтаж мебели для ванной", index).item == ""
    assert match_catalog("мебели для ванной", index).item == "Мебель для ванной"


# --- new routes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mention", "item", "route"),
    [
        ("трейд-ина", "Trade-in", "translit"),  # Cyrillic note, Latin catalog
        ("чекап", "Check-up «Сердце»", "translit"),
        ("detailing", "Детейлинг", "translit"),  # Latin note, Cyrillic catalog
        ("trade-ins", "Trade-in", "name"),
    ],
)
def test_transliteration_meets_the_other_script(mention, item, route):
    index = build_index(
        [CatalogItem("Trade-in"), CatalogItem("Check-up «Сердце»"), CatalogItem("Детейлинг")]
    )
    match = match_catalog(mention, index)
    assert (match.item, match.route) == (item, route)


def test_abbreviations_expand_both_ways():
    index = build_index(
        [
            CatalogItem("Страхование строительно-монтажных рисков"),
            CatalogItem("Страхование выезжающих за рубеж"),
            CatalogItem("ДМС"),
            CatalogItem("Дом и дача"),
        ]
    )
    # the initials of the item's words (a generic first word may be left out)
    assert match_catalog("СМР", index).item == "Страхование строительно-монтажных рисков"
    assert match_catalog("ВЗР", index).item == "Страхование выезжающих за рубеж"
    assert match_catalog("СМР", index).route == "abbreviation"
    # a spelled-out mention of an item the catalog only abbreviates
    assert match_catalog("добровольного медицинского страхования", index).item == "ДМС"
    assert match_catalog("ДМР", index).item == ""  # no item has these initials


def test_an_abbreviation_two_items_share_names_neither():
    index = build_index(
        [
            CatalogItem("Страхование строительно-монтажных рисков"),
            CatalogItem("Страховка малых рисков"),
        ]
    )
    assert match_catalog("СМР", index).item == ""


@pytest.mark.parametrize(
    ("mention", "item"),
    [
        ("допами", "Установка доп. оборудования"),  # slang pymorphy3 does not know, inflected
        ("подменку", "Подменный автомобиль"),
        ("static IPs", "Статический IP-адрес"),  # plural of an acronym
        ("рассрочку на год", "Рассрочка 0-0-12"),  # "на год" weighs little
    ],
)
def test_unknown_words_plurals_and_weak_modifiers(mention, item):
    index = build_index(
        [
            CatalogItem("Установка доп. оборудования", synonyms=("допы",)),
            CatalogItem("Подменный автомобиль", synonyms=("подменка",)),
            CatalogItem("Статический IP-адрес", synonyms=("static IP",)),
            CatalogItem("Рассрочка 0-0-12"),
        ]
    )
    assert match_catalog(mention, index).item == item


@pytest.mark.parametrize(
    ("mention", "item"),
    [
        ("loaner car", "Подменный автомобиль"),
        ("virtual PBX", "Виртуальная АТС"),
        ("dedicated line", "Выделенная линия"),
    ],
)
def test_common_english_words_meet_a_russian_catalog(mention, item):
    index = build_index(
        [
            CatalogItem("Подменный автомобиль"),
            CatalogItem("Виртуальная АТС"),
            CatalogItem("Выделенная линия"),
        ]
    )
    assert match_catalog(mention, index).item == item


def test_a_shared_prefix_of_two_compounds_is_no_stem():
    index = build_index([CatalogItem("Телемедицина", synonyms=("видеоконсультация",))])
    assert match_catalog("видеоконференцсвязь", index).item == ""
    assert match_catalog("видеоконсультации", index).item == "Телемедицина"


def test_phrase_terms_read_slang_and_hyphenated_words_consistently():
    assert phrase_terms("допами") == phrase_terms("допы")
    assert phrase_terms("трейд-ина") == phrase_terms("трейд-ин") == phrase_terms("трейдин")
    assert phrase_terms("Trade-ins") == phrase_terms("trade-in")
    assert phrase_terms("е-ОСАГО") == phrase_terms("ОСАГО")


# --- guards against loose matches (a wrong match accuses a manager) ---------------------------


@pytest.fixture(scope="module")
def services():
    return build_index(
        [
            CatalogItem(
                "Пакет ТО «Сервисный контракт на 3 года»", synonyms=("сервисный контракт",)
            ),
            CatalogItem("Оплата по счёту", synonyms=("оплата по факту", "постоплата")),
            CatalogItem("Оформление и постановка на учёт", synonyms=("постановка на учёт",)),
            CatalogItem("Коробочная версия", synonyms=("on-prem",)),
            CatalogItem("Бесплатный замер", synonyms=("замер",)),
            CatalogItem("ДМС для сотрудников", synonyms=("дмс",)),
        ]
    )


@pytest.mark.parametrize(
    "mention",
    [
        "3 года",  # only a time: names no item, though one item's name has it
        "сервис",  # only a kind word
        "факту",  # a modifier of "оплата по факту", not its head
        "поставка",  # shares five letters with "постановка" but is another word
        "приём",  # a three-consonant skeleton like "on-prem" is too short to trust
        "оплату ДМС",  # about paying: the ДМС item does not explain "оплата"
    ],
)
def test_loose_resemblances_match_nothing(services, mention):
    assert match_catalog(mention, services).item == ""


@pytest.mark.parametrize(
    ("mention", "item"),
    [
        ("замерщика", "Бесплатный замер"),  # "замер" read as a noun, not "замереть"
        ("постоплату", "Оплата по счёту"),
        ("сервисного контракта", "Пакет ТО «Сервисный контракт на 3 года»"),
        ("ДМС", "ДМС для сотрудников"),
    ],
)
def test_the_same_items_still_match_when_named(services, mention, item):
    assert match_catalog(mention, services).item == item
