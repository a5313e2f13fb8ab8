"""Cross-lingual routes of catalog matching: English word families in glossary look-ups,
Russian compounds against two words, Latin abbreviations as Russian speech spells them, a bare
translated noun naming a longer item, and edge words of an English phrase."""

import pytest

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_compounds import split_compound
from salesmine.refusals.catalog_families import family_key
from salesmine.refusals.catalog_glossary import load_glossary, translations
from salesmine.refusals.catalog_match import build_index, match_catalog
from salesmine.refusals.catalog_spelling import spoken_latin
from salesmine.refusals.catalog_terms import phrase_terms
from salesmine.refusals.mention_edges import edge_trims


def _item(name, category="", synonyms=(), status="active"):
    return CatalogItem(name=name, category=category, synonyms=tuple(synonyms), status=status)


@pytest.fixture(scope="module")
def russian_index():
    """A catalog kept in Russian, with compounds and Latin abbreviations."""
    return build_index(
        [
            _item("Термонаклейки", "Печать"),
            _item("Мотоперчатки", "Экипировка"),
            _item("Медодежда", "Одежда"),
            _item("Бумажные пакеты", "Упаковка"),
            _item("Конверты с логотипом", "Печать"),
            _item("Статический IP-адрес", "Интернет", ["белый IP"]),
            _item("eSIM для сотрудников", "Связь"),
            _item("IP-телефония", "Связь"),
            _item("Сервисное обслуживание", "Сервис"),
        ]
    )


@pytest.fixture(scope="module")
def english_index():
    """A catalog kept in English."""
    return build_index(
        [
            _item("Thermal labels", "Print"),
            _item("Paper bags", "Packaging"),
            _item("Label printer", "Print"),
            _item("Group accommodation", "Hotel"),
        ]
    )


# --- English word families -------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "same"),
    [
        (("interpreter", "interpreting", "interpretation", "interpret"), True),
        (("transcription", "transcribe", "transcript"), True),
        (("translation", "translate", "translator"), True),
        (("booking", "book"), True),
        (("shipping", "shipment", "ship"), True),
        (("printer", "print"), True),
        (("format", "form"), False),  # a short word keeps its own key
        (("storage", "story"), False),
    ],
)
def test_family_key(words, same):
    assert (len({family_key(w) for w in words}) == 1) is same


def test_family_key_leaves_russian_and_short_words():
    assert family_key("перевод") == "перевод"
    assert family_key("ring") == "ring"


def test_a_word_missing_from_the_glossary_is_read_through_its_family(tmp_path):
    path = tmp_path / "glossary.tsv"
    path.write_text(
        "# test\nустный перевод\tinterpreting\nпринтер\tprinter\nпечать\tprinting\n"
        "групповое размещение\tgroup booking\n",
        encoding="utf-8",
    )
    table = load_glossary(path)
    found = translations(frozenset({"interpreter"}), table)
    assert found == {"interpreter": {frozenset({"устный", "перевод"})}}
    # a word the glossary lists keeps its own senses: the printer is not printing
    assert translations(frozenset({"printer"}), table) == {"printer": {frozenset({"принтер"})}}
    # a phrase meets its source whatever the lemmatiser made of "booking" / "bookings"
    terms = phrase_terms("group bookings")
    assert frozenset({"групповой", "размещение"}) in translations(terms, table)["group"]


def test_group_bookings_meet_the_russian_item():
    index = build_index([_item("Групповое размещение", "Для компаний"), _item("Трансфер")])
    found = match_catalog("group bookings", index)
    assert (found.item, found.route) == ("Групповое размещение", "glossary")


# --- Russian compounds ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "parts"),
    [
        ("термоэтикетка", ("термо", "этикетка")),
        ("медиаплан", ("медиа", "план")),  # the longer first part wins over "мед"
        ("автомойка", ("авто", "мойка")),
        ("термос", None),  # too short a rest
        ("автор", None),
        ("label", None),
    ],
)
def test_split_compound(term, parts):
    assert split_compound(term) == parts


