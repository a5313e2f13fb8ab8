"""Turning notes into the text views the classifier vectorizes.

``NotePreprocessor`` is a scikit-learn transformer: a frame with ``text``, ``lang`` and ``crm_code``
in, a frame of four views out — negation-marked lemmas, the lemmas after a contrast word ("но",
"but"), the normalized text for character n-grams, ``lang`` and the CRM dropdown code as a token.
Lemmas come from ``salesmine.text`` (pymorphy3 behind a word cache), which is what keeps it fast;
the marking itself (negation and contrast scopes) is in ``marking.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from salesmine import text as textlayer
from salesmine.refusals.marking import (
    CONTRASTS,
    NEGATORS,
    MarkedNotes,
    mark_notes,
    mark_tokens,
)
from salesmine.text.language import detect_languages

# mark_tokens and the word lists are re-exported: they were defined here before marking.py
__all__ = [
    "CONTRASTS",
    "INPUT_COLUMNS",
    "NEGATORS",
    "VIEW_COLUMNS",
    "NotePreprocessor",
    "as_input_frame",
    "clean_value",
    "mark_tokens",
    "note_views",
]

INPUT_COLUMNS = ("text", "lang", "crm_code")
VIEW_COLUMNS = ("lemmas", "contrast", "chars", "lang", "crm")


def note_views(
    frame: pd.DataFrame,
    window: int = 3,
    negators: frozenset[str] = NEGATORS,
    contrasts: frozenset[str] = CONTRASTS,
) -> tuple[pd.DataFrame, MarkedNotes]:
    """The views of an input frame (text, lang, crm_code), and the notes' marked lemmas.

    The marked lemmas are returned too so that the evidence step can reuse them instead of
    tokenizing every note a second time.
    """
    texts = [clean_value(t) for t in frame["text"]]
    langs = [
        clean_value(x) or textlayer.detect_language(t)
        for t, x in zip(texts, frame["lang"], strict=True)
    ]
    marked = mark_notes(texts, langs, window, negators, contrasts)
    words, edges = marked.words, marked.bounds.tolist()
    contrast_at = np.flatnonzero(marked.after_contrast)
    contrast_words = [words[j] for j in contrast_at.tolist()]
    contrast_edges = np.searchsorted(contrast_at, marked.bounds).tolist()
    views = pd.DataFrame(
        {
            "lemmas": [" ".join(words[a:b]) for a, b in pairwise(edges)],
            "contrast": [" ".join(contrast_words[a:b]) for a, b in pairwise(contrast_edges)],
            "chars": [textlayer.normalize_text(t) for t in texts],
            "lang": langs,
            # A dropdown code is one token; no code, no feature (not a "none" category, which
            # became a bias towards the classes whose notes usually lack a dropdown value).
            "crm": ["crm_" + code if (code := clean_value(c)) else "" for c in frame["crm_code"]],
        },
        dtype=object,
    )  # object columns: iterating Arrow-backed strings is slower than vectorizing
    return views, marked


def as_input_frame(
    texts: Iterable[object],
    langs: Iterable[object] | None = None,
    crm_codes: Iterable[object] | None = None,
) -> pd.DataFrame:
    """A frame the model accepts: text, lang (detected when missing) and crm_code ("" = none)."""
    text_list = [clean_value(t) for t in texts]
    lang_list = [clean_value(x) for x in langs] if langs is not None else [""] * len(text_list)
    missing = [i for i, x in enumerate(lang_list) if x not in ("ru", "en")]
    detected = detect_languages([text_list[i] for i in missing])
    for i, lang in zip(missing, detected, strict=True):
        lang_list[i] = lang
    code_list = (
        [clean_value(c) for c in crm_codes] if crm_codes is not None else [""] * len(text_list)
    )
    # object columns: iterating Arrow-backed strings is slower
    return pd.DataFrame({"text": text_list, "lang": lang_list, "crm_code": code_list}, dtype=object)


def clean_value(value: object) -> str:
    """A cell as text: "" for missing values (None, NA, NaN)."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return ""
    return str(value)


class NotePreprocessor(TransformerMixin, BaseEstimator):
    """Notes frame (text, lang, crm_code) -> views frame (lemmas, contrast, chars, lang, crm).

    Args:
        negation_window: how many words after a negator are marked ``NEG_``.
    """

    def __init__(self, negation_window: int = 3) -> None:
        self.negation_window = negation_window

    def fit(self, X: pd.DataFrame, y: object = None) -> NotePreprocessor:
        """Check the input columns and freeze the negator and contrast words into the model, so
        that a saved model keeps marking text as it did in training whatever this module says."""
        self._check_columns(X)
        self.n_features_in_ = len(INPUT_COLUMNS)
        self.feature_names_in_ = np.asarray(INPUT_COLUMNS, dtype=object)
        self.negators_ = tuple(sorted(NEGATORS))
        self.contrasts_ = tuple(sorted(CONTRASTS))
        return self

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        """The views of every note, in input order."""
        return self.views(X)[0]

    def views(self, X: pd.DataFrame) -> tuple[pd.DataFrame, MarkedNotes]:
        """The views and the notes' marked lemmas (reused by the evidence step)."""
        check_is_fitted(self, "negators_")
        self._check_columns(X)
        return note_views(X, self.negation_window, *self._markers())

    def marked(self, texts: Sequence[str], langs: Sequence[str]) -> MarkedNotes:
        """The notes' marked lemmas, as ``views`` makes them."""
        check_is_fitted(self, "negators_")
        return mark_notes(texts, langs, self.negation_window, *self._markers())

    def _markers(self) -> tuple[frozenset[str], frozenset[str]]:
        return frozenset(self.negators_), frozenset(self.contrasts_)

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        """The names of the views."""
        return np.asarray(VIEW_COLUMNS, dtype=object)

    @staticmethod
    def _check_columns(X: object) -> None:
        if not isinstance(X, pd.DataFrame):
            raise TypeError("NotePreprocessor expects a DataFrame with text, lang and crm_code")
        missing = [c for c in INPUT_COLUMNS if c not in X.columns]
        if missing:
            raise ValueError(f"NotePreprocessor: missing columns {missing}")
