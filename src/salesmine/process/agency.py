"""Whose action a Russian verb is: the interviewee's (a step) or someone else's (context).

A step is something the interviewee does, or "we" do, or sellers in general do when a director
speaks: "звоню", "назначаем встречу", "звонишь и договариваешься" (the generalized "ты"), "звони
сразу" (advice), "надо выйти на ЛПР", "менеджер считает сам" (a director about his sellers;
from a head also the sale's other roles: "администратор принимает звонок", "инженер выезжает
на объект"), "лид заводится в CRM" (a passive of a sales action, see ``passive``), a habit told
in the past ("положила трубку — заполнила карточку"). Not a step: the client, the partner, the bank,
"менеджер салона" or "ипотечный менеджер" (someone else's manager), "он / она / они", a past
story without an order marker, a hypothetical ("могу приехать", "можно спросить", "может,
попробую"), a plan ("собираюсь дописать"), an opinion ("лучше честно сказать", "менеджер ...
продаёт хуже"), a polite "вы"-imperative said to the interviewer ("спрашивайте").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from salesmine.process import lexicon as lx
from salesmine.process.actions import Word
from salesmine.process.concepts import CUE_WEIGHTS, STRONG
from salesmine.process.passive import nominative, passive_action
from salesmine.process.subjects import (
    PERSONAL_PRONOUNS,
    clause_of,
    colleague,
    person_in_clause,
    role_noun,
    seller,
    subject_of,
)
from salesmine.text import normalize_text

_SELF = frozenset("я мы".split())
STORY_SENTENCES = 6  # past-tense sentences of one's own that make a story of the whole account
_DASHES = frozenset("—–")
_TEAM = frozenset("они ребята".split())
# a seller told of before: "Дальше он заводит карточку"
_SINGULAR = frozenset("он она".split())  # the head's sellers, in a head's interview
_AGENT_SUFFIXES = ("ник", "ист", "щик", "чик", "тель", "ер")
_READY = frozenset("готовый готов".split())  # "готовы встретиться": a state, not a step
# Infinitives after these are possibilities, not practice: "могу приехать", "можно спросить".
_HYPOTHETICAL = frozenset("мочь смочь можно возможно".split())
# Plans: "собираюсь сесть и всё дописать" tells what the person means to do, not the practice.
_INTENT = frozenset("собираться планировать намереваться".split())
# "Может, попробую", "возможно, позвоню": a maybe, with a future tense.
_HEDGES = frozenset("возможно наверное наверно вероятно пожалуй".split())
_GOVERNORS = frozenset({"VERB", "INFN"})  # what an infinitive may hang on
_TELLING = frozenset("рассказать предупредить оговориться".split())  # "Я сразу предупрежу: ..."
# "Задача звонка — квалифицировать клиента": the infinitive is what the seller does.
# So is what the head calls the main thing: "тут самое главное — объяснить условия".
_TASK_NOUNS = frozenset("задача цель правило главное главный".split())
# "Менеджер должен позвонить", "обязан перезвонить": the norm of the process.
_OBLIGED = frozenset("должный обязанный".split())
# Things that move without a named mover: sent out by the seller ("КП уходит клиенту"), or a
# lead that comes in ("приходит заявка" — with a noun of this concept as the subject).
_DEPART = frozenset("уходить уйти улетать улететь".split())
ARRIVALS = frozenset("приходить прийти поступать поступить падать упасть попадать попасть".split())
_INCOMING = "LEAD"
_TO_US = frozenset({"мне"})  # a lead comes to the speaker ("к нам приходят ..." describes)
# Imperatives that address the listener, not advice about the sale.
_DISCOURSE_IMPERATIVES = frozenset(
    "смотреть слушать знать представить представлять извинить извинять давать дать "
    "понимать подождать ждать".split()
)
# "я руковожу отделом", "мои менеджеры": the speaker heads the sellers; so does their role
_HEADS = sorted(lx.HEAD_OF_TEAM_RU, key=len, reverse=True)
_HEAD = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in _HEADS) + ")")
_HEAD_ROLE = re.compile(r"руковод|директор|начальник|\bроп\b|head|lead|director|chief")


def heads_team(role: str, told: str) -> bool:
    """Whether the interviewee heads the sellers (by ``role``, or by what they ``told``: "я
    руковожу отделом", "мои менеджеры"), so that "они назначают встречу" tells the team's
    process."""
    if _HEAD_ROLE.search(normalize_text(role)):
        return True
    return bool(_HEAD.search(normalize_text(told)))


_SENTENCE_ENDS = frozenset(".!?…")
_SHARES = frozenset("половина часть большинство треть четверть".split())  # of the sellers


class Actor:
    """Who the last sentences told of as acting: one of the sellers ("Оператор принимает
    звонок"), so that "Дальше он заводит карточку", "Потом формирует ссылку" go on about them.
    Updated sentence by sentence (``steps``); a client or another person ends it."""

    def __init__(self, team: bool = False) -> None:
        self.seller = False
        self.team = team  # told by the head of the team: the other roles act for us too

    def follow(self, words: list[Word]) -> None:
        """Take in one sentence: its last person in the nominative decides who acts now ("я"
        and "мы" leave it be: "мы только советуем. Но оператор должен ...")."""
        for k in range(len(words) - 1, -1, -1):
            if seller(words, k) or role_noun(words[k]) or self.team and colleague(words, k):
                self.seller = True
                return
            if _person(words[k]) and words[k].lemma not in PERSONAL_PRONOUNS:
                self.seller = False
                return

    def hear(self, words: list[Word]) -> None:
        """Take in the interviewer's question: one whose verb has a seller as its subject
        ("Менеджер принял заявку, дальше?") makes them the one who acts in the answer ("Сразу
        заводит в Битрикс"); another person as a verb's subject ("Клиент согласился?") ends it;
        a question naming no one doing anything ("Обучение операторов?") leaves it be."""
        ends = [k for k, w in enumerate(words[:-1]) if w.text in _SENTENCE_ENDS]
        words = words[ends[-1] + 1 :] if ends else words  # the question's own sentence
        for k in range(len(words) - 1, -1, -1):
            verb = words[k].pos == "VERB" and words[k].person != "2per"  # not "вы ... работаете"
            subject = subject_of(words, k) if verb else None
            if subject is None:
                continue
            if seller(words, subject):
                self.seller = True
                return
            if _person(words[subject]) and words[subject].lemma not in PERSONAL_PRONOUNS:
                self.seller = False
                return


class Teller(NamedTuple):
    """Who tells the interview, as far as it decides whose actions the verbs tell."""

    team: bool = False  # heads the sellers: "они / ребята назначают встречу" is theirs
    impersonal: bool = False  # tells the process in the passive ("делается звонок")
    storyteller: bool = False  # tells the sale as one deal's story ("позвонил, посчитал тариф")
    actor: Actor | None = None  # the seller the sentences before told of, if any


NOBODY = Teller()  # a speaker with no particular way of telling


def own_action(words: list[Word], i: int, narrated: bool, teller: Teller = NOBODY) -> bool:
    """Whether the Russian verb ``words[i]`` is an action of the interviewee's side.

    ``narrated``: the sentence carries an order marker or is a list item, so a past tense or a
    bare infinitive counts ("потом отправил", "3. Выявить потребность"). ``teller.team``: the
    speaker heads the sellers, so a plural "они / ребята назначают встречу" (or no subject) is
    theirs; ``teller.impersonal``: the speaker tells the process in the passive.
    """
    word = words[i]
    if word.pos == "INFN":
        return _own_infinitive(words, i, narrated, teller)
    if word.pos != "VERB":
        return True  # gerunds: "получив расчёт"
    if word.mood == "impr":  # advice "звони сразу", not "звоните" / "смотрите"
        return word.number == "sing" and word.lemma not in _DISCOURSE_IMPERATIVES
    subject = subject_of(words, i)
    lemma = words[subject].lemma if subject is not None else None
    if word.tense == "past":  # mostly stories; a narrated "потом отправил" still counts
        mine = lemma is None or lemma in _SELF
        return mine and (narrated or teller.storyteller or _habitual(words, i))
    if word.person == "2per":  # "звонишь, отправляешь": the generalized "you"
        return word.number == "sing" and lemma in (None, "ты")
    if word.person == "3per" and _team_told(words, i, subject, teller):
        return not _opinion(words, i)
    if word.person == "3per":
        after = subject is None and word.number == "sing" and _after_seller(words, i)
        ours = seller(words, subject) or after or _goes_on(words, i, subject, teller)
        ours = ours and not _opinion(words, i)
        # someone who tells the whole process in the passive tells their steps that way in
        # every sentence, not only after "потом" ("Предоставляется автомобиль на тест-драйв")
        passive = passive_action(words, i, teller.impersonal)
        return ours or passive or _moved(words, i, narrated)
    if word.lemma in _INTENT and _infinitive_after(words, i):
        return False  # "собираюсь сесть и всё дописать": a plan, not the practice
    if word.tense == "futr" and (_hedged(words, i) or word.lemma in _TELLING):
        return False  # "Может, попробую"; "я расскажу, как должно быть": to the interviewer
    return True  # first person: "звоню", "созваниваемся" (also in "я или менеджер созваниваемся")


def tells_one_story(sentences: list[list[Word]]) -> bool:
    """Whether an interviewee tells the sale as the story of one deal ("Я ей сразу позвонил ...
    посчитал тариф ... отправил КП в среду"): more sentences with a past verb of their own than
    with a present one, and at least ``STORY_SENTENCES`` of them."""
    past = present = 0
    for words in sentences:
        tenses = {w.tense for k, w in enumerate(words) if w.pos == "VERB" and _own_tense(words, k)}
        past += "past" in tenses
        present += "pres" in tenses
    return past >= STORY_SENTENCES and past > present


def _own_tense(words: list[Word], k: int) -> bool:
    subject = subject_of(words, k)
    return subject is None or words[subject].lemma in _SELF


def _goes_on(words: list[Word], i: int, subject: int | None, teller: Teller) -> bool:
    """ "Оператор принимает звонок. Дальше он заводит карточку", "Потом формирует ссылку": a
    singular verb with "он / она" or no subject goes on about the seller told of before — unless
    another person follows it as its subject ("Выбирает клиент")."""
    said = words[subject] if subject is not None else None
    if i + 1 < len(words) and words[i + 1].text.startswith(")"):  # "(смеётся)": the
        return False  # transcriber's note
    if words[i].number != "sing" or not _told_of(said, teller):
        return False
    clause = clause_of(words, i)
    if any(_thing(words[k], words[i]) for k in clause if k < i):  # "Лид приходит из амо"
        return False
    # not a noun after a preposition ("заводит в Битрикс": the parser's animate nominative)
    after = [k for k in clause if k > i and words[k - 1].pos != "PREP"]
    return not any(_person(words[k]) and not seller(words, k) for k in after)


def _thing(word: Word, verb: Word) -> bool:
    """Whether ``word`` is a thing in the nominative agreeing with ``verb``, one that comes in
    ("Лид приходит") or a share of the sellers ("половина пропускает"): its subject."""
    nominative = word.pos == "NOUN" and word.case == "nomn" and not word.animate
    said = verb.lemma in ARRIVALS or word.lemma in _SHARES  # "половина пропускает": an observation
    return nominative and word.number == verb.number and said


def _told_of(subject: Word | None, teller: Teller) -> bool:
    """Whether ``subject`` ("он" / "она", or none) stands for the seller told of before."""
    if teller.actor is None or not teller.actor.seller:
        return False
    return subject is None or subject.lemma in _SINGULAR


def _after_seller(words: list[Word], i: int) -> bool:
    """ "Экскурсию проводит менеджер кампуса сам": the verb's subject, a seller, follows it."""
    for k in clause_of(words, i):
        if k > i and _person(words[k]):
            return seller(words, k)
    return False


def _person(word: Word) -> bool:
    noun = word.pos == "NOUN" and word.animate or word.lemma in PERSONAL_PRONOUNS
    return noun and word.case == "nomn"


def _habitual(words: list[Word], i: int) -> bool:
    """ "Положила трубку — заполнила карточку": a past verb right after a dash that follows
    another one of the speaker's tells what they always do once the first is done."""
    before = [k for k in range(i) if words[k].is_word or words[k].text in _DASHES]
    dash = next((k for k in reversed(before[-2:]) if words[k].text in _DASHES), None)
    between = [words[k] for k in before if k > dash] if dash is not None else []
    if dash is None or any(w.is_word and w.lower not in _SELF for w in between):
        return False
    clause = clause_of(words, dash - 1) if dash > 0 else range(0)
    return any(words[k].tense == "past" and subject_of(words, k) is None for k in clause)


def _infinitive_after(words: list[Word], i: int) -> bool:
    ahead = [w for w in words[i + 1 : i + 4] if w.is_word]
    return any(w.pos == "INFN" for w in ahead)


def _hedged(words: list[Word], i: int) -> bool:
    """Whether the verb ``words[i]`` is said as a "maybe": "возможно", "наверное", or "может" on
    its own ("Может, попробую"; not "может приехать"), unless another clause stands between
    the hedge and it ("чего, наверное, никто не делает: мы проводим ..." hedges the other one)."""
    for k, word in enumerate(words):
        after = words[k + 1] if k + 1 < len(words) else None
        alone = after is None or not after.is_word or after.lower == "быть"
        if not (word.lower in _HEDGES or (word.lower == "может" and alone)):
            continue
        if not _own_clause_between(words, k, i):
            return True
    return False


def _own_clause_between(words: list[Word], hedge: int, i: int) -> bool:
    """Whether another verb, then the verb's own subject stand between a hedge and the verb:
    "чего, наверное, никто не делает: мы проводим" (not "может, рискну и забронирую")."""
    subject = subject_of(words, i)
    if subject is None or not hedge < subject < i:
        return False
    return any(words[j].pos == "VERB" for j in range(hedge + 1, subject))


def _own_infinitive(words: list[Word], i: int, narrated: bool, teller: Teller) -> bool:
    """ "Надо выйти на ЛПР" is a step; "полезно учиться", "можно спросить" are not."""
    before = [j for j in range(i) if words[j].is_word]
    near = [words[j] for j in before[-3:]]
    if any(w.lower in lx.EVALUATIVE_WORDS_RU or w.lemma in _HYPOTHETICAL for w in near):
        return False
    after = next((w for w in words[i + 1 :] if w.is_word), None)
    if any(w is not None and w.lemma in _READY for w in (near[-1:] or [None]) + [after]):
        return False  # "разговаривать готовы человек двадцать"
    if _topic(words, i):
        return False  # "рассказывать — это к Ксюше": the infinitive is what is talked about
    subject = subject_of(words, i)
    ours = subject is None or words[subject].lemma in _SELF or seller(words, subject)
    if not (ours or _told_of(words[subject], teller)):  # "Дальше он обязан завести клиента"
        return False
    if any(w.pos == "PRED" or w.lemma in _TASK_NOUNS | _OBLIGED for w in near):
        return True  # "надо позвонить", "задача — выявить", "менеджер должен позвонить"
    governor = next((j for j in reversed(before[-3:]) if words[j].pos in _GOVERNORS), None)
    if governor is not None and words[governor].pos == "INFN":  # "сесть и всё дописать"
        return _own_infinitive(words, governor, narrated, teller)
    if governor is not None:
        hypothetical = words[governor].lemma in _HYPOTHETICAL | _INTENT
        return not hypothetical and own_action(words, governor, narrated, teller)
    return narrated  # a bare infinitive is a step only in a list or a told sequence


def _topic(words: list[Word], i: int) -> bool:
    """ "Звонить — это ...": an infinitive before a dash and "это" is the subject of a
    statement about it."""
    ahead = words[i + 1 : i + 3]
    return len(ahead) == 2 and ahead[0].text in "—–-" and ahead[1].lower == "это"


def _team_told(words: list[Word], i: int, subject: int | None, teller: Teller) -> bool:
    """Whether a head of the sellers tells the team's part: "они назначают встречу", or another
    of our roles' ("Администратор принимает звонок", "инженер считает смету")."""
    if not teller.team:
        return False
    return words[i].number == "plur" and _team_subject(words, i) or colleague(words, subject)


def _team_subject(words: list[Word], i: int) -> bool:
    """Whether a plural verb's subject is the team: none said, "они", "ребята" or sellers — not
    "клиенты", "юристы", "логисты"."""
    for k in range(i - 1, -1, -1):
        word = words[k]
        # "тарифники", "логисты": pymorphy3 may not know them for people, their suffix does
        agent = word.pos == "NOUN" and word.lemma.endswith(_AGENT_SUFFIXES)
        person = word.pos == "NOUN" and (word.animate or agent) or word.lemma in PERSONAL_PRONOUNS
        if person and word.case == "nomn" and word.number == "plur":
            return word.lemma in _TEAM or seller(words, k)
    return True


def _opinion(words: list[Word], i: int) -> bool:
    """ "Менеджер, который сразу считает, продаёт хуже": a comparison, not a step."""
    return any(w.pos == "COMP" or w.lower in lx.EVALUATIVE_WORDS_RU for w in words[i + 1 : i + 4])


def _moved(words: list[Word], i: int, narrated: bool) -> bool:
    """ "Потом всё это уходит андеррайтеру", "Сначала к нам приходит заявка": what goes out, or
    the lead that comes in, told without the person who sends or takes it. A lead coming in is
    a step only in a told sequence or when it comes to the speaker ("мне падают заявки"; "Лиды
    приходят из нескольких мест: ..." describes them)."""
    lemma = words[i].lemma
    if lemma not in _DEPART | ARRIVALS or person_in_clause(words, i):
        return False
    if lemma in _DEPART:
        return True
    clause = [words[k] for k in clause_of(words, i)]
    # "мне падают заявки с сайта": the leads the speaker takes
    if not (narrated or any(w.lower in _TO_US for w in clause)):
        return False
    return any(
        nominative(w) and CUE_WEIGHTS.get(w.lemma, {}).get(_INCOMING) == STRONG for w in clause
    )
