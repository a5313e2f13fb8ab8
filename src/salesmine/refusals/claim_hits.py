"""What every claim rule shares: a hit, the product phrase beside a trigger, who made the claim."""

from __future__ import annotations

from dataclasses import dataclass

from salesmine.refusals import claim_lexicon as lex
from salesmine.refusals.claim_antecedents import antecedent, is_anaphor
from salesmine.refusals.claim_context import (
    COMPANY_NOUNS_RU,
    Note,
    answer_status,
    competitor_nearby,
    elided_have,
    positive_offer,
    topic,
)
from salesmine.refusals.claim_morphology import can_be_object, only_dative
from salesmine.refusals.claim_phrases import Tok, is_product_phrase, np_left, np_right
from salesmine.refusals.claim_speakers import said_by_client

Span = tuple[int, int]
SKIP_RU = frozenset(
    (
        "у",
        "вас",
        "нас",
        "вами",
        "нами",
        "даже",
        "же",
        "ведь",
        "пока",
        "сейчас",
        "больше",
        "уже",
        "вообще",
        "тоже",
        "также",
        "якобы",
        "мы",
        "вы",
        "точно",
        "совсем",
        "как",
        "таки",
        "там",
        "здесь",
        "ли",
        "к",
        "сожалению",
        "вроде",
        "кажется",
        "наверное",
        "пока",
        "еще",
        "ещё",
        "компания",
        "компании",
        "ни",
        "одного",
        "одной",
    )
)
SKIP_EN = frozenset(
    (
        "really",
        "actually",
        "currently",
        "even",
        "yet",
        "at",
        "all",
        "guys",
        "any",
        "longer",
        "unfortunately",
        "sadly",
        "still",
        "usually",
        "normally",
        "typically",
        "generally",
        "always",
        "able",
        "to",
        "be",
        "is",
        "'s",
        "are",
        "'re",
        "was",
    )
)


# "нас в списке нет", "на ОПО у нас нет лицензии": a phrase after these is not the missing thing.
# Prepositions of a place or a time: "[в их район]", "[после сдачи]" says where or when, the
# missing thing stands before it ("чистку труб после ремонта не делаем").
_PLACE_PREPOSITIONS = frozenset(
    ("в", "во", "на", "при", "о", "об", "у", "к", "по", "после", "перед", "накануне")
)
_PARTICLES = frozenset(("то", "же", "ж", "ка"))
_OWNER_WORDS = frozenset(("у", "нас", "вас", "мы", "вы", "нами", "вами", "же"))
_KIND_NOUNS = frozenset(("услуга", "опция", "продукт", "программа", "сервис", "service", "option"))
_POSSESSIVES = frozenset(("их", "его", "ее", "наш", "ваш", "мой", "свой", "этот"))


@dataclass(frozen=True)
class Hit:
    """A claim found by a rule: the phrase's token span, the trigger token, the claim's source."""

    span: Span
    trigger: int
    source: str
    context: str = ""  # a verb naming the product's kind ("страховать"), used when matching
    weak: bool = False  # a trigger the classifier must back (a verb outside the offer lists)
    listed: bool = False  # an item of a checklist: the "есть" items after it correct nothing
    verb: str = ""  # a weak rule's negated verb as written ("штукатурим")


def phrase(
    note: Note,
    right_from: int,
    left_of: int,
    skip: frozenset[str],
    *,
    after_verb: bool = False,
    prefer_left: bool = False,
) -> Span | None:
    """The product phrase after ``right_from`` or else before ``left_of`` (skipping "у вас", "мы"),
    or the antecedent of a pronoun ("у нас его нет", "такой интеграции нет"), or the other side
    of a comparison ("у конкурента есть X, у нас нет")."""
    toks, lang = note.toks, note.lang
    j = right_from
    while j < len(toks) and (toks[j].low in skip or _own_place(toks, j)):
        j += 1
    if j < len(toks) and is_anaphor(toks[j], lang) and not demonstrative(toks, j):
        return _offered_or_antecedent(note, min(right_from, left_of))
    right = None if prefer_left else np_right(toks, j, lang, skip_leading_link=after_verb)
    if right is not None and after_verb and lang == "ru":
        right = _past_recipient(toks, right)
    # "не подключаем к корпоративным полисам": after a preposition it is not the verb's object
    via_preposition = (
        right is not None
        and right[0] > 0
        and (toks[right[0] - 1].pos == "PREP" or toks[right[0] - 1].low in lex.NP_LINKS_EN)
    )
    i = _left_end(toks, left_of, skip)
    if (right is None or via_preposition) and i > 0 and is_anaphor(toks[i - 1], lang):
        return _offered_or_antecedent(note, i - 1)
    left, left_rejected = _left_phrase(toks, i, lang, existential=lang == "ru" and not after_verb)
    if left is not None and after_verb and lang == "ru" and _recipient(toks, left):
        # "оборотку у вас [малому бизнесу] не дают": to whom, the thing stands before it
        left, left_rejected = _left_phrase(toks, _left_end(toks, left[0], skip), lang)
    rejected = left_rejected or (right is not None and not is_product_phrase(toks, right, lang))
    left_first = via_preposition and (left is not None or left_rejected)
    span = right if is_product_phrase(toks, right, lang) and not left_first else left
    if span is not None and span[0] > 0 and demonstrative(toks, span[0] - 1):
        span = antecedent(toks, span[0] - 1, lang) or span
    if span is None and not rejected:
        # nothing beside the trigger: "у конкурента есть X, у нас нет", "нужна X, мы не делаем"
        span = positive_offer(note, left_of) or (lang == "ru" and elided_have(note, left_of))
        span = span or topic(note, left_of) or antecedent(toks, left_of, lang)
    span = named_as(toks, span, lang)
    return span if is_product_phrase(toks, span, lang) else None


