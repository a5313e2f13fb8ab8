"""How alike two steps are: shared concepts, shared letters, and where they sit in each account.

Three kinds of evidence, each a step x step matrix in [0, 1]:
- concepts: lemmas mapped through ``lexicon.CONCEPTS`` (звонить / набирать / прозвон -> CALL),
  IDF-weighted so "клиент" (in every step) says little; the action word counts twice;
- letters: TF-IDF over character 3-5-grams of the lemmas, which catches what lemmas miss
  (отправка / отправлять, КП / кп-шка);
- position: 1 - |difference of relative positions| in the two accounts.
An optional fourth, sentence embeddings, comes from ``process.embeddings`` when installed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from salesmine.process import lexicon as lx
from salesmine.process.model import Step
from salesmine.text import lemmas

_SKIP_LEMMAS = (
    lx.NAME_DROP_WORDS_RU
    | lx.NAME_DROP_WORDS_EN
    | lx.DETERMINERS_EN
    | frozenset("в на с к по о об от до из за для у при про без под над и а или не".split())
)


@dataclass(frozen=True)
class Weights:
    """How much each kind of evidence counts; tuned on the bundled sample interviews."""

    concepts: float = 0.45
    letters: float = 0.30
    position: float = 0.25
    embeddings: float = 0.0  # > 0 only when process.embeddings is used
    same_person: float = 0.5  # two steps of one account rarely are the same activity
    context: float = 0.2  # share given to how alike the steps before and after them are


def concept_tokens(name: str, lang: str) -> list[str]:
    """Concept tokens of a step name; the first (the action) also as "HEAD:<concept>"."""
    words = [w for w in lemmas(name, lang) if w not in _SKIP_LEMMAS]
    concepts = [lx.CONCEPTS.get(w, w) for w in words]
    if not concepts:
        return []
    head = concepts[0]
    if words[0] in lx.LIGHT_VERBS_RU and len(concepts) > 1:
        # "делаю первичный прозвон": the action is the known concept after the verb,
        # else the last word
        head = next((c for c in concepts[1:] if c.isupper()), concepts[-1])
    return [*dict.fromkeys(concepts), f"HEAD:{head}"]


def step_matrices(steps: list[Step]) -> dict[str, np.ndarray]:
    """The concept, letter and position similarity matrices of ``steps``."""
    tokens = [concept_tokens(s.name, s.language) for s in steps]
    return {
        "concepts": _cosine(TfidfVectorizer(analyzer=lambda t: t, binary=True), tokens),
        "letters": _cosine(
            TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True),
            [" ".join(lemmas(s.name, s.language)) or s.name.lower() for s in steps],
        ),
        "position": _position_similarity(steps),
    }


def combine(matrices: dict[str, np.ndarray], steps: list[Step], weights: Weights) -> np.ndarray:
    """One similarity matrix: the weighted evidence, damped for two steps of one person."""
    total = weights.concepts + weights.letters + weights.position
    combined = (
        weights.concepts * matrices["concepts"]
        + weights.letters * matrices["letters"]
        + weights.position * matrices["position"]
    )
    if "embeddings" in matrices and weights.embeddings > 0:
        combined = combined + weights.embeddings * matrices["embeddings"]
        total += weights.embeddings
    combined = combined / total
    if weights.context > 0:
        combined = (1 - weights.context) * combined + weights.context * _neighbors(combined, steps)
    owner = np.array([s.employee for s in steps], dtype=object)
    same = owner[:, None] == owner[None, :]
    combined = np.where(same, combined * weights.same_person, combined)
    np.fill_diagonal(combined, 1.0)
    return combined


def _cosine(vectorizer: TfidfVectorizer, docs: list) -> np.ndarray:  # type: ignore[type-arg]
    if not any(docs):
        return np.zeros((len(docs), len(docs)))
    try:
        matrix = normalize(vectorizer.fit_transform(docs))
    except ValueError:  # an empty vocabulary: nothing in common
        return np.zeros((len(docs), len(docs)))
    return np.asarray((matrix @ matrix.T).todense(), dtype=float)


def _position_similarity(steps: list[Step]) -> np.ndarray:
    length: dict[str, int] = {}
    for step in steps:
        length[step.employee] = max(length.get(step.employee, 0), step.position)
    relative = np.array(
        [
            (s.position - 1) / (length[s.employee] - 1) if length[s.employee] > 1 else 0.5
            for s in steps
        ]
    )
    return 1.0 - np.abs(relative[:, None] - relative[None, :])


def _neighbors(similarity: np.ndarray, steps: list[Step]) -> np.ndarray:
    """Mean similarity of the two steps' predecessors and of their successors.

    "Войти в автобус" and "сесть в автобус" share no word, but both come right after "дождаться
    автобуса" and before "оплатить проезд"; two first steps count as alike predecessors.
    """
    index = {(s.employee, s.position): k for k, s in enumerate(steps)}
    result = np.zeros_like(similarity)
    for offset in (-1, 1):
        other = np.array([index.get((s.employee, s.position + offset), -1) for s in steps])
        known = other >= 0
        shifted = np.zeros_like(similarity)
        shifted[np.ix_(known, known)] = similarity[np.ix_(other[known], other[known])]
        shifted[np.ix_(~known, ~known)] = 1.0  # both at the same end of their accounts
        result += shifted / 2
    return result
