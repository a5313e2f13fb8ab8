"""Words a claim's phrase picked up at its edges that name no product.

The rules cut a phrase between a negation and the end of a clause, so it often starts with the
words around it ("[told HR] webinars", "[abt] LTR", "[закупщицы] трейдина") or ends with what
the sentence says about the product ("e-signature [built in]", "антикор [днища]", "HR dashboards
[w/ attendance]"). ``edge_trims`` lists the shorter runs left when such words are dropped; a run
counts only when the catalog names it exactly (``mention_match``), so "Damon braces" never
becomes "braces": a name or a number is never dropped.
"""

from __future__ import annotations

import functools
import re

from salesmine.text.morphology import _morph

# Russian parts of speech that never start a product's name. A person is not dropped:
# "фотографа [на прощание]" asks for the photographer.
_RU_FUNCTION_POS = frozenset("VERB INFN PRTS GRND ADVB PREP CONJ PRCL NPRO INTJ PRED".split())
# After the product, a verb, a participle or a conjunction starts what the note says about it
# ("доставка [включённая в цену]"). Prepositions are left to ``mention_match``: "КАСКО [на
# мотоциклы]" and "КАСКО [без франшизы]" are other products.
_RU_TAIL_POS = (_RU_FUNCTION_POS - {"PREP"}) | {"PRTF"}
# English words a note puts before a product: who said it, how, and function words.
_EN_LEAD = frozenset(
    """told tell tells said say says asked ask asks assumed assume thinks think thought heard
    believe believes believed
    wanted want wants need needs needed fix offer offers offered provide provides do does did
    have has had get gets got sell sells no not out abt about re any some the a an our their
    your its also even still client clients customer customers rep reps he she they them we
    hr ops pm dm procurement buyer buyers team that which who w/o without
    competitor competitors rival rivals quoted quote quotes mentioned""".split()
)
# English words after a product that start a remark about it, not its name.
_EN_TAIL = frozenset(
    """for with of in on to from at by w/ via built included includes in-house anymore either
    too yet only at all as per and or between alongside including besides except""".split()
)
# English words after a product that only say how or how much ("filters [separately]",
# "crowns [altogether]", "audits [either]"): never part of a name, unlike a preposition that
# may start another product's qualifier ("insurance [for pets]"). Any word in "-ly" too.
_EN_TAIL_REMARK = frozenset(
    """altogether anymore either too yet instead separately right enough whatsoever at all
    etc really ourselves themselves yourselves itself myself out here there now anyway""".split()
)
# Russian parts of speech after a product that start a remark, never a qualifier: a verb, a
# participle, an adverb ("доставку [включённую в цену]", "грунтовку [вообще]"). Not a
# conjunction: "фото [и видео]" may be the other half of what is missing.
_RU_REMARK_POS = frozenset("VERB INFN PRTS PRTF GRND ADVB PRCL INTJ PRED".split())
_WORD = re.compile(r"\S+")


def edge_trims(mention: str) -> list[str]:
    """Shorter runs of ``mention``'s words after dropping droppable edge words, longest first
    (a run keeps at least one word; the whole phrase is not among them)."""
    return _trims(mention, _starts_tail)


def remark_trims(mention: str) -> list[str]:
    """The runs of ``edge_trims`` that drop only words which never qualify a product: who said
    it and how before it, a verb, adverb or particle after it ("[told them] gutter cleaning",
    "filters [separately]") — not a genitive or a preposition, which may make another
    product ("хранение [автомобилей]", "insurance [for pets]"). Such a run may be matched less
    than exactly (``mention_match``)."""
    return _trims(mention, _starts_remark)


def _trims(mention: str, starts_tail) -> list[str]:  # type: ignore[no-untyped-def]
    """Runs of ``mention`` without its droppable lead words and/or a tail from a word
    ``starts_tail`` accepts, longest first."""
    words = _WORD.findall(mention)
    n = len(words)
    if n < 2:
        return []
    leads = 0
    # a sentence starts with a capital: "Competitor quoted X" (later capitals may be names)
    while leads < n - 1 and _droppable_lead(words[leads], first=leads == 0):
        leads += 1
    tail_starts = [
        k
        for k in range(1, n)
        if starts_tail(words[k])
        or (starts_tail is _starts_remark and _postposed(words, k))
        or (starts_tail is _starts_tail and _genitive_phrase(words, k))
    ]
    runs = []
    for start in range(leads + 1):
        for end in [n, *tail_starts]:
            run = words[start:end]
            if run and (start, end) != (0, n) and _names_something(run):
                runs.append(" ".join(run))
    return sorted(dict.fromkeys(runs), key=lambda run: -len(run.split()))


