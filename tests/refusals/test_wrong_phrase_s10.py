"""The wrong phrase matched (session 10): a word matched the catalog only through a loose
route, so the claim was pinned on an item the note is not about.

A transliteration is read by consonant skeleton, which drops a leading vowel: "уборка" reads
as "break" and "apron" as "парная". A word and its transliteration begin alike (both with a
vowel or both with a consonant), so such a pair is no transliteration."""

import pytest

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_match import build_index
from salesmine.refusals.catalog_near import near_terms
from salesmine.refusals.claims import claim_of


def _item(name, category="", synonyms=(), status="active"):
    return CatalogItem(name=name, category=category, synonyms=tuple(synonyms), status=status)


@pytest.fixture(scope="module")
def index():
    return build_index(
        [
            _item("Кофе-брейк", "Кейтеринг", ["coffee break"]),
            _item("Парная", "Бани", ["steam room"]),
            _item("Monitor rental", "Equipment", ["monitors"]),
            _item("Аренда проектора", "Оборудование", ["проектор"]),
        ]
    )


def test_leading_vowel_dropped_is_no_transliteration(index):
    assert "break" not in near_terms(index, "уборка")
    assert "парная" not in near_terms(index, "apron")


def test_same_onset_is_still_a_transliteration(index):
    assert "monitor" in near_terms(index, "монитор")
    assert "парная" in near_terms(index, "parnaya") or "парная" in near_terms(index, "parnaja")


def test_word_matched_only_by_dropped_vowel_is_no_error(index):
    found = claim_of("к: уборку снега на парковке делаете? м: нет, не делаем", index, "ru")
    assert found is None or not found.manager_error
    found = claim_of("PPE (gloves, aprons) - not in your catalogue, I told them", index, "en")
    assert found is None or not found.manager_error


def test_real_transliteration_keeps_error(index):
    found = claim_of("сказал клиенту, что мониторы в аренду мы не даём", index, "ru")
    assert found is not None and found.manager_error
    assert found.match.item == "Monitor rental"


# A catalog name after "on the / in the / with their" hangs on the noun before the link: "hookah
# on the terrace" asks for a hookah, not a terrace. A name found next to an absence cue is a
# modifier there, as after a bare link ("кэшбэк по картам"), and is not the missing thing.


@pytest.fixture(scope="module")
def venue():
    return build_index(
        [
            _item("Летняя терраса", "Зал", ["terrace", "summer terrace"]),
            _item("Парковка", "Услуги", ["car park", "parking"]),
            _item("Кофе-брейк", "Кейтеринг", ["coffee break"]),
        ]
    )


def test_noun_after_link_and_article_is_not_the_missing_thing(venue):
    for note in (
        "a piano on the terrace? not possible, told them",
        "instalments on the terrace booking — not possible, prepay only",
    ):
        found = claim_of(note, venue, "en")
        assert found is None or not found.manager_error, note


def test_noun_after_link_with_possessive_is_not_the_missing_thing(venue):
    found = claim_of("rival bundles a sound system with their terrace, we can't", venue, "en")
    assert found is None or not found.manager_error


def test_item_named_as_the_head_keeps_error(venue):
    found = claim_of("they think we don't have a terrace for the reception", venue, "en")
    assert found is not None and found.manager_error
    assert found.match.item == "Летняя терраса"
