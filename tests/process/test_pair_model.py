"""The learned pair model: features, JSON round trip, when it applies, determinism, training."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from salesmine.process import MergeSettings, Step, merge_steps, similarity_matrix
from salesmine.process.merge import evidence
from salesmine.process.pair_model import FEATURES, PLAIN, PairModel, pair_features, shipped_model
from salesmine.process.pair_training import choose_threshold, fit, pairwise_f1, predicted_ids

ACCOUNTS = {
    "Анна": ["обзванивать клиентов из базы", "выслать КП", "подписать договор"],
    "Борис": ["сделать прозвон базы", "отправить коммерческое предложение", "заключить договор"],
    "Вера": ["набрать номера из выгрузки", "направить КП клиенту", "подписать контракт"],
}
GOLD = ["call", "offer", "sign"]


def team() -> list[Step]:
    return [
        Step(who, "x.txt", k, name, name)
        for who, names in ACCOUNTS.items()
        for k, name in enumerate(names, start=1)
    ]


def test_features_have_one_column_each_and_stay_in_range() -> None:
    steps = team()
    matrices, hand = evidence(steps, MergeSettings(learned_pairs=False), full=True)
    stack = pair_features(matrices, hand)
    assert stack.shape == (9, 9, len(FEATURES))
    assert np.isfinite(stack).all() and stack.min() >= 0.0 and stack.max() <= 1.0 + 1e-9
    for name in ("learned", "clusters", "aligned", "shared"):
        assert name in matrices  # computed for the model even where the hand weights skip them


def test_json_round_trip_keeps_every_weight() -> None:
    model = PairModel(FEATURES, tuple(k / 8 for k in range(len(FEATURES))), -2.0, 0.3)
    assert PairModel.from_json(model.to_json()) == model


def test_shipped_russian_model_applies_to_russian_only() -> None:
    model = shipped_model("ru")
    assert model is not None and set(model.features) <= set(PLAIN)
    steps = team()
    assert MergeSettings().model_for(steps) == model
    assert MergeSettings(learned_pairs=False).model_for(steps) is None
    english = [replace(s, language="en") for s in steps]
    assert MergeSettings().model_for(english) != model  # English: its own (english_pairs)
    with_e5 = MergeSettings(embeddings=True).model_for(steps)  # only a model trained with them
    assert with_e5 is None or "embeddings" in with_e5.features


def test_learned_merge_groups_paraphrases_and_is_deterministic() -> None:
    steps = team()
    first = merge_steps(steps)
    again = merge_steps(list(reversed(steps)))
    assert [s.activity_id for s in first.steps] == [s.activity_id for s in again.steps]
    ids = {
        g: {s.activity_id for s, k in zip(first.steps, GOLD * 3, strict=True) if k == g}
        for g in GOLD
    }
    assert all(len(v) == 1 for v in ids.values()) and len(set.union(*ids.values())) == 3
    similarity = similarity_matrix(steps)
    assert np.allclose(similarity, similarity.T) and np.allclose(np.diag(similarity), 1.0)


def test_pairwise_f1_ignores_same_person_and_personal() -> None:
    steps = team()
    gold = GOLD * 3
    assert pairwise_f1(gold, gold, steps) == pytest.approx((1.0, 1.0, 1.0))
    assert pairwise_f1([""] * 9, gold, steps)[2] == 0.0
    assert predicted_ids(tuple(steps[:2]), [1, 1]) == ["", ""]  # one teller: personal


def test_fit_learns_a_model_that_separates_the_toy_team() -> None:
    from salesmine.process.pair_training import GoldSet

    steps = team()
    matrices, hand = evidence(steps, MergeSettings(learned_pairs=False), full=True)
    gold = GoldSet(tuple(steps), tuple(GOLD * 3), pair_features(matrices, hand))
    model = fit([gold, gold])
    assert model == fit([gold, gold])  # deterministic
    assert choose_threshold([gold], model) == model.threshold
    labels = merge_steps(steps, settings=MergeSettings(pair_model=model)).steps
    assert pairwise_f1([s.activity_id for s in labels], GOLD * 3, list(labels))[2] == 1.0
