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
from dataclasses import dataclass, field
from itertools import chain

import numpy as np

from salesmine.refusals.marking import MarkedNotes, NameTable, word_starts
from salesmine.refusals.model import RefusalModel, linear_part
from salesmine.text.segmentation import clause_bounds


@dataclass(frozen=True)
class EvidenceWeights:
    """Per class, the idf-scaled centred weight of each single-word lemma, as dense rows.

    ``lemma[k, ids[w]]`` is what lemma ``w`` adds to class ``k``'s clause score, ``contrast[k,
    ids[w]]`` what it adds again after a contrast word; column 0 is every unknown word (0.0).
    """

    ids: dict[str, int]
    lemma: np.ndarray
    contrast: np.ndarray
    by_marked: NameTable = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # ids[w] per marked id of mark_notes' lexicon, filled once per new word
        get = self.ids.get
        table = NameTable(lambda names: np.fromiter((get(n, 0) for n in names), np.int64))
        object.__setattr__(self, "by_marked", table)


def pick_evidence(
    model: RefusalModel,
    texts: Sequence[str],
    langs: Sequence[str],
    predicted: Sequence[str],
    tokens: MarkedNotes | None = None,
    weights: EvidenceWeights | None = None,
) -> list[str]:
    """For every note, the clause that contributes most to its predicted reason ("" if empty).

    Args:
        tokens: the notes' ``mark_notes`` when already computed (saves tokenizing again).
        weights: ``evidence_weights(model)``, to compute them once for many batches.
    """
    table = weights if weights is not None else evidence_weights(model)
    views = model.pipeline.named_steps["views"]
    class_index = {c: k for k, c in enumerate(model.classes)}
    evidence: list[str] = []
    split: list[int] = []  # notes of two or more clauses, scored together below
    spans: list[list[tuple[int, int]]] = []
    for i, text in enumerate(texts):
        bounds = clause_bounds(text)  # offsets only: one string is cut, for the winner
        if len(bounds) < 2:
            evidence.append(text[bounds[0][0] : bounds[0][1]] if bounds else text.strip())
            continue
        evidence.append("")
        split.append(i)
        spans.append(bounds)
    if split:
        marked = tokens if tokens is not None else views.marked(texts, langs)
        classes = np.fromiter((class_index[predicted[i]] for i in split), np.intp, len(split))
        arrays = _token_arrays(texts, np.asarray(split, dtype=np.intp), marked, table.by_marked)
        lengths = np.fromiter((len(texts[i]) + 1 for i in split), np.int64, len(split))
        for i, (start, end) in zip(
            split, _best_clauses(arrays, spans, classes, lengths, table), strict=True
        ):
            evidence[i] = texts[i][start:end]
    return evidence


def _best_clauses(
    arrays: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
    spans: list[list[tuple[int, int]]],
    classes: np.ndarray,
    lengths: np.ndarray,
    table: EvidenceWeights,
) -> list[tuple[int, int]]:
    """The first highest-scoring clause of each note, all notes scored at once.

    Offsets are made global (each note starts after the previous one's end), so one searchsorted
    over all clause ends puts every token in its clause; a token between two clauses (a separator
    such as "но") lands in the next clause but starts before it and is dropped. ``np.bincount``
    adds the weights in token order — lemma, then contrast — as a Python loop would, so the scores
    are the same floats.
    """
    base = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    n_clauses = np.fromiter(map(len, spans), np.intp, len(spans))
    flat = np.asarray([pair for bounds in spans for pair in bounds], dtype=np.int64)
    flat += np.repeat(base, n_clauses)[:, None]
    ids, offsets, contrast, n_tokens = arrays
    offsets += np.repeat(base, n_tokens)
    clause = np.minimum(np.searchsorted(flat[:, 1], offsets, side="right"), len(flat) - 1)
    inside = (offsets >= flat[clause, 0]) & (offsets < flat[clause, 1])
    k = np.repeat(classes, n_tokens)
    added = np.stack([table.lemma[k, ids], table.contrast[k, ids] * contrast], axis=1)
    scores = np.bincount(
        np.repeat(clause[inside], 2), weights=added[inside].ravel(), minlength=len(flat)
    )
    first = np.concatenate(([0], np.cumsum(n_clauses)[:-1]))
    best = np.maximum.reduceat(scores, first)
    top = np.flatnonzero(scores == np.repeat(best, n_clauses))
    note_of = np.repeat(np.arange(len(spans)), n_clauses)[top]
    winners = top[np.unique(note_of, return_index=True)[1]]  # the first maximum of each note
    return [spans[n][w - first[n]] for n, w in enumerate(winners.tolist())]


def _token_arrays(
    texts: Sequence[str], split: np.ndarray, marked: MarkedNotes, ids: NameTable
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Lemma id, offset and after-contrast flag of every word of the ``split`` notes, and the
    number of words of each."""
    low, high = marked.bounds[split], marked.bounds[split + 1]
    n_tokens = high - low
    total = int(n_tokens.sum())
    index = np.repeat(low - (np.cumsum(n_tokens) - n_tokens), n_tokens) + np.arange(total)
    lemma_ids = ids(marked, index)
    if marked.starts is not None:
        offsets = marked.starts[index]
    else:
        offsets = np.fromiter(
            chain.from_iterable(word_starts(texts[i]) for i in split.tolist()), np.int64
        )
    if len(offsets) != total:  # word_starts and mark_notes disagree: a bug, not bad input
        raise RuntimeError("evidence: word offsets do not match the marked words")
    return lemma_ids, offsets, marked.after_contrast[index].astype(np.float64), n_tokens


def evidence_weights(model: RefusalModel) -> EvidenceWeights:
    """Per class, the idf-scaled centred weight of each single-word lemma feature."""
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
    ids: dict[str, int] = {}
    blocks = []
    for name in ("lemmas", "contrast"):
        vectorizer = features.named_transformers_[name]
        terms = vectorizer.get_feature_names_out()
        single = np.flatnonzero([" " not in t for t in terms])
        block = centred[:, features.output_indices_[name]][:, single]
        block = block * vectorizer.idf_[single] * scale.get(name, 1.0)
        words = [str(t) for t in terms[single]]
        blocks.append((np.asarray([ids.setdefault(w, len(ids) + 1) for w in words]), block))
    dense = []
    for columns, block in blocks:
        rows = np.zeros((centred.shape[0], len(ids) + 1), dtype=np.float64)
        rows[:, columns] = block
        dense.append(rows)
    return EvidenceWeights(ids, dense[0], dense[1])
