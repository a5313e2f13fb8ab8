"""Mentions the catalog writes another way (session 11): one vowel of a long loanword spelled
otherwise ("ресивер" / "рисивер"), a noun for the catalog's relational adjective of it
("доставка ночью" / "ночная доставка"), an English form word for another ("liver tests" /
"liver panel"), a clipped Russian word the catalog also writes whole ("кружки с лого" /
"кружки с логотипом"), and the spoken filler "типа" between "у нас" and "нет"."""

import pytest

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_match import build_index, match_catalog
from salesmine.refusals.claim_patterns import read_note
from salesmine.refusals.claims import claim_of


def _item(name, category="", synonyms=(), status="active"):
    return CatalogItem(name=name, category=category, synonyms=tuple(synonyms), status=status)


@pytest.fixture(scope="module")
def index():
    return build_index(
        [
            _item("Ресиверы", "Аудио", ["AV-ресивер"]),
            _item("Доставка в нерабочее время", "Логистика", ["ночная доставка"]),
            _item("Печень", "Анализы", ["liver panel"]),
            _item("Кровь общий", "Анализы", ["blood count", "general test"]),
            _item("Кружки с логотипом", "Сувениры", ["брендированные кружки"]),
            _item("Лого на футболках", "Сувениры", ["принт на футболках"]),
            _item("Гравировка", "Сувениры", ["лазерная гравировка"]),
        ]
    )


def test_one_vowel_respelled_in_a_long_word(index):
    assert match_catalog("рисиверы", index).item == "Ресиверы"


def test_noun_for_the_relational_adjective(index):
    assert match_catalog("доставка ночью", index).item == "Доставка в нерабочее время"


def test_english_form_words_stand_for_one_another(index):
    assert match_catalog("liver tests", index).item == "Печень"
    assert match_catalog("liver testing", index).item == "Печень"


def test_clipped_word_known_as_itself_is_also_the_whole(index):
    assert match_catalog("кружки с лого", index).item == "Кружки с логотипом"


def test_filler_is_dropped_but_the_noun_stays():
    toks = read_note("у нас типа нет. МРТ открытого типа нет", "ru").toks
    assert [t.low for t in toks].count("типа") == 1  # "открытого типа" is the noun


def test_filler_does_not_hide_the_claim(index):
    note = "у конкурента есть лазерная гравировка, у нас типа нет. клиент ушёл к ним"
    found = claim_of(note, index, "ru")
    assert found is not None
    assert found.match.item == "Гравировка"
    assert found.manager_error
