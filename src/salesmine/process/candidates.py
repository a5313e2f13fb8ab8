"""One sentence's candidate steps, with what ``elaboration.collapse`` needs to judge each.

For every clause ``chunking.step_groups`` heads, a ``Candidate``: its name and verbatim quote,
its sales concept (from its own words, a passive's active verb — "оформляется бронь" is
"оформлять"; a place — "в Битриксе" — only weakly; "На встрече — ..." opening the sentence sets
the scene; "назначаю подписание" is the signing), whether an order marker or a shift in time
("на следующий день") opens it, whether it details another step (under a heading, after
"что-то", a step's purpose), and the content words it says (to recognise a restatement later).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from salesmine.process import lexicon as lx
from salesmine.process.actions import VERBAL, Word
from salesmine.process.agency import ARRIVALS, NOBODY, Teller
from salesmine.process.branches import off_flow
from salesmine.process.chunking import step_groups
from salesmine.process.concepts import CUE_WEIGHTS, STRONG, Concept, concept_of, context_concept
from salesmine.process.list_items import numbered_clause
from salesmine.process.model import Step
from salesmine.process.naming import name_step
from salesmine.process.passive import passive_base
from salesmine.records import Turn
from salesmine.text import Span, normalize_text


def _markers(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


# Besides the lexicon's markers, an ordinal step opens the next one ("последний шаг —"); and a
# shift in time ("на следующий день", "через пару дней") marks a clause as the next step, though
# it does not make a sentence a told sequence (a story moves on in time just as well).
_ORDINAL_STEP = (
    r"(?:перв|втор|трет|четверт|пят|шест|седьм|восьм|девят|десят|последн|следующ|заключительн|"
    r"финальн)\w*\s+(?:шаг|этап)\w*"
)
SEQUENCE = re.compile(
    _markers(lx.SEQUENCE_MARKERS_RU + lx.SEQUENCE_MARKERS_EN).pattern
    + rf"|(?<!\w)(?:{_ORDINAL_STEP})(?!\w)"
)
TIME_SHIFT = re.compile(
    r"(?<!\w)(?:на\s+(?:следующ|друг)\w*\s+(?:день|утро|неделе)|назавтра|наутро|"
    r"в\s+тот\s+же\s+день|(?:утром|вечером)\s+(?:того\s+же|следующего)\s+дня|"
    r"через\s+(?:\w+\s+)?(?:минут|час|день|дня|дней|недел|месяц)\w*)(?!\w)"
)
# "за месяц до окончания договора — продление": the clause is placed in time before an event
AHEAD = re.compile(r"(?<!\w)за\s+(?:\w+\s+)?(?:день|дня|дней|недел\w*|месяц\w*)\s+до(?!\w)")
_ORDINAL_ONLY = re.compile(
    r"(?:втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят|одиннадцат|двенадцат|тринадцат|"
    r"четырнадцат|пятнадцат)(?:ое|ье)"
)
BEFORE_PREVIOUS = _markers(lx.BEFORE_PREVIOUS_RU + lx.BEFORE_PREVIOUS_EN)
_CONTENT = frozenset({"NOUN", "ADJF", *VERBAL})
_SAYING = frozenset({"NOUN", *VERBAL})  # what a quote says, for how much it says
# "Но вообще у меня правило: ...", "А обычно ...": what is done as a rule, not in one case
_GENERALLY = re.compile(r"\W*(?:(?:но|а|ну)\s+)?(?:вообще|обычно|в целом|в основном)(?!\w)")
_REPHRASED = re.compile(r"\W*(?:(?:ну|а)\s+)?(?:то есть|в смысле|иначе говоря|короче говоря)(?!\w)")
_PURPOSE = frozenset("задача цель смысл".split())  # "Задача звонка — ...": what it is for
_LEADS = frozenset(":—–")  # what a heading or "что-то" is followed by before its details
_SOMETHING = re.compile(r"(?<!\w)(?:что|кое)\s?-\s?(?:то|нибудь|либо|что)(?!\w)")
_SCENE = frozenset({"на"})  # "На встрече — знакомимся": during it
_ALTERNATIVE = frozenset("либо или or".split())
_ANCHORS = frozenset("перед накануне до".split())  # "Перед звонком ...": before another step
_OPENERS = frozenset("ну а и но вот".split())
_TIME_PREPOSITIONS = frozenset("после до перед через".split())
_SCHEDULING = frozenset("назначать назначить приглашать пригласить звать позвать".split())
_MEETINGS = frozenset({"MEET", "MEET_SET"})
_DURING = frozenset({("во", "время"), ("в", "течение"), ("в", "ходе")})  # "во время звонка"


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
    remarked: bool = False  # the interviewer only remarked ("Хорошо, понятно."): the answer
    # goes on with the process, as after "А дальше?" (the rules read it, the tagger does not)
    asked_if: bool = False  # the question asked about a contingency ("А если клиент молчит?")
    asked_echo: bool = False  # the question repeated back what was told ("То есть вы ...?")
    asked_words: frozenset[str] = frozenset()  # the lemmas of that question
    asked_strongly: bool = False  # it names its activity by a strong cue ("А договор?")
    hint: str = ""  # a weak concept from the clause's other parts, when its own words name none
    answer: int = 0  # which answer (interviewee turns between two questions) it belongs to
    said: frozenset[str] = frozenset()  # content lemmas of the clause (and, once it is a step,
    # of everything folded into it)
    own: frozenset[str] = frozenset()  # content lemmas of the clause's own words
    objects: frozenset[str] = frozenset()  # its own words but places ("в Битриксе")
    conditional: bool = False  # told under a condition ("если ... — тогда завожу")
    general: bool = False  # its sentence tells the rule ("Но вообще у меня правило: ...")
    rephrases: bool = False  # its sentence says again what was meant ("Ну то есть ...")
    words: int = 0  # nouns and verbs in its quote: how much it says
    detail: bool = False  # a later part of a step told under a heading ("ипотека: собираю
    # паспорт, СНИЛС и отправляю заявку в банки")
    alternative: bool = False  # opened by "либо" / "или" after a step in its sentence: the
    # other way to do that step ("встречаюсь — либо еду к нему, либо зову к нам")
    ahead: bool = False  # placed in time before an event ("за месяц до окончания договора")
    before_previous: bool = False  # "перед этим ...": goes before the step told just before
    placed: int = 0  # the item of the person's list it goes after ("между седьмым и восьмым")
    dropped: bool = False  # a restatement (or more about what was asked): kept only so that the
    # clauses after it in its answer are dropped with it
    inferred: bool = False  # its activity comes from what was told before, not its own words
    # ("Звоню через пару дней" after the proposal: the negotiation)
    borrowed: bool = False  # its activity comes from the question or its "если" / "чтобы"
    # parts, not its own words
    again: bool = False  # its activity was told before it: "Потом созваниваюсь с шефом и
    # расспрашиваю" after the first call leads into needs discovery, it is not a second call
    verdict: str = ""  # why the rules drop it before ``collapse`` ("story", "off_flow", ...), or
    # once collapsed what they did with it ("new", "merge", ...): the learned tagger's evidence
    clause: Step | None = None  # the step as its own clause said it, before anything was folded
    parts: tuple[Word, ...] = ()  # the words of that clause, and of its sentence
    context: tuple[Word, ...] = ()
    head_word: Word | None = None
    team: bool = False  # told by the head of the sellers: "аккаунт считает" may be the process
    disowned: bool = False  # the speaker says right there it is not theirs ("Счёт выставляет
    # Светлана, это не ко мне"): no step, whatever the rules or the tagger make of it


def sentence_candidates(
    turn: Turn,
    sentence: Span,
    words: list[Word],
    lang: str,
    kind: tuple[bool, bool],
    teller: Teller = NOBODY,
    *,
    generous: bool = False,
) -> list[Candidate]:
    """The candidate steps of one sentence (``words``: its analysed words), in order;
    ``kind``: (a list item, a narrated sentence); ``teller``: who speaks (the head of the
    sellers: "они" / "ребята" are them); ``generous``: anyone's actions too, as dropped."""
    is_item, narrated = kind
    found = []
    folded = turn.text.lower().replace("ё", "е")  # same offsets as the turn text
    scene = _scene(words) if lang == "ru" else None
    groups = step_groups(words, lang, is_item=is_item, narrated=narrated, teller=teller)
    # the lost-deal branch and exceptions ("если клиент крупный, подключаю директора") hold none
    aside = off_flow(words, [g[1] for g in groups]) if lang == "ru" else set()
    details = _details(words, [g[1] for g in groups])
    said = normalize_text(sentence.text)
    opening = (bool(_GENERALLY.match(said)), bool(_REPHRASED.match(said)))
    entries = [(k, group, head, core) for k, (group, head, core) in enumerate(groups)]
    entries += _unowned(words, lang, kind, groups) if generous else []
    entries += _waits(words, groups) if lang == "ru" else []
    entries.sort(key=lambda entry: words[entry[1][0]].start)  # told order, rules' kept as is
    for k, group, head, core in entries:
        first, last = words[group[0]], words[group[-1]]
        quote = turn.text[first.start : last.end]
        if lang == "ru" and _ORDINAL_ONLY.fullmatch(quote.lower()):
            continue  # "Второе. На первом разговоре выясняю ...": the number of what follows
        name = name_step(words, group, head, lang)
        step = Step("", "", 0, name, quote, turn.index, first.start, last.end, lang)
        # "оформляется бронь" is "оформлять бронь" done by someone unnamed
        verb = (passive_base(words, head) if lang == "ru" else None) or words[head].lemma
        concept, hint = _concept(words, core, group, (head, verb), lang)
        if k == 0 and scene is not None and not concept.strong:
            concept = scene
        candidate = Candidate(step, turn.text, sentence.start, verb, concept)
        candidate.hint = hint
        candidate.marked = _marked(folded, words, core, head, sentence.start if k == 0 else None)
        candidate.item_start, candidate.in_item = is_item and k == 0, is_item
        candidate.detail = k in details
        candidate.before_previous = bool(BEFORE_PREVIOUS.search(normalize_text(quote)))
        candidate.ahead = lang == "ru" and _ahead(folded, words, core, head, k == 0)
        candidate.marked = candidate.marked or candidate.before_previous
        _take_words(candidate, words, (group, core), head)
        candidate.alternative = k > 0 and words[group[0]].lower in _ALTERNATIVE
        candidate.general, candidate.rephrases = opening
        reason = "not_own" if k < 0 else "off_flow" if k in aside else ""
        candidate.verdict, candidate.clause = reason, step
        candidate.parts, candidate.context = tuple(words[i] for i in group), tuple(words)
        candidate.head_word, candidate.team = words[head], teller.team
        found.append(candidate)
    return found


