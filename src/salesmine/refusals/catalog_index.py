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
from rapidfuzz import fuzz, process

from salesmine.records import CatalogItem
from salesmine.refusals.catalog_terms import (
    LOW_INFO_FACTOR,
    STEM_LENGTH,
    initials,
    is_cyrillic,
    low_info,
    phrase_terms,
    root,
    stem,
    strip_ending,
)
from salesmine.refusals.claim_bilingual import skeleton

STEM_SIMILARITY = 0.85
# Same first letters is a stem only when they are most of the shorter word ("выезд" ~
# "выездной"), not a shared prefix of two compounds ("видеоконсультация" / "видеоконференция").
STEM_SLACK = 2  # "поставка" is not "постановка"
TRANSLIT_SIMILARITY = 0.9  # "трейд" ~ "trade": the same word in the other script
ROOT_SIMILARITY = 0.7  # "платить" ~ "оплата": the same root under a prefix
COMPOUND_SIMILARITY = 0.75  # "атака" ~ "кибератака", "потребкредит" ~ "кредит"
MIN_COMPOUND_PART = 5
FUZZY_CUTOFF = 86  # rapidfuzz ratio (0-100) for a typo'd term to count at all
FUZZY_CUTOFF_SHORT = 80  # one typo in a five-letter word is a ratio of 80
SHORT_WORD = 6
MIN_FUZZY_LENGTH = 5
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
    )


def _lookups(terms: Iterable[str]) -> tuple[dict[str, list[str]], ...]:
    """Catalog terms by stem, by root, by suffix (compound parts) and by transliteration."""
    stems: dict[str, list[str]] = defaultdict(list)
    roots: dict[str, list[str]] = defaultdict(list)
    suffixes: dict[str, list[str]] = defaultdict(list)
    skeletons: dict[str, list[str]] = defaultdict(list)
    for term in terms:
        if skeleton(term):
            skeletons[skeleton(term)].append(term)
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


def _near_terms(index: CatalogIndex, term: str) -> dict[str, float]:
    """``term`` itself when the catalog knows it, plus same-stem (and same-root) terms; else the
    same word in the other script; else close spellings; else compound parts."""
    similar: dict[str, float] = {}
    if term in index.postings:
        similar[term] = 1.0
    for other, sim in _derived_terms(index, term).items():
        similar.setdefault(other, sim)
    for step in (_translit_terms, _fuzzy_terms, _compound_terms):
        if similar:
            break
        similar.update(step(index, term))
    return similar


def _derived_terms(index: CatalogIndex, term: str) -> dict[str, float]:
    """Same stem ("выезд" ~ "выездной") or, for a word the catalog lacks, the same root under a
    prefix ("платить" ~ "оплата")."""
    found: dict[str, float] = {}
    if len(term) >= STEM_LENGTH:
        for other in index.stems.get(stem(term), ()):
            if _shared_prefix(term, other) >= min(len(term), len(other)) - STEM_SLACK:
                found.setdefault(other, STEM_SIMILARITY)
    if term not in index.postings and root(term):
        for other in index.roots.get(root(term), ()):
            found.setdefault(other, ROOT_SIMILARITY)
    return found


def _translit_terms(index: CatalogIndex, term: str) -> dict[str, float]:
    """The catalog's word in the other script with the same consonant skeleton."""
    found = {}
    for other in index.skeletons.get(skeleton(term), ()) if skeleton(term) else ():
        if is_cyrillic(other) != is_cyrillic(term):
            found[other] = TRANSLIT_SIMILARITY
            index.translit_pairs.add((term, other))
    return found


def _fuzzy_terms(index: CatalogIndex, term: str) -> dict[str, float]:
    """Catalog words a typo away (rapidfuzz ratio); never for short words like ДМС or СМР."""
    if len(term) < MIN_FUZZY_LENGTH or not term.isalpha():
        return {}
    cutoff = FUZZY_CUTOFF_SHORT if len(term) <= SHORT_WORD else FUZZY_CUTOFF
    found = {}
    for other, ratio, _ in process.extract(
        term, index.vocab, scorer=fuzz.ratio, score_cutoff=cutoff, limit=3
    ):
        if len(other) >= MIN_FUZZY_LENGTH:
            found[other] = ratio / 100
            index.fuzzy_pairs.add((term, other))
    return found


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _compound_terms(index: CatalogIndex, term: str) -> dict[str, float]:
    """Catalog compounds ending in ``term`` ("кибератака" for "атака") and catalog terms that
    end ``term`` ("кредит" in "потребкредит")."""
    if len(term) < MIN_COMPOUND_PART or not term.isalpha():
        return {}
    # "атака" ~ "кибератак" (an unknown compound is kept as its bare stem)
    tails = {term, strip_ending(term)} if is_cyrillic(term) else {term}
    found = {
        other: COMPOUND_SIMILARITY
        for tail in tails
        if len(tail) >= MIN_COMPOUND_PART - 1
        for other in index.suffixes.get(tail, ())
        if len(other) > len(tail)
    }
    for cut in range(2, len(term) - MIN_COMPOUND_PART + 1):
        if term[cut:] in index.postings:
            found.setdefault(term[cut:], COMPOUND_SIMILARITY)
    return found
