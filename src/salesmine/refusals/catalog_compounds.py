"""Russian compounds with a shortened first part against the words they stand for.

Russian writes as one word what English (and often Russian too) writes as two: "Термоэтикетки" /
"thermal labels", "автомойка" / "car wash", "медодежда" / "медицинская одежда",
"видеоконсультация" / "video consultation". The lexical routes see one unknown term on one side
and two on the other; the glossary cannot list every compound. ``compound_near`` splits a Russian
compound at a known first part (``PREFIXES``: "термо", "авто", "мед"...) and ties it to the
mention's two words when one of them is what the first part abbreviates and the other is, or
translates to, the rest. Both halves must be named: "labels" alone never meets "Термоэтикетки".
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from salesmine.refusals.catalog_near import STEM_SIMILARITY
from salesmine.refusals.catalog_terms import is_cyrillic, phrase_terms

if TYPE_CHECKING:
    from salesmine.refusals.catalog_index import CatalogIndex

Near = dict[str, dict[str, float]]
Senses = Callable[[str], Iterable[str]]  # a term's one-word translations

# First parts of Russian compounds and the words they shorten, in both languages (folded through
# ``phrase_terms`` on use, so "car" meets "автомобиль"). Written from general knowledge.
PREFIXES = {
    "термо": "thermal thermo heat тепловой термический",
    "тепло": "heat thermal тепловой",
    "авто": "auto automatic car automotive vehicle автомобиль автоматический автомобильный",
    "мото": "motorcycle motorbike moto мотоцикл",
    "вело": "bicycle bike cycle велосипед",
    "видео": "video видео",
    "аудио": "audio sound аудио звуковой",
    "фото": "photo photograph photographic фотография",
    "эко": "eco ecological green environmental экологический",
    "био": "bio biological organic биологический",
    "мини": "mini small compact маленький",
    "микро": "micro",
    "электро": "electric electrical electro электрический",
    "энерго": "energy power энергетический",
    "гидро": "hydro hydraulic water гидравлический",
    "водо": "water вода",
    "аэро": "aero air",
    "авиа": "air aviation flight авиационный",
    "агро": "agro agricultural farm сельскохозяйственный",
    "мед": "medical медицинский",
    "стомато": "dental стоматологический",
    "фито": "phyto herbal",
    "кибер": "cyber",
    "веб": "web",
    "теле": "tv television tele телевизионный",
    "радио": "radio",
    "медиа": "media",
    "спорт": "sport sports спортивный",
    "спец": "special specialised specialized специальный",
    "тех": "technical tech технический",
    "гос": "state government public государственный",
    "строй": "construction building строительный",
    "хоз": "household хозяйственный",
    "пром": "industrial промышленный",
    "газо": "gas газ",
    "нефте": "oil нефть",
    "свето": "light lighting свет",
    "пожаро": "fire пожар",
    "грузо": "cargo freight груз",
    "полу": "semi half",
    "мульти": "multi",
    "много": "multi",
    "само": "self",
    "анти": "anti",
    "противо": "anti",
    "евро": "euro european",
    "экспресс": "express",
    "кардио": "cardio",
    "физио": "physio",
    "стерео": "stereo",
    "смарт": "smart",
    "турбо": "turbo",
    "интернет": "internet online",
}
# Longest first: "медиаплан" is "медиа" + "план", not "мед" + "иаплан".
_ORDER = sorted(PREFIXES, key=len, reverse=True)
MIN_REST = 4  # "термос" is not "термо" + "с"; "автор" is no compound
COMPOUND_SIMILARITY = 0.88  # as a glossary translation: one step from the catalog's words
STEM_SLACK = 2


@functools.lru_cache(maxsize=1)
def _expansions() -> dict[str, frozenset[str]]:
    """Each first part's words as the content terms a mention is read into."""
    return {
        prefix: frozenset(t for word in words.split() for t in phrase_terms(word))
        for prefix, words in PREFIXES.items()
    }


