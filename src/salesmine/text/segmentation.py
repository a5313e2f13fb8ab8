"""Sentences and clauses of CRM notes and interview answers.

spaCy's rule ``sentencizer`` splits after dates such as "15.03." and abbreviations such as "тел.",
both everywhere in CRM notes, so we split with our own rules: end punctuation followed by a capital
letter (or a line break), except after known abbreviations and day.month dates.
Clauses go one level finer — at ";", dashes and contrastive conjunctions ("но", "однако", "but") —
because a note's deciding fact usually sits in one clause ("по цене ок, но без рассрочки не берут").
"""

from __future__ import annotations

import re

from salesmine.text.tokenizer import Span

# Lowercase abbreviations after which a dot does not end a sentence (ru CRM shorthand, en common).
ABBREVIATIONS = frozenset(
    """тел т к т.к т.е т.д т.п т.р тр руб млн млрд тыс г гг ул д кв им напр др пр см стр ориент
    перезв мин сек мес нед ч ооо ип зам нач ген рук отд кв.м м2 шт ед коп доп предв
    mr mrs ms dr vs etc inc ltd co jr sr st approx e.g i.e no tel""".split()
)

# A line break always ends a sentence: in CRM notes each line is usually a separate entry.
_SENTENCE_END = re.compile(r"[.!?…]+[»\"')\]]*(?=\s)|\n+")
_DATE_BEFORE = re.compile(r"\b\d{1,2}\.\d{1,2}\.?$")
_WORD_BEFORE = re.compile(r"([\w.]+)\.*$")

_CLAUSE_BREAK = re.compile(
    r"\s*;\s*|\s+[—–-]{1,2}\s+|\s*->\s*"
    r"|,?\s+(?=(?:но|однако|зато|хотя|but|however|although|though|yet)\b)"
    r"|,\s+(?=а\s)",
    re.IGNORECASE,
)
_MIN_CLAUSE_WORDS = 2


def sentences(text: str, lang: str | None = None) -> list[Span]:
    """Split ``text`` into sentences with offsets; blank pieces are dropped."""
    text = text or ""
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if _is_false_break(text, match.start(), end):
            continue
        spans.extend(_span(text, start, end))
        start = end
    spans.extend(_span(text, start, len(text)))
    return spans


def clauses(text: str, lang: str | None = None) -> list[Span]:
    """Split ``text`` into clauses (within sentences) with offsets into ``text``."""
    result: list[Span] = []
    for sentence in sentences(text, lang):
        result.extend(_split_clauses(sentence))
    return result


def _is_false_break(text: str, punct_start: int, end: int) -> bool:
    if text[punct_start] in "\n":
        return False
    before = text[:punct_start + 1]
    following = text[end:].lstrip()
    next_char = following[:1]
    if _DATE_BEFORE.search(before.rstrip(".")  + ".") and next_char and not next_char.isupper():
        return True
    word = _WORD_BEFORE.search(text[:punct_start])
    if word and text[punct_start] == "." and word.group(1).lower().rstrip(".") in ABBREVIATIONS:
        return True
    # "...и т.д. клиент..." — a lowercase continuation after a dot is the same sentence.
    return bool(next_char) and next_char.islower() and text[punct_start] == "."


def _span(text: str, start: int, end: int) -> list[Span]:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped or not re.search(r"\w", stripped):
        return []
    offset = start + piece.index(stripped[0])
    return [Span(stripped, offset, offset + len(stripped))]


def _split_clauses(sentence: Span) -> list[Span]:
    pieces: list[Span] = []
    start = 0
    text = sentence.text
    for match in _CLAUSE_BREAK.finditer(text):
        left = text[start:match.start()]
        if len(re.findall(r"\w+", left)) < _MIN_CLAUSE_WORDS:
            continue
        pieces.extend(_span(text, start, match.start()))
        start = match.end()
    pieces.extend(_span(text, start, len(text)))
    return [Span(p.text, p.start + sentence.start, p.end + sentence.start) for p in pieces]
