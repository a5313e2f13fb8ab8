"""Session 9: a claim's phrase that says more than the product is trimmed to the product's
name (issue 4). Invented notes and catalog items, ru and en."""

from __future__ import annotations

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_match import build_index
from salesmine.refusals.mention_match import match_mention

CATALOG = build_index(
    (
        CatalogItem("Гидроизоляция", "Стройка", ("гидроизоляция фундамента",)),
        CatalogItem("Образцы продукции", "Маркетинг", ("образцы", "пробные наборы")),
        CatalogItem("МРТ", "Диагностика", ("магнитно-резонансная томография",)),
        CatalogItem("Перевод документов", "Переводы", ("glossary",)),
        CatalogItem("Выездные мастер-классы", "Обучение", ("offsite workshops",)),
        CatalogItem("Тариф Бизнес", "Тарифы", ("business plus",)),
        CatalogItem("Установка видеорегистраторов", "Авто", ("dashcams",)),
        CatalogItem("Оплата после сбора урожая", "Условия", ("pay-after-crop",)),
    )
)


def test_genitive_phrase_after_the_product_is_cut_ru() -> None:
    # "гидроизоляцию [кирпичных стен]": what it is done to, not another product
    assert match_mention("гидроизоляцию кирпичных стен", CATALOG).item == "Гидроизоляция"
    assert match_mention("образцы летней коллекции", CATALOG).item == "Образцы продукции"
    # a genitive of kind makes another product: "МРТ [закрытого типа]" is not plain "МРТ"
    assert match_mention("МРТ закрытого типа", CATALOG).item == ""


def test_conjunction_and_between_tails_en() -> None:
    assert match_mention("offsite workshops and stuff", CATALOG).item == "Выездные мастер-классы"
    assert match_mention("glossary between clients", CATALOG).item == "Перевод документов"


def test_form_noun_left_after_a_tail_en() -> None:
    assert match_mention("dashcams install alongside tyres", CATALOG).item == (
        "Установка видеорегистраторов"
    )
    assert match_mention("business plus class for directors", CATALOG).item == "Тариф Бизнес"
    assert match_mention("pay-after-crop terms", CATALOG).item == "Оплата после сбора урожая"
