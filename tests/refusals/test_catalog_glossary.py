"""Catalog matching across languages through the bilingual glossary (``catalog_glossary``)."""

import pytest

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_glossary import (
    GENERIC_TERMS,
    default_path,
    glossary,
    load_glossary,
    translations,
)
from salesmine.refusals.catalog_match import build_index, match_catalog
from salesmine.refusals.catalog_terms import phrase_terms


def _item(name, category="", synonyms=(), status="active"):
    return CatalogItem(name=name, category=category, synonyms=tuple(synonyms), status=status)


@pytest.fixture(scope="module")
def russian_index():
    """A catalog kept in Russian only."""
    return build_index(
        [
            _item("Растворитель Р-646", "ЛКМ"),
            _item("Грунтовка по металлу", "ЛКМ"),
            _item("Шеф-монтаж и технадзор", "Монтаж", ["технадзор"]),
            _item("Обработка возвратов", "Склад"),
            _item("Ответственное хранение", "Склад"),
            _item("Подбор площадки", "Мероприятия"),
            _item("Наложенный платеж", "Оплата", status="discontinued"),
            _item("Сервисное обслуживание кондиционеров", "Сервис"),
            _item("Сервисное обслуживание котлов", "Сервис"),
        ]
    )


@pytest.fixture(scope="module")
def english_index():
    """A catalog kept in English only."""
    return build_index(
        [
            _item("Site supervision", "Construction"),
            _item("Returns processing", "Warehouse"),
            _item("Solvent", "Paints"),
            _item("Freight forwarding", "Logistics"),
            _item("Maintenance service", "Service"),
        ]
    )


@pytest.mark.parametrize(
    ("mention", "item"),
    [
        ("paint thinner", "Растворитель Р-646"),
        ("thinners", "Растворитель Р-646"),
        ("site supervision", "Шеф-монтаж и технадзор"),
        ("customer returns", "Обработка возвратов"),
        ("venue search", "Подбор площадки"),
        ("primer for metal", "Грунтовка по металлу"),
    ],
)
def test_english_mention_meets_russian_item(russian_index, mention, item):
    found = match_catalog(mention, russian_index)
    assert (found.item, found.route) == (item, "glossary")
    assert found.score < 1.0  # a translation never scores like the catalog's own words


def test_translated_discontinued_item_keeps_its_status(russian_index):
    found = match_catalog("cash on delivery", russian_index)
    assert (found.item, found.status) == ("Наложенный платеж", "discontinued")


@pytest.mark.parametrize(
    ("mention", "item"),
    [
        ("технадзора", "Site supervision"),  # inflected
        ("обработку возвратов", "Returns processing"),
        ("растворителя", "Solvent"),
        ("экспедирование грузов", "Freight forwarding"),
    ],
)
def test_russian_mention_meets_english_item(english_index, mention, item):
    found = match_catalog(mention, english_index)
    assert (found.item, found.route) == (item, "glossary")


@pytest.mark.parametrize("mention", ["service", "servicing", "support", "обслуживание", "сервис"])
def test_generic_word_alone_does_not_match(russian_index, english_index, mention):
    assert match_catalog(mention, russian_index).item == ""
    assert match_catalog(mention, english_index).item == ""


@pytest.mark.parametrize(
    ("mention", "catalog"),
    [
        # every word translates, but only into generic ones: no item is named by it
        ("equipment setup", ["Настройка оборудования", "Ремонт оборудования"]),
        ("настройка оборудования", ["Equipment setup", "Solvent"]),
        ("advice", ["Consultation", "Solvent"]),
    ],
)
def test_generic_translation_is_no_evidence(mention, catalog):
    index = build_index([_item(name, "Сервис") for name in catalog])
    assert translations(phrase_terms(mention))  # the glossary does translate it
    assert match_catalog(mention, index).item == ""


def test_generic_terms_cover_both_languages():
    assert {"обслуживание", "service", "сервис", "настройка", "setup"} <= GENERIC_TERMS


def test_same_language_match_is_preferred():
    index = build_index(
        [_item("Растворитель Р-646", "ЛКМ"), _item("Thinner", "Paints", ["paint thinner"])]
    )
    found = match_catalog("paint thinner", index)
    assert (found.item, found.route, found.score) == ("Thinner", "synonym", 1.0)
    found = match_catalog("растворитель", index)
    assert (found.item, found.route) == ("Растворитель Р-646", "name")


def test_unrelated_english_mention_stays_unmatched(russian_index):
    assert match_catalog("yacht charter", russian_index).item == ""
    assert match_catalog("customs clearance", russian_index).item == ""


def test_shipped_glossary_is_well_formed():
    lines = default_path().read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#") and "by hand" in " ".join(lines[:4])
    entries = [line for line in lines if line.strip() and not line.startswith("#")]
    assert 3000 <= len(entries) <= 6000
    heads = []
    for line in entries:
        russian, english = line.split("\t")  # exactly two cells
        assert all(a.strip() for a in russian.split("|")), line
        assert all(a.strip() for a in english.split("|")), line
        assert english == english.lower(), line  # English lemmas in lower case
        heads.append(russian)
    assert len(heads) == len(set(heads))  # one line per Russian headword
    for abbreviation in ("дмс", "каско", "смр", "эдо", "вэд", "sla", "api", "crm"):
        assert abbreviation in heads


def test_shipped_glossary_loads_both_directions():
    table = glossary()
    assert table.size >= 800
    assert "растворитель" in table.words["thinner"][0] or any(
        "растворитель" in sense for sense in table.words["thinner"]
    )
    assert any("solvent" in sense for sense in table.words["растворитель"])
    assert any("supervision" in sense for sense in table.words["технадзор"])


def test_malformed_glossary_names_the_line(tmp_path):
    path = tmp_path / "glossary.tsv"
    path.write_text("# comment\nлизинг\tleasing\nстрахование insurance\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"glossary.tsv:3"):
        load_glossary(path)


def test_custom_glossary_is_read(tmp_path):
    path = tmp_path / "glossary.tsv"
    path.write_text("# comment\nрастворитель\tthinner | solvent\n", encoding="utf-8")
    table = load_glossary(path)
    assert table.size == 1
    assert {s for sense in table.words["растворитель"] for s in sense} == {"thinner", "solvent"}
