"""Folding an elaboration into its step: the step's concept, name and verbatim quote (Russian).

The quote grows to cover what is folded in when it is in the same sentence, when the step's
own words are too few to say much ("Договор. Готовим проект, подписываем"), or when the part is
what names the step's activity ("Звоню через пару дней, спрашиваю. ... Ну и торгуемся": the
bargaining names the step). It never runs across a sentence that says nothing of the step: a
part told further on gives the step its own quote instead. So does the rule told after a case
of it ("А вот если позвонил напрямую — тогда завожу. Но вообще у меня правило: ...").
"""

from __future__ import annotations

import re
from dataclasses import replace

from salesmine.process.actions import VERBAL
from salesmine.process.candidates import Candidate

SHORT_QUOTE = 2  # nouns and verbs: a quote saying this little takes in the elaborations told
# after it ("Тогда я его фиксирую. Фиксация — это я в Битриксе создаю карточку")
HEADING_GAP = 2  # sentence ends between a heading and the first action it tells
_SENTENCE_END = re.compile(r"[.!?…]+(?:\s|$)")


def absorb(step: Candidate, part: Candidate, led: bool = False) -> None:
    """Fold ``part`` into ``step``: its concept if the step had none (or only ``led`` into it),
    its words, and (see the module) its name and quote."""
    names = part.step.turn == step.step.turn and _names(step, part)
    if (not step.concept.name or led) and part.concept.strong:
        step.concept, step.again = part.concept, False  # "поговорила — завела карточку"
    step.said = step.said | part.said
    if part.step.turn != step.step.turn:
        return
    if names:
        step.concept, step.inferred = part.concept, False
        step.step = replace(step.step, name=part.step.name)
    general = step.conditional and part.general and part.concept == step.concept
    if general:
        step.step = replace(step.step, name=part.step.name)
    if general or (names and not _adjacent(step, part)):
        _retell(step, part)
        return
    # a bare "Встреча обязательно." takes in what follows however far
    bare = (step.words <= 1 or _heading(step, part)) and part.step.end > step.step.end
    grows = part.sentence == step.sentence or step.words <= SHORT_QUOTE or names
    if bare or (grows and _adjacent(step, part)):
        quote = step.turn_text[step.step.start : part.step.end]
        step.step = replace(step.step, quote=quote, end=part.step.end)
        step.words += part.words
        step.sentence = part.sentence  # the quote now runs into this sentence


def _names(step: Candidate, part: Candidate) -> bool:
    """Whether ``part`` names the activity the step only stands for: "Звоню через пару дней"
    names no negotiation; "Ну то есть подписание я провожу" says again what a weak step meant."""
    weakly = step.inferred or (part.rephrases and not step.concept.strong)
    same = step.concept.name in ("", part.concept.name)
    return weakly and same and part.concept.strong


def _retell(step: Candidate, part: Candidate) -> None:
    """The step's quote becomes the part's own."""
    step.step = replace(step.step, quote=part.step.quote, start=part.step.start, end=part.step.end)
    step.words, step.sentence, step.conditional = part.words, part.sentence, False


def _adjacent(step: Candidate, part: Candidate) -> bool:
    """Whether ``part`` follows the step's quote in its sentence or the next one: a quote never
    runs across a sentence that says nothing of the step ("Предлагаю франшизу. Если всё равно
    нет — ну, значит, нет. Закрываю сделку")."""
    if part.step.turn != step.step.turn or part.step.end <= step.step.end:
        return False
    between = step.turn_text[step.step.end : part.step.start]
    return len(_SENTENCE_END.findall(between)) <= 1


def _heading(step: Candidate, part: Candidate) -> bool:
    """Whether the step is a heading the actions after it tell ("Дальше у нас такой момент —
    кредитный лимит. Большинство работают с отсрочкой. Менеджер отправляет запрос ..."): a step
    named by a noun, and an action in a sentence at most ``HEADING_GAP`` sentence ends on — its
    quote takes the action in, as the step's own words say too little of what is done."""
    word, verb = step.head_word, part.head_word
    if word is None or word.pos in VERBAL or verb is None or verb.pos not in VERBAL:
        return False
    if part.step.turn != step.step.turn or part.sentence == step.sentence:
        return False
    between = step.turn_text[step.step.end : part.step.start]
    return len(_SENTENCE_END.findall(between)) <= HEADING_GAP
