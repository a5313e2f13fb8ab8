"""claim_rules_only_wants: the company's "только Y" / "only Y" answering a want, a request or
a question for X makes X the absence claim (issue 4), on invented notes."""

import pytest

from salesmine.records import CatalogItem
from salesmine.refusals import claim_rules_only_wants as only_wants
from salesmine.refusals.catalog_match import build_index
from salesmine.refusals.claim_patterns import read_note
from salesmine.refusals.claim_phrases import phrase_text
from salesmine.refusals.claims import claim_of, find_claims


def _found(text: str, lang: str) -> list[tuple[str, str]]:
    note = read_note(text, lang)
    return [(phrase_text(text, note.toks, h.span), h.source) for h in only_wants.only_wanted(note)]


def _mentions(text: str, lang: str) -> list[str]:
    return [m for m, _ in _found(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "mention"),
    [
        # a want in the sentence before, the restriction told by the seller
        (
            "Guest asked for a sea-view suite; I said we only have garden rooms.",
            "en",
            "sea-view suite",
        ),
        # the restriction without "we": the seller's telling makes it the company's
        (
            "Buyer asked if they can pay by card on delivery. Rep said bank transfer only.",
            "en",
            "pay by card on delivery",
        ),
        # a question answered "нет, только Y" on the next line
        (
            "К: а доставка на дачу есть?\nМ: нет, только самовывоз\nК: ясно",
            "ru",
            "доставка на дачу",
        ),
        ("C: any valet parking?\nM: no sorry, street only", "en", "valet parking"),
        # the thing denied right after the company's restriction
        (
            "they believe we're windows only - no balcony glazing. call back",
            "en",
            "balcony glazing",
        ),
        ("the shop thinks we only print flyers, not banners.", "en", "banners"),
        # a topic set off before the seller's telling
        ("химчистка ковров — сказала клиентке, что только мебель.", "ru", "химчистка ковров"),
        # the need after its object ("X надо ..."), the company's "у нас только"
        (
            "клиент уверен, что стеллажи надо заказывать отдельно, что у нас только полки.",
            "ru",
            "стеллажи",
        ),
    ],
)
def test_the_wanted_thing_is_the_claim(text, lang, mention):
    assert mention in _mentions(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # no "only": the rule reads nothing (the cheap check)
        ("Клиент хотел стеллажи, выслал КП.", "ru"),
        ("Guest wanted a late checkout, booked it.", "en"),
        # a negation already names the thing: the negation rules' claim, not this one's
        ("Клиенту нужен ремонт крыши, сказал что кровлю мы не делаем, только фасады.", "ru"),
        ("Guest wanted a sauna; told him we don't have one, only a gym.", "en"),
        # "only" that is not the company's restriction and answers no want
        ("Клиент берёт только бумагу А4, остальное у него есть.", "ru"),
        ("They only need the invoice copies, sent them.", "en"),
        # a question answered yes
        ("К: а доставка на дачу есть?\nМ: да, только по субботам", "ru"),
    ],
)
def test_no_claim(text, lang):
    assert _mentions(text, lang) == []


def test_the_seller_told_it_so_the_source_is_the_manager():
    found = _found("Guest asked for a sea-view suite; I said we only have garden rooms.", "en")
    assert ("sea-view suite", "manager") in found


def test_the_client_believing_it_is_the_client_source():
    found = _found("they believe we're windows only - no balcony glazing. call back", "en")
    assert ("balcony glazing", "client") in found


def test_the_rule_is_gathered_with_the_others():
    mentions = [
        c.mention
        for c in find_claims("К: а доставка на дачу есть?\nМ: нет, только самовывоз", "ru")
    ]
    assert "доставка на дачу" in mentions


def test_a_wanted_active_item_is_a_manager_error():
    index = build_index(
        [
            CatalogItem(name="Доставка за город", synonyms=("доставка на дачу",), status="active"),
            CatalogItem(name="Самовывоз со склада", status="active"),
        ]
    )
    found = claim_of("К: а доставка на дачу есть?\nМ: нет, только самовывоз\nК: жаль", index, "ru")
    assert found is not None and found.manager_error
    assert found.match.item == "Доставка за город"
