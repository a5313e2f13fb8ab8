"""The lost-deal branch and summaries: talk about the sale that adds no step to it (Russian).

data/process/README.md leaves out "the lost-deal branch" ("Если сделка не получилась — тоже
заношу"): what a seller does once the client has said no — "Если отказ — закрываю сделку и ставлю
причину", "При отказе ...", the whole answer to "А если клиент отказывается?" — is not a step of
the sale. A condition that only delays the sale ("если молчит, перезваниваю", "если КАСКО — зову
на осмотр") is not a lost deal and still heads a step.

A recap ("Подведёте итог?" — "Звоню, завожу в CRM, считаю, отправляю предложение") restates
the steps told: ``recap_question`` finds the question (``elaboration.collapse`` drops a sentence
that restates three or more told activities wherever it comes); an answer to "То есть вы
сначала звоните?" (``echo_question``) confirms what was told. So does an answer about an item
of the person's own list ("А на пятом шаге — ...?", "Это девятый пункт"), and an answer to "Почему
так?" gives reasons. Exceptions ("если клиент крупный, подключаю директора") are side actions,
not steps. A step the person adds to their list says where it goes ("между седьмым и восьмым
пунктом": ``placed_after``).
"""

from __future__ import annotations

import re

from salesmine.process.actions import Word

# Conditions of a lost deal, matched on the folded text of the condition ("если ..." up to the
# next comma or dash). "не берет" is the client refusing, "не берет трубку" a missed call.
_LOST = re.compile(
    r"(?<!\w)(?:отказ\w*|откажет\w*|отказыва\w+|отказал\w*|неинтересн\w*|не\s+(?:купил\w*|покупа\w+|"
    r"получило\w*|получила\w*|получается|состоял\w*|заинтересова\w*|интересно)|"
    r"не\s+бер\w+(?!\w)(?!\s+трубк)|слил\w*|слива\w+|сорвал\w*|срыва\w+|пропал\w*|пропада\w+|"
    r"исчез\w*|проиграл\w*|ушел\s+к\s+конкурент\w*|уходит\s+к\s+конкурент\w*|"
    r"выбрал\w*\s+конкурент\w*|сказал\w*\s+нет|говорит\s+нет|"
    r"(?:сделка|продажа)\s+не\s+(?:состоял|получил|прошл|пошл|закрыл)\w*)"
)
# Conditions of an exception, not of the deal's progress: "если клиент крупный, подключаю
# директора", "если груз негабаритный ...", "если клиент задерживает деньги ..." — side actions,
# not steps (data/process/dev2/README.md: "conditional side-actions ... none annotated").
_EXCEPTION = re.compile(
    r"(?<!\w)(?:крупн\w*|больш\w*|нестандартн\w*|негабаритн\w*|опасн\w*|сложн\w*|"
    r"задержива\w+|задерж\w*|проблем\w*|vip|особ\w+|срочн\w*)"
)
# Words that open a condition: "если отказ", "при отказе", "в случае отказа", "когда отказался".
_CONDITION_OPENERS = frozenset("если при когда раз коли".split())
_CONDITION_ENDS = frozenset(",;:—–-()…!?.")
_CASE = ("в", "случае")
# Questions about the lost deal ("Бывают отказы?", "Что происходит, если клиент не
# соглашается?"): the answer tells the branch, not the sale.
_LOST_QUESTION = re.compile(_LOST.pattern + r"|(?<!\w)не\s+соглаша\w+\s*\?|(?<!\w)отказы(?!\w)")
# Questions that ask for a recap ("Подытожите?", "Если в двух словах?", "Повторите коротко"):
# the answer restates the steps told, and adds none.
_RECAP_QUESTION = re.compile(
    r"(?<!\w)(?:подытож\w*|подвед\w*\s+итог\w*|итого|в двух словах|вкратце|резюмир\w*|"
    r"если коротко|если кратко|еще раз коротко|еще раз кратко|коротко пройтись|"
    r"повтори\w*[^?]*коротко|коротко[^?]*повтори\w*|кратко повтори\w*|в одном предложении|"
    r"давай\w*\s+(?:я\s+|мы\s+)?повтор\w*|повторим)"
)


