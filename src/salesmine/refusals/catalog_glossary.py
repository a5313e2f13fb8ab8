"""Catalog matching across languages through a hand-written Russian <-> English glossary.

A note may name a product in English ("paint thinner", "site supervision") while the catalog
keeps it in Russian only ("Растворитель Р-646", "Шеф-монтаж и технадзор"), or the other way
round. The lexical routes of ``catalog_match`` tie the two scripts only through a short list of
folded words and transliteration, so such a mention stays unmatched. This module translates a
mention's content terms through ``models/claims/glossary_ru_en.tsv`` (every sense of a word and
every multi-word term the mention contains) into the catalog terms they stand for;
``catalog_match`` then scores the mention again with those terms added, at
``TRANSLATION_SIMILARITY``, so a translated match always scores below the same words written in
the catalog's language and is tried only when the lexical routes find nothing.

A word the glossary lacks is looked up through its English family ("interpreter" through
"interpreting", ``catalog_families``), and Russian compounds are split against two words
("thermal labels" / "Термоэтикетки", ``catalog_compounds``).

A translation match must rest on a specific word: "service" / "обслуживание", a time or a place
alone never names an item (``specific_evidence``).
"""

from __future__ import annotations

import dataclasses
import functools
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from salesmine.refusals.catalog_compounds import compound_near
from salesmine.refusals.catalog_families import family_key
from salesmine.refusals.catalog_near import STEM_SIMILARITY
from salesmine.refusals.catalog_scoring import GENERIC_HEADS
from salesmine.refusals.catalog_terms import STOP_TERMS, is_cyrillic, low_info, phrase_terms

if TYPE_CHECKING:
    from salesmine.refusals.catalog_index import CatalogIndex

__all__ = [
    "TRANSLATION_SIMILARITY",
    "Glossary",
    "glossary",
    "load_glossary",
    "specific_evidence",
    "specific_term",
    "translated_near",
]

# Below an exact word (1.0) and a transliteration (0.9 in ``catalog_near``): a translation is
# one sense among several, so the same word in the catalog's language scores higher.
TRANSLATION_SIMILARITY = 0.88
# Words that say what kind of thing it is, not which one: a translation of only these names no
# item ("service" for "Сервисное обслуживание" of a catalog with ten services).
GENERIC_TERMS = GENERIC_HEADS | frozenset(
    """обслуживание сервис услуга работа система решение продукт товар программа пакет тариф
    план оплата платеж заказ поддержка помощь технический дополнительный индивидуальный
    персональный специальный общий полный новый базовый стандартный профессиональный управление
    контроль организация проведение обработка предоставление оформление подключение настройка
    установка проверка оценка консультация сопровождение средство материал оборудование
    service servicing support work system solution product goods plan package payment order
    technical additional extra custom personal special general full new basic standard
    professional management control organization processing handling setup provision help
    assistance consultation material equipment tool process""".split()
)
Near = dict[str, dict[str, float]]


@dataclass(frozen=True)
class Glossary:
    """Term-level translations: one term to the terms of all its senses, and multi-term sources
    (a set of terms that must all be in the mention) to their targets."""

    words: dict[str, tuple[frozenset[str], ...]]  # term -> the target terms of each sense
    # by the family key (``catalog_families``) of each source term; the source as keys
    phrases: dict[str, tuple[tuple[frozenset[str], frozenset[str]], ...]]
    size: int  # entries (lines) read
    # English family key -> the senses of every one-word source of that family
    families: dict[str, tuple[frozenset[str], ...]] = dataclasses.field(default_factory=dict)


def default_path() -> Path:
    """The glossary shipped with salesmine."""
    models = resources.files("salesmine").joinpath("models", "claims")
    return Path(str(models.joinpath("glossary_ru_en.tsv")))


@functools.lru_cache(maxsize=1)
def glossary() -> Glossary:
    """The shipped glossary, loaded once."""
    return load_glossary(default_path())


def load_glossary(path: Path) -> Glossary:
    """Read a glossary file: ``russian<TAB>english`` lines, alternatives split by ``|`` on
    either side, ``#`` comments. Raises ValueError naming the line when one is malformed."""
    words: dict[str, set[frozenset[str]]] = defaultdict(set)
    phrases: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = defaultdict(list)
    size = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        russian, english = _sides(line, path, number)
        size += 1
        for source, target in _pairs(russian, english):
            _add(words, phrases, source, target)
    families: dict[str, set[frozenset[str]]] = defaultdict(set)
    for term, senses in words.items():
        if not is_cyrillic(term):
            families[family_key(term)] |= senses
    return Glossary(
        {t: tuple(sorted(ts, key=sorted)) for t, ts in words.items()},
        {t: tuple(ps) for t, ps in phrases.items()},
        size,
        {k: tuple(sorted(ts, key=sorted)) for k, ts in families.items()},
    )


def _sides(line: str, path: Path, number: int) -> tuple[list[str], list[str]]:
    cells = line.split("\t")
    sides = [[a.strip() for a in cell.split("|") if a.strip()] for cell in cells]
    if len(cells) != 2 or not all(sides):
        raise ValueError(f"{path}:{number}: expected 'russian<TAB>english', got {line!r}")
    return sides[0], sides[1]


def _pairs(russian: list[str], english: list[str]) -> list[tuple[frozenset[str], frozenset[str]]]:
    """Both directions of every Russian/English alternative pair, as content-term sets. A
    target keeps only the words of the other script: an English word folded into Russian
    ("home" -> "дом", "paint" -> "покраска") is a same-language hop, not a translation."""
    found = []
    for ru in map(phrase_terms, russian):
        for en in map(phrase_terms, english):
            if len(ru) == 1 and ru < en:
                # "video surveillance" folds "surveillance" into the one Russian word
                # "видеонаблюдение": "video" is the translation of a part of it, not of it
                continue
            found.append((ru, frozenset(t for t in en - ru if not is_cyrillic(t))))
            found.append((en, frozenset(t for t in ru - en if is_cyrillic(t))))
    # a source must keep a word of its own language ("painting" is read as "покраска")
    return [(s, t) for s, t in found if t and _scripts(s) != _scripts(t)]


