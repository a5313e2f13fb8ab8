"""Tokens of a note and the product phrase next to a claim trigger, without a parser.

A product phrase is a run of nouns, adjectives, numbers and Latin words, glued by the
prepositions product names use ("лизинг на б/у технику", "интеграция с 1С", "integration with
1C"); it stops at pronouns, verbs, adverbs and punctuation. That is enough for CRM notes, where
the thing a client asked for almost always stands right next to "нет" or the negated verb.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from salesmine.refusals import claim_lexicon as lex
from salesmine.refusals.claim_morphology import can_be_genitive, can_be_noun
from salesmine.text import part_of_speech, tokens
from salesmine.text.morphology import _morph
from salesmine.text.tokenizer import Token

NP_POS_RU = frozenset(("NOUN", "ADJF", "PRTF", "NUMR", ""))
MAX_PHRASE_WORDS = 7
QUOTES = frozenset(('"', "«", "»", "“", "”", "„", "'"))
# Oblique adjective endings that nouns hardly have ("прошлого", "новым"); not "-ие" ("страхование").
_ADJ_ENDING = re.compile(r"(ого|его|ому|ему|ых|ым|ими|ыми)$")
# Parts of speech pymorphy3 may guess for an unknown noun ("замер" -> VERB, "тотала" -> ADJS).
_MISREAD_POS = frozenset(("VERB", "ADJS", "INFN", "PRTS", "GRND"))
NP_ADVERBS_RU = frozenset(("онлайн", "офлайн", "оффлайн"))  # "врач онлайн" names a product
GLUE = frozenset(("-", "/", "&", "+"))


# English verbs of offering in their base form stay themselves whatever the lookup table says.
_BASE_VERBS_EN = lex.OFFER_VERBS_EN | lex.PRODUCT_VERBS


@dataclass(frozen=True)
class Tok:
    """A token with what the claim rules look at."""

    text: str
    low: str  # lowercase, ё -> е
    lemma: str
    pos: str  # pymorphy3 POS for Russian words, "" otherwise
    start: int
    end: int
    word: bool


_SHORTHAND_EN = {"w/": "with", "w/o": "without"}


# The rules read a note's tokens (``note_tokens``) and the claim classifier its lemmas
# (``claim_classifier.note_features``), one after the other: the tokens of the last few notes
# are kept so each note goes through spaCy once. (Callers never change them: a tuple.)
@functools.lru_cache(maxsize=8)
def text_tokens(text: str, lang: str) -> tuple[Token, ...]:
    """``text.tokens`` of a note."""
    return tuple(tokens(text, lang))


def note_tokens(text: str, lang: str) -> list[Tok]:
    """Tokens of a note with lowercase forms, lemmas and (Russian) parts of speech."""
    out = []
    for t in text_tokens(text, lang):
        low = t.text.lower().replace("ё", "е")
        pos = part_of_speech(t.text) if t.is_word else ""
        lemma = t.lemma.replace("ё", "е")
        if "ё" in t.text.lower():
            lemma, pos = _yo_reading(t.text.lower(), lemma, pos)
        elif low in _BASE_VERBS_EN:
            lemma = low  # the lookup table reads "rent" as "rend"
        elif low in _SHORTHAND_EN:  # "w/ AgroDrone", "w/o VAT": the prepositions themselves
            low = lemma = _SHORTHAND_EN[low]
        out.append(Tok(t.text, low, lemma, pos, t.start, t.end, t.is_word))
    return out


@functools.lru_cache(maxsize=20_000)
def _yo_reading(word: str, lemma: str, pos: str) -> tuple[str, str]:
    """A word written with "ё" is read with it: "берёте" is "брать", while "берете" (ё folded)
    reads as the noun "берет"."""
    parses = _morph().parse(word)
    if not parses:
        return lemma, pos
    return parses[0].normal_form.replace("ё", "е"), str(parses[0].tag.POS or "")


def is_np_word(tok: Tok, lang: str) -> bool:
    """Can ``tok`` be part of a product phrase?"""
    if not tok.word:
        return False
    if lang == "ru" or tok.pos:
        noun_like = (
            tok.pos in NP_POS_RU
            or tok.low in NP_ADVERBS_RU
            or _abbreviation(tok)
            or (tok.pos in _MISREAD_POS and can_be_noun(tok.low))
        )
        return noun_like and tok.lemma not in lex.NP_STOP_RU and tok.low not in lex.NP_STOP_EN
    return tok.low not in lex.NP_STOP_EN and tok.lemma not in lex.NP_STOP_EN


def glued(toks: list[Tok], k: int) -> bool:
    """A hyphen or slash written without spaces between two words ("on-site", "шкафы-купе")."""
    tok = toks[k]
    return (
        tok.text in GLUE
        and 0 < k < len(toks) - 1
        and toks[k - 1].end == tok.start
        and toks[k + 1].start == tok.end
    )


def _abbreviation(tok: Tok) -> bool:
    """ "АУ", "ДМС", "CRM": an uppercase short token is a name whatever pymorphy3 guesses."""
    return 2 <= len(tok.text) <= 6 and tok.text.isupper()


def np_at(toks: list[Tok], k: int, lang: str) -> bool:
    """A phrase word at ``k``; any word glued by a hyphen counts ("on-site", "walk-in")."""
    if not 0 <= k < len(toks):
        return False
    if is_np_word(toks[k], lang) or _brand_after_link(toks, k, lang):
        return True
    return toks[k].word and (
        (k + 1 < len(toks) and glued(toks, k + 1)) or (k > 0 and glued(toks, k - 1))
    )


def _brand_after_link(toks: list[Tok], k: int, lang: str) -> bool:
    """ "интеграция с Мой склад", "with MyWarehouse": a capitalised name after a preposition
    belongs to the phrase even when it looks like a pronoun."""
    tok = toks[k]
    return (
        k > 0
        and tok.word
        and tok.text[:1].isupper()
        and toks[k - 1].low in (lex.NP_LINKS_RU if lang == "ru" else lex.NP_LINKS_EN)
        and toks[k - 1].low not in ("и", "and")
    )


def _is_link(toks: list[Tok], k: int, lang: str) -> bool:
    links = lex.NP_LINKS_RU if lang == "ru" else lex.NP_LINKS_EN
    if glued(toks, k):
        return True
    # "на 1-2 млн", "for 3 years": an amount or a term qualifies, it does not name a product.
    amount = (
        k + 1 < len(toks)
        and toks[k + 1].text[:1].isdigit()
        and not re.search(r"[^\W\d_]", toks[k + 1].text)
    )
    # "гибрида в линейке": "в линейке / в продаже" says where it is missing, not what
    own_place = (
        toks[k].low in ("в", "во") and k + 1 < len(toks) and toks[k + 1].lemma in lex.OWN_PLACES_RU
    )
    return toks[k].low in links and not amount and not own_place


def np_right(
    toks: list[Tok], i: int, lang: str, *, skip_leading_link: bool = False
) -> tuple[int, int] | None:
    """The product phrase starting at token ``i`` (determiners skipped), as [a, b) or None."""
    while i < len(toks) and (
        toks[i].low in lex.DETERMINERS_EN
        or toks[i].lemma in ("такой", "никакой")
        or toks[i].text in QUOTES
        or (
            skip_leading_link
            and toks[i].low in lex.NP_LINKS_RU | lex.NP_LINKS_EN
            and not (i + 1 < len(toks) and glued(toks, i + 1))
        )
    ):
        i += 1
    if not np_at(toks, i, lang):
        return None
    end = i + 1
    words = 1
    k = i + 1
    segment = i  # where the words after the last preposition start
    while k < len(toks) and words < MAX_PHRASE_WORDS:
        if lang == "en" and (_time_after(toks, k) or _because_at(toks, k)):
            break  # "offline mode | last year", "pagoda tents | b/c the site shows..."
        if np_at(toks, k, lang):
            if lang == "ru" and _case_break(toks, segment, k):
                break  # "без отсрочки платежа | клинику не рассматривают"
            if toks[k].lemma in _REPLIES:
                break  # "про лизинг техники | ответа не было"
            words += 1
            end = k + 1
        elif _is_link(toks, k, lang) and k + 1 < len(toks) and np_at(toks, k + 1, lang):
            segment = k + 1
        else:
            break
        k += 1
    return i, end


# Words about the conversation itself, which never continue a product's name.
_REPLIES = frozenset(
    "ответ вопрос звонок комментарий реакция answer response reply question call".split()
)
_TIME_EN = frozenset(
    "year month week quarter summer winter spring fall autumn time season yr".split()
)


def _because_at(toks: list[Tok], k: int) -> bool:
    """ "b/c" (because) written as three tokens: a reason follows, not more of the product."""
    lows = [t.low for t in toks[k : k + 3]]
    return lows == ["b", "/", "c"]


def _time_after(toks: list[Tok], k: int) -> bool:
    """ "last year", "this quarter", "next month": a time, not part of the product."""
    return (
        toks[k].low in ("last", "next", "this", "that")
        and k + 1 < len(toks)
        and toks[k + 1].lemma in _TIME_EN
    )


def _case_break(toks: list[Tok], segment: int, k: int) -> bool:
    """A second noun that cannot be a genitive after a noun starts another phrase: the noun
    chain of a product name is head + genitives ("лизинг подержанной техники")."""
    tok = toks[k]
    if tok.pos != "NOUN" or _abbreviation(tok) or glued(toks, k - 1):
        return False
    head_before = any(t.pos == "NOUN" for t in toks[segment:k])
    return head_before and not can_be_genitive(tok.low)


def np_left(toks: list[Tok], i: int, lang: str) -> tuple[int, int] | None:
    """The product phrase ending just before token ``i``, as [a, b) or None."""
    k = i - 1
    if not np_at(toks, k, lang):
        return None
    start = k
    words = 1
    k -= 1
    while k >= 0 and words < MAX_PHRASE_WORDS:
        if np_at(toks, k, lang):
            if lang == "ru" and _left_case_break(toks, k, start, i):
                break  # "в другой компании | лизинг погрузчиков"
            words += 1
            start = k
        elif not (_is_link(toks, k, lang) and k > 0 and np_at(toks, k - 1, lang)):
            break
        k -= 1
    return _past_source(toks, start, i), i


# Articles and possessives between a link and its noun ("on the terrace", "with their SOC").
LINKED_ARTICLES_EN = frozenset(("a", "an", "the", "their", "its", "our", "your"))


# "по словам Олега", "по мнению клиента", "по данным ...": whose words, not the thing
_EVIDENTIAL = frozenset(("слово", "мнение", "данные", "информация", "словам"))


def _past_source(toks: list[Tok], start: int, end: int) -> int:
    """Where a phrase starts once a leading "по словам Олега" is dropped."""
    if start == 0 or toks[start - 1].low != "по" or toks[start].lemma not in _EVIDENTIAL:
        return start
    j = start + 1
    while j < end - 1 and (
        toks[j].text[:1].isupper()
        and not toks[j].text.isupper()
        or toks[j].lemma in lex.CLIENT_NOUNS_RU
    ):
        j += 1
    return j


def _left_case_break(toks: list[Tok], k: int, start: int, end: int) -> bool:
    """A noun at ``k`` before a phrase whose first noun cannot be a genitive belongs to
    another phrase: "компании | лизинг погрузчиков" (but "лизинг | погрузчиков")."""
    if toks[k].pos != "NOUN" or k + 1 != start or glued(toks, k + 1):
        return False  # (after a preposition any case goes: "кредиты на машину")
    first = next((j for j in range(start, end) if toks[j].pos == "NOUN"), None)
    if first is None or _abbreviation(toks[first]) or glued(toks, first - 1):
        return False
    return not can_be_genitive(toks[first].low)


def phrase_text(text: str, toks: list[Tok], span: tuple[int, int]) -> str:
    """The phrase exactly as written in the note."""
    return text[toks[span[0]].start : toks[span[1] - 1].end]


def head_lemma(toks: list[Tok], span: tuple[int, int], lang: str) -> str:
    """The word a phrase is about: the first noun (ru), the last word before a link (en)."""
    a, b = span
    if lang == "ru":
        for k in range(a, b):
            tok = toks[k]
            # "прошлого года": pymorphy3 may read an adjective form as a substantivised noun.
            adjectival = _ADJ_ENDING.search(tok.low) and k + 1 < b and toks[k + 1].pos == "NOUN"
            if (tok.pos == "NOUN" and not adjectival) or not tok.pos:
                return tok.lemma
        return toks[a].lemma
    k = a
    while k + 1 < b and not _is_link(toks, k + 1, lang):
        k += 1
    return toks[k].lemma


def is_product_phrase(toks: list[Tok], span: tuple[int, int] | None, lang: str) -> bool:
    """False for "нет бюджета", "no decision maker", "нет нормального сервиса", "с прошлого
    года"."""
    if span is None:
        return False
    words = toks[span[0] : span[1]]
    numbered = len(words) > 2 and glued(toks, span[0] + 1)  # "8-800", "24/7"
    if not numbered and not any(any(c.isalpha() for c in t.text) for t in words):
        return False
    if _repeated_noun(words):
        return True  # "день в день не возим": a set phrase naming a service's terms
    non_products = lex.NON_PRODUCTS_RU if lang == "ru" else lex.NON_PRODUCTS_EN
    head = head_lemma(toks, span, lang)
    bare = toks[span[0]].lemma == head  # no adjective before it: "нет решения по бюджету"
    named = lang == "en" and span[1] - span[0] > 1 and toks[span[1] - 1].text[:1].isupper()
    # "нет скидки", "скидку на второй год не даём" are price terms; "скидок для НКО нет",
    # "nonprofit discount" name a condition for someone, which the company may offer
    qualifiers = lex.QUALIFIED_PRODUCTS.get(head, frozenset())
    qualified = head in lex.QUALIFIED_PRODUCTS and (
        any(t.low in qualifiers for t in words) or toks[span[0]].lemma != head
    )
    bare = bare and not qualified
    if not named and (head in non_products or (head in lex.BARE_NON_PRODUCTS and bare)):
        return False  # ("SAP Business One" is a name)
    a, b = span
    # (English by the word as written: "goods" is not "good")
    return not any((t.lemma if lang == "ru" else t.low) in lex.EVALUATIVE for t in toks[a:b])


def _repeated_noun(words: list[Tok]) -> bool:
    """ "день в день", "дверь в дверь": one noun twice around "в" is a set phrase naming how a
    service is done (same-day, door-to-door), though "день" alone names no product."""
    return (
        len(words) == 3
        and words[1].low in ("в", "во")
        and words[0].pos == "NOUN"
        and words[0].low == words[2].low
    )
