"""Session 8 changes to manager-error detection (issue 4), on invented notes and catalogs:
corrections the client was told about, offers turned down as unsuitable, a yes to a plain
question, phrase ends that name no product, and two Russian word-formation cases."""

import pytest

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_match import build_index
from salesmine.refusals.claim_combine import offered_instead
from salesmine.refusals.claim_context import answered_yes, set_right_after
from salesmine.refusals.claim_patterns import read_note
from salesmine.refusals.claims import find_claims
from salesmine.refusals.mention_edges import _postposed, remark_trims
from salesmine.refusals.mention_match import match_mention


def _index(*rows: tuple[str, str, str]):
    return build_index(
        [CatalogItem(n, synonyms=tuple(s.split("|")), status=st) for n, s, st in rows]
    )


CATALOG = _index(
    ("Пескоструйная обработка", "sandblasting|пескоструй", "active"),
    ("Аренда фуры", "фурка|semi truck", "active"),
    ("Пионы", "peonies|пион", "active"),
    ("Аварийный выезд", "аварийка|emergency callout", "active"),
    ("Парковка с валетом", "valet|valet parking", "active"),
    ("Очиститель воздуха", "очиститель|air purifier", "active"),
    ("Потребительский кредит", "кредит|consumer loan", "active"),
    ("Чистка дымоходов", "chimney sweeping|chimney", "active"),
)


def mentions(text: str) -> list[str]:
    return [c.mention for c in find_claims(text, None)]


# --- corrections (claim_lexicon.CORRECTION_EN, DIALOG_YES) ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Told the buyer we don't stock hinges — then checked with the warehouse, we do. "
        "Called him back, order placed.",
        "Thought we had dropped laminating but Anna confirmed we still do it - told the "
        "customer, proofs on Friday.",
        "I wrongly said we don't do gift wrapping - called back an hour later, corrected, "
        "they ordered 40 boxes.",
    ],
)
def test_a_slip_checked_and_put_right_with_the_client_is_no_claim(text):
    assert mentions(text) == []


def test_a_slip_only_noticed_still_stands():
    text = "Told them we don't do engraving. Checked later - we do. Following up tomorrow."
    assert mentions(text) != []


@pytest.mark.parametrize(
    "text",
    [
        "Northwind doesn't do night towing, we do — pitched it twice.",
        "у «Альфа-Сервиса» нет выезда в область, а у нас есть — это и решило.",
    ],
)
def test_the_other_sides_lack_set_against_ours_is_taken_back(text):
    assert set_right_after(read_note(text, None), 0)


# --- a yes right after a plain question (claim_context.answered_yes) -------------------------


def test_a_plain_question_answered_yes_is_taken_back():
    note = read_note("спрашивает: а глинтвейн тоже варите? Да, с ноября, заказал 2 литра", "ru")
    k = next(i for i, t in enumerate(note.toks) if t.low == "глинтвейн")
    assert answered_yes(note, (k, k + 1))


@pytest.mark.parametrize(
    "text",
    [
        "говорит, глинтвейн вы больше не варите? Да, так и есть, сняли с меню",
        "у вас же глинтвейна нет? да, нет",
        "а глинтвейн тоже варите? — сказал, уточню",
    ],
)
def test_a_yes_confirming_a_doubt_or_no_yes_at_all_is_not(text):
    note = read_note(text, "ru")
    k = next(i for i, t in enumerate(note.toks) if t.low.startswith("глинтвейн"))
    assert not answered_yes(note, (k, k + 1))


# --- offered, then turned down (claim_combine.offered_instead) -------------------------------


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("зонтики газовые им не подходят по дизайну", "зонтики", "газовые"),
        ("our steam ovens are too small for the school kitchen", "steam", "ovens"),
        ("our weekday support wasn't enough to keep them", "weekday", "support"),
        ("the cargo bikes don't suit their routes", "cargo", "bikes"),
    ],
)
def test_a_product_turned_down_as_unsuitable_is_on_offer(text, first, last):
    note = read_note(text, None)
    lows = [t.low for t in note.toks]
    span = (lows.index(first), lows.index(last) + 1)
    assert offered_instead(note, span)


def test_a_product_said_to_be_missing_is_not_on_offer():
    note = read_note("зонтики газовые у нас не продаются, только электрические", "ru")
    assert not offered_instead(note, (0, 2))


# --- phrase ends that name no product (mention_edges, mention_match) -------------------------


def test_a_reflexive_after_the_product_is_a_remark():
    assert "sandblasting" in remark_trims("sandblasting ourselves")
    assert match_mention("sandblasting ourselves", CATALOG).item == "Пескоструйная обработка"


@pytest.mark.parametrize(
    ("mention", "item"),
    [
        ("chimney work", "Чистка дымоходов"),
        ("emergency callout kits", "Аварийный выезд"),
        ("valet access option", "Парковка с валетом"),
    ],
)
def test_generic_english_tail_nouns_are_dropped(mention, item):
    assert match_mention(mention, CATALOG).item == item


def test_a_postposed_agreeing_adjective_is_a_remark():
    assert _postposed(["пионов", "белых"], 1)
    assert _postposed(["аварийки", "ночной"], 1)
    assert match_mention("пионов белых", CATALOG).item == "Пионы"
    # an adjective before its own noun qualifies that noun, not the product
    assert not _postposed(["подбор", "домашнего", "персонала"], 2)
    assert not _postposed(["пионов", "новой", "линии"], 2)


# --- Russian word formation (catalog_near) ----------------------------------------------------


def test_genitive_plural_with_a_fleeting_vowel_meets_its_catalog_word():
    found = match_mention("фурок", CATALOG)
    assert found.item == "Аренда фуры"
    assert found.score == 1.0


def test_a_compound_with_a_linking_vowel_is_another_product():
    assert match_mention("пароочистители", CATALOG).item == ""
    assert match_mention("потребкредит", CATALOG).item == "Потребительский кредит"


# --- "b/c" ends a product phrase (claim_phrases.np_right) -------------------------------------


def test_because_shorthand_ends_the_product_phrase():
    text = "Event agency: assumed we don't have yurt tents b/c the site shows only marquees."
    assert "yurt tents" in mentions(text)
