"""Session 14: "we only have <Y>" after a claim, naming the same kind of thing, shows the matched
item is not the kind asked for (``claim_contrast.other_kind_offered``). Invented catalog and
notes."""

import pytest

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_match import build_index
from salesmine.refusals.claim_contrast import other_kind_offered
from salesmine.refusals.claims import claim_of


@pytest.fixture(scope="module")
def index():
    return build_index(
        [
            CatalogItem("Респиратор", "СИЗ", synonyms=("respirator", "mask")),
            CatalogItem(
                "Куртка утеплённая", "Спецодежда", synonyms=("утепленка", "insulated jacket")
            ),
            CatalogItem("Ботинки зимние", "Обувь", synonyms=("winter boots",)),
            CatalogItem("Ботинки летние", "Обувь", synonyms=("summer boots",)),
            CatalogItem("Курсы испанского", "Языки", synonyms=("Spanish course",)),
        ]
    )


@pytest.mark.parametrize(
    "text",
    [
        # the item offered is the plain kind; the mention adds what it lacks
        "wants respirator with full face visor - said we only have respirators, no visor ones",
    ],
)
def test_other_kind_offered_is_no_error(index, text):
    found = claim_of(text, index, "en")
    assert found is None or not found.manager_error


@pytest.mark.parametrize(
    ("text", "item"),
    [
        # the catalog has the very kind asked for: the "only" answer is the error
        ("winter boots for the crew - said we only have summer boots", "Ботинки зимние"),
        # what is offered is another item: the mention's item still stands
        ("needs a Spanish course for kids, I said we only have adult groups", "Курсы испанского"),
    ],
)
def test_the_asked_kind_in_the_catalog_stays_an_error(index, text, item):
    found = claim_of(text, index, "en")
    assert found is not None and found.manager_error and found.match.item == item


def test_item_of_another_kind_than_the_shared_word(index):
    # a near match on the qualifiers only: mittens placed on an insulated jacket
    text = "client wants insulated mittens, -35. we only have cotton mittens"
    mention = "insulated mittens"
    end = text.index(mention) + len(mention)
    assert other_kind_offered(text, end, mention, "Куртка утеплённая", index, lambda p: "")
    # the shared word is the item's own: no reason to doubt the match
    text = "client wants insulated jackets, -35. we only have cotton jackets"
    mention = "insulated jackets"
    end = text.index(mention) + len(mention)
    assert not other_kind_offered(text, end, mention, "Куртка утеплённая", index, lambda p: "")
