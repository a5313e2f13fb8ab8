"""Absence claims said with an ordinary verb, a "нельзя", a belief or the company's range:
"фиссуры у вас не запечатывают", "X у вас не арендовать", "у вас помесячно нельзя",
"X у нас заказать нельзя", "doesn't think we take X", "we only sell X, not Y",
"X are out of our range", "X isn't part of what we offer", "X - not available from us",
"your competitors at least have X".

Each rule checks the note's lower-cased text for its words before it walks the tokens, so a
note without them costs one substring test. ``CUE`` widens the pre-filter of
``claim_patterns.might_claim`` to the phrasings that carry no "нет" / "not" of their own.
"""

from __future__ import annotations

from salesmine.refusals import claim_lexicon as lex
from salesmine.refusals.claim_antecedents import antecedent, is_anaphor
from salesmine.refusals.claim_context import Note, owner, positive_offer, topic
from salesmine.refusals.claim_hits import (
    SKIP_EN,
    Hit,
    phrase,
    product_context,
    question_source,
    source_of,
)
from salesmine.refusals.claim_phrases import Tok, is_product_phrase, np_left, np_right
from salesmine.refusals.claim_speakers import client_direct_speech

# Added to ``claim_patterns._CUE``: "у вас ... не <verb>", "вы не <verb>", "out of our range",
# "at least have", "nothing like it".
CUE = (
    r"у\s+(?:вас|нас)\s+(?:\w+\s+){0,3}?не\s+\w+(?:ют|ут|ят|ат|ть|ти)(?:ся)?\b"
    r"|\bвы\s+не\s+\w+[еиё]те\b"
    r"|\bout\s+of\s+(?:our|that|this)\b|\bat\s+least\s+(?:ha|off)|\bnothing\s+like\b"
)

_PARTICLES_RU = frozenset(("же", "ж", "тоже", "вообще", "точно", "никак", "так", "и"))
_OWNER_WORDS_RU = frozenset(("у", "вас", "нас"))
# An owner word this many tokens before "не" is the verb's place ("у вас ж по выходным не выдают").
_OWNER_DISTANCE = 4
_PLURAL_ENDINGS = ("ют", "ут", "ат", "ят", "ются", "утся", "атся", "ятся")


def _has(note: Note, *words: str) -> bool:
    return any(w in note.low for w in words)


# --- Russian ---------------------------------------------------------------------------


def owner_denied(note: Note) -> list[Hit]:
    """ "фиссуры у вас не запечатывают", "юр английский у нас не преподают", "X у вас не
    арендовать": an owner word ("у вас", "у нас") before "не" and a third-person plural or an
    infinitive the offer lists lack. A weak hit: the claim classifier must back it."""
    if not _has(note, "у вас", "у нас"):
        return []
    hits = []
    toks = note.toks
    for k, tok in enumerate(toks):
        if tok.low != "не" or k + 1 >= len(toks):
            continue
        verb = toks[k + 1]
        if not _plural_or_infinitive(verb) or verb.lemma in lex.NOT_OFFER_VERBS_RU:
            continue
        who, where = owner(note, k)
        if who not in ("you", "we") or not 0 < k - where <= _OWNER_DISTANCE:
            continue
        if toks[where - 1].low != "у" or (who == "we" and client_direct_speech(note, where)):
            continue
        span = _between(toks, where + 1, k)
        if span is None and verb.lemma not in lex.OFFER_VERBS_RU:
            # an offer verb's phrase elsewhere is ``claim_rules_ru.negated_verb``'s
            span = _left_of_owner(toks, where - 1)
        source = question_source(note, k, source_of(note, k, who)) if span else None
        if span and source:
            hits.append(Hit(span, k, source, product_context(verb), True, verb=verb.text))
    return hits


def _plural_or_infinitive(tok: Tok) -> bool:
    if tok.pos == "INFN":
        return True
    return tok.pos == "VERB" and tok.low.endswith(_PLURAL_ENDINGS)


