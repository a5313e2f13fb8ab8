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
# (The leading lookahead, implied by both branches, lets the engine skip to candidate characters.)
_SENTENCE_END = re.compile(r"(?=[.!?…\n])(?:[.!?…]+[»\"')\]]*(?=\s)|\n+)")
_DATE_BEFORE = re.compile(r"\b\d{1,2}\.\d{1,2}\.?$")
_WORD_BEFORE = re.compile(r"([\w.]+)\.*$")
# The abbreviation check needs only the last few characters before a dot (see _word_before).
_ABBREVIATION_REACH = max(map(len, ABBREVIATIONS)) + 2

# The leading lookahead is what every branch needs first (a ";", "," or "-", or blanks followed by
# ";", a dash or a contrast word): the engine tests it at each blank and skips the branches.
_CLAUSE_BREAK = re.compile(
    r"(?=[;,-]|\s+(?:[;—–-]|(?:но|однако|зато|хотя|but|however|although|though|yet)\b))"
    r"(?:\s*;\s*|\s+[—–-]{1,2}\s+|\s*->\s*"
    r"|,?\s+(?=(?:но|однако|зато|хотя|but|however|although|though|yet)\b)"
    r"|,\s+(?=а\s))",
    re.IGNORECASE,
)
_MIN_CLAUSE_WORDS = 2  # what _TWO_WORDS checks: a shorter piece stays with the next one
# Whatever either pattern above needs to match; a text with none of it is one sentence and one
# clause, which is most short CRM notes (a trailing "." is not followed by a space).
_MAYBE_BREAK = re.compile(
    r"(?=[.!?…;,\s-])(?:[.!?…]+[»\"')\]]*\s|\n|;|\s[—–-]|->|,\s+а\s"
    r"|\s(?:но|однако|зато|хотя|but|however|although|though|yet)\b)",
    re.IGNORECASE,
)
_HAS_WORD = re.compile(r"\w")
_TWO_WORDS = re.compile(r"\w+\W+\w")
# How far back the abbreviation and date checks look: longer than any abbreviation or date.
_LOOK_BACK = 48


def sentences(text: str, lang: str | None = None) -> list[Span]:
    """Split ``text`` into sentences with offsets; blank pieces are dropped."""
    text = text or ""
    return [Span(text[a:b], a, b) for a, b in _sentence_bounds(text)]


def clauses(text: str, lang: str | None = None) -> list[Span]:
    """Split ``text`` into clauses (within sentences) with offsets into ``text``."""
    text = text or ""
    return [Span(text[a:b], a, b) for a, b in clause_bounds(text)]


def clause_bounds(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each clause of ``text``: ``clauses`` without building the spans."""
    if not _MAYBE_BREAK.search(text):
        return _bounds(text, 0, len(text))
    result: list[tuple[int, int]] = []
    for start, end in _split_sentences(text):
        result.extend(_clause_split(text, start, end))
    return result


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    if not _MAYBE_BREAK.search(text):
        return _bounds(text, 0, len(text))
    return _split_sentences(text)


def _split_sentences(text: str) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if _is_false_break(text, match.start(), end):
            continue
        bounds.extend(_bounds(text, start, end))
        start = end
    bounds.extend(_bounds(text, start, len(text)))
    return bounds


def _is_false_break(text: str, punct_start: int, end: int) -> bool:
    # Only a dot can follow a date or an abbreviation, or go on in lowercase (see below).
    if text[punct_start] != ".":
        return False
    following = text[end:end + 16].lstrip() or text[end:].lstrip()
    next_char = following[:1]
    # "...и т.д. клиент..." — a lowercase continuation after a dot is the same sentence.
    if next_char.islower():
        return True
    # Only the last few characters matter; a bounded slice keeps this linear in the note length.
    # The slice starts at a space (or the text's start) so that \\b and [\\w.]+ see whole words.
    low = max(0, punct_start - _LOOK_BACK)
    if low:
        space = text.find(" ", low, punct_start)
        low = space if space >= 0 else 0
    before = text[low:punct_start + 1].rstrip(".")
    # (cheap tests first: a date ends with a digit)
    if (
        next_char
        and not next_char.isupper()
        and before[-1:].isdigit()
        and _DATE_BEFORE.search(before + ".")
    ):
        return True
    return _word_before(text, low, punct_start) in ABBREVIATIONS


def _word_before(text: str, low: int, end: int) -> str:
    """What ``_WORD_BEFORE`` finds in ``text[low:end]``, lowercased without trailing dots ("" if
    nothing, or when the word is too long to be an abbreviation).

    Searched from ``low``, the pattern retried every position of every word on the way (the
    costliest step of sentence splitting); the word it finds is the trailing run of word
    characters and dots, so the last few characters are searched first. A run that fills them
    and does not end in a dot is longer than any abbreviation, whatever precedes it.
    """
    start = max(low, end - _ABBREVIATION_REACH)
    word = _WORD_BEFORE.search(text, start, end)
    if word and word.start() == start and start > low:
        if not word.group(1).endswith("."):
            return ""
        word = _WORD_BEFORE.search(text, low, end)  # (never seen: a run of dots before a dot)
    return word.group(1).lower().rstrip(".") if word else ""


def _bounds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretch without surrounding blanks, or nothing when it has no word character."""
    if not _HAS_WORD.search(text, start, end):  # (blanks are not word characters)
        return []
    piece = text[start:end]
    stripped = piece.strip()
    offset = start + len(piece) - len(piece.lstrip())
    return [(offset, offset + len(stripped))]


def _clause_split(text: str, low: int, high: int) -> list[tuple[int, int]]:
    """The clauses of the sentence ``text[low:high]``, trimmed as ``_split_sentences`` gives it."""
    # pos/endpos: the patterns see the sentence alone, as if it were the whole string.
    pieces: list[tuple[int, int]] = []
    start = low
    for match in _CLAUSE_BREAK.finditer(text, low, high):
        if not _TWO_WORDS.search(text, start, match.start()):  # fewer than _MIN_CLAUSE_WORDS
            continue
        pieces.extend(_bounds(text, start, match.start()))
        start = match.end()
    if start == low:  # not split: the sentence is already trimmed and has a word
        return [(low, high)]
    pieces.extend(_bounds(text, start, high))
    return pieces
