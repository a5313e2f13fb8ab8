"""How often a clause's action word, and a word it acts on, start a step in the labelled sets.

The rules' lexicon names a few dozen sales activities; the labelled interviews of other writers
know more: "выставлять" (счёт), "подписывать" (договор), "пригонять" (машину) start a step
almost whenever someone says them in their own process, "понимать", "сидеть", "волноваться"
almost never, in any trade. The tagger gets, for each candidate, that rate for its action
lemma and the highest one among its object lemmas (smoothed towards ``PRIOR``, each labelled
set weighing the same), and whether the lemma was seen at all; a clause the rules fold into the
step before also gets the two rates learnt on folded clauses only. In training each set's rates
come from the other sets only, so a set's own labels never leak into its features.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from salesmine.process.candidates import Candidate
from salesmine.process.step_context import FOLDS

PRIOR = 0.2  # about the share of candidates that start a step
SMOOTHING = 0.002  # pseudo-weight of the prior, in shares of one set's candidates
PRIOR_FEATURES = (
    "head_prior",
    "head_known",
    "object_prior",
    "object_known",
    "folded_head_prior",
    "folded_object_prior",
)
# A clause the rules fold into the step before ("выставляем счёт, заказываем у поставщика,
# привозим клиенту") is a step of its own when it tells another stage of the sale, a sub-action
# ("смотрю машину, фоткаю") when not; which lemmas do so is learnt on folded clauses alone.
FOLDED = frozenset(FOLDS)

_TABLES = ("heads", "objects", "folded_heads", "folded_objects")  # the fields, in order

Labelled = Sequence[tuple[Sequence[Candidate], Sequence[int]]]  # one set: (candidates, labels)


def _heads(candidate: Candidate) -> list[str]:
    return [candidate.head]


def _objects(candidate: Candidate) -> list[str]:
    return sorted(candidate.objects - {candidate.head})


@dataclass(frozen=True)
class Priors:
    """The smoothed rate at which a lemma starts a step, for action words and for objects."""

    heads: Mapping[str, float] = field(default_factory=dict)
    objects: Mapping[str, float] = field(default_factory=dict)
    folded_heads: Mapping[str, float] = field(default_factory=dict)
    folded_objects: Mapping[str, float] = field(default_factory=dict)

    def row(self, candidate: Candidate) -> list[float]:
        """``PRIOR_FEATURES`` of one candidate."""
        folded = candidate.verdict in FOLDED
        return [
            *_rate(self.heads, _heads(candidate)),
            *_rate(self.objects, _objects(candidate)),
            _rate(self.folded_heads, _heads(candidate))[0] if folded else PRIOR,
            _rate(self.folded_objects, _objects(candidate))[0] if folded else PRIOR,
        ]

    def to_json(self) -> dict[str, dict[str, float]]:
        """The rates as plain JSON, rounded, lemmas sorted (stable diffs)."""
        return {
            name: {k: round(v, 4) for k, v in sorted(getattr(self, name).items())}
            for name in _TABLES
        }


def _rate(table: Mapping[str, float], keys: list[str]) -> tuple[float, float]:
    known = [table[k] for k in keys if k in table]
    return (max(known), 1.0) if known else (PRIOR, 0.0)


def learn(sets: Sequence[Labelled]) -> Priors:
    """The rates over labelled sets, each set weighing the same however many candidates it has."""
    return Priors(
        _table(sets, _heads),
        _table(sets, _objects),
        _table(sets, _heads, folded=True),
        _table(sets, _objects, folded=True),
    )


def _table(
    sets: Sequence[Labelled], keys: Callable[[Candidate], list[str]], *, folded: bool = False
) -> dict[str, float]:
    started: dict[str, float] = {}
    seen: dict[str, float] = {}
    for labelled in sets:
        weight = 1.0 / max(1, sum(len(labels) for _, labels in labelled))
        for found, labels in labelled:
            for candidate, label in zip(found, labels, strict=True):
                if folded and candidate.verdict not in FOLDED:
                    continue
                for key in keys(candidate):
                    started[key] = started.get(key, 0.0) + label * weight
                    seen[key] = seen.get(key, 0.0) + weight
    return {k: (started[k] + SMOOTHING * PRIOR) / (seen[k] + SMOOTHING) for k in seen}


def from_json(data: Mapping[str, Mapping[str, float]]) -> Priors:
    """Priors from ``Priors.to_json`` output (none when the file has none)."""
    return Priors(*(dict(data.get(name, {})) for name in _TABLES))
