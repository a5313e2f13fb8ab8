"""Crude stems and roots that tie derived catalog words together ("выезд" ~ "выездной",
"оплата" ~ "платить"), for the near-term lookups of catalog matching."""

from __future__ import annotations

STEM_LENGTH = 5


# Verb prefixes that hide a shared root: "платить" / "оплата", "служба" / "обслуживание".
_PREFIXES = (
    "пере",
    "под",
    "при",
    "про",
    "раз",
    "рас",
    "об",
    "от",
    "за",
    "по",
    "до",
    "вы",
    "на",
    "о",
    "у",
    "с",
)
MIN_ROOT_WORD = 6


def root(term: str) -> str:
    """The first four letters after a verb prefix ("оплата" -> "плат"), or "" for short words."""
    if len(term) < MIN_ROOT_WORD or not term.isalpha():
        return ""
    for prefix in _PREFIXES:
        if term.startswith(prefix) and len(term) - len(prefix) >= 4:
            return term[len(prefix) : len(prefix) + 4]
    return term[:4]


def stem(term: str) -> str:
    """A crude stem (the first letters) tying derived words: выезд ~ выездной, mobile ~ mobil."""
    return term[:STEM_LENGTH]
