"""A claim put right by telling the client the thing exists ("Объяснила что X есть", "told her
we do"), or by showing a client the thing they said we lack, is no manager error
(``claim_put_right.told_it_exists``, ``claim_corrections`` "shown"). All notes invented."""

import pytest

from salesmine.refusals.claim_corrections import set_right, why_set_right
from salesmine.refusals.claims import read_note


def _why(text: str, mention: str, source: str = "client", lang: str | None = None) -> str:
    start = text.index(mention)
    return why_set_right(read_note(text, lang), start, start + len(mention), source)


@pytest.mark.parametrize(
    ("text", "mention", "lang"),
    [
        (
            "Покупатель уверен что у нас нет садовых качелей. Объяснила что качели есть на "
            "складе, привезут в сб",
            "садовых качелей",
            "ru",
        ),
        (
            "Клиентка считает что у нас нет парковки. Ответил что паркинг есть во дворе.",
            "парковки",
            "ru",
        ),
        # a capitalized word before the telling that is no name: the writer telling the client
        (
            "Покупатель уверен что у нас нет садовых качелей. Потом сказала что качели есть на "
            "складе",
            "садовых качелей",
            "ru",
        ),
        (
            "He said we don't sharpen skates. Told him of course we do skate sharpening, 300 rub.",
            "skates",
            "en",
        ),
        (
            "Client: 'you stopped doing engraving, right?' Me: no, we still do it, Mon-Fri.",
            "engraving",
            "en",
        ),
    ],
)
def test_told_later_that_it_exists_sets_the_claim_right(text, mention, lang):
    assert _why(text, mention, lang=lang) == "told it exists"


@pytest.mark.parametrize(
    ("text", "mention", "lang"),
    [
        # another thing offered in the same breath
        ("Гравировки нет, сказала что наклейки обычные есть", "Гравировки", "ru"),
        # a colleague telling the writer, not the client
        (
            "Сказал клиенту что гравировки нет. Потом Марина сказала что станок у нас есть.",
            "гравировки",
            "ru",
        ),
        # only an alternative
        ("Said we don't do engraving. I told them we carry stickers only.", "engraving", "en"),
        # the telling keeps the lack
        ("Asked about engraving, I said it's beyond what we offer.", "engraving", "en"),
    ],
)
def test_a_told_alternative_or_a_colleague_keeps_the_claim(text, mention, lang):
    assert not set_right(
        read_note(text, lang), text.index(mention), text.index(mention) + len(mention), "manager"
    )


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Клиент сказал, что у нас нет чехлов — показал ему витрину с чехлами", "чехлов"),
        ("Client said we don't rent kayaks - showed her the kayak rack, she was happy", "kayaks"),
    ],
)
def test_a_client_shown_the_thing_is_set_right(text, mention):
    assert _why(text, mention) == "shown"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Клиент сказал, что у нас нет чехлов — показал ему витрину, молчит", "чехлов"),
        (
            "Client said we don't rent kayaks - showed her the rack, but she went elsewhere",
            "kayaks",
        ),
    ],
)
def test_a_client_unmoved_by_the_showing_keeps_the_claim(text, mention):
    assert _why(text, mention) == ""


def test_showing_after_the_managers_own_claim_is_not_enough():
    text = "Сказал что чехлов нет, показал ему другие аксессуары"
    start = text.index("чехлов")
    assert not set_right(read_note(text, "ru"), start, start + len("чехлов"), "manager")


def test_a_lesson_someone_has_been_shown_is_no_showing():
    text = "The client says we don't rent kayaks. Our intern has been shown the price list."
    assert _why(text, "kayaks") != "shown"