def _left_of_owner(toks: list[Tok], u: int) -> tuple[int, int] | None:
    """The phrase right before "у вас" ("фиссуры у вас не ..."), nothing further away."""
    if u > 1 and toks[u - 1].text == "." and toks[u - 2].word:
        u -= 1  # "деловую переписку на англ. у вас": an abbreviation's full stop
    span = np_left(toks, u, "ru")
    if span is None or span[1] != u or not is_product_phrase(toks, span, "ru"):
        return None
    return span


def _between(toks: list[Tok], a: int, b: int) -> tuple[int, int] | None:
    """The words between the owner and "не" ("у вас ж [по выходным] не выдают")."""
    while a < b and toks[a].low in _PARTICLES_RU:
        a += 1
    if a >= b or not all(t.word for t in toks[a:b]):
        return None
    span = (a, b)
    if toks[a].pos == "PREP" and b - a >= 2:
        return span  # "по выходным": the preposition names the kind of service
    return span if is_product_phrase(toks, span, "ru") else None


def cannot_here(note: Note) -> list[Hit]:
    """ "у вас помесячно нельзя", "X у вас же заказать нельзя", "абонемент заморозить нельзя",
    "X — говорит, у нас нельзя": "нельзя" closing its clause, with the thing before it, before
    its infinitive, or set off earlier in the note. A weak hit."""
    if not _has(note, "нельзя"):
        return []
    hits = []
    toks = note.toks
    for k, tok in enumerate(toks):
        if tok.low != "нельзя":
            continue
        after = toks[k + 1] if k + 1 < len(toks) else None
        if after is not None and after.word and after.pos in ("INFN", "VERB", "ADVB", "NOUN"):
            continue  # ``claim_rules_ru_modal.impossible`` / a price ("нельзя дешевле")
        who, where = owner(note, k)
        if who == "they" or (who == "we" and client_direct_speech(note, where)):
            continue
        i = k
        while i > 0 and toks[i - 1].low in _PARTICLES_RU:
            i -= 1
        found = _cannot_thing(note, i, k, who)
        if found is None:
            continue
        span, context = found
        source = question_source(note, k, source_of(note, k, who or "we"))
        if source:
            hits.append(Hit(span, k, source, context, True, verb=tok.text))
    return hits


def _cannot_thing(note: Note, i: int, k: int, who: str) -> tuple[tuple[int, int], str] | None:
    toks = note.toks
    if i == 0:
        return None
    before = toks[i - 1]
    if before.pos == "INFN":
        span = _infinitive_thing(note, i - 1, k)
        return (span, product_context(before)) if span else None
    if before.pos == "ADVB" and i >= 3 and toks[i - 2].low in ("вас", "нас"):
        if toks[i - 3].low == "у" and who in ("you", "we"):
            return (i - 1, i), ""  # "у вас помесячно нельзя"
        return None
    if before.low in ("вас", "нас") and i >= 2 and toks[i - 2].low == "у":
        span = topic(note, k) or antecedent(toks, i - 2, "ru", nearest=False)
        if span and is_product_phrase(toks, span, "ru"):
            return span, ""  # "X — клиент говорит, у нас нельзя"
    return None


# "у вас заказать нельзя": ordering is the client's verb, but "cannot order here" says absence.
_ORDER_VERBS = frozenset(("заказать", "заказывать", "купить", "покупать"))


def _infinitive_thing(note: Note, v: int, k: int) -> tuple[int, int] | None:
    """The thing of "X [у вас] <infinitive> нельзя": the phrase before the infinitive, else the
    one the sentence opens with or the one asked for earlier."""
    toks = note.toks
    if toks[v].lemma in lex.NOT_OFFER_VERBS_RU and toks[v].lemma not in _ORDER_VERBS:
        return None
    j = v
    while j > 0 and toks[j - 1].low in _OWNER_WORDS_RU | _PARTICLES_RU:
        j -= 1
    span = _with_head(toks, np_left(toks, j, "ru"))
    if not (span and is_product_phrase(toks, span, "ru")):
        span = topic(note, k) or _opening(note, j) or antecedent(toks, j, "ru", nearest=False)
    return span if span and is_product_phrase(toks, span, "ru") else None


