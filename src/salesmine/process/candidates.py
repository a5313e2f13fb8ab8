"""One sentence's candidate steps, with what ``elaboration.collapse`` needs to judge each.

For every clause ``chunking.step_groups`` heads: its name and verbatim quote, its sales concept
(from its own words; a place — "в Битриксе" — only weakly; "На встрече — ..." opening the
sentence sets the scene), whether an order marker opens it, and the content words it says (to
recognise a restatement later).
"""

from __future__ import annotations

import re

from salesmine.process import lexicon as lx
from salesmine.process.actions import VERBAL, Word
from salesmine.process.agency import ARRIVALS
from salesmine.process.branches import off_flow
from salesmine.process.chunking import step_groups
from salesmine.process.concepts import CUE_WEIGHTS, STRONG, Concept, concept_of, context_concept
from salesmine.process.elaboration import Candidate
from salesmine.process.model import Step
from salesmine.process.naming import name_step
from salesmine.records import Turn
from salesmine.text import Span, normalize_text


def _markers(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


SEQUENCE = _markers(lx.SEQUENCE_MARKERS_RU + lx.SEQUENCE_MARKERS_EN)
BEFORE_PREVIOUS = _markers(lx.BEFORE_PREVIOUS_RU + lx.BEFORE_PREVIOUS_EN)
_CONTENT = frozenset({"NOUN", "ADJF", *VERBAL})
_SCENE = frozenset({"на"})  # "На встрече — знакомимся": during it
_ALTERNATIVE = frozenset("либо или or".split())
_TIME_PREPOSITIONS = frozenset("после до перед через".split())


def sentence_candidates(
    turn: Turn,
    sentence: Span,
    words: list[Word],
    lang: str,
    is_item: bool,
    narrated: bool,
    team: bool = False,
) -> list[Candidate]:
    """The candidate steps of one sentence (``words``: its analysed words), in order;
    ``team``: the speaker heads the sellers, so "они" / "ребята" are them."""
    found = []
    folded = turn.text.lower().replace("ё", "е")  # same offsets as the turn text
    scene = _scene(words) if lang == "ru" else None
    groups = step_groups(words, lang, is_item=is_item, narrated=narrated, team=team)
    # the lost-deal branch and exceptions ("если клиент крупный, подключаю директора") hold none
    aside = off_flow(words, [g[1] for g in groups]) if lang == "ru" else set()
    for k, (group, head, core) in enumerate(groups):
        if k in aside:
            continue
        first, last = words[group[0]], words[group[-1]]
        quote = turn.text[first.start : last.end]
        name = name_step(words, group, head, lang)
        step = Step("", "", 0, name, quote, turn.index, first.start, last.end, lang)
        concept, hint = _concept(words, core, group, head, lang)
        if k == 0 and scene is not None and not concept.strong:
            concept = scene
        candidate = Candidate(step, turn.text, sentence.start, words[head].lemma, concept)
        candidate.hint = hint
        candidate.marked = _marked(folded, words, core, head, sentence.start if k == 0 else None)
        candidate.item_start = is_item and k == 0
        candidate.in_item = is_item
        candidate.event = words[head].lemma in ARRIVALS  # "приходит заявка": not a doing
        candidate.alternative = k > 0 and words[group[0]].lower in _ALTERNATIVE
        candidate.before_previous = bool(BEFORE_PREVIOUS.search(normalize_text(quote)))
        candidate.marked = candidate.marked or candidate.before_previous
        candidate.said = frozenset(words[i].lemma for i in group if _content(words[i]))
        candidate.own = frozenset(words[i].lemma for i in core if _content(words[i]))
        found.append(candidate)
    return found


def _content(word: Word) -> bool:
    """A word that says what is done: not the one who does it ("менеджер звонит", a director's
    every sentence)."""
    return word.pos in _CONTENT and not (word.animate and word.case == "nomn")


def _marked(
    folded: str, words: list[Word], core: list[int], head: int, sentence_start: int | None
) -> bool:
    """Whether an order marker opens this clause: in its own words, or — for the sentence's
    first clause — at the sentence's start before anyone else's verb ("Потом, если клиент
    согласен, ..."; "Потом клиент присылает заявку, менеджер её принимает"), not in "клиенты
    звонят сначала, я их переключаю"."""
    start = words[core[0]].start
    if sentence_start is not None:
        verbs = [w for w in words if w.end <= start and w.pos in VERBAL]
        opening = next((w for w in words if w.is_word), None)
        leads = opening is not None and bool(SEQUENCE.match(folded, opening.start))
        start = sentence_start if not verbs or leads else start
    return bool(SEQUENCE.search(folded[start : words[head].end]))


def _concept(
    words: list[Word], core: list[int], group: list[int], head: int, lang: str
) -> tuple[Concept, str]:
    """What the clause itself names (its head and own words, not its "если" / "чтобы" parts,
    which phrase rules still see: "выясняю, что ему нужно"), and a weak hint from those parts
    for a clause that names nothing itself ("проверяю, есть ли он в Битриксе")."""
    if lang != "ru":
        return Concept(), ""
    # "после сделки прошу рекомендации": a time reference names another activity, not this one
    when = {i for i in core if i > 0 and words[i - 1].lower in _TIME_PREPOSITIONS}
    own = [words[i].lemma for i in core if words[i].is_word and i not in when]
    located = [words[i].lemma for i in core if i > 0 and words[i - 1].pos == "PREP"]
    after = [words[i].lemma for i in group if i > head]
    phrase_context = after + [words[i].lemma for i in when]
    concept = concept_of(own, words[head].lemma, phrase_context, located, fallback=False)
    return concept, context_concept(after).name


def _scene(words: list[Word]) -> Concept | None:
    """ "На встрече — знакомимся, смотрим объект": the sentence tells what happens during the
    activity it opens with, so its first clause belongs to that activity."""
    content = [w for w in words if w.is_word]
    if len(content) < 2 or content[0].lower not in _SCENE:
        return None
    noun = next((w for w in content[1:4] if w.pos == "NOUN"), None)
    cues = CUE_WEIGHTS.get(noun.lemma, {}) if noun is not None else {}
    strong = [c for c, weight in cues.items() if weight == STRONG]
    return Concept(strong[0], True) if strong else None
