"""What the speaker says is not theirs, right where they say it (Russian).

People telling their part of the sale name the neighbours' parts and disown them in the same
breath: "Счёт выставляет Светлана, это не ко мне", "Производство, отгрузка — это он", "Сначала
менеджер продаёт: звонит, ездит, КП — это всё не я, это они", "Это уже не я, это менеджер запрос
делает". The annotation guide makes no step of anyone else's action, but the tagger, reading each
clause alone, keeps some of them. The disowning phrase is a clause of its own — "это (уже, всё)
не я / не ко мне / не моё / не моя зона", "это он / она / они" — and it points back: at the
clauses of its sentence told before it, back to the speaker's own last verb ("Отдаю менеджеру,
он делает КП, это уже не моё" disowns only "он делает КП"), or, opening its sentence, at the end
of the sentence before; and on, at what it names next ("это не я, это бухгалтерия делает").
"Дальше (уже) не я / не моё" points forward only: in "Заполняю анкету, и всё, дальше уже не я"
and "Я счёт выставил — дальше не моё" the clause before is the speaker's last own step.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from salesmine.process.actions import Word
from salesmine.process.asides import punctuation_segments
from salesmine.process.candidates import Candidate

# Words said before the phrase that do not change it: "Нет, это не ко мне", "но это уже не я".
_LEAD_INS = frozenset("ну а и но нет да ой вот так что же".split())
_FILLERS = frozenset("уже все тоже вообще совсем точно опять".split())  # "это уже всё не я"
_POINTING = "это"  # "это не я": back at what was just named
_ONWARD = frozenset("дальше там потом".split())  # "дальше уже не моё": what comes after
# Who owns it: "не я", "не ко мне", "не моё", "не мы", "не к нам", "не наше"; a possessive with
# a noun only for a share of the work ("не моя зона"), not "не наш клиент" (a kind of client)
_NOT_MINE = frozenset("я мы мое моя мой мои наше".split())
_TO_ME = frozenset("мне нам".split())
_SHARE = frozenset(
    "зона зоны часть процесс задача работа функция епархия область участок шаг этап история"
    " ответственность компетенция".split()
)
_POSSESSIVE = frozenset("мое моя мой мои наш наша наше наши".split())
_OTHER = frozenset("он она они".split())  # "Производство, отгрузка — это он"
_ALONE = frozenset("сам сама сами".split())  # "Это они сами."
_SPEAKER = frozenset("я мы".split())


class Disowning(NamedTuple):
    """A disowning phrase in a sentence: where it starts and ends, whether it points back
    ("это не я") or only forward ("дальше не моё"), and whether it opens its sentence."""

    start: int
    end: int
    back: bool
    opens: bool


def disownings(words: list[Word]) -> list[Disowning]:
    """The disowning phrases of one sentence (``words``: its analysed words), each a clause of
    its own between punctuation marks."""
    found = []
    segments = punctuation_segments(words)
    for n, segment in enumerate(segments):
        said = [w for w in segment if w.is_word]
        lead = 0
        while lead < len(said) and said[lead].lower in _LEAD_INS:
            lead += 1
        back = _phrase(said[lead:])
        if back is None:
            continue
        before = [w for s in segments[:n] for w in s if w.is_word] + said[:lead]
        opens = all(w.lower in _LEAD_INS for w in before)
        found.append(Disowning(said[lead].start, said[-1].end, back, opens))
    return found


def _phrase(said: list[Word]) -> bool | None:
    """Whether a clause's words (lead-ins cut off) are a disowning phrase pointing back (True:
    "это уже не я", "это всё он") or on (False: "дальше уже не моё"), or None if they are not."""
    if not said:
        return None
    opener = said[0].lower
    if opener != _POINTING and opener not in _ONWARD:
        return None
    rest = said[1:]
    if opener == "там" and rest[:1] and rest[0].lower == "дальше":  # "там дальше уже не я"
        rest = rest[1:]
    while rest and rest[0].lower in _FILLERS:
        rest = rest[1:]
    if _not_mine(rest) or (opener == _POINTING and _someone_else(rest)):
        return opener == _POINTING
    return None


def _not_mine(rest: list[Word]) -> bool:
    """ "не я", "не я решаю", "не ко мне", "не моё", "не моя зона", "не мы", "не к нам"."""
    said = [w.lower for w in rest]
    if said[:1] != ["не"]:
        return False
    said = said[1:]
    if said in (["ко", "мне"], ["к", "нам"]) or (len(said) == 1 and said[0] in _NOT_MINE):
        return True
    if len(said) == 2 and said[0] in _POSSESSIVE and said[1] in _SHARE:
        return True
    # "это не я решаю", "это не я делаю": the speaker is not the one who does it
    return len(said) == 2 and said[0] == "я" and rest[2].pos == "VERB"


def _someone_else(rest: list[Word]) -> bool:
    """ "это он", "это всё они", "это они сами": the thing named is another person's."""
    said = [w.lower for w in rest]
    return len(said) in (1, 2) and said[0] in _OTHER and all(w in _ALONE for w in said[1:])


def own(words: tuple[Word, ...], head: Word | None) -> bool:
    """Whether a clause tells the speaker's own action: a verb in the first person ("отдаю"),
    or "я" / "мы" said in it ("я счёт выставил")."""
    first = head is not None and head.person == "1per"
    return first or any(w.lower in _SPEAKER for w in words)


def bind(
    phrases: list[Disowning], told: list[Candidate], before: list[Candidate], end: int
) -> bool:
    """Mark as ``disowned`` the candidates each phrase of a sentence points at: ``told``, the
    sentence's candidates, ``before``, those of the sentence before it in the turn. Back, the
    clauses just before the phrase that are not the speaker's own (or, for a phrase opening its
    sentence, the last such clauses of the sentence before); on, those right after it. Whether
    the last phrase ends the sentence (``end``: where its last word ends): then it points on at
    the next sentence ("Это не я. Лена на ресепшене всех вбивает")."""
    for phrase in phrases:
        earlier = [c for c in told if c.step.start < phrase.start]
        if phrase.back:
            mark(reversed(earlier if earlier or not phrase.opens else before))
        mark(c for c in told if c.step.start >= phrase.end)
    return bool(phrases) and phrases[-1].end >= end


def mark(candidates: Iterable[Candidate]) -> None:
    """Disown the candidates in turn up to the first that tells the speaker's own action."""
    for candidate in candidates:
        if own(candidate.parts, candidate.head_word):
            return
        candidate.disowned = True
