"""Cutting one sentence into steps: chunks at commas and conjunctions, each with its head word.

A chunk whose head is an action the *interviewee* does (``agency.own_action``: 1st person, an
infinitive after "надо" / "стараюсь", "менеджер звонит" from a director) starts a step; in a list
item, a narrated sentence or a sentence without verbs, a noun can ("Дальше — выезд на осмотр",
"Документы — на осмотре же"). Chunks without one — objects ("КП и договор"), conditions ("если
клиент согласен"), purposes ("чтобы он посмотрел"), time clauses ("после того как оформили") —
join the step next to them, so the quote stays whole; someone else's clause after a step ends its
quote ("приходит заявка, клиент оставляет контакты"). Quoted speech (after ":" or inside «»),
fillers ("смотрите", "значит") and other people's actions ("клиент оставил заявку", "они
звонят") never head a step; nor do what the company does ("мы продаём и монтируем кухню"), the
next client ("ищу следующего"), words to the interviewer ("допишу вам") and a noun that is the
subject of a verb ("там уже сервис и склад работают") or set against the speaker ("дальше сервис,
а я ...").
"""

from __future__ import annotations

import re

from salesmine.process import lexicon as lx
from salesmine.process.actions import VERBAL, Word, is_action, is_action_noun
from salesmine.process.agency import own_action, subject_of
from salesmine.process.asides import to_listener
from salesmine.process.concepts import CUE_WEIGHTS, STRONG

_BREAK_PUNCT = frozenset(',;:—–-()…!?."«»')  # ".": a list item may hold sentences
_DASHES = frozenset("—–-")
_NEXT = "следующий"
_SPEAKERS = frozenset("я мы".split())
_SELLERS = lx.SELLER_NOUNS_RU
_OPEN_QUOTES = frozenset('«“"')
_CLOSE_QUOTES = frozenset('»”"')
_FILLERS = re.compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(f) for f in sorted(lx.FILLERS_RU + lx.FILLERS_EN, key=len, reverse=True))
    + r")(?!\w)"
)

Chunk = tuple[
    list[int], bool
]  # word indices, and whether a conjunction (not punctuation) opened it
Group = tuple[list[int], int, list[int]]  # quote word indices, head index, head chunk indices


def step_groups(
    words: list[Word], lang: str, *, is_item: bool, narrated: bool, team: bool = False
) -> list[Group]:
    """Steps of one sentence as (word indices of the quote, index of the head word, indices of
    the head's own chunk — what the step itself says, without its conditions and purposes).

    ``is_item``: the sentence is a list item (a bare noun may name the step);
    ``narrated``: it carries an order marker, so past tense counts as a step ("потом отправил").
    A sentence without any verb may be named by a sales noun ("Документы — на осмотре же").
    ``team``: the speaker heads the sellers, so "они назначают встречу" is a step.
    """
    blocked = _blocked(words)
    verbless = lang == "ru" and not any(w.pos in VERBAL for w in words)
    groups: list[Group] = []
    pending: list[int] = []
    subordinate = False
    closed = False  # the last step's quote has ended
    chunks = _chunks(words)
    # "Мы продаём и монтируем кухню": one predicate, what the company does, not a step
    described = _described(words, chunks) if lang == "ru" else set()
    for k, (chunk, by_conjunction) in enumerate(chunks):
        subordinate = _is_subordinate(words, chunk) or (subordinate and by_conjunction)
        subordinate = subordinate or k in described
        # "Дальше — выезд на осмотр" (not "Встреча — это половина продажи"): only the first step,
        # before any verb ("Я знаю, что по регламенту — сначала звонок" tells no step)
        nouns = (is_item or narrated or verbless) and not groups
        nouns = nouns and not _after_verb(words, chunk, blocked)
        any_noun = is_item or narrated  # a bare "Документы — ..." needs a sales noun, not any
        head = None
        if not subordinate:
            head = _head(words, chunk, lang, blocked, (nouns, any_noun), (narrated, team))
        if head is not None:
            groups.append((pending + chunk, head, chunk))
            pending, closed = [], False
        elif groups and not closed:
            # "Приходит заявка, клиент оставляет контакты": someone else's clause ends the quote
            closed = lang == "ru" and not subordinate and _foreign(words, chunk)
            groups[-1][0].extend([] if closed else chunk)
        elif not groups:
            pending.extend(chunk)
    if not groups and is_item:  # a list item names a step even with a plain noun: "3. КП"
        groups += _item_noun(words, lang, blocked)
    return groups


