"""Russian claims phrased through a modal or a change: "у нас нельзя оформить X", "не получится
сделать X", "нет возможности страховать X", "перестали делать X", "X сняли с продажи"."""

from __future__ import annotations

from salesmine.refusals import claim_lexicon as lex
from salesmine.refusals.claim_antecedents import antecedent
from salesmine.refusals.claim_context import Note, owner
from salesmine.refusals.claim_hits import Hit, product_context, source_of
from salesmine.refusals.claim_phrases import Tok, is_product_phrase, np_left, np_right

_CANNOT = ("получится", "выйдет", "получается")
_WITHDRAWN = frozenset(("продажа", "производство", "реализация", "линейка"))
_POSSIBILITY = frozenset(("возможность", "опция", "вариант"))


def impossible(note: Note) -> list[Hit]:
    """ "нельзя оформить X", "не получится сделать X", "нет возможности страховать X",
    "перестали делать X": the product is what the offer verb would take."""
    hits = []
    toks = note.toks
    for k in range(len(toks)):
        if not _modal(toks, k):
            continue
        v = k + 1
        while v < len(toks) and toks[v].low in ("у", "нас", "вас", "мы", "нам", "вам", "бы"):
            v += 1
        if v >= len(toks) or toks[v].pos != "INFN" or toks[v].lemma not in lex.OFFER_VERBS_RU:
            continue
        who, _ = owner(note, k)
        if who == "they":
            continue
        span = np_right(toks, v + 1, "ru")
        if span and is_product_phrase(toks, span, "ru"):
            hits.append(Hit(span, k, source_of(note, k, who or "we"), product_context(toks[v])))
    return hits


def demonstrative_or_kind(toks: list[Tok], span: tuple[int, int]) -> bool:
    """ "этот модуль", "эту услугу": a phrase pointing back to the thing named earlier."""
    return toks[span[0] - 1].lemma in ("этот", "такой", "тот")


def _modal(toks: list[Tok], k: int) -> bool:
    tok = toks[k]
    if tok.low in lex.IMPOSSIBLE_RU or tok.lemma in lex.STOPPED_RU:
        return True
    if tok.low == "не" and k + 1 < len(toks) and toks[k + 1].low in _CANNOT:
        return True
    # "нет возможности страховать": the infinitive follows "возможности"
    return tok.lemma in _POSSIBILITY and k > 0 and toks[k - 1].low in ("нет", "нету")


def withdrawn(note: Note) -> list[Hit]:
    """ "X сняли с продажи", "сняли с производства X": the company stopped offering it."""
    hits = []
    toks = note.toks
    for k, tok in enumerate(toks):
        if tok.lemma not in ("снять", "снимать") or k + 2 >= len(toks):
            continue
        if toks[k + 1].low not in ("с", "со") or toks[k + 2].lemma not in _WITHDRAWN:
            continue
        span = np_right(toks, k + 3, "ru") or np_left(toks, k, "ru")
        if span and span[0] > 0 and demonstrative_or_kind(toks, span):
            span = antecedent(toks, span[0] - 1, "ru") or span  # "этот модуль сняли"
        if span and is_product_phrase(toks, span, "ru"):
            hits.append(Hit(span, k, "manager"))
    return hits
