"""Hearsay or a slip put right later in the same note, and questions answered yes,
are no manager error (data/claims/README.md), whatever route found the claim
(``claim_corrections.set_right``). All notes invented."""

import pytest

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_match import build_index
from salesmine.refusals.claim_corrections import set_right
from salesmine.refusals.claims import claim_of, read_note


def _set_right(text: str, mention: str, source: str = "client", lang: str | None = None) -> bool:
    start = text.index(mention)
    return set_right(read_note(text, lang), start, start + len(mention), source)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # the claim's negated verb said again without the negation
        (
            "Клиенту раньше говорили что кофемашины вы не ремонтируете. Сказал что конечно "
            "ремонтируем, привезет в пн",
            "кофемашины",
        ),
        (
            "В соседнем филиале ей сказали что ламинирование мы не делаем. Объяснил что "
            "ламинирование делаем, прайс скинул",
            "ламинирование",
        ),
        # a plain "мы это делаем" closing the clause, after other words
        (
            "Слышал от партнера что тонировку мы не оформляем. Пояснил что тонировку тоже делаем.",
            "тонировку",
        ),
        ("His brother heard we don't clean carpets. Explained we do, booked Fri", "carpets"),
        ("She was told we don't deliver pianos. Told her we deliver them daily.", "pianos"),
    ],
)
def test_hearsay_answered_with_the_opposite_is_set_right(text, mention):
    assert _set_right(text, mention)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Говорят, им сказали что кофемашины мы не ремонтируем. Я подтвердил.", "кофемашины"),
        (
            "Сказали что кофемашины вы не ремонтируете. Сказал что ремонтируем только "
            "профессиональные",
            "кофемашины",
        ),
        ("Сказали что ламинирование мы не делаем. Ответил что нет, не делаем", "ламинирование"),
        (
            "Слышал что тонировку вы не делаете. Сказал что есть полировка, предложил её",
            "тонировку",
        ),
        ("Heard we don't clean carpets. Told them we only clean sofas.", "carpets"),
        ("Heard we don't clean carpets. He said his cousin does them cheaper.", "carpets"),
    ],
)
def test_an_answer_confirming_the_lack_is_no_correction(text, mention):
    assert not _set_right(text, mention)


def test_owning_up_to_a_slip_with_a_reflexive_verb():
    text = (
        "Сказал что рамы на заказ не делаем. Потом спросил в цеху — делают, перезвонил и поправился"
    )
    assert _set_right(text, "рамы на заказ", "manager")
    assert not _set_right(
        "Сказал что рамы на заказ не делаем. Клиент расстроился", "рамы на заказ", "manager"
    )


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Спросил: «а багетные рамы у вас есть?» ответил что да, скинул каталог", "багетные рамы"),
        (
            "Багетные рамы для галереи. Спросили можно ли с подсветкой — да, модель Б-2",
            "Багетные рамы",
        ),
        ("Asked: do we frame oil paintings? — said yes, sent the price list", "oil paintings"),
        # an indirect question without its question mark, answered with a statement
        ("Спросили, есть ли доставка рам в офис. Ответил что привезем курьером.", "доставка рам"),
    ],
)
def test_a_question_answered_yes_is_no_claim(text, mention):
    assert _set_right(text, mention, "unanswered")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Спросили, есть ли доставка рам в офис. Ответил что скорее нет.", "доставка рам"),
        ("Спросили, есть ли доставка рам в офис. Ответил что только самовывоз.", "доставка рам"),
        ("«у вас же нет багетных рам?» ответил что да, нет", "багетных рам"),
        ("'you only frame posters, right?' — yes I said", "frame posters"),
        # a yes to "did you stop X?" confirms the stop
        ("клиент: «а багетные рамы вы убрали?» да, убрали весной", "багетные рамы"),
        ("Buyer: 'you dropped canvas printing?' — yes, since May", "canvas printing"),
        ("багетные рамы есть? ответила что рамы убрали из прайса", "багетные рамы"),
    ],
)
def test_a_no_or_a_yes_to_a_doubting_question_stays(text, mention):
    assert not _set_right(text, mention, "unanswered")


def _index():
    return build_index(
        [
            CatalogItem("Ремонт кофемашин", synonyms=("кофемашины",)),
            CatalogItem("Carpet cleaning", synonyms=("carpets", "чистка ковров")),
        ]
    )


@pytest.mark.parametrize(
    "text",
    [
        "Клиентке в прошлый раз сказали что кофемашины вы не ремонтируете. Сказал что "
        "ремонтируем, записал на чт",
        "Lady said a neighbour told her we don't clean carpets. Explained we do, booked Tue",
    ],
)
def test_hearsay_set_right_is_no_manager_error(text):
    found = claim_of(text, _index())
    assert found is None or not found.manager_error
