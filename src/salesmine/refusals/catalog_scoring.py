"""Scores of catalog entries for one mention: the shares of each entry's weight the mention
names (one numpy pass over the inverted index) and the harmonic mean with the share of the
mention the item explains. ``catalog_match`` decides among the scored entries.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from salesmine.refusals.catalog_index import CatalogIndex, Entry
from salesmine.refusals.catalog_terms import LOW_INFO_FACTOR, low_info

CATEGORY_DISCOUNT = 0.9  # a category is weaker evidence than the item's own name or synonym
CONTEXT_WEIGHT = 0.5
ACRONYM_COVERAGE = 0.85
GENERIC_HEADS = frozenset(
    """интеграция синхронизация связка система модуль программа версия подключение
    integration sync system module software version connector plugin""".split()
)
Near = dict[str, dict[str, float]]  # mention term -> {catalog term: similarity}


@dataclass(frozen=True)
class Query:
    """A mention's terms with the catalog terms near each, and what is known about it."""

    near: Near
    light: frozenset[str]  # context terms (the verb of "не страхуем X"), half weight
    acronym: bool
    head: str
    # how much of the mention each item explains, and each entry's score: once per query
    explained: dict[int, tuple[float, bool]] = dataclasses.field(default_factory=dict)
    scores: dict[int, tuple[float, bool]] = dataclasses.field(default_factory=dict)


def entry_shares(index: CatalogIndex, query: Query) -> np.ndarray:
    """Per entry, the share of its term weight the mention names (best similarity per term).

    A number, time, person or place of the entry counts a quarter when the mention does not
    name it ("Рассрочка 0-0-12" for "рассрочку"), in full when it does ("старше 10 лет")."""
    best_sim: dict[str, float] = {}
    for similar in query.near.values():
        for target, sim in similar.items():
            best_sim[target] = max(best_sim.get(target, 0.0), sim)
    covered = np.zeros(len(index.entries))
    named_extra = np.zeros(len(index.entries))
    for target, sim in best_sim.items():
        weight = index.weights[target]
        covered[index.postings[target]] += weight * sim
        if low_info(target):
            named_extra[index.postings[target]] += weight * (1 - LOW_INFO_FACTOR)
    return covered / (index.entry_weight + named_extra)


def candidates(
    index: CatalogIndex, query: Query, shares: np.ndarray, min_score: float
) -> np.ndarray:
    """Entries the mention covers enough of to reach ``min_score`` at all (a harmonic mean >= s
    needs both coverages >= s / (2 - s)), best covered first."""
    floor = 0.0 if query.acronym else min_score / (2 - min_score)
    found = np.flatnonzero((shares > 0) & (shares >= floor - 1e-9))
    return found[np.argsort(-shares[found], kind="stable")]


def upper_bound(query: Query, entry_share: float) -> float:
    """The best score an entry this much covered can reach."""
    share = max(entry_share, ACRONYM_COVERAGE) if query.acronym else entry_share
    return 2 * share / (1 + share)


def score_entry(
    index: CatalogIndex, query: Query, entry: Entry, entry_share: float
) -> tuple[float, bool]:
    """The entry's score for the query and whether a typo was needed (cached per query)."""
    key = id(entry)
    found = query.scores.get(key)
    if found is None:
        found = query.scores[key] = _computed_score(index, query, entry, entry_share)
    return found


def _computed_score(
    index: CatalogIndex, query: Query, entry: Entry, entry_share: float
) -> tuple[float, bool]:
    """Harmonic mean of how much of the mention the item explains and how much of the entry
    the mention names (``entry_share``); and whether a typo-level (fuzzy) similarity was needed.

    The mention may draw on all of an item's names ("медполисы для сотрудников": "медполис" is
    a synonym, "сотрудник" is in the name). Context terms count half when the item lacks them.
    An acronym ("1С") found as a word of an entry whose other words are generic heads names it:
    "у вас нет 1С" is the "Интеграция с 1С".
    """
    own_words = entry.terms if entry.route == "category" else index.item_terms[entry.items[0]]
    if _numbers_differ(query, own_words):
        return 0.0, False  # "абонемент на 3 месяца" is not "Абонемент на 1 месяц"
    if entry.route == "category":  # pool: the category's own words
        covered_mention, fuzzy_used = _mention_coverage(index, query, entry.terms)
    else:  # pool: every name and synonym of the item
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
    index: CatalogIndex, query: Query, pool: frozenset[str]
) -> tuple[float, bool]:
    """The weighted share of the mention's terms the ``pool`` explains. A number, time, person
    or place the pool does not explain counts little ("рассрочка на год")."""
    hit = total = 0.0
    fuzzy_used = False
    for term, similar in query.near.items():
        sim, target = max(((s, t) for t, s in similar.items() if t in pool), default=(0.0, ""))
        weight = _idf(index, term, target)
        if low_info(term) and not sim:
            weight *= LOW_INFO_FACTOR
        if term in query.light:
            weight *= CONTEXT_WEIGHT
        total += weight
        hit += weight * sim
        fuzzy_used = fuzzy_used or (term, target) in index.fuzzy_pairs
    return hit / total, fuzzy_used


def _idf(index: CatalogIndex, term: str, target: str) -> float:
    """The term's IDF (or its catalog look-alike's, or the weight of a word the catalog lacks)."""
    weight = index.weights.get(term) or index.weights.get(target)
    return weight or index.unknown_weight


def _numbers_differ(query: Query, pool: frozenset[str]) -> bool:
    """Both sides name a number and share none: another variant of the product."""
    own = {t for t in query.near if t.isdigit() and t not in query.light}
    if not own:
        return False  # (most mentions: no need to scan the item's whole vocabulary)
    theirs = {t for t in pool if t.isdigit()}
    return bool(theirs and not own & theirs)
