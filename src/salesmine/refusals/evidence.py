"""Evidence: the clause of a note that carried the classifier's decision, quoted verbatim.

A note is split into clauses (``text.segmentation.clause_bounds``); each word of the note adds to
the score of its clause the weight the linear model gives its lemma (and contrast lemma) for the
predicted class, times the term's idf — what that word adds to the class's logit, up to the note's
normalization, which is the same for every clause of a note and so does not change which clause
wins. Weights are centred on the mean over classes: a softmax does not change when the same vector
is added to every class, so only the difference says "this class rather than the others". Character
n-grams and lemma bigrams are left out of the score: they would need each clause vectorized again,
which doubled classification time, and single lemmas already point at the deciding clause.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from salesmine.refusals.features import Tokens
from salesmine.refusals.model import RefusalModel, linear_part
from salesmine.text.segmentation import clause_bounds

# For the lemma and the contrast view: per class, {lemma: weight}.
_Weights = tuple[list[dict[str, float]], list[dict[str, float]]]


def pick_evidence(
    model: RefusalModel,
    texts: Sequence[str],
    langs: Sequence[str],
    predicted: Sequence[str],
    tokens: Sequence[Tokens] | None = None,
    weights: _Weights | None = None,
) -> list[str]:
    """For every note, the clause that contributes most to its predicted reason ("" if empty).

    Args:
        tokens: each note's ``marked_tokens`` when already computed (saves tokenizing again).
        weights: ``evidence_weights(model)``, to compute them once for many batches.
    """
    tables = weights if weights is not None else evidence_weights(model)
    views = model.pipeline.named_steps["views"]
    class_index = {c: k for k, c in enumerate(model.classes)}
    evidence: list[str] = []
    for i, (text, lang, label) in enumerate(zip(texts, langs, predicted, strict=True)):
        spans = clause_bounds(text)  # offsets only: one Span is built, for the winner
        if len(spans) < 2:
            evidence.append(text[spans[0][0] : spans[0][1]] if spans else text.strip())
            continue
        marked = tokens[i] if tokens is not None else views.tokens(text, lang)
        scores = _clause_scores(marked, spans, tables, class_index[label])
        start, end = spans[max(range(len(scores)), key=scores.__getitem__)]
        evidence.append(text[start:end])
    return evidence


def _clause_scores(
    marked: Tokens, spans: list[tuple[int, int]], weights: _Weights, k: int
) -> list[float]:
    lemma_w, contrast_w = weights[0][k], weights[1][k]
    scores = [0.0] * len(spans)
    clause, end = 0, spans[0][1]
    last = len(spans) - 1
    for offset, word, after_contrast in marked:
        while offset >= end and clause < last:  # tokens and spans are both in text order
            clause += 1
            end = spans[clause][1]
        if offset < spans[clause][0] or offset >= end:
            continue  # a separator word ("но") between two clauses
        scores[clause] += lemma_w.get(word, 0.0)
        if after_contrast:
            scores[clause] += contrast_w.get(word, 0.0)
    return scores


def evidence_weights(model: RefusalModel) -> _Weights:
    """Per view and class, {lemma: idf-scaled centred weight} for the single-word features."""
    features = model.pipeline.named_steps["features"]
    linear = linear_part(model.pipeline)
    coef = np.asarray(linear.coef_, dtype=np.float64)
    if coef.shape[0] == 1:  # a binary model stores one row: the second class against the first
        coef = np.vstack([-coef[0], coef[0]])
    # The calibrated wrapper fits its estimator on label-encoded targets 0..K-1, in the order of
    # the pipeline's classes, so row k of coef is class k.
    order = np.argsort(np.asarray(linear.classes_, dtype=np.int64))
    centred = (coef - coef.mean(axis=0, keepdims=True))[order]
    scale = features.transformer_weights or {}
    tables = []
    for name in ("lemmas", "contrast"):
        vectorizer = features.named_transformers_[name]
        terms = vectorizer.get_feature_names_out()
        single = np.flatnonzero([" " not in t for t in terms])
        block = centred[:, features.output_indices_[name]][:, single]
        block = block * vectorizer.idf_[single] * scale.get(name, 1.0)
        words = [str(t) for t in terms[single]]
        tables.append([dict(zip(words, row, strict=True)) for row in block.tolist()])
    return tables[0], tables[1]
