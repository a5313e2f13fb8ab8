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

from salesmine.process import lexicon as lx
from salesmine.process.actions import VERBAL, Word
from salesmine.process.candidates import Candidate
from salesmine.process.concepts import CUE_WEIGHTS, STRONG
from salesmine.process.passive import nominative, passive_base
from salesmine.process.subjects import seller

TERSE_WORDS = 6  # words of a sentence short enough to tell one step and nothing more
# words of a sentence so short it is the action alone ("Пишу сразу.", "Записываю на пробный.")
BARE_WORDS = 3
OWN_WORDS = 9  # words of a sentence short enough to name one action (details run longer)
_DASHES = frozenset("—–")  # a remark on the step follows one ("Оформляю страховку — ...")
# words by which a sentence explains the step, or tells a habit of it, rather than the next one
_ASIDE_WORDS = frozenset({"поэтому", "иногда", "всегда", "тоже", "также", "заодно"})
# nouns of time stand in the accusative without being acted on ("Я каждый день звоню")
_TIME = frozenset("раз день неделя месяц год час минута секунда время утро вечер ночь".split())
_NOT_OBJECT = frozenset({"PREP", "NUMR"})  # a noun after these is a place, a time, a measure
_IN_PHRASE = frozenset({"ADJF", "PRTF", "NPRO", "NUMR"})  # words a phrase runs on through
_SENTENCE_ENDS = (".", "!", "?", "…", "»", '"')  # a paragraph that ends its sentence
_GENERIC = frozenset("делать сделать быть мочь заниматься".split())  # say no activity
_TOLD_PERSONS = frozenset({"1per", "3per"})  # "звоню", "оператор звонит" (agency judged whose)


def new_action(candidate: Candidate, steps: list[Candidate], named: bool = False) -> bool:
    """Whether a clause opening its sentence tells an action of the speaker's that none of
    ``steps`` told: a present (or future) verb in the first person with a direct object noun,
    neither said in those steps ("Пилот разворачиваю я", "Допродаю в основном расходники").
    ``named``: only an object that names an activity by a strong cue of the lexicon counts."""
    nouns = _acted_on(candidate)
    if named:  # "счёт" after "договор"
        nouns = {n for n in nouns if STRONG in CUE_WEIGHTS.get(n, {}).values()}
    said = {lemma for step in steps for lemma in step.said}
    return bool(nouns) and not (nouns | {candidate.head}) & said


def asked_action(candidate: Candidate, steps: list[Candidate]) -> bool:
    """Whether the first clause of an answer tells, as an action of its own, the activity the
    question asked about when none of ``steps`` told it ("А пилот?" — "Пилот разворачиваю я";
    "А лицензию вы проверяете?" — "Проверяю, конечно, на сайте"): a present (or future) verb
    opening its sentence, and a word of the clause taken from the question, said in no step."""
    word = candidate.head_word
    if word is None or word.pos != "VERB" or word.tense == "past":
        return False
    if word.person not in _TOLD_PERSONS or candidate.conditional or _contingency(candidate):
        return False
    if candidate.step.start != _opening(candidate):
        return False
    said = {lemma for step in steps for lemma in step.said}
    taken = {w.lemma for w in candidate.parts if w.is_word} & candidate.asked_words
    return bool(taken - said - _GENERIC)


def own_action(candidate: Candidate, previous: Candidate) -> bool:
    """Whether a sentence of its own tells another action than the step before: its verb and
    its direct object both differ from that step's own verb and direct objects ("Беру паспорт,
    снимаю копию. Пробиваю оплату"; "Отправляю ссылку на оплату. Проверяю оплату"). Only the
    step's own clause counts, not what was folded into it, so one fold does not swallow the
    next action; a sub-action told in the same sentence ("смотрю машину, фоткаю со всех
    сторон") never opens a sentence and still folds, and so do the sentences after a step
    named by a noun or by a verb with no object, which tell what is done in it."""
    # after a heading ("В салоне — презентация образцов. Я показываю ...") or a step done
    # on no thing ("Выезжаю на осмотр. Смотрим пожарку", "Звоню ему"), what follows tells
    # what is done in it
    if previous.head_word is None or previous.head_word.pos not in VERBAL:
        return False
    objects = _things(previous)
    if not objects:
        return False
    said = _before_remark(candidate)
    if len(said) > OWN_WORDS or {w.lower for w in said} & _ASIDE_WORDS:
        return False  # a long sentence, or "Поэтому я скидку закладываю", tells how, not what
    nouns = _acted_on(candidate, passive=True)
    if not nouns:
        return False
    return not nouns & objects


