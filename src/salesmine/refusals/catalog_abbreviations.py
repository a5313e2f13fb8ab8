"""Abbreviations in catalog matching: "СМР" for a catalog that spells out "Строительно-монтажные
риски", and the other way round ("строительно-монтажных рисков" for a catalog that only says
"СМР")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from salesmine.refusals.catalog_terms import initials

if TYPE_CHECKING:
    from salesmine.refusals.catalog_index import CatalogIndex

_LETTERS_ACRONYM = re.compile(r"[A-ZА-ЯЁ]{2,6}")
# "клиент говорит" spells "кг" (of "1-5 кг"), "compact tractors" "CT" (computed tomography).
# A catalog that abbreviates in two letters mostly spells the name out too ("... (КТ)").
SPELLED_MIN_LETTERS = 3


def abbreviation_owner(mention: str, index: CatalogIndex) -> int | None:
    """The number of the one catalog item ``mention`` abbreviates or spells out, else None."""
    text = mention.strip()
    if _LETTERS_ACRONYM.fullmatch(text):
        owners = index.abbreviations.get(text.lower().replace("ё", "е"), frozenset())
    elif _spelled_out(text):
        owners = frozenset(
            k
            for a in initials(text)
            if len(a) >= SPELLED_MIN_LETTERS and a in index.acronyms
            for k in index.term_owners.get(a, ())
        )
    else:
        return None
    return next(iter(owners)) if len(owners) == 1 else None


def _spelled_out(text: str) -> bool:
    """Words that can stand behind an abbreviation: two or more, none shorter than three letters
    ("строительно-монтажные риски"; not "I don't")."""
    words = re.findall(r"[^\W\d_]+", text)
    return len(words) >= 2 and all(len(w) >= 3 for w in words)
