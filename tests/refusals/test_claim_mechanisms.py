"""Session-7 matching and claim mechanisms (invented examples, none from the labelled sets):
a lone qualifier naming its item, remarks cut off a phrase's edge, hyphens and "goods" words,
the verb beside a phrase, a weak claim backed by the catalog, the topic before the rules'
phrase, comparisons, "средства для X", time phrases stepped over, capital abbreviations."""

from __future__ import annotations

import pytest

from salesmine.records import CatalogItem
from salesmine.refusals import claim_patterns
from salesmine.refusals.catalog_match import CatalogMatch, build_index
from salesmine.refusals.claim_combine import TOPIC_THRESHOLD, Scored, topic_before
from salesmine.refusals.claim_pairs import Candidate, _function_word
from salesmine.refusals.claim_patterns import find_claims, read_note, unbacked_claims
from salesmine.refusals.claims import rule_claim_of
from salesmine.refusals.mention_edges import remark_trims
from salesmine.refusals.mention_match import (
    match_mention,
    scan_match,
    verb_named,
    with_its_verb,
)

CATALOG = build_index(
    [
        CatalogItem("Тумба приставная с замком"),
        CatalogItem("Стол письменный"),
        CatalogItem("Ламинирование и резка плакатов"),
        CatalogItem("Сим-карты для банкоматов"),
        CatalogItem("Перенос даты поставки"),
        CatalogItem("Шкаф металлический"),
        CatalogItem("Сейф металлический"),
        CatalogItem("Deck cleaning service"),
        CatalogItem("Кабинет для родителей"),
        CatalogItem("Water filters", synonyms=("filter cartridges",)),
        CatalogItem("Предоплата", synonyms=("prepay",)),
        CatalogItem("Чай листовой", synonyms=("чай",)),
        CatalogItem("Поверка счётчиков"),
        CatalogItem("Штукатурка фасадов"),
        CatalogItem("Хранение шин"),
    ]
)


# --- a lone qualifier names the one item it tells apart (catalog_match._modifier_only) ---


@pytest.mark.parametrize(
    ("mention", "item"),
    [
        ("приставных", "Тумба приставная с замком"),  # an adjective after the head
        ("письменных", "Стол письменный"),
        ("резка", "Ламинирование и резка плакатов"),  # a head joined by "и"
    ],
)
def test_a_lone_qualifier_names_its_item(mention: str, item: str) -> None:
    assert match_mention(mention, CATALOG).item == item
    assert scan_match(mention, CATALOG).item == ""  # not for every word of a note


@pytest.mark.parametrize(
    "mention",
    [
        "банкоматов",  # a word after a preposition: a complement, not a qualifier
        "даты",  # a genitive after the head
        "металлических",  # two items share it
        "deck",  # an English name's first noun is a product by itself
        "родителям",  # a person is an addressee
    ],
)
def test_words_that_do_not_tell_an_item_apart(mention: str) -> None:
    assert match_mention(mention, CATALOG).item == ""


# --- remarks at a phrase's edge, hyphens, words that only say "goods" (mention_match) ---


def test_remarks_are_cut_but_conjunctions_and_prepositions_are_not() -> None:
    assert remark_trims("filter cartridges separately") == ["filter cartridges"]
    assert remark_trims("грунтовку вообще") == ["грунтовку"]
    assert remark_trims("фото и видео") == []  # the other half may be what is missing
    assert remark_trims("insurance for pets") == []  # another product's qualifier


@pytest.mark.parametrize(
    ("mention", "item"),
    [
        ("filter cartridges separately", "Water filters"),
        ("pre-pay", "Предоплата"),  # written with a hyphen the catalog does not use
        ("ассортимент чая", "Чай листовой"),
        ("выбор чая", "Чай листовой"),
    ],
)
def test_claimed_phrase_readings(mention: str, item: str) -> None:
    assert match_mention(mention, CATALOG).item == item
    assert scan_match(mention, CATALOG).item == ""


