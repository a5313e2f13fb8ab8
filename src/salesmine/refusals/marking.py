"""Marking the lemmas of notes: negation scopes, the clause after a contrast word, word offsets.

``mark_notes`` tokenizes each note once with a regular expression and gives every token an id in
a lexicon of surface forms (per language), so that lemmatizing happens once per distinct form
and the negation and contrast scopes are found with array operations over a whole batch.
``NameTable`` turns the marked ids into anything a later step needs per distinct lemma (a
vectorizer's word id, an evidence weight) with one lookup per new lemma.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from salesmine import text as textlayer

# Words that flip what follows: "не дорого", "без рассрочки", "not interested", "no budget".
_CONTRACTIONS = (
    "don't doesn't didn't won't isn't aren't wasn't weren't can't couldn't wouldn't shouldn't "
    "haven't hasn't hadn't mustn't needn't".split()
)
NEGATORS = frozenset(
    "не нет без ни нельзя not no never without nor cannot n't nothing nobody neither".split()
    + _CONTRACTIONS
    + [c.replace("'", "") for c in _CONTRACTIONS]  # typed without the apostrophe
    + [c.replace("'", "’") for c in _CONTRACTIONS]  # or with a typographic one
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
        # marked id 2 * i is token i's lemma, 2 * i + 1 its NEG_ lemma
        self.names: list[str] = []
        self.kinds: list[int] = []
        self.lengths: list[int] = []  # of the surface form, for word offsets
        self.by_lang: dict[str, _Pieces] = {}
        self._arrays: tuple[np.ndarray, np.ndarray] | None = None

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
        self.names += (lemma, NEG_PREFIX + lemma)
        self.kinds.append(kind)
        self.lengths.append(len(piece))
        self._arrays = None
        return len(self.kinds) - 1

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Names by marked id (object array), kinds and surface lengths by token id."""
        if self._arrays is None:
            self._arrays = (
                np.asarray(self.names, dtype=object),
                np.asarray(self.kinds, dtype=np.int8),
                np.asarray(self.lengths, dtype=np.int64),
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
    """The marked lemmas of many notes, flat: note ``i`` has ``ids[bounds[i]:bounds[i + 1]]``.

    ``ids`` are marked ids of ``lexicon`` (``2 * token`` for a lemma, ``2 * token + 1`` for its
    ``NEG_`` form); ``after_contrast[j]`` says word ``j`` follows a contrast word in its sentence.
    """

    ids: np.ndarray
    after_contrast: np.ndarray
    bounds: np.ndarray
    lexicon: _Lexicon
    starts: np.ndarray | None = None  # each word's offset in its note (None: not computed)

    @functools.cached_property
    def words(self) -> list[str]:
        """The marked lemmas as strings."""
        return self.lexicon.arrays()[0][self.ids].tolist()

    def note(self, i: int) -> tuple[list[str], list[str]]:
        """Note ``i``'s marked lemmas, and those that follow a contrast word."""
        a, b = int(self.bounds[i]), int(self.bounds[i + 1])
        words = self.words[a:b]
        flags = self.after_contrast[a:b].tolist()
        return words, [w for w, c in zip(words, flags, strict=True) if c]


class NameTable:
    """A value per marked id, computed once from the marked lemma by ``value`` (a function of a
    list of names returning an array) and extended as the lexicon grows."""

    def __init__(self, value: Callable[[list[str]], np.ndarray]) -> None:
        self.value = value
        self._lexicon: _Lexicon | None = None
        self._values = np.zeros(0, dtype=np.int64)

    def __call__(self, marked: MarkedNotes, where: np.ndarray | None = None) -> np.ndarray:
        """The values of the marked words (or of those selected by ``where``)."""
        if marked.lexicon is not self._lexicon:
            self._lexicon, self._values = marked.lexicon, np.zeros(0, dtype=np.int64)
        names = marked.lexicon.names
        if len(self._values) < len(names):
            added = np.asarray(self.value(names[len(self._values) :]), dtype=np.int64)
            self._values = np.concatenate((self._values, added))
        return self._values[marked.ids if where is None else marked.ids[where]]


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
    _, kind_of, length_of = lexicon.arrays()
    token = np.asarray(ids, dtype=np.intp)
    kinds = kind_of[token]
    first = np.repeat(np.cumsum(counts) - counts, counts)  # each token's note's first token
    word = kinds <= _CONTRAST
    neg = _negated(kinds, first, window)
    # After "но"/"but" up to the sentence end; the contrast word itself is not flagged.
    since = _last_event((kinds == _CONTRAST) | (kinds == _SENTENCE), first)
    after = (kinds <= _NEGATOR) & (since >= 0) & (kinds[np.maximum(since, 0)] == _CONTRAST)
    marked = token[word] * 2 + neg[word]
    seen = np.concatenate(([0], np.cumsum(word)))
    bounds = seen[np.concatenate(([0], np.cumsum(counts)))]
    starts = _token_starts(texts, length_of[token], counts)
    return MarkedNotes(
        marked, after[word], bounds, lexicon, None if starts is None else starts[word]
    )


def _token_starts(
    texts: Sequence[str], lengths: np.ndarray, counts: np.ndarray
) -> np.ndarray | None:
    """Each token's offset in its note, from the token lengths alone: _TOKEN skips nothing but
    blanks (whitespace other than a line break), so the tokens laid end to end are the notes with
    their blanks removed, and the k-th character of that is the k-th non-blank of the notes."""
    try:
        codes = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), np.uint32)
    except UnicodeEncodeError:
        return None
    table = _blank_table()
    blank = np.zeros(len(codes), dtype=bool)
    low = codes < len(table)
    blank[low] = table[codes[low]]
    kept = np.flatnonzero(~blank)
    if len(kept) != int(lengths.sum()):  # cannot happen; evidence then finds the offsets itself
        return None
    sizes = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    note_start = np.cumsum(sizes) - sizes
    return kept[np.cumsum(lengths) - lengths] - np.repeat(note_start, counts)


@functools.lru_cache(maxsize=1)
def _blank_table() -> np.ndarray:
    """Per code point below the last whitespace one: whether _TOKEN skips it (\\s but not \\n)."""
    table = np.asarray([chr(c).isspace() for c in range(0x3001)], dtype=bool)
    table[ord("\n")] = False
    return table


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
