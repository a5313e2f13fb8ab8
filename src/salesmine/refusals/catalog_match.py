"""Match a product phrase from a note ("лизинга на б/у технику") to a catalog item.

Every catalog name, synonym and category is an entry of a ``CatalogIndex`` (content terms:
lemmas, with a few colloquial forms folded together). A mention term the catalog does not know
exactly is looked up by stem (``выезд`` ~ ``выездной``), transliteration (``трейд`` ~
``trade``), compound part and rapidfuzz spelling among the catalog's terms — never for tokens of
four letters or fewer (ДМС, СМР, 1С match exactly, or as the initials of an item's words).

The score is the harmonic mean of two IDF-weighted coverages: how much of the mention the item
explains and how much of one entry the mention names. Both must be high: "КАСКО на мотоциклы"
covers all of the entry "КАСКО" but leaves "мотоцикл" unexplained, so it stays unmatched — a
wrong match accuses a manager, a missed one only lands in the unmatched list. For the same
reason the best item must beat the runner-up by ``MARGIN`` when the two differ in status (an
active item against a discontinued one), and must explain the mention's head noun; otherwise
nothing is matched. Numbers, times, people and places ("на год", "для сотрудников") weigh a
quarter unless both sides name them. Blocking: an entry is scored only when the mention's terms
already cover enough of its weight (one numpy pass over the inverted index), and results are
cached per set of terms. A mention none of this matches is scored once more with its words'
translations from the bilingual glossary added (``catalog_glossary``; route "glossary").
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

import numpy as np

from salesmine.refusals.catalog_abbreviations import abbreviation_owner
from salesmine.refusals.catalog_glossary import specific_evidence, specific_term, translated_near
from salesmine.refusals.catalog_index import CatalogIndex, Entry, build_index, item_texts
from salesmine.refusals.catalog_scoring import (
    GENERIC_HEADS,
    Query,
    candidates,
    entry_shares,
    score_entry,
    upper_bound,
)
from salesmine.refusals.catalog_terms import (
    NAME_LINK,
    fold,
    head_term,
    low_info,
    phrase_terms,
    word_term,
)
from salesmine.refusals.catalog_univerbation import UNIVERBATION_SCORE, univerbated_items
from salesmine.refusals.claim_morphology import is_person_noun
from salesmine.text.morphology import _morph, noun_readings

__all__ = ["CatalogIndex", "CatalogMatch", "build_index", "item_texts", "match_catalog"]

# Calibrated on data/claims/dev..dev4 (four writers): 0.66 adds false manager errors (dev2,
# dev4), 0.78 loses 6 points of recall on dev4; 0.72 is the knee with none.
MIN_SCORE = 0.72
# The best item must lead the best item of another status by this much, or nothing is
# matched. 0.05-0.15 give the same matches on dev..dev4; 0.1 leaves room either way.
MARGIN = 0.1
SOLE_MIN_ENTRY = 0.4
HEAD_MIN_SIMILARITY = 0.7
ABBREVIATION_SCORE = 0.9  # "СМР" for "Строительно-монтажные риски": one item, by initials
# Words that say what kind of thing it is, not which one.
KIND_WORDS = frozenset(
    """страхование страховка полис лизинг кредит интеграция обслуживание поддержка программа
    система услуга сервис доставка ремонт обучение продукт тариф пакет версия оплата платеж
    service plan package program payment""".split()
)
# Kinds of deal that are never one another ("страхование урожая" is no "кредит до урожая")
DEAL_KINDS = (
    frozenset(("страхование", "страховка", "полис")),
    frozenset(("лизинг",)),
    frozenset(("кредит",)),
)
# Kind words that are a term of the deal, not a product: "оплату ДМС поквартально" is about
# paying, so an item must explain "оплата" itself.
TERMS_OF_DEAL = frozenset(("оплата", "платеж", "payment"))
# "1С", "ДМС", "CRM", "D&O": short uppercase (or digit) tokens.
_ACRONYM = re.compile(r"(?:[0-9A-ZА-ЯЁ&]{1,5}[ -]?){1,2}")
# "embedding": the optional route of ``catalog_embeddings`` (set by ``claims``, never here).
ROUTES = (
    "name",
    "synonym",
    "category",
    "fuzzy",
    "translit",
    "abbreviation",
    "univerbation",
    "glossary",
    "embedding",
)
Ranked = tuple[float, int, int]  # score, entry size, -entry number
_NAME_WORD = re.compile(r"\w+(?:[-/&]\w+)*")


@dataclass(frozen=True)
class CatalogMatch:
    """The catalog item a mention refers to; ``item`` is empty when the catalog lacks it."""

    mention: str
    item: str = ""
    status: str = ""  # "active" / "discontinued" / "" when unmatched
    score: float = 0.0
    route: str = ""  # one of ROUTES
    matched: str = ""  # the catalog text that matched (a name, synonym or category)


def match_catalog(
    mention: str,
    index: CatalogIndex,
    *,
    context: str = "",
    min_score: float = MIN_SCORE,
    qualifier: bool = True,
) -> CatalogMatch:
    """The best catalog item for ``mention``, or an empty match when none scores ``min_score``
    or two items score too close to tell apart.

    ``context`` adds words that say what kind of product it is (the verb of "не страхуем грузы").
    ``qualifier`` lets a lone word that tells one item apart name it (``_modifier_only``): meant
    for a claim's own phrase, not for a scan of every word of a note.
    """
    terms = phrase_terms(mention)
    if not terms:
        return CatalogMatch(mention)
    light = phrase_terms(context) - terms if context else frozenset()
    acronym = _ACRONYM.fullmatch(mention.strip()) is not None
    head = "" if acronym else head_term(mention)
    reread = _other_word_readings(mention, terms, index)
    key = (terms, light, acronym, min_score, mention.strip() if acronym else head, qualifier)
    key += tuple(sorted(reread.items()))
    found = index.cache.get(key)
    if found is None:
        near = {t: index.near_terms(t) for t in terms | light}
        near.update({t: dict.fromkeys(others, 1.0) for t, others in reread.items()})
        query = Query(near, light, acronym, head)
        best = _best(index, query, min_score, qualifier=qualifier)
        if not best.item and not light:
            best = _abbreviated(mention, index)
        if not best.item and qualifier:
            best = _univerbated(mention, index)
        if not best.item:
            best = _translated(index, query, min_score)
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


_RUSSIAN_WORD = re.compile(r"[а-яёА-ЯЁ]+")


def _other_word_readings(
    mention: str, terms: frozenset[str], index: CatalogIndex
) -> dict[str, tuple[str, ...]]:
    """Catalog lemmas of another noun reading of a mention's word form, for a term the catalog
    has nothing near: "голов" is read as "гол" (a goal), though it is also the genitive plural
    of the catalog's "голова". The lemma alone (``catalog_near._other_readings``) no longer
    shows the form it came from. (Not for a term the catalog has: "весы" read as "вес" too
    would meet the "вес" of "поверка весов", whose lemma is the same.)"""
    found: dict[str, tuple[str, ...]] = {}
    for word in _RUSSIAN_WORD.findall(mention):
        term = word_term(word)[0]
        if term not in terms or term in found or index.near_terms(term):
            continue
        others = tuple(
            r
            for r in dict.fromkeys(fold(r) for r in noun_readings(word))
            if r != term and r in index.postings
        )
        if others:
            found[term] = others
    return found


def _best(
    index: CatalogIndex,
    query: Query,
    min_score: float,
    *,
    shortened: bool = True,
    qualifier: bool = False,
) -> CatalogMatch:
    shares = entry_shares(index, query)
    ranked: list[Ranked] = []
    top = 0.0
    found = candidates(index, query, shares, min_score)
    for n, entry_share in zip(found.tolist(), shares[found].tolist(), strict=True):
        if upper_bound(query, entry_share) < top - MARGIN:
            break  # candidates come by falling entry coverage: none can compete any more
        entry = index.entries[n]
        score = score_entry(index, query, entry, entry_share)[0]
        # rounded: sums over sets of words differ in the last bits with the process's string
        # hashing, and a tie must fall to the same entry in every run
        ranked.append((round(score, 9), len(entry.terms), -n))
        top = max(top, score)
    ranked.sort(reverse=True)
    if shortened and (not ranked or ranked[0][0] < min_score):
        sole = _sole_explainer(index, query, shares, min_score, qualifier)
        ranked = [sole] if sole else ranked
    if not ranked or ranked[0][0] < min_score:
        return CatalogMatch("")
    n = -ranked[0][2]
    entry = index.entries[n]
    k = _pick_item(index, entry, query, shares)
    if k is None or _runner_up(index, query, shares, ranked, k) > ranked[0][0] - MARGIN:
        return CatalogMatch("")  # two items fit about as well: do not guess between them
    if not _head_explained(index, query, k, entry) or not _telling(index, query, entry):
        return CatalogMatch("")
    if _kind_with_other_thing(index, query, k) or _another_kind(index, query, k):
        return CatalogMatch("")
    item = index.items[k]
    fuzzy = score_entry(index, query, entry, float(shares[n]))[1]
    route = "fuzzy" if fuzzy else _route(index, query, entry)
    return CatalogMatch("", item.name, item.status, round(ranked[0][0], 3), route, entry.text)


def _translated(index: CatalogIndex, query: Query, min_score: float) -> CatalogMatch:
    """The mention scored again with its words' translations added (``catalog_glossary``):
    "paint thinner" for a catalog that says "Растворитель". Translated words count
    ``TRANSLATION_SIMILARITY``, so they only decide when nothing in the catalog's own words
    does, and the match must rest on a specific translated word."""
    near, added = translated_near(index, query.near, query.light)
    if not added:
        return CatalogMatch("")
    # a shortened-name guess (``_sole_explainer``) only for a bare noun ("envelopes" for
    # "Конверты с логотипом"): one sense of each of several words explaining a mention is
    # weaker evidence than the catalog's own words
    own = [t for t in near if t not in query.light and specific_term(t)]
    bare = len(own) == 1 and own[0] in added and not query.near[own[0]]
    query = Query(near, query.light, query.acronym, query.head)
    found = _best(index, query, min_score, shortened=bare)
    if not found.item or not specific_evidence(index, added, found.item, found.matched):
        return CatalogMatch("")
    return dataclasses.replace(found, route="glossary")


def _runner_up(
    index: CatalogIndex, query: Query, shares: np.ndarray, ranked: list[Ranked], k: int
) -> float:
    """The best score of an entry naming an item of another status than ``k`` (0 when there
    is none). Two active items close together still make a manager error whichever is meant,
    so the better one is kept; an active and a discontinued one do not. A category holding
    ``k`` stands for ``k`` as much as for the others; its members' own entries compete in
    their own right."""
    status = index.items[k].status
    exact = _named_exactly(query, index.entries[-ranked[0][2]])
    for score, _, minus_n in ranked[1:]:
        entry = index.entries[-minus_n]
        if k in entry.items or all(index.items[m].status == status for m in entry.items):
            continue
        if exact and not _named_exactly(query, entry, at_all=True):
            continue  # "парковка" names "Парковка"; "парковщики" is only a similar word
        return score
    return 0.0


def _named_exactly(query: Query, entry: Entry, *, at_all: bool = False) -> bool:
    """Does every mention term that reaches ``entry`` reach it as the same word (or, with
    ``at_all``, does any)? A stem, typo or root match is weaker evidence than the word."""
    hits = [
        sim for similar in query.near.values() for t, sim in similar.items() if t in entry.terms
    ]
    if not hits:
        return False
    return any(s == 1.0 for s in hits) if at_all else all(s == 1.0 for s in hits)


def _head_explained(index: CatalogIndex, query: Query, k: int, entry: Entry) -> bool:
    """The item must explain the word the mention is about, not only its modifiers — when that
    word is one the catalog uses at all and not a generic kind ("страховка от клеща")."""
    similar = query.near.get(query.head)
    kind = query.head in KIND_WORDS and query.head not in TERMS_OF_DEAL
    if not query.head or kind or query.head in GENERIC_HEADS:
        return True
    if not similar:
        return False  # "кэшбэк по бизнес-картам": the catalog does not know what it is about
    pool = index.item_terms[k] | (entry.terms if entry.route == "category" else frozenset())
    return any(t in pool and s >= HEAD_MIN_SIMILARITY for t, s in similar.items())


def _another_kind(index: CatalogIndex, query: Query, k: int) -> bool:
    """ "crop insurance" against "Товарный кредит до урожая": the head says what kind of deal it
    is (insurance, leasing, credit), and the item is a deal of another kind — the crops they
    share do not make insurance a loan."""
    mine = next((kind for kind in DEAL_KINDS if query.head in kind), None)
    if mine is None or index.item_terms[k] & mine:
        return False
    return any(index.item_terms[k] & kind for kind in DEAL_KINDS)


def _kind_with_other_thing(index: CatalogIndex, query: Query, k: int) -> bool:
    """ "home insurance" against "Страхование груза": the head is only a kind ("страхование"),
    and the word that says which one ("дом") is one the catalog uses only for items of another
    kind ("Выезд мастера на дом"), which ``k`` does not explain at all. When an item of the
    same kind has that word ("лизинг б/у тягачей": "Лизинг тягачей"), the runner-up decides."""
    if query.acronym or query.head not in KIND_WORDS:
        return False
    own = index.item_terms[k]
    heads = set(query.near.get(query.head, {})) | {query.head}
    for term, similar in query.near.items():
        if term == query.head or term in query.light or term in KIND_WORDS or low_info(term):
            continue
        if not similar or any(t in own for t in similar):
            continue
        owners = {m for t in similar for m in index.term_owners.get(t, ())}
        if not any(heads & index.item_terms[m] for m in owners):
            return True
    return False


def _telling(index: CatalogIndex, query: Query, entry: Entry) -> bool:
    """A mention of only kind words, numbers and times ("сервис", "3 года", "доставки") tells
    items apart only by naming a whole entry ("Доставка" as a synonym; "регионы" of "не возим в
    регионы" with its verb for "Доставка в регионы")."""
    own = frozenset(query.near) - query.light
    if query.acronym or any(t not in KIND_WORDS and not low_info(t) for t in own):
        return True
    return entry.route != "category" and entry.terms <= frozenset(query.near)


def _route(index: CatalogIndex, query: Query, entry: Entry) -> str:
    translit = any(
        (term, t) in index.translit_pairs for term, sim in query.near.items() for t in sim
    )
    return "translit" if translit and entry.route != "category" else entry.route


# Initials a spelled-out phrase must have to stand for a catalog abbreviation. Two letters are
# too common to tell anything: the pair model scans every two-word run of a note, and
def _abbreviated(mention: str, index: CatalogIndex) -> CatalogMatch:
    """The one item an abbreviation (or its spelled-out words) stands for, if exactly one."""
    k = abbreviation_owner(mention, index)
    if k is None:
        return CatalogMatch("")
    item = index.items[k]
    return CatalogMatch("", item.name, item.status, ABBREVIATION_SCORE, "abbreviation", item.name)


def _univerbated(mention: str, index: CatalogIndex) -> CatalogMatch:
    """The one item a colloquial -к(а) noun shortens ("срочку" for "Срочная печать",
    ``catalog_univerbation``); items of one name and status count as one, anything else is
    ambiguous and nothing is matched."""
    found = univerbated_items(mention, index.univerbations)
    if not found:
        return CatalogMatch("")
    items = [index.items[k] for k in sorted(found)]
    if len({(item.name.strip().lower(), item.status) for item in items}) != 1:
        return CatalogMatch("")  # two items shorten to the same word: do not guess
    item = items[0]
    return CatalogMatch("", item.name, item.status, UNIVERBATION_SCORE, "univerbation", item.name)


def _sole_explainer(
    index: CatalogIndex, query: Query, shares: np.ndarray, min_score: float, qualifier: bool
) -> Ranked | None:
    """A shortened name ("страховку от угона" for "страховка от угона и ущерба"): when exactly
    one item explains every word of the mention, without typos, and one of its entries is
    named to at least ``SOLE_MIN_ENTRY``, that item is meant. Two items explaining it
    ("машины": car insurance and car leasing) make it ambiguous, and it stays unmatched."""
    if query.light or all(term in KIND_WORDS or term in GENERIC_HEADS for term in query.near):
        # "страхование" alone names no item, however few the catalog has; nor does "system"
        # (of "sprinkler system") or "модуль", words that name no product by themselves
        return None
    items: set[int] | None = None
    for term, similar in query.near.items():
        if low_info(term) and not similar:
            continue  # "рассрочку на год": the year does not have to be explained
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
    n = max(index.item_entries[k], key=lambda e: shares[e])
    share = float(shares[n])
    if share < SOLE_MIN_ENTRY or not _names_a_head(index, query, k):
        if not qualifier or not _modifier_only(index, query, k):
            return None
        # the weakest score that matches: a longer phrase naming the item scores above it
        return min_score, len(index.entries[n].terms), -n
    return max(min_score, 2 * share / (1 + share)), len(index.entries[n].terms), -n


def _modifier_only(index: CatalogIndex, query: Query, k: int) -> bool:
    """A mention of only the word that tells item ``k`` apart, its head left out ("складных
    нет" for "Стул складной", "эргономичных" for "эргономичный стул"): one word, which in one of
    ``k``'s names qualifies the head from within its noun phrase — not the head, which other
    products share ("оборудование"), nor a word of a complement ("банкоматов" of "сим-карты
    для банкоматов"). A person ("водителям") is an addressee, not a product; a word must reach
    the catalog's own by a stem only in Russian ("waterfall" is not "water"). Russian names
    only: an English name's first noun ("deck" of "deck cleaning") is a product by itself."""
    if query.acronym or query.light or len(query.near) != 1:
        return False
    [(term, similar)] = list(query.near.items())
    if term in KIND_WORDS or low_info(term) or is_person_noun(term):
        return False
    targets = {
        t
        for t, sim in similar.items()
        if (sim == 1.0 or (sim >= 0.85 and _cyrillic(t)))
        and (term, t) not in index.fuzzy_pairs
        and index.term_owners.get(t) == frozenset((k,))
    }
    return bool(targets & _qualifiers(index, k))


def _qualifiers(index: CatalogIndex, k: int) -> frozenset[str]:
    """The words of item ``k``'s names and synonyms that qualify their head from within its
    noun phrase ("складной" of "Стул складной", "эргономичный" of "эргономичный стул")."""
    key = ("qualifiers", k)
    found = index.cache.get(key)
    if found is None:
        words: set[str] = set()
        for n in index.item_entries[k]:
            text = index.entries[n].text
            if not _cyrillic(text.lower()):
                continue  # "deck cleaning", "gift box": an English noun before a noun
            words |= _qualifying_words(text)
        found = index.cache[key] = frozenset(words)
    return found  # type: ignore[return-value]


def _qualifying_words(text: str) -> set[str]:
    """Terms of a Russian name that qualify its head: the words before it ("эргономичный
    стул"), an adjective after it ("Стул складной"), a bare instrumental anywhere after it
    ("Доставка курьером", "Внесение удобрений дронами") and a head joined to it by "и"
    ("Разборка и вывоз мебели") — not a genitive after it ("вывоз [мебели]") nor anything after
    a preposition ("сим-карты [для банкоматов]")."""
    head = head_term(text)
    words = _NAME_WORD.findall(NAME_LINK.split(text, maxsplit=1)[0])
    at = next((n for n, w in enumerate(words) if head and head in phrase_terms(w)), None)
    if at is None:
        return set()
    kept = words[:at]
    rest = words[at + 1 :]
    if rest[:1] == ["и"] and len(rest) > 1:
        kept.append(rest[1])
    else:
        kept += [w for w in rest[:1] if _nominative_adjective(w)]
        # "Внесение удобрений [дронами]": a bare instrumental says how it is done wherever it
        # stands after the head, past its object too
        kept += [w for w in rest if _instrumental_noun(w)]
    return {t for w in kept for t in phrase_terms(w)} - {head}


def _nominative_adjective(word: str) -> bool:
    """ "складной" of "Стул складной" (not "налоговых" of a genitive after the head)."""
    parse = _morph().parse(word.lower())
    return bool(parse) and parse[0].tag.POS in ("ADJF", "PRTF") and "nomn" in parse[0].tag


def _instrumental_noun(word: str) -> bool:
    """ "частями" of "Оплата частями", "курьером" of "Доставка курьером": a bare instrumental
    after the head says how it is done, which tells the item apart (a genitive is its object)."""
    parse = _morph().parse(word.lower())
    return bool(parse) and parse[0].tag.POS == "NOUN" and parse[0].tag.case == "ablt"


def _cyrillic(term: str) -> bool:
    return any("а" <= ch <= "я" or ch == "ё" for ch in term)


def _names_a_head(index: CatalogIndex, query: Query, k: int) -> bool:
    """ "страховку от угона" names the head of "страховка от угона и ущерба"; "факту" only a
    modifier of "оплата по факту", and "корп" of "корп связь". An abbreviation ("СКС") is
    telling enough by itself."""
    if query.acronym:
        return True
    named = {t for similar in query.near.values() for t in similar}
    heads = {head_term(index.entries[n].text) for n in index.item_entries[k]}
    return "" in heads or bool(heads & named)


def _pick_item(index: CatalogIndex, entry: Entry, query: Query, shares: np.ndarray) -> int | None:
    """For a category entry, the member named most like the mention (an active one on ties);
    None when two members fit equally well: the category alone does not say which is meant."""
    if len(entry.items) == 1:
        return entry.items[0]

    def closeness(k: int) -> float:
        scores = [
            score_entry(index, query, index.entries[n], float(shares[n]))[0]
            for n in index.item_entries[k]
        ]
        return max(scores, default=0.0)

    ranked = sorted(
        ((closeness(k), index.items[k].is_active, -k) for k in entry.items), reverse=True
    )
    if ranked[0][0] - ranked[1][0] < MARGIN:
        return None
    return -ranked[0][2]
