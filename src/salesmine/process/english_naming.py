"""Short names for English steps: the action's verb (base form), its particle and a few object
words, as the issue asks ("verb + object").

"Then I send the contract over in DocuSign" -> "send contract over in DocuSign"; "I look them up
on LinkedIn" -> "look up on LinkedIn"; a passive names its subject as the object ("the account is
researched" -> "research account"); a light verb keeps its activity noun ("I do a demo" -> "do
demo"); a verbless step is its activity phrase ("Then the qualification call." -> "qualification
call"). The object ends at punctuation, at a linking word or at a second preposition.
"""

from __future__ import annotations

from salesmine.process import english_lexicon as ex
from salesmine.process.actions import Word
from salesmine.process.actions import _could_be_verb as _listed
from salesmine.process.english_clauses import Clause

MAX_OBJECT = 4
_SKIPPED = (
    ex.DETERMINERS
    | ex.ADVERBS
    | ex.OBJECT_PRONOUNS
    | frozenset({"'s", "own", "sure", "every", "each"})
)
_ENDS = (
    ex.CONJUNCTIONS | ex.CONDITIONS | ex.TIME_LINKS | ex.REASONS | ex.RELATIVES | ex.NEGATIONS
) | frozenset(
    "that usually always sometimes because so away myself ourselves yourself "
    "themselves himself herself".split()
)
_TRAILING = ex.PREPOSITIONS | ex.DETERMINERS | ex.POSSESSIVES
_TIME_NOUNS = frozenset(
    "day days week weeks month months year years morning afternoon evening night today "
    "tomorrow monday tuesday wednesday thursday friday saturday sunday minute minutes hour "
    "hours time times later lunchtime weekend fortnight quarter".split()
)
_TIME_MODIFIERS = frozenset(
    "same next few following first last on within by at in for every each couple".split()
)


def english_name(clause: Clause) -> str:
    """The step name of a clause."""
    verb = clause.verb
    words = list(clause.words)
    if verb is None:
        return " ".join(_phrase(clause, [w for w in words if w.lower not in _SINGLE_MARKERS], 0))
    after = [w for w in words if w.start > verb.head.start]
    particle, after = _particle(after)
    if verb.passive:  # "the account is researched": the subject is what is done to
        agent = next((k for k, w in enumerate(after) if w.lower == "by"), len(after))
        subject = _passive_subject(clause, [w for w in words if w.start < verb.head.start])
        obj = _phrase(clause, subject, -1)[-2:] + _phrase(clause, after[:agent], verb.head.end)
    else:
        obj = _phrase(clause, after, verb.head.end)
    inner = [w for w in obj if w.startswith("+")]  # "hand the account over to": "hand over"
    particle += [w[1:] for w in inner][: 1 - len(particle)] if not particle else []
    obj = [w for w in obj if not w.startswith("+")]
    if verb.action == "be" or verb.head.lower in ex.BE:  # "Then there's the demo": the demo
        return " ".join(obj) or "be"
    lemma = (
        f"{verb.catenative} and {verb.head.lemma}"
        if verb.catenative in ("go", "come")
        else verb.head.lemma
    )
    return " ".join([lemma, *particle, *obj[:MAX_OBJECT]])


_SINGLE_MARKERS = frozenset(p for p in ex.SEQUENCE + ex.FILLERS if " " not in p)
_NOT_SUBJECT = ex.BE | ex.MODALS | ex.FUTURE | ex.PREPOSITIONS | _SINGLE_MARKERS | {"to"}


def _passive_subject(clause: Clause, before: list[Word]) -> list[Word]:
    """The subject of a passive: the words right before its auxiliaries, back to a break."""
    k = len(before) - 1
    while k >= 0 and (before[k].lower in _NOT_SUBJECT or before[k].lower in ex.ADVERBS):
        k -= 1
    taken: list[Word] = []
    while k >= 0 and before[k].lower not in _NOT_SUBJECT and before[k].lower not in _ENDS:
        if taken and _broken(clause, before[k].end, taken[0].start):
            break
        taken.insert(0, before[k])
        k -= 1
    return taken[-3:]


def _particle(after: list[Word]) -> tuple[list[str], list[Word]]:
    """ "look them up", "hand over to onboarding", "sit in on": the particle goes with the verb
    ("put it in Salesforce" keeps its place: "in" opens a phrase there)."""
    if len(after) > 1 and after[0].lower in ex.OBJECT_PRONOUNS and after[1].lower in ex.PARTICLES:
        return [after[1].lower], after[2:]
    if not after or after[0].lower not in ex.PARTICLES:
        return [], after
    following = after[1].lower if len(after) > 1 else ""
    if after[0].lower in ("in", "on", "over") and following not in ex.PREPOSITIONS | {""}:
        return [], after
    return [after[0].lower], after[1:]


def _phrase(clause: Clause, words: list[Word], after: int) -> list[str]:
    """The object words: up to a break (punctuation, a linking word, a second preposition, a
    time phrase); ``after``: the offset the phrase follows (-1: none)."""
    taken: list[str] = []
    prepositions = 0
    previous = after
    for k, word in enumerate(words):
        if previous >= 0 and _broken(clause, previous, word.start) or word.lower in _ENDS:
            break
        if word.lower in _TIME_NOUNS:  # "the same week", "on Monday": when, not what
            while taken and taken[-1].lower() in _TIME_MODIFIERS:
                taken.pop()
            break
        previous = word.end
        following = words[k + 1].lower if k + 1 < len(words) else ""
        if taken and word.lower in ex.PARTICLES and following in ex.PREPOSITIONS | {""}:
            taken.append("+" + word.lower)  # a particle after the object: it goes to the verb
            continue
        if word.lower == "to" and _purpose(following, words[k + 1 :]):
            break  # "phone to see if ...": what for, not what
        prepositions += word.lower in ex.PREPOSITIONS
        if prepositions > 1 or len(taken) == MAX_OBJECT:
            break
        taken += _as_named(word, bool(taken))
    while taken and taken[-1].lower() in _TRAILING:
        taken.pop()
    return taken


def _purpose(following: str, rest: list[Word]) -> bool:
    """Whether "to" opens an infinitive: a base-form verb that names no activity follows."""
    if not rest or following in ex.ACTIVITY_NOUNS or following in ex.OBJECT_PRONOUNS:
        return False
    return rest[0].lower == rest[0].lemma and _listed(rest[0].lower, rest[0].lemma)


def _as_named(word: Word, inside: bool) -> list[str]:
    """A word of a name as written ("CRM", "DocuSign" inside the phrase), or none when it only
    points or fills ("the", "them", "basically")."""
    acronym = word.text.isupper() and len(word.text) > 1  # "IT" is no "it"
    if not acronym and (word.lower in _SKIPPED or word.lower in _SINGLE_MARKERS):
        return []
    named = acronym or word.text[:1].isupper() and inside
    return [word.text if named else word.lower]


def _broken(clause: Clause, end: int, start: int) -> bool:
    """Whether punctuation stands between two words of the clause (offsets in its turn)."""
    between = clause.text[max(0, end - clause.start) : max(0, start - clause.start)]
    return any(ch in ',;:—–()"' for ch in between)
