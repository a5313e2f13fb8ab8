"""English abbreviations and words as Russian speech writes them.

Notes spell out what the catalog abbreviates: "айпи" (IP), "эйчар" (HR), "пиар" (PR), "сиарэм"
(CRM) are English letter names in Cyrillic; "есимка", "симка" are "eSIM", "SIM" with the
colloquial noun suffix "-ка". ``spoken_latin`` reads a Cyrillic term both ways into the Latin
words it may stand for; ``catalog_near`` keeps only those the catalog writes as an abbreviation
or a short Latin word, so an ordinary Russian word never turns into one.
"""

from __future__ import annotations

import functools

from salesmine.text.morphology import _morph

# The names of Latin letters as Russian speakers say them: English names ("ай", "пи") and the
# Russian-style ones used for Latin abbreviations too ("эр", "тэ", "дэ").
_LETTER_NAMES = {
    "эй": "a", "а": "a", "би": "b", "бэ": "b", "си": "c", "цэ": "c", "ди": "d", "дэ": "d",
    "и": "e", "е": "e", "эф": "f", "джи": "g", "гэ": "g", "эйч": "h", "аш": "h", "ай": "i",
    "джей": "j", "кей": "k", "ка": "k", "эл": "l", "эль": "l", "эм": "m", "эн": "n", "оу": "o",
    "о": "o", "пи": "p", "пэ": "p", "кью": "q", "ар": "r", "эр": "r", "эс": "s", "ти": "t",
    "тэ": "t", "ю": "u", "ви": "v", "вэ": "v", "икс": "x", "экс": "x", "уай": "y", "зед": "z",
    "зэт": "z", "зи": "z",
}  # fmt: skip
_LONGEST_NAME = max(map(len, _LETTER_NAMES))
# A lemma loses a final vowel when pymorphy3 does not know the word ("айпи" -> "айп"): the last
# name may be cut to its consonants.
_CUT_NAMES = {name.rstrip("аеиоуэюя"): letter for name, letter in _LETTER_NAMES.items()}
# Cyrillic letters as Latin ones (also catalog_near's transliteration skeletons)
CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "ch", "ш": "sh", "э": "e", "ы": "y",
    "ю": "yu", "я": "ya",
}  # fmt: skip
# "симка", "есимка", "флешка": the colloquial noun suffix, left as "к" on an unknown stem
_SUFFIXES = ("ка", "к")
MIN_LETTERS = 2
MAX_LETTERS = 6
MAX_READINGS = 8


@functools.lru_cache(maxsize=50_000)
def spoken_latin(term: str) -> frozenset[str]:
    """Latin words a Cyrillic term may be the spoken form of: letter names ("айпи" -> "ip")
    and a transliterated stem without the colloquial "-ка" ("есимк" -> "esim"). Empty for a
    word the Russian dictionary knows as it is (other than with "-ка")."""
    if not term.isalpha() or not any("а" <= c <= "я" for c in term) or len(term) > 12:
        return frozenset()
    found = set()
    if not _morph().word_is_known(term):
        found |= _letter_names(term)
    for suffix in _SUFFIXES:
        stem = term[: -len(suffix)]
        if term.endswith(suffix) and MIN_LETTERS + 1 <= len(stem) <= MAX_LETTERS:
            found.add("".join(CYRILLIC_TO_LATIN.get(c, c) for c in stem))
            break
    return frozenset(found)


def _letter_names(term: str) -> set[str]:
    """Every way ``term`` reads as a run of at least two letter names (a few at most)."""
    readings: dict[int, set[str]] = {0: {""}}
    for start in range(len(term)):
        for prefix in readings.get(start, ()):
            if len(prefix) >= MAX_LETTERS:
                continue
            for end in range(start + 1, min(len(term), start + _LONGEST_NAME) + 1):
                piece = term[start:end]
                letter = _LETTER_NAMES.get(piece)
                if letter is None and end == len(term):
                    letter = _CUT_NAMES.get(piece) if piece not in _LETTER_NAMES else None
                if letter is not None:
                    bucket = readings.setdefault(end, set())
                    if len(bucket) < MAX_READINGS:
                        bucket.add(prefix + letter)
    return {r for r in readings.get(len(term), ()) if len(r) >= MIN_LETTERS}
