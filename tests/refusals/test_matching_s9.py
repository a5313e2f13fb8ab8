"""Session 9 catalog-matching fixes (issue 4): invented notes and catalog items, ru and en."""

from __future__ import annotations

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_match import build_index, match_catalog
from salesmine.refusals.mention_match import match_mention


def _index(*items: CatalogItem):
    return build_index(items)


CATALOG = _index(
    CatalogItem("Выезд техника", "Сервис", ("выездной техник", "onsite")),
    CatalogItem("Удалённая настройка", "Сервис", ("настройка по телефону",)),
    CatalogItem("Оплата долями по договору", "Условия", ("поэтапная оплата", "installments")),
    CatalogItem("Оплата наличными", "Условия", ("наличка", "cash")),
    CatalogItem("Мастер на дом", "Сервис", ("выезд на дом", "home visit")),
    CatalogItem("Защита от вирусов", "Безопасность", ("антивирус", "antivirus")),
    CatalogItem("Монтаж под ключ", "Стройка", ("под ключ", "turnkey")),
    CatalogItem("Страхование груза", "Страхование", ("страховка", "cargo insurance")),
    CatalogItem("Уборка дома", "Клининг", ("уборка квартиры", "home cleaning")),
    CatalogItem("Чистка бассейна", "Клининг", ("pool cleaning",)),
)


def test_website_is_not_an_onsite_visit() -> None:
    # "onsite" is read as "site"; the Russian "сайт" (a website) must not reach it by translation
    assert match_catalog("сайт", CATALOG).item == ""


def test_instrumental_after_the_head_tells_the_item_apart() -> None:
    # "долями" qualifies "Оплата долями" the way an adjective would
    found = match_mention("долями", CATALOG)
    assert found.item == "Оплата долями по договору"
    assert found.status == "active"


def test_licence_is_only_the_form_the_goods_take_ru() -> None:
    assert match_mention("лицензии антивируса", CATALOG).item == "Защита от вирусов"


def test_licence_is_only_the_form_the_goods_take_en() -> None:
    assert match_mention("antivirus licenses", CATALOG).item == "Защита от вирусов"


def test_believe_is_a_lead_word_not_part_of_the_product() -> None:
    assert match_mention("believe turnkey", CATALOG).item == "Монтаж под ключ"


def test_kind_head_with_anothers_word_stays_unmatched() -> None:
    # "страховка" is only a kind; "дом" is another item's word, which cargo insurance lacks
    assert match_catalog("страховка на дом", CATALOG).item == ""



def test_insurance_is_never_matched_to_a_credit_item_of_the_same_crop():
    credit = CatalogItem("Товарный кредит до урожая", synonyms=("под урожай", "pay at harvest"))
    index = build_index([credit])
    assert match_mention("crop insurance", index).item == ""
    assert match_mention("страхование урожая", index).item == ""
    assert match_mention("кредит под урожай", index).item == "Товарный кредит до урожая"