@pytest.mark.parametrize(
    ("mention", "item"),
    [
        ("thermal stickers", "Термонаклейки"),
        ("motorcycle gloves", "Мотоперчатки"),
        ("medical clothing", "Медодежда"),
        ("медицинская одежда", "Медодежда"),  # the compound spelled out in Russian
    ],
)
def test_two_words_meet_a_catalog_compound(russian_index, mention, item):
    found = match_catalog(mention, russian_index)
    assert (found.item, found.route) == (item, "glossary")
    assert found.score < 1.0


@pytest.mark.parametrize("mention", ["stickers", "gloves", "thermal", "thermal paper"])
def test_one_half_of_a_compound_is_not_enough(russian_index, mention):
    assert match_catalog(mention, russian_index).item == ""


def test_a_mention_compound_meets_two_catalog_words(english_index):
    found = match_catalog("термоэтикетки", english_index)
    assert (found.item, found.route) == ("Thermal labels", "glossary")


def test_compound_halves_must_name_one_item(english_index):
    # "thermal" names the labels, "пакет" the paper bags: no item is a "термопакет"
    assert match_catalog("термопакеты", english_index).item == ""


# --- Latin abbreviations in Russian speech ----------------------------------------------


@pytest.mark.parametrize(
    ("term", "latin"),
    [
        ("айпи", "ip"),
        ("айп", "ip"),  # the lemma of an unknown word loses its last vowel
        ("эйчар", "hr"),
        ("сиарэм", "crm"),
        ("есимк", "esim"),  # "есимки" without the colloquial "-ка"
        ("симка", "sim"),
    ],
)
def test_spoken_latin(term, latin):
    assert latin in spoken_latin(term)


def test_spoken_latin_ignores_other_scripts_and_long_words():
    assert spoken_latin("ip") == frozenset()
    assert spoken_latin("достопримечательность") == frozenset()


@pytest.mark.parametrize(
    ("mention", "item"),
    [
        ("белого айпи", "Статический IP-адрес"),
        ("есимки", "eSIM для сотрудников"),
    ],
)
def test_spoken_abbreviation_meets_the_catalog(russian_index, mention, item):
    found = match_catalog(mention, russian_index)
    assert (found.item, found.route) == (item, "translit")


@pytest.mark.parametrize("mention", ["тип", "аптека", "пипетка", "доставка"])
def test_ordinary_russian_words_stay_words(russian_index, mention):
    assert match_catalog(mention, russian_index).item == ""


# --- a bare translated noun -----------------------------------------------------------------


def test_bare_translated_noun_names_the_only_item_with_it(russian_index):
    found = match_catalog("envelopes", russian_index)
    assert (found.item, found.route) == ("Конверты с логотипом", "glossary")


def test_bare_translated_noun_of_two_items_stays_unmatched():
    index = build_index([_item("Конверты с логотипом"), _item("Конверты без печати")])
    assert match_catalog("envelopes", index).item == ""


@pytest.mark.parametrize("mention", ["service", "услуга", "servicing"])
def test_generic_word_never_matches(russian_index, english_index, mention):
    assert match_catalog(mention, russian_index).item == ""
    assert match_catalog(mention, english_index).item == ""


# --- edges of English phrases and particle plurals -----------------------------------------


def test_sentence_initial_lead_words_are_dropped():
    assert "cross trainers" in edge_trims("Competitor quoted cross trainers")
    assert "webinars" in edge_trims("Team webinars")
    # a capital later in the phrase may be a name ("Team" the product line), and stays
    assert "webinars" not in edge_trims("told Team webinars")


def test_plural_of_a_particle_word_is_the_word():
    assert phrase_terms("roll-ups") == phrase_terms("roll-up") == frozenset({"rollup"})
