"""New step or more about the last one? Collapsing elaborations and restatements (Russian).

People tell a step and then say more about it: "Потом звоню клиенту. На звонке знакомлюсь,
говорю, что я от салона" is one step, not three; "КП отправляем письмом и обязательно звоним и
проговариваем его" is one step. And they come back to a step when the interviewer asks about it:
"А документы?" — "Документы — на осмотре же" is new, but "Я спрашиваю данные по машине" after the
call was told is a restatement. The rules, in order, for each candidate clause of one person:

1. the first clause of a list item starts a step, and the rest of the item is part of it (the
   person cut their process into items themselves);
2. the first clause of an answer starts a step when it has an order marker ("потом", "дальше") or
   the question asked for the next step ("А дальше?"); otherwise it starts one only if it names
   an activity (by its concept) this person has not told yet — nor only weakly mentioned inside
   a step, unless the question was about it: a told one is a restatement, and a clause with no
   concept says more about what was asked — either way the clauses after it in that answer go
   with it. In an answer to "А если клиент молчит?" a first clause with no concept tells the
   contingency ("Жду два дня, потом пишу") and the answer starts anew after it; an answer that
   confirms what the interviewer repeated back ("То есть вы сначала звоните?" — "Да, ...")
   restates the activities told;
3. a clause with the same concept as the step before is part of it;
4. a clause with an order marker, or with a strong cue of an activity not told yet, starts a step
   ("Я прошу прислать их расчёт" in the middle of the objections is not the calculation again),
   unless the clause before it in its sentence only leads into it: it names no activity, or one
   told before ("Потом созваниваюсь с шефом и расспрашиваю подробно" is needs discovery);
5. anything else (a weak cue, no cue at all) elaborates the step before.

A call told after the proposal went out is a follow-up ("если молчит, перезваниваю"): its concept
becomes the negotiation's, and the bargaining told after it names the step ("Звоню через пару
дней. ... Ну и торгуемся"); a call told right after the contract or the delivery is the
after-sale call. English has no activity lexicon: only a step repeated word for word right after
itself is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from salesmine.process.concepts import CALL_VERBS, FOLLOW_UP, Concept, in_sequence
from salesmine.process.model import Step

_CALL, _AFTER_SALE = "CALL", "AFTERSALE"  # activities of concepts.py
_CLOSING = frozenset({"SIGN", "DELIVERY"})
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
    in_item: bool = False  # any clause of a list item: the person's own list cuts the steps
    event: bool = False  # what happens to the seller ("приходит заявка"), not what they do
    asked_next: bool = False  # the interviewer's question before it asked what comes next
    asked_about: str = ""  # the concept the question names ("А если клиент говорит «дорого»?")
    asked_if: bool = False  # the question asked about a contingency ("А если клиент молчит?")
    asked_echo: bool = False  # the question repeated back what was told ("То есть вы ...?")
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
    inferred: bool = False  # its activity comes from what was told before, not its own words
    # ("Звоню через пару дней" after the proposal: the negotiation)
    again: bool = False  # its activity was told before it: "Потом созваниваюсь с шефом и
    # расспрашиваю" after the first call leads into needs discovery, it is not a second call


def collapse(candidates: list[Candidate], lang: str) -> list[Candidate]:
    """The candidates that are steps, each with its elaborations folded into it."""
    if lang != "ru":
        return _drop_repeats(candidates)
    steps: list[Candidate] = []
    told: set[str] = set()
    mentioned: set[str] = set()  # the activities of every clause folded in as well
    answer = None
    keys = [(c.step.turn, c.sentence) for c in candidates]
    summary: tuple[int, int] | None = None
    for k, candidate in enumerate(candidates):
        first = candidate.answer != answer
        answer = candidate.answer
        if keys[k] != (keys[k - 1] if k else None):
            recap = _summarizes(candidates, keys, k, told, steps[-1] if steps else None)
            summary = keys[k] if recap else None
        if keys[k] == summary:  # "звоню, встречаюсь, отправляю КП" once all were told
            continue
        decision = _judge(candidate, steps, first, (told, mentioned))
        if decision == "ignore":  # the contingency told, not a step: the answer starts anew
            answer = None
        _apply(decision, candidate, steps, first)
        told.update(c.concept.name for c in steps[-1:] if c.concept.name)
        mentioned.add(candidate.concept.name)
    return [c for c in steps if not c.dropped]


def _judge(
    candidate: Candidate, steps: list[Candidate], first: bool, said: tuple[set[str], set[str]]
) -> str:
    """What to do with a candidate: "new", "merge", "lead-in", "restated", "skip" or "ignore"
    (``said``: the activities told as steps, and those mentioned inside them)."""
    told, mentioned = said
    previous = steps[-1] if steps else None
    if not candidate.concept.name:  # "А если говорит «дорого»?" — "Объясняю, из чего ..."
        # (not "Сначала поговорю" after "И сразу заносите в CRM?": a step in sequence)
        asked = candidate.asked_about if first and not candidate.marked else ""
        candidate.concept = Concept(asked or candidate.hint)
    echoed = candidate.asked_echo and candidate.concept.name in told
    concept = in_sequence(candidate.concept, candidate.head, told)
    concept = _after_sale(concept, candidate.head, previous)
    candidate.inferred = concept.name != candidate.concept.name
    candidate.concept = concept
    candidate.again = concept.name in told
    if echoed:  # "То есть вы сначала звоните?" — "Да, сначала звоню, потом завожу в CRM"
        return "restated" if first else "skip"
    decision = _decide(candidate, previous, first, told)
    if first and decision == "new" and _repeats(candidate, steps, mentioned):
        return "restated"
    return decision


def _apply(decision: str, candidate: Candidate, steps: list[Candidate], first: bool) -> None:
    if decision == "new":
        steps.append(candidate)
    elif decision in ("merge", "lead-in"):
        _absorb(steps[-1], candidate, decision == "lead-in")
    elif decision in ("restated", "skip") and first:  # later clauses go with it
        candidate.dropped = True
        steps.append(candidate)


def _after_sale(concept: Concept, head: str, previous: Candidate | None) -> Concept:
    """A call told right after the contract or the delivery is the after-sale call ("Через
    месяц звоню, спрашиваю, как работает"), not the first call again nor the negotiation (a
    call told later to fill a gap, "А между девятым и десятым пунктом?", is not)."""
    closing = previous is not None and previous.concept.name in _CLOSING
    if head in CALL_VERBS and concept.name in {_CALL, FOLLOW_UP} and closing:
        return Concept(_AFTER_SALE, concept.strong)
    return concept


def _summarizes(
    candidates: list[Candidate],
    keys: list[tuple[int, int]],
    k: int,
    told: set[str],
    previous: Candidate | None,
) -> bool:
    """Whether the sentence starting at ``candidates[k]`` restates the process told so far: it
    names at least ``SUMMARY_ACTIVITIES`` activities told already, and little else (a summary
    also words an activity a little differently: "встречаюсь" for "назначаю встречу"). A call
    after the contract is the after-sale call, not the first call told again."""
    named = {
        _after_sale(in_sequence(c.concept, c.head, told), c.head, previous).name
        for c, key in zip(candidates[k:], keys[k:], strict=True)
        if key == keys[k]
    }
    named.discard("")
    again = len(named & told)
    return again >= SUMMARY_ACTIVITIES and again >= SUMMARY_SHARE * len(named)


def _decide(candidate: Candidate, previous: Candidate | None, first: bool, told: set[str]) -> str:
    concept = candidate.concept.name
    if previous is None or candidate.item_start:
        return "new"
    if candidate.in_item:  # "3. Еду на объект. Сначала смотрю помещение, а потом ...": one item
        return "skip" if previous.dropped else "merge"
    if first:
        return _decide_first(candidate, told)
    restated = previous.dropped
    if candidate.alternative:
        return "skip" if restated else "merge"
    if concept and concept == previous.concept.name:
        return "skip" if restated else "merge"
    if previous.event and concept:  # "Приходит заявка. Я в тот же день перезваниваю"
        return "new"
    if candidate.marked or (candidate.concept.strong and concept not in told):
        # "поговорила — завела карточку": a clause with no activity of its own leads into one
        return "lead-in" if _leads_in(previous, candidate) else "new"
    return "skip" if restated else "merge"


def _decide_first(candidate: Candidate, told: set[str]) -> str:
    """The first clause of an answer: new when narrated on or asked for, or when it names an
    activity not told yet."""
    concept = candidate.concept.name
    if candidate.asked_if and not concept:  # "А если молчит?" — "Жду, потом пишу в телеграм"
        return "ignore"
    if candidate.marked or candidate.asked_next:
        return "new"
    if concept:
        return "restated" if concept in told else "new"
    return "skip"  # "тогда рассказываю про выплаты": more about what was asked


def _leads_in(previous: Candidate, candidate: Candidate) -> bool:
    """Whether the clause before, in the same sentence, only leads into this one: it names no
    activity ("поговорила — завела карточку"), or one told before ("Потом созваниваюсь с шефом
    и расспрашиваю подробно", "С замерами иду к технологам, и мы подбираем оборудование")."""
    same_sentence = (previous.step.turn, previous.sentence) == (
        candidate.step.turn,
        candidate.sentence,
    )
    same_sentence = same_sentence and not candidate.marked
    leading = not previous.concept.name or (previous.again and candidate.concept.strong)
    return leading and same_sentence and not previous.dropped


def _repeats(candidate: Candidate, steps: list[Candidate], mentioned: set[str]) -> bool:
    """An answer that says again most of what a step already said ("Я спрашиваю данные по
    машине" after "спрашиваю, что за машина, год"), or that only weakly names an activity told
    inside a step ("Приезжаешь — и всё понятно" after "договариваюсь о выезде, приезжаю") when
    the question was about something else, restates it, unless it is narrated on."""
    if candidate.marked or candidate.asked_next:
        return False
    concept = candidate.concept
    weak = not concept.strong and not candidate.inferred  # its own words name it, weakly
    if weak and concept.name in mentioned and concept.name != candidate.asked_about:
        return True
    own = candidate.own
    return len(own) >= 2 and any(len(own & step.said) >= REPEAT_SHARE * len(own) for step in steps)


def _absorb(step: Candidate, part: Candidate, led: bool = False) -> None:
    """Fold ``part`` into ``step``: its concept if the step had none (or only ``led`` into it);
    and the quote grows to cover it when in the same sentence, when the step's own words are
    too few to say much ("Договор. Готовим проект, подписываем"), or when the part is what
    names the step's activity ("Звоню через пару дней. ... Ну и торгуемся": the bargaining,
    which then names the step)."""
    if (not step.concept.name or led) and part.concept.strong:
        step.concept, step.again = part.concept, False  # "поговорила — завела карточку"
    step.said = step.said | part.said
    same_turn = part.step.turn == step.step.turn
    same_sentence = same_turn and part.sentence == step.sentence
    short = same_turn and len(step.step.quote.split()) < SHORT_QUOTE
    names = same_turn and step.inferred and part.concept == Concept(step.concept.name, True)
    if names:
        step.concept, step.inferred = part.concept, False
        step.step = replace(step.step, name=part.step.name)
    if (same_sentence or short or names) and part.step.end > step.step.end:
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
