"""Near misses of catalog matching bridged by general Russian word mechanics (session 9): a
consonant written once for twice ("грипа" for "гриппа") and a diminutive for the plain word
("рыбок" for "рыб"). A truly absent look-alike stays unmatched."""

import pytest

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_match import build_index, match_catalog


def _item(name, category="", synonyms=(), status="active"):
    return CatalogItem(name=name, category=category, synonyms=tuple(synonyms), status=status)


@pytest.fixture(scope="module")
def index():
    return build_index(
        [
            _item("Вакцинация от гриппа", "Медицина"),
            _item("Корма для аквариумных рыб", "Зоотовары"),
            _item("Офисный стол", "Мебель"),
            _item("Чайная ложка", "Посуда"),
            _item("Выездной осмотр", "Медицина", status="discontinued"),
        ]
    )


def test_single_consonant_for_double(index):
    assert match_catalog("вакцинация от грипа", index).item == "Вакцинация от гриппа"


def test_diminutive_for_plain_word(index):
    assert match_catalog("корма для аквариумных рыбок", index).item == "Корма для аквариумных рыб"


def test_diminutive_ik(index):
    assert match_catalog("офисные столики", index).item == "Офисный стол"


def test_diminutive_echka(index):
    assert match_catalog("чайные ложечки", index).item == "Чайная ложка"


def test_absent_look_alikes_stay_unmatched(index):
    assert match_catalog("корма для аквариумных раков", index).item == ""
    assert match_catalog("вакцинация от кори", index).item == ""
    assert match_catalog("офисные стулья", index).item == ""
