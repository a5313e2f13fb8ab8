"""Session 10b (recall): a claim's phrase that names no item because of an English form noun
("[attachment]", "[support]", "[stage]", "[inventory]") or a multiplier ("[x4]") at its end."""

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_match import build_index
from salesmine.refusals.claims import match_mention


def _index():
    return build_index(
        [
            CatalogItem("Аренда виброплиты", synonyms=("plate compactor",)),
            CatalogItem("Интеграция с Меркурием", synonyms=("Mercury",)),
            CatalogItem("Аренда прожекторов", synonyms=("floodlights",)),
            CatalogItem("Система умягчения", synonyms=("softening",)),
        ]
    )


def test_form_noun_at_the_end_is_dropped():
    index = _index()
    assert match_mention("plate compactor attachment", index).item == "Аренда виброплиты"
    assert match_mention("Mercury support", index).item == "Интеграция с Меркурием"
    assert match_mention("softening stage", index).item == "Система умягчения"


def test_multiplier_at_the_end_is_dropped():
    assert match_mention("floodlights x4", _index()).item == "Аренда прожекторов"


def test_other_words_at_the_end_are_kept():
    assert match_mention("Mercury retrograde", _index()).item == ""


def _mentions(text, lang):
    from salesmine.refusals.claim_patterns import find_claims

    return [c.mention for c in find_claims(text, lang)]


def test_competitor_has_it_without_est_ru():
    assert _mentions("у конкурента шторы блэкаут на каждом окне, у нас нет", "ru") == [
        "шторы блэкаут"
    ]


def test_such_a_thing_points_back_to_the_competitors_sentence_ru():
    assert _mentions(
        "У конкурента шторы блэкаут на каждом окне, гости довольны. У нас такого нет.", "ru"
    ) == ["шторы блэкаут"]


def test_someone_elses_offer_before_our_only_one():
    assert _mentions("в Рольфе им дают отсрочку, у нас только предоплата", "ru") == ["отсрочку"]
    assert _mentions("мы даём скидку, но у нас только предоплата", "ru") == []


def test_our_own_offer_is_not_the_missing_thing():
    assert _mentions("Lamination in matte - not available, our press does gloss only", "en") == [
        "Lamination in matte"
    ]
    assert _mentions("RentCo also rents out tablecloths, we only wash them", "en") == []


def test_topic_with_a_hyphenated_word_before_the_dash():
    assert _mentions("multi-channel chat - I told them we only do email support", "en") == [
        "multi-channel chat"
    ]


def test_a_speakers_initial_is_no_topic():
    assert "М" not in _mentions("К: а вы витрины тоже моете? М: нет, мы только по окнам.", "ru")


def test_amount_at_the_end_is_dropped():
    index = build_index([CatalogItem("Организация корпоративов", synonyms=("corporate party",))])
    assert match_mention("corporate party 200 pax", index).item == "Организация корпоративов"
    assert match_mention("corporate party 3 days", index).item == "Организация корпоративов"


def test_amount_is_kept_when_items_differ_by_number():
    items = [CatalogItem("Абонемент на 1 месяц"), CatalogItem("Абонемент на 12 месяцев")]
    index = build_index(items)
    assert match_mention("абонемент 3 месяца", index).item == ""
