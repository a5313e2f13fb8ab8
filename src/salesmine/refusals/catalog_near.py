"""The catalog terms near a mention's term: the same word, the same stem or root, a relational
adjective ("кадр" ~ "кадровый"), the other script ("трейд" ~ "trade"), a typo, a compound part
("атака" ~ "кибератака"), or a shortening ("auth" ~ "authentication", "mgr" ~ "manager")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from salesmine.refusals.catalog_spelling import CYRILLIC_TO_LATIN, spoken_latin
from salesmine.refusals.catalog_stems import STEM_LENGTH, root, stem
from salesmine.refusals.catalog_terms import (
    is_cyrillic,
    strip_ending,
)
from salesmine.refusals.claim_bilingual import skeleton
from salesmine.refusals.claim_morphology import is_person_noun
from salesmine.text.morphology import readings

if TYPE_CHECKING:
    from salesmine.refusals.catalog_index import CatalogIndex

MIN_COMPOUND_PART = 5
STEM_SIMILARITY = 0.85
# Same first letters is a stem only when they are most of the shorter word ("выезд" ~
# "выездной"), not a shared prefix of two compounds ("видеоконсультация" / "видеоконференция").
STEM_SLACK = 2  # "поставка" is not "постановка"
TRANSLIT_SIMILARITY = 0.9  # "трейд" ~ "trade": the same word in the other script
ROOT_SIMILARITY = 0.7  # "платить" ~ "оплата": the same root under a prefix
COMPOUND_SIMILARITY = 0.75  # "атака" ~ "кибератака", "потребкредит" ~ "кредит"
FUZZY_CUTOFF = 86  # rapidfuzz ratio (0-100) for a typo'd term to count at all
FUZZY_CUTOFF_SHORT = 80  # one typo in a five-letter word is a ratio of 80
SHORT_WORD = 6
MIN_FUZZY_LENGTH = 5
SHORTENED_SIMILARITY = 0.8  # "auth" for "authentication", "mgr" for "manager"
MIN_SHORTENED = 3
MAX_SHORTENED = 6


def near_terms(index: CatalogIndex, term: str) -> dict[str, float]:
    """``term`` itself when the catalog knows it, plus same-stem (and same-root) terms; else the
    same word in the other script; else close spellings; else compound parts."""
    similar: dict[str, float] = {}
    if term in index.postings:
        similar[term] = 1.0
    for other in _other_readings(index, term):
        similar.setdefault(other, 1.0)
    for other, sim in _derived_terms(index, term).items():
        similar.setdefault(other, sim)
    for step in (
        _translit_terms,
        _spelled_acronym,
        _spoken_terms,
        _fuzzy_terms,
        _respelled_terms,
        _compound_terms,
        _shortened_terms,
    ):
        if similar and max(similar.values()) >= STEM_SIMILARITY:
            break  # (a root-level guess, "экваиринг" ~ "эквайринг" at 0.7, lets a typo try)
        for other, sim in step(index, term).items():
            similar[other] = max(similar.get(other, 0.0), sim)
    for other, sim in _also_near(index, term).items():
        similar.setdefault(other, sim)
    if term not in index.postings:
        _add_compounds_of_found(index, similar)
    return similar


def _add_compounds_of_found(index: CatalogIndex, similar: dict[str, float]) -> None:
    """ "camera" (read as "камера") is also part of the catalog's "видеокамера"."""
    for found in list(similar):
        for other, sim in _compound_terms(index, found).items():
            similar.setdefault(other, sim * similar[found])


# English words for the form a set of checks or services is sold in: "thyroid tests", "thyroid
# panel" and "thyroid screening" are one product, "women's health package" is the catalog's
# "women's health panel". Each stands for the others; the words around them tell which one.
FORM_WORDS = frozenset(("test", "panel", "package", "bundle", "screening", "checkup"))