def _unowned(
    words: list[Word], lang: str, kind: tuple[bool, bool], groups: list
) -> list[tuple[int, list[int], int, list[int]]]:
    """The clauses the rules propose no step for but that tell an action of anyone ("Клиенту
    направляется презентация", "аккаунт считает окупаемость", "Дальше пробная уборка"), as
    entries with index -1: candidates the rules drop ("not_own") for the tagger to judge."""
    if lang != "ru":
        return []
    is_item, narrated = kind
    heads = {head for _, head, _ in groups}
    taken = {i for _, _, core in groups for i in core}
    wider = step_groups(words, lang, is_item=is_item, narrated=narrated, generous=True)
    return [(-1, core, head, core) for _, head, core in wider if head not in heads | taken]


# "Ну, жду оплату.", "Жду предоплату.": waiting for the money opening a sentence of its own is the
# step of watching the payment (the lexicon files "ждать" as no action: "жду, пока решит")
_WAIT = frozenset("ждать подождать".split())
_WAIT_OPENERS = frozenset("ну а и вот потом дальше затем тогда".split())


def _waits(words: list[Word], groups: list) -> list[tuple[int, list[int], int, list[int]]]:
    """A clause opening its sentence with "жду" / "ждём" and the money waited for right after
    it, when no clause of the rules holds that verb: an entry like the rules' own."""
    said = [i for i, w in enumerate(words) if w.is_word]
    while said and words[said[0]].lower in _WAIT_OPENERS:
        said = said[1:]
    if len(said) < 2:
        return []
    verb, noun = words[said[0]], words[said[1]]
    if verb.lemma not in _WAIT or verb.pos != "VERB" or verb.tense == "past":
        return []
    if verb.person != "1per" or noun.lemma not in lx.PAYMENT_WORDS_RU:
        return []
    taken = {i for group, head, core in groups for i in (*group, head)}
    if said[0] in taken:
        return []
    group = list(range(said[0], said[1] + 1))
    return [(0, group, said[0], group)]


