"""Content terms of a product phrase, shared by catalog entries and note mentions.

A phrase becomes the set of its lemmas minus function words and words that never tell products
apart ("услуга", "вариант", "option"). A few colloquial forms are folded into one term so that
"б/у", "бэушка", "подержанный" and "с пробегом" meet; everything else that is specific to one
catalog belongs in that catalog's synonyms, not here.
"""

from __future__ import annotations

import functools
import re

from salesmine.refusals.claim_bilingual import english_to_russian
from salesmine.refusals.claim_morphology import can_be_noun
from salesmine.text import lemmatize, part_of_speech
from salesmine.text.morphology import SHORTHAND, _english_table, _morph

# Function words and words that name no product. "без" is kept on purpose: "каско без франшизы"
# is not "каско с франшизой".
STOP_TERMS = frozenset(
    """в во на для с со по от из к ко у о об обо и или а под при за до про через как
    услуга продукт вариант возможность опция тип вид формат штука вещь программа предложение
    такой этот тот наш ваш свой их его ее весь никакой какой любой вообще также еще уже тоже
    всё все нормальный обычный сам мы вы они он она оно это то только лишь просто именно
    полноценный хороший удобный приличный адекватный нормально
    the a an any some such this that these those our your their its my we you they it
    for of with on in to and or from by at as about into
    option options feature product solution offering offer thing kind type sort something
    only just also proper decent good stuff ин
    available possible""".split()
)

# Colloquial and cross-script variants folded to one term (lemma -> term). Kept small and
# catalog-independent: the forms every Russian/English sales note uses for the same idea.
FOLDED = {
    "бу": "б/у",
    "бэушка": "б/у",
    "бэушко": "б/у",
    "бэушный": "б/у",
    "подержанный": "б/у",
    "пробег": "б/у",
    "used": "б/у",
    "preowned": "б/у",
    "подержать": "б/у",  # pymorphy3 lemmatises the participle "подержанный" to its verb
    "авто": "автомобиль",
    "машина": "автомобиль",
    "тачка": "автомобиль",
    "car": "автомобиль",
    "vehicle": "автомобиль",
    "1c": "1с",
    "срм": "crm",
    "црм": "crm",
    "onsite": "site",
    "instalment": "installment",
    "застраховать": "страховать",
    # "не возим в регионы": a verb of the note that names the product kind of the catalog
    "возить": "доставка",
    "привезти": "доставка",
    "доставлять": "доставка",
    "доставить": "доставка",
    "застраховаться": "страховать",
    "страховаться": "страховать",
}


FOLDED_PREFIXES = (("бэуш", "б/у"), ("бушн", "б/у"), ("подержан", "б/у"))
# Words of a product phrase: "б/у", "24/7", "d&o" stay whole; a hyphenated group ("трейд-ина",
# "on-site") is read part by part. A regex, not the spaCy tokenizer: catalog phrases are short
# and 100k mentions must be fast.
_GROUPS = re.compile(r"\w+(?:[/&]\w+)*(?:-\w+(?:[/&]\w+)*)*")
_WORDS = re.compile(r"\w+(?:[/&]\w+)*")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_DIGITS_C = re.compile(r"^(\d+)c$")
_ACRONYM_PLURAL = re.compile(r"^[A-Z0-9]{2,}s$")  # "IPs", "MRIs", "SIMs"
# A preposition ends a name's noun phrase: what follows is a complement ("для касс"), and an
# adjective there ("доставка в срочном порядке") is the complement's, not the name's.
NAME_LINK = re.compile(
    r"\s(?:в|во|на|для|с|со|по|от|из|к|ко|у|о|об|под|при|за|до|про|через|без|"
    r"for|with|of|in|on|to|from|at|by|without)\s",
    re.IGNORECASE,
)
# Endings stripped from a Russian word pymorphy3 does not know ("допами", "подменку", "флита"):
# its guessed lemma differs from form to form, the bare stem does not.
_ENDINGS = tuple(
    sorted(
        """иями ями ами ого его ому ему ыми ими иях ях ах ия ие ий ой ый ая яя ое ее ые ых их ую юю
        ом ем ам ям ов ев ей ью а я ы и у ю е о ь й""".split(),
        key=len,
        reverse=True,
    )
)
MIN_STEM = 3
NOUN_READING_MIN_SCORE = 0.1
_SOFT_TAIL = frozenset("аеиоуыэюяйь")
# Words that hardly tell products apart when the catalog does not use them: time, people, place
# ("рассрочка на год", "ДМС для сотрудников в регионах", "5-yr warranty"). They count at
# LOW_INFO_FACTOR of their weight, so an unexplained one does not sink a match.
LOW_INFO_TERMS = frozenset(
    """год месяц неделя день час сутки срок лето зима весна осень сотрудник работник человек
    клиент персонал штат команда город регион район область страна офис филиал раз штука шт
    единица год/лет year yr month mo week day hour staff employee people person team client
    customer city region area town country office unit time один два три четыре пять шесть семь
    восемь девять десять сто тысяча первый второй one two three four five ten""".split()
)
LOW_INFO_FACTOR = 0.25


