"""What a mention says beyond the catalog item it was matched to (``catalog_beyond``)."""

from pathlib import Path

import pytest

from salesmine.refusals.catalog_beyond import beyond_features, qualifier
from salesmine.refusals.claims import resolve_catalog

CATALOG = Path(__file__).parent.parent / "data" / "claims" / "services_catalog.csv"


@pytest.fixture(scope="module")
def index():
    return resolve_catalog(CATALOG)


def test_a_mention_the_item_explains_says_nothing_beyond_it_ru(index):
    feats = beyond_features(
        index, "Мойка фасадов", "мойки фасадов", " у вас нет", sentence_start=False
    )
    assert feats == {}


def test_an_unexplained_head_and_a_place_are_read_ru(index):
    feats = beyond_features(
        index, "Монтаж кондиционеров", "ремонт кондиционеров в Казани", "", sentence_start=False
    )
    assert feats["beyond_head"] == 1.0  # the item is fitting, not repairing
    assert feats["beyond_capital"] == 1.0  # "Казани" names a place the item does not
    assert 0.0 < feats["beyond"] < 1.0 and 0.0 < feats["beyond_weight"] <= 1.0


def test_a_capital_opening_the_sentence_counts_for_nothing_en(index):
    feats = beyond_features(index, "Вывоз снега", "Snow removal", "", sentence_start=True)
    assert "beyond_capital" not in feats and "beyond" not in feats


def test_a_qualifier_after_the_mention_is_read_en(index):
    feats = beyond_features(
        index,
        "Монтаж видеонаблюдения",
        "CCTV installation",
        " for the Tver warehouse, they said we don't",
        sentence_start=False,
    )
    assert feats["beyond_tail"] == 1.0 and feats["beyond_capital"] == 1.0
    assert "beyond" not in feats  # the mention itself is the item's synonym


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (" на мотоциклы, а у них байки", "на мотоциклы"),
        (
            " для рейсов в Казахстан по трассе М5 и М7. Сказал нет",
            "для рейсов в Казахстан",
        ),  # four words at most
        (" у вас нет", ""),
        (" without a deductible — said no", "without a deductible"),
    ],
)
def test_qualifier_is_the_phrase_opening_the_rest(after, expected):
    assert qualifier(after) == expected


def test_an_unknown_item_gives_no_features(index):
    assert beyond_features(index, "Нет такого", "чего-то", "", sentence_start=False) == {}
