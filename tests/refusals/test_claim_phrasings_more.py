"""Claims the rules used to miss: told in reported speech, denied with any verb, questions left
open (Russian and English), what a named rival has against our "только"."""

from __future__ import annotations

import pytest

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_match import build_index
from salesmine.refusals.claims import claim_of, find_claims

CATALOG = build_index(
    [
        CatalogItem("Кремация"),
        CatalogItem("Выездной ремонт", synonyms=("on-site repair",)),
        CatalogItem("Гравировка портрета", synonyms=("engraving",)),
    ]
)


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
