"""What pymorphy3 can say about one Russian word beyond its lemma: can it be a noun, a
genitive, a person? Cached per word; notes repeat their vocabulary."""

from __future__ import annotations

import functools
import re

from salesmine.text.morphology import _morph  # the text layer's one analyzer per process

NOUN_PARSE_MIN_SCORE = 0.1


@functools.lru_cache(maxsize=100_000)
def can_be_noun(word: str) -> bool:
    """Does pymorphy3 allow ``word`` to be a noun ("замер" is both "measurement" and "froze")?"""
    return any(
        p.tag.POS == "NOUN" and p.score >= NOUN_PARSE_MIN_SCORE for p in _morph().parse(word)
    )


@functools.lru_cache(maxsize=100_000)
def is_person_noun(word: str) -> bool:
    """An animate noun ("завхоз", "бухгалтер", "Соколов"): someone who can speak in a note."""
    parse = _morph().parse(word)[0] if word else None
    return bool(parse and parse.tag.POS == "NOUN" and "anim" in parse.tag)


@functools.lru_cache(maxsize=100_000)
def is_personal_name(word: str) -> bool:
    """Is a Russian word most probably a first name, surname or patronymic ("Ковалёва",
    "Тимур", "Игоря")?"""
    if not re.search(r"[а-яё]", word, re.IGNORECASE):
        return False
    parse = _morph().parse(word)[0]  # (a guess for an unknown word is no evidence: "Кофемашина")
    return parse.is_known and bool({"Name", "Surn", "Patr"} & set(parse.tag.grammemes))


@functools.lru_cache(maxsize=100_000)
def can_be_genitive(word: str) -> bool:
    """Can ``word`` be a genitive (or indeclinable) noun: "лизинг [подержанной техники]"?"""
    if not _morph().word_is_known(word):
        return True  # "автокаско", "допов": an unknown word's guessed case proves nothing
    parses = _morph().parse(word)
    return not parses or any(
        "gent" in p.tag or "Fixd" in p.tag or p.tag.POS not in ("NOUN", "ADJF", "PRTF")
        for p in parses
        if p.score >= NOUN_PARSE_MIN_SCORE
    )


@functools.lru_cache(maxsize=100_000)
def can_be_object(word: str) -> bool:
    """Can ``word`` be the object of "не делаем" / "не даём" (accusative or genitive), rather
    than only a recipient ("клиентам") or an instrument? Unknown words can."""
    if not _morph().word_is_known(word):
        return True
    return any(
        "accs" in p.tag or "gent" in p.tag or "Fixd" in p.tag or "nomn" in p.tag
        for p in _morph().parse(word)
        if p.score >= NOUN_PARSE_MIN_SCORE
    )


@functools.lru_cache(maxsize=100_000)
def only_dative(word: str) -> bool:
    """Can ``word`` only be a dative ("бизнесу", "клиентам") — to whom, never what ("выкупом"
    of "выкупом не занимаемся" is instrumental, and is the thing)?"""
    if not _morph().word_is_known(word):
        return False
    parses = [p for p in _morph().parse(word) if p.score >= NOUN_PARSE_MIN_SCORE]
    cases = {
        c for p in parses for c in ("datv", "accs", "gent", "nomn", "ablt", "Fixd") if c in p.tag
    }
    return cases == {"datv"}
