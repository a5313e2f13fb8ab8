"""What the interviewer's question asks, and how an answer takes it up (Russian and English).

The question sets what its answer can add: "А дальше?" asks for the next step, "А если клиент
молчит?" or "И клиенты соглашаются сразу?" for a contingency, "Что тебе сложнее всего?" for an
opinion, "То есть вы сначала звоните?" repeats back what was told; "А если отказ?", "Подведёте
итог?", "Почему так?" get no step at all. The answer may confirm ("Сама, да."), deny ("Сам —
нет."), or only take up the question's word ("Рассрочку… мне кажется, у нас её нет").
"""

from __future__ import annotations

import re

from salesmine.process import lexicon as lx
from salesmine.process.actions import Word, analyze, is_verb
from salesmine.process.agency import subject_of
from salesmine.process.branches import (
    lost_question,
    reason_question,
    recap_question,
    refers_to_item,
)
from salesmine.process.candidates import Candidate
from salesmine.process.concepts import Concept, concept_of
from salesmine.text import lemmas, normalize_text


def _markers(phrases: tuple[str, ...], prefix: bool = False) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})" + ("" if prefix else r"(?!\w)"))


_OFF_TOPIC = _markers(lx.OFF_TOPIC_QUESTIONS, prefix=True)
_ON_TOPIC = _markers(lx.ON_TOPIC_QUESTIONS, prefix=True)
_NEXT = _markers(lx.NEXT_QUESTIONS)
_DENIAL = re.compile(r"\W*(?:нет|не\s|неа|не-а|no\b|not\b)")
# A sentence that only says no: "Нет.", "Сам — нет."
_SHORT_NO = re.compile(r"(?:^|[.!?…]\s+)(?:[^\s.!?…]+\s+[—–-]\s+)?нет\s*(?:[.!?…]|$)")
_YES = re.compile(r"(?<!\w)(?:да|конечно|ага|угу|разумеется|обязательно)(?!\w)")
_NO = re.compile(r"(?<!\w)(?:нет|не)(?!\w)")
_CONTINGENCY = re.compile(r"(?<!\w)если(?!\w)")  # "А если клиент молчит?"
_END = re.compile(r"(?<!\w)(?:(?:на этом|это)\s+(?:все|конец)|все|конец)\s*\?")  # "На этом всё?"
# "Расскажите ...", "Опишите ...", "Давайте про ...": a request asks for something, like a question
_REQUEST = re.compile(r"(?<!\w)(?:расскаж|опиш|объясн|давайте|поясн|покаж|назов|перечисл)\w*")
# "Хорошо, ...", "Понятно.", "Ага": the interviewer only takes in what was told
_ACKNOWLEDGED = re.compile(r"\W*(?:хорошо|понятно|ясно|ага|угу|отлично|интересно|ок|окей)(?!\w)")
_OF_ALL = frozenset("всего всех".split())
_MOST = "самый"
_ENDS = frozenset("первый последний начальный конечный".split())
_SOURCE = frozenset("откуда".split())  # "Откуда клиенты берутся?" asks where the sale starts
_CLIENTS = frozenset("клиент покупатель заказчик человек люди".split())
# "Но давайте по порядку", "расскажу по шагам": the person goes back from reasons to the process
_BACK_TO_ORDER = re.compile(r"(?<!\w)по\s+(?:порядку|шагам|пунктам|этапам)(?!\w)", re.I)
# "После переговоров?", "А после КП что?", "Что после согласования?", "А что у вас после звонка?"
_AFTER_FIRST = re.compile(r"(?:^|[.!?]\s+)(?:а\s+|и\s+)?(?:что\s+(?:[а-яё]+\s+){0,2}?)?после\b")


def off_topic(question: str, words: list[Word]) -> bool:
    """Whether a question (folded; ``words``: analysed) opens small talk or asks an opinion."""
    asked = bool(_OFF_TOPIC.search(question)) or _superlative(words)
    return asked and not _ON_TOPIC.search(question)


def asks_if(question: str, words: list[Word]) -> bool:
    """Whether a question asks about a contingency: "А если клиент молчит?", or what the client
    does ("И клиенты соглашаются вот так сразу?")."""
    return bool(_CONTINGENCY.search(question)) or about_client(words)


def denies(answer: str) -> bool:
    """Whether a (folded) answer opens with a no ("Нет, ...", "Не совсем")."""
    return bool(_DENIAL.match(answer))


def says_no(answer: str) -> bool:
    """Whether a (folded) answer holds a sentence that only says no: "Нет.", "Сам — нет."."""
    return bool(_SHORT_NO.search(answer))


def conditional(quote: str) -> bool:
    """Whether a quote tells its step under an "если"."""
    return bool(_CONTINGENCY.search(quote.lower()))


