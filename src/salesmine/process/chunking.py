"""Cutting one sentence into steps: chunks at commas and conjunctions, each with its head word.

A chunk whose head is an action the *interviewee* does (1st person, an infinitive after "надо" /
"стараюсь", an imperative, "менеджер звонит") starts a step. Chunks without one — objects ("КП и
договор"), conditions ("если клиент согласен"), purposes ("чтобы он посмотрел") — join the step
next to them, so the quote stays whole. Quoted speech (after ":" or inside «»), fillers
("смотрите", "значит") and other people's actions ("клиент оставил заявку", "они звонят") never
head a step.
"""

from __future__ import annotations

import re

from salesmine.process import lexicon as lx
from salesmine.process.actions import VERBAL, Word, is_action, is_action_noun

_BREAK_PUNCT = frozenset(',;:—–-()…!?"«»')
_OPEN_QUOTES = frozenset('«“"')
_CLOSE_QUOTES = frozenset('»”"')
_SELF = frozenset("я мы i we".split())
_PERSONAL_PRONOUNS = frozenset("я мы ты вы он она они".split())
_FILLERS = re.compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(f) for f in sorted(lx.FILLERS_RU + lx.FILLERS_EN, key=len, reverse=True))
    + r")(?!\w)"
)

Chunk = tuple[
    list[int], bool
]  # word indices, and whether a conjunction (not punctuation) opened it


def step_groups(
    words: list[Word], lang: str, *, is_item: bool, narrated: bool
) -> list[tuple[list[int], int]]:
    """Steps of one sentence as (word indices of the quote, index of the head word).

    ``is_item``: the sentence is a list item (a bare noun may name the step);
    ``narrated``: it carries an order marker, so past tense counts as a step ("потом отправил").
    """
    blocked = _blocked(words)
    groups: list[tuple[list[int], int]] = []
    pending: list[int] = []
    subordinate = False
    for chunk, by_conjunction in _chunks(words):
        subordinate = _is_subordinate(words, chunk) or (subordinate and by_conjunction)
        # "Дальше — выезд на осмотр" (not "Встреча — это половина продажи"): only the first step
        nouns = (is_item or narrated) and not groups
        head = None if subordinate else _head(words, chunk, lang, blocked, nouns, narrated)
        if head is not None:
            groups.append((pending + chunk, head))
            pending = []
        elif groups:
            groups[-1][0].extend(chunk)
        else:
            pending.extend(chunk)
    if not groups and is_item:  # a list item names a step even with a plain noun: "3. КП"
        first = next((i for i in range(len(words)) if _content_word(words[i], lang)), None)
        if first is not None and first not in blocked:
            groups.append(([i for i in range(len(words)) if words[i].is_word], first))
    return groups


def _chunks(words: list[Word]) -> list[Chunk]:
    """Word indices cut at punctuation and before conjunctions."""
    chunks: list[Chunk] = []
    current: list[int] = []
    by_conjunction = False
    after_punct = False
    for i, word in enumerate(words):
        if not word.is_word:
            after_punct = after_punct or word.text in _BREAK_PUNCT
            continue
        # "..., а потом ...": a chunk of bare conjunctions joins the words that follow it
        only_joints = all(words[k].lower in lx.SPLIT_WORDS for k in current)
        if current and (after_punct or word.lower in lx.SPLIT_WORDS) and not only_joints:
            chunks.append((current, by_conjunction))
            current, by_conjunction = [], not after_punct
        after_punct = False
        current.append(i)
    if current:
        chunks.append((current, by_conjunction))
    return chunks


def _blocked(words: list[Word]) -> set[int]:
    """Words that cannot head a step: reported speech ("спрашиваю: ...", «...») and fillers."""
    blocked: set[int] = set()
    reported = in_quotes = False
    text = " ".join(w.lower for w in words)
    filler_spans = [m.span() for m in _FILLERS.finditer(text)]
    offset = 0
    previous = ""
    for i, word in enumerate(words):
        start = offset
        offset += len(word.lower) + 1
        if word.text == ":" and previous in lx.SPEECH_VERBS:
            reported = True
        elif word.text in _OPEN_QUOTES and not in_quotes:
            in_quotes = True
        elif word.text in _CLOSE_QUOTES and in_quotes:
            in_quotes = False
        if reported or in_quotes or any(a <= start < b for a, b in filler_spans):
            blocked.add(i)
        if word.is_word:
            previous = word.lemma
    return blocked


def _is_subordinate(words: list[Word], chunk: list[int]) -> bool:
    lead = [words[i] for i in chunk[:4] if words[i].lower not in lx.SPLIT_WORDS]
    if lead and lead[0].pos == "PREP":  # "с кем говорю"
        lead = lead[1:]
    if not lead:
        return False
    first = lead[0]
    return (
        first.lower in lx.SUBORDINATORS
        or first.lemma in lx.SUBORDINATORS
        or [w.lower for w in lead[:2]] == ["так", "как"]
    )


def _head(
    words: list[Word], chunk: list[int], lang: str, blocked: set[int], nouns: bool, narrated: bool
) -> int | None:
    free = [i for i in chunk if i not in blocked]
    if lang == "ru" and any(words[i].lower == "бы" for i in chunk):
        return None  # "я бы хотел автоматизировать": a wish, not a step
    for i in free:
        if is_action(words, i, lang) and (lang != "ru" or _own_action(words, i, narrated)):
            return i
    if not nouns:
        return None
    for i in free:
        if lang == "ru" and is_action_noun(words[i]) and words[i].case in {"nomn", "accs", ""}:
            return i
    return None


def _own_action(words: list[Word], i: int, narrated: bool) -> bool:
    """Whether a Russian verb is something the interviewee (or a seller) does, now and usually."""
    word = words[i]
    if word.pos == "INFN":
        return _own_infinitive(words, i, narrated)
    if word.pos != "VERB":
        return True  # gerunds
    if word.mood == "impr" or word.person == "2per":
        return False  # "спрашивайте", "извините": said to the interviewer
    subject = _subject(words, i)
    if word.tense == "past":  # mostly stories; a narrated "потом отправил" still counts
        return narrated and (subject is None or subject in _SELF)
    if word.person == "3per":
        return subject in lx.SELLER_NOUNS_RU
    return True


def _own_infinitive(words: list[Word], i: int, narrated: bool) -> bool:
    """ "Надо выйти на ЛПР" is a step; "полезно учиться", "он должен разбираться" are not."""
    before = [j for j in range(i) if words[j].is_word]
    previous = words[before[-1]] if before else None
    if previous is not None and previous.lower in lx.EVALUATIVE_WORDS_RU:
        return False
    if previous is not None and previous.pos == "PRED":  # "надо позвонить": nobody else's
        return True
    subject = _subject(words, i)
    if subject is not None and subject not in _SELF and subject not in lx.SELLER_NOUNS_RU:
        return False
    governor = next((j for j in reversed(before[-3:]) if words[j].pos == "VERB"), None)
    return governor is None or _own_action(words, governor, narrated)


def _subject(words: list[Word], i: int) -> str | None:
    """The nearest nominative noun or pronoun before ``words[i]`` in its sentence, as a lemma."""
    for word in reversed(words[:i]):
        # inanimate nouns are left out: "оформить полис" has "полис" in a nominative-looking form
        person = word.pos == "NOUN" and word.animate or word.lemma in _PERSONAL_PRONOUNS
        if person and word.case == "nomn":
            return word.lemma
    return None


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
