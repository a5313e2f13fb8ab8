"""Session 10: claims taken back or not lasting, checked on the deciding claim of any route
(``claim_corrections``): the opposite said to the client, the product itself sent, a belief
followed by a sale, a question answered with a statement, an inability for today only."""

import pytest

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_match import build_index
from salesmine.refusals.claims import claim_of

ITEMS = [
    CatalogItem("Балансировка колёс", synonyms=("балансировка", "wheel balancing")),
    CatalogItem("Аренда проекторов", synonyms=("проектор", "projector hire", "projectors")),
    CatalogItem("Озонирование салона", synonyms=("озонирование", "ozone cleaning")),
    CatalogItem("Курс по Arduino", synonyms=("ардуино", "arduino")),
    CatalogItem("Шумоизоляция", synonyms=("шумка", "soundproofing")),
]


@pytest.fixture(scope="module")
def index():
    return build_index(ITEMS)


def error(text, index):
    found = claim_of(text, index)
    return bool(found is not None and found.manager_error)


@pytest.mark.parametrize(
    "text",
    [
        # the opposite said to the client
        "клиентка уверена что балансировку у нас не делают. поправил — делаем, ждём в ср",
        "client said we can't do ozone cleaning - actually we can, booked him for Fri",
        "'you don't hire projectors, do you?' I said we do and sent him the rates",
        # the product itself sent right after
        "Ирина: «проекторов у вас нет, искала на сайте». Скинул ссылку на проектор, забронировала",
        # a belief, then a sale
        "мама думала что ардуино у нас не преподают, привела на пробное, записали в группу",
        "I was told you don't do soundproofing - sent quote right away, they booked",
        # a question answered with a statement
        "«озонирование у вас своё или сторонний подрядчик?» ответил что своё, цена 2500",
        # today only, moved to another day
        "шумку сегодня сделать не можем, мастер заболел, перенёс на завтра 9:00",
    ],
)
def test_taken_back_or_temporary_is_no_error(text, index):
    assert not error(text, index)


@pytest.mark.parametrize(
    "text",
    [
        # standing claims stay errors
        "клиент говорит что балансировку у нас не делают, предложил шиномонтаж, отказался",
        "Said we can't do ozone cleaning. Actually we can, my bad, need to call back",
        "«озонирование у вас есть?» ответил что уточню",
        "«озонирование у вас есть?» ответил что только химчистку делаем",
        "Лена поправила — делаем балансировку, но клиент уже ушёл. Я сказал что балансировки нет",
        "проекторов у нас нет, скинул ссылку на экраны",
    ],
)
def test_standing_claims_stay_errors(text, index):
    assert error(text, index)
