"""Tokens of a note and the product phrase next to a claim trigger, without a parser.

A product phrase is a run of nouns, adjectives, numbers and Latin words, glued by the
prepositions product names use ("лизинг на б/у технику", "интеграция с 1С", "integration with
1C"); it stops at pronouns, verbs, adverbs and punctuation. That is enough for CRM notes, where
the thing a client asked for almost always stands right next to "нет" or the negated verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from salesmine.refusals import claim_lexicon as lex
from salesmine.refusals.claim_morphology import can_be_genitive, can_be_noun
from salesmine.text import part_of_speech, tokens

NP_POS_RU = frozenset(("NOUN", "ADJF", "PRTF", "NUMR", ""))
MAX_PHRASE_WORDS = 7
NEAREST_WINDOW = 12
_QUOTES = frozenset(('"', "«", "»", "“", "”", "„", "'"))
# Oblique adjective endings that nouns hardly have ("прошлого", "новым"); not "-ие" ("страхование").
_ADJ_ENDING = re.compile(r"(ого|его|ому|ему|ых|ым|ими|ыми)$")
_GENERIC_INFINITIVES = lex.OFFER_VERBS_RU | {"купить", "приобрести", "получить", "заказать"}
# Parts of speech pymorphy3 may guess for an unknown noun ("замер" -> VERB, "тотала" -> ADJS).
_MISREAD_POS = frozenset(("VERB", "ADJS", "INFN", "PRTS", "GRND"))
NP_ADVERBS_RU = frozenset(("онлайн", "офлайн", "оффлайн"))  # "врач онлайн" names a product
GLUE = frozenset(("-", "/", "&", "+"))
_WITHOUT = frozenset(("без", "without"))
_NEED_AFTER = frozenset(("нужный", "нужно", "нужен", "нужна", "нужны", "needed", "required"))
_REFUSAL_NEG = frozenset(("не", "нельзя", "никак", "not", "n't", "never", "no"))
REFUSAL_WINDOW = 4
# After these an English word is a verb: "won't consider", "they use", "to switch".
_VERB_SLOT_EN = frozenset(
    "n't not to will wo would can ca could should i we you they he she it".split()
)


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


def note_tokens(text: str, lang: str) -> list[Tok]:
    """Tokens of a note with lowercase forms, lemmas and (Russian) parts of speech."""
    out = []
    for t in tokens(text, lang):
        low = t.text.lower().replace("ё", "е")
        pos = part_of_speech(t.text) if t.is_word else ""
        out.append(Tok(t.text, low, t.lemma.replace("ё", "е"), pos, t.start, t.end, t.is_word))
    return out


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


def _glued(toks: list[Tok], k: int) -> bool:
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


def _np_at(toks: list[Tok], k: int, lang: str) -> bool:
    """A phrase word at ``k``; any word glued by a hyphen counts ("on-site", "walk-in")."""
    if not 0 <= k < len(toks):
        return False
    if is_np_word(toks[k], lang) or _brand_after_link(toks, k, lang):
        return True
    return toks[k].word and (
        (k + 1 < len(toks) and _glued(toks, k + 1)) or (k > 0 and _glued(toks, k - 1))
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
    if _glued(toks, k):
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
        or toks[i].text in _QUOTES
        or (
            skip_leading_link
            and toks[i].low in lex.NP_LINKS_RU | lex.NP_LINKS_EN
            and not (i + 1 < len(toks) and _glued(toks, i + 1))
        )
    ):
        i += 1
    if not _np_at(toks, i, lang):
        return None
    end = i + 1
    words = 1
    k = i + 1
    segment = i  # where the words after the last preposition start
    while k < len(toks) and words < MAX_PHRASE_WORDS:
        if _np_at(toks, k, lang):
            if lang == "ru" and _case_break(toks, segment, k):
                break  # "без отсрочки платежа | клинику не рассматривают"
            words += 1
            end = k + 1
        elif _is_link(toks, k, lang) and k + 1 < len(toks) and _np_at(toks, k + 1, lang):
            segment = k + 1
        else:
            break
        k += 1
    return i, end


def _case_break(toks: list[Tok], segment: int, k: int) -> bool:
    """A second noun that cannot be a genitive after a noun starts another phrase: the noun
    chain of a product name is head + genitives ("лизинг подержанной техники")."""
    tok = toks[k]
    if tok.pos != "NOUN" or _abbreviation(tok) or _glued(toks, k - 1):
        return False
    head_before = any(t.pos == "NOUN" for t in toks[segment:k])
    return head_before and not can_be_genitive(tok.low)


def np_left(toks: list[Tok], i: int, lang: str) -> tuple[int, int] | None:
    """The product phrase ending just before token ``i``, as [a, b) or None."""
    k = i - 1
    if not _np_at(toks, k, lang):
        return None
    start = k
    words = 1
    k -= 1
    while k >= 0 and words < MAX_PHRASE_WORDS:
        if _np_at(toks, k, lang):
            words += 1
            start = k
        elif not (_is_link(toks, k, lang) and k > 0 and _np_at(toks, k - 1, lang)):
            break
        k -= 1
    return start, i


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
    numbered = len(words) > 2 and _glued(toks, span[0] + 1)  # "8-800", "24/7"
    if not numbered and not any(any(c.isalpha() for c in t.text) for t in words):
        return False
    non_products = lex.NON_PRODUCTS_RU if lang == "ru" else lex.NON_PRODUCTS_EN
    head = head_lemma(toks, span, lang)
    bare = toks[span[0]].lemma == head  # no adjective before it: "нет решения по бюджету"
    if head in non_products or (head in lex.BARE_NON_PRODUCTS and bare):
        return False
    a, b = span
    return not any(t.lemma in lex.EVALUATIVE for t in toks[a:b])


def is_anaphor(tok: Tok, lang: str) -> bool:
    """ "его", "такого", "it", "that": the product was named earlier in the note."""
    return (
        tok.lemma in (lex.ANAPHORS_RU if lang == "ru" else lex.ANAPHORS_EN)
        or tok.low in lex.ANAPHORS_EN
    )


def antecedent(toks: list[Tok], before: int, lang: str) -> tuple[int, int] | None:
    """The last product phrase introduced by "нужна / хотели / спросила, можно ли / needs /
    asked about" before ``before``."""
    # a want or a question first ("хотел X, как раньше по акции. такого нет" is X), then a
    # preposition ("про X", "без X не рассматривают, а у нас такого нет")
    strong = lex.NEED_CUES_RU | lex.ASK_VERBS_RU if lang == "ru" else lex.NEED_CUES_EN
    weak = lex.ABOUT_RU | {"без"} if lang == "ru" else frozenset(("without", "for"))
    for cues in (strong, weak):
        for k in range(before - 1, -1, -1):
            if toks[k].low in cues or toks[k].lemma in cues:
                span = phrase_after_cue(toks, k + 1, before, lang) or _needed_before(toks, k)
                if span and (toks[k].low not in _WITHOUT or _refused_after(toks, span[1])):
                    return span
    return _nearest_phrase(toks, before, lang)


