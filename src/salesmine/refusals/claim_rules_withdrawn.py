"""Claims that the company stopped offering something, both languages: "у нас его убрали",
"рассылки свернули", "we dropped X", "our speech analytics got dropped", "X, which we sunset
last year"."""

from __future__ import annotations

from salesmine.refusals import claim_lexicon as lex
from salesmine.refusals.claim_antecedents import antecedent
from salesmine.refusals.claim_context import Note, owner
from salesmine.refusals.claim_hits import SKIP_EN, SKIP_RU, Hit, phrase, source_of
from salesmine.refusals.claim_phrases import Tok, is_product_phrase, np_left, np_right

# Not "отменить": "встречу отменили" is the client's plan, not the company's offer.
WITHDRAWN_RU = frozenset(("убрать", "убирать", "свернуть", "сворачивать", "упразднить"))
WITHDRAWN_EN = frozenset(
    """drop sunset sunsetted retire remove kill deprecate cancel axe scrap pull""".split()
)
_PASSIVE_AUX_EN = frozenset(
    "got get was were been be is are has have had 's being".split()
)  # fmt: skip
_WE_EN = frozenset(("we", "we've", "we're"))


def withdrawn_ru(note: Note) -> list[Hit]:
    """ "у нас его убрали", "рассылки свернули", "отменили рассрочку": a stopped offer."""
    hits = []
    for k, tok in enumerate(note.toks):
        if tok.lemma not in WITHDRAWN_RU or (k > 0 and note.toks[k - 1].low == "не"):
            continue
        who, _ = owner(note, k)
        # "у нас его убрали", "вы рассылки свернули": a past act of the company; "территорию
        # убираем" is cleaning, and "убрали" with no owner may be too
        if who not in ("we", "you") or not tok.low.endswith(("л", "ла", "ли")):
            continue
        span = phrase(note, k + 1, k, SKIP_RU, after_verb=True)
        if span and is_product_phrase(note.toks, span, "ru"):
            hits.append(Hit(span, k, source_of(note, k, who or "we")))
    return hits


def withdrawn_en(note: Note) -> list[Hit]:
    """ "we dropped X", "our X got dropped", "X was discontinued", "X, which we sunset"."""
    hits = []
    toks = note.toks
    for k, tok in enumerate(toks):
        if tok.lemma not in WITHDRAWN_EN and tok.lemma != "discontinue":
            continue
        if k > 0 and toks[k - 1].low in ("not", "n't", "never"):
            continue
        span = _stopped_by_us(toks, k) or _stopped_thing(note, k)
        if span and is_product_phrase(toks, span, "en"):
            hits.append(Hit(span, k, source_of(note, k, "we")))
    return hits


def _stopped_by_us(toks: list[Tok], k: int) -> tuple[int, int] | None:
    """ "we dropped X" / "we've discontinued the X" / "which we sunset": the object, or the
    phrase before "which"."""
    j = k - 1
    while j >= 0 and toks[j].low in ("have", "had", "'ve", "just", "already", "recently"):
        j -= 1
    if j < 0 or toks[j].low not in _WE_EN:
        return None
    if j > 0 and toks[j - 1].low in ("which", "that"):
        start = j - 1 - (j > 1 and toks[j - 2].text == ",")
        return np_left(toks, start, "en") or antecedent(toks, start, "en")
    return np_right(toks, _skip(toks, k + 1), "en")


def _stopped_thing(note: Note, k: int) -> tuple[int, int] | None:
    """ "our speech analytics got dropped", "X was discontinued last year": the subject, ours
    or nobody else's."""
    toks = note.toks
    j = k
    while j > 0 and toks[j - 1].low in _PASSIVE_AUX_EN:
        j -= 1
    if j == k:
        return None
    span = np_left(toks, j, "en")
    if span is None:
        return None
    a, _ = note.sentence_of(k)
    theirs = any(t.low in lex.THEY_EN for t in toks[max(a, span[0] - 1) : span[0]])
    return None if theirs else span


def _skip(toks: list[Tok], j: int) -> int:
    while j < len(toks) and (toks[j].low in SKIP_EN or toks[j].low in lex.DETERMINERS_EN):
        j += 1
    return j
