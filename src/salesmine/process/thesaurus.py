"""What the hand-written sales thesauri share (``english_senses``, ``russian_senses``): sets
of words for one thing (SAME) or for neighbouring things (NEAR), and how alike two words are."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

SAME = 0.8  # similarity of two words of one SAME set
NEAR = 0.4  # similarity of two words of one NEAR set


def word_sets(lines: Iterable[str]) -> list[frozenset[str]]:
    """One set per non-empty line of space-separated words."""
    return [frozenset(line.split()) for line in lines if line.strip()]


def set_similarity(
    a: str, b: str, same: Sequence[frozenset[str]], near: Sequence[frozenset[str]]
) -> float:
    """1 for the same word, SAME or NEAR for two words of one set, else 0."""
    if a == b:
        return 1.0
    if any(a in s and b in s for s in same):
        return SAME
    if any(a in s and b in s for s in near):
        return NEAR
    return 0.0
