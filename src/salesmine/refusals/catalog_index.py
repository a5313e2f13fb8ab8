"""The catalog as an index: every name, synonym and category is an *entry* (a set of content
terms), with a term -> entries inverted index, IDF weights, and the catalog terms close to a
mention's term (same stem, compound part, or a typo away).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_terms import STEM_LENGTH, phrase_terms, root, stem

STEM_SIMILARITY = 0.85
ROOT_SIMILARITY = 0.7  # "платить" ~ "оплата": the same root under a prefix
COMPOUND_SIMILARITY = 0.75  # "атака" ~ "кибератака", "потребкредит" ~ "кредит"
MIN_COMPOUND_PART = 5
FUZZY_CUTOFF = 86  # rapidfuzz ratio (0-100) for a typo'd term to count at all
FUZZY_CUTOFF_SHORT = 80  # one typo in a five-letter word is a ratio of 80
SHORT_WORD = 6
MIN_FUZZY_LENGTH = 5  # ДМС, СМР, 1С, CRM: never fuzzy


@dataclass(frozen=True)
class Entry:
    """A name, synonym or category: the item(s) it stands for and its content terms."""

    items: tuple[int, ...]  # one item, or every item of a category
    route: str  # name / synonym / category
    text: str
    terms: frozenset[str]


@dataclass
class CatalogIndex:
    """Entries of a catalog with their inverted index; build with ``build_index``."""

    items: tuple[CatalogItem, ...]
    entries: list[Entry]
    postings: dict[str, np.ndarray]  # term -> entry numbers
    weights: dict[str, float]  # term -> IDF over items
    entry_weight: np.ndarray  # total term weight of each entry
    item_terms: list[frozenset[str]]  # all terms of an item's name and synonyms
    term_owners: dict[str, frozenset[int]]  # term -> items whose name or synonyms have it
    item_entries: list[list[int]]
    stems: dict[str, list[str]]
    roots: dict[str, list[str]]
    suffixes: dict[str, list[str]]
    vocab: tuple[str, ...]
    unknown_weight: float
    fuzzy_pairs: set[tuple[str, str]] = field(default_factory=set, repr=False)
    _near: dict[str, dict[str, float]] = field(default_factory=dict, repr=False)
    cache: dict[tuple[object, ...], object] = field(default_factory=dict, repr=False)

    def near_terms(self, term: str) -> dict[str, float]:
        """Catalog terms similar to ``term`` with a similarity in (0, 1]; cached per term."""
        cached = self._near.get(term)
        if cached is None:
            cached = self._near[term] = _near_terms(self, term)
        return cached


def build_index(catalog: Iterable[CatalogItem]) -> CatalogIndex:
    """Index a catalog's names, synonyms and categories for ``match_catalog``."""
    items = tuple(catalog)
    entries = [e for e in _entries(items) if e.terms]
    lists: dict[str, list[int]] = defaultdict(list)
    term_items: dict[str, set[int]] = defaultdict(set)
    item_terms: list[set[str]] = [set() for _ in items]
    item_entries: list[list[int]] = [[] for _ in items]
    for n, entry in enumerate(entries):
        for term in entry.terms:
            lists[term].append(n)
            term_items[term].update(entry.items)
        if entry.route != "category":
            item_terms[entry.items[0]].update(entry.terms)
            item_entries[entry.items[0]].append(n)
    size = max(len(items), 1)
    weights = {t: math.log(1 + size / len(ks)) for t, ks in term_items.items()}
    stems: dict[str, list[str]] = defaultdict(list)
    suffixes: dict[str, list[str]] = defaultdict(list)
    roots: dict[str, list[str]] = defaultdict(list)
    for term in lists:
        if root(term):
            roots[root(term)].append(term)
        if len(term) >= STEM_LENGTH:
            stems[stem(term)].append(term)
        for cut in range(2, len(term) - MIN_COMPOUND_PART + 1):
            suffixes[term[cut:]].append(term)
    return CatalogIndex(
        items,
        entries,
        {t: np.asarray(ns, dtype=np.int64) for t, ns in lists.items()},
        weights,
        np.asarray([sum(weights[t] for t in e.terms) for e in entries]),
        [frozenset(t) for t in item_terms],
        _owners(item_terms),
        item_entries,
        dict(stems),
        dict(roots),
        dict(suffixes),
        tuple(lists),
        unknown_weight=math.log(1 + 2 * size),
    )


def _owners(item_terms: list[set[str]]) -> dict[str, frozenset[int]]:
    owners: dict[str, set[int]] = defaultdict(set)
    for k, terms in enumerate(item_terms):
        for term in terms:
            owners[term].add(k)
    return {t: frozenset(ks) for t, ks in owners.items()}


def item_texts(item: CatalogItem) -> list[tuple[str, str]]:
    """(route, text) pairs of an item: its name, the name's bracketed abbreviation, its synonyms."""
    texts = [("name", item.name)]
    if "(" in item.name and item.name.rstrip().endswith(")"):
        head, _, inner = item.name.rstrip(")").partition("(")
        texts += [("name", head.strip()), ("name", inner.strip())]
    return texts + [("synonym", s) for s in item.synonyms if s.strip()]


def _entries(items: tuple[CatalogItem, ...]) -> list[Entry]:
    entries = []
    by_category: dict[str, list[int]] = defaultdict(list)
    for k, item in enumerate(items):
        entries += [
            Entry((k,), route, text, phrase_terms(text)) for route, text in item_texts(item)
        ]
        if item.category.strip():
            by_category[item.category.strip()].append(k)
    entries += [Entry(tuple(ks), "category", c, phrase_terms(c)) for c, ks in by_category.items()]
    return entries


def _near_terms(index: CatalogIndex, term: str) -> dict[str, float]:
    """``term`` itself when the catalog knows it, plus same-stem terms; else compound parts;
    else close spellings."""
    similar: dict[str, float] = {}
    if term in index.postings:
        similar[term] = 1.0
    if len(term) >= STEM_LENGTH:
        for other in index.stems.get(stem(term), ()):
            similar.setdefault(other, STEM_SIMILARITY)
    if term not in index.postings and root(term):
        for other in index.roots.get(root(term), ()):
            similar.setdefault(other, ROOT_SIMILARITY)
    if not similar and len(term) >= MIN_COMPOUND_PART and term.isalpha():
        similar.update(_compound_terms(index, term))
    if not similar and len(term) >= MIN_FUZZY_LENGTH and term.isalpha():
        cutoff = FUZZY_CUTOFF_SHORT if len(term) <= SHORT_WORD else FUZZY_CUTOFF
        for other, ratio, _ in process.extract(
            term, index.vocab, scorer=fuzz.ratio, score_cutoff=cutoff, limit=3
        ):
            if len(other) >= MIN_FUZZY_LENGTH:
                similar[other] = ratio / 100
                index.fuzzy_pairs.add((term, other))
    return similar


def _compound_terms(index: CatalogIndex, term: str) -> dict[str, float]:
    """Catalog compounds ending in ``term`` ("кибератака" for "атака") and catalog terms that
    end ``term`` ("кредит" in "потребкредит")."""
    found = {other: COMPOUND_SIMILARITY for other in index.suffixes.get(term, ())}
    for cut in range(2, len(term) - MIN_COMPOUND_PART + 1):
        if term[cut:] in index.postings:
            found.setdefault(term[cut:], COMPOUND_SIMILARITY)
    return found
