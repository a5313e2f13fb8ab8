"""Sentences of an answer that tell no step of the sale, by their syntax (Russian).

People telling their process also tell stories ("Был у нас клиент, ... потом штукатурили"),
disclaim what is not theirs ("Я в цену не лезу, я технические вопросы закрываю"), and talk to the
interviewer ("допишу вам в телеграм"). None of it is a step, and none of it is recognised by its
vocabulary: a story opens with an existential past ("Был у нас клиент", "Один у меня полтора часа
рассказывал") or an indefinite past time ("как-то", "пару раз"); a disclaimer has the speaker's
own verb negated in its main clause; the listener is the polite "вы". Markers of opinion or of a
story count only in the main clause: "разбираю заявки, которые пришли вчера" is a step, and so
is "звоню узнать, всё ли нравится". Nor is what happens now and then ("Бывает, что клиент
приходит без заявки, — тогда ...", and a "Тогда ..." after it), or what the speaker takes back
("Потом звоню... ой, нет, я путаю"; "звоню, вернее, пишу").
"""

from __future__ import annotations

import re

from salesmine.process import lexicon as lx
from salesmine.process.actions import Word
from salesmine.process.agency import subject_of

# Words said before a story's first word: "Ой, бывало. Был у нас клиент".
_LEAD_INS = frozenset("ой ну вот а и да так".split())
_EXISTENTIAL = "быть"
_NOW_AND_THEN = frozenset("бывает бывают бывало случается случалось".split())  # "бывало": CONJ
_ONE = frozenset("один одна одно".split())
# An indefinite time in the past: "я как-то поставил", "пару раз продал", "однажды".
_SOMETIME = re.compile(
    r"(?<!\w)(?:как-то|однажды|(?:пару|пара|один|одного|несколько|два|три)\s+раз\w*)(?!\w)"
)
_SPEAKER = frozenset("я мы".split())
_CONTRAST = frozenset("но а".split())  # "сама не езжу, но согласую дату": what is done instead
# "я не знаю, делает ли кто ещё": not knowing is a hedge about others, not a doing disclaimed
_NOT_KNOWING = frozenset("знать помнить понимать уверять сказать".split())
_LISTENER = frozenset("вам вас вами".split())  # the interviewer, addressed politely
# Taking back what was just said: "я путаю", "ошиблась", "вернее", "ой , нет".
_RETRACT = frozenset("путать перепутать ошибаться ошибиться оговориться врать соврать".split())
_CORRECTIONS = frozenset("вернее".split())
_WITHDRAWN = re.compile(r"ой , нет|нет , стоп|нет , подождите|нет , погодите")
_WITHDRAWING = frozenset("ой нет".split())
_QUESTION_PARTICLE = "ли"  # "всё ли нравится", "есть ли доставка": an indirect question
_INTERROGATIVES = frozenset("сколько какой чей насколько".split())  # "сколько денег получим"


def opens_story(words: list[Word], folded: str) -> bool:
    """Whether a sentence opens a story told in the past: "Был у нас клиент, ...", "Один у меня
    полтора часа рассказывал", "Я как-то поставил ..." (``folded``: its lowercased text)."""
    past = [w for w in words if w.pos == "VERB" and w.tense == "past"]
    if not past or any(w.pos == "VERB" and w.tense == "pres" for w in words):
        return False
    content = [w for w in words if w.is_word and w.lower not in _LEAD_INS]
    if not content:
        return False
    if content[0].lower in _ONE and content[0].case == "nomn":  # "Один у меня ... рассказывал"
        return True
    return _existential(content) or bool(_SOMETIME.search(folded))


def _existential(content: list[Word]) -> bool:
    """ "Был у нас клиент", "У меня был клиент", "Там был смешной случай": a past "быть" near
    the start that introduces someone or something, not "я был менеджером"."""
    for k, word in enumerate(content[:4]):
        if word.lemma != _EXISTENTIAL or word.tense != "past":
            continue
        owner = k >= 2 and content[k - 2].lower == "у"  # "у меня был"
        introduced = next((w for w in content[k + 1 :] if w.pos != "ADJF"), None)
        named = introduced is not None and introduced.pos == "NOUN" and introduced.case == "nomn"
        return k == 0 or owner or named
    return False


def main_clause(words: list[Word]) -> list[Word]:
    """The words of a sentence outside its subordinate clauses ("если ...", "которые ...",
    "чтобы ...") and indirect questions ("всё ли нравится", "сколько денег получим")."""
    return [
        w for segment in punctuation_segments(words) if not _dependent(segment) for w in segment
    ]


