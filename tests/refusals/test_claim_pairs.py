"""The pair model: (note, catalog item) candidates, their context features, the decision that
combines them with the rules, training and the shipped file."""

from pathlib import Path

import pytest

from salesmine.refusals import claim_pairs, claims
from salesmine.refusals.catalog_match import CatalogMatch
from salesmine.refusals.claim_combine import (
    ADD_THRESHOLD,
    INSIDE_THRESHOLD,
    Scored,
    decide,
    guess_source,
)
from salesmine.refusals.claim_pairs import (
    Candidate,
    candidate_items,
    match_rank,
    pair_features,
    pair_probability,
    save_pairs,
)
from salesmine.refusals.claim_pairs_train import NoteRows, fit_pairs, replay
from salesmine.refusals.claim_patterns import Claim, might_claim_any, read_note
from salesmine.refusals.claims import NoteClaim, claim_of, match_mention, resolve_catalog

CATALOG = Path(__file__).parent.parent / "data" / "claims" / "services_catalog.csv"
# A note the rules miss: a comparison table, "us – no".
TABLE = "Comparison sheet from client: Competitor B – night cleaning included, us – no."
# Weights by hand: a negation in the mention's sentence makes a claim, a purchase unmakes it.
HAND_MODEL = {"intercept": -4.0, "weights": {"neg:near": 3.0, "neg:sent": 6.0, "bought:sent": -9.0}}


@pytest.fixture(scope="module")
def index():
    return resolve_catalog(CATALOG)


def _candidates(text, index):
    note = read_note(text, None)
    return note, candidate_items(note, index, match_mention)


def test_candidates_are_the_catalog_items_a_note_names(index):
    note, found = _candidates(TABLE, index)
    assert [c.match.item for c in found] == ["Ночная уборка офисов"]
    assert TABLE[found[0].start : found[0].end] == "night cleaning"


def test_features_see_cues_near_the_mention(index):
    note, found = _candidates("«Мойку фасадов у вас не заказать» — так сказал клиент", index)
    feats = pair_features(note, found[0], 0.9, len(found))
    assert feats["quoted"] == 1.0
    assert feats["neg:clause"] == 1.0 and feats["you:clause"] == 1.0
    assert feats["p_note"] == 0.9 and feats["p_note_vhi"] == 1.0
    assert "rival:sent" not in feats


def _scored(item, probability, start=0, end=5, status="active"):
    match = CatalogMatch("x", item, status, 1.0, "name", item)
    return Scored(Candidate((0, 1), match, start, end), probability)


def _rule(item, start=0, end=5):
    claim = Claim("x", start, end, "x", "client")
    return NoteClaim(claim, CatalogMatch("x", item, "active" if item else ""))


def test_decide_keeps_a_rule_claim_that_names_an_item():
    assert decide(_rule("A"), [_scored("B", 0.99)]).action == "keep"


def test_decide_takes_the_model_s_item_only_when_sure():
    assert decide(None, [_scored("B", ADD_THRESHOLD - 0.01)]).action == "keep"
    taken = decide(None, [_scored("A", 0.5), _scored("B", 0.99)])
    assert taken.action == "take" and taken.chosen.candidate.match.item == "B"


def test_decide_leaves_a_truly_absent_phrase_to_the_rules():
    """ "КАСКО на мотоциклы" unmatched by the catalog: "КАСКО" inside it is not the claim,
    unless the model is near-certain ("сип транк [с московскими номерами]")."""
    assert decide(_rule("", 0, 20), [_scored("B", INSIDE_THRESHOLD - 0.01, 0, 5)]).action == "keep"
    assert decide(_rule("", 0, 20), [_scored("B", INSIDE_THRESHOLD, 0, 5)]).action == "take"
    assert decide(_rule("", 30, 40), [_scored("B", 0.9, 0, 5)]).action == "take"