def _scripts(terms: frozenset[str]) -> frozenset[bool]:
    return frozenset(is_cyrillic(t) for t in terms if t[:1].isalpha())


def _add(
    words: dict[str, set[frozenset[str]]],
    phrases: dict[str, list[tuple[frozenset[str], frozenset[str]]]],
    source: frozenset[str],
    target: frozenset[str],
) -> None:
    if len(source) == 1:
        words[next(iter(source))].add(target)
        return
    keys = frozenset(map(family_key, source))  # "group booking" meets "group bookings"
    for key in keys:
        phrases[key].append((keys, target))


def translations(
    terms: frozenset[str], table: Glossary | None = None
) -> dict[str, set[frozenset[str]]]:
    """Each mention term's translations, one term set per sense: all senses of the word, plus
    the targets of every multi-term glossary source the mention contains ("paint thinner",
    "site supervision"). A word the glossary lacks is read through its English family
    ("interpreter" through "interpreting")."""
    table = table or glossary()
    found: dict[str, set[frozenset[str]]] = {}
    keys = frozenset(map(family_key, terms))
    for term in terms:
        key = family_key(term)
        senses = set(table.words.get(term) or table.families.get(key, ()))
        senses |= {t for source, t in table.phrases.get(key, ()) if source <= keys}
        if senses:
            found[term] = senses
    return found


def translated_near(
    index: CatalogIndex, near: Near, light: frozenset[str] = frozenset()
) -> tuple[Near, Near]:
    """The query's near terms with the translations of each mention term added (the catalog
    terms a translation is, or shares a stem with, at ``TRANSLATION_SIMILARITY``) and the
    compounds the mention's words make or are split into (``catalog_compounds``), and the added
    part alone; both empty when no specific translation reaches a catalog term the query
    lacked. ``light`` are context terms (the note's verb)."""
    added: Near = {}
    for term, senses in translations(frozenset(near)).items():
        for sense in senses:
            _keep_better(added, near, term, _sense_terms(index, sense))
    # the note's verb ("не страхуем машины") is no half of a compound ("автострахование")
    own = {t: similar for t, similar in near.items() if t not in light}
    for term, similar in compound_near(index, own, _one_word_senses).items():
        _keep_better(added, near, term, similar)
    if not any(
        specific_term(t) and any(map(specific_term, similar)) for t, similar in added.items()
    ):
        return {}, {}  # only generic words translated: no match could stand (a shortcut)
    merged = {t: {**similar, **added.get(t, {})} for t, similar in near.items()}
    return merged, added


def _keep_better(added: Near, near: Near, term: str, similar: dict[str, float]) -> None:
    """Add the catalog terms ``term`` reaches closer than it did before."""
    for other, sim in similar.items():
        if near[term].get(other, 0.0) < sim and added.get(term, {}).get(other, 0.0) < sim:
            added.setdefault(term, {})[other] = sim


@functools.lru_cache(maxsize=50_000)
def _one_word_senses(term: str) -> frozenset[str]:
    """A term's translations that are one word ("label" -> "этикетка", "бирка")."""
    found = translations(frozenset((term,))).get(term, ())
    return frozenset(next(iter(sense)) for sense in found if len(sense) == 1)


def _sense_terms(index: CatalogIndex, sense: frozenset[str]) -> dict[str, float]:
    """The catalog terms of one sense — only when the catalog knows every word of it: "legal
    entity" for "company" is no evidence for an item that only says "legal"."""
    found: dict[str, float] = {}
    for target in sense:
        terms = _catalog_terms(index, target)
        if not terms:
            return {}
        found.update(terms)
    return found


def _catalog_terms(index: CatalogIndex, target: str) -> dict[str, float]:
    """Catalog terms a translated word stands for: itself, or a word of the same stem in the
    same script (never a typo, compound or transliteration guess: a translation is already one
    step away). Cached per index."""
    cached = index.translated.get(target)
    if cached is None:
        if target in index.postings:
            cached = {target: TRANSLATION_SIMILARITY}
        elif not is_cyrillic(target):
            cached = {}  # English lemmas meet exactly; a shared stem ("checkout" ~ "checkup") lies
        else:
            cached = {
                other: TRANSLATION_SIMILARITY * sim
                for other, sim in index.near_terms(target).items()
                if sim >= STEM_SIMILARITY
                and is_cyrillic(other) == is_cyrillic(target)
                and (target, other) not in index.fuzzy_pairs
                and (target, other) not in index.translit_pairs
            }
        index.translated[target] = cached
    return cached


def specific_evidence(index: CatalogIndex, added: Near, item: str, matched: str) -> bool:
    """Does the translated part of a match name the item by a specific word (not "service", a
    time or a place)? ``item`` is the matched item's name, ``matched`` the text that matched."""
    pool: set[str] = set(phrase_terms(matched))
    for k, candidate in enumerate(index.items):
        if candidate.name == item:
            pool |= index.item_terms[k]
    return any(
        other in pool and specific_term(other) and specific_term(term)
        for term, similar in added.items()
        for other in similar
    )


def specific_term(term: str) -> bool:
    """Does the term name which thing, not only what kind of thing, a time or a place?"""
    return term not in GENERIC_TERMS and term not in STOP_TERMS and not low_info(term)