def _after_verb(words: list[Word], chunk: list[int], blocked: set[int]) -> bool:
    """Whether a verb (not a filler: "Смотрите, первое — звонок") comes before ``chunk``."""
    return any(words[i].pos in VERBAL and i not in blocked for i in range(chunk[0]))


def _item_noun(words: list[Word], lang: str, blocked: set[int]) -> list[Group]:
    """The whole list item as one step named by its first content word."""
    first = next((i for i in range(len(words)) if _content_word(words[i], lang)), None)
    if first is None or first in blocked:
        return []
    every = [i for i in range(len(words)) if words[i].is_word]
    return [(every, first, every)]


def _chunks(words: list[Word]) -> list[Chunk]:
    """Word indices cut at punctuation and before conjunctions."""
    chunks: list[Chunk] = []
    current: list[int] = []
    by_conjunction = False
    after_punct = False
    for i, word in enumerate(words):
        if not word.is_word:
            after_punct = after_punct or (word.text in _BREAK_PUNCT and not _joins(words, i))
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


def _joins(words: list[Word], i: int) -> bool:
    """A hyphen inside a word ("что-то", "мини-КАСКО") does not cut the sentence."""
    if words[i].text != "-" or i == 0 or i + 1 >= len(words):
        return False
    return words[i - 1].end == words[i].start and words[i].end == words[i + 1].start


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


def _foreign(words: list[Word], chunk: list[int]) -> bool:
    """Whether ``chunk`` tells what another person does: a finite verb with its own subject, a
    person who is not the speaker nor a seller ("клиент оставляет контакты")."""
    for i in chunk:
        if words[i].pos != "VERB":
            continue
        subject = subject_of(words, i)
        if subject is not None and subject in chunk:
            return words[subject].lemma not in _SPEAKERS and words[subject].lemma not in _SELLERS
    return False


def _described(words: list[Word], chunks: list[Chunk]) -> set[int]:
    """Indices of chunks whose verb shares its object with a verb that is no action: "Мы
    продаём и монтируем кухню", "Мы делаем и продаём мебель" say what the company does."""
    found: set[int] = set()
    for k in range(1, len(chunks)):
        chunk, by_conjunction = chunks[k]
        lone = _lone_verb(words, chunks[k - 1][0])
        opening = next((i for i in chunk if words[i].lower not in lx.SPLIT_WORDS), None)
        if not by_conjunction or lone is None or opening is None or words[opening].pos != "VERB":
            continue
        if not (is_action(words, lone, "ru") and is_action(words, opening, "ru")):
            found |= {k - 1, k}
    return found


def _lone_verb(words: list[Word], chunk: list[int]) -> int | None:
    """The verb a chunk ends with when it says nothing else ("Мы продаём")."""
    said = [i for i in chunk if words[i].is_word and words[i].lower not in lx.SPLIT_WORDS]
    if not said or words[said[-1]].pos != "VERB":
        return None
    return None if any(words[i].pos in {"NOUN", "ADVB"} for i in said) else said[-1]


def _is_subordinate(words: list[Word], chunk: list[int]) -> bool:
    lead = [words[i] for i in chunk[:4] if words[i].lower not in lx.SPLIT_WORDS]
    if lead and lead[0].pos == "PREP":  # "с кем говорю"
        lead = lead[1:]
    if not lead:
        return False
    first = lead[0]
    lowers = [words[i].lower for i in chunk]
    # "после того как оформили", "перед тем как звонить": a time clause, not the step
    when = any(lowers[k : k + 2] in (["того", "как"], ["тем", "как"]) for k in range(len(lowers)))
    return (
        first.lower in lx.SUBORDINATORS
        or first.lemma in lx.SUBORDINATORS
        or [w.lower for w in lead[:2]] == ["так", "как"]
        or when
    )


