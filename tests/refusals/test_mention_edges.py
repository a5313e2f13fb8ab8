"""A claim's phrase with words at its edges that name no product (mention_edges), and claims
told in reported speech the rules used to miss."""

from __future__ import annotations

import pytest

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_match import build_index
from salesmine.refusals.claims import claim_of, find_claims
from salesmine.refusals.mention_edges import edge_trims
from salesmine.refusals.mention_match import match_mention


@pytest.mark.parametrize(
    ("mention", "runs"),
    [
        ("abt LTR", ["LTR"]),
        ("told HR webinars", ["HR webinars", "webinars"]),
        ("e-signature built", ["e-signature"]),
        (
            "HR dashboards w/ attendance",
            ["dashboards w/ attendance", "HR dashboards", "dashboards"],
        ),
        ("антикор днища", ["антикор"]),
        ("легализацию доков для ОАЭ", ["легализацию"]),  # what is legalised: a genitive
    ],
)
def test_edge_words_are_dropped(mention: str, runs: list[str]) -> None:
    assert edge_trims(mention) == runs


@pytest.mark.parametrize(
    "mention",
    [
        "Damon braces",  # a name is part of the product
        "SOC 2",  # so is a number
        "КАСКО на мотоциклы",  # a Russian preposition is left to mention_match's own cuts
        "фотографа на прощание",  # the person asked for is the product
        "webinars",
    ],
)
def test_names_numbers_and_people_stay(mention: str) -> None:
    assert edge_trims(mention) == []


CATALOG = build_index(
    [
        CatalogItem("Вебинары", synonyms=("webinar",)),
        CatalogItem("Долгосрочная аренда", synonyms=("LTR",)),
        CatalogItem("Антикоррозийная обработка", synonyms=("антикор",)),
        CatalogItem("Ортодонтия", synonyms=("braces",)),
        CatalogItem("Кремация"),
        CatalogItem("Выездной ремонт", synonyms=("on-site repair",)),
        CatalogItem("Гравировка портрета", synonyms=("engraving",)),
    ]
)


@pytest.mark.parametrize(
    ("mention", "item"),
    [
        ("told HR webinars", "Вебинары"),
        ("abt LTR", "Долгосрочная аренда"),
        ("антикор днища", "Антикоррозийная обработка"),
        ("Damon braces", ""),  # a variant the catalog does not list
    ],
)
def test_the_trimmed_run_must_be_named_exactly(mention: str, item: str) -> None:
    assert match_mention(mention, CATALOG).item == item


@pytest.mark.parametrize(
    ("text", "mention", "item"),
    [
        # a quoted claim followed by another sentence in lower case
        ('оператор на линии сказала "кремацией не занимаемся". клиент ушёл.', "кремацией",
         "Кремация"),
        # "said X isn't offered" reports the company's offer, even after "they wanted"
        ("they wanted a headstone w/ photo engraving, ops said engraving isn't offered",
         "engraving", "Гравировка портрета"),
        # the writer told the client "no X"
        ("told them no on-site repair, carry-in only. they weren't happy", "on-site repair",
         "Выездной ремонт"),
    ],
)  # fmt: skip
def test_reported_claims(text: str, mention: str, item: str) -> None:
    found = claim_of(text, CATALOG)
    assert found is not None and found.claim.mention == mention
    assert found.match.item == item and found.manager_error


@pytest.mark.parametrize(
    "text",
    [
        "they said their parking isn't available on weekends",  # their own thing
        "told them no problem, will send the quote tomorrow",  # not a product
    ],
)
def test_reported_speech_about_others_is_no_claim(text: str) -> None:
    assert find_claims(text) == []


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a verb no offer list knows, in the "we" form, backed by the claim classifier
        ('Звонок от ТК "Вектор". Хотят 3 грузовых. Ответила, что грузовые не сдаём.', "грузовые"),
        ("трансфер из Пулково — клиент уверен что мы не встречаем.", "трансфер из Пулково"),
    ],
)
def test_any_verb_we_deny_reaches_the_weak_rules(text: str, mention: str) -> None:
    assert [c.mention for c in find_claims(text)] == [mention]


@pytest.mark.parametrize(
    "text", ["клиент не берёт трубку, перезвоню завтра", "мы не успеем к пятнице, сдвинули"]
)
def test_a_negated_verb_without_a_product_is_no_claim(text: str) -> None:
    assert find_claims(text) == []


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # any verb we would do, in a question nobody answered
        ("Bride asked if we allow BYO wine. Didn't know, promised to call back Mon", "BYO wine"),
        # "it" points back to the product
        ("apostille on a birth cert - they asked if we do it. honestly don't know", "apostille"),
        ("need halal options. asked if we do it — nobody on our side answered yet",
         "halal options"),
    ],
)  # fmt: skip
def test_english_questions_left_open(text: str, mention: str) -> None:
    assert [c.mention for c in find_claims(text)] == [mention]


def test_an_answered_question_with_any_verb_is_no_claim() -> None:
    assert find_claims("Bride asked if we allow BYO wine. Yes, corkage 500 per bottle.") == []


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("у Принтлайна постоплата 30 дней, а у вас только предоплата — уходит к ним",
         "постоплата 30 дней"),
        ("у конкурентов RSI в зуме, у нас только очно ((", "RSI в зуме"),
    ],
)  # fmt: skip
def test_what_a_rival_has_against_our_only(text: str, mention: str) -> None:
    assert [c.mention for c in find_claims(text)] == [mention]


@pytest.mark.parametrize(
    "text",
    ["Клиент в Москве, у нас только Казань", "у клиента склад в Подольске, у нас только доставка"],
)
def test_a_place_or_the_client_is_no_rival(text: str) -> None:
    assert find_claims(text) == []


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # the manager asks the team, nobody knows
        ("нержавейку печатаем? в прайсе не нашел, клиенту пока не ответил", "нержавейку"),
        ("Звонок: клиент спросил, есть ли у нас табель для сменщиков. Обещала узнать и пропала",
         "табель для сменщиков"),
        ("Вопрос по кросс-доку: можем ли принять утром. Не смог ответить", "кросс-доку"),
    ],
)  # fmt: skip
def test_russian_questions_left_open(text: str, mention: str) -> None:
    assert [c.mention for c in find_claims(text)] == [mention]


@pytest.mark.parametrize(
    "text", ["вопросов по лизингу нет, одобрили за 2 дня", "в пятницу работаем? не знаю"]
)
def test_no_open_product_question(text: str) -> None:
    assert find_claims(text) == []