def test_claim_of_adds_a_claim_the_rules_miss(index, monkeypatch):
    assert claims.rule_claim_of(TABLE, index) is None
    monkeypatch.setattr(claim_pairs, "_model", lambda: HAND_MODEL)
    found = claim_of(TABLE, index)
    assert found is not None and found.manager_error
    assert (found.claim.mention, found.match.item) == ("night cleaning", "Ночная уборка офисов")
    assert claim_of("Bought night cleaning, no issues.", index) is None


def test_source_of_a_model_claim(index):
    note, found = _candidates(TABLE, index)
    assert guess_source(note, found[0].span) == "comparison"


def test_training_ranks_and_replays(index, tmp_path, monkeypatch):
    texts = [TABLE, "Signed the night cleaning contract, all good."] * 3
    rows = []
    for k, text in enumerate(texts):
        note, found = _candidates(text, index)
        label = int(k % 2 == 0)
        feats = [pair_features(note, c, 0.5, len(found)) for c in found]
        rows.append(NoteRows(None, found, feats, [label] * len(found), bool(label)))
    model = fit_pairs(rows)
    claim_ = pair_probability(model, rows[0].features[0])
    other = pair_probability(model, rows[1].features[0])
    assert other < 0.5 < claim_
    assert replay(rows, None) == [(bool(k % 2 == 0), False) for k in range(6)]
    path = tmp_path / "pairs.json.xz"
    save_pairs(model, path)
    monkeypatch.setattr(claim_pairs, "MODEL_PATH", path)
    claim_pairs._model.cache_clear()
    assert claim_pairs.pair_model() == model
    claim_pairs._model.cache_clear()


@pytest.mark.parametrize(
    "text",
    [
        "Клиент говорит, что мойку фасадов у вас не купить",  # "не" before any verb
        "«Вывоза снега у вас никогда не было» — сказал клиент",
        "u nas net night cleaning, klient skazal",  # Russian typed in Latin letters
        "Facade washing is out of scope for us, I said.",
    ],
)
def test_the_model_reads_notes_the_rules_prefilter_drops(text):
    assert might_claim_any(text)


@pytest.mark.parametrize("text", ["Подписали договор на мойку фасадов", "Signed, all good."])
def test_notes_without_any_negation_stay_unread(text):
    assert not might_claim_any(text)


def test_claim_of_asks_the_model_past_the_rules_prefilter(index, monkeypatch):
    text = "Клиент уверен, что мойку фасадов у вас никогда не видел"
    assert not claims.might_claim(text)
    monkeypatch.setattr(claim_pairs, "_model", lambda: HAND_MODEL)
    found = claim_of(text, index)
    assert found is not None and found.match.item == "Мойка фасадов"


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("Мойку фасадов и коврики у вас не заказать, говорит", "Мойка фасадов"),
        ("They said we don't do facade washing or mats", "Мойка фасадов"),
    ],
)
def test_rank_counts_the_candidates_matched_better(index, text, item):
    note, found = _candidates(text, index)
    ranks = {c.match.item: match_rank(c, found) for c in found}
    best = max(found, key=lambda c: c.match.score)
    assert ranks[best.match.item] == 0
    feats = pair_features(note, best, 0.5, len(found), ranks[best.match.item])
    assert feats["rank=0"] == 1.0
    assert item in ranks
    weaker = [c for c in found if c.match.score < best.match.score]
    for cand in weaker:
        assert match_rank(cand, found) >= 1


def test_claim_of_asks_the_model_past_the_rules_prefilter_en(index, monkeypatch):
    text = "Facade washing is out of scope for us, I said."
    assert not claims.might_claim(text)
    scope = {"intercept": -4.0, "weights": {"r:scope": 9.0}}  # a lemma the model learned
    monkeypatch.setattr(claim_pairs, "_model", lambda: scope)
    found = claim_of(text, index)
    assert found is not None and found.match.item == "Мойка фасадов"