def _head(
    words: list[Word],
    chunk: list[int],
    lang: str,
    blocked: set[int],
    nouns: tuple[bool, bool],
    told: tuple[bool, bool],
) -> int | None:
    """The word that makes ``chunk`` a step: an own action verb, else (``nouns``: allowed, any
    action noun rather than only a sales noun) a noun naming the step; ``told``: (narrated,
    told by the head of the team)."""
    narrated, team = told
    free = [i for i in chunk if i not in blocked]
    if lang == "ru" and any(words[i].lower == "бы" for i in chunk):
        return None  # "я бы хотел автоматизировать": a wish, not a step
    if lang == "ru" and _next_one(words, chunk):
        return None  # "я уже следующего беру": the sale is over, the next one starts
    if lang == "ru" and to_listener([words[i] for i in free]):
        return None  # "допишу вам в телеграм": said to the interviewer
    for i in free:
        if is_action(words, i, lang) and (lang != "ru" or own_action(words, i, narrated, team)):
            return i
    if not nouns[0] or lang != "ru" or any(words[i].pos in VERBAL for i in chunk):
        return None  # "Потом андеррайтер считает": someone else's verb, not a step noun
    for i in free:
        # without a verb or an order marker only an opening noun names the step: "Документы —
        # на осмотре же", "На встрече — осмотр"; not "Для КАСКО — это осмотр"
        opening = nouns[1] or _opens(words, i)
        named = _names_step(words[i], nouns[1]) and words[i].case in {"nomn", "accs", ""}
        if opening and named and not _subject(words, i) and not _contrasted(words, chunk):
            return i
    return None


def _next_one(words: list[Word], chunk: list[int]) -> bool:
    """Whether the clause's object is "следующий" standing for a noun ("ищу следующего"): the
    seller moves on to the next client."""
    for i in chunk:
        word = words[i]
        after = words[i + 1] if i + 1 < len(words) else None
        alone = after is None or after.pos not in {"NOUN", "ADJF"}
        if word.lemma == _NEXT and word.pos == "ADJF" and word.case in {"gent", "accs"} and alone:
            return True
    return False


def _contrasted(words: list[Word], chunk: list[int]) -> bool:
    """ "Дальше сервис, склад, логистика, а я уже ищу следующего": what is set against the
    speaker's own doing later in the sentence is someone else's part."""
    later = [w.lower for w in words[chunk[-1] + 1 :] if w.is_word]
    return any(later[k : k + 2] in (["а", "я"], ["а", "мы"]) for k in range(len(later)))


def _subject(words: list[Word], i: int) -> bool:
    """Whether the noun ``words[i]`` is the subject of a verb later in its clause: "После оплаты
    там уже сервис и склад работают" names who works, not a step."""
    for k in range(i + 1, len(words)):
        if not words[k].is_word and not _joins(words, k):  # "Выезд на замер. Смотрим ..."
            return False
        if words[k].pos == "VERB":
            return True
    return False


def _opens(words: list[Word], i: int) -> bool:
    """Whether ``words[i]`` is the sentence's first word or the first one after a dash."""
    before = [w for w in words[:i] if w.is_word or w.text in _DASHES]
    return not before or before[-1].text in _DASHES


def _names_step(word: Word, any_action: bool) -> bool:
    """A noun that names a sales activity ("КП", "договор") or, if ``any_action``, any action
    noun ("выезд", "согласование")."""
    strong = word.pos == "NOUN" and STRONG in CUE_WEIGHTS.get(word.lemma, {}).values()
    return strong or (any_action and is_action_noun(word))


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
