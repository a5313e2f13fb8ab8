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
а я ..."), see ``nouns``. An infinitive going on from a subordinate one stays subordinate
("многие считают, что надо отстать, дать подумать"); a weak noun heading a sentence leaves the
step to the verb after it ("Дальше второй разговор, уже предметный: менеджер выясняет ...").
"""

from __future__ import annotations

import re

from salesmine.process import lexicon as lx
from salesmine.process.actions import VERBAL, Word, is_action
from salesmine.process.agency import NOBODY, Teller, own_action, subject_of
from salesmine.process.asides import to_listener
from salesmine.process.nouns import Group, heading, item_noun, joins, noun_head, sequence_noun
from salesmine.process.passive import passive_base

_BREAK_PUNCT = frozenset(',;:—–-()…!?."«»')  # ".": a list item may hold sentences
_NEXT = "следующий"
_SPEAKERS = frozenset("я мы".split())
_SELLERS = lx.SELLER_NOUNS_RU
_MUTE = Word("", "", 0, 0, "PNCT", False)  # stands for a word outside the opening clause
_OPEN_QUOTES = frozenset('«“"')
_CLOSE_QUOTES = frozenset('»”"')
READ_ALOUD_REACH = 4  # words into a quote where a regulation names its seller
# "Начинается с того, что ...", "начинаю с того, что ...": what follows is the first step
_STARTING = frozenset("начинаться начинать начать начаться".split())
_RULE_BOOK = frozenset("пункт раздел регламент стандарт инструкция".split())
_FILLERS = re.compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(f) for f in sorted(lx.FILLERS_RU + lx.FILLERS_EN, key=len, reverse=True))
    + r")(?!\w)"
)

Chunk = tuple[
    list[int], bool
]  # word indices, and whether a conjunction (not punctuation) opened it


def step_groups(
    words: list[Word],
    lang: str,
    *,
    is_item: bool,
    narrated: bool,
    teller: Teller = NOBODY,
    generous: bool = False,
) -> list[Group]:
    """Steps of one sentence as (word indices of the quote, index of the head word, indices of
    the head's own chunk — what the step itself says, without its conditions and purposes).

    ``is_item``: the sentence is a list item (a bare noun may name the step);
    ``narrated``: it carries an order marker, so past tense counts as a step ("потом отправил").
    A sentence without any verb may be named by a sales noun ("Документы — на осмотре же").
    ``teller``: who speaks (the head of the sellers: "они назначают встречу" is a step).
    ``generous``: any action verb heads a step, whoever does it, and any action noun may (the
    learned tagger then judges the clauses the rules would not propose).
    """
    blocked = _blocked(words)
    verbless = lang == "ru" and not any(w.pos in VERBAL for w in words)
    groups: list[Group] = []
    pending: list[int] = []
    closed = False  # the last step's quote has ended
    chunks = _chunks(words)
    dependent = _dependent(words, chunks, lang)
    # "До этого я им отправил КП": placed before the step told before, a past tense is a step
    ordered = narrated or (lang == "ru" and _before_previous(words) and _said_by_me(words))
    for k, (chunk, _) in enumerate(chunks):
        subordinate = k in dependent
        # "Дальше — выезд на осмотр" (not "Встреча — это половина продажи"): only the first step,
        # before any verb ("Я знаю, что по регламенту — сначала звонок" tells no step)
        nouns = (is_item or narrated or verbless) and not groups
        nouns = nouns and not _after_verb(words, chunk, blocked)
        any_noun = is_item or narrated or generous  # a bare "Документы — ..." needs a sales noun
        head = None
        # "Начинается с того, что ...": the step is the "что" clause, this one leads into it
        opens = k + 1 < len(chunks) and _starts_with_it(words, chunk, chunks[k + 1][0])
        if not subordinate and not opens:
            told = (ordered, None if generous else teller)
            head = _head(words, chunk, lang, blocked, (nouns, any_noun), told)
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
        groups += item_noun(words, lang, blocked)
    if not groups and narrated and lang == "ru":  # "Потом, значит, тест-драйв": any trade's
        groups += _sequence_noun(words, chunks, dependent, blocked)
    return _headed(words, groups)


def _before_previous(words: list[Word]) -> bool:
    """Whether the sentence says its step goes before the one told before ("до этого", "перед
    этим")."""
    said = " " + " ".join(w.lower.replace("ё", "е") for w in words if w.is_word) + " "
    return any(f" {marker} " in said for marker in lx.BEFORE_PREVIOUS_RU)


def _said_by_me(words: list[Word]) -> bool:
    """Whether "я" / "мы" is said (not "До этого два года была в сервисном отделе")."""
    return any(w.lower in _SPEAKERS for w in words)


def _dependent(words: list[Word], chunks: list[Chunk], lang: str) -> set[int]:
    """Indices of the chunks that are no clause of their own: conditions, purposes, time clauses
    and what goes on with them ("что надо отстать, дать подумать"), and one predicate that says
    what the company does ("Мы продаём и монтируем кухню")."""
    described = _described(words, chunks) if lang == "ru" else set()
    found: set[int] = set()
    subordinate = False
    for k, (chunk, by_conjunction) in enumerate(chunks):
        goes_on = by_conjunction or (k > 0 and _next_infinitive(words, chunks[k - 1][0], chunk))
        subordinate = _is_subordinate(words, chunk) or (subordinate and goes_on)
        subordinate = subordinate or k in described
        if k > 0 and _starts_with_it(words, chunks[k - 1][0], chunk):
            subordinate = False
        if subordinate:
            found.add(k)
    return found


def _starts_with_it(words: list[Word], before: list[int], chunk: list[int]) -> bool:
    """Whether ``chunk`` is the "что" clause of "Начинается с того, что я получаю запрос" /
    "Менеджер начинает с того, что находит клинику" / "Начинается всё с того, что ...": the
    first step itself, not a subordinate."""
    said = [words[i] for i in before if words[i].is_word]
    opening = next((words[i] for i in chunk if words[i].is_word), None)
    if opening is None or opening.lower != "что" or len(said) < 3:
        return False
    if [w.lower for w in said[-2:]] != ["с", "того"]:
        return False
    # the verb right before, or one word before it ("начинается всё", "начинаю обычно")
    return any(w.lemma in _STARTING for w in said[-4:-2])


def _sequence_noun(
    words: list[Word], chunks: list[Chunk], dependent: set[int], blocked: set[int]
) -> list[Group]:
    """The step a sentence told in sequence names by a noun alone ("Потом, значит, тест-драйв";
    "Дальше пробная уборка, если клиент хочет": its verbs only in "если" / "чтобы" parts)."""
    main = [k for k in range(len(chunks)) if k not in dependent]
    if not main or any(words[i].pos in VERBAL for k in main for i in chunks[k][0]):
        return []
    every = [i for k in main for i in chunks[k][0]]  # the quote: the sentence but its conditions
    found = sequence_noun([w if i in every else _MUTE for i, w in enumerate(words)], blocked)
    return [(every, head, every) for _, head, _ in found]


def _headed(words: list[Word], groups: list[Group]) -> list[Group]:
    """ "Дальше второй разговор, уже предметный: менеджер выясняет ...": a step opened by a noun
    of a weak cue is told by the verb after it."""
    if len(groups) < 2 or not heading(words[groups[0][1]]):
        return groups
    merged = (groups[0][0] + groups[1][0], groups[1][1], groups[1][2])
    return [merged, *groups[2:]]


def _next_infinitive(words: list[Word], before: list[int], chunk: list[int]) -> bool:
    """Whether ``chunk`` opens with an infinitive right after one that ends ``before``."""
    said = [i for i in chunk if words[i].lower not in lx.SPLIT_WORDS]
    return bool(said) and words[said[0]].pos == "INFN" and words[before[-1]].pos == "INFN"


def _after_verb(words: list[Word], chunk: list[int], blocked: set[int]) -> bool:
    """Whether a verb (not a filler: "Смотрите, первое — звонок") comes before ``chunk``."""
    return any(words[i].pos in VERBAL and i not in blocked for i in range(chunk[0]))


def _chunks(words: list[Word]) -> list[Chunk]:
    """Word indices cut at punctuation and before conjunctions."""
    chunks: list[Chunk] = []
    current: list[int] = []
    by_conjunction = False
    after_punct = False
    for i, word in enumerate(words):
        if not word.is_word:
            after_punct = after_punct or (word.text in _BREAK_PUNCT and not joins(words, i))
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
            in_quotes = not _read_aloud(words, i)
        elif word.text in _CLOSE_QUOTES and in_quotes:
            in_quotes = False
        if reported or in_quotes or any(a <= start < b for a, b in filler_spans):
            blocked.add(i)
        if word.is_word:
            previous = word.lemma
    return blocked


def _read_aloud(words: list[Word], opening: int) -> bool:
    """A quoted rule the speaker reads out («3.2. Менеджер регистрирует заявку в CRM», "Пункт
    три: «Заявка регистрируется ...»"), not someone's words: a seller is its subject within its
    first words, or a clause number or "пункт" comes first ("Три-четыре: «..."), or it opens
    with the passive a regulation is written in («Осуществляется выезд», «Клиенту
    предоставляются образцы») — people quoted in a story speak in the active."""
    before = words[max(0, opening - READ_ALOUD_REACH) : opening]
    if any(w.lemma in _RULE_BOOK for w in before):
        return True
    if len(before) >= 2 and before[-1].text == ":" and _numbered(before[-2]):
        return True
    reach = range(opening + 1, min(len(words), opening + 1 + READ_ALOUD_REACH))
    inside = [words[k] for k in reach if words[k].text not in _CLOSE_QUOTES]
    if inside and inside[0].text[:1].isdigit():
        return True
    if any(passive_base(words, k) for k in reach):
        return True
    return any(w.lemma in lx.SELLER_NOUNS_RU for w in inside)


def _numbered(word: Word) -> bool:
    """A clause number said before a quote: "3.4", "Три-четыре"."""
    return word.text[:1].isdigit() or word.pos == "NUMR"


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
    told: tuple[bool, Teller | None],
) -> int | None:
    """The word that makes ``chunk`` a step: an own action verb, else (``nouns``: allowed, any
    action noun rather than only a sales noun) a noun naming the step; ``told``: (narrated,
    who tells it; None: anyone's action)."""
    narrated, teller = told
    free = [i for i in chunk if i not in blocked]
    if lang == "ru" and any(words[i].lower == "бы" for i in chunk):
        return None  # "я бы хотел автоматизировать": a wish, not a step
    if lang == "ru" and _next_one(words, chunk):
        return None  # "я уже следующего беру": the sale is over, the next one starts
    if lang == "ru" and to_listener([words[i] for i in free]):
        return None  # "допишу вам в телеграм": said to the interviewer
    for i in free:
        own = lang != "ru" or teller is None or own_action(words, i, narrated, teller)
        if is_action(words, i, lang) and own:
            return i
    if not nouns[0] or lang != "ru" or any(words[i].pos in VERBAL for i in chunk):
        return None  # "Потом андеррайтер считает": someone else's verb, not a step noun
    return noun_head(words, chunk, free, nouns[1])


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