def _offered_or_antecedent(note: Note, k: int) -> Span | None:
    """What "его" / "такого" / "it" points back to: what a competitor "has" ("у конкурента есть
    X, а у нас его убрали"), in this sentence or the one before, else the last thing wanted or
    asked about."""
    if competitor_nearby(note, k):
        span = positive_offer(note, k)
        if span:
            return span
    a, _ = note.sentence_of(k)
    if a > 0 and competitor_nearby(note, a - 1):
        # "У конкурента метки RFID на каждой простыне. У нас такого нет.": the sentence before
        span = positive_offer(note, a - 1) or (note.lang == "ru" and elided_have(note, a - 1))
        if span:
            return span
    return antecedent(note.toks, k, note.lang)


def named_as(toks: list[Tok], span: Span | None, lang: str) -> Span | None:
    """ "нет такой услуги, как выездной шиномонтаж", "no such service as X": the thing is
    named after "как" / "as"; "услуга" says only what kind it is."""
    if span is None or span[1] + 1 >= len(toks):
        return span
    k = span[1] + (toks[span[1]].text == ",")
    if k + 1 < len(toks) and toks[k].low in ("как", "as"):
        if any(t.lemma in _KIND_NOUNS for t in toks[span[0] : span[1]]):
            return np_right(toks, k + 1, lang) or span
    return span


def _recipient(toks: list[Tok], span: Span) -> bool:
    """A dative noun phrase ("малому бизнесу", "клиентам") that cannot be the verb's object."""
    if span[0] > 0 and toks[span[0] - 1].pos == "PREP":
        return False
    first = next((j for j in range(*span) if toks[j].pos == "NOUN"), None)
    return first is not None and only_dative(toks[first].low)


def _past_recipient(toks: list[Tok], span: Span) -> Span | None:
    """ "не предоставляем клиентам рассрочку": a dative "клиентам" is to whom, the object
    (accusative or genitive) comes after it."""
    if span[0] > 0 and toks[span[0] - 1].pos == "PREP":
        return span  # "не работаем с тягачами": the preposition governs the case
    first = next((j for j in range(*span) if toks[j].pos == "NOUN"), None)
    if first is None or can_be_object(toks[first].low):
        return span
    return np_right(toks, first + 1, "ru")


def _left_phrase(
    toks: list[Tok], i: int, lang: str, existential: bool = False
) -> tuple[Span | None, bool]:
    """The product phrase ending before ``i`` and whether a non-product stood there instead.

    A place phrase is stepped over once: "выездного обслуживания в их район нет".
    """
    span = np_left(toks, i, lang)
    if span is not None and existential and _missing_word_is_no_product(toks, span):
        return None, True  # "[по цене квадрата] вопросов нет": the word beside "нет" counts
    for _ in range(2):
        if span is None:
            return None, False
        if not is_product_phrase(toks, span, lang):
            return None, True
        start = span[0]
        if start > 0 and toks[start - 1].low in ("без", "without"):
            return None, True  # "без осмотра КАСКО не оформляем": a condition, not an absence
        possessive = toks[start - 1].low in _POSSESSIVES or toks[start - 1].lemma in _POSSESSIVES
        before = start - 2 if start > 1 and possessive else start - 1
        if before < 0 or toks[before].low not in _PLACE_PREPOSITIONS:
            return span, False
        rest = (start + 1, span[1])
        if possessive and toks[start].pos == "NOUN" and _starts_phrase(toks, rest, lang):
            return rest, False  # "в нашем банке | РКО для ИП": the place, then the thing
        span = np_left(toks, before, lang)  # "нас в списке нет": a place, not the missing thing
    return None, False


