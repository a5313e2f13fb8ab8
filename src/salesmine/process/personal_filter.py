"""A last look at the steps the merge leaves personal: is each one a step at all?

On a new writer's team nearly half the false steps extraction lets through end up alone ("Потом
защита", "Отлично, а то я болтаю много", "Давайте я прямо по нему пойду"): nobody else says
anything like them, so the merge keeps them as someone's personal one-off step. Real one-off
steps are alone too ("Дальше я проверяю компанию": a person who alone checks the client), and
they must stay (issue 5), so dropping every personal step is no answer. A logistic regression
weighs what a lone step carries (``PERSONAL_FEATURES``): how sure the step tagger was, whether
the sales lexicon knows it (a known activity nobody else joins is mostly a restatement), whether
its name is an action or a bare noun, how long it is, and how long its teller's account is
beside the team's. In effect a lone step needs a surer tagger than a shared one. How near it
comes to anyone else's step, or to its teller's other steps, and where it is told did not help
leave one set out (the merge already decided it is far from all of them), so they are not used.
Trained on the labelled sets run as new teams (``personal_training``), shipped as JSON, scored
in plain Python. It judges only Russian steps the tagger kept (``Step.confidence``).
"""
from __future__ import annotations

import functools
import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from salesmine.errors import ModelError
from salesmine.process.actions import VERBAL, analyze
from salesmine.process.model import Step

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "process" / "personal_filter.json"
PERSONAL_FEATURES = (
    "confidence",  # the step tagger's probability
    "concept",  # the sales lexicon knows the activity
    "verbal",  # the name starts with an action word, not a bare noun ("защита", "тендер")
    "name_words",
    "quote_words",  # log of the quote's words
    # the teller's account length over the team's median: who tells far more steps than the
    # others tells some that are no steps
    "account_length",
)


@dataclass(frozen=True)
class PersonalFilter:
    """A logistic regression over standardized ``PERSONAL_FEATURES``: a lone step with a
    probability below ``threshold`` is dropped."""

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float = 0.5
    language: str = "ru"

    def probability(self, row: Sequence[float]) -> float:
        """The probability that a lone step with these features is a real step."""
        z = self.bias + sum(
            w * (x - m) / s
            for w, x, m, s in zip(self.weights, row, self.mean, self.scale, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))

    def to_json(self) -> str:
        """The weights as readable JSON (rounded: the file stays small, diffs stay readable)."""
        data = {
            "language": self.language,
            "threshold": self.threshold,
            "features": list(PERSONAL_FEATURES),
            "weights": [round(w, 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "mean": [round(m, 6) for m in self.mean],
            "scale": [round(s, 6) for s in self.scale],
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def from_json(text: str) -> PersonalFilter:
    """A filter from ``PersonalFilter.to_json`` output; ModelError when it was trained on other
    features than this version computes."""
    data = json.loads(text)
    if tuple(data.get("features", ())) != PERSONAL_FEATURES:
        raise ModelError("personal-step filter weights do not fit this version: retrain them")
    return PersonalFilter(
        tuple(float(w) for w in data["weights"]),
        float(data["bias"]),
        tuple(float(m) for m in data["mean"]),
        tuple(float(s) for s in data["scale"]),
        float(data["threshold"]),
        str(data.get("language", "ru")),
    )


@functools.lru_cache(maxsize=4)
def shipped_filter(path: Path | None = None) -> PersonalFilter | None:
    """The bundled filter (read once), or None when its file is absent: lone steps all stay."""
    path = path or MODEL_PATH
    if not path.exists():
        return None
    return from_json(path.read_text(encoding="utf-8"))


def lone_indices(labels: Sequence[int], steps: Sequence[Step], min_support: int) -> list[int]:
    """The indices of the steps in groups told by fewer than ``min_support`` people (the ones
    the merge keeps personal) that the tagger kept: the ones the filter judges."""
    tellers: dict[int, set[str]] = {}
    for step, label in zip(steps, labels, strict=True):
        tellers.setdefault(label, set()).add(step.employee)
    return [
        k
        for k, (step, label) in enumerate(zip(steps, labels, strict=True))
        if len(tellers[label]) < min_support and step.confidence is not None
    ]


def lone_rows(steps: Sequence[Step], indices: Sequence[int]) -> list[list[float]]:
    """The ``PERSONAL_FEATURES`` of the steps at ``indices``."""
    told = Counter(s.employee for s in steps)
    typical = float(np.median(list(told.values()))) if told else 1.0
    return [
        [
            float(steps[k].confidence or 0.0),
            float(bool(steps[k].concept)),
            float(_verbal(steps[k])),
            float(len(steps[k].name.split())),
            math.log1p(len(steps[k].quote.split())),
            told[steps[k].employee] / typical,
        ]
        for k in indices
    ]


def _verbal(step: Step) -> bool:
    words = [w for w in analyze(step.name, step.language) if w.is_word]
    return bool(words) and words[0].pos in VERBAL


def kept(
    steps: Sequence[Step], labels: Sequence[int], min_support: int, model: PersonalFilter | None
) -> list[bool]:
    """For each step, whether it stays: every step of a shared group, every step the tagger did
    not judge, and each lone one ``model`` finds likely enough to be a step (None keeps all)."""
    keep = [True] * len(steps)
    if model is not None:
        indices = lone_indices(labels, steps, min_support)
        for k, row in zip(indices, lone_rows(steps, indices), strict=True):
            keep[k] = model.probability(row) >= model.threshold
    return keep


def drop_unlikely(
    steps: Sequence[Step], labels: Sequence[int], min_support: int, model: PersonalFilter | None
) -> tuple[list[Step], list[int]]:
    """``steps`` (sorted by employee and position) and their group ``labels`` without the lone
    steps ``model`` finds unlikely to be steps (``kept``)."""
    keep = kept(steps, labels, min_support, model)
    return without(steps, keep), [g for g, k in zip(labels, keep, strict=True) if k]


def without(steps: Sequence[Step], keep: Sequence[bool]) -> list[Step]:
    """The steps to keep, each moved up by the steps of its account dropped before it, so the
    positions stay 1, 2, ... in every account (``steps``: each account in position order)."""
    dropped: Counter[str] = Counter()
    result = []
    for step, stays in zip(steps, keep, strict=True):
        if not stays:
            dropped[step.employee] += 1
        elif dropped[step.employee]:
            result.append(replace(step, position=step.position - dropped[step.employee]))
        else:
            result.append(step)
    return result