def passive_step(candidate: Candidate, previous: Candidate) -> bool:
    """Whether a sentence opening with a reflexive passive tells another action than the step
    before, whatever its length: the thing it is done to (its own subject noun) is new to that
    step and so is the verb ("Производится расчёт стоимости ... Клиенту предоставляется
    сравнение вариантов — на экране или в распечатанном виде"). Length tells details from steps
    in the first person; someone who tells the process in the passive names the thing of each
    step as the subject, so a new subject is a new step ("назначается встреча. Встреча
    подтверждается накануне" names the same thing and still folds)."""
    word = candidate.head_word
    parts = list(candidate.parts)
    if word is None or word not in parts or not passive_base(parts, parts.index(word)):
        return False
    said = {w.lower for w in candidate.context if w.is_word}
    if candidate.conditional or _contingency(candidate) or said & _ASIDE_WORDS:
        return False
    if candidate.step.start != _opening(candidate) or candidate.head in previous.said:
        return False
    # the same activity for the lexicon ("готовится договор. Проект ДДУ формируется по
    # шаблону"; "заводится в CRM ... Ставится задача") says how that step is done
    same = bool(candidate.concept.name) and candidate.concept.name == previous.concept.name
    things = _things(candidate)
    return bool(things) and not things & previous.said and not same


def paragraph_step(candidate: Candidate, previous: Candidate) -> bool:
    """Whether a clause opening a paragraph of its own (the person's next turn with no question
    between: "Оператор собирает данные ... / Потом формирует ссылку", "Данные собираю —
    паспорт, СНИЛС. / Отправляю ссылку на оплату.") tells the next action: a verb of its own
    that the step before did not say. People start a new paragraph for a new step; details of
    a step follow it in the same one."""
    if not _opens_paragraph(candidate, previous):
        return False
    # after a heading ("Восьмое — коммерческое предложение. / КП отправляем письмом ..."), the
    # paragraph tells what is done in it
    if previous.head_word is None or previous.head_word.pos not in VERBAL:
        return False
    word = candidate.head_word
    if word is None or word.pos not in VERBAL or candidate.conditional or _contingency(candidate):
        return False
    said = {w.lower for w in candidate.context if w.is_word}
    return not said & _ASIDE_WORDS and candidate.head not in previous.said


# going somewhere: "Еду на склад", "В первый день сам приезжаю на запуск"
_GOING = frozenset("ехать ездить поехать съездить выезжать выехать приезжать приехать".split())
_TO = frozenset("на в к".split())


def visit_step(candidate: Candidate, previous: Candidate) -> bool:
    """Whether a sentence of its own opens with the speaker going somewhere the step before did
    not name ("Выясняю площадь, высоту стеллажей. Еду на склад, хожу, смотрю"): a visit is the
    next action, not more about the one before — unless that step went somewhere too ("Выезжаю
    на объект. Еду с замерщиком") or was a heading ("Дальше замер. Я еду на объект")."""
    # after a heading ("Дальше выезд. Я еду на объект") the sentence tells what is done in it
    if previous.head_word is None or previous.head_word.pos not in VERBAL:
        return False
    word = candidate.head_word
    if word is None or candidate.head not in _GOING or word.pos != "VERB":
        return False
    if word.tense == "past" or word.person != "1per" or candidate.conditional:
        return False
    if _contingency(candidate) or previous.head in _GOING or previous.said & _GOING:
        return False
    said = [w for w in candidate.context if w.is_word]
    if candidate.step.start != _opening(candidate) or {w.lower for w in said} & _ASIDE_WORDS:
        return False
    parts = list(candidate.parts)
    at = parts.index(word) if word in parts else len(parts)
    places = {
        w.lemma
        for k, w in enumerate(parts[at + 1 :], start=at + 1)
        if w.pos == "NOUN" and parts[k - 1].lower in _TO and w.lemma in candidate.own
    }
    return bool(places) and not places & previous.said


