"""The learned English step tagger: keep or drop each candidate of an English interview.

A logistic regression over ``english_features`` (the rules' verdict among them), trained on the
English labelled sets (``english_training``; data/process/en1, en2, each scored leave-one-set-out
by a tagger trained on the other) and shipped as a small JSON of weights, scored here in plain
Python (no scikit-learn at run time). Without the JSON the rules alone decide.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from salesmine.errors import ModelError
from salesmine.process.english_candidates import EnglishCandidate
from salesmine.process.english_context import Voice
from salesmine.process.english_features import FEATURES, features

MODEL_PATH = (
    Path(__file__).resolve().parent.parent / "models" / "process" / "english_step_tagger.json"
)


@dataclass(frozen=True)
class EnglishTagger:
    """Weights over standardized ``FEATURES``; a candidate at or above ``threshold`` is a step."""

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float = 0.5

    def probabilities(self, found: list[EnglishCandidate], way: Voice) -> list[float]:
        """The probability that each candidate (of one interview, in told order) is a step."""
        return [self._probability(row) for row in features(found, way)]

    def _probability(self, row: list[float]) -> float:
        z = self.bias + sum(
            w * (x - m) / s
            for w, x, m, s in zip(self.weights, row, self.mean, self.scale, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))

    def select(self, found: list[EnglishCandidate], way: Voice) -> list[EnglishCandidate]:
        """The candidates that are steps, in told order."""
        chances = self.probabilities(found, way)
        return [c for c, p in zip(found, chances, strict=True) if p >= self.threshold]

    def to_json(self) -> dict[str, object]:
        """The weights as plain JSON (rounded: the file stays small and diffs readable)."""
        return {
            "features": list(FEATURES),
            "weights": [round(w, 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "mean": [round(m, 6) for m in self.mean],
            "scale": [round(s, 6) for s in self.scale],
            "threshold": self.threshold,
        }


def from_json(data: dict[str, object]) -> EnglishTagger:
    """A tagger from ``EnglishTagger.to_json`` output; ModelError when the features differ."""
    if tuple(data.get("features", ())) != FEATURES:  # type: ignore[arg-type]
        raise ModelError("English step tagger weights do not fit this version's features: retrain")
    return EnglishTagger(
        tuple(data["weights"]),  # type: ignore[arg-type]
        float(data["bias"]),  # type: ignore[arg-type]
        tuple(data["mean"]),  # type: ignore[arg-type]
        tuple(data["scale"]),  # type: ignore[arg-type]
        float(data["threshold"]),  # type: ignore[arg-type]
    )


@functools.lru_cache(maxsize=4)
def load_english_tagger(path: Path | None = None) -> EnglishTagger | None:
    """The shipped English tagger (read once), or None when its file is absent: rules only."""
    path = path or MODEL_PATH
    if not path.exists():
        return None
    return from_json(json.loads(path.read_text(encoding="utf-8")))