def _take_words(
    candidate: Candidate, words: list[Word], parts: tuple[list[int], list[int]], head: int
) -> None:
    """What a candidate says, as lemmas: in its whole quote and in its own clause (``parts``),
    in that clause but for places ("в Битриксе"); how many nouns and verbs its quote holds,
    whether under a condition; whether it tells what happens to the seller ("приходит заявка")."""
    group, core = parts
    candidate.said = frozenset(words[i].lemma for i in group if _content(words[i]))
    candidate.own = frozenset(words[i].lemma for i in core if _content(words[i]))
    placed = {words[i].lemma for i in core if i > 0 and words[i - 1].pos == "PREP"}
    candidate.objects = candidate.own - placed
    candidate.words = sum(words[i].pos in _SAYING for i in group)
    candidate.conditional = any(words[i].lower == "если" for i in group if i < head)
    candidate.event = words[head].lemma in ARRIVALS


def _details(words: list[Word], heads: list[int]) -> set[int]:
    """Indices into ``heads`` of the steps that only detail another: under a heading ("Сразу
    после этого — ипотека: собираю паспорт, СНИЛС и отправляю заявку в банки": every head after
    the colon but the first, when no verb comes before it), or what stands for "что-то" ("Двигаю
    что-то — подешевле модель ставлю, монтаж раскладываю": every head after the dash); and a
    sentence on the purpose of the step just told ("Задача звонка — снять возражения")."""
    said = [w for w in words if w.is_word]
    if len(said) > 1 and said[0].lemma in _PURPOSE and said[1].case == "gent":
        return set(range(len(heads)))
    for k, word in enumerate(words):
        if word.text not in _LEADS:
            continue
        after = [n for n, head in enumerate(heads) if head > k]
        if word.text == ":" and not any(w.pos in VERBAL for w in words[:k]):
            return set(after[1:])
        said = " ".join(w.lower for w in words[max(0, k - 4) : k])
        if _SOMETHING.search(said) and any(head < k for head in heads):
            return set(after)
    return set()


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
    said = folded[start : words[head].end]
    # "Пункт три-один: ...", "Пятое. Отчёт готовим ...", "Пункт 2.12. Подписание договора"
    if sentence_start is not None and numbered_clause(folded, sentence_start, start):
        return True
    return bool(SEQUENCE.search(said) or TIME_SHIFT.search(said)) or (
        sentence_start is not None and _anchored(words, head)
    )