def asked_about(question: str, lang: str) -> Concept:
    """The sales activity a question names ("А в CRM когда заносишь?"), if any."""
    return concept_of(lemmas(question, lang)) if lang == "ru" else Concept()


def echoes(candidate: Candidate, question: set[str]) -> bool:
    """Whether a verbless candidate only takes up the question's words, with no yes."""
    if is_verb(candidate.head, candidate.step.language) or not candidate.own <= question:
        return False
    return not _YES.search(normalize_text(candidate.step.quote))


def _superlative(question: list[Word]) -> bool:
    """ "Что тебе сложнее всего?", "Самое трудное?": a question after an opinion (not "Какой
    самый первый шаг?")."""
    for k, word in enumerate(question[:-1]):
        after = question[k + 1]
        most = word.lemma == _MOST and after.pos == "ADJF" and after.lemma not in _ENDS
        if (word.pos == "COMP" and after.lower in _OF_ALL) or most:
            return True
    return False


def about_client(question: list[Word]) -> bool:
    """Whether a question asks what the client does ("И клиенты соглашаются вот так сразу?"),
    not what the interviewee does: the answer tells what happens if they do (or do not)."""
    yours = any(w.pos == "VERB" and w.person == "2per" for w in question)
    if any(w.lower in _SOURCE for w in question):  # where leads come from: the process, not
        return False  # what happens if the client acts
    for k, word in enumerate(question):
        if word.pos != "VERB" or word.person != "3per" or yours:
            continue
        subject = subject_of(question, k)
        if subject is not None and question[subject].lemma in _CLIENTS:
            return True
    return False


def confirms(answer: str) -> bool:
    """Whether an answer opens with a yes ("Сама, да.", "Конечно, ...") and says no "нет"."""
    opening = normalize_text(re.split(r"(?<=[.!?…])\s+", answer.strip())[0])
    return bool(_YES.search(opening)) and not _NO.search(opening)


def moves_on(question: str, lang: str) -> bool:
    """Whether a question leaves the story just told: only one in the past tense asks on about
    it ("Открылись в итоге?", "Собрали в итоге?"), unless it asks for the next step, for the
    process, or names an activity ("А после выезда?", "А договор когда подписали?"), or is no
    question but a prompt to go on ("Хорошо. Клиент решил брать.")."""
    on_topic = bool(_ON_TOPIC.search(question))
    if asks_next(question) or on_topic or asked_about(question, lang).strong:
        return True
    if not question.rstrip().endswith("?"):  # "Хорошо. Клиент решил брать." prompts the next step
        return True
    return not any(w.pos == "VERB" and w.tense == "past" for w in analyze(question, lang))


def restates(asked: str, answer: str, listed: bool) -> int:
    """How far into an ``answer`` (raw turn text; ``asked`` folded) what is said restates or
    explains rather than adds a step: all of an answer about a lost deal, a recap or an item of
    the list told before (``listed``: "это девятый пункт" points back at the list); the first
    paragraph of an answer to "Почему?" — the reasons; the person then goes back to the process
    ("Но давайте по порядку. / Принимаю звонок ..."). 0: it adds steps."""
    said = normalize_text(answer)
    if lost_question(asked) or recap_question(asked):
        return len(answer)
    if refers_to_item(asked, question=True) or (listed and refers_to_item(said)):
        return len(answer)
    if not reason_question(asked):
        return 0
    paragraph = answer.find("\n")
    back = _BACK_TO_ORDER.search(answer)
    ends = [k for k in (paragraph, back.end() if back else -1) if k >= 0]
    return min(ends, default=len(answer))


def still_asked(question: str) -> str:
    """The question the interviewee's next turn, with no question between, still answers: a
    "Почему?" is answered by the one turn after it — the person then goes back to the process
    ("Но давайте по порядку. / Принимаю звонок ..."), which answers no question; any other
    question stands."""
    return "" if reason_question(normalize_text(question)) else question


# A remark with no question in it ("Хорошо, так даже интереснее.", "Понятно.") asks nothing:
# the person goes on telling the process where they stopped, as after "А дальше?".
_REMARK_WORDS = 8


def remarks(question: str) -> bool:
    """Whether the interviewer's turn is a short remark, not a question ("Хорошо.", "Ага,
    понятно") — not an empty turn, nor a request ("Расскажите, как вы работаете.")."""
    words = question.split()
    short = 0 < len(words) <= _REMARK_WORDS and "?" not in question
    return short and bool(_ACKNOWLEDGED.match(question)) and not _REQUEST.search(question)


def asks_next(question: str) -> bool:
    """ "А дальше?", "Что потом?", "После переговоров?", "Что после согласования?", "На этом
    всё?" — not "Это уже после договора?"."""
    return bool(_NEXT.search(question) or _AFTER_FIRST.search(question) or _END.search(question))