def _needed_before(toks: list[Tok], k: int) -> tuple[int, int] | None:
    """ "оплата по счёту нужна", "a CRM integration is needed": the need after its object."""
    if toks[k].lemma not in _NEED_AFTER and toks[k].low not in _NEED_AFTER:
        return None
    j = k
    while j > 0 and toks[j - 1].low in ("была", "был", "было", "были", "is", "was", "очень"):
        j -= 1
    span = np_left(toks, j, "ru" if toks[k].pos else "en")
    return span if span and is_product_phrase(toks, span, "ru" if toks[k].pos else "en") else None


def _refused_after(toks: list[Tok], end: int) -> bool:
    """ "без X не рассматривают", "without X they won't": X is a condition of the deal."""
    return any(t.low in _REFUSAL_NEG for t in toks[end : end + REFUSAL_WINDOW])


def _nearest_phrase(toks: list[Tok], before: int, lang: str) -> tuple[int, int] | None:
    """The closest product phrase before ``before`` (a few words back), when no "нужна" /
    "хотели" introduced one: "предложили лизинг погрузчиков, у нас такого нет"."""
    for k in range(before - 1, max(-1, before - NEAREST_WINDOW), -1):
        if toks[k].text in (".", "!", "?", "\n"):
            return None
        span = np_left(toks, k + 1, lang) if _np_at(toks, k, lang) else None
        if span and lang == "en" and span[0] > 0 and toks[span[0] - 1].low in _VERB_SLOT_EN:
            continue  # "they won't consider us": a verb, which English words do not show
        if span and is_product_phrase(toks, span, lang) and toks[span[0]].pos != "NPRO":
            start = span[0]
            if start > 0 and toks[start - 1].low in ("в", "во", "на", "у", "при", "о", "об"):
                continue  # "в другой компании": a place
            return span
    return None


def _own_place_at(toks: list[Tok], j: int) -> bool:
    """ "в полисе", "в программе": where a question looks, not what it asks for."""
    return toks[j].low == "в" and j + 1 < len(toks) and toks[j + 1].lemma in lex.OWN_PLACES_RU


def phrase_after_cue(toks: list[Tok], j: int, end: int, lang: str) -> tuple[int, int] | None:
    """The thing asked about or wanted, after "про", "ли", "у нас", "в полисе"; a verb may start
    it ("можно ли оплатить частями")."""
    skip = lex.QUESTION_SKIP_RU if lang == "ru" else lex.QUESTION_SKIP_EN
    while j < end and (toks[j].low in skip or toks[j].text in _QUOTES or _own_place_at(toks, j)):
        j += 2 if _own_place_at(toks, j) else 1
    if j + 1 < end and toks[j].pos == "INFN" and toks[j].lemma in _GENERIC_INFINITIVES:
        j += 1  # "можно ли оформить КАСКО": the product is what follows
    span = np_right(toks, j, lang, skip_leading_link=True)
    if span is None and j + 1 < end and toks[j].pos == "INFN":
        rest = np_right(toks, j + 1, lang)
        span = (j, rest[1]) if rest else None
    if span is None or span[1] > end:
        return None
    return span if is_product_phrase(toks, span, lang) else None