# a sentence opened by "и" / "ну и" adds the next thing to the story: "... сравниваю. И везу
# клиенту", "... заезжаю на объект. Ну и сдаём"
_AND_OPENERS = frozenset({"и", "ну"})
_SENDING = frozenset(
    "отправлять отправить скидывать скинуть пересылать переслать присылать прислать"
    " высылать выслать кидать кинуть".split()
)
_CHECK = frozenset({"проверять", "проверить"})  # checking that what was done holds
_HABIT = frozenset({"бывает"})  # "Ну и торгуемся, бывает": a habit of the step, not the next one
# words that may stand between the opener and the verb ("И сразу", "Ну и я")
_AND_FILLERS = frozenset("вот потом сразу ещё еще уже я мы сам сама сами же".split())


def and_step(candidate: Candidate, previous: Candidate) -> bool:
    """Whether a sentence of its own opened by "И" / "Ну и" tells the next action: a present
    verb of the speaker's right after the opener (and a filler: "И сразу", "И я"), not the
    step's own verb nor said in it, and no direct object that step acted on ("Делаю табличку,
    сравниваю. И везу клиенту"). Details of a step go on in its own sentence after a comma; a
    new sentence that opens with "и" moves the story on. A remark that explains or tells a
    habit ("И иногда ...", "И тоже ...") still folds."""
    word = _told_verb(previous, candidate)
    parts = list(candidate.parts)
    if word is None or word.person != "1per":
        return False
    said = [w for w in candidate.context if w.is_word]
    if not _and_opened(candidate, said) or candidate.head in previous.said:
        return False
    if {w.lower for w in said} & (_ASIDE_WORDS | _HABIT) or _watches(candidate, said):
        return False
    if any(w.pos == "INFN" for w in parts):  # "И стараюсь договориться": the infinitive's
        return False
    # the step's own activity for the lexicon ("Звоню через пару дней ... Ну и торгуемся": the
    # follow-up call is the negotiation) goes on with that step
    if candidate.concept.name and candidate.concept.name == previous.concept.name:
        return False
    nouns = _objects(parts) & candidate.objects
    # "Снимаю видео со стройки. И отправляю клиенту": sending with no thing of its own sends
    # what the step made, as "делаю КП и отправляю" does in one sentence
    if not nouns and candidate.head in _SENDING:
        return False
    return not nouns & _things(previous)


def _and_opened(candidate: Candidate, said: list[Word]) -> bool:
    """Whether the candidate opens its sentence ``said`` with "И" / "Ну и" (and fillers only)
    right before its verb."""
    word = candidate.head_word
    if candidate.step.start != _opening(candidate) or word not in said:
        return False
    opener = [w.lower for w in said[: said.index(word)]]
    if not opener or opener[0] not in _AND_OPENERS or "и" not in opener[:2]:
        return False
    return all(w in _AND_OPENERS | _AND_FILLERS for w in opener)


def _watches(candidate: Candidate, said: list[Word]) -> bool:
    """Whether the clause checks the step just told or watches the money ("Ну и проверяю, чтобы
    совпало", "И слежу за оплатой"): part of that step (``payment_watch`` judges the payment
    after the invoice)."""
    lemmas = {w.lemma for w in said}
    return candidate.head in _CHECK or (
        candidate.head in _WATCH and bool(lemmas & lx.PAYMENT_WORDS_RU)
    )


def _opens_paragraph(candidate: Candidate, previous: Candidate) -> bool:
    """Whether a candidate opens a turn after the step's turn, or a line of its turn after a
    finished sentence (a transcript with one line per sentence fragment breaks mid-sentence)."""
    before = candidate.turn_text[: candidate.step.start].rstrip(" \t")
    if not before.strip():
        return candidate.step.turn != previous.step.turn
    return before.endswith("\n") and before.rstrip().endswith(_SENTENCE_ENDS)


