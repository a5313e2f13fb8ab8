"""Session 8 (helper): product questions left open with wordings the unanswered cues lacked
("пока тишина", "жду ответа", "висит", "haven't replied", "left w/o answer", "silence"), and a
verb particle in a direct English question ("can you set up the printer?"). Invented notes."""

import pytest

from salesmine.refusals.claims import find_claims


def _unanswered(text: str, lang: str) -> list[str]:
    return [c.mention for c in find_claims(text, lang) if c.source == "unanswered"]


@pytest.mark.parametrize(
    ("text", "lang", "product"),
    [
        ("Нужна гравировка на 40 кружек. спросили делаете ли — пока тишина", "ru", "гравировка"),
        (
            "клиентка спрашивала в чате, подарочную упаковку делаете? жду ответа от склада уже "
            "два дня, она торопит",
            "ru",
            "подарочную упаковку",
        ),
        (
            "закупщик: а шиномонтаж грузовых у вас есть? передал Диме со склада во вторник утром, "
            "так и висит",
            "ru",
            "шиномонтаж",
        ),
        ("Q: do you do gift wrapping? haven't replied yet", "en", "gift wrapping"),
        ("can you deliver pallets on Sundays? left w/o answer", "en", "pallets"),
        (
            "buyer asked: do you rent out scaffolding towers for a week? silence from the depot "
            "so far, chasing tomorrow",
            "en",
            "scaffolding",
        ),
    ],
)
def test_open_question_cues(text: str, lang: str, product: str) -> None:
    assert any(product in m for m in _unanswered(text, lang))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("КП отправил, тишина", "ru"),
        ("счёт висит неоплаченный, напомнил бухгалтеру", "ru"),
        ("sent the quote on Monday, silence since then", "en"),
    ],
)
def test_cue_without_a_question_is_no_claim(text: str, lang: str) -> None:
    assert find_claims(text, lang) == []


def test_particle_of_the_verb_is_not_the_product() -> None:
    mentions = _unanswered("can you set up the printer when you deliver? no answer yet", "en")
    assert mentions == ["printer"]
    mentions = _unanswered("Q from a client: can you take out the old boiler? will check", "en")
    assert mentions == ["old boiler"]
