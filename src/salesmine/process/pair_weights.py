"""Logistic-regression weights over the evidence on a pair of steps, shared by the Russian
(``pair_model``) and English (``english_pairs``) merge models: the probability that two steps are
one activity, and the JSON the bundled models are kept in."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from typing import TypeVar

import numpy as np

Weights = TypeVar("Weights", bound="PairWeights")


@dataclass(frozen=True)
class PairWeights:
    """Weights over named features, the threshold to cluster at, and the lower bar for lone
    steps."""

    features: tuple[str, ...]
    coefficients: tuple[float, ...]
    intercept: float
    threshold: float  # average probability at which two groups of steps join
    # The lower bar at which a step left alone joins its nearest activity (``lone_steps``);
    # None: lone steps stay personal.
    attach: float | None = None
    language: str = ""

    def logistic(self, stack: np.ndarray) -> np.ndarray:
        """The symmetric probability matrix of an n x n x len(features) stack, in the order of
        ``features``."""
        score = stack @ np.asarray(self.coefficients) + self.intercept
        probability = 1.0 / (1.0 + np.exp(-score))
        return (probability + probability.T) / 2  # float noise must not break symmetry

    def to_json(self) -> str:
        """The weights as compact, readable JSON."""
        data = {
            "language": self.language,
            "threshold": self.threshold,
            **({"attach": self.attach} if self.attach is not None else {}),
            "intercept": round(self.intercept, 6),
            "coefficients": {
                n: round(c, 6) for n, c in zip(self.features, self.coefficients, strict=True)
            },
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def from_json(cls: type[Weights], text: str) -> Weights:
        """Read the weights written by ``to_json``; a file without a language is of the class's
        default one."""
        data = json.loads(text)
        weights = data["coefficients"]
        default = next(f.default for f in fields(cls) if f.name == "language")
        return cls(
            features=tuple(weights),
            coefficients=tuple(float(v) for v in weights.values()),
            intercept=float(data["intercept"]),
            threshold=float(data["threshold"]),
            attach=float(data["attach"]) if data.get("attach") is not None else None,
            language=data.get("language", default),
        )
