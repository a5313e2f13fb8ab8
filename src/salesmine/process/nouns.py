"""When a Russian noun names a step by itself: "Дальше — выезд на осмотр", "3. КП", "В офисе —
презентация проекта", "И дальше у меня сразу вопросы: ...". Not the subject of a verb ("там уже
сервис и склад работают"), not what is set against the speaker ("дальше сервис, а я ..."), not
a described thing ("на звонке уже разговор другой").
"""

from __future__ import annotations

from salesmine.process import lexicon as lx
from salesmine.process.actions import VERBAL, Word, is_action_noun
from salesmine.process.concepts import CUE_WEIGHTS, STRONG

_DASHES = frozenset("—–-")
_TIME_PREPOSITIONS = frozenset("после до перед через".split())
_STAGES = frozenset("шаг этап пункт стадия step stage".split())
_DETERMINERS = frozenset("наш мой ваш их его её этот тот один другой весь такой свой".split())
Group = tuple[list[int], int, list[int]]  # quote word indices, head index, head chunk indices


def noun_head(words: list[Word], chunk: list[int], free: list[int], any_noun: bool) -> int | None:
    """The noun that names the step of a verbless ``chunk`` (``free``: its words that may head
    one; ``any_noun``: a list item or a told sequence, where any action or sales noun does)."""
    for i in free:
        # without a verb or an order marker only an opening noun names the step: "Документы —
        # на осмотре же", "На встрече — осмотр"; not "Для КАСКО — это осмотр"
        opening = any_noun or _opens(words, i)
        # "В офисе — презентация проекта": after a dash, any action noun says what happens there
        any_action = any_noun or _opens(words, i, first=False)
        described = i + 1 < len(words) and words[i + 1].pos in {"ADJF", "ADJS"}
        named = _names_step(words[i], any_action, described)
        named = named and words[i].case in {"nomn", "accs", ""}
        when = i > 0 and words[i - 1].lower in _TIME_PREPOSITIONS  # "Вот после КП как раз"
        if opening and named and not when and not _subject(words, i):
            if not _contrasted(words, chunk):
                return i
    return None


def heading(word: Word) -> bool:
    """A noun heading a step only by a weak sales cue ("вопросы", "разговор")."""
    return word.pos == "NOUN" and not _names_step(word, False) and not is_action_noun(word)


def item_noun(words: list[Word], lang: str, blocked: set[int]) -> list[Group]:
    """The whole list item as one step named by its first content word."""
    first = next((i for i in range(len(words)) if _content_word(words[i], lang)), None)
    if first is None or first in blocked:
        return []
    every = [i for i in range(len(words)) if words[i].is_word]
    return [(every, first, every)]


def sequence_noun(words: list[Word], blocked: set[int]) -> list[Group]:
    """A verbless sentence told in sequence ("Потом, значит, тест-драйв", "Дальше пробная
    уборка") names its step by its first noun standing alone in the nominative, whatever the
    trade: the lexicon need not know it. Not a person ("Потом клиент"), not a place or time
    ("Потом в офисе"), not what is set against the speaker ("дальше сервис, а я ...")."""
    for i, word in enumerate(words):
        if word.pos != "NOUN" or i in blocked or word.animate or word.case != "nomn":
            continue
        if word.lemma in _STAGES:  # "следующий шаг — пробная уборка": the marker, not the step
            continue
        governed = any(w.pos == "PREP" for w in words[max(0, i - 2) : i])
        # "А дальше уже наша зона", "ещё одна вещь, которой ...": the noun is pointed at or
        # described, not done
        pointed = any(w.lemma in _DETERMINERS for w in words[max(0, i - 2) : i])
        described = any(w.lemma == "который" for w in words[i:])
        if governed or pointed or described or _contrasted(words, [i]):
            return []
        every = [k for k in range(len(words)) if words[k].is_word]
        return [(every, i, every)]
    return []


def joins(words: list[Word], i: int) -> bool:
    """A hyphen inside a word ("что-то", "мини-КАСКО") does not cut the sentence."""
    if words[i].text != "-" or i == 0 or i + 1 >= len(words):
        return False
    return words[i - 1].end == words[i].start and words[i].end == words[i + 1].start


def _contrasted(words: list[Word], chunk: list[int]) -> bool:
    """ "Дальше сервис, склад, логистика, а я уже ищу следующего": what is set against the
    speaker's own doing later in the sentence is someone else's part."""
    later = [w.lower for w in words[chunk[-1] + 1 :] if w.is_word]
    return any(later[k : k + 2] in (["а", "я"], ["а", "мы"]) for k in range(len(later)))


def _subject(words: list[Word], i: int) -> bool:
    """Whether the noun ``words[i]`` is the subject of a verb later in its clause: "После оплаты
    там уже сервис и склад работают" names who works, not a step."""
    for k in range(i + 1, len(words)):
        if not words[k].is_word and not joins(words, k):  # "Выезд на замер. Смотрим ..."
            return False
        if words[k].pos == "VERB":
            return True
    return False


def _opens(words: list[Word], i: int, first: bool = True) -> bool:
    """Whether ``words[i]`` is the first one after a dash or (``first``) the sentence's first."""
    before = [w for w in words[:i] if w.is_word or w.text in _DASHES]
    return (first and not before) or bool(before) and before[-1].text in _DASHES


def _names_step(word: Word, any_action: bool, predicate: bool = False) -> bool:
    """A noun that names a sales activity ("КП", "договор") or, if ``any_action``, any action
    noun ("выезд", "согласование") or sales word, unless it is described (``predicate``: "на
    звонке уже разговор другой")."""
    strong = word.pos == "NOUN" and STRONG in CUE_WEIGHTS.get(word.lemma, {}).values()
    # told in sequence, a weaker sales word does too: "И дальше у меня сразу вопросы: ..."
    cued = word.pos == "NOUN" and word.lemma in CUE_WEIGHTS and not predicate
    return strong or (any_action and (is_action_noun(word) or cued))


def _content_word(word: Word, lang: str) -> bool:
    if lang == "ru":
        return word.pos in {"NOUN", *VERBAL}
    return (
        word.is_word
        and word.lower.isalpha()
        and word.lower not in lx.NAME_STOP_WORDS_EN
        and word.lower not in lx.NAME_DROP_WORDS_EN
        and word.lower not in lx.DETERMINERS_EN
    )
