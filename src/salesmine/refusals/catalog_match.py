"""Match a product phrase from a note ("лизинга на б/у технику") to a catalog item.

Every catalog name, synonym and category is an entry of a ``CatalogIndex`` (content terms:
lemmas, with a few colloquial forms folded together). A mention term the catalog does not know
exactly is looked up by stem (``выезд`` ~ ``выездной``), compound part and rapidfuzz spelling
among the catalog's terms — never for tokens of four letters or fewer (ДМС, СМР, 1С match exactly).

The score is the harmonic mean of two IDF-weighted coverages: how much of the mention the item
explains and how much of one entry the mention names. Both must be high: "КАСКО на мотоциклы"
covers all of the entry "КАСКО" but leaves "мотоцикл" unexplained, so it stays unmatched — a
wrong match accuses a manager, a missed one only lands in the unmatched list. Blocking: an
entry is scored only when the mention's terms already cover enough of its weight (one numpy pass
over the inverted index), and results are cached per set of terms.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

import numpy as np

from salesmine.refusals.catalog_index import CatalogIndex, Entry, build_index, item_texts
from salesmine.refusals.catalog_terms import phrase_terms

__all__ = ["CatalogIndex", "CatalogMatch", "build_index", "item_texts", "match_catalog"]

MIN_SCORE = 0.72
CATEGORY_DISCOUNT = 0.9  # a category is weaker evidence than the item's own name or synonym
CONTEXT_WEIGHT = 0.5
SOLE_MIN_ENTRY = 0.4
# Words that say what kind of thing it is, not which one.
KIND_WORDS = frozenset(
    """страхование страховка полис лизинг кредит интеграция обслуживание поддержка программа
    система услуга сервис доставка ремонт обучение продукт тариф пакет версия""".split()
)
ACRONYM_COVERAGE = 0.85
GENERIC_HEADS = frozenset(
    """интеграция синхронизация связка система модуль программа версия подключение
    integration sync system module software version connector plugin""".split()
)
# "1С", "ДМС", "CRM", "D&O": short uppercase (or digit) tokens.
_ACRONYM = re.compile(r"(?:[0-9A-ZА-ЯЁ&]{1,5}[ -]?){1,2}")
ROUTES = ("name", "synonym", "category", "fuzzy")
Near = dict[str, dict[str, float]]  # mention term -> {catalog term: similarity}


@dataclass(frozen=True)
class CatalogMatch:
    """The catalog item a mention refers to; ``item`` is empty when the catalog lacks it."""

    mention: str
    item: str = ""
    status: str = ""  # "active" / "discontinued" / "" when unmatched
    score: float = 0.0
    route: str = ""  # name / synonym / category / fuzzy
    matched: str = ""  # the catalog text that matched (a name, synonym or category)


@dataclass(frozen=True)
class _Query:
    near: Near
    light: frozenset[str]  # context terms (the verb of "не страхуем X"), half weight
    acronym: bool
    # how much of the mention each item explains, computed once per item
    explained: dict[int, tuple[float, bool]] = dataclasses.field(default_factory=dict)


def match_catalog(
    mention: str, index: CatalogIndex, *, context: str = "", min_score: float = MIN_SCORE
) -> CatalogMatch:
    """The best catalog item for ``mention``, or an empty match when none scores ``min_score``.

    ``context`` adds words that say what kind of product it is (the verb of "не страхуем грузы").
    """
    terms = phrase_terms(mention)
    if not terms:
        return CatalogMatch(mention)
    light = phrase_terms(context) - terms if context else frozenset()
    acronym = _ACRONYM.fullmatch(mention.strip()) is not None
    key = (terms, light, acronym, min_score)
    found = index.cache.get(key)
    if found is None:
        query = _Query({t: index.near_terms(t) for t in terms | light}, light, acronym)
        best = _best(index, query, min_score)
        found = index.cache[key] = (
            best.mention,
            best.item,
            best.status,
            best.score,
            best.route,
            best.matched,
        )
    if not found[1]:  # type: ignore[index]
        return CatalogMatch(mention)
    return CatalogMatch(mention, *found[1:])  # type: ignore[index,arg-type]


def _best(index: CatalogIndex, query: _Query, min_score: float) -> CatalogMatch:
    covered = _covered(index, query)
    best: tuple[float, int, int] | None = None  # score, entry size, -entry
    for n in _candidates(index, query, covered, min_score):
        entry_share = float(covered[n] / index.entry_weight[n])
        if best is not None and _upper_bound(query, entry_share) < best[0]:
            break  # candidates come by falling entry coverage: none can win any more
        key = (
            _score(index, query, index.entries[n], entry_share)[0],
            len(index.entries[n].terms),
            -n,
        )
        if best is None or key > best:
            best = key
    if best is None or best[0] < min_score:
        best = _sole_explainer(index, query, covered, min_score) or best
    if best is None or best[0] < min_score:
        return CatalogMatch("")
    n = -best[2]
    entry = index.entries[n]
    item = index.items[_pick_item(index, entry, query, covered)]
    fuzzy = _score(index, query, entry, float(covered[n] / index.entry_weight[n]))[1]
    return CatalogMatch(
        "", item.name, item.status, round(best[0], 3), "fuzzy" if fuzzy else entry.route, entry.text
    )


def _sole_explainer(
    index: CatalogIndex, query: _Query, covered: np.ndarray, min_score: float
) -> tuple[float, int, int] | None:
    """A shortened name ("страховку от угона" for "страховка от угона и ущерба"): when exactly
    one item explains every word of the mention, without typos, and one of its entries is
    named to at least ``SOLE_MIN_ENTRY``, that item is meant. Two items explaining it
    ("машины": car insurance and car leasing) make it ambiguous, and it stays unmatched."""
    if query.light or all(term in KIND_WORDS for term in query.near):
        return None  # "страхование" alone names no item, however few the catalog has
    items: set[int] | None = None
    for term, similar in query.near.items():
        # items whose own words explain this term exactly or by stem (no typos, no compounds)
        owners = {
            k
            for t, sim in similar.items()
            if sim >= 0.85 and (term, t) not in index.fuzzy_pairs
            for k in index.term_owners.get(t, ())
        }
        items = owners if items is None else items & owners
        if not items:
            return None
    if items is None or len(items) != 1:
        return None
    k = items.pop()
    n = max(index.item_entries[k], key=lambda e: covered[e] / index.entry_weight[e])
    share = float(covered[n] / index.entry_weight[n])
    if share < SOLE_MIN_ENTRY:
        return None
    return max(min_score, 2 * share / (1 + share)), len(index.entries[n].terms), -n


def _covered(index: CatalogIndex, query: _Query) -> np.ndarray:
    """Per entry, the weight of its terms the mention names (best similarity per term)."""
    best_sim: dict[str, float] = {}
    for similar in query.near.values():
        for target, sim in similar.items():
            best_sim[target] = max(best_sim.get(target, 0.0), sim)
    covered = np.zeros(len(index.entries))
    for target, sim in best_sim.items():
        covered[index.postings[target]] += index.weights[target] * sim
    return covered


def _candidates(
    index: CatalogIndex, query: _Query, covered: np.ndarray, min_score: float
) -> np.ndarray:
    """Entries the mention covers enough of to reach ``min_score`` at all (a harmonic mean >= s
    needs both coverages >= s / (2 - s)), best covered first."""
    floor = 0.0 if query.acronym else min_score / (2 - min_score)
    share = covered / index.entry_weight
    found = np.flatnonzero((covered > 0) & (share >= floor - 1e-9))
    return found[np.argsort(-share[found], kind="stable")]


def _upper_bound(query: _Query, entry_share: float) -> float:
    share = max(entry_share, ACRONYM_COVERAGE) if query.acronym else entry_share
    return 2 * share / (1 + share)


def _score(
    index: CatalogIndex, query: _Query, entry: Entry, entry_share: float
) -> tuple[float, bool]:
    """Harmonic mean of how much of the mention the item explains and how much of the entry
    the mention names (``entry_share``); and whether a typo-level (fuzzy) similarity was needed.

    The mention may draw on all of an item's names ("медполисы для сотрудников": "медполис" is
    a synonym, "сотрудник" is in the name). Context terms count half when the item lacks them.
    An acronym ("1С") found as a word of an entry whose other words are generic heads names it:
    "у вас нет 1С" is the "Интеграция с 1С".
    """
    if entry.route == "category":
        covered_mention, fuzzy_used = _mention_coverage(index, query, entry.terms)
    else:
        k = entry.items[0]
        if k not in query.explained:
            query.explained[k] = _mention_coverage(index, query, index.item_terms[k])
        covered_mention, fuzzy_used = query.explained[k]
    covered_entry = entry_share
    if (
        query.acronym
        and covered_mention == 1.0
        and covered_entry > 0
        and _generic_rest(query.near, entry.terms)
    ):
        covered_entry = max(covered_entry, ACRONYM_COVERAGE)
    if covered_mention + covered_entry == 0:
        return 0.0, False
    score = 2 * covered_mention * covered_entry / (covered_mention + covered_entry)
    if entry.route == "category":
        score *= CATEGORY_DISCOUNT
    return score, fuzzy_used


def _generic_rest(near: Near, entry_terms: frozenset[str]) -> bool:
    """The entry's words besides the acronym are generic heads ("интеграция с 1С", "CRM-система"),
    not a qualifier ("расширение ОСАГО" is not ОСАГО)."""
    named = {t for similar in near.values() for t in similar}
    return all(t in GENERIC_HEADS for t in entry_terms - named)


def _mention_coverage(
    index: CatalogIndex, query: _Query, pool: frozenset[str]
) -> tuple[float, bool]:
    hit = total = 0.0
    fuzzy_used = False
    for term, similar in query.near.items():
        sim, target = max(((s, t) for t, s in similar.items() if t in pool), default=(0.0, ""))
        weight = index.weights.get(term) or index.weights.get(target) or index.unknown_weight
        if term in query.light:
            weight *= CONTEXT_WEIGHT
        total += weight
        hit += weight * sim
        fuzzy_used = fuzzy_used or (term, target) in index.fuzzy_pairs
    return hit / total, fuzzy_used


def _pick_item(index: CatalogIndex, entry: Entry, query: _Query, covered: np.ndarray) -> int:
    """For a category entry, the member named most like the mention (an active one on ties)."""
    if len(entry.items) == 1:
        return entry.items[0]

    def closeness(k: int) -> tuple[float, bool, int]:
        scores = [
            _score(index, query, index.entries[n], float(covered[n] / index.entry_weight[n]))[0]
            for n in index.item_entries[k]
        ]
        return max(scores, default=0.0), index.items[k].is_active, -k

    return max(entry.items, key=closeness)
