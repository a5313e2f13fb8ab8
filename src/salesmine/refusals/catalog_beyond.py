"""What a mention says beyond the catalog item it was matched to, for the verifier
(``claim_verifier``).

Half the false manager errors are an absent product placed on a near item: "склад в
Новосибирске" on storage, "КАСКО [на мотоциклы]" on КАСКО, "ремонт маникюрных аппаратов" on
the device itself. What gives them away is the part of the phrase — or of the qualifier right
after it ("на ...", "для ...", "без ...", "for ...") — that no name, synonym or category of the
item accounts for, weighted by how specific it is in this catalog (IDF; a word the catalog
does not know at all weighs most, a number, time, person or place little). (The score of the
best competing item was tried as well: leave-one-writer-out over 18 sets it removed no false
error the rest does not, and cost precision.)
"""

from __future__ import annotations

import re

from salesmine.refusals.catalog_index import CatalogIndex
from salesmine.refusals.catalog_terms import LOW_INFO_FACTOR, head_term, low_info, phrase_terms

EXPLAINED_SIMILARITY = 0.7  # a stem or root relation explains a word; a typo-level guess too
TAIL_WORDS = 4
# A qualifier right after the mention: "КАСКО [на мотоциклы]", "карты [для рейсов в Казахстан]".
_QUALIFIER = re.compile(
    r"^\s*(?:на|для|без|в|во|с|со|под|из|от|for|in|with|without|on|at|from|under)\s",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.,;:!?()\"«»\n—–]|\s-\s")
_WORD = re.compile(r"\w+(?:[-/]\w+)*")


def beyond_features(
    index: CatalogIndex, item: str, mention: str, after: str, *, sentence_start: bool
) -> dict[str, float]:
    """Features of how much of ``mention`` (and of a qualifier at the start of ``after``, the
    note's text after it) the catalog item ``item`` leaves unexplained. ``sentence_start``:
    the mention opens its sentence (a capital there says nothing)."""
    k = _item_number(index, item)
    if k is None:
        return {}
    pool = index.item_terms[k] | phrase_terms(index.items[k].category)  # name, synonyms, category
    said = phrase_terms(mention)
    missing, total = _unexplained(index, said, pool)
    tail = qualifier(after)
    tail_missing, tail_total = _unexplained(index, phrase_terms(tail), pool)
    feats = {
        "beyond": missing / total if total else 0.0,
        "beyond_weight": min(missing / index.unknown_weight, 2.0) / 2,
        "beyond_tail": tail_missing / tail_total if tail_total else 0.0,
        "beyond_tail_weight": min(tail_missing / index.unknown_weight, 2.0) / 2,
        "beyond_head": float(_head_unexplained(index, mention, pool)),
        "beyond_capital": float(_capital_unexplained(index, mention, tail, pool, sentence_start)),
    }
    return {key: value for key, value in feats.items() if value}


def explains(index: CatalogIndex, item: str, term: str) -> bool:
    """Does the item's name, a synonym or its category account for ``term``?"""
    k = _item_number(index, item)
    if k is None:
        return False
    return _explained(index, term, index.item_terms[k] | phrase_terms(index.items[k].category))


def qualifier(after: str) -> str:
    """The qualifier phrase opening ``after`` ("на мотоциклы, а у них байки" -> "на
    мотоциклы"), up to the clause's end and ``TAIL_WORDS`` words; "" when it opens none."""
    if not _QUALIFIER.match(after):
        return ""
    clause = _CLAUSE_END.split(after, maxsplit=1)[0]
    return " ".join(_WORD.findall(clause)[:TAIL_WORDS])


def _item_number(index: CatalogIndex, name: str) -> int | None:
    key = ("item numbers",)
    numbers = index.cache.get(key)
    if numbers is None:
        numbers = index.cache[key] = {it.name: k for k, it in enumerate(index.items)}
    return numbers.get(name)  # type: ignore[attr-defined]


def _explained(index: CatalogIndex, term: str, pool: frozenset[str]) -> bool:
    similar = index.near_terms(term)
    return any(t in pool and s >= EXPLAINED_SIMILARITY for t, s in similar.items())


def _weight(index: CatalogIndex, term: str) -> float:
    """IDF of the term, or of its nearest catalog term; a word the catalog lacks weighs most."""
    weight = index.weights.get(term)
    if weight is None:
        similar = index.near_terms(term)
        near = max(similar, key=similar.__getitem__, default="")
        weight = index.weights.get(near, index.unknown_weight)
    return weight * LOW_INFO_FACTOR if low_info(term) else weight


def _unexplained(
    index: CatalogIndex, terms: frozenset[str], pool: frozenset[str]
) -> tuple[float, float]:
    """(weight of the terms the pool does not explain, weight of all the terms)."""
    missing = total = 0.0
    for term in terms:
        weight = _weight(index, term)
        total += weight
        if not _explained(index, term, pool):
            missing += weight
    return missing, total


def _head_unexplained(index: CatalogIndex, mention: str, pool: frozenset[str]) -> bool:
    head = head_term(mention)
    return bool(head) and not _explained(index, head, pool)


def _capital_unexplained(
    index: CatalogIndex, mention: str, tail: str, pool: frozenset[str], sentence_start: bool
) -> bool:
    """A capitalised word (a place, a brand, an organisation) the item does not explain; an
    all-capitals abbreviation and the sentence's first word do not count."""
    words = _WORD.findall(mention) + _WORD.findall(tail)
    for n, word in enumerate(words):
        if n == 0 and sentence_start or not word[:1].isupper() or word.isupper():
            continue
        terms = phrase_terms(word)
        if terms and not any(_explained(index, t, pool) for t in terms):
            return True
    return False
