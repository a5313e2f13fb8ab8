"""Short readable step names: the action's infinitive (or action noun) plus a few object words.

"Потом я обычно отправляю клиенту КП на почту" -> "отправлять клиенту КП". The verb is
lemmatized (infinitive, aspect as said); the object words stay as written, so the name reads as
Russian ("назначать встречу", not "назначать встреча"). Acronyms keep their capitals.
"""

from __future__ import annotations

from salesmine.process import lexicon as lx
from salesmine.process.actions import VERBAL, Word, analyze, is_action, is_action_noun

MAX_OBJECT_WORDS = 4
_EN_TRAILING = frozenset("to of in on at for with by from into about as the a an".split())


def name_step(words: list[Word], group: list[int], head: int, lang: str) -> str:
    """The name of the step whose head word is ``words[head]``, from the words of ``group``."""
    head_word = words[head]
    if head_word.pos in VERBAL or lang != "ru" and head_word.pos == "VERB":
        first = head_word.lemma
    else:
        first = head_word.text if _is_acronym(head_word.text) else head_word.lemma
    after = [i for i in group if i > head]
    obj = _object_after(words, after, lang, head)
    if (
        lang == "ru"
        and head_word.pos in VERBAL
        and (not obj or _starts_with_preposition(words, after))
    ):
        obj = _object_before(words, [i for i in group if i < head], head) + obj
    return " ".join([first, *obj][: 1 + MAX_OBJECT_WORDS]).strip()


def _starts_with_preposition(words: list[Word], indices: list[int]) -> bool:
    return bool(indices) and words[indices[0]].pos == "PREP"


def describe(text: str, lang: str) -> str:
    """A step name for a text that is already one step (a list item, a benchmark segment)."""
    words = analyze(text, lang)
    group = [i for i, w in enumerate(words) if w.is_word]
    if not group:
        return text.strip().lower()
    head = next((i for i in group if is_action(words, i, lang)), None)
    if head is None and lang == "ru":
        head = next((i for i in group if is_action_noun(words[i])), None)
    if head is None:
        head = next(
            (
                i
                for i in group
                if words[i].lower not in lx.NAME_DROP_WORDS_EN
                and words[i].lower not in lx.NAME_DROP_WORDS_RU
            ),
            group[0],
        )
    return name_step(words, group, head, lang)


def _object_after(words: list[Word], indices: list[int], lang: str, head: int) -> list[str]:
    stop = lx.NAME_STOP_WORDS_RU if lang == "ru" else lx.NAME_STOP_WORDS_EN
    drop = lx.NAME_DROP_WORDS_RU if lang == "ru" else lx.NAME_DROP_WORDS_EN | {"the", "a", "an"}
    taken: list[Word] = []
    previous = head
    for i in indices:
        word = words[i]
        if i != previous + 1:  # a gap: punctuation ended the phrase
            break
        previous = i
        if word.lower in stop or (taken and is_action(words, i, lang)) or not word.is_word:
            break
        if word.lower in drop:
            continue
        taken.append(word)
        if len(taken) == MAX_OBJECT_WORDS:
            break
    while taken and _trailing(taken[-1], lang):
        taken.pop()
    return [_as_written(w) for w in taken]


def _object_before(words: list[Word], indices: list[int], head: int) -> list[str]:
    """ "КП отправляю" -> the nouns right before the verb."""
    taken: list[Word] = []
    following = head
    for i in reversed(indices):
        if i != following - 1:  # punctuation between: "Первый звонок — найти"
            break
        following = i
        word = words[i]
        if word.lower in lx.NAME_DROP_WORDS_RU:
            continue
        if word.pos == "PREP":  # "после сделки прошу": a circumstance, not the object
            return []
        if word.pos not in {"NOUN", "ADJF"} or len(taken) == 2:
            break
        if word.pos == "NOUN" and not word.object_case:  # the subject: "клиент подписывает"
            break
        taken.insert(0, word)
    return [w.text if _is_acronym(w.text) else w.lower for w in taken]


def _trailing(word: Word, lang: str) -> bool:
    if lang == "ru":  # a Russian name ends on a noun (or a Latin word: "CRM")
        return word.pos not in {"NOUN", "INFN", ""}
    return word.lower in _EN_TRAILING


def _is_acronym(text: str) -> bool:
    return len(text) > 1 and text.isupper()


def _as_written(word: Word) -> str:
    """An object word as said: names and acronyms keep their capitals ("КП", "Битрикс")."""
    return word.text.replace("ё", "е").replace("Ё", "Е")
