"""claim_rules_scope: absence claims said with an ordinary verb, a "нельзя", a belief or the
company's range (issue 4), on invented notes."""

import pytest

from salesmine.records import CatalogItem
from salesmine.refusals import claim_rules_scope as scope
from salesmine.refusals.catalog_match import build_index
from salesmine.refusals.claim_patterns import might_claim, read_note
from salesmine.refusals.claim_phrases import phrase_text
from salesmine.refusals.claims import find_claims, rule_claim_of


def _found(rule, text: str, lang: str) -> list[tuple[str, str, bool]]:
    note = read_note(text, lang)
    return [(phrase_text(text, note.toks, h.span), h.source, h.weak) for h in rule(note)]


def _mentions(rule, text: str, lang: str) -> list[str]:
    return [m for m, _, _ in _found(rule, text, lang)]


# --- the pre-filter ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "клиентка уверена: ресницы у вас не ламинируют",
        "говорит, вы не шьёте шторы на заказ",
        "told them pallet racking is out of our range",
        "rival shops at least have gift wrapping",
        "the old vendor had a loyalty app; she says we have nothing like it",
    ],
)
def test_cue_lets_the_new_phrasings_through(text):
    assert might_claim(text)


def test_cue_still_skips_plain_notes():
    assert not might_claim("встреча прошла хорошо, договор подписали")
    assert not might_claim("sent the invoice, paid in full")


# --- ru: "у вас / у нас ... не <verb>" ---------------------------------------------------


def test_owner_then_plural_verb():
    text = "клиентка уверена: ресницы у вас не ламинируют"
    assert _found(scope.owner_denied, text, "ru") == [("ресницы", "client", True)]


def test_owner_then_infinitive():
    text = "сказали, что сценический свет у вас не арендовать"
    assert _mentions(scope.owner_denied, text, "ru") == ["сценический свет"]


def test_thing_between_owner_and_negation():
    text = "«у вас же по праздникам не стригут» — так ей сказали"
    assert _mentions(scope.owner_denied, text, "ru") == ["по праздникам"]


def test_offer_verbs_are_left_to_negated_verb():
    text = "тонировку задних стёкол у вас не делают? — висит"
    assert _mentions(scope.owner_denied, text, "ru") == []


def test_abbreviation_stop_before_owner():
    text = "плёнку для витр. у вас не клеят?"
    assert _mentions(scope.owner_denied, text, "ru") == ["плёнку для витр"]


def test_thing_between_owner_and_an_offer_verb():
    # "делают" is an offer verb, but ``negated_verb`` does not read a phrase standing between
    text = "«у вас по воскресеньям не делают» — так думает"
    assert _mentions(scope.owner_denied, text, "ru") == ["по воскресеньям"]


def test_owner_denied_needs_the_owner_next_to_the_phrase():
    # a phrase further away is not taken: the verb's object is not named
    assert _mentions(scope.owner_denied, "приходил в офис, у нас не застали никого", "ru") == []


def test_owner_denied_skips_verbs_of_wanting_and_offer_verbs():
    assert _mentions(scope.owner_denied, "пледы у вас не хотят брать", "ru") == []
    # "делают" is an offer verb: ``claim_rules_ru.negated_verb`` reads it
    assert _mentions(scope.owner_denied, "пледы у вас не делают", "ru") == []


def test_client_speaking_of_own_company_is_not_a_claim():
    text = 'Клиент: "кондиционеры у нас не ломаются, сервис не нужен"'
    assert _mentions(scope.owner_denied, text, "ru") == []


# --- ru: "нельзя" -------------------------------------------------------------------------


def test_adverb_before_cannot():
    text = "«у вас посуточно нельзя» — это им кто-то из старых менеджеров сказал"
    assert _mentions(scope.cannot_here, text, "ru") == ["посуточно"]


def test_thing_before_infinitive_cannot():
    assert _mentions(scope.cannot_here, "Картридж перезаправить нельзя, сказал мастер", "ru") == [
        "Картридж"
    ]


def test_thing_after_preposition_keeps_its_head():
    text = "ответил, что отчёты по каждому складу выгрузить нельзя"
    assert _mentions(scope.cannot_here, text, "ru") == ["отчёты по каждому складу"]


def test_sentence_opening_thing_before_cannot():
    text = 'А вот гравировку, по её словам, "у вас же заказать нельзя". Ушла'
    assert _mentions(scope.cannot_here, text, "ru") == ["гравировку"]


def test_cannot_followed_by_a_verb_is_left_to_the_modal_rule():
    assert _mentions(scope.cannot_here, "у нас нельзя оформить доставку", "ru") == []


def test_cannot_about_someone_else():
    assert _mentions(scope.cannot_here, "у них посуточно нельзя, только на месяц", "ru") == []


# --- en: beliefs ---------------------------------------------------------------------------


def test_doesnt_think_we_take():
    text = "the gallery owner doesn't think we ship framed canvases abroad"
    assert _mentions(scope.believed_absent, text, "en")[0].startswith("framed canvases")


def test_dont_think_we_have_one():
    text = "she needs a loaner bike; I don't think we have one"
    assert _mentions(scope.believed_absent, text, "en") == ["loaner bike"]


def test_belief_without_our_offer_verb_is_no_claim():
    assert _mentions(scope.believed_absent, "he doesn't think we need a second van", "en") == []


def test_only_x_not_y():
    text = "client assumes we only sell paint, not wallpaper. went elsewhere"
    assert _mentions(scope.only_not, text, "en") == ["wallpaper"]


def test_only_not_needs_an_owner():
    assert _mentions(scope.only_not, "they only want paint, not wallpaper", "en") == []


# --- en: range and availability ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("said proofing cabinets are out of our range", "proofing cabinets"),
        ("they need hard hats for the site — I said we're out of that category", "hard hats"),
        (
            "she asked about gift cards. told her gift cards aren't part of what we offer",
            "gift cards",
        ),
        ("boat storage - not available from us, said the rep", "boat storage"),
    ],
)
def test_out_of_range(text, mention):
    assert _mentions(scope.out_of_range, text, "en") == [mention]


def test_nothing_like_it_points_to_the_rivals_offer():
    text = "Acme offered a loyalty app with points; client says we have nothing like it"
    assert _mentions(scope.out_of_range, text, "en")[0].startswith("loyalty app")


def test_out_of_stock_is_not_a_range():
    assert _mentions(scope.out_of_range, "the blue tiles are out of stock till May", "en") == []


def test_rivals_at_least_have():
    text = "customer: 'your rivals at least have gift wrapping'"
    assert _found(scope.rivals_at_least, text, "en") == [("gift wrapping", "comparison", False)]


def test_at_least_without_a_rival():
    assert _mentions(scope.rivals_at_least, "we at least have gift wrapping", "en") == []


# --- end to end: the claim names an active item ------------------------------------------

CATALOG = build_index(
    [
        CatalogItem("Подарочная упаковка", synonyms=("gift wrapping", "упаковка"), status="active"),
        CatalogItem("Поддоны", synonyms=("pallets", "pallet racking"), status="active"),
    ]
)


def test_end_to_end_manager_error():
    found = rule_claim_of("told them pallet racking is out of our range", CATALOG, "en")
    assert found is not None and found.match.item == "Поддоны" and found.manager_error
    assert [c.mention for c in find_claims("rival shops at least have gift wrapping", "en")] == [
        "gift wrapping"
    ]