def _acted_on(candidate: Candidate, passive: bool = False) -> set[str]:
    """The direct objects of a clause opening its sentence with a present (or future) verb of
    the speaker's ("Пилот разворачиваю я") — or, with ``passive``, the things a reflexive passive
    is done to ("Клиенту отправляется ссылка на оплату"); empty when it is neither (a past or
    conditional clause, one inside its sentence, one whose object belongs to an infinitive)."""
    word = candidate.head_word
    if word is None or candidate.conditional:
        return set()
    if candidate.step.start != _opening(candidate):
        return set()
    parts = list(candidate.parts)
    if passive and word in parts and passive_base(parts, parts.index(word)):
        return _things(candidate)
    # a head tells the sellers' steps in the third person ("Оператор принимает звонок",
    # "Дальше он заводит карточку"): the candidate stands only if that verb is our side's
    if word.pos != "VERB" or word.tense == "past" or word.person not in _TOLD_PERSONS:
        return set()
    # "Франшизу предлагаю поднять": the object is the infinitive's (not in "прошу чертежи,
    # что есть": "есть" there is no action)
    if any(w.pos == "INFN" and w.lemma not in lx.NON_ACTION_VERBS_RU for w in parts):
        return set()
    return _objects(parts) & candidate.objects  # its own clause's, not "..., копию агенту"


def _things(candidate: Candidate) -> set[str]:
    """What a step's own clause acts on: its direct objects, or the subject of its reflexive
    passive ("производится расчёт"), not a place or a person."""
    parts = list(candidate.parts)
    word = candidate.head_word
    if word in parts and passive_base(parts, parts.index(word)):
        return {
            w.lemma
            for k, w in enumerate(parts)
            if nominative(w) and not w.animate and not (k and parts[k - 1].pos in _NOT_OBJECT)
        } & candidate.objects
    return _objects(parts) & candidate.objects


def terse_step(candidate: Candidate, previous: Candidate) -> bool:
    """Whether a short sentence of its own tells the step after ``previous``: with a strong
    cue, one new to that step ("Договор подписываем. Счёт выставляю"); else a sentence of one
    verb and one new object ("Выдаю партию"; not "Я показываю фасады, столешницы, фурнитуру"
    or "Смотрю помещение, делаю замеры", which say more about the step)."""
    if not _terse(candidate):
        return False
    if _bare(candidate) and candidate.head not in previous.said:
        return True  # "Беру лид из амо. Пишу сразу.": one action per sentence, told in bursts
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
    Битриксе", "через месяц", "на осмотр объекта" with the noun it governs, "четырнадцать
    дней", "каждый день"), not a person."""
    found: set[str] = set()
    governed = False  # inside a phrase a preposition (or a number) opened
    for w in parts:
        if w.pos in _NOT_OBJECT:
            governed = True
        elif w.pos == "NOUN":
            if not governed and w.object_case and not w.animate and w.lemma not in _TIME:
                found.add(w.lemma)
        elif w.pos not in _IN_PHRASE:
            governed = False
    return found


def _terse(candidate: Candidate) -> bool:
    """Whether the candidate opens a sentence of at most ``TERSE_WORDS`` words: one short
    sentence per action is how a person lists steps; details come in long ones."""
    said = _before_remark(candidate)
    return len(said) <= TERSE_WORDS and candidate.step.start == _opening(candidate)


def _bare(candidate: Candidate) -> bool:
    """Whether the candidate's sentence is its own present verb and at most a word or two more
    ("Пишу сразу.", "Звоним.", "Передаю в заботу."): no room in it for a detail of a step."""
    word = candidate.head_word
    if word is None or word.pos != "VERB" or word.tense == "past" or word.person != "1per":
        return False
    # the sentence ends there: a line the transcriber broke ("Объясняю, какие / клиники ...")
    # runs on
    ended = bool(candidate.context) and candidate.context[-1].text in _SENTENCE_ENDS
    short = sum(w.is_word for w in candidate.context) <= BARE_WORDS  # no remark after a dash
    return ended and short and candidate.head not in _GENERIC


def _opening(candidate: Candidate) -> int:
    """Where the candidate's sentence starts in its turn (its first word)."""
    words = [w for w in candidate.context if w.is_word]
    return words[0].start if words else -1


