"""Turning notes into the text views the classifier vectorizes.

``NotePreprocessor`` is a scikit-learn transformer: a frame with ``text``, ``lang`` and ``crm_code``
in, a frame of four views out — negation-marked lemmas, the lemmas after a contrast word ("но",
"but"), the normalized text for character n-grams, ``lang`` and the CRM dropdown code as a token.
Lemmas come from ``salesmine.text`` (pymorphy3 behind a word cache), which is what keeps it fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from salesmine import text as textlayer
from salesmine.text.language import detect_languages

INPUT_COLUMNS = ("text", "lang", "crm_code")
VIEW_COLUMNS = ("lemmas", "contrast", "chars", "lang", "crm")

# Words that flip what follows: "не дорого", "без рассрочки", "not interested", "no budget".
NEGATORS = frozenset(
    "не нет без ни нельзя not no never without nor cannot n't dont don't doesnt doesn't didnt "
    "didn't wont won't isnt isn't aren't wasn't can't".split()
)
# After these the deciding fact usually follows: "по цене ок, но без рассрочки не берут".
CONTRASTS = frozenset({"но", "однако", "зато", "but", "however"})
NEG_PREFIX = "NEG_"
# Punctuation that ends a negation's scope; sentence ends also end a contrast's scope.
_SCOPE_END = frozenset(',;:.!?()—–-\n"«»')
_SENTENCE_END = frozenset(".!?;\n")
# Words keep inner "-", "/", "." and apostrophes ("б/у", "т.к", "e-mail", "don't"); any other
# non-space character is a token of its own. A regex here is ~10x faster than a spaCy tokenizer
# per note, and lemmas still come from the text layer's cached lemmatizer.
_TOKEN = re.compile(r"\w+(?:[-/.'’]\w+)*|[^\w\s]|\n")


# What a token is, cached per (language, surface form): CRM vocabularies are small, so after a
# few thousand notes almost every token is a dict hit instead of a lemmatizer call.
_WORD, _PUNCT, _SCOPE, _SENTENCE = range(4)
_PIECES: dict[str, dict[str, tuple[str, int]]] = {}
_PIECE_CACHE_LIMIT = 500_000


def _piece(piece: str, lang: str) -> tuple[str, int]:
    if not piece[0].isalnum():
        kind = _SENTENCE if piece in _SENTENCE_END else _SCOPE if piece in _SCOPE_END else _PUNCT
        return piece, kind
    return textlayer.lemmatize(piece, lang), _WORD


def marked_tokens(
    text: str,
    lang: str,
    window: int = 3,
    negators: frozenset[str] = NEGATORS,
    contrasts: frozenset[str] = CONTRASTS,
) -> list[tuple[int, str, bool]]:
    """(offset, marked lemma, follows a contrast word) for every word of ``text``.

    Up to ``window`` words after a negator (within the same stretch of punctuation) become
    ``NEG_<lemma>``; the negator itself stays, so "не" as a unigram still counts. Words after
    "но"/"but" up to the end of the sentence are flagged, so the model can weigh that clause.
    """
    cache = _PIECES.setdefault(lang, {})
    out: list[tuple[int, str, bool]] = []
    negated = 0
    after_contrast = False
    for match in _TOKEN.finditer(text):
        piece = match.group()
        known = cache.get(piece)
        if known is None:
            known = _piece(piece, lang)
            if len(cache) < _PIECE_CACHE_LIMIT:
                cache[piece] = known
        lemma, kind = known
        if kind == _WORD:
            if lemma in contrasts:
                after_contrast, negated = True, 0
                out.append((match.start(), lemma, False))
            elif lemma in negators:
                negated = window
                out.append((match.start(), lemma, after_contrast))
            else:
                out.append(
                    (match.start(), NEG_PREFIX + lemma if negated else lemma, after_contrast)
                )
                negated -= negated > 0
        elif kind != _PUNCT:
            negated = 0
            after_contrast = after_contrast and kind != _SENTENCE
    return out


def mark_tokens(text: str, lang: str, window: int = 3) -> tuple[list[str], list[str]]:
    """The marked lemmas of ``text``, and those that follow a contrast word (see marked_tokens)."""
    tokens = marked_tokens(text, lang, window)
    return [w for _, w, _ in tokens], [w for _, w, c in tokens if c]


Tokens = list[tuple[int, str, bool]]


def note_views(
    frame: pd.DataFrame,
    window: int = 3,
    negators: frozenset[str] = NEGATORS,
    contrasts: frozenset[str] = CONTRASTS,
) -> tuple[pd.DataFrame, list[Tokens]]:
    """The views of an input frame (text, lang, crm_code), and each note's marked tokens.

    The tokens are returned too so that the evidence step can reuse them instead of
    tokenizing every note a second time.
    """
    texts = [_clean(t) for t in frame["text"]]
    langs = [
        _clean(x) or textlayer.detect_language(t) for t, x in zip(texts, frame["lang"], strict=True)
    ]
    tokens = [
        marked_tokens(t, lang, window, negators, contrasts)
        for t, lang in zip(texts, langs, strict=True)
    ]
    views = pd.DataFrame(
        {
            "lemmas": [" ".join(w for _, w, _ in toks) for toks in tokens],
            "contrast": [" ".join(w for _, w, c in toks if c) for toks in tokens],
            "chars": [textlayer.normalize_text(t) for t in texts],
            "lang": langs,
            # A dropdown code is one token; no code, no feature (not a "none" category, which
            # became a bias towards the classes whose notes usually lack a dropdown value).
            "crm": ["crm_" + code if (code := _clean(c)) else "" for c in frame["crm_code"]],
        },
        dtype=object,
    )  # object columns: iterating Arrow-backed strings is slower than vectorizing
    return views, tokens


def as_input_frame(
    texts: Iterable[object],
    langs: Iterable[object] | None = None,
    crm_codes: Iterable[object] | None = None,
) -> pd.DataFrame:
    """A frame the model accepts: text, lang (detected when missing) and crm_code ("" = none)."""
    text_list = [_clean(t) for t in texts]
    lang_list = [_clean(x) for x in langs] if langs is not None else [""] * len(text_list)
    missing = [i for i, x in enumerate(lang_list) if x not in ("ru", "en")]
    detected = detect_languages([text_list[i] for i in missing])
    for i, lang in zip(missing, detected, strict=True):
        lang_list[i] = lang
    code_list = [_clean(c) for c in crm_codes] if crm_codes is not None else [""] * len(text_list)
    return pd.DataFrame({"text": text_list, "lang": lang_list, "crm_code": code_list})


def _clean(value: object) -> str:
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

    def views(self, X: pd.DataFrame) -> tuple[pd.DataFrame, list[Tokens]]:
        """The views and each note's marked tokens (reused by the evidence step)."""
        check_is_fitted(self, "negators_")
        self._check_columns(X)
        return note_views(X, self.negation_window, *self._markers())

    def tokens(self, text: str, lang: str) -> Tokens:
        """One note's marked tokens, as ``views`` makes them."""
        check_is_fitted(self, "negators_")
        return marked_tokens(text, lang, self.negation_window, *self._markers())

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
