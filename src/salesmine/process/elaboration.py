"""New step or more about the last one? Collapsing elaborations and restatements (Russian).

People tell a step and then say more about it: "Потом звоню клиенту. На звонке знакомлюсь,
говорю, что я от салона" is one step, not three; "КП отправляем письмом и обязательно звоним и
проговариваем его" is one step. And they come back to a step when the interviewer asks about it:
"А документы?" — "Документы — на осмотре же" is new, but "Я спрашиваю данные по машине" after the
call was told is a restatement. The rules, in order, for each candidate clause of one person:

1. the first clause of a list item starts a step, and the rest of the item is part of it (the
   person cut their process into items themselves);
2. the first clause of an answer starts a step when it has an order marker ("потом", "дальше",
   "на следующий день"), the question asked for the next step ("А дальше?", "На этом всё?") or
   the person places it in their list ("между седьмым и восьмым пунктом"); otherwise it starts
   one only if it names an activity (by its concept) this person has not told yet — or names a
   told one strongly but in other words than every step of it (and than the question about it:
   "А договор вы сами готовите?" — "Сама, да. Готовлю ДДУ" after "оформляю бронь" is new) — nor
   only weakly mentioned inside a step, unless the question was about it: a told one is a
   restatement, and a clause with no concept says more about what was asked — either way the
   clauses after it in that answer go with it. In an answer to "А если клиент молчит?" (or "И
   клиенты сразу соглашаются?") a first clause with no concept tells the contingency ("Жду два
   дня, потом пишу, потом звоню"): its sentence adds nothing, and the answer starts anew after
   it; an answer that confirms what the interviewer repeated back ("То есть вы сначала
   звоните?" — "Да, ...") restates the activities told;
3. a detail under a heading ("ипотека: собираю паспорт ... и отправляю заявку"), of "что-то"
   ("Двигаю что-то — модель подешевле ставлю, монтаж раскладываю"), of a step's purpose
   ("Задача звонка — ...") or said again ("Ну то есть ...") is part of the step before, and so
   is a clause with the same concept as that step — unless an order marker and other words
   start the next one ("Провожу презентацию. Потом веду в шоурум") — or one that only does more
   with what that step named ("назначается встреча. Встреча подтверждается накануне");
4. a clause with an order marker, or with a strong cue of an activity not told yet, starts a step
   ("Я прошу прислать их расчёт" in the middle of the objections is not the calculation again),
   unless the clause before it in its sentence only leads into it: it names no activity, or one
   told before ("Потом созваниваюсь с шефом и расспрашиваю подробно" is needs discovery);
5. anything else (a weak cue, no cue at all) elaborates the step before — but not a sentence of
   its own that opens with the speaker going somewhere the step before did not name ("Выясняю
   площадь. Еду на склад, смотрю"), nor one placed in time before an event ("Акты готовлю. За
   месяц до окончания договора — продление"), after a step told by a verb (session 10), nor
   one opened by "И" / "Ну и" with a present verb of the speaker's and no thing that step
   acted on ("Делаю табличку, сравниваю. И везу клиенту"; session 11).

Watching for the payment once the invoice is out ("Выставляю счёт. Слежу за оплатой") is a step
of its own when told in a sentence of its own, even first in an answer ("А оплата?" — "Оплату
отслеживаю сама"); in the invoice's own sentence it details the invoice (``payment_watch``).

A sentence restating three or more told activities, or a run of list items that does, is a
summary and adds nothing. A call told after the proposal went out, or after the meeting, is a
follow-up ("если молчит, перезваниваю", "на следующий день звоню, узнаю впечатления"): its
concept becomes the negotiation's, and the bargaining told after it names the step ("Звоню через
пару дней. ... Ну и торгуемся"); a call told right after the contract or the delivery is the
after-sale call (``later_calls``). How the quote grows is in ``quotes``. English has no
activity lexicon: only a step repeated word for word right after itself is dropped.
"""

from __future__ import annotations

from salesmine.process.actions import VERBAL
from salesmine.process.candidates import Candidate
from salesmine.process.concepts import (
    CUE_WEIGHTS,
    STRONG,
    Concept,
    in_sequence,
)
from salesmine.process.later_calls import after_meeting, after_sale
from salesmine.process.quotes import absorb
from salesmine.process.step_novelty import (
    agreed,
    and_step,
    asked_action,
    new_action,
    own_action,
    paragraph_step,
    passive_step,
    payment_watch,
    subject_step,
    terse_new,
    terse_step,
    visit_step,
)

LIST = -1  # the sentence key of a turn's list items
SUMMARY_ACTIVITIES = 3  # told activities a sentence restates to be a summary
SUMMARY_SHARE = 3 / 4  # of the activities it names, told before
REPEAT_SHARE = 2 / 3  # of an answer's content words already said in one step: a restatement


