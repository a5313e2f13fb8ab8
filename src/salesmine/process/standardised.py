"""A logistic regression on standardised features, as the shipped process models carry it
(``step_model.StepTagger``, ``personal_filter.PersonalFilter``): weights, intercept and the
centre and scale to put a new row on the training rows' footing. Fitting needs scikit-learn;
scoring a shipped model does not."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


class Standardised(NamedTuple):
    coefficients: tuple[float, ...]
    intercept: float
    centre: tuple[float, ...]
    scale: tuple[float, ...]


def fit_standardised(
    x: np.ndarray, y: np.ndarray, weight: np.ndarray, c: float, seed: int
) -> Standardised:
    """Fit on ``x`` centred and scaled per column (a constant column keeps scale 1)."""
    from sklearn.linear_model import LogisticRegression

    centre = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0  # float noise on a constant column is no scale either
    model = LogisticRegression(C=c, max_iter=2000, random_state=seed)
    model.fit((x - centre) / scale, y, sample_weight=weight)
    return Standardised(
        tuple(float(w) for w in model.coef_[0]),
        float(model.intercept_[0]),
        tuple(float(m) for m in centre),
        tuple(float(s) for s in scale),
    )
