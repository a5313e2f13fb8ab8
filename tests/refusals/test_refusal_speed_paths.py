"""The fast prediction paths give exactly what the plain ones give: the feature matrix built from
marked tokens, the int32 pair counting, word offsets from token lengths, repeated notes."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from salesmine.ingest.labelled import read_labelled
from salesmine.refusals import classify_refusals
from salesmine.refusals.feature_matrix import FeatureBuilder
from salesmine.refusals.features import as_input_frame
from salesmine.refusals.marking import mark_notes, mark_tokens, word_starts
from salesmine.refusals.model import load_model
from salesmine.refusals.vectorizers import _count_pairs

DATA = Path(__file__).parents[1] / "data" / "refusals"
ODD = [
    "",
    "   ",
    "Дорого.\n\nНо   подумают;  перезвонить\tв марте — ок",
    "won’t say why, didn't share more",
    "e-mail / б/у __x т.к. 12.03. 😀 ндз",
    "Клиент:\u00a0«нет бюджета»\u3000и всё",
]


def _frame(model_dir=None):
    texts = read_labelled([DATA / "tiny_train_a.csv", DATA / "tiny_heldout.csv"])["text"]
    codes = ["price", "", "competitor"] * 40
    return as_input_frame(list(texts) + ODD, None, codes[: len(texts) + len(ODD)])


@pytest.mark.parametrize("which", ["tiny", "shipped"])
def test_feature_builder_makes_the_pipeline_matrix(which, request):
    model_dir = request.getfixturevalue("tiny_model_dir") if which == "tiny" else None
    if which == "shipped":
        request.getfixturevalue("shipped_model")
    pipeline = load_model(model_dir).pipeline
    frame = _frame()
    builder = FeatureBuilder(pipeline)
    assert builder.usable
    for _ in range(2):  # the second time from the filled word tables
        fast, langs, marked = builder.transform(frame)
        plain = pipeline[:-1].transform(frame)
        assert fast.dtype == plain.dtype and fast.shape == plain.shape
        assert np.array_equal(fast.indptr, plain.indptr)
        assert np.array_equal(fast.indices, plain.indices)
        assert np.array_equal(fast.data, plain.data)
    assert langs == pipeline.named_steps["views"].transform(frame)["lang"].tolist()
    assert len(marked.bounds) == len(frame) + 1


@pytest.mark.parametrize("n_docs, n_terms", [(0, 5), (7, 1), (300, 150_000), (20_000, 2**20)])
def test_count_pairs_is_scipy_summing_duplicates(n_docs, n_terms):
    rng = np.random.default_rng(n_docs)
    rows = rng.integers(0, max(n_docs, 1), 5_000 if n_docs else 0).astype(np.int32)
    columns = rng.integers(0, n_terms, len(rows)).astype(np.int32)
    indptr, indices, counts = _count_pairs(rows, columns, n_docs, n_terms)
    ones = np.ones(len(rows), np.float32)
    reference = sp.csr_matrix((ones, (rows, columns)), shape=(n_docs, n_terms))
    reference.sum_duplicates()
    assert np.array_equal(indptr, reference.indptr)
    assert np.array_equal(indices, reference.indices)
    assert np.array_equal(counts, reference.data)


def test_word_offsets_come_from_token_lengths():
    texts = list(_frame()["text"]) + ["a\u2028b\r\nc\x0bd", "\ud800 x"]
    marked = mark_notes(texts, ["ru"] * len(texts))
    assert marked.starts is not None
    assert marked.starts.tolist() == [s for t in texts for s in word_starts(t)]


def test_english_contractions_negate():
    assert mark_tokens("wouldn't say why", "en")[0] == ["wouldn't", "NEG_say", "NEG_why"]
    assert mark_tokens("couldn’t reach", "en")[0] == ["couldn’t", "NEG_reach"]


def test_repeated_notes_are_classified_once_with_the_same_answer(tiny_model_dir, monkeypatch):
    from salesmine.refusals import batches

    seen = []
    original = batches.predict_batch
    monkeypatch.setattr(
        batches, "predict_batch", lambda m, b, *a: seen.append(len(b.frame)) or original(m, b, *a)
    )
    rows = [("lost", "Дорого"), ("lost", "Дорого"), ("", "Дорого"), ("lost", "дорого")] * 3
    notes = pd.DataFrame(rows, columns=["outcome", "text"])
    result = classify_refusals(notes, model_dir=tiny_model_dir)
    assert seen == [3]  # "Дорого" lost, "Дорого" without outcome, "дорого"
    for column in ("reason", "confidence", "evidence", "needs_review"):
        assert result[column].tolist() == result[column].tolist()[:4] * 3
    single = classify_refusals(notes.iloc[[1]], model_dir=tiny_model_dir)
    assert single["reason"][0] == result["reason"][0]