def collapse(candidates: list[Candidate], lang: str) -> list[Candidate]:
    """The candidates that are steps, each with its elaborations folded into it."""
    if lang != "ru":
        return _drop_repeats(candidates)
    steps: list[Candidate] = []
    told: set[str] = set()
    mentioned: set[str] = set()  # the activities of every clause folded in as well
    answer = None
    # a turn's list items are read together: "1) встречаю; 2) узнаю, что ищет; ..." at the end
    # of an interview restates the process as one sentence would
    keys = [(c.step.turn, LIST if c.in_item else c.sentence) for c in candidates]
    passed: tuple[int, int] | None = None  # a sentence that adds no step: a summary, a contingency
    for k, candidate in enumerate(candidates):
        first = candidate.answer != answer
        answer = candidate.answer
        if keys[k] != (keys[k - 1] if k else None):
            recap = _summarizes(candidates, keys, k, told, steps[-1] if steps else None)
            passed = keys[k] if recap else None
        if keys[k] == passed:  # "звоню, встречаюсь, отправляю КП" once all were told
            candidate.verdict = "summary"
            continue
        decision = _judge(candidate, steps, first, (told, mentioned))
        candidate.verdict = decision  # what the rules did with it, for the learned tagger
        if decision == "ignore":  # "Жду два дня, потом пишу, потом звоню": the contingency told,
            answer, passed = None, keys[k]  # not a step; the answer starts anew after it
            continue
        _apply(decision, candidate, steps, first)
        told.update(c.concept.name for c in steps[-1:] if c.concept.name)
        if not candidate.borrowed:  # "укладываюсь, если не на встрече" mentions no meeting
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
        strong = bool(asked) and candidate.asked_strongly  # "Договор вы сами готовите?"
        candidate.concept = Concept(asked or candidate.hint, strong)
        candidate.borrowed = True
    echoed = candidate.asked_echo and candidate.concept.name in told
    concept = in_sequence(candidate.concept, candidate.head, told)
    concept = after_sale(after_meeting(concept, candidate.head, told), candidate.head, previous)
    candidate.inferred = concept.name != candidate.concept.name
    candidate.concept = concept
    candidate.again = concept.name in told
    if echoed:  # "То есть вы сначала звоните?" — "Да, сначала звоню, потом завожу в CRM"
        return "restated" if first else "skip"
    decision = _decide(candidate, steps, first, told)
    if first and decision == "new" and _repeats(candidate, steps, mentioned):
        return "restated"
    return decision


def _apply(decision: str, candidate: Candidate, steps: list[Candidate], first: bool) -> None:
    if decision == "new":
        steps.append(candidate)
    elif decision in ("merge", "lead-in"):
        absorb(steps[-1], candidate, decision == "lead-in")
    elif decision in ("restated", "skip") and first:  # later clauses go with it
        candidate.dropped = True
        steps.append(candidate)


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
        after_sale(in_sequence(c.concept, c.head, told), c.head, previous).name
        for c, key in zip(candidates[k:], keys[k:], strict=True)
        if key == keys[k]
    }
    named.discard("")
    again = len(named & told)
    return again >= SUMMARY_ACTIVITIES and again >= SUMMARY_SHARE * len(named)


def _decide(candidate: Candidate, steps: list[Candidate], first: bool, told: set[str]) -> str:
    previous = steps[-1] if steps else None
    if previous is None or candidate.item_start:
        return "new"
    if candidate.in_item:  # "3. Еду на объект. Сначала смотрю помещение, а потом ...": one item
        return "skip" if previous.dropped else "merge"
    if first:
        return _decide_first(candidate, told, steps)
    restated = previous.dropped
    # "Акты готовлю. За месяц до окончания договора — продление": the next step in time,
    # unless it tells what is done in a step named by a heading ("Пролонгация. За месяц ...")
    verbal = previous.head_word is not None and previous.head_word.pos in VERBAL
    if candidate.ahead and verbal:
        return "skip" if restated else "new"
    # "..., и отправляю заявку" under a heading; "Ну то есть подписание я провожу" says it again
    told_again = (candidate.detail or candidate.rephrases) and not candidate.marked
    if candidate.alternative or told_again:
        return "skip" if restated else "merge"
    # "Выставляю счёт. Слежу за оплатой" — also past an aside on the invoice ("Выставляю счёт
    # в 1С ... тогда пишу айтишнику. Слежу, чтобы предоплата пришла")
    if payment_watch(candidate, previous) or (
        len(steps) > 1 and not restated and payment_watch(candidate, steps[-2])
    ):
        return "skip" if restated else "new"
    # "Договор подписываем. Счёт выставляю.": a short sentence of its own with another verb and
    # object tells the next step, though the lexicon may file both under one activity
    if terse_step(candidate, previous):
        return "skip" if restated else "new"
    # "Беру паспорт, снимаю копию. Пробиваю оплату.": a sentence of its own whose verb and
    # object both differ from the step's own is the next action, whatever its length — also
    # after a restatement ("Перезваниваю с вариантами. ... Отправляю ссылку на оплату")
    # so is a long passive with a new subject, and a paragraph of its own with a new verb
    if any(
        f(candidate, previous) for f in (own_action, passive_step, paragraph_step, subject_step)
    ):
        return "new"
    # "Выясняю площадь ... Еду на склад, хожу, смотрю"; "Делаю табличку. И везу клиенту"
    if visit_step(candidate, previous) or and_step(candidate, previous):
        return "skip" if restated else "new"
    return _decide_later(candidate, previous, told)


