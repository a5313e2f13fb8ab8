"""Turning notes into the text views the classifier vectorizes.

``NotePreprocessor`` is a scikit-learn transformer: a frame with ``text``, ``lang`` and ``crm_code``
in, a frame of four views out — negation-marked lemmas, the lemmas after a contrast word ("но",
"but"), the normalized text for character n-grams, ``lang`` and the CRM dropdown code as a token.
Lemmas come from ``salesmine.text`` (pymorphy3 behind a word cache), which is what keeps it fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

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


# What a token is. Words are plain, negators or contrast words; punctuation ends a negation's
# scope (_SCOPE), a contrast's too (_SENTENCE), or neither (_PUNCT).
_WORD, _NEGATOR, _CONTRAST, _PUNCT, _SCOPE, _SENTENCE = range(6)
_PIECE_CACHE_LIMIT = 500_000


class _Lexicon:
    """Token id per (language, surface form), and per id its lemma, ``NEG_`` lemma and kind.

    CRM vocabularies are small, so after a few thousand notes almost every token is a dict hit
    instead of a lemmatizer call; ids let a whole batch be marked with array operations.
    """

    def __init__(self, negators: frozenset[str], contrasts: frozenset[str]) -> None:
        self.negators, self.contrasts = negators, contrasts
        self.lemmas: list[str] = []
        self.negated: list[str] = []
        self.kinds: list[int] = []
        self.by_lang: dict[str, _Pieces] = {}
        self._arrays: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def pieces(self, lang: str) -> _Pieces:
        """The surface form -> id dict of one language (filled on first sight of a form)."""
        found = self.by_lang.get(lang)
        if found is None:
            found = self.by_lang[lang] = _Pieces(self, lang)
        return found

    def add(self, piece: str, lang: str) -> int:
        """A new id for ``piece`` in ``lang``."""
        if not piece[0].isalnum():
            lemma = piece
            kind = _PUNCT
            if piece in _SENTENCE_END:
                kind = _SENTENCE
            elif piece in _SCOPE_END:
                kind = _SCOPE
        else:
            lemma = textlayer.lemmatize(piece, lang)
            kind = _WORD
            if lemma in self.contrasts:
                kind = _CONTRAST
            elif lemma in self.negators:
                kind = _NEGATOR
        self.lemmas.append(lemma)
        self.negated.append(NEG_PREFIX + lemma)
        self.kinds.append(kind)
        self._arrays = None
        return len(self.kinds) - 1

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Lemmas, ``NEG_`` lemmas (object arrays) and kinds, indexed by id."""
        if self._arrays is None:
            self._arrays = (
                np.asarray(self.lemmas, dtype=object),
                np.asarray(self.negated, dtype=object),
                np.asarray(self.kinds, dtype=np.int8),
            )
        return self._arrays


class _Pieces(dict[str, int]):
    """One language's surface form -> id; an unseen form is added to the lexicon on lookup."""

    def __init__(self, lexicon: _Lexicon, lang: str) -> None:
        super().__init__()
        self.lexicon, self.lang = lexicon, lang

    def __missing__(self, piece: str) -> int:
        self[piece] = found = self.lexicon.add(piece, self.lang)
        return found


_LEXICONS: dict[tuple[frozenset[str], frozenset[str]], _Lexicon] = {}


def _lexicon(negators: frozenset[str], contrasts: frozenset[str]) -> _Lexicon:
    found = _LEXICONS.get((negators, contrasts))
    if found is None or len(found.kinds) > _PIECE_CACHE_LIMIT:  # bounded memory on odd input
        found = _LEXICONS[(negators, contrasts)] = _Lexicon(negators, contrasts)
    return found


@dataclass(frozen=True)
class MarkedNotes:
    """The marked lemmas of many notes, flat: note ``i`` has ``words[bounds[i]:bounds[i + 1]]``;
    ``after_contrast[j]`` says word ``j`` follows a contrast word in its sentence."""

    words: list[str]
    after_contrast: np.ndarray
    bounds: np.ndarray

    def note(self, i: int) -> tuple[list[str], list[str]]:
        """Note ``i``'s marked lemmas, and those that follow a contrast word."""
        a, b = int(self.bounds[i]), int(self.bounds[i + 1])
        words = self.words[a:b]
        flags = self.after_contrast[a:b].tolist()
        return words, [w for w, c in zip(words, flags, strict=True) if c]


