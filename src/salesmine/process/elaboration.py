"""New step or more about the last one? Collapsing elaborations and restatements (Russian).

People tell a step and then say more about it: "Потом звоню клиенту. На звонке знакомлюсь,
говорю, что я от салона" is one step, not three; "КП отправляем письмом и обязательно звоним и
проговариваем его" is one step. And they come back to a step when the interviewer asks about it:
"А документы?" — "Документы — на осмотре же" is new, but "Я спрашиваю данные по машине" after the
call was told is a restatement. The rules, in order, for each candidate clause of one person:

1. the first clause of a list item starts a step;
2. the first clause of an answer starts a step when it has an order marker ("потом", "дальше") or
   the question asked for the next step ("А дальше?"); otherwise it starts one only if it names
   an activity (by its concept) this person has not told yet: a told one is a restatement, and
   a clause with no concept says more about what was asked — either way the clauses after it in
   that answer go with it;
3. a clause with the same concept as the step before is part of it;
4. a clause with an order marker, or with a strong cue of an activity not told yet, starts a step
   ("Я прошу прислать их расчёт" in the middle of the objections is not the calculation again);
5. anything else (a weak cue, no cue at all) elaborates the step before.

A call told after the proposal went out is a follow-up ("если молчит, перезваниваю"): its concept
becomes the negotiation's. English has no activity lexicon: only a step repeated word for word
right after itself is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from salesmine.process.concepts import Concept, in_sequence
from salesmine.process.model import Step

SHORT_QUOTE = 4  # words: a quote this short takes in the elaborations told after it
SUMMARY_ACTIVITIES = 3  # told activities a sentence restates to be a summary
SUMMARY_SHARE = 3 / 4  # of the activities it names, told before
REPEAT_SHARE = 2 / 3  # of an answer's content words already said in one step: a restatement


@dataclass
class Candidate:
    """A clause that may be a step, with what the collapse rules need to know about it."""

    step: Step
    turn_text: str  # the whole turn, so a merged quote can grow verbatim
    sentence: int  # start offset of its sentence within the turn
    head: str  # lemma of the action word
    concept: Concept = field(default_factory=Concept)
    marked: bool = False  # an order marker opens or sits in the clause
    item_start: bool = False  # the first clause of a list item
    asked_next: bool = False  # the interviewer's question before it asked what comes next
    asked_about: str = ""  # the concept the question names ("А если клиент говорит «дорого»?")
    hint: str = ""  # a weak concept from the clause's other parts, when its own words name none
    answer: int = 0  # which answer (interviewee turns between two questions) it belongs to
    said: frozenset[str] = frozenset()  # content lemmas of the clause (and, once it is a step,
    # of everything folded into it)
    own: frozenset[str] = frozenset()  # content lemmas of the clause's own words
    alternative: bool = False  # opened by "либо" / "или" after a step in its sentence: the
    # other way to do that step ("встречаюсь — либо еду к нему, либо зову к нам")
    before_previous: bool = False  # "перед этим ...": goes before the step told just before
    dropped: bool = False  # a restatement (or more about what was asked): kept only so that the
    # clauses after it in its answer are dropped with it


def collapse(candidates: list[Candidate], lang: str) -> list[Candidate]:
    """The candidates that are steps, each with its elaborations folded into it."""
    if lang != "ru":
        return _drop_repeats(candidates)
    steps: list[Candidate] = []
    told: set[str] = set()
    answer = None
    keys = [(c.step.turn, c.sentence) for c in candidates]
    summary: tuple[int, int] | None = None
    for k, candidate in enumerate(candidates):
        first = candidate.answer != answer
        answer = candidate.answer
        if keys[k] != (keys[k - 1] if k else None):
            summary = keys[k] if _summarizes(candidates, keys, k, told) else None
        if keys[k] == summary:  # "звоню, встречаюсь, отправляю КП" once all were told
            continue
        if not candidate.concept.name:  # "А если говорит «дорого»?" — "Объясняю, из чего ..."
            # (not "Сначала поговорю" after "И сразу заносите в CRM?": a step in sequence)
            asked = candidate.asked_about if first and not candidate.marked else ""
            candidate.concept = Concept(asked or candidate.hint)
        candidate.concept = in_sequence(candidate.concept, candidate.head, told)
        decision = _decide(candidate, steps[-1] if steps else None, first, told)
        if first and decision == "new" and _repeats(candidate, steps):
            decision = "restated"
        if decision == "new":
            steps.append(candidate)
        elif decision == "merge":
            _absorb(steps[-1], candidate)
        elif decision in ("restated", "skip") and first:  # later clauses go with it
            candidate.dropped = True
            steps.append(candidate)
        told.update(c.concept.name for c in steps[-1:] if c.concept.name)
    return [c for c in steps if not c.dropped]


def _summarizes(
    candidates: list[Candidate], keys: list[tuple[int, int]], k: int, told: set[str]
) -> bool:
    """Whether the sentence starting at ``candidates[k]`` restates the process told so far: it
    names at least ``SUMMARY_ACTIVITIES`` activities told already, and little else (a summary
    also words an activity a little differently: "встречаюсь" for "назначаю встречу")."""
    named = {
        c.concept.name for c, key in zip(candidates[k:], keys[k:], strict=True) if key == keys[k]
    }
    named.discard("")
    again = len(named & told)
    return again >= SUMMARY_ACTIVITIES and again >= SUMMARY_SHARE * len(named)


def _decide(candidate: Candidate, previous: Candidate | None, first: bool, told: set[str]) -> str:
    concept = candidate.concept.name
    if previous is None or candidate.item_start:
        return "new"
    if first:
        if candidate.marked or candidate.asked_next:
            return "new"
        if concept:
            return "restated" if concept in told else "new"
        return "skip"  # "тогда рассказываю про выплаты": more about what was asked
    restated = previous.dropped
    if candidate.alternative:
        return "skip" if restated else "merge"
    if concept and concept == previous.concept.name:
        return "skip" if restated else "merge"
    if candidate.marked or (candidate.concept.strong and concept not in told):
        # "поговорила — завела карточку": a clause with no activity of its own leads into one
        return "merge" if _leads_in(previous, candidate) else "new"
    return "skip" if restated else "merge"


def _leads_in(previous: Candidate, candidate: Candidate) -> bool:
    same_sentence = (previous.step.turn, previous.sentence) == (
        candidate.step.turn,
        candidate.sentence,
    )
    same_sentence = same_sentence and not candidate.marked
    return not previous.concept.name and same_sentence and not previous.dropped


def _repeats(candidate: Candidate, steps: list[Candidate]) -> bool:
    """An answer that says again most of what a step already said ("Я спрашиваю данные по
    машине" after "спрашиваю, что за машина, год") restates it, unless it is narrated on."""
    own = candidate.own
    if candidate.marked or candidate.asked_next or len(own) < 2:
        return False
    return any(len(own & step.said) >= REPEAT_SHARE * len(own) for step in steps)


def _absorb(step: Candidate, part: Candidate) -> None:
    """Fold ``part`` into ``step``: its concept if the step had none; and the quote grows to
    cover it when in the same sentence, or when the step's own words are too few to say much
    ("Договор. Готовим проект, подписываем")."""
    if not step.concept.name and part.concept.strong:  # "поговорила — завела карточку"
        step.concept = part.concept
    step.said = step.said | part.said
    same_turn = part.step.turn == step.step.turn
    same_sentence = same_turn and part.sentence == step.sentence
    short = same_turn and len(step.step.quote.split()) < SHORT_QUOTE
    if (same_sentence or short) and part.step.end > step.step.end:
        quote = step.turn_text[step.step.start : part.step.end]
        step.step = replace(step.step, quote=quote, end=part.step.end)
        step.sentence = part.sentence  # the quote now runs into this sentence


def _drop_repeats(candidates: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    for candidate in candidates:
        if kept and kept[-1].step.name == candidate.step.name:
            continue
        kept.append(candidate)
    return kept