@functools.lru_cache(maxsize=200_000)
def phrase_terms(text: str) -> frozenset[str]:
    """The content terms of a product phrase (lowercase lemmas, folded, stop words dropped)."""
    terms: set[str] = set()
    for group in _GROUPS.findall(text or ""):
        if "-" in group and not _CYRILLIC.search(group):
            group = str(_english_table().get(group.lower(), group))  # "trade-ins" -> "trade-in"
        parts = group.split("-")
        if _particle_tail(parts):
            parts = ["".join(parts)]  # "трейд-ина", "check-up": one word ("трейдин", "checkup")
        loose = False  # after an unknown first part ("трейд-ином"), read the rest as unknown too
        for k, part in enumerate(parts):
            if _capital_abbreviation(part):
                terms.add(fold(part.lower()))  # "ТО", "ОТ": not the words "то", "от"
                continue
            term, known = word_term(part, loose=loose)
            loose = loose or (k == 0 and not known)
            if len(part) == 1 and part.isalpha():
                continue  # "е-ОСАГО", "т. е.": a lone letter names nothing
            if term and term not in STOP_TERMS:
                terms.add(term)
    return frozenset(terms)


def _capital_abbreviation(part: str) -> bool:
    """ "ТО", "ОТ", "ИП" written in capitals: an abbreviation even where the lowercase word is
    a function word."""
    return 2 <= len(part) <= 6 and part.isalpha() and part.isupper()


def _particle_tail(parts: list[str]) -> bool:
    """ "trade-in", "check-up", "трейд-ина": a two-part word whose tail is a particle of one or
    two letters (after its ending) reads as one word, so it can meet "трейдин" or "чекап"."""
    if len(parts) != 2 or not all(p.isalpha() for p in parts):
        return False
    if bool(_CYRILLIC.search(parts[0])) != bool(_CYRILLIC.search(parts[1])):
        return False
    tail = parts[1].lower()
    # "roll-ups", "sign-ups": the English plural of such a word
    return len(strip_ending(tail, 2) if _CYRILLIC.search(tail) else tail.removesuffix("s")) <= 2


@functools.lru_cache(maxsize=200_000)
def word_term(word: str, *, loose: bool = False) -> tuple[str, bool]:
    """The folded lemma of one word and whether the dictionaries know the word.

    A Russian word pymorphy3 does not know ("допами", "трейд") is cut to its stem instead of a
    guessed lemma; an English one missing from spaCy's table loses a plural "s".
    """
    if _ACRONYM_PLURAL.match(word):
        word = word[:-1]
    lower = word.lower().replace("ё", "е")
    if _CYRILLIC.search(lower):
        known = lower in SHORTHAND or _morph().word_is_known(lower)
        if known and not loose:
            lemma = _noun_lemma(lower) or lemmatize(word, "ru")
        else:  # a hyphen's tail may be short: "трейд-ина" -> "трейд", "ин"
            lemma = strip_ending(lower, MIN_STEM - 1 if loose else MIN_STEM)
        return fold(lemma), known
    table = _english_table()
    known = lower in table or not lower.isalpha()
    lemma = lemmatize(word, "en") if known else _singular(lower)
    if _comparative(lower, lemma):
        lemma = lower  # "dryer", "thinner": the noun, as its plural "dryers" reads
    return fold(lemma), known


def _comparative(word: str, lemma: str) -> bool:
    """Is ``lemma`` the adjective of a comparative reading of ``word`` ("dryer" -> "dry",
    "thinner" -> "thin")? Product phrases are noun phrases, so the noun is meant."""
    if not word.endswith("er") or lemma == word:
        return False
    stem = word[:-2]
    if stem.endswith("i"):
        return lemma == stem[:-1] + "y"  # "easier" -> "easy"
    return lemma in (stem, stem + "e", stem[:-1])  # "dryer", "larger", "thinner"