def _starts_remark(word: str) -> bool:
    clean = word.strip(".,:;!?\"'«»()").lower()
    if not clean or any(ch.isdigit() for ch in clean):
        return False
    if _is_cyrillic(clean):
        return _ru_pos(clean) in _RU_REMARK_POS
    return clean in _EN_TAIL_REMARK or (clean.endswith("ly") and len(clean) > 4)


def _postposed(words: list[str], k: int) -> bool:
    """A Russian adjective after the noun it agrees with, ending the phrase: what kind or how
    good the client wants it ("тюльпанов [голландских]", "аварийки [круглосуточной]"). Not
    one before its own noun ("подбор [домашнего персонала]", "пробники [новой линии]")."""
    if k != len(words) - 1:
        return False
    adjective = _clean(words[k])
    noun = _clean(words[k - 1])
    if not (_is_cyrillic(adjective) and _is_cyrillic(noun)):
        return False
    return _agrees(noun, adjective)


def _genitive_phrase(words: list[str], k: int) -> bool:
    """A Russian adjective starting a genitive noun phrase after the product, what it is done
    to or whose it is ("огнезащиту [деревянных стропил]", "пробники [новой линии]"): it agrees
    with the genitive noun after it, not with the word before it ("шампуней лечебных")."""
    if not 0 < k < len(words) - 1:
        return False
    adjective, noun, before = _clean(words[k]), _clean(words[k + 1]), _clean(words[k - 1])
    if not (_is_cyrillic(adjective) and _is_cyrillic(noun) and _is_cyrillic(before)):
        return False
    if noun in _KIND_GENITIVES or not _agrees_in(noun, adjective, "gent"):
        return False
    return not _agrees(before, adjective)


# Genitives of kind: "МРТ [открытого типа]", "номер [первой категории]" name another product.
_KIND_GENITIVES = frozenset(
    """типа типов класса классов вида видов формата форматов категории категорий уровня сорта
    размера размеров модели серии марки""".split()
)


@functools.lru_cache(maxsize=50_000)
def _agrees_in(noun: str, adjective: str, case: str) -> bool:
    nouns = [p.tag for p in _morph().parse(noun) if p.tag.POS == "NOUN" and p.tag.case == case]
    adjectives = [
        p.tag for p in _morph().parse(adjective) if p.tag.POS == "ADJF" and p.tag.case == case
    ]
    return any(
        a.number == b.number and (a.number == "plur" or a.gender == b.gender)
        for a in nouns
        for b in adjectives
    )


def _clean(word: str) -> str:
    return word.strip(".,:;!?\"'«»()").lower()


@functools.lru_cache(maxsize=50_000)
def _agrees(noun: str, adjective: str) -> bool:
    """Some reading of ``adjective`` (an ADJF) agrees in case and number with some noun reading
    of ``noun``."""
    nouns = [p.tag for p in _morph().parse(noun) if p.tag.POS == "NOUN"]
    adjectives = [p.tag for p in _morph().parse(adjective) if p.tag.POS == "ADJF"]
    return any(
        a.case == b.case and a.number == b.number and (a.number == "plur" or a.gender == b.gender)
        for a in nouns
        for b in adjectives
    )


def _names_something(run: list[str]) -> bool:
    """A run that is not all edge words and does not end on a preposition ("доков [для]")."""
    last = run[-1].strip(".,:;!?\"'«»()").lower()
    ends_open = last in _EN_TAIL or (_is_cyrillic(last) and _ru_pos(last) == "PREP")
    return not ends_open and not all(_droppable_lead(word) for word in run)


def _droppable_lead(word: str, *, first: bool = False) -> bool:
    clean = word.strip(".,:;!?\"'«»()").lower()
    if not clean or any(ch.isdigit() for ch in clean):
        return False
    if _is_cyrillic(clean):
        return _ru_pos(clean) in _RU_FUNCTION_POS
    capital = word[:1].isupper() and not (first and word[1:].islower())
    return clean in _EN_LEAD and not capital or clean in {"hr", "pm", "dm"}


def _starts_tail(word: str) -> bool:
    clean = word.strip(".,:;!?\"'«»()").lower()
    if not clean or any(ch.isdigit() for ch in clean):
        return False
    if _is_cyrillic(clean):
        return _ru_pos(clean) in _RU_TAIL_POS or _is_genitive_noun(clean)
    return clean in _EN_TAIL or clean.endswith("ed")


def _is_cyrillic(word: str) -> bool:
    return any("а" <= ch <= "я" or ch == "ё" for ch in word)


@functools.lru_cache(maxsize=50_000)
def _ru_pos(word: str) -> str:
    parse = _morph().parse(word)
    return str(parse[0].tag.POS) if parse else ""


@functools.lru_cache(maxsize=50_000)
def _is_genitive_noun(word: str) -> bool:
    """A noun whose best reading is genitive: what the product is done to ("антикор [днища]")."""
    parse = _morph().parse(word)
    return bool(parse) and parse[0].tag.POS == "NOUN" and parse[0].tag.case == "gent"
