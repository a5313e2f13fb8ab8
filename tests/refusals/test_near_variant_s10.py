"""A near variant the catalog lacks (session 10): the note contrasts the missing thing with an
elliptical "только <adjective>" that names the kind the catalog item is ("обогреватели
газовые у вас не купить, только масляные" while the catalog lists only the oil heater). The
item is what the company offers, so the mention is another kind of it: no manager error. A
contrast that names its own noun, or a qualifier the item does not carry, changes nothing."""

import pytest

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_match import build_index
from salesmine.refusals.claim_contrast import elliptical_qualifiers
from salesmine.refusals.claims import claim_of


def _item(name, category="", synonyms=(), status="active"):
    return CatalogItem(name=name, category=category, synonyms=tuple(synonyms), status=status)


@pytest.fixture(scope="module")
def index():
    return build_index(
        [
            _item("Обогреватель масляный", "Климат", ["обогреватель", "масляный радиатор"]),
            _item("Стеллаж металлический", "Склад", ["стеллаж"]),
            _item("Кондиционер настенный", "Климат", ["сплит-система"]),
            _item("Доставка по городу", "Логистика"),
        ]
    )


def test_elliptical_qualifier_is_read():
    assert elliptical_qualifiers("газовых нет, только масляные — сказал") == ["масляные"]
    assert elliptical_qualifiers("нет, только масляные обогреватели") == []
    assert elliptical_qualifiers("рассрочки нет, только предоплата") == []


def test_other_kind_of_item_is_no_error(index):
    note = "обогреватели газовые в цех просили, у нас нет, только масляные"
    found = claim_of(note, index, "ru")
    assert found is not None
    assert not found.manager_error
    assert found.match.item == ""


def test_other_material_is_no_error(index):
    note = "стеллажи деревянные в архив просили. у нас нет, только металлические — так и сказал"
    found = claim_of(note, index, "ru")
    assert found is not None and not found.manager_error


def test_contrast_with_its_own_noun_keeps_error(index):
    note = "сказал клиенту что обогревателей у нас нет, только кондиционеры"
    found = claim_of(note, index, "ru")
    assert found is not None and found.manager_error
    assert found.match.item == "Обогреватель масляный"


def test_qualifier_the_item_lacks_keeps_error(index):
    note = "сказал что стеллажей у нас нет, только складские"
    found = claim_of(note, index, "ru")
    assert found is not None and found.manager_error


def test_english_ones(index):
    assert elliptical_qualifiers("we don't sell those, only oil ones") == ["oil"]
    note = "client wanted gas heaters for the shop floor - we don't have them, only oil ones"
    found = claim_of(note, index, "en")
    assert found is None or not found.manager_error


@pytest.fixture(scope="module")
def services():
    return build_index(
        [
            _item("Аренда мини-экскаватора", "Аренда", ["мини-экскаватор", "mini excavator"]),
            _item("Страхование грузов", "Страхование", ["страховка груза"]),
        ]
    )


def test_checked_then_the_verb_of_the_offer_is_a_correction(services):
    note = (
        "клиент думал, что страхование грузов мы не оформляем, уточнила у юристов — оформляем. "
        "выслала условия"
    )
    assert claim_of(note, services, "ru") is None


def test_corrected_then_shown_is_a_correction(services):
    note = "client said we don't rent mini excavators - corrected, explained the terms, awaiting PO"
    assert claim_of(note, services, "en") is None


def test_uncorrected_claim_stands(services):
    note = "client said we don't rent mini excavators, went elsewhere"
    found = claim_of(note, services, "en")
    assert found is not None and found.manager_error