def _noun_lemma(word: str) -> str:
    """The noun reading of a word when it has one ("замер" is "замер", not "замереть"): product
    phrases are noun phrases."""
    if word in SHORTHAND:
        return SHORTHAND[word]
    for parse in _morph().parse(word):
        if parse.tag.POS == "NOUN" and parse.score >= NOUN_READING_MIN_SCORE:
            return str(parse.normal_form).replace("ё", "е")
    return ""


def strip_ending(word: str, shortest: int = MIN_STEM) -> str:
    """A Russian word without its inflectional ending ("допами" -> "доп")."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= shortest:
            word = word[: -len(ending)]
            break
    # "вайфай" / "вайфая": what is left of an ending after the longest cut goes too
    while len(word) > shortest and word[-1] in _SOFT_TAIL:
        word = word[:-1]
    return word


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=200_000)
def low_info(term: str) -> bool:
    """A number, a time, a person or a place: weak evidence for or against an item."""
    return term in LOW_INFO_TERMS or term.replace("/", "").replace(",", "").isdigit()


def is_cyrillic(term: str) -> bool:
    """Is the term written in Cyrillic (transliteration compares across scripts only)?"""
    return bool(_CYRILLIC.search(term))


def initials(text: str) -> set[str]:
    """Abbreviations a phrase can stand behind: the first letters of its content words, and of
    all its words ("Строительно-монтажные риски" -> "смр", "выезжающих за рубеж" -> "взр")."""
    words = [w for w in re.split(r"[\s\-/]+", (text or "").lower()) if w[:1].isalpha()]
    content = [w for w in words if word_term(w)[0] not in STOP_TERMS]
    found = {"".join(w[0] for w in run) for run in (content, words) if 2 <= len(run) <= 6}
    # a generic head left out: "страхование выезжающих за рубеж" -> "взр"
    found |= {"".join(w[0] for w in run) for run in (content[1:], words[1:]) if 3 <= len(run) <= 6}
    return {f.replace("ё", "е") for f in found}


_EN_LINKS = frozenset("for with of in on to from at by without".split())


@functools.lru_cache(maxsize=200_000)
def head_term(text: str) -> str:
    """The term a phrase is about: its first Russian noun, abbreviation or Latin word
    ("лизинга на б/у технику" -> "лизинг", "API для разработчиков" -> "api"), or in English the
    last word before a preposition ("leasing for trucks" -> "лизинг"); "" for a stop word or a
    number."""
    words = _GROUPS.findall(text or "")  # "IP-TV", "check-up" are one word here
    if not words:
        return ""
    if any(_CYRILLIC.search(w) for w in words):
        head = next((w for w in words if _noun_like(w.split("-")[0])), words[0])
    else:
        before = next((k for k, w in enumerate(words) if w.lower() in _EN_LINKS and k), None)
        end = before or len(words)
        while end > 1 and word_term(words[end - 1])[0] in STOP_TERMS:
            end -= 1  # "seasonal payment schedule [available]"
        head = words[end - 1]
    terms = phrase_terms(head)
    term = next(iter(terms)) if len(terms) == 1 else word_term(head.split("-")[0])[0]
    return "" if term in STOP_TERMS or low_info(term) else term


def _noun_like(word: str) -> bool:
    """A Russian word that can be a noun ("замер" is also a verb), or a Latin word or an
    abbreviation in a Russian phrase ("IP-TV", "API")."""
    if not _CYRILLIC.search(word):
        return word[:1].isalpha()
    return word.isupper() or part_of_speech(word) == "NOUN" or can_be_noun(word.lower())


def fold(lemma: str) -> str:
    """A lemma in its folded form ("бэушка" -> "б/у", "1c" with a Latin c -> "1с")."""
    lemma = lemma.lower().replace("ё", "е")
    lemma = _DIGITS_C.sub(r"\1с", lemma)
    if lemma in FOLDED:
        return FOLDED[lemma]
    russian = english_to_russian().get(lemma)
    if russian:
        return fold(russian)
    # pymorphy3 does not know slang like "бэушный" and guesses odd lemmas for it.
    for prefix, term in FOLDED_PREFIXES:
        if lemma.startswith(prefix):
            return term
    return lemma
