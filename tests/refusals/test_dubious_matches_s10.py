"""Dubious single-word matches (session 10): a set phrase read as a product ("я не в курсе"),
an instrumental noun that only says by what means another noun's service is done ("уборка
снега тракторами"), a person noun read through the root or a diminutive of what the person
handles ("грузчики" are no "груз"), and a glossary sense that translates only part of one
Russian compound ("video" for "видеонаблюдение"). None of these names the catalog item."""

import pytest

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_glossary import default_path, load_glossary
from salesmine.refusals.catalog_match import build_index, match_catalog
from salesmine.refusals.claims import claim_of


def _item(name, category="", synonyms=(), status="active"):
    return CatalogItem(name=name, category=category, synonyms=tuple(synonyms), status=status)


@pytest.fixture(scope="module")
def index():
    return build_index(
        [
            _item("Курс делового этикета", "Обучение", ["курс"]),
            _item("Аренда трактора", "Спецтехника", ["трактор", "тракторы"]),
            _item("Перевозка сборных грузов", "Логистика", ["сборный груз", "догруз"]),
            _item("Видеоконференцсвязь", "Связь", ["video conferencing", "video calls"]),
            _item("Уборка снега", "Благоустройство", ["вывоз снега"]),
        ]
    )


def test_set_phrase_is_no_product(index):
    note = "картриджи (для HP) у вас не заказать? — вопрос от бухгалтерии, я не в курсе"
    found = claim_of(note, index, "ru")
    assert found is None or not found.manager_error


def test_instrumental_after_noun_is_the_means(index):
    note = "расчистку территории тракторами не делаем, только вручную"
    found = claim_of(note, index, "ru")
    assert found is None or not found.manager_error


def test_person_noun_is_not_the_goods(index):
    note = "у вас нет грузчиков, говорит клиент. да, нет"
    found = claim_of(note, index, "ru")
    assert found is None or not found.manager_error


def test_partial_translation_of_a_compound(index):
    assert match_catalog("видеонаблюдение", index).item == ""
    senses = load_glossary(default_path()).words.get("видеонаблюдение", ())
    assert frozenset(("video",)) not in senses


def test_plain_matches_still_stand(index):
    found = claim_of("сказал что трактор в аренду не даём", index, "ru")
    assert found is not None and found.manager_error
    assert found.match.item == "Аренда трактора"


def test_no_rush_is_a_set_phrase():
    index = build_index([_item("Express printing", "Print", ["rush order", "rush"])])
    found = claim_of("No rush, the banners are needed in May", index, "en")
    assert found is None or not found.manager_error