# --- the verb beside a phrase (mention_match.with_its_verb / verb_named) ---


def test_the_verb_beside_the_phrase_names_the_action() -> None:
    text = "счётчики поверяете? клиент ждёт ответа"
    found = with_its_verb(text, 0, len("счётчики"), CATALOG)
    assert found is not None
    phrase, start, end, match = found
    assert (phrase, start, end) == ("счётчики поверяете", 0, 18)
    assert match.item == "Поверка счётчиков"
    # a verb the item's words do not name adds nothing
    assert with_its_verb("нет, счётчики не продаём", 5, 13, CATALOG) is None


def test_a_weak_claim_stands_when_the_catalog_names_its_verb(monkeypatch) -> None:
    assert verb_named("фасады", "штукатурим", CATALOG).item == "Штукатурка фасадов"
    assert verb_named("фасады", "моем", CATALOG) is None
    # the claim classifier does not back the weak rule here
    monkeypatch.setattr(claim_patterns, "_reads_like_claim", lambda text, lang: False)
    text = "фасады не штукатурим, только покраска стен"
    assert find_claims(text, "ru") == []
    [claim] = unbacked_claims(text, "ru")
    assert (claim.mention, claim.verb) == ("фасады", "штукатурим")
    found = rule_claim_of(text, CATALOG, "ru")
    assert found is not None and found.match.item == "Штукатурка фасадов"


# --- the item a sentence opens with, before the rules' phrase (claim_combine.topic_before) ---


def _scored(note, words: str, probability: float) -> Scored:
    start = note.text.index(words)
    first = next(k for k, t in enumerate(note.toks) if t.start == start)
    last = next(k for k, t in enumerate(note.toks) if t.end == start + len(words))
    return Scored(Candidate((first, last + 1), CatalogMatch(words, "Газон")), probability)


@pytest.mark.parametrize(
    ("text", "topic", "rule_phrase", "found"),
    [
        ("газон до их ТЦ у вас не делают", "газон", "ТЦ", True),
        ("gutter cleaning: she thinks we don't offer that", "gutter cleaning", "that", True),
        ("газон для ТЦ, а нам говорят ковры не делаете", "газон", "ковры", False),  # a clause
        ("аптека спросила, возим ли корма", "аптека", "корма", False),  # who spoke
    ],
)
def test_the_topic_before_the_rules_phrase(
    text: str, topic: str, rule_phrase: str, found: bool
) -> None:
    note = read_note(text, None)
    scored = [_scored(note, topic, TOPIC_THRESHOLD + 0.05)]
    chosen = topic_before(note, text.index(rule_phrase), scored)
    assert (chosen is not None) == found


def test_a_doubtful_topic_is_not_taken() -> None:
    note = read_note("газон до их ТЦ у вас не делают", "ru")
    scored = [_scored(note, "газон", TOPIC_THRESHOLD - 0.1)]
    assert topic_before(note, note.text.index("ТЦ"), scored) is None


# --- claim phrases the rules now find (claim_rules_*, claim_hits, claim_lexicon) ---


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a comparison names the other company: what it has is what we lack
        ("сравнивали с Альфой: у них хранение шин есть, у нас только шиномонтаж", "хранение шин"),
        # "средства для / от X" are goods ("средств нет" alone is money)
        ("мы средства от накипи не продаём", "средства от накипи"),
        # a time phrase before the negation says when, not what
        ("чистку труб после ремонта не делаем, только замену", "чистку труб"),
        ("гидроизоляцию перед заливкой не делаем", "гидроизоляцию"),
    ],
)
def test_claim_phrases(text: str, mention: str) -> None:
    assert [c.mention for c in find_claims(text, "ru")] == [mention]


def test_money_is_no_product() -> None:
    assert find_claims("у клиента средств нет до весны, вернётся в марте", "ru") == []


def test_capital_abbreviations_are_not_function_words() -> None:
    toks = read_note("ТО и ОТ", "ru").toks
    assert [_function_word(t) for t in toks] == [False, True, False]