def _also_near(index: CatalogIndex, term: str) -> dict[str, float]:
    """Catalog terms near ``term`` even when the catalog knows ``term`` itself: another form
    word ("tests" ~ "panel"), and the whole word a Russian clipped one is cut from ("лого" of
    "конверты с лого" ~ "логотип", though another entry writes "лого": clipped words are a
    habit of Russian notes)."""
    found = dict.fromkeys(_other_forms(index, term), STEM_SIMILARITY)
    if term in index.postings and is_cyrillic(term):
        for other, sim in _shortened_terms(index, term).items():
            found.setdefault(other, sim)
    return found


def _other_forms(index: CatalogIndex, term: str) -> list[str]:
    if term not in FORM_WORDS:
        return []
    return sorted(other for other in FORM_WORDS - {term} if other in index.postings)


def _spoken_terms(index: CatalogIndex, term: str) -> dict[str, float]:
    """A short Latin word of the catalog as Russian speech writes it ("айпи" ~ "ip", "есимка"
    ~ "esim"): the same word in the other script, like a transliteration."""
    found = {}
    for other in spoken_latin(term):
        if other in index.postings:
            found[other] = TRANSLIT_SIMILARITY
            index.translit_pairs.add((term, other))
    return found


def _shortened_terms(index: CatalogIndex, term: str) -> dict[str, float]:
    """A word cut short or written without vowels: "auth" ~ "authentication", "mgr" ~
    "manager", "бух" is too short. The catalog word must be clearly longer, start with the same
    letters and (without vowels) hold the short word's letters in order."""
    if not term.isalpha() or len(term) < MIN_SHORTENED or len(term) > MAX_SHORTENED:
        return {}
    found = {}
    for other in index.by_initial.get(term[0], ()):
        if len(other) < len(term) + 3 or is_cyrillic(other) != is_cyrillic(term):
            continue
        if other.startswith(term) and len(term) >= MIN_SHORTENED + 1:
            found[other] = SHORTENED_SIMILARITY
        elif _vowels(term) == 0 and other.endswith(term[-1]) and _in_order(term, other):
            found[other] = SHORTENED_SIMILARITY
    return found


def _vowels(word: str) -> int:
    return sum(c in "aeiouyаеёиоуыэюя" for c in word)


def _in_order(short: str, long: str) -> bool:
    rest = iter(long)
    return all(c in rest for c in short)


def _other_readings(index: CatalogIndex, term: str) -> list[str]:
    """The catalog's lemma of the same word form read another way: "трудовыми спорами" is
    lemmatized to "спора" (a spore), the catalog's "споры" to "спор"; both are forms of "спор"."""
    if term in index.postings:
        return []
    if not is_cyrillic(term):
        return _english_singular(index, term)
    found = [other for other in readings(term) if other != term and other in index.postings]
    return found + _without_fleeting_vowel(index, term)


MIN_SINGULAR = 3


def _english_singular(index: CatalogIndex, term: str) -> list[str]:
    """The catalog's singular of an English plural the lemma table left alone: "mics" for the
    catalog's "condenser mic" (a clipping the table does not list); "-ies" may be "-y". Not
    "-ss", "-us", "-is" ("glass", "bus", "basis")."""
    if not (term.isascii() and term.isalpha()) or not term.endswith("s"):
        return []
    if term.endswith(("ss", "us", "is")):
        return []
    cuts = [term[:-1], term[:-2]] if term.endswith("es") else [term[:-1]]
    if term.endswith("ies"):
        cuts.append(term[:-3] + "y")
    return [c for c in cuts if len(c) >= MIN_SINGULAR and c in index.postings][:1]


# Russian diminutive suffixes and what the plain word ends in instead: "рыбка" -> "рыба",
# "коробочка" -> "коробка", "пакетик" -> "пакет", "стаканчик" -> "стакан", "городок" -> "город".
_DIMINUTIVES = (
    ("очка", "ка"), ("ечка", "ка"), ("очка", "а"), ("ечка", "а"), ("онька", "а"), ("енька", "а"),
    ("чик", ""), ("ик", ""), ("ок", ""), ("ка", "а"),
)  # fmt: skip
MIN_DIMINUTIVE_BASE = 3