def _ahead(folded: str, words: list[Word], core: list[int], head: int, first: bool) -> bool:
    """Whether "за месяц до ..." opens the clause (in its own words before its action word, or
    at the start of its sentence for the first clause): what is done that long before an event
    of the sale, the renewal before the contract ends, is the next step in time."""
    start = words[0].start if first and words else words[core[0]].start
    return bool(AHEAD.search(folded[start : words[head].end]))


def _anchored(words: list[Word], head: int) -> bool:
    """Whether the sentence opens by placing its action before another activity ("Перед звонком
    я захожу на сайт", "Накануне замера пишу клиенту", "До выезда прошу планировку"): the
    action is told in its place in the sequence, not as more about the step before."""
    said = [w for w in words[:head] if w.is_word]
    while said and said[0].lower in _OPENERS:
        said = said[1:]
    if len(said) < 2 or said[0].lower not in _ANCHORS:
        return False
    noun = said[1]
    return noun.pos == "NOUN" and noun.case in ("gent", "ablt") and not noun.animate


def _concept(
    words: list[Word], core: list[int], group: list[int], head_verb: tuple[int, str], lang: str
) -> tuple[Concept, str]:
    """What the clause itself names (its head and own words, not its "если" / "чтобы" parts,
    which phrase rules still see: "выясняю, что ему нужно"), and a weak hint from those parts
    for a clause that names nothing itself ("проверяю, есть ли он в Битриксе")."""
    if lang != "ru":
        return Concept(), ""
    head, verb = head_verb  # the head word's index; its active verb ("оформляется": "оформлять")
    # "после сделки прошу рекомендации": a time reference names another activity, not this one
    when = {i for i in core if i > 0 and words[i - 1].lower in _TIME_PREPOSITIONS}
    when |= {i for i in core if i > 1 and (words[i - 2].lower, words[i - 1].lower) in _DURING}
    own = [words[i].lemma for i in core if words[i].is_word and i not in when]
    located = [words[i].lemma for i in core if i > 0 and words[i - 1].pos == "PREP"]
    after = [words[i].lemma for i in group if i > head]
    phrase_context = after + [words[i].lemma for i in when]
    concept = concept_of(own, verb, phrase_context, located, fallback=False)
    return _scheduled(concept, verb, own) or concept, context_concept(after).name


def _scheduled(concept: Concept, verb: str, own: list[str]) -> Concept | None:
    """ "Назначаю подписание", "приглашаю на подписание": setting a date for an activity other
    than a meeting is part of that activity."""
    if verb not in _SCHEDULING:
        return None
    for lemma in own:
        cues = CUE_WEIGHTS.get(lemma, {})
        other = [c for c, weight in cues.items() if weight == STRONG and c not in _MEETINGS]
        if other and lemma != verb:
            return Concept(other[0], True)
    return None


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
