"""Matching a claim's product phrase to the catalog: the whole phrase, else its head.

The rules' phrase may say more than the product: a named place ("груз [из Турции]"), a purpose
("НСЖ [для директора]"), a circumstance ("стирки [в отеле]", "перенос данных [из амо]"), who
provides it ("видеоконсультация [с терапевтом]"), an English noun of form ("reefer [loads]"). When
the whole phrase matches nothing, the phrase before such a cut is tried, each kind with the score it
must reach (``match_mention``).
"""

from __future__ import annotations

import re

from salesmine.refusals.catalog_match import CatalogIndex, CatalogMatch, match_catalog
from salesmine.refusals.catalog_terms import head_term, phrase_terms
from salesmine.refusals.claim_morphology import is_person_noun
from salesmine.refusals.mention_edges import edge_trims

_PURPOSE = re.compile(r"\s(?:для|for)\s", re.IGNORECASE)
# Prepositions of circumstance end the head noun phrase: "факторинг [под поставки в сети]",
# "рассылок [по базе]", "перенос данных [из амо]". Not those that name what the product is for
# or about ("КАСКО на мотоциклы", "страхование от клеща", "каско без франшизы", "интеграция с
# 1С"): dropping those makes another product.
_MODIFIER = re.compile(r"\s(?:по|под|из|при|через|from|by|via|over)\s", re.IGNORECASE)
_WITH = re.compile(r"\s(?:с|со|with)\s+(\w+)")
_NAMED_PLACE = re.compile(r"\s(?:из|в|во|по|до|на|from|in|to)\s+[A-ZА-ЯЁ][a-zа-яё]")
# Dropping "для директора" must leave a phrase the catalog names almost exactly: "лизинг
# оборудования" (for mining) is not "Лизинг медицинского оборудования".
HEAD_MIN_SCORE = 0.9
# Other prepositions may end the product's name too ("пресс-волл [с логотипами партнёров]",
# "стирки [в отеле]", "monitoring app [with every install]") or make another product ("КАСКО
# [с франшизой]"): the phrase before them counts only when it names an entry exactly and keeps
# the mention's head noun.
_AROUND = re.compile(r"\s(?:в|во|с|со|от|перед|после|in|at|with|after|before|during)\s", re.I)
AROUND_MIN_SCORE = 1.0
# A run left after dropping edge words must be named exactly.
EDGE_MIN_SCORE = 1.0
# English head nouns that name no product by themselves: the words before them do.
GENERIC_TAILS_EN = frozenset(
    """load loads shipment shipments deployment deployments version versions option options
    service services record records contract contracts solution solutions module modules
    feature features setup program programs programme capability functionality offering
    package packages""".split()
)


def match_mention(mention: str, index: CatalogIndex, context: str = "") -> CatalogMatch:
    """Match a product phrase; when the whole phrase fails, its head before a named place
    ("груз из Турции" -> "груз", "доставку до Казани") or, matched almost exactly, before a
    purpose phrase ("НСЖ для директора" -> "НСЖ", "travel insurance for business trips")."""
    match = match_catalog(mention, index, context=context)
    if match.item:
        return match
    for head, min_score in _heads(mention):
        if not phrase_terms(head):
            continue
        found = match_catalog(head, index, context=context)
        if found.score >= min_score and (found.route != "category" or _sole_member(index, found)):
            return CatalogMatch(
                mention, found.item, found.status, found.score, found.route, found.matched
            )
    return match


def _heads(mention: str) -> list[tuple[str, float]]:
    """The phrase before a named place ("из Турции", "в Казань"), which still names the same
    product, and before a purpose ("для директора", "for business trips"), which may not:
    "лизинг оборудования" (for mining) is not "Лизинг медицинского оборудования"."""
    heads = []
    for pattern, min_score in ((_NAMED_PLACE, 0.0), (_PURPOSE, HEAD_MIN_SCORE)):
        found = pattern.search(mention)
        if found and found.start() > 0:
            heads.append((mention[: found.start()].strip(), min_score))
    # the longest head first: "перенос данных [из амо] [в пару кликов]"
    cuts = [m.start() for m in _MODIFIER.finditer(mention) if m.start() > 0]
    heads += [(mention[:cut].strip(), HEAD_MIN_SCORE) for cut in reversed(cuts)]
    head = head_term(mention)
    for found in _AROUND.finditer(mention):
        kept = mention[: found.start()].strip()
        if found.start() > 0 and head in phrase_terms(kept):
            heads.append((kept, AROUND_MIN_SCORE))
    # "видеоконсультация с терапевтом": who provides it, not what it is ("интеграция с SAP" is)
    for found in _WITH.finditer(mention):
        if found.start() > 0 and is_person_noun(found.group(1).lower()):
            heads.append((mention[: found.start()].strip(), HEAD_MIN_SCORE))
    # "reefer loads", "on-prem deployment": an English noun that says only what form it takes
    words = mention.split()
    if len(words) > 1 and words[-1].lower() in GENERIC_TAILS_EN:
        heads.append((" ".join(words[:-1]), HEAD_MIN_SCORE))
    # "[told HR] webinars", "e-signature [built in]": edge words that name no product
    heads += [(run, EDGE_MIN_SCORE) for run in edge_trims(mention)]
    return heads


def _sole_member(index: CatalogIndex, match: CatalogMatch) -> bool:
    """A category with one item names that item ("ТВ" -> "IP-TV для гостиниц")."""
    key = ("single-item categories",)
    singles = index.cache.get(key)
    if singles is None:
        singles = index.cache[key] = frozenset(
            e.text for e in index.entries if e.route == "category" and len(e.items) == 1
        )
    return match.matched in singles  # type: ignore[operator]