def _undiminished(index: CatalogIndex, term: str) -> list[str]:
    """The plain word the catalog writes for a diminutive the note uses ("корм для рыбок":
    the catalog's "рыб", lemma "рыба"). The plain word is the same thing, smaller in speech."""
    found: list[str] = []
    for suffix, plain in _DIMINUTIVES:
        base = term[: -len(suffix)]
        if term.endswith(suffix) and len(base) >= MIN_DIMINUTIVE_BASE:
            other = base + plain
            if other != term and other in index.postings and other not in found:
                found.append(other)
    return found


def _without_fleeting_vowel(index: CatalogIndex, term: str) -> list[str]:
    """A genitive plural the dictionary does not know, with its fleeting vowel: "рефок" for the
    catalog's "рефка" (kept as its stem "рефк"), "подменок" for "подменка", like "симок"."""
    if len(term) < 5 or term[-2:] not in ("ок", "ек", "ёк"):
        return []
    bare = term[:-2] + "к"
    return [other for other in (bare, bare + "а") if other in index.postings]


_AGENT_SUFFIXES = ("чик", "щик")


def _derived_terms(index: CatalogIndex, term: str) -> dict[str, float]:
    """Same stem ("выезд" ~ "выездной") or, for a word the catalog lacks, the same root under a
    prefix ("платить" ~ "оплата")."""
    found = dict.fromkeys(_same_stem(index, term), STEM_SIMILARITY)
    # a worker in -чик / -щик is named for the goods or work they handle ("грузчик" carries
    # "груз", "сварщик" does "сварка"): neither a root relative nor a diminutive ("-чик") of it
    person = (
        term not in index.postings
        and term.endswith(_AGENT_SUFFIXES)
        and is_cyrillic(term)
        and is_person_noun(term)
    )
    if term not in index.postings and root(term) and not person:
        for other in index.roots.get(root(term), ()):
            if not _other_compounds(term, other):
                found.setdefault(other, ROOT_SIMILARITY)
    for other in _relational(term):
        if other in index.postings:
            found.setdefault(other, STEM_SIMILARITY)
    if term not in index.postings and is_cyrillic(term) and not person:
        for other in _undiminished(index, term):
            found.setdefault(other, STEM_SIMILARITY)
    return found


def _same_stem(index: CatalogIndex, term: str) -> list[str]:
    """Catalog terms of ``term``'s stem that share most of the shorter word, and more than a
    combining form ("автобус" is no relative of "автобокс")."""
    if len(term) < STEM_LENGTH:
        return []
    return [
        other
        for other in index.stems.get(stem(term), ())
        if _shared_prefix(term, other) >= min(len(term), len(other)) - STEM_SLACK
        and not _other_compounds(term, other)
    ]


# Russian relational adjectives: "кадр" ~ "кадровый", "мрамор" ~ "мраморный", "склад" ~
# "складской" (short nouns the five-letter stem cannot tie).
_ADJECTIVE_SUFFIXES = ("овый", "евый", "овой", "евой", "ный", "ской", "ский", "ной")


def _relational(term: str) -> list[str]:
    if not is_cyrillic(term) or len(term) < 3:
        return []
    for suffix in _ADJECTIVE_SUFFIXES:
        if term.endswith(suffix) and len(term) - len(suffix) >= 3:
            base = term[: -len(suffix)]
            return [base, base + "ь"]
    # "ночь" ~ "ночной": a soft sign ends the noun, not the stem the adjective is built on
    base = term[:-1] if term.endswith("ь") and len(term) >= 4 else term
    return [base + suffix for suffix in _ADJECTIVE_SUFFIXES]


def _translit_terms(index: CatalogIndex, term: str) -> dict[str, float]:
    """The catalog's word in the other script with the same consonant skeleton."""
    found = {}
    for key in translit_keys(term):
        for other in index.skeletons.get(key, ()):
            if is_cyrillic(other) != is_cyrillic(term) and _same_onset(term, other):
                found[other] = TRANSLIT_SIMILARITY
                index.translit_pairs.add((term, other))
    return found


