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
# "Менеджер должен позвонить", "обязан перезвонить": the norm of the process.
_OBLIGED = frozenset("должный обязанный".split())
# Done by itself, not by the seller: "сделка создаётся сама".
_AUTOMATIC = frozenset("сам сама само сами автоматически автоматом".split())
# Things that move without a named mover: sent out by the seller ("КП уходит клиенту"), or a
# lead that comes in ("приходит заявка" — with a noun of this concept as the subject).
_DEPART = frozenset("уходить уйти улетать улететь".split())
ARRIVALS = frozenset("приходить прийти поступать поступить падать упасть попадать попасть".split())
_INCOMING = "LEAD"
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
        seller = _seller(words, subject) and not _opinion(words, i)
        return seller or _passive_action(words, i) or _moved(words, i, narrated)
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
    if _topic(words, i):
        return False  # "рассказывать — это к Ксюше": the infinitive is what is talked about
    subject = subject_of(words, i)
    if subject is not None and not (words[subject].lemma in _SELF or _seller(words, subject)):
        return False
    if any(w.pos == "PRED" or w.lemma in _TASK_NOUNS | _OBLIGED for w in near):
        return True  # "надо позвонить", "задача — выявить", "менеджер должен позвонить"
    governor = next((j for j in reversed(before[-3:]) if words[j].pos == "VERB"), None)
    if governor is not None:
        return words[governor].lemma not in _HYPOTHETICAL and own_action(
            words, governor, narrated, team
        )
    return narrated  # a bare infinitive is a step only in a list or a told sequence


def _topic(words: list[Word], i: int) -> bool:
    """ "Звонить — это ...": an infinitive before a dash and "это" is the subject of a
    statement about it."""
    ahead = words[i + 1 : i + 3]
    return len(ahead) == 2 and ahead[0].text in "—–-" and ahead[1].lower == "это"


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
    """ "Лид сразу заводится в CRM": a reflexive passive of a strong sales verb, not automatic,
    with no person as its subject in its clause ("Откуда бы ни пришёл клиент, лид заводится")."""
    lemma = words[i].lemma
    if not lemma.endswith("ся") or any(w.lemma in _AUTOMATIC for w in words):
        return False
    cues = CUE_WEIGHTS.get(lemma[:-2], {})
    return STRONG in cues.values() and not _person_in_clause(words, i)


def _moved(words: list[Word], i: int, narrated: bool) -> bool:
    """ "Потом всё это уходит андеррайтеру", "Сначала к нам приходит заявка": what goes out, or
    the lead that comes in, told without the person who sends or takes it. A lead coming in is
    a step only in a told sequence ("Лиды приходят из нескольких мест: ..." describes them)."""
    lemma = words[i].lemma
    if lemma not in _DEPART | ARRIVALS or _person_in_clause(words, i):
        return False
    if lemma in _DEPART:
        return True
    if not narrated:
        return False
    clause = [words[k] for k in _clause(words, i)]
    return any(
        w.case == "nomn" and CUE_WEIGHTS.get(w.lemma, {}).get(_INCOMING) == STRONG for w in clause
    )


def _person_in_clause(words: list[Word], i: int) -> bool:
    """Whether a person (noun or pronoun) in the nominative stands in the clause of ``words[i]``."""
    for k in _clause(words, i):
        word = words[k]
        person = word.pos == "NOUN" and word.animate or word.lemma in _PERSONAL_PRONOUNS
        if person and word.case == "nomn":
            return True
    return False


def _clause(words: list[Word], i: int) -> range:
    """Indices of the words between the punctuation marks around ``words[i]``."""
    start = i
    while start > 0 and (words[start - 1].is_word or words[start - 1].text == "-"):
        start -= 1
    end = i + 1
    while end < len(words) and (words[end].is_word or words[end].text == "-"):
        end += 1
    return range(start, end)
