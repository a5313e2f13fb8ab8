"""How much a whole note reads like an absence claim: a logistic regression over the note's
lemma unigrams and bigrams (sublinear TF-IDF, L2-normalised), trained on the labelled claim
sets (data/claims/*/notes.csv). It does not find the product; ``claim_rescue`` does that, and
only for a note the rules found nothing in.

Measured leave-one-writer-out on dev/dev2/dev3 (train on two writers' sets, score the third):
ROC AUC 0.93-0.97. With it, weak rules and the rescue raise manager-error recall on dev4 (a
writer it was not trained on) from 0.72 to 0.79 at the same precision.
The weights ship as ``models/claims/claim_classifier.json.xz`` (vocabulary, IDF, coefficients);
scoring needs no scikit-learn. ``train_classifier`` rebuilds it
(``benchmarks/claims_bench.py --train``).
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from salesmine.refusals.claim_models import WEIGHT_DIGITS, read_model, write_model
from salesmine.refusals.claim_phrases import text_tokens
from salesmine.text import lemmas
from salesmine.text.language import detect_language

# Under models/ so that the package data (pyproject: "models/**/*") ships it.
MODEL_PATH = Path(__file__).parent.parent / "models" / "claims" / "claim_classifier.json.xz"
MIN_DF = 2
C = 4.0


def note_features(text: str, lang: str | None = None) -> list[str]:
    """Lemma unigrams and bigrams of a note, in order (repeats kept: they are counted)."""
    words = _word_lemmas(text or "", lang or None)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def _word_lemmas(text: str, lang: str | None) -> list[str]:
    """``text.lemmas`` of a note. A Russian note's come from the tokens the claim rules read
    (``claim_phrases.text_tokens``: the same spaCy tokens and lemmas), so it is not tokenised
    twice; an English one's do not (``tokens`` splits a shouted "DON'T", ``lemmas`` does not)."""
    lang = lang or detect_language(text)
    if lang != "ru":
        return lemmas(text, lang)
    return [t.lemma for t in text_tokens(text, lang) if t.is_word]


@functools.lru_cache(maxsize=1)
def _model() -> dict[str, Any] | None:
    return read_model(MODEL_PATH)


def claim_probability(text: str, lang: str | None = None) -> float | None:
    """P(the note says the company lacks a product), or None when no model ships."""
    model = _model()
    if model is None:
        return None
    # The rescue, the pair model and the verifier ask in turn about the same note: the last
    # answer is kept (for the same model: the bench swaps models between runs).
    global _last
    if _last is not None and _last[0] is model and _last[1:3] == (text, lang):
        return _last[3]
    probability = score(model, note_features(text, lang))
    _last = (model, text, lang, probability)
    return probability


_last: tuple[Any, str, str | None, float] | None = None


def score(model: dict[str, Any], features: list[str]) -> float:
    """The model's probability for a note's features (see ``note_features``)."""
    weights: dict[str, list[float]] = model["terms"]  # term -> [idf, coefficient]
    counts = Counter(f for f in features if f in weights)
    values = {t: (1 + math.log(n)) * weights[t][0] for t, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
    z = model["intercept"] + sum(v / norm * weights[t][1] for t, v in values.items())
    return 1 / (1 + math.exp(-z))


def train_classifier(
    texts: Sequence[str], langs: Sequence[str], labels: Sequence[int], *, min_df: int = MIN_DF
) -> dict:
    """Fit the classifier; returns the JSON-ready model (scikit-learn is needed only here).
    Features seen in fewer than ``min_df`` notes are dropped."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    docs = [note_features(t, lang) for t, lang in zip(texts, langs, strict=True)]
    vectorizer = TfidfVectorizer(
        analyzer=lambda doc: doc, min_df=min_df, sublinear_tf=True, lowercase=False
    )
    matrix = vectorizer.fit_transform(docs)
    fitted = LogisticRegression(C=C, max_iter=3000, class_weight="balanced")
    fitted.fit(matrix, list(labels))
    terms = {
        term: [
            round(float(vectorizer.idf_[j]), WEIGHT_DIGITS),
            round(float(fitted.coef_[0][j]), WEIGHT_DIGITS),
        ]
        for term, j in vectorizer.vocabulary_.items()
        if abs(fitted.coef_[0][j]) >= 10**-WEIGHT_DIGITS
    }
    return {"intercept": float(fitted.intercept_[0]), "terms": terms, "notes": len(docs)}


def save_classifier(model: dict, path: Path = MODEL_PATH) -> None:
    """Write the model as xz-compressed JSON (the package file is written by the bench)."""
    write_model(model, path)
    _model.cache_clear()
