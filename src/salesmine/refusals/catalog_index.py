"""The catalog as an index: every name, synonym and category is an *entry* (a set of content
terms), with a term -> entries inverted index, IDF weights, and the catalog terms close to a
mention's term (same stem, compound part, or a typo away).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_near import MIN_COMPOUND_PART, near_terms, translit_keys
from salesmine.refusals.catalog_stems import STEM_LENGTH, root, stem
from salesmine.refusals.catalog_terms import (
    LOW_INFO_FACTOR,
    initials,
    low_info,
    phrase_terms,
)
from salesmine.refusals.catalog_univerbation import Stems, univerbation_stems

_ACRONYM_WORD = re.compile(r"\b[^\W\d_]{2,5}\b")  # ДМС, СМР, 1С, CRM: never fuzzy


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
    entry_weight: np.ndarray  # total (discounted) term weight of each entry
    item_terms: list[frozenset[str]]  # all terms of an item's name and synonyms
    term_owners: dict[str, frozenset[int]]  # term -> items whose name or synonyms have it
    item_entries: list[list[int]]
    stems: dict[str, list[str]]
    roots: dict[str, list[str]]
    suffixes: dict[str, list[str]]
    vocab: tuple[str, ...]
    unknown_weight: float
    skeletons: dict[str, list[str]] = field(default_factory=dict, repr=False)
    # abbreviation -> items whose name or synonym it abbreviates ("смр" -> СМР item)
    abbreviations: dict[str, frozenset[int]] = field(default_factory=dict, repr=False)
    acronyms: frozenset[str] = frozenset()  # catalog terms written as abbreviations ("смр")
    fuzzy_pairs: set[tuple[str, str]] = field(default_factory=set, repr=False)
    translit_pairs: set[tuple[str, str]] = field(default_factory=set, repr=False)
    by_initial: dict[str, list[str]] = field(default_factory=dict, repr=False)
    # first letters -> (stem of a name's first adjective, item): "сроч" -> ("срочн", k)
    univerbations: Stems = field(default_factory=dict, repr=False)
    _near: dict[str, dict[str, float]] = field(default_factory=dict, repr=False)
    # glossary translation -> catalog terms it stands for (``catalog_glossary``), per index
    translated: dict[str, dict[str, float]] = field(default_factory=dict, repr=False)
    cache: dict[tuple[object, ...], object] = field(default_factory=dict, repr=False)

    def near_terms(self, term: str) -> dict[str, float]:
        """Catalog terms similar to ``term`` with a similarity in (0, 1]; cached per term."""
        cached = self._near.get(term)
        if cached is None:
            cached = self._near[term] = near_terms(self, term)
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
    stems, roots, suffixes, skeletons = _lookups(lists)
    return CatalogIndex(
        items,
        entries,
        {t: np.asarray(ns, dtype=np.int64) for t, ns in lists.items()},
        weights,
        np.asarray([sum(_discounted(weights, t) for t in e.terms) for e in entries]),
        [frozenset(t) for t in item_terms],
        _owners(item_terms),
        item_entries,
        stems,
        roots,
        suffixes,
        tuple(lists),
        unknown_weight=math.log(1 + 2 * size),
        skeletons=skeletons,
        abbreviations=_abbreviations(items),
        acronyms=_acronym_terms(items),
        by_initial=_by_initial(lists),
        univerbations=univerbation_stems(items),
    )


def _by_initial(terms: Iterable[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for term in terms:
        if term[:1].isalpha():
            found[term[0]].append(term)
    return dict(found)


def _lookups(terms: Iterable[str]) -> tuple[dict[str, list[str]], ...]:
    """Catalog terms by stem, by root, by suffix (compound parts) and by transliteration."""
    stems: dict[str, list[str]] = defaultdict(list)
    roots: dict[str, list[str]] = defaultdict(list)
    suffixes: dict[str, list[str]] = defaultdict(list)
    skeletons: dict[str, list[str]] = defaultdict(list)
    for term in terms:
        for key in translit_keys(term):
            skeletons[key].append(term)
        if root(term):
            roots[root(term)].append(term)
        if len(term) >= STEM_LENGTH:
            stems[stem(term)].append(term)
        for cut in range(2, len(term) - MIN_COMPOUND_PART + 2):
            suffixes[term[cut:]].append(term)
    return dict(stems), dict(roots), dict(suffixes), dict(skeletons)


def _discounted(weights: dict[str, float], term: str) -> float:
    """A term's weight in its entry's total: a number, time, person or place counts a quarter
    unless the mention names it (see ``catalog_match._shares``)."""
    return weights[term] * LOW_INFO_FACTOR if low_info(term) else weights[term]


def _acronym_terms(items: tuple[CatalogItem, ...]) -> frozenset[str]:
    """Terms the catalog writes as an abbreviation: "СМР", "дмс" (2-5 letters, upper case or
    no vowel), never an ordinary short word like "дом"."""
    found = set()
    for item in items:
        for _, text in item_texts(item):
            for word in _ACRONYM_WORD.findall(text):
                if word.isupper() or not any(c in "аеёиоуыэюяaeiouy" for c in word.lower()):
                    found.add(word.lower().replace("ё", "е"))
    return frozenset(found)


def _abbreviations(items: tuple[CatalogItem, ...]) -> dict[str, frozenset[int]]:
    """The initials of every multi-word name and synonym, to expand "СМР" or "ВЗР" when the
    catalog spells the item out only."""
    found: dict[str, set[int]] = defaultdict(set)
    for k, item in enumerate(items):
        for _, text in item_texts(item):
            for abbreviation in initials(text):
                found[abbreviation].add(k)
                # "ТО" for "Техническое обслуживание систем безопасности": the leading words
                for cut in range(2, len(abbreviation)):
                    found[abbreviation[:cut]].add(k)
    return {a: frozenset(ks) for a, ks in found.items()}


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
