"""Whether a clause tells a new action in the words of its own trade (Russian).

The sales lexicon (``concepts``) knows calls, meetings, proposals and contracts; a car dealer's
"тест-драйв", a cleaner's "пробная уборка" or a software vendor's "пилот" are unknown to it, and
it may file different actions under one activity ("Договор подписываем. Счёт выставляю" are
both the signing). ``elaboration`` then folds them into the step before. These checks read the
clause itself — a verb of "я"/"мы" with a direct object that no step has said — so that they hold
for any trade, and they stay narrow: a detail of a step is told in a long sentence or a list
("Смотрим пожарку, охрану, как хранят, фотографируем"), a new step in a short one of its own.
"""

from __future__ import annotations

from salesmine.process.actions import VERBAL, Word
from salesmine.process.candidates import Candidate
from salesmine.process.concepts import CUE_WEIGHTS, STRONG

TERSE_WORDS = 6  # words of a sentence short enough to tell one step and nothing more
_NOT_OBJECT = frozenset({"PREP", "NUMR"})  # a noun after these is a place, a time, a measure


def new_action(candidate: Candidate, steps: list[Candidate], named: bool = False) -> bool:
    """Whether a clause opening its sentence tells an action of the speaker's that none of
    ``steps`` told: a present (or future) verb in the first person with a direct object noun,
    neither said in those steps ("Пилот разворачиваю я", "Допродаю в основном расходники").
    ``named``: only an object that names an activity by a strong cue of the lexicon counts."""
    word = candidate.head_word
    if word is None or word.pos != "VERB" or word.tense == "past" or word.person != "1per":
        return False
    if candidate.conditional or candidate.asked_if or candidate.step.start != _opening(candidate):
        return False
    parts = list(candidate.parts)
    if any(w.pos == "INFN" for w in parts):  # "Франшизу предлагаю поднять": the infinitive's
        return False
    nouns = _objects(parts) & candidate.objects  # its own clause's, not "..., копию агенту"
    if named:  # "счёт" after "договор"
        nouns = {n for n in nouns if STRONG in CUE_WEIGHTS.get(n, {}).values()}
    said = {lemma for step in steps for lemma in step.said}
    return bool(nouns) and not (nouns | {candidate.head}) & said


def terse_step(candidate: Candidate, previous: Candidate) -> bool:
    """Whether a short sentence of its own tells the step after ``previous``: with a strong
    cue, one new to that step ("Договор подписываем. Счёт выставляю"); else a sentence of one
    verb and one new object ("Выдаю партию"; not "Я показываю фасады, столешницы, фурнитуру"
    or "Смотрю помещение, делаю замеры", which say more about the step)."""
    if not _terse(candidate):
        return False
    if candidate.concept.strong:
        return new_action(candidate, [previous], named=True)
    said = candidate.context
    single = sum(w.pos in VERBAL for w in said) == 1 and sum(w.pos == "NOUN" for w in said) == 1
    return single and new_action(candidate, [previous])


def terse_new(candidate: Candidate, previous: Candidate) -> bool:
    """Whether a short sentence of its own tells a new action with a new object, whatever the
    lexicon says of it ("Машины заказываю у дистрибьютора" after the contract)."""
    return _terse(candidate) and new_action(candidate, [previous])


def _objects(parts: list[Word]) -> set[str]:
    """The lemmas of the nouns that may be a verb's direct object: not a place or a time ("в
    Битриксе", "через месяц", "четырнадцать дней"), not a person."""
    return {
        w.lemma
        for k, w in enumerate(parts)
        if w.pos == "NOUN"
        and w.object_case
        and not w.animate
        and not (k and parts[k - 1].pos in _NOT_OBJECT)
    }


def _terse(candidate: Candidate) -> bool:
    """Whether the candidate opens a sentence of at most ``TERSE_WORDS`` words: one short
    sentence per action is how a person lists steps; details come in long ones."""
    said = [w for w in candidate.context if w.is_word]
    return len(said) <= TERSE_WORDS and candidate.step.start == _opening(candidate)


def _opening(candidate: Candidate) -> int:
    """Where the candidate's sentence starts in its turn (its first word)."""
    words = [w for w in candidate.context if w.is_word]
    return words[0].start if words else -1
