"""Word forms the catalog matcher reads (session 14): an English plural the lemma table leaves
alone, another reading of a Russian word form, and compounds of one combining form that are no
relatives of each other."""

import pytest

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_match import build_index, match_catalog


def _item(name, category="", synonyms=(), status="active"):
    return CatalogItem(name=name, category=category, synonyms=tuple(synonyms), status=status)


@pytest.fixture(scope="module")
def index():
    """An invented catalog of a rental shop for stage and studio gear."""
    return build_index(
        [
            _item("Аренда студийных микрофонов", "Звук", ["микрофоны", "condenser mic"]),
            _item("Аренда комбоусилителей", "Звук", ["комбик", "голова", "guitar amp"]),
            _item("Аренда автобокса", "Транспорт", ["автобокс на крышу"]),
            _item("Прокат электромобиля", "Транспорт", ["электромобиль"]),
            _item("Аренда микроавтобуса", "Транспорт", ["микроавтобус"]),
            _item("Световые приборы", "Свет", ["прожекторы", "lighting"]),
        ]
    )


def test_english_plural_clipping_meets_catalog_singular(index):
    # "mics" is not in the lemma table as a plural of the clipping "mic"
    found = match_catalog("condenser mics", index)
    assert found.item == "Аренда студийных микрофонов"


def test_english_plural_rule_leaves_ss_us_words_alone(index):
    assert match_catalog("bass", index).item == ""


def test_other_reading_of_word_form(index):
    # "голов" is lemmatised to "гол" (a goal); it is also a form of the catalog's "голова"
    assert match_catalog("голов", index).item == "Аренда комбоусилителей"


def test_combining_form_is_no_shared_stem(index):
    # "автобус" and "автобокс", "электрод" and "электромобиль" share only "авто-", "электро-"
    assert match_catalog("автобусов", index).item == ""
    assert match_catalog("электродов", index).item == ""


def test_relatives_past_the_combining_form_still_meet(index):
    assert match_catalog("электромобили", index).item == "Прокат электромобиля"
    assert match_catalog("автобоксы", index).item == "Аренда автобокса"


def test_size_compound_is_not_the_plain_word(index):
    # a "микроавтобус" is another product than an "автобус"
    assert match_catalog("автобус", index).item == ""


def test_other_reading_only_for_a_word_the_catalog_lacks():
    # "весы" is also a plural of "вес", the lemma of the catalog's "поверка весов"; it is a
    # catalog word itself ("весы" of the scales), so it is not read again
    index = build_index(
        [
            _item("Поверка весов", "Сервис", ["поверка"]),
            _item("Автомобильные весы", "Весы", ["весы"]),
        ]
    )
    assert match_catalog("весы для проверки", index).item != "Поверка весов"


def test_generic_head_alone_names_no_item():
    # "system" is the one word "sprinkler system" shares with the mention: it names no product
    index = build_index(
        [
            _item("Автоматический полив", "Сад", ["sprinkler system", "автополив"]),
            _item("Ландшафтный дизайн", "Сад", ["garden design"]),
        ]
    )
    assert match_catalog("system", index).item == ""
    assert match_catalog("sprinkler system", index).item == "Автоматический полив"


def test_instrumental_after_the_object_tells_the_item_apart():
    # "дронами" says how "Опрыскивание полей" is done, though it stands past the object
    index = build_index(
        [
            _item("Опрыскивание полей дронами", "Агро", ["агродрон"]),
            _item("Опрыскивание полей тракторами", "Агро", ["наземное опрыскивание"]),
            _item("Поставка удобрений", "Агро"),
        ]
    )
    assert match_catalog("дронами", index).item == "Опрыскивание полей дронами"
    assert match_catalog("полей", index).item == ""
