"""A claim's phrase with words at its edges that name no product (mention_edges)."""

from __future__ import annotations

import pytest

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_match import build_index
from salesmine.refusals.mention_edges import edge_trims
from salesmine.refusals.mention_match import match_mention


@pytest.mark.parametrize(
    ("mention", "runs"),
    [
        ("abt LTR", ["LTR"]),
        ("told HR webinars", ["HR webinars", "webinars"]),
        ("e-signature built", ["e-signature"]),
        (
            "HR dashboards w/ attendance",
            ["dashboards w/ attendance", "HR dashboards", "dashboards"],
        ),
        ("антикор днища", ["антикор"]),
        ("легализацию доков для ОАЭ", ["легализацию"]),  # what is legalised: a genitive
    ],
)
def test_edge_words_are_dropped(mention: str, runs: list[str]) -> None:
    assert edge_trims(mention) == runs


@pytest.mark.parametrize(
    "mention",
    [
        "Damon braces",  # a name is part of the product
        "SOC 2",  # so is a number
        "КАСКО на мотоциклы",  # a Russian preposition is left to mention_match's own cuts
        "фотографа на прощание",  # the person asked for is the product
        "webinars",
    ],
)
def test_names_numbers_and_people_stay(mention: str) -> None:
    assert edge_trims(mention) == []


CATALOG = build_index(
    [
        CatalogItem("Вебинары", synonyms=("webinar",)),
        CatalogItem("Долгосрочная аренда", synonyms=("LTR",)),
        CatalogItem("Антикоррозийная обработка", synonyms=("антикор",)),
        CatalogItem("Ортодонтия", synonyms=("braces",)),
    ]
)


@pytest.mark.parametrize(
    ("mention", "item"),
    [
        ("told HR webinars", "Вебинары"),
        ("abt LTR", "Долгосрочная аренда"),
        ("антикор днища", "Антикоррозийная обработка"),
        ("Damon braces", ""),  # a variant the catalog does not list
    ],
)
def test_the_trimmed_run_must_be_named_exactly(mention: str, item: str) -> None:
    assert match_mention(mention, CATALOG).item == item
