"""Phrases the rules take for a product that name none: the noun of a set phrase with "no"
("no rush") or with a preposition ("не в [курсе]", ``claim_rescue``), and a lone instrumental noun
saying by what means the noun before it is done ("вывоз строймусора [контейнерами]")."""

from __future__ import annotations

import re

from salesmine.refusals.claim_morphology import NOUN_PARSE_MIN_SCORE
from salesmine.refusals.claim_patterns import Claim
from salesmine.text.morphology import _morph

# "я не в курсе", "в целом": set phrases whose noun is no product
IDIOMS_RU = frozenset(
    ("в курсе", "в целом", "в принципе", "на связи", "в теме", "в силе", "в порядке", "в итоге")
)
# "no rush", "no worries": set phrases of "no" and a noun that say nothing is missing.
_NO_IDIOM = re.compile(r"\bno\s+$", re.IGNORECASE)
NO_IDIOM_NOUNS = frozenset("rush hurry worries worry problem problems idea pressure".split())


def no_idiom(text: str, claim: Claim) -> bool:
    """Is the claim's phrase the noun of a set phrase with "no" ("No rush, run needed in May")?"""
    word = claim.mention.strip().lower()
    return word in NO_IDIOM_NOUNS and _NO_IDIOM.search(text, 0, claim.start) is not None


_WORD_BEFORE = re.compile(r"([а-яёА-ЯЁ-]+)[ \t]+$")


def means_of(text: str, start: int, mention: str) -> bool:
    """Is ``mention`` one Russian noun in the instrumental right after a noun ("вывоз мусора
    [контейнерами]", "доставка [фурами]")? It then says by what means the noun before it is
    done; the missing thing is that noun's service, not the means."""
    word = mention.strip().lower()
    if not re.fullmatch(r"[а-яё]+", word):
        return False
    parses = [p for p in _morph().parse(word) if p.score >= NOUN_PARSE_MIN_SCORE]
    if not parses or not all(p.tag.POS == "NOUN" and "ablt" in p.tag for p in parses):
        return False
    before = _WORD_BEFORE.search(text, 0, start)
    if before is None:
        return False
    prev = _morph().parse(before.group(1).lower())[0]
    return prev.tag.POS == "NOUN" and "ablt" not in prev.tag