def _same_onset(term: str, other: str) -> bool:
    """A word and its transliteration begin alike: both with a vowel or both with a consonant.
    The consonant skeleton drops a leading vowel, so "уборка" would read as "break" and
    "apron" as "парная". A "y", "h" or iotated letter goes either way ("yoga", "hotel")."""
    a, b = term[:1], other[:1]
    if a in _ONSET_EITHER or b in _ONSET_EITHER:
        return True
    return (a in _VOWELS) == (b in _VOWELS)


_ONSET_EITHER = frozenset("yhйеёюя")


_TRANSLIT_ADJECTIVE = ("ический", "овый", "евый", "овой", "ный", "ской", "ский")


def translit_keys(term: str) -> set[str]:
    """Consonant skeletons a word is compared by across scripts: its own, and for a Russian
    relational adjective that of its noun ("полиуретановый" ~ "polyurethane", "лазерный" ~
    "laser")."""
    keys = {skeleton(term)}
    if is_cyrillic(term):
        for suffix in _TRANSLIT_ADJECTIVE:
            if term.endswith(suffix):
                keys.add(skeleton(term[: -len(suffix)]))
                break
    keys.discard("")
    return keys


def _fuzzy_terms(index: CatalogIndex, term: str) -> dict[str, float]:
    """Catalog words a typo away (rapidfuzz ratio); never for short words like ДМС or СМР."""
    if len(term) < MIN_FUZZY_LENGTH or not term.isalpha():
        return {}
    cutoff = FUZZY_CUTOFF_SHORT if len(term) <= SHORT_WORD else FUZZY_CUTOFF
    found = {}
    for other, ratio, _ in process.extract(
        term, index.vocab, scorer=fuzz.ratio, score_cutoff=cutoff, limit=3
    ):
        # a typo in a short word rarely hits its first letter: "балета" is not "облет"
        short = len(term) <= SHORT_WORD
        if len(other) >= MIN_FUZZY_LENGTH and (not short or other[0] == term[0]):
            found[other] = ratio / 100
            index.fuzzy_pairs.add((term, other))
    return found


MIN_RESPELLED = 4
RESPELLED_SIMILARITY = 0.88
_VOWELS = frozenset("aeiouyаеёиоуыэюя")


def _respelled_terms(index: CatalogIndex, term: str) -> dict[str, float]:
    """A consonant written once for twice or twice for once ("грип" ~ "грипп", "адресс" ~
    "адрес"): a typo of a word too short for ``_fuzzy_terms``."""
    if len(term) < MIN_RESPELLED or not term.isalpha():
        return {}
    found = {}
    for i, c in enumerate(term):
        if c in _VOWELS:
            continue
        if i + 1 < len(term) and term[i + 1] == c:
            other = term[:i] + term[i + 1 :]
        else:
            other = term[: i + 1] + c + term[i + 1 :]
        if other in index.postings and len(other) >= MIN_RESPELLED:
            found[other] = RESPELLED_SIMILARITY
            index.fuzzy_pairs.add((term, other))
    for other in _revoweled(index, term):
        found.setdefault(other, RESPELLED_SIMILARITY)
        index.fuzzy_pairs.add((term, other))
    return found


MIN_REVOWELED = 6


def _revoweled(index: CatalogIndex, term: str) -> list[str]:
    """One vowel written as another in a long word ("фэнкойл" ~ "фанкойл", "дизайнер" ~
    "дезайнер"): loanwords have no settled spelling of their vowels, and a ratio of 86 misses a
    one-letter change in a seven-letter word. Long words only, so that two real words that
    differ in one vowel ("сливы" / "славы") are not taken for each other."""
    if len(term) < MIN_REVOWELED or not term.isalpha():
        return []
    found = []
    for i, c in enumerate(term):
        if c not in _VOWELS or i == 0:
            continue
        for v in _VOWELS:
            if v == c or is_cyrillic(v) != is_cyrillic(c):
                continue
            other = term[:i] + v + term[i + 1 :]
            if other in index.postings and other not in found:
                found.append(other)
    return found