# A question that asks why ("Почему так?", "А зачем?"): the answer gives reasons, not steps.
_REASON_QUESTION = re.compile(r"(?:^|[.!?]\s+)(?:(?:а|и|но|ну)\s+)?(?:почему|зачем|отчего)(?!\w)")
# A reference to an item of the list the person gave ("А на пятом шаге — ...", "это девятый
# пункт", "как в третьем пункте"): what is said there re-explains that item.
_ORDINAL = r"(?:перв|втор|трет|четверт|пят|шест|седьм|восьм|девят|десят|одиннадцат|двенадцат)\w*"
_ITEM = r"(?:пункт|шаг|этап)\w*"
_ITEM_REFERENCE = re.compile(
    rf"(?<!\w)(?:это\s+(?:как\s+раз\s+|же\s+|и\s+есть\s+)?{_ORDINAL}\s+{_ITEM}"
    rf"|как\s+(?:и\s+)?в\s+{_ORDINAL}\s+{_ITEM})"
)
_ORDINALS = "перв втор трет четверт пят шест седьм восьм девят десят одиннадцат двенадцат".split()
_PLACED = re.compile(
    rf"(?<!\w)(?:между\s+({_ORDINAL})\s+и\s+{_ORDINAL}|после\s+({_ORDINAL}))\s+{_ITEM}"
)
# The interviewer also names an item as the topic: "А на пятом шаге — ...", "Первый пункт — ..."
# (not "Какой первый шаг?", which asks for it).
_ITEM_TOPIC = re.compile(
    rf"(?<!\w)(?:(?:на|в|о|об|про|по)\s+{_ORDINAL}\s+{_ITEM}|{_ORDINAL}\s+{_ITEM}\s*[—–-])"
)


# The interviewer checks what was understood ("То есть вы сначала звоните, а потом заводите в
# CRM?", "..., правильно?"): the answer confirms the steps told, or corrects them.
_ECHO_QUESTION = re.compile(
    r"(?:^|[.!?]\s+)(?:а\s+|и\s+)?(?:то есть|т\.\s?е\.|получается|иными словами|другими словами|"
    r"правильно\s+(?:ли\s+)?я\s+поним\w*|правильно\s+(?:ли\s+)?я\s+понял\w*|"
    r"верно\s+(?:ли\s+)?я\s+понял\w*)|,\s*(?:так|верно|правильно|да)\s*\?\s*$"
)


def placed_after(text: str) -> int:
    """The item of the person's list after which what they tell now goes ("Это надо было между
    седьмым и восьмым пунктом поставить" -> 7, "после третьего шага" -> 3), or 0 (``text``
    folded)."""
    match = _PLACED.search(text)
    if match is None:
        return 0
    said = match.group(1) or match.group(2)
    stem = next(s for s in _ORDINALS if said.startswith(s))
    return _ORDINALS.index(stem) + 1


def echo_question(question: str) -> bool:
    """Whether the interviewer repeats back what was said ("То есть вы сначала звоните?")."""
    return bool(_ECHO_QUESTION.search(question.strip()))


def lost_question(question: str) -> bool:
    """Whether the interviewer asks what happens when the deal is lost ("А если отказ?")."""
    return bool(_LOST_QUESTION.search(question))


def recap_question(question: str) -> bool:
    """Whether the interviewer asks for a recap of what was told ("Подведёте итог?")."""
    return bool(_RECAP_QUESTION.search(question))


def reason_question(question: str) -> bool:
    """Whether the interviewer's last sentence asks why ("Почему так, как вы думаете?")."""
    last = re.split(r"(?<=[.!?])\s+", question.strip())[-1]
    return bool(_REASON_QUESTION.search(last))


def refers_to_item(text: str, question: bool = False) -> bool:
    """Whether ``text`` (folded) points at an item of the person's list ("это девятый пункт";
    in a ``question`` also "А на пятом шаге — ..."): what is said re-explains that item."""
    topic = question and bool(_ITEM_TOPIC.search(text))
    return topic or bool(_ITEM_REFERENCE.search(text))


def off_flow(words: list[Word], heads: list[int]) -> set[int]:
    """Indices into ``heads`` (the head word of each step of one sentence, in order) of the steps
    a lost-deal or exception condition governs: every step after the condition ("Если отказ —
    закрываю сделку и ставлю причину"), or, with none after it, the one before ("Закрываю, если
    отказался")."""
    lost: set[int] = set()
    for start, end in _conditions(words):
        text = " ".join(w.lower for w in words[start:end] if w.is_word)
        if not (_LOST.search(text) or _EXCEPTION.search(text)):
            continue
        after = {k for k, head in enumerate(heads) if head >= end}
        before = [k for k, head in enumerate(heads) if head < start]
        lost |= after or set(before[-1:])
    return lost


def _conditions(words: list[Word]) -> list[tuple[int, int]]:
    """(start, end) word index spans of the conditions of one sentence, and of a sentence that
    opens with a lost-deal noun ("Отказ — закрываю с причиной")."""
    spans = []
    for i, word in enumerate(words):
        lower = word.lower
        opens = lower in _CONDITION_OPENERS or (
            (lower, words[i + 1].lower if i + 1 < len(words) else "") == _CASE
        )
        first = not any(w.is_word for w in words[:i])
        if not (opens or (first and word.lemma == "отказ")):
            continue
        end = i + 1
        while end < len(words) and not (
            words[end].text in _CONDITION_ENDS or words[end].lower in {"то", "тогда"}
        ):
            end += 1
        spans.append((i, end))
    return spans