def _with_head(toks: list[Tok], span: tuple[int, int] | None) -> tuple[int, int] | None:
    """ "лимиты [по каждому сотруднику] выставить нельзя": a phrase after a preposition
    qualifies the noun before it, which is the thing."""
    if span is None:
        return None
    i = span[0] - 1
    while i > span[0] - 3 and i > 0 and toks[i].pos in ("ADJF", "PRTF"):
        i -= 1  # "по [каждому] сотруднику"
    if i < 1 or toks[i].pos != "PREP":
        return span
    head = np_left(toks, i, "ru")
    return (head[0], span[1]) if head and is_product_phrase(toks, head, "ru") else span


_OPENERS_RU = frozenset(("а", "вот", "и", "но", "ну", "ещё", "еще"))


def _opening(note: Note, j: int) -> tuple[int, int] | None:
    """ "А вот X, как она выразилась, «у вас заказать нельзя»": the phrase the sentence opens
    with, set off by a comma before the clause that says "нельзя"."""
    a, _ = note.sentence_of(j)
    toks = note.toks
    while a < j and toks[a].low in _OPENERS_RU:
        a += 1
    span = np_right(toks, a, "ru")
    if span is None or span[1] >= j or toks[span[1]].text != ",":
        return None
    return span if is_product_phrase(toks, span, "ru") else None


# --- English ---------------------------------------------------------------------------

_BELIEF = frozenset(("think", "believe", "reckon"))
_WE_YOU = frozenset(("we", "you"))
_NEG_EN = frozenset(("n't", "not"))
_BE_EN = frozenset(("is", "are", "'s", "'re", "was", "were", "isn't", "aren't"))
_RANGE_NOUNS = frozenset(
    """range line category scope offering offer catalog catalogue portfolio assortment
    lineup remit""".split()
)
_RANGE_WORDS = [[noun] for noun in sorted(_RANGE_NOUNS)]


def believed_absent(note: Note) -> list[Hit]:
    """ "doesn't think we take X", "I don't think we have one": the belief carries the
    negation the offer verb lacks."""
    if not _has(note, "think", "believe", "reckon"):
        return []
    hits = []
    toks = note.toks
    for k, tok in enumerate(toks):
        if tok.low not in _NEG_EN or k + 2 >= len(toks) or toks[k + 1].lemma not in _BELIEF:
            continue
        j = k + 2 + (toks[k + 2].low == "that")
        if j + 1 >= len(toks) or toks[j].low not in _WE_YOU:
            continue
        v = j + 1
        if toks[v].lemma not in lex.OFFER_VERBS_EN:
            continue
        span = phrase(note, v + 1, k, SKIP_EN, after_verb=True)
        if span is None and v + 1 < len(toks) and toks[v + 1].low == "one":
            span = antecedent(toks, k, "en")  # "I don't think we have one"
        source = question_source(note, k, source_of(note, k, toks[j].low)) if span else None
        if span and source:
            hits.append(Hit(span, k, source, product_context(toks[v])))
    return hits


def only_not(note: Note) -> list[Hit]:
    """ "we only sell clothing, not footwear": what follows "not" is what "we" lack."""
    if not _has(note, "only") or not _has(note, ", not "):
        return []
    hits = []
    toks = note.toks
    for k in range(2, len(toks) - 1):
        if toks[k].low != "not" or toks[k - 1].text != ",":
            continue
        a, _ = note.sentence_of(k)
        window = [t.low for t in toks[max(a, k - 8) : k]]
        if "only" not in window or not _WE_YOU & set(window):
            continue
        span = np_right(toks, k + 1, "en")
        if span and is_product_phrase(toks, span, "en"):
            who = "we" if "we" in window else "you"
            hits.append(Hit(span, k, source_of(note, k, who)))
    return hits


def out_of_range(note: Note) -> list[Hit]:
    """ "X are out of our range", "we're out of that category", "X isn't part of what we
    offer", "X - not available from us", "we have nothing like it"."""
    if not _has(note, "out of", "part of", "from us", "nothing like"):
        return []
    hits = []
    toks = note.toks
    for k in range(len(toks)):
        if not _range_phrase(toks, k):
            continue
        span = _refused(note, k)
        if span and is_product_phrase(toks, span, "en"):
            hits.append(Hit(span, k, source_of(note, k, "we")))
    return hits


