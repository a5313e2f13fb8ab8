"""A term of sale told as "только <condition>" with nothing wanted named: "сказала маме, что
лечим только с 18 лет", "вход только по абонементу, сказала туристу", "Годовой только одним
платежом — так в скрипте", "told him implants are full payment upfront only". What such a term
rules out (children's treatment, a single visit, a monthly plan, instalments) is the absence
claim; the note names it only by the restriction, so the restriction is the mention.

``claim_rules_only_wants.only_wanted`` takes the thing wanted when the note names it; this rule
covers the rest, and only restrictions that read as a condition: "только" before a preposition
of age, way or time ("с 18 лет", "по абонементу", "до 20 кг") or a noun phrase in the
instrumental ("одним платежом"), and in English a copula's "X is <terms> only". A plain
"только Y" ("только доставка") names what is offered, not a condition, and is left alone.
"""

from __future__ import annotations

import functools

from salesmine.refusals.claim_context import Note
from salesmine.refusals.claim_hits import Hit
from salesmine.refusals.claim_phrases import Tok
from salesmine.text.morphology import _morph

# Prepositions that open a condition: age or time ("с 18 лет", "от 3 месяцев"), way ("по
# абонементу", "по предоплате"), a stage ("после оплаты").
_CONDITION_PREPS = frozenset("с со от до по после при через".split())
_TELL = frozenset(
    """сказать ответить объяснить пояснить говорить said told tell replied answered explained
    script скрипт""".split()
)
_COPULAS_EN = frozenset(("is", "are", "'s", "were", "was"))
_CLAUSE_ENDS = frozenset((",", ";", ".", "!", "?", ":", "-", "–", "—", "(", "\n", "\n\n"))
_NEGATIONS = frozenset(("не", "нет", "нету", "not", "no", "n't", "never"))
_PRONOUNS_EN = frozenset(("we", "you", "they", "he", "she", "i", "it"))
MAX_WORDS = 4


def only_condition(note: Note) -> list[Hit]:
    """ "только <condition>" told by the seller in a sentence that names no want and no
    negation: the restriction itself (with "только") is the claim's phrase."""
    hits = []
    toks = note.toks
    if any(t.low in _NEGATIONS for t in toks):
        return []  # "не возим X, только до 30 кг": the negation rules name the thing itself
    for k, tok in enumerate(toks):
        if tok.low not in ("только", "only"):
            continue
        a, b = note.sentence_of(k)
        if not _told(toks, a, b):
            continue
        span = _condition_ru(toks, k, b) if note.lang == "ru" else _terms_en(toks, a, k)
        if span is not None:
            hits.append(Hit(span, k, "manager"))
    return hits


def _told(toks: list[Tok], a: int, b: int) -> bool:
    """A verb of telling (or the sales script) anywhere in the sentence: the seller's words."""
    return any(t.lemma in _TELL or t.low in _TELL for t in toks[a:b])


def _condition_ru(toks: list[Tok], k: int, b: int) -> tuple[int, int] | None:
    """ "только с 18 лет", "только по абонементу", "только одним платежом": from "только" to
    the end of its clause, a few words at most."""
    if k + 1 >= b:
        return None
    nxt = toks[k + 1]
    if nxt.low not in _CONDITION_PREPS and not any(
        _instrumental(t.low) for t in toks[k + 1 : k + 3]
    ):
        return None
    end = k + 1
    while end < b and toks[end].text not in _CLAUSE_ENDS:
        end += 1
    words = sum(t.word for t in toks[k + 1 : end])
    return (k, end) if 1 <= words <= MAX_WORDS else None


@functools.lru_cache(maxsize=4096)
def _instrumental(word: str) -> bool:
    """ "одним", "авансом": a word whose every reading is in the instrumental case."""
    parses = _morph().parse(word)
    return bool(parses) and all("ablt" in p.tag for p in parses)


def _terms_en(toks: list[Tok], a: int, k: int) -> tuple[int, int] | None:
    """ "implants are full payment upfront only": the words between the copula and "only"."""
    j = k - 1
    while j > a and toks[j].low not in _COPULAS_EN and toks[j].text not in _CLAUSE_ENDS:
        j -= 1
    if j <= a or toks[j].low not in _COPULAS_EN:
        return None
    words = [t for t in toks[j + 1 : k] if t.word]
    if any(t.low in _TELL or t.low in _PRONOUNS_EN for t in words):
        return None  # "she was told we only do mirrors": a telling, not terms
    return (j + 1, k) if 1 <= len(words) <= MAX_WORDS else None
