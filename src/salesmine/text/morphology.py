"""Lemmas for Russian (pymorphy3) and English (spaCy lookup tables), behind a word-level cache.

Measured on 2 cores, 20k short notes: spaCy's pymorphy3 lemmatizer ran 340 docs/s, a word cache in
front of pymorphy3 7,000 docs/s — vocabularies of CRM notes are small, so the cache is the design.
Without a tagger, spaCy's Russian lemmatizer leaves ambiguous words (``дома``, ``Стали``) unchanged;
we take pymorphy3's most probable parse instead.
"""

from __future__ import annotations

import functools
import re

_WORD_CACHE_SIZE = 500_000
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _morph():  # type: ignore[no-untyped-def]
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@functools.lru_cache(maxsize=1)
def _english_table():  # type: ignore[no-untyped-def]
    # The table spaCy's ``load_lookups("en", ["lemma_lookup"])`` reads, read without importing
    # spaCy (0.7 s of a run's start-up); spaCy's loader stays the fallback.
    try:
        import gzip
        import json
        from importlib import resources

        data = resources.files("spacy_lookups_data").joinpath("data", "en_lemma_lookup.json.gz")
        with gzip.open(str(data), "rt", encoding="utf-8") as handle:
            return dict(json.load(handle))
    except (ImportError, OSError, ValueError):
        from spacy.lookups import load_lookups

        return load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")


# CRM shorthand that pymorphy3 would otherwise "guess" into unrelated words ("ок" -> "около",
# "тел" -> "тело"). Only forms whose wrong guess changes the meaning are listed.
SHORTHAND = {
    "ок": "ок", "окей": "ок", "тел": "телефон", "перезв": "перезвонить", "нед": "неделя",
    "мес": "месяц", "кп": "кп", "дп": "дп", "лпр": "лпр", "тз": "тз", "смр": "смр", "дмс": "дмс",
    "осаго": "осаго", "каско": "каско", "ип": "ип", "ооо": "ооо", "т.к.": "т.к.", "т.е.": "т.е.",
    "б/у": "б/у", "бу": "б/у", "ндс": "ндс", "crm": "crm", "срм": "crm", "1с": "1с",
}


@functools.lru_cache(maxsize=_WORD_CACHE_SIZE)
def lemmatize(word: str, lang: str = "ru") -> str:
    """Lowercase lemma of one word; words in the other script keep their lowercase form.

    Russian "ё" is folded to "е" so that "всё" and "все" meet, as people type both.
    """
    lower = word.lower().replace("ё", "е")
    if lower in SHORTHAND:
        return SHORTHAND[lower]
    if _CYRILLIC.search(lower):
        parses = _morph().parse(lower)
        return parses[0].normal_form.replace("ё", "е") if parses else lower
    if lang == "en" or lower.isascii():
        return str(_english_table().get(lower, lower))
    return lower


@functools.lru_cache(maxsize=_WORD_CACHE_SIZE)
def readings(word: str) -> tuple[str, ...]:
    """Every lemma pymorphy3 reads a Russian word as, most probable first ("спора": "спор",
    "спорый", "спора"): an inflected form can belong to more than one word."""
    lower = word.lower()
    if not _CYRILLIC.search(lower):
        return (lower,)
    return _lemmas(lower) or (lower,)


@functools.lru_cache(maxsize=_WORD_CACHE_SIZE)
def noun_readings(word: str) -> tuple[str, ...]:
    """The lemmas of every noun reading of a Russian word, most probable first ("голов": "гол",
    "голова"); () for a word in another script."""
    lower = word.lower()
    return _lemmas(lower, "NOUN") if _CYRILLIC.search(lower) else ()


def _lemmas(lower: str, pos: str | None = None) -> tuple[str, ...]:
    """pymorphy3's lemmas of a lower-cased Russian word (of the readings tagged ``pos`` only,
    when given), most probable first, without repeats."""
    parses = _morph().parse(lower)
    forms = (p.normal_form.replace("ё", "е") for p in parses if pos is None or p.tag.POS == pos)
    return tuple(dict.fromkeys(forms))


@functools.lru_cache(maxsize=_WORD_CACHE_SIZE)
def part_of_speech(word: str) -> str:
    """pymorphy3's most probable POS tag for a Russian word ("VERB", "INFN", "NOUN", ...), or ""."""
    lower = word.lower()
    if not _CYRILLIC.search(lower):
        return ""
    parses = _morph().parse(lower)
    return str(parses[0].tag.POS or "") if parses else ""