def _range_phrase(toks: list[Tok], k: int) -> bool:
    low = toks[k].low
    words = [t.low for t in toks[k + 1 : k + 5]]
    if low == "out" and words[:1] == ["of"]:
        # "out of our range", "out of that category"
        return words[1:2] in (["our"], ["that"], ["this"]) and words[2:3] in _RANGE_WORDS
    if low in _NEG_EN and words[:2] == ["part", "of"]:
        rest = words[2:]
        return rest[:1] == ["our"] or rest[:2] == ["what", "we"]
    if low in _NEG_EN and words[:3] == ["available", "from", "us"]:
        return True
    return low == "nothing" and words[:1] == ["like"] and words[1:2] in (["it"], ["that"], ["this"])


def _refused(note: Note, k: int) -> tuple[int, int] | None:
    """The subject before "is" / "are"; else the phrase the sentence opens with before a dash;
    else the thing asked for or named earlier ("need X — we're out of that category")."""
    toks = note.toks
    j = k - 1
    while j >= 0 and toks[j].low in _BE_EN | {"n't", "not", "have", "has"}:
        j -= 1
    if j >= 0 and j < k - 1 and toks[j].low not in _WE_YOU and not is_anaphor(toks[j], "en"):
        span = np_left(toks, j + 1, "en")
        if span and is_product_phrase(toks, span, "en"):
            return span
    if toks[k].low == "nothing":
        # "X offered Y; we have nothing like it"
        return positive_offer(note, k) or antecedent(toks, k, "en")
    return topic(note, k) or antecedent(toks, k, "en") or asked_before(note, k)


def asked_before(note: Note, k: int) -> tuple[int, int] | None:
    """ "X for the new site? our rep said it's not our line": a bare question naming the thing
    (no verb in it) just before the sentence of ``k``."""
    a, _ = note.sentence_of(k)
    if a == 0 or note.toks[a - 1].text != "?":
        return None
    pa, _ = note.sentence_of(a - 1)
    toks = note.toks
    span = np_right(toks, pa, note.lang)
    if span is None or not is_product_phrase(toks, span, note.lang):
        return None
    if any(t.pos == "VERB" or t.low in _WE_YOU for t in toks[pa : a - 1]):
        return None
    return span


def by_us(note: Note) -> list[Hit]:
    """ "X aren't handled by us", "X is not done by us at all": a passive the company is the
    agent of."""
    if not _has(note, "by us"):
        return []
    hits = []
    toks = note.toks
    for k in range(2, len(toks) - 3):
        if toks[k].low not in _NEG_EN or toks[k - 1].low not in _BE_EN:
            continue
        v = k + 1
        participle = toks[v].low.endswith("ed") or toks[v].lemma in lex.OFFER_VERBS_EN
        if not participle or toks[v + 1].low != "by" or toks[v + 2].low != "us":
            continue
        span = np_left(toks, k - 1, "en")
        if span and not is_anaphor(toks[span[0]], "en") and is_product_phrase(toks, span, "en"):
            hits.append(Hit(span, k, source_of(note, k, "we")))
    return hits


_RIVALS = frozenset(("competitor", "rival", "competition"))


def rivals_at_least(note: Note) -> list[Hit]:
    """ "your competitors at least have X": the company, by comparison, does not."""
    if not _has(note, "at least"):
        return []
    hits = []
    toks = note.toks
    for k in range(2, len(toks) - 2):
        if toks[k].low != "at" or toks[k + 1].low != "least":
            continue
        if toks[k + 2].lemma not in ("have", "offer", "do", "sell"):
            continue
        if not any(t.lemma in _RIVALS for t in toks[max(0, k - 3) : k]):
            continue  # "your competitors at least have", "rival shops at least have"
        span = np_right(toks, k + 3, "en")
        if span and is_product_phrase(toks, span, "en"):
            hits.append(Hit(span, k, "comparison"))
    return hits


RULES_RU = (owner_denied, cannot_here)
RULES_EN = (believed_absent, only_not, out_of_range, rivals_at_least, by_us)
