"""Tokens with lemmas, from spaCy's blank ru/en tokenizers (no trained pipeline is needed)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from salesmine.text.language import detect_language
from salesmine.text.morphology import lemmatize

_WORD = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True)
class Token:
    """A token of a text: its surface form, lowercase lemma and character offsets."""

    text: str
    lemma: str
    start: int
    end: int
    is_word: bool


@dataclass(frozen=True)
class Span:
    """A stretch of a text (sentence, clause) with character offsets into the original."""

    text: str
    start: int
    end: int


@functools.lru_cache(maxsize=2)
def tokenizer(lang: str):  # type: ignore[no-untyped-def]
    """spaCy's rule tokenizer for ``lang``, loaded once per process."""
    import spacy

    return spacy.blank("ru" if lang == "ru" else "en").tokenizer


def normalize_text(text: str) -> str:
    """Lowercase, fold ё to е, collapse whitespace: the form used for matching."""
    # split/join, not a regex: the same whitespace (str.isspace is what \s means), 3x faster
    return " ".join((text or "").lower().replace("ё", "е").split())


def tokens(text: str, lang: str | None = None) -> list[Token]:
    """Tokens of ``text`` with lemmas; ``lang`` is detected when not given."""
    lang = lang or detect_language(text)
    found = []
    for tok in tokenizer(lang)(text or ""):
        if lang == "en" and tok.text.isupper() and ("'" in tok.text or "’" in tok.text):
            found += _shouted(tok)
        else:
            found.append(_token(tok, lang))
    return found


def _shouted(tok) -> list[Token]:  # type: ignore[no-untyped-def]
    """ "DON'T", "CAN'T": spaCy splits contractions only in lower and title case, so the
    lowercase form is split and its pieces put back on the original text."""
    pieces = []
    for part in tokenizer("en")(tok.text.lower()):
        start = tok.idx + part.idx
        lowered = _token(part, "en")
        surface = tok.text[part.idx : part.idx + len(part.text)]
        pieces.append(Token(surface, lowered.lemma, start, start + len(surface), lowered.is_word))
    return pieces


def _token(tok, lang: str) -> Token:  # type: ignore[no-untyped-def]
    is_word = bool(_WORD.search(tok.text)) and not tok.is_punct
    lemma = lemmatize(tok.text, lang) if is_word else tok.text
    return Token(tok.text, lemma, tok.idx, tok.idx + len(tok.text), is_word)


def lemmas(text: str, lang: str | None = None) -> list[str]:
    """Lowercase lemmas of the word tokens of ``text``."""
    lang = lang or detect_language(text)
    return [lemmatize(t.text, lang) for t in tokenizer(lang)(text or "") if _is_word(t)]


def lemmas_many(texts: Iterable[str], lang: str | None = None) -> list[list[str]]:
    """``lemmas`` for many texts; the language is detected per text unless given."""
    return [lemmas(text, lang) for text in texts]


def _is_word(tok) -> bool:  # type: ignore[no-untyped-def]
    return bool(_WORD.search(tok.text)) and not tok.is_punct
