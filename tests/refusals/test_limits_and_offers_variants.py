"""A size beyond a stated limit (``claim_contrast.beyond_limit``) and a mention that is the
alternative offered (``claim_contrast.offered_alternative``) name nothing the catalog has.
Invented catalog and notes."""

import pytest

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_match import build_index
from salesmine.refusals.claim_contrast import beyond_limit, offered_alternative
from salesmine.refusals.claims import claim_of


@pytest.fixture(scope="module")
def index():
    return build_index(
        [
            CatalogItem("Банкетный зал", "Аренда", synonyms=("банкетка", "banquet hall")),
            CatalogItem("Гарантия 3 года", "Сервис", synonyms=("гарантия на 3 года",)),
            CatalogItem("Йога для начинающих", "Занятия", synonyms=("йога", "yoga")),
            CatalogItem("Пилатес", "Занятия", synonyms=("pilates",)),
        ]
    )


def test_a_size_beyond_the_stated_limit_is_no_error(index):
    text = "Нужен банкетный зал на 90 гостей. Сказала что такого нет, максимум на 30"
    found = claim_of(text, index, "ru")
    assert found is None or not found.manager_error


def test_beyond_limit_needs_a_number_the_item_does_not_name(index):
    text = "хотел гарантию на 3 года, сказал нет, максимум 1 год"
    mention = "гарантию на 3 года"
    end = text.index(mention) + len(mention)
    assert not beyond_limit(text, end, mention, "Гарантия 3 года", index)
    other = "wants a banquet hall for 90 guests, we don't have one, max 30"
    end = other.index("banquet hall") + len("banquet hall")
    assert beyond_limit(other, end, "banquet hall", "Банкетный зал", index)
    # no limit stated: the number alone proves nothing
    plain = "wants a banquet hall for 90 guests, we don't have one"
    assert not beyond_limit(plain, end, "banquet hall", "Банкетный зал", index)


def test_the_alternative_offered_is_no_error(index):
    text = "Клиентка: а стретчинг у вас есть? Нет, стретчинга нет, есть пилатес"
    found = claim_of(text, index, "ru")
    assert found is None or not found.manager_error
    assert offered_alternative(text, text.index("пилатес"))


@pytest.mark.parametrize(
    "text",
    [
        "Спросила есть ли пилатес, не знаю, уточню",  # a question, not an offer
        "у соседей есть пилатес, у нас нет",  # no negation before "есть"
    ],
)
def test_a_claimed_thing_after_yes_is_not_an_offer(text):
    assert not offered_alternative(text, text.index("пилатес"))
