"""The small claim models' common ground: xz-compressed JSON files and sparse logistic
regressions over named features (``claim_classifier``, ``claim_pairs``, ``claim_verifier``).

They ship as plain weights so that scoring needs no scikit-learn; it is needed only to train.
"""

from __future__ import annotations

import json
import lzma
import math
from pathlib import Path
from typing import Any

SEED = 0
WEIGHT_DIGITS = 4  # weights are rounded (and near-zero ones dropped) to keep the files small


def read_model(path: Path) -> dict[str, Any] | None:
    """A model written by ``write_model``, or None when the file is absent."""
    if not path.exists():
        return None
    with lzma.open(path, "rt", encoding="utf-8") as handle:
        model: dict[str, Any] = json.load(handle)
    return model


def write_model(model: dict[str, Any], path: Path) -> None:
    """Write ``model`` as xz-compressed JSON with sorted keys (a retrain is byte-identical)."""
    with lzma.open(path, "wt", encoding="utf-8", preset=9) as handle:
        json.dump(model, handle, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def fit_logistic(feats: list[dict[str, float]], labels: list[int], *, c: float) -> dict[str, Any]:
    """A logistic regression over named features: {"intercept", "weights"} (fixed seed)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(feats)
    fitted = LogisticRegression(C=c, max_iter=5000, random_state=SEED)
    fitted.fit(matrix, labels)
    weights = {
        name: round(float(w), WEIGHT_DIGITS)
        for name, w in zip(vectorizer.get_feature_names_out(), fitted.coef_[0], strict=True)
        if abs(w) >= 10**-WEIGHT_DIGITS
    }
    return {"intercept": float(fitted.intercept_[0]), "weights": weights}


def probability(model: dict[str, Any], feats: dict[str, float]) -> float:
    """P(positive) of one example's named features under a ``fit_logistic`` model."""
    weights: dict[str, float] = model["weights"]
    z = model["intercept"] + sum(v * weights.get(k, 0.0) for k, v in feats.items())
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
