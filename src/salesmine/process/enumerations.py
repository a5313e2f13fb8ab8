"""Steps told as a bare list in one breath: "Договор, оплата, карту выдаю"; "Заявка, звонок,
выезд, смета, КП, договор".

People who know their process by heart rattle it off as nouns, and the clause reader sees one
clause (the list has one verb, or none). A comma list of short items, two or more of them nouns
that each name another activity on their own (a strong cue of the lexicon: "договор", "КП",
"замер", "оплата"), is one step per item; a short verb item among them ("карту выдаю") is one
too, and an item that names nothing ("Вика", "рынок") stays with the one before it. Not split:
a list of the club's rooms or of payment methods (no two activities), "Звоню клиенту,
знакомлюсь, выясняю" (verbs: what one call consists of), "Беру счёт, спецификацию" (one verb,
its objects), a clause with its condition ("Когда аванс пришёл, запускаем заказ"), and an
overview or a recap ("Как все. Звонок, встреча, КП, договор"), whose items the person tells
as steps of their own elsewhere in the interview (the data README: recaps are not rows).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from salesmine.process import lexicon as lx
from salesmine.process.concepts import concept_of
from salesmine.process.model import Step
from salesmine.process.naming import describe
from salesmine.text import lemmas, part_of_speech

# an item: at most this many words ("размещаем заказ на заводе"); longer is a clause of its own
MAX_ITEM_WORDS = 4
_PIECE = re.compile(r"[^,;]+")  # the parts of a comma list
# words that open an item without being part of it ("Потом договор, оплата"): the lexicon's
# one-word order markers and the fillers before them
_OPENERS = frozenset(m for m in lx.SEQUENCE_MARKERS_RU if " " not in m) | {"а", "и", "ну"}
# an item opening with these is a condition or an aside, not a list item
_SUBORDINATE = frozenset("когда если пока как после что чтобы это который которая".split())
_VERBAL = frozenset(("VERB", "INFN"))
_SENTENCE_BREAK = re.compile(r"[.!?…:]")
_WORD = re.compile(r"\w+")


def split_listed(steps: tuple[Step, ...] | list[Step]) -> list[Step]:
    """The steps with every bare list of activities split into one step per item, renumbered."""
    told = Counter(s.concept for s in steps if s.concept)
    result: list[Step] = []
    for step in steps:
        if step.language != "ru" or "," not in step.quote and ";" not in step.quote:
            result.append(step)
            continue
        elsewhere = {c for c, n in told.items() if n > (c == step.concept)}
        result.extend(_items(step, elsewhere))
    return [replace(s, position=k) for k, s in enumerate(result, start=1)]


def _items(step: Step, told_elsewhere: set[str]) -> list[Step]:
    if _SENTENCE_BREAK.search(step.quote.rstrip(" .!?…")):
        return [step]
    pieces = _pieces(step.quote)
    words = [[w.lower() for w in _WORD.findall(text)] for _, text in pieces]
    if len(pieces) < 2 or any(
        len(w) > MAX_ITEM_WORDS or not w or w[0] in _SUBORDINATE for w in words
    ):
        return [step]
    verbal = [any(part_of_speech(w) in _VERBAL for w in item) for item in words]
    concepts = [
        "" if is_verbal else _strong_concept(item)
        for item, is_verbal in zip(words, verbal, strict=True)
    ]
    named = [c for c in concepts if c]
    if len(named) < 2 or len(set(named)) < len(named):
        return [step]
    if 2 * len(told_elsewhere.intersection(named)) >= len(named):  # an overview or a recap
        return [step]
    groups: list[tuple[int, int, str]] = []  # (start, end, concept) within the quote
    for (start, text), concept, is_verbal in zip(pieces, concepts, verbal, strict=True):
        end = start + len(text)
        if concept or is_verbal or not groups:
            groups.append((start, end, concept))
        else:  # "счёт, это стандартно": the words name nothing, they say more of the item
            first, _, before = groups[-1]
            groups[-1] = (first, end, before)
    return [
        replace(
            step,
            quote=step.quote[a:b],
            start=step.start + a,
            end=step.start + b,
            name=describe(step.quote[a:b], "ru"),
            concept=concept or step.concept,
        )
        for a, b, concept in groups
    ]


def _pieces(quote: str) -> list[tuple[int, str]]:
    """The quote's comma- or semicolon-separated parts, each with its offset in the quote."""
    return [
        (m.start() + len(m.group()) - len(m.group().lstrip()), m.group().strip())
        for m in _PIECE.finditer(quote)
        if m.group().strip()
    ]


def _strong_concept(words: list[str]) -> str:
    """The activity a verbless item names by a strong cue ("договор", "КП"), else ""."""
    while words and words[0] in _OPENERS:
        words = words[1:]
    concept = concept_of(lemmas(" ".join(words), "ru"), fallback=False)
    return concept.name if concept.strong else ""
