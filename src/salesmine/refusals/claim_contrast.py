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
"""

from __future__ import annotations

import re
from collections.abc import Callable

from salesmine.refusals.catalog_beyond import explains
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
