"""Session 9 changes to manager-error detection (issue 4), on invented notes and catalogs:
a phrase cut before "на" + a singular noun, filler words between a question or a want and the
thing asked for, and "our catalogue has no X"."""

import pytest

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_match import build_index
from salesmine.refusals.claims import claim_of, find_claims
from salesmine.refusals.mention_match import match_mention


def _index(*rows: tuple[str, str, str]):
    return build_index(
        [CatalogItem(n, synonyms=tuple(s.split("|")), status=st) for n, s, st in rows]
    )


CATALOG = _index(
    ("Аренда бытовки", "бытовка|site cabin", "active"),
    ("Беспроцентная рассрочка", "рассрочка|installments", "active"),
    ("КАСКО", "каско", "active"),
    ("Грунт для газона", "грунт|lawn soil", "active"),
    ("Ремонт кровли", "кровля|roof repair", "active"),
    ("Детский клуб", "kids club|детский клуб", "active"),
    ("Резиновые сапоги", "сапоги|rubber boots", "active"),
)


def mentions(text: str, lang: str | None = None) -> list[str]:
    return [c.mention for c in find_claims(text, lang)]


# --- "на" + a singular noun ends the product's name (mention_match._ON_SINGULAR) ----------


@pytest.mark.parametrize(
    ("mention", "item"),
    [
        ("бытовку на стройку", "Аренда бытовки"),
        ("рассрочку на ремонт", "Беспроцентная рассрочка"),
        ("грунт на дачу", "Грунт для газона"),
    ],
)
def test_a_phrase_before_na_and_a_singular_noun_names_the_item(mention, item):
    assert match_mention(mention, CATALOG).item == item


def test_na_before_a_plural_noun_keeps_the_phrase_whole():
    # (a guard: passes on the old code too) "КАСКО на квадроциклы": insurance of another kind
    # of thing, not the catalog's КАСКО
    assert match_mention("КАСКО на квадроциклы", CATALOG).item == ""


def test_a_note_with_na_and_a_singular_noun_is_a_manager_error():
    note = "клиент говорит у вас нет рассрочки на ремонт, ушёл к конкурентам"
    found = claim_of(note, CATALOG, "ru")
    assert found is not None
    assert found.match.item == "Беспроцентная рассрочка" and found.manager_error


# --- filler words between a question or a want and its object -----------------------------


def test_an_adverb_after_a_russian_question_cue_is_skipped():
    text = "прораб спросил, делаем ли мы вообще ремонт кровли. я не знаю, обещал уточнить"
    assert "ремонт кровли" in mentions(text, "ru")


def test_asked_if_there_is_a_thing_answered_only_y():
    text = "mum asked if there's a kids club, I said only the pool. she booked elsewhere"
    assert mentions(text, "en") == ["kids club"]


# --- "our catalogue has no X" (claim_rules_en.no_phrase) -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Foreman complained our catalogue has no rubber boots",
        "buyer says your range has no rubber boots, went to a rival",
    ],
)
def test_our_listing_has_no_thing_is_a_claim(text):
    assert mentions(text, "en") == ["rubber boots"]


def test_someone_elses_listing_has_no_thing_is_no_claim():
    # (a guard: passes on the old code too)
    assert mentions("their catalogue has no rubber boots, so they came to us", "en") == []
