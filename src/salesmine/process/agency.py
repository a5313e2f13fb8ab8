"""Whose action a Russian verb is: the interviewee's (a step) or someone else's (context).

A step is something the interviewee does, or "we" do, or sellers in general do when a director
speaks: "звоню", "назначаем встречу", "звонишь и договариваешься" (the generalized "ты"), "звони
сразу" (advice), "надо выйти на ЛПР", "менеджер считает сам" (a director about his sellers),
"лид заводится в CRM" (a passive of a sales action). Not a step: the client, the partner, the
bank, "менеджер салона" or "ипотечный менеджер" (someone else's manager), "он / она / они", a
past story without an order marker, a hypothetical ("могу приехать", "можно спросить"), an
opinion ("лучше честно сказать", "менеджер ... продаёт хуже"), a polite "вы"-imperative said to
the interviewer ("спрашивайте").
"""

from __future__ import annotations

from salesmine.process import lexicon as lx
from salesmine.process.actions import Word
from salesmine.process.concepts import CUE_WEIGHTS, STRONG

_SELF = frozenset("я мы".split())
_TEAM = frozenset("они ребята".split())  # the head's sellers, in a head's interview
_AGENT_SUFFIXES = ("ник", "ист", "щик", "чик", "тель", "ер")
_READY = frozenset("готовый готов".split())  # "готовы встретиться": a state, not a step
_PERSONAL_PRONOUNS = frozenset("я мы ты вы он она они".split())
# "наш менеджер", "каждый менеджер" are still our sellers; "ипотечный менеджер" is the bank's
_OUR = frozenset("наш мой каждый любой хороший опытный новый свой любой".split())
# Infinitives after these are possibilities, not practice: "могу приехать", "можно спросить".
_HYPOTHETICAL = frozenset("мочь смочь можно возможно".split())
# "Задача звонка — квалифицировать клиента": the infinitive is what the seller does.
_TASK_NOUNS = frozenset("задача цель правило".split())
# Done by itself, not by the seller: "сделка создаётся сама".
_AUTOMATIC = frozenset("сам сама само сами автоматически автоматом".split())
# Imperatives that address the listener, not advice about the sale.
_DISCOURSE_IMPERATIVES = frozenset(
    "смотреть слушать знать представить представлять извинить извинять давать дать "
    "понимать подождать ждать".split()
)


def own_action(words: list[Word], i: int, narrated: bool, team: bool = False) -> bool:
    """Whether the Russian verb ``words[i]`` is an action of the interviewee's side.

    ``narrated``: the sentence carries an order marker or is a list item, so a past tense or a
    bare infinitive counts ("потом отправил", "3. Выявить потребность"). ``team``: the speaker
    heads the sellers, so a plural "они / ребята назначают встречу" (or no subject) is theirs.
    """
    word = words[i]
    if word.pos == "INFN":
        return _own_infinitive(words, i, narrated, team)
    if word.pos != "VERB":
        return True  # gerunds: "получив расчёт"
    if word.mood == "impr":  # advice "звони сразу", not "звоните" / "смотрите"
        return word.number == "sing" and word.lemma not in _DISCOURSE_IMPERATIVES
    subject = subject_of(words, i)
    lemma = words[subject].lemma if subject is not None else None
    if word.tense == "past":  # mostly stories; a narrated "потом отправил" still counts
        return narrated and (lemma is None or lemma in _SELF)
    if word.person == "2per":  # "звонишь, отправляешь": the generalized "you"
        return word.number == "sing" and lemma in (None, "ты")
    if word.person == "3per" and team and word.number == "plur" and _team_subject(words, i):
        return not _opinion(words, i)
    if word.person == "3per":
        return _seller(words, subject) and not _opinion(words, i) or _passive_action(words, i)
    return True  # first person: "звоню", "созваниваемся" (also in "я или менеджер созваниваемся")


def _own_infinitive(words: list[Word], i: int, narrated: bool, team: bool) -> bool:
    """ "Надо выйти на ЛПР" is a step; "полезно учиться", "можно спросить" are not."""
    before = [j for j in range(i) if words[j].is_word]
    near = [words[j] for j in before[-3:]]
    if any(w.lower in lx.EVALUATIVE_WORDS_RU or w.lemma in _HYPOTHETICAL for w in near):
        return False
    after = next((w for w in words[i + 1 :] if w.is_word), None)
    if any(w is not None and w.lemma in _READY for w in (near[-1:] or [None]) + [after]):
        return False  # "разговаривать готовы человек двадцать"
    subject = subject_of(words, i)
    if subject is not None and not (words[subject].lemma in _SELF or _seller(words, subject)):
        return False
    if any(w.pos == "PRED" or w.lemma in _TASK_NOUNS for w in near):
        return True  # "надо позвонить", "надо ещё заполнить", "задача — выявить"
    governor = next((j for j in reversed(before[-3:]) if words[j].pos == "VERB"), None)
    if governor is not None:
        return words[governor].lemma not in _HYPOTHETICAL and own_action(
            words, governor, narrated, team
        )
    return narrated  # a bare infinitive is a step only in a list or a told sequence


def _team_subject(words: list[Word], i: int) -> bool:
    """Whether a plural verb's subject is the team: none said, "они", "ребята" or sellers — not
    "клиенты", "юристы", "логисты"."""
    for k in range(i - 1, -1, -1):
        word = words[k]
        # "тарифники", "логисты": pymorphy3 may not know them for people, their suffix does
        agent = word.pos == "NOUN" and word.lemma.endswith(_AGENT_SUFFIXES)
        person = word.pos == "NOUN" and (word.animate or agent) or word.lemma in _PERSONAL_PRONOUNS
        if person and word.case == "nomn" and word.number == "plur":
            return word.lemma in _TEAM or _seller(words, k)
    return True


def subject_of(words: list[Word], i: int) -> int | None:
    """The nearest nominative person (noun or pronoun) before ``words[i]`` in its sentence."""
    for k in range(i - 1, -1, -1):
        word = words[k]
        # inanimate nouns are left out: "оформить полис" has "полис" in a nominative-looking form
        person = word.pos == "NOUN" and word.animate or word.lemma in _PERSONAL_PRONOUNS
        if person and word.case == "nomn":
            return k
    return None


def _seller(words: list[Word], k: int | None) -> bool:
    """ "Менеджер" of our side: not "менеджер салона", not "ипотечный менеджер"."""
    if k is None or words[k].lemma not in lx.SELLER_NOUNS_RU:
        return False
    after = words[k + 1] if k + 1 < len(words) else None
    if after is not None and after.pos == "NOUN" and after.case == "gent":
        return False
    before = words[k - 1] if k > 0 else None
    return before is None or before.pos not in {"ADJF", "PRTF"} or before.lemma in _OUR


def _opinion(words: list[Word], i: int) -> bool:
    """ "Менеджер, который сразу считает, продаёт хуже": a comparison, not a step."""
    return any(w.pos == "COMP" or w.lower in lx.EVALUATIVE_WORDS_RU for w in words[i + 1 : i + 4])


def _passive_action(words: list[Word], i: int) -> bool:
    """ "Лид сразу заводится в CRM": a reflexive passive of a strong sales verb, not automatic."""
    lemma = words[i].lemma
    if not lemma.endswith("ся") or any(w.lemma in _AUTOMATIC for w in words):
        return False
    cues = CUE_WEIGHTS.get(lemma[:-2], {})
    subject = subject_of(words, i)
    return STRONG in cues.values() and subject is None