def _decide_later(candidate: Candidate, previous: Candidate, told: set[str]) -> str:
    """A later clause of an answer that neither details the step before nor tells a short step
    of its own: new when it moves on (an order marker, another activity), else folded."""
    concept = candidate.concept.name
    restated = previous.dropped
    # "Я провожу презентацию ... Потом веду в шоурум": an order marker and other words than the
    # step before start a step even when both are the same activity for the lexicon
    moves_on = candidate.marked and not candidate.own & previous.said
    if concept and concept == previous.concept.name and not moves_on:
        return "skip" if restated else "merge"
    if not candidate.marked and _same_thing(candidate, previous):
        return "skip" if restated else "merge"
    if terse_new(candidate, previous):  # "Машины заказываю у дистрибьютора."
        return "skip" if restated else "new"
    if previous.event and concept:  # "Приходит заявка. Я в тот же день перезваниваю"
        return "new"
    if candidate.marked or (candidate.concept.strong and concept not in told):
        # "поговорила — завела карточку": a clause with no activity of its own leads into one
        return "lead-in" if _leads_in(previous, candidate) else "new"
    return "skip" if restated else "merge"


def _decide_first(candidate: Candidate, told: set[str], steps: list[Candidate]) -> str:
    """The first clause of an answer: new when narrated on or asked for, or when it names an
    activity not told yet — or, strongly, names it with other words than every step of that
    activity told ("Договор я готовлю сама" after "оформляю бронь": both are paperwork)."""
    concept = candidate.concept.name
    # "А если согласен?" — "Тогда запускаем пилот"
    if candidate.asked_if and agreed(candidate.asked_words):
        return "new"
    if candidate.asked_if and not concept:  # "А если молчит?" — "Жду, потом пишу в телеграм"
        return "ignore"
    if candidate.marked or candidate.asked_next or candidate.remarked or candidate.placed:
        # "между вторым и третьим"; "Хорошо." — "Значит, клиент заходит. Мы встречаем его"
        return "new"
    if concept and steps and payment_watch(candidate, steps[-1]):  # "А оплата?" — "Слежу сама"
        return "new"
    if concept:
        return "restated" if concept in told and _same_words(candidate, steps) else "new"
    if new_action(candidate, steps):  # "Пилот разворачиваю я": an activity the lexicon lacks
        return "new"
    if asked_action(candidate, steps):  # "А лицензию проверяете?" — "Проверяю, конечно"
        return "new"
    return "skip"  # "тогда рассказываю про выплаты": more about what was asked


def _same_words(candidate: Candidate, steps: list[Candidate]) -> bool:
    """Whether a step of the candidate's activity already said one of its own words (or, when the
    question asks about that activity, one of the question's: "А в CRM когда заносите?"), or the
    candidate names that activity only weakly."""
    if not candidate.concept.strong:
        return True
    # "Договор вы сами готовите?" — "Сама, да. Я готовлю ДДУ": the question's words count
    asked = candidate.borrowed or candidate.asked_about == candidate.concept.name
    words = candidate.own | (candidate.asked_words if asked else frozenset())
    same = [s for s in steps if s.concept.name == candidate.concept.name]
    return any(words & s.said for s in same)


def _same_thing(candidate: Candidate, previous: Candidate) -> bool:
    """Whether a clause only does more with what the step before named: its strong sales words
    were all said there, and its own verb is none ("назначается встреча. Встреча подтверждается
    накануне"; "зову на встречу, и в Битриксе ставлю встречу в календарь")."""
    named = {w for w in candidate.objects if STRONG in CUE_WEIGHTS.get(w, {}).values()}
    return bool(named) and candidate.head not in named and named <= previous.said


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
    if candidate.marked or candidate.asked_next or candidate.remarked or candidate.placed:
        return False
    concept = candidate.concept
    weak = not concept.strong and not candidate.inferred  # its own words name it, weakly
    if weak and concept.name in mentioned and concept.name != candidate.asked_about:
        return True
    own = candidate.own
    return len(own) >= 2 and any(len(own & step.said) >= REPEAT_SHARE * len(own) for step in steps)


def _drop_repeats(candidates: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    for candidate in candidates:
        if kept and kept[-1].step.name == candidate.step.name:
            continue
        kept.append(candidate)
    return kept