# Combining forms that begin compounds of unrelated heads: "автобус" and "автобокс",
# "электрод" and "электромобиль", "telematics" and "telephony" share only the first part.
COMBINING_FORMS = tuple(
    sorted(
        """авто электро фото видео мото аэро агро био эко теле радио гидро термо микро макро
        мини мега авиа вело кино аудио нано мульти супер само вибро
        auto electro photo video moto aero agro bio eco tele radio hydro thermo micro macro
        mini mega multi super""".split(),
        key=len,
        reverse=True,
    )
)
# Combining forms of size make another product of the word they join: a "микроавтобус" is
# no "автобус", a "minibar" no "bar".
SIZE_FORMS = ("микро", "мини", "макро", "мега", "нано", "micro", "mini", "macro", "mega", "nano")
# Letters two compounds must share past their combining form to be one word's relatives
# ("автомобиль" ~ "автомобильный"); one or two more are a coincidence ("автоБус", "автоБокс").
MIN_SHARED_HEAD = 3


def _combining(term: str) -> str:
    """The combining form ``term`` begins with, when the rest is a word of its own."""
    return next((c for c in COMBINING_FORMS if term.startswith(c) and len(term) > len(c) + 2), "")


def _other_compounds(term: str, other: str) -> bool:
    """Two words of one combining form, at least one a compound of it, whose rests differ
    ("автобус" / "автобокс", "электрод" / "электромобиль"): the shared first letters are the
    combining form's, not a stem's."""
    first = _combining(term) or _combining(other)
    return (
        bool(first)
        and term.startswith(first)
        and other.startswith(first)
        and _shared_prefix(term, other) - len(first) < MIN_SHARED_HEAD
    )


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _compound_terms(index: CatalogIndex, term: str) -> dict[str, float]:
    """Catalog compounds ending in ``term`` ("кибератака" for "атака") and catalog terms that
    end ``term`` ("кредит" in "потребкредит")."""
    if len(term) < MIN_COMPOUND_PART or not term.isalpha():
        return {}
    # "атака" ~ "кибератак" (an unknown compound is kept as its bare stem)
    tails = {term, strip_ending(term)} if is_cyrillic(term) else {term}
    found = {
        other: COMPOUND_SIMILARITY
        for tail in tails
        if len(tail) >= MIN_COMPOUND_PART - 1
        for other in index.suffixes.get(tail, ())
        if len(other) > len(tail) and not other.startswith(SIZE_FORMS)
    }
    for cut in range(2, len(term) - MIN_COMPOUND_PART + 1):
        # not after a linking vowel: "льд-о-генератор", "вод-о-нагреватель" name a kind of
        # their own (an ice maker is no generator); "потреб|кредит" shortens a word
        if term[cut:] in index.postings and not _linked(term, cut):
            found.setdefault(term[cut:], COMPOUND_SIMILARITY)
    return found


def _linked(term: str, cut: int) -> bool:
    """A Russian compound joined by a linking vowel at ``cut`` ("льдо|генератор")."""
    return is_cyrillic(term) and term[cut - 1] in "оеё" and cut >= 3


# Letter by letter: an abbreviation typed in the other script ("NDFL" for "НДФЛ", "SKUD" for
# "СКУД", "KEDO" for "КЭДО"). Letters with two readings are tried both ways.
_LATIN_LETTERS = {
    "a": "а", "b": "б", "c": "цкс", "d": "д", "e": "еэ", "f": "ф", "g": "г", "h": "х", "i": "и",
    "j": "й", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р",
    "s": "с", "t": "т", "u": "у", "v": "в", "w": "в", "y": "ы", "z": "з",
}  # fmt: skip
MAX_SPELLED = 6


def _spelled_acronym(index: CatalogIndex, term: str) -> dict[str, float]:
    """The catalog's short word spelled in the other script, letter by letter."""
    if not term.isalpha() or not 2 <= len(term) <= MAX_SPELLED:
        return {}
    if is_cyrillic(term):
        spelled = {"".join(CYRILLIC_TO_LATIN.get(c, c) for c in term)}
    else:
        spelled = {""}
        for c in term:
            spelled = {s + r for s in spelled for r in _LATIN_LETTERS.get(c, c)}
    return {other: TRANSLIT_SIMILARITY for other in spelled if other in index.postings}