@functools.lru_cache(maxsize=50_000)
def split_compound(term: str) -> tuple[str, str] | None:
    """(first part, rest) of a Russian compound ("термоэтикетка" -> ("термо", "этикетка")), or
    None when ``term`` starts with no known first part or the rest is too short."""
    if not is_cyrillic(term) or not term.isalpha():
        return None
    for prefix in _ORDER:
        if term.startswith(prefix) and len(term) - len(prefix) >= MIN_REST:
            return prefix, term[len(prefix) :]
    return None


def compound_near(index: CatalogIndex, near: Near, senses: Senses) -> Near:
    """Catalog terms the mention's words reach as a compound: a catalog compound both of whose
    parts the mention names ("thermal labels" -> "термоэтикетка"), and the catalog words that
    name both parts of a mention compound ("термоэтикетки" -> "thermal", "label")."""
    added: Near = defaultdict(dict)
    _catalog_compounds_named(index, near, senses, added)
    _mention_compounds_split(index, near, senses, added)
    return dict(added)


def _catalog_compounds_named(index: CatalogIndex, near: Near, senses: Senses, added: Near) -> None:
    compounds = _catalog_compounds(index)
    if not compounds:
        return
    for term in near:
        for base in _base_words(term, senses):
            for prefix, compound in _rests(compounds, base):
                modifiers = [m for m in near if m != term and m in _expansions()[prefix]]
                if modifiers:  # "labels" alone is no "термоэтикетка"
                    for named in (term, *modifiers):
                        added[named][compound] = COMPOUND_SIMILARITY


def _mention_compounds_split(index: CatalogIndex, near: Near, senses: Senses, added: Near) -> None:
    for term in near:
        parts = split_compound(term)
        if parts is None:
            continue
        prefix, rest = parts
        modifiers = _expansions()[prefix] & index.postings.keys()
        if not modifiers:
            continue
        heads = {
            other for base in _base_words(rest, senses) for other in _catalog_words(index, base)
        }
        # both halves named by one item: "thermal" of one item and "package" of another
        # are no "термопакет"
        both = _owners(index, modifiers) & _owners(index, heads)
        kept = {t for t in modifiers | heads if _owners(index, {t}) & both}
        added[term].update(dict.fromkeys(kept, COMPOUND_SIMILARITY))


def _owners(index: CatalogIndex, terms: Iterable[str]) -> set[int]:
    return {k for t in terms for k in index.term_owners.get(t, ())}


def _base_words(term: str, senses: Senses) -> set[str]:
    """The term and its one-word translations."""
    return {term, *senses(term)}


def _catalog_words(index: CatalogIndex, word: str) -> set[str]:
    """Catalog terms that are ``word`` or share its stem (same script only)."""
    found = {word} if word in index.postings else set()
    for other, sim in index.near_terms(word).items():
        if sim >= STEM_SIMILARITY and is_cyrillic(other) == is_cyrillic(word):
            if (word, other) not in index.fuzzy_pairs and (word, other) not in index.translit_pairs:
                found.add(other)
    return found


def _rests(compounds: dict[str, list[tuple[str, str, str]]], base: str) -> list[tuple[str, str]]:
    """(first part, compound) of catalog compounds whose rest is ``base`` or shares its stem
    ("этикетка" / "этикетки")."""
    return [
        (prefix, compound)
        for rest, prefix, compound in compounds.get(_rest_key(base), ())
        if rest == base or _shared(base, rest) >= min(len(base), len(rest)) - STEM_SLACK
    ]


def _rest_key(word: str) -> str:
    return word[:5]


def _shared(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _catalog_compounds(index: CatalogIndex) -> dict[str, list[tuple[str, str, str]]]:
    """The catalog's compounds by the first letters of their rest: "этике" -> [("этикетка",
    "термо", "термоэтикетка")]. Cached per index."""
    key = ("compounds by rest",)
    found = index.cache.get(key)
    if found is None:
        table: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for term in index.postings:
            parts = split_compound(term)
            if parts:
                table[_rest_key(parts[1])].append((parts[1], parts[0], term))
        found = index.cache[key] = dict(table)
    return found  # type: ignore[return-value]
