"""A near variant the catalog lacks: "домашних беговых дорожек у вас нет, только коммерческие".

When a note contrasts the missing thing with an elliptical "только <adjective>" / "only
(the) <adjective> ones" (the noun left out) and that adjective is a qualifier of the catalog item
the mention matched, the item is what the company does offer and the mention is another kind of
it (home vs commercial, mains vs battery, plastic vs paper): the catalog lacks the mention, so
the match is dropped and there is no manager error.

The same when the company's "we only have <Y>" / "у нас только <Y>" after the claim shares a
word with the mention (same kind of thing: "only summer gloves" after "winter gloves insulated",
"only basic hard hats" after "hard hats with chin strap") and the matched item does not account
for that shared word or for what the mention adds to it: the item is not the kind asked for
(``other_kind_offered``). "зимних шин нет, только летние шины" on an item "Зимние шины" stays an
error: the item accounts for both "шины" and "зимних".

A size the item does not come in: the mention asks for a number its item does not name and the
note states a limit ("переговорка на 12 человек — максимум на 6": ``beyond_limit``); the
writers' rule labels such a claim truly absent. And a mention that is itself the alternative
offered ("пилона нет, есть хилс": ``offered_alternative``) names nothing missing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from salesmine.refusals.catalog_beyond import explains, qualifier
from salesmine.refusals.catalog_index import CatalogIndex
from salesmine.refusals.catalog_near import near_terms
from salesmine.refusals.catalog_terms import head_term, phrase_terms
from salesmine.refusals.claim_morphology import can_be_noun
from salesmine.text.morphology import part_of_speech

# "только коммерческие", "лишь аккумуляторные": the words after it up to a clause break
_ONLY = re.compile(r"(?i)(?<!\w)(?:только|лишь)\s+([^.,;:!?()\n—–-]{1,60})")
# "only commercial ones", "only the battery ones": "ones" stands for the noun left out
_ONLY_ONES = re.compile(r"(?i)\bonly\s+(?:the\s+)?([a-z][a-z-]+)\s+ones\b")
ItemOf = Callable[[str], str]  # the catalog item a phrase matches ("" for none)
_ADJECTIVES = frozenset({"ADJF", "PRTF"})
_NOUN_WINDOW = 2  # "только бумажные пакеты" names its own noun: not elliptical


def elliptical_qualifiers(text: str) -> list[str]:
    """The adjectives the note offers instead, with their noun left out ("только коммерческие"
    -> ["коммерческие"], "only metal ones" -> ["metal"]); "только бумажные пакеты" or "только
    предоплата" give nothing."""
    found = []
    for match in _ONLY.finditer(text or ""):
        words = [w.lower() for w in re.findall(r"\w+", match.group(1))]
        if not words or part_of_speech(words[0]) not in _ADJECTIVES or can_be_noun(words[0]):
            continue
        if any(can_be_noun(w) for w in words[1 : 1 + _NOUN_WINDOW]):
            continue
        found.append(words[0])
    found += [m.group(1).lower() for m in _ONLY_ONES.finditer(text or "")]
    return found


def contrasted_variant(text: str, mention: str, item_name: str, index: CatalogIndex) -> bool:
    """True when an elliptical "только <adjective>" of ``text`` names a qualifier of
    ``item_name`` (not its head) that the mention does not carry: the mention is another kind
    of the item."""
    qualifiers = elliptical_qualifiers(text)
    if not qualifiers:
        return False
    name_terms = set(phrase_terms(item_name))
    head = head_term(item_name)
    said = set(phrase_terms(mention))
    said |= {o for t in said for o in near_terms(index, t)}
    for word in qualifiers:
        for term in phrase_terms(word):
            near = set(near_terms(index, term)) | {term}
            if head not in near and near & name_terms and not near & said:
                return True
    return False