def mark_notes(
    texts: Sequence[str],
    langs: Sequence[str],
    window: int = 3,
    negators: frozenset[str] = NEGATORS,
    contrasts: frozenset[str] = CONTRASTS,
) -> MarkedNotes:
    """Every note's marked lemmas (see ``mark_tokens``), all notes of a batch at once.

    Each note is tokenized once; the negation and contrast scopes are then found with array
    operations over the batch's tokens rather than a Python loop per token.
    """
    lexicon = _lexicon(negators, contrasts)
    ids: list[int] = []
    counts = np.zeros(len(texts), dtype=np.int64)
    for i, (text, lang) in enumerate(zip(texts, langs, strict=True)):
        pieces = _TOKEN.findall(text)
        counts[i] = len(pieces)
        ids.extend(map(lexicon.pieces(lang).__getitem__, pieces))
    lemmas, negated, kind_of = lexicon.arrays()
    token = np.asarray(ids, dtype=np.intp)
    kinds = kind_of[token]
    first = np.repeat(np.cumsum(counts) - counts, counts)  # each token's note's first token
    word = kinds <= _CONTRAST
    neg = _negated(kinds, first, window)
    # After "но"/"but" up to the sentence end; the contrast word itself is not flagged.
    since = _last_event((kinds == _CONTRAST) | (kinds == _SENTENCE), first)
    after = (kinds <= _NEGATOR) & (since >= 0) & (kinds[np.maximum(since, 0)] == _CONTRAST)
    chosen = token[word]
    words = np.where(neg[word], negated[chosen], lemmas[chosen]).tolist()
    seen = np.concatenate(([0], np.cumsum(word)))
    bounds = seen[np.concatenate(([0], np.cumsum(counts)))]
    return MarkedNotes(words, after[word], bounds)


def _last_event(event: np.ndarray, first: np.ndarray) -> np.ndarray:
    """Per token, the index of the last event token up to it in its note (-1: none)."""
    last = np.maximum.accumulate(np.where(event, np.arange(len(event)), -1))
    return np.where(last >= first, last, -1)


def _negated(kinds: np.ndarray, first: np.ndarray, window: int) -> np.ndarray:
    """Plain words within ``window`` plain words after a negator, with no scope end, contrast
    word or other negator in between (a later negator starts its own window)."""
    plain = kinds == _WORD
    since = _last_event(~plain & (kinds != _PUNCT), first)
    start = np.maximum(since, 0)
    plain_seen = np.cumsum(plain)
    between = plain_seen - 1 - plain_seen[start]  # plain words strictly between (for plain ones)
    return plain & (since >= 0) & (kinds[start] == _NEGATOR) & (between < window)


# The word tokens of _TOKEN: scanning for words alone finds the same matches, since _TOKEN's other
# branches take one character that cannot start a word. "_" is \w but not a word to _Lexicon.
_WORD_TOKEN = re.compile(r"\w+(?:[-/.'’]\w+)*")


def word_starts(text: str) -> list[int]:
    """The offset of every word ``mark_notes`` keeps from ``text``, in order."""
    return [m.start() for m in _WORD_TOKEN.finditer(text) if text[m.start()] != "_"]


def mark_tokens(text: str, lang: str, window: int = 3) -> tuple[list[str], list[str]]:
    """The marked lemmas of ``text``, and those that follow a contrast word.

    Up to ``window`` words after a negator (within the same stretch of punctuation) become
    ``NEG_<lemma>``; the negator itself stays, so "не" as a unigram still counts. Words after
    "но"/"but" up to the end of the sentence are the contrast view, so the model can weigh that
    clause.
    """
    return mark_notes([text], [lang], window).note(0)


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
    texts = [_clean(t) for t in frame["text"]]
    langs = [
        _clean(x) or textlayer.detect_language(t) for t, x in zip(texts, frame["lang"], strict=True)
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
            "crm": ["crm_" + code if (code := _clean(c)) else "" for c in frame["crm_code"]],
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