def _starts_phrase(toks: list[Tok], span: Span, lang: str) -> bool:
    a, b = span
    return a < b and toks[a].pos in ("NOUN", "ADJF", "") and is_product_phrase(toks, span, lang)


def _missing_word_is_no_product(toks: list[Tok], span: Span) -> bool:
    """ "по [цене квадрата] вопросов нет": nouns after a preposition with no other preposition
    among them, whose last noun, the one beside "нет", names no product."""
    words = toks[span[0] : span[1]]
    after_preposition = span[0] > 0 and toks[span[0] - 1].low in _PLACE_PREPOSITIONS
    no_link = not any(t.low in lex.NP_LINKS_RU for t in words)
    return (
        after_preposition
        and no_link
        and len(words) > 1
        and (words[-1].lemma in lex.NON_PRODUCTS_RU or words[-1].lemma == "средство")
    )


def _own_place(toks: list[Tok], j: int) -> bool:
    """ "в нашей программе", "в линейке": where the thing is missing from, not the thing;
    "вопросов по тарифам нет" is about the questions, so the place needs its "в"."""
    tok = toks[j]
    if tok.lemma in ("наш", "ваш") or tok.low in ("в", "во"):
        return True
    if tok.lemma not in lex.OWN_PLACES_RU:
        return False
    before = [t.low for t in toks[max(0, j - 2) : j]]
    return any(w in ("в", "во", "из") for w in before)


def _left_end(toks: list[Tok], i: int, skip: frozenset[str]) -> int:
    """Where a phrase before the trigger ends, past "у нас", "в линейке", "с 2026", "-то" and
    asides ("Рассрочку, к сожалению, мы не даём")."""
    while i > 0 and (
        toks[i - 1].low in skip
        or _own_place(toks, i - 1)
        or toks[i - 1].low in COMPANY_NOUNS_RU  # "X банк сейчас не даёт": the subject
        or _time_phrase_end(toks, i - 1)
        or _particle_end(toks, i - 1)
        or _parenthesis_comma(toks, i - 1, skip)
    ):
        i -= 2 if _time_phrase_end(toks, i - 1) or _particle_end(toks, i - 1) else 1
    return i


def _parenthesis_comma(toks: list[Tok], k: int, skip: frozenset[str]) -> bool:
    """A comma around an aside: "Рассрочку, к сожалению, мы не даём"."""
    if toks[k].text != ",":
        return False
    # an aside ("к сожалению", "кажется"), not the owner: "X, у нас нет" keeps its comma
    asides = skip - _OWNER_WORDS
    inside = (k + 1 < len(toks) and toks[k + 1].low in asides) or (
        k > 0 and toks[k - 1].low in asides
    )
    return inside and k > 0 and toks[k - 1].low not in _OWNER_WORDS


def _particle_end(toks: list[Tok], k: int) -> bool:
    """ "выкуп-то", "рассрочку-то": a hyphenated particle after the phrase."""
    return k > 0 and toks[k].low in _PARTICLES and toks[k - 1].text == "-"


def _time_phrase_end(toks: list[Tok], k: int) -> bool:
    """ "с 2026", "до 2025": a date phrase between the product and the verb."""
    return k > 0 and toks[k].text.isdigit() and toks[k - 1].pos == "PREP"


def demonstrative(toks: list[Tok], k: int) -> bool:
    """ "такой интеграции", "such an option": a phrase that points back to an earlier one."""
    return toks[k].lemma == "такой" or toks[k].low == "such"


def product_context(tok: Tok) -> str:
    """The verb's lemma when it names the kind of product ("страховать"), else ""."""
    return tok.lemma if tok.lemma in lex.PRODUCT_VERBS else ""


def source_of(note: Note, k: int, who: str) -> str:
    """comparison / client / manager for a claim triggered at ``k`` about ``who``'s offer."""
    if competitor_nearby(note, k):
        return "comparison"
    if who == "you" or said_by_client(note, k):
        return "client"
    return "manager"


def question_source(note: Note, k: int, source: str) -> str | None:
    """A claim phrased as a question: unanswered, answered no (kept), or answered yes (dropped)."""
    _, b = note.sentence_of(k)
    if not any(t.text == "?" for t in note.toks[k:b]):
        return source
    status = answer_status(note, note.toks[b - 1].end)
    if status == "positive":
        return None
    return "unanswered" if status in ("unanswered", "none") else source


def skip_words(toks: list[Tok], j: int, words: frozenset[str]) -> int:
    """The first index from ``j`` whose word is not in ``words``."""
    while j < len(toks) and toks[j].low in words:
        j += 1
    return j