def main_text(words: list[Word], text: str) -> str:
    """The main clause of a sentence as lowercased text (``words`` index into ``text``), with
    segments it keeps joined by the punctuation between them, or by " / " where a clause was
    left out: what opinion and story markers are looked for in."""
    parts: list[str] = []
    previous: list[Word] | None = None  # the kept segment just before, for the punctuation
    for segment in punctuation_segments(words):
        if _dependent(segment):
            previous = None
            continue
        joint = text[previous[-1].end : segment[0].start] if previous else " / "
        parts += [joint, text[segment[0].start : segment[-1].end]]
        previous = segment
    return "".join(parts[1:]).lower().replace("ё", "е")


def disclaims(words: list[Word]) -> bool:
    """Whether the speaker's main clause negates their own doing ("я в цену не лезу", "я особо
    не участвую", "Сам договор я не составляю"): the sentence tells what is not theirs."""
    main = main_clause(words)
    for k, word in enumerate(main):
        if word.pos != "VERB" or k == 0 or main[k - 1].lower != "не":
            continue
        if word.lemma in _NOT_KNOWING or _instead(main, k):
            continue
        if word.person == "1per":
            return True
        subject = subject_of(main, k)
        if word.tense == "past" and subject is not None and main[subject].lower in _SPEAKER:
            return True
    return False


def _instead(main: list[Word], k: int) -> bool:
    """ "Сама я не езжу, но согласую дату выезда", "в цену не лезу, а считаю монтаж": after the
    negated verb, a "но" / "а" (or a dash the main clause kept) opens what the speaker does
    instead — a verb of their own, not negated."""
    turned = False
    for j in range(k + 1, len(main)):
        word = main[j]
        turned = turned or word.lower in _CONTRAST or word.text in "—–"
        own = word.pos == "VERB" and word.person == "1per" and main[j - 1].lower != "не"
        if turned and own:
            return True
    return False


def retracted(words: list[Word]) -> int:
    """Where the speaker has taken back what they said in a sentence ("Потом — ну звоню,
    договариваемся... ой, нет, подождите, я путаю"; "звоню, вернее, пишу"): the offset just after
    the last correction, or -1. Nothing before it in the sentence tells a step."""
    end = -1
    for k, word in enumerate(words):
        mine = word.person == "1per" or (word.tense == "past" and subject_of(words, k) is None)
        if word.pos == "VERB" and word.lemma in _RETRACT and mine and not _negated(words, k):
            end = word.end
        elif word.lower in _CORRECTIONS:
            end = word.end
        elif word.lower in _WITHDRAWING and _WITHDRAWN.match(
            " ".join(w.lower for w in words[k : k + 3])
        ):
            end = words[k + 2].end
    return end


def _negated(words: list[Word], k: int) -> bool:
    return k > 0 and words[k - 1].lower == "не"


def occasional(words: list[Word]) -> bool:
    """Whether a sentence tells what happens now and then: "Бывает, что клиент приезжает без
    заявки — тогда ...", "Бывают, конечно, и с сайта", "Бывало, что квартиру забирали"."""
    content = [w for w in words if w.is_word and w.lower not in _LEAD_INS]
    return bool(content) and content[0].lower in _NOW_AND_THEN


def follows_case(words: list[Word]) -> bool:
    """Whether a sentence tells what is done in the case just told ("Тогда я предлагаю
    соседнюю", "В таком случае ...")."""
    said = [w.lower for w in words if w.is_word and w.lower not in _LEAD_INS]
    return said[:1] == ["тогда"] or said[:3] in (["в", "таком", "случае"], ["в", "этом", "случае"])


def to_listener(words: list[Word]) -> bool:
    """Whether a clause speaks to the interviewer ("допишу вам в телеграм")."""
    return any(w.lower in _LISTENER for w in words)


def punctuation_segments(words: list[Word]) -> list[list[Word]]:
    """Words cut at punctuation (not at the hyphen inside "как-то", "по-моему")."""
    segments: list[list[Word]] = [[]]
    for k, word in enumerate(words):
        inside = 0 < k < len(words) - 1 and word.text == "-"
        inside = inside and words[k - 1].end == word.start and word.end == words[k + 1].start
        if word.is_word or inside:
            segments[-1].append(word)
        elif segments[-1]:
            segments.append([])
    return [s for s in segments if any(w.is_word for w in s)]


def _dependent(segment: list[Word]) -> bool:
    lead = [w for w in segment if w.is_word and w.lower not in lx.SPLIT_WORDS][:3]
    if not lead:
        return False
    if lead[0].pos == "PREP" and len(lead) > 1:  # "с кем говорю"
        lead = lead[1:]
    first = lead[0]
    subordinate = first.lower in lx.SUBORDINATORS or first.lemma in lx.SUBORDINATORS
    said = [w for w in segment if w.is_word]
    asked = first.lemma in _INTERROGATIVES or any(w.lower == _QUESTION_PARTICLE for w in said[1:3])
    return subordinate or asked
