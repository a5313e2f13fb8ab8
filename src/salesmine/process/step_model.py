"""The learned step tagger: keep or drop each candidate the rules propose (Russian).

The hand rules of ``steps`` / ``elaboration`` fit every writer they were tuned on and miss a
quarter of the next one's steps. The tagger reads every candidate clause — the ones the rules
keep, fold into the step before, or drop with their sentence — and a logistic regression over
``step_features`` decides which start a step. It is trained leave-one-set-out on the labelled
interview sets (``step_training``) and shipped as a small JSON of weights, scored here in plain
Python (no scikit-learn at run time). Without the JSON, or with ``tagger=None``, the rules alone
decide.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field, replace
from pathlib import Path

from salesmine.errors import ModelError
from salesmine.process.candidates import Candidate
from salesmine.process.step_features import FEATURES, features
from salesmine.process.step_priors import PRIOR_FEATURES, Priors
from salesmine.process.step_priors import from_json as priors_from_json

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "process" / "step_tagger.json"
TAGGER_FEATURES = FEATURES + PRIOR_FEATURES  # a candidate's features, then its lemma priors


@dataclass(frozen=True)
class StepTagger:
    """A logistic regression over standardized ``TAGGER_FEATURES`` (``FEATURES`` and the lemma
    ``priors``): a candidate with a probability at or above ``threshold`` starts a step."""

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float = 0.5
    priors: Priors = field(default_factory=Priors)
    names: tuple[str, ...] = TAGGER_FEATURES
    # the bar for a folded opener (``folded_opener``); None: ``threshold``
    opener_threshold: float | None = None

    def probabilities(self, found: list[Candidate]) -> list[float]:
        """The probability that each candidate (of one interview, in told order) is a step."""
        return [self._probability(row) for row in self.rows(found)]

    def rows(self, found: list[Candidate]) -> list[list[float]]:
        """The ``TAGGER_FEATURES`` of each candidate of one interview."""
        return [r + self.priors.row(c) for r, c in zip(features(found), found, strict=True)]

    def _probability(self, row: list[float]) -> float:
        z = self.bias + sum(
            w * (x - m) / s
            for w, x, m, s in zip(self.weights, row, self.mean, self.scale, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))

    def select(self, found: list[Candidate], steps: list[Candidate]) -> list[Candidate]:
        """The candidates that start a step, in told order. ``steps``: what the rules made of
        them; a step they keep keeps the quote they grew, any other the words of its clause."""
        ruled = {id(c) for c in steps}
        chosen = []
        for candidate, row in zip(found, self.rows(found), strict=True):
            p = self._probability(row)
            if p < self._bar(candidate, row):
                continue
            step = candidate.step
            if id(candidate) not in ruled and candidate.clause is not None:
                step = candidate.clause
            # the merge's personal-step filter weighs how sure the tagger was (rounded: exports)
            chosen.append(replace(candidate, step=replace(step, confidence=round(p, 4))))
        return [_trimmed(c, chosen) for c in chosen]

    def _bar(self, candidate: Candidate, row: list[float]) -> float:
        """The probability ``candidate`` needs to start a step."""
        if self.opener_threshold is not None and folded_opener(candidate, row):
            return self.opener_threshold
        return self.threshold

    def to_json(self) -> dict[str, object]:
        """The weights as plain JSON (rounded: the file stays small and diffs stay readable)."""
        return {
            "features": list(self.names),
            "weights": [round(w, 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "mean": [round(m, 6) for m in self.mean],
            "scale": [round(s, 6) for s in self.scale],
            "threshold": self.threshold,
            "opener_threshold": self.opener_threshold,
            "priors": self.priors.to_json(),
        }


_OPENER = tuple(FEATURES.index(n) for n in ("first_in_sentence", "per1", "pres"))


def folded_opener(candidate: Candidate, row: list[float]) -> bool:
    """Whether the rules folded into the step before a clause that opens its sentence with the
    speaker's own present-tense verb ("Потом записываю в группу. И инструктора сразу закрепляю.
    Сделку в амо закрываю."). The fold rules were tuned on the older sets, where such a clause
    is a gold step 0-10 % of the time; on the five newest writers it is one in two (46 %). A
    tagger fitted on all sets learns the tuned sets' rate, so this group gets its own bar,
    chosen on the newest writers (``step_training``)."""
    return candidate.verdict == "merge" and all(row[i] > 0 for i in _OPENER)


def _trimmed(candidate: Candidate, chosen: list[Candidate]) -> Candidate:
    """A step whose quote the rules grew over a clause now told as a step of its own ends before
    it ("Договор подписываем. Счёт выставляю" is two steps when the tagger keeps both)."""
    step = candidate.step
    starts = [
        c.step.start
        for c in chosen
        if c.step.turn == step.turn and step.start < c.step.start < step.end
    ]
    if not starts:
        return candidate
    quote = candidate.turn_text[step.start : min(starts)].rstrip(" ,.;:!?—–-\n")
    return replace(candidate, step=replace(step, quote=quote, end=step.start + len(quote)))


def from_json(data: dict[str, object]) -> StepTagger:
    """A tagger from ``StepTagger.to_json`` output; raises ModelError when its features are not
    the ones this version computes (the file was trained by another version)."""
    names = tuple(data.get("features", ()))  # type: ignore[arg-type]
    if names != TAGGER_FEATURES:
        raise ModelError("step tagger weights do not fit this version's features: retrain them")
    return StepTagger(
        tuple(data["weights"]),  # type: ignore[arg-type]
        float(data["bias"]),  # type: ignore[arg-type]
        tuple(data["mean"]),  # type: ignore[arg-type]
        tuple(data["scale"]),  # type: ignore[arg-type]
        float(data["threshold"]),  # type: ignore[arg-type]
        priors_from_json(data.get("priors", {})),  # type: ignore[arg-type]
        opener_threshold=_optional(data.get("opener_threshold")),
    )


def _optional(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


@functools.lru_cache(maxsize=4)
def load_tagger(path: Path | None = None) -> StepTagger | None:
    """The shipped tagger (read once), or None when its file is absent: rules only."""
    path = path or MODEL_PATH
    if not path.exists():
        return None
    return from_json(json.loads(path.read_text(encoding="utf-8")))
