"""Russian univerbation: one noun in -ка standing for an adjective + noun name.

Russian speech shortens a name of two words into one noun built on the adjective's stem with
the suffix -к(а): "срочка" for "срочная печать", "подменка" for "подменный автомобиль",
"обратка" for "обратная логистика", "выделенка" for "выделенный канал", "наличка" for
"наличные", "бытовка" for "бытовой вагончик". The adjective loses its suffix -н- (срочн-ый ->
сроч-ка, антивандальн-ый -> антивандал-ка) or keeps its stem whole (бытов-ой -> бытов-ка).

``univerbation_stems`` indexes the first adjective of every Russian name and synonym once per
catalog (by its first letters); ``univerbated_item`` ties a one-word mention to the one item
whose adjective it shortens. Two items sharing the adjective ("Срочная печать", "Срочная
доставка") make it ambiguous: nothing is matched. The colloquial "б/у" forms ("бэушка") are
folded to a term of their own in ``catalog_terms`` and never reach this route.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from salesmine.refusals.catalog_terms import FOLDED, FOLDED_PREFIXES, NAME_LINK, strip_ending
from salesmine.text.morphology import _morph

if TYPE_CHECKING:
    from salesmine.records import CatalogItem

MIN_STEM = 4  # "сроч" of "срочка"; "бутка" / "сумка" are too short to shorten anything
KEY_LENGTH = MIN_STEM
UNIVERBATION_SCORE = 0.85  # one step from the catalog's words, like a shared stem
_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")
_WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)*", re.IGNORECASE)
# What the adjective's stem may add to the noun's: nothing (бытов-ой / бытов-ка), its suffix
# -н- (сроч-н-ый / сроч-ка, выделен-н-ый / выделен-ка) or -ьн- (антивандал-ьн-ый / антивандал-ка).
# Not "-очн-": "упаковка" / "упаковочный", "установка" / "установочный" are an action and a
# thing for it, not a shortened name.
_ADJECTIVE_REST = frozenset(("", "н", "нн", "ьн"))
# Action nouns of verbs whose stem also makes an adjective in -н-/-ов-: "сборка" is assembling,
# not "сборный каркас" shortened; "проводка" wiring, not "проводной интернет"; "страховка"
# insurance at large, not "страховой депозит". Written from general knowledge.
ACTION_NOUNS = frozenset(
    """сборка разборка проводка подписка страховка складка накладка подкладка вставка съемка
    закладка выписка прописка поставка перевозка""".split()
)

Stems = dict[str, tuple[tuple[str, int], ...]]  # first letters -> (adjective stem, item)


def univerbation_stems(items: Iterable[CatalogItem]) -> Stems:
    """The stem of the first adjective of each Russian name and synonym, by its first letters:
    "сроч" -> (("срочн", 3),) for item 3 "Срочная печать"."""
    found: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for k, item in enumerate(items):
        texts = [item.name, *(s for s in item.synonyms if s.strip())]
        for text in texts:
            adjective = _first_adjective(text)
            if adjective and len(adjective) >= MIN_STEM:
                found[adjective[:KEY_LENGTH]].add((adjective, k))
    return {key: tuple(sorted(pairs)) for key, pairs in found.items()}


def _first_adjective(text: str) -> str:
    """The stem of the first adjective in a name's own noun phrase ("Срочная печать" ->
    "срочн", "Камера антивандальная" -> "антивандальн"), or ""."""
    phrase = NAME_LINK.split(f" {text} ", maxsplit=1)[0]
    for word in _WORD.findall(phrase):
        if "-" in word:
            continue
        lower = word.lower().replace("ё", "е")
        if _is_adjective(lower):
            return strip_ending(lower)
    return ""


@functools.lru_cache(maxsize=50_000)
def _is_adjective(word: str) -> bool:
    parse = _morph().parse(word)
    return bool(parse) and parse[0].tag.POS in ("ADJF", "PRTF")


@functools.lru_cache(maxsize=50_000)
def noun_stem(word: str) -> str:
    """The adjective stem a one-word -к(а) noun is built on ("срочки" -> "сроч", "подменок" ->
    "подмен", "наличку" -> "налич"), or "" for a word that is no such noun."""
    lower = word.lower().replace("ё", "е")
    if not lower.isalpha() or _folded(lower):
        return ""
    morph = _morph()
    if morph.word_is_known(lower):
        lemmas = [
            str(p.normal_form).replace("ё", "е") for p in morph.parse(lower) if p.tag.POS == "NOUN"
        ]
        lemma = next((lemma for lemma in lemmas if lemma.endswith("ка")), "")
        base = lemma[:-2]
    elif lower.endswith(("ок", "ек")) and len(lower) - 2 >= MIN_STEM:
        base = lower[:-2]  # genitive plural with its fleeting vowel: "срочек", "подменок"
    else:
        bare = strip_ending(lower)  # "срочки" -> "срочк"
        base = bare[:-1] if bare.endswith("к") else ""
    if len(base) < MIN_STEM or base[-1] not in _CONSONANTS or base + "ка" in ACTION_NOUNS:
        return ""
    return base


def _folded(word: str) -> bool:
    """ "бэушка": folded to "б/у" by ``catalog_terms``, which has its own route."""
    return word in FOLDED or any(word.startswith(prefix) for prefix, _ in FOLDED_PREFIXES)


def univerbated_items(mention: str, stems: Stems) -> frozenset[int]:
    """The items whose first adjective the one-word ``mention`` shortens ("срочку" -> the item
    "Срочная печать"); empty for a longer phrase or a word that is no -к(а) noun."""
    word = (mention or "").strip().strip(".,;:!?»«\"'()")
    if not _WORD.fullmatch(word) or "-" in word:
        return frozenset()  # "NFC-визиток" is a kind of its own, not "визитные карточки"
    base = noun_stem(word)
    if not base:
        return frozenset()
    return frozenset(
        k
        for adjective, k in stems.get(base[:KEY_LENGTH], ())
        if adjective.startswith(base) and adjective[len(base) :] in _ADJECTIVE_REST
    )
