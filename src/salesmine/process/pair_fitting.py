"""Fitting a pair model (training only): the pairs of steps of different people with their
target, and a logistic regression in which every labelled set weighs the same. Shared by the
Russian (``pair_training``) and English (``english_pair_training``) trainers."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.linear_model import LogisticRegression

from salesmine.process.pair_weights import Weights


def cross_person_pairs(
    owners: Sequence[str], labels: Sequence[str]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(i, j, target) of every pair of steps of different people; the target says both carry
    the same gold activity ("" is none)."""
    owner = np.array(owners, dtype=object)
    label = np.array(labels, dtype=object)
    i, j = np.triu_indices(len(owner), k=1)
    keep = owner[i] != owner[j]
    i, j = i[keep], j[keep]
    target = (label[i] == label[j]) & (label[i] != "")
    return i, j, target.astype(int)


def fit_balanced(
    kind: type[Weights],
    parts: Sequence[tuple[np.ndarray, np.ndarray]],
    features: tuple[str, ...],
    c: float,
    max_iter: int,
) -> Weights:
    """A ``kind`` model over ``features`` fitted on the (x, y) ``parts``, one per labelled set,
    each set weighing the same whatever its size; threshold 0.5 until the trainer chooses."""
    x = np.concatenate([p[0] for p in parts])
    y = np.concatenate([p[1] for p in parts])
    weight = np.concatenate([np.full(len(p[1]), 1.0 / len(p[1])) for p in parts])
    weight *= len(y) / weight.sum()
    regression = LogisticRegression(C=c, max_iter=max_iter)
    regression.fit(x, y, sample_weight=weight)
    return kind(
        features=features,
        coefficients=tuple(float(v) for v in regression.coef_[0]),
        intercept=float(regression.intercept_[0]),
        threshold=0.5,
    )