def subject_step(candidate: Candidate, previous: Candidate) -> bool:
    """Whether a sentence that names a seller as its doer ("Менеджер выставляет счёт ...")
    tells another action than the step before, whatever its length: a present verb of that
    seller, not the step's own verb nor said in it, and no direct object that step acted on. A
    regulation, or a head telling the sellers' work, names the doer again at each step
    ("Менеджер регистрирует заявку. Менеджер связывается с клиентом"); details go on without
    it. (With "я" as the doer the same reading split too many details off: session 8.)"""
    # after a heading ("Потом звонок. Менеджер звонит ...") the sentence tells what is done in it
    word = _told_verb(previous, candidate)
    parts = list(candidate.parts)
    if word is None or word.person not in _TOLD_PERSONS:
        return False
    if candidate.step.start != _opening(candidate) or candidate.head in previous.said:
        return False
    said = {w.lower for w in candidate.context if w.is_word}
    if said & _ASIDE_WORDS or any(w.pos == "INFN" for w in parts):
        return False
    at = parts.index(word)
    if not any(parts[k].case == "nomn" and seller(parts, k) for k in range(at)):
        return False
    nouns = _objects(parts) & candidate.objects
    return not nouns & _things(previous)


def _before_remark(candidate: Candidate) -> list[Word]:
    """The words of the candidate's sentence up to a dash after its action word ("Оформляю
    страховку — с этой страховой мы давно работаем"): the remark after it comments on the step,
    it does not make the sentence a long, detailed one."""
    said = [w for w in candidate.context if w.is_word or w.text in _DASHES]
    end = candidate.head_word.end if candidate.head_word is not None else -1
    cut = next((k for k, w in enumerate(said) if w.text in _DASHES and w.start >= end), len(said))
    return [w for w in said[:cut] if w.is_word]


# watching for the money once the invoice is out: "Слежу за оплатой", "Проверяю, чтобы
# оплатили", "Ждём оплату, контролируем" (session 9: a step of its own when told in a sentence
# of its own; the writers who fold it into the invoice tell both in one sentence)
_WATCH = frozenset(
    "следить проследить контролировать проконтролировать отслеживать отследить проверять"
    " проверить ждать подождать".split()
)
_INVOICE = frozenset({"счет"})
_AGREEING = frozenset("согласный согласиться соглашаться выиграть".split())
_NEGATIONS = frozenset("не нет".split())


def agreed(asked: frozenset[str]) -> bool:
    """Whether a question (its lemmas) asked what happens once the client agrees ("А если клиент
    согласен?", "И если согласились?"): the answer goes on with the sale, it tells no
    contingency ("А если не соглашается?", "И клиенты соглашаются сразу?" still ask about one)."""
    return "если" in asked and bool(asked & _AGREEING) and not asked & _NEGATIONS


def _contingency(candidate: Candidate) -> bool:
    """Whether the question before asked about a contingency ("А если не платит?"), not what
    happens once the client agrees ("Ладно, если клиент согласен?" goes on with the sale)."""
    return candidate.asked_if and not agreed(candidate.asked_words)


def payment_watch(candidate: Candidate, previous: Candidate) -> bool:
    """Whether a clause after the invoice step tells watching for the payment ("Выставляю счёт
    на взнос. Слежу за оплатой"; "Ждём оплату, контролируем"): a verb of
    watching or checking of the speaker's, the payment named in its sentence, the invoice said
    in the step before and that step's own verb another one. In the invoice's own sentence
    ("выставляю счёт и контролирую оплату") it says more about that step."""
    word = candidate.head_word
    if word is None or candidate.head not in _WATCH or candidate.conditional:
        return False
    if _contingency(candidate) or word.tense == "past" or previous.head in _WATCH:
        return False
    # "выставляю счёт и контролирую оплату" in one sentence is one step
    if (candidate.step.turn, candidate.sentence) == (previous.step.turn, previous.sentence):
        return False
    # "Аванс контролируете?" — "Слежу, чтобы пришёл": the question names the payment
    said = {w.lemma for w in candidate.context if w.is_word} | candidate.asked_words
    return bool(said & lx.PAYMENT_WORDS_RU) and bool(previous.said & _INVOICE)


def _told_verb(previous: Candidate, candidate: Candidate):  # type: ignore[no-untyped-def]
    """The candidate's own present-tense verb, when the step before was told with a verb (not a
    heading) and the candidate is no condition or contingency; else None."""
    if previous.head_word is None or previous.head_word.pos not in VERBAL:
        return None
    word = candidate.head_word
    if word is None or word not in list(candidate.parts) or word.pos != "VERB":
        return None
    if word.tense == "past" or candidate.conditional or _contingency(candidate):
        return None
    return word
