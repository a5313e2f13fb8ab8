"""The verifier of the final manager-error decision: its features, the veto, training, the file."""

from pathlib import Path

import pytest

from salesmine.refusals import claim_verifier
from salesmine.refusals.catalog_match import CatalogMatch
from salesmine.refusals.claim_patterns import Claim
from salesmine.refusals.claim_verifier import (
    pick_threshold,
    save_verifier,
    train_verifier,
    verify_features,
    verify_probability,
)
from salesmine.refusals.claims import NoteClaim, claim_of, resolve_catalog

CATALOG = Path(__file__).parent.parent / "data" / "claims" / "services_catalog.csv"
# Weights by hand: a correction after the claim makes the error doubtful.
HAND_MODEL = {"intercept": 3.0, "weights": {"after_correct": -8.0}, "threshold": 0.5}
CORRECTED = {
    "ru": "Клиент говорит, мойки фасадов у вас нет. Уточнил у бригадира, выслал КП",
    # (an outright "actually we do" never reaches the verifier: ``claim_corrections``)
    "en": "Client said we don't do snow removal. Checked with ops - we do, sent the price list",
}
PLAIN = {
    "ru": "Клиент говорит, мойки фасадов у вас нет, ушёл к конкурентам",
    "en": "Client said we don't do snow removal, went elsewhere",
}


@pytest.fixture(scope="module")
def index():
    return resolve_catalog(CATALOG)


def _decision(text, mention, item, matched):
    start = text.index(mention)
    claim = Claim(mention, start, start + len(mention), text, "client")
    return NoteClaim(claim, CatalogMatch(mention, item, "active", 0.8, "synonym", matched))


def test_features_read_a_correction_after_the_claim_ru():
    text = "Клиент думал, что мойки фасадов у вас нет — объяснил, что есть"
    decision = _decision(text, "мойки фасадов", "Мойка фасадов", "Мойка фасадов")
    feats = verify_features(text, decision, {"note": 0.9})
    assert feats["after_correct"] == 1.0 and feats["note_belief"] == 1.0
    assert feats["note"] == 0.9
    assert feats["unexplained"] == 0.0


def test_features_read_unexplained_words_and_missing_scores_en():
    text = "Client says we don't provide interpreters for the forum"
    feats = verify_features(
        text, _decision(text, "interpreters", "Трансферы", "transfers"), {"pair_item": None}
    )
    assert feats["unexplained"] == 1.0
    assert feats["pair_item_none"] == 1.0
    assert "after_correct" not in feats


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_doubted_error_is_vetoed_and_a_plain_one_stands(index, monkeypatch, lang):
    monkeypatch.setattr(claim_verifier, "_model", lambda: HAND_MODEL)
    doubted = claim_of(CORRECTED[lang], index, lang)
    assert doubted is not None and doubted.vetoed and not doubted.manager_error
    assert doubted.match.status == "active"  # still reported, only the flag is dropped
    plain = claim_of(PLAIN[lang], index, lang)
    assert plain is not None and plain.manager_error and not plain.vetoed


def test_without_a_verifier_nothing_is_vetoed(index, monkeypatch):
    monkeypatch.setattr(claim_verifier, "_model", lambda: None)
    found = claim_of(CORRECTED["en"], index, "en")
    assert found is not None and found.manager_error


def _rows(bad_share):
    good = [({"score": 1.0}, 1)] * 20
    bad = [({"score": 1.0, "after_correct": 1.0}, 0)] * bad_share
    return good + bad + [({"score": 1.0, "after_correct": 1.0}, 1)]


def test_training_learns_the_veto_and_its_threshold(tmp_path, monkeypatch):
    rows = {"a": _rows(4), "b": _rows(5), "c": _rows(3)}
    assert pick_threshold(rows) > 0.0
    model = train_verifier(rows)
    assert model["weights"]["after_correct"] < 0
    assert verify_probability(model, {"score": 1.0, "after_correct": 1.0}) < model["threshold"]
    assert verify_probability(model, {"score": 1.0}) >= model["threshold"]
    path = tmp_path / "verifier.json.xz"
    save_verifier(model, path)
    monkeypatch.setattr(claim_verifier, "MODEL_PATH", path)
    claim_verifier._model.cache_clear()
    assert claim_verifier.verifier_model() == model
    claim_verifier._model.cache_clear()


def test_features_read_the_negation_gap_and_a_later_yes_ru():
    text = "Клиент думал, что мойки фасадов у вас нет — уточнил, есть"
    feats = verify_features(
        text, _decision(text, "мойки фасадов", "Мойка фасадов", "Мойка фасадов"), {}
    )
    assert feats["neg_gap"] == 3 / claim_verifier.GAP_WORDS  # "у вас нет"
    assert feats["after_exists"] == 1.0


def test_features_far_from_any_negation_and_no_yes_en():
    text = (
        "Sent the snow removal quote for the two depots on Monday morning as agreed. "
        "They don't need anything else"
    )
    feats = verify_features(
        text, _decision(text, "snow removal", "Вывоз снега", "snow removal"), {}
    )
    assert feats["neg_gap"] == 1.0
    assert "after_exists" not in feats


def test_features_with_the_catalog_read_what_the_mention_adds(index):
    text = "Сказали у вас нет мойки фасадов для небоскрёбов в Москве"
    decision = _decision(text, "мойки фасадов", "Мойка фасадов", "Мойка фасадов")
    assert "beyond_tail" not in verify_features(text, decision, {})
    feats = verify_features(text, decision, {}, index)
    assert feats["beyond_tail"] == 1.0 and feats["beyond_capital"] == 1.0