# "у нас только грузовые", "we only have summer gloves": what the company says it offers
_WE_ONLY = re.compile(
    r"(?i)(?:\bу\s+нас\s+|\bмы\s+(?:\w+\s+)?)(?:только|лишь)\s+([^.,;:!?()\n—–]{1,40})"
    r"|\bwe\s+(?:\w+\s+)?only\s+(?:have|do|sell|stock|offer|carry)\s+([^.,;:!?()\n—–+]{1,40})"
)


def other_kind_offered(
    text: str, after: int, mention: str, item_name: str, index: CatalogIndex, names: ItemOf
) -> bool:
    """True when "we only have <Y>" after character ``after`` shares a word with the mention
    and either ``item_name`` leaves that word unexplained (the item is no such thing), or ``Y``
    itself names ``item_name`` (``names``: the item a phrase matches) while the item leaves a
    word the mention adds unexplained (the item is the kind offered, not the kind asked)."""
    said = phrase_terms(mention)
    for found in _WE_ONLY.finditer(text or "", after):
        offered_text = found.group(1) or found.group(2)
        offered = phrase_terms(offered_text)
        shared = said & offered
        if not shared:
            continue
        if any(not explains(index, item_name, t) for t in shared):
            return True
        added = said - offered
        if (
            any(not explains(index, item_name, t) for t in added)
            and names(offered_text) == item_name
        ):
            return True
    return False


# A limit the company states after the claim: "максимум на 6", "минимум 6 мес", "max
# denomination is 10k", "up to ~1 ha" (a number within a few words).
_LIMIT = re.compile(
    r"(?i)(?<!\w)(?:максимум|минимум|не\s+больше|не\s+более|не\s+меньше|не\s+менее"
    r"|max(?:imum)?|min(?:imum)?|at\s+most|at\s+least|up\s+to)\b[^.;!?\d]{0,25}\d"
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def beyond_limit(text: str, after: int, mention: str, item_name: str, index: CatalogIndex) -> bool:
    """True when the mention or the qualifier right after it asks for a number ("переговорка
    на 12 человек", "gift card for 100k rub") that no name or synonym of ``item_name`` carries,
    and the note states a limit with a number after character ``after`` ("максимум на 6", "max
    is 10k"): the item exists, but not in the size asked for — the catalog lacks the mention.
    A number the item names itself ("гарантия 5 лет") is the item, not beyond it."""
    if not _LIMIT.search(text or "", after):
        return False
    known = {
        n
        for item in index.items
        if item.name == item_name
        for n in _NUMBER.findall(" ".join((item.name, *item.synonyms)))
    }
    asked = _NUMBER.findall(f"{mention} {qualifier(text[after:])}")
    return any(n not in known for n in asked)


# The clause a mention stands in opens with what is offered instead, after a negation earlier
# in the sentence: "пилона нет, есть хилс", "нет в ассортименте, есть селитра", "no X, only Y".
_SENTENCE_END = re.compile(r"[.;!?()\n]")
_CLAUSE_BREAK = re.compile(r"[,:—–]|\s-\s")
_NEGATION = re.compile(r"(?i)(?<!\w)(?:не|нет|нету|no|not|don't|doesn't|can't|won't|never)(?!\w)")
_OFFER_OPENS = re.compile(
    r"(?i)^\s*(?:(?:а|но|but)\s+)?(?:(?:у\s+нас\s+)?есть(?!\s+ли)|только|лишь|only)\s+(?:\w+\s+)?$"
)


def offered_alternative(text: str, start: int) -> bool:
    """True when the mention at character ``start`` opens a clause "есть Y" / "только Y" /
    "only Y" (within a word) that follows a clause of the same sentence with a negation, and
    has none itself: the mention is what the company offers instead, not what it lacks."""
    before = text[:start]
    opening = max((m.end() for m in _SENTENCE_END.finditer(before)), default=0)
    clauses = _CLAUSE_BREAK.split(before[opening:])
    if len(clauses) < 2 or _NEGATION.search(clauses[-1]):
        return False
    return bool(_OFFER_OPENS.match(clauses[-1])) and any(_NEGATION.search(c) for c in clauses[:-1])
