"""Short names for English steps, as a person labels a sticky note: the verb in its base form,
its particle, and what it acts on ("verb + object", as the issue asks).

"Then I send the contract over in DocuSign" -> "send over the contract in DocuSign"; "They check
the company out: headcount" -> "check out the company"; "I look them up on LinkedIn" -> "look up
on LinkedIn"; "does a handover meeting" -> "do a handover meeting"; a passive names its subject
as the object ("A handover meeting with the implementation manager is held within two working
days" -> "hold a handover meeting with the implementation manager"); a verbless step is its
activity phrase ("Then the qualification call." -> "qualification call"). The object itself
(articles, pronouns, "twelve months of bills", time phrases) is read by ``english_phrases``.
"""

from __future__ import annotations

from salesmine.process import english_lexicon as ex
from salesmine.process.actions import Word
from salesmine.process.actions import _could_be_verb as _listed
from salesmine.process.english_clauses import Clause
from salesmine.process.english_phrases import (
    HEDGES,
    MANNER,
    TIME_NOUNS,
    TIME_PREPOSITIONS,
    Segment,
    noun_phrase,
    segments,
)

MAX_WORDS = 8  # a sticky note, not a sentence: prepositional phrases stop here
MAX_PHRASES = 2  # prepositional phrases after the object ("to Mark for sign-off")
_ENDS = (
    (ex.CONJUNCTIONS - {"and"} | ex.CONDITIONS | ex.TIME_LINKS - {"as"} | ex.REASONS | ex.RELATIVES)
    | ex.NEGATIONS
    | frozenset(
        "that usually always sometimes because so away myself ourselves yourself themselves "
        "himself herself".split()
    )
)
_SINGLE_MARKERS = frozenset(p for p in ex.SEQUENCE + ex.FILLERS if " " not in p)
_NOT_SUBJECT = ex.BE | ex.MODALS | ex.FUTURE | ex.PREPOSITIONS | _SINGLE_MARKERS | {"to"}
# Particles of phrasal verbs: "put together", "go round" beside the lexicon's "up", "out", ...
PARTICLES = ex.PARTICLES | frozenset({"together", "round"})
_SUBJECTS = ex.SELF | ex.WE | ex.YOU | ex.THEY | ex.OTHER_PRONOUNS | {"it"}
_CONTENTLESS = (
    ex.DETERMINERS | ex.ADVERBS | ex.OBJECT_PRONOUNS | ex.THING_PRONOUNS | ex.PREPOSITIONS
)
_DEGREES = frozenset("soon fast quickly much well long far early often".split())
# Inflections the lookup lemmatizer reads as nouns ("does" -> "doe", "analyses" -> "analysis").
_IRREGULAR = {"does": "do", "doing": "do", "did": "do", "has": "have", "had": "have"}


def english_name(clause: Clause) -> str:
    """The step name of a clause."""
    verb = clause.verb
    words = list(clause.words)
    if verb is None:
        kept = [w for w in words if w.lower not in _SINGLE_MARKERS]
        return " ".join(_unarticled(_object(clause, segments(_cut(clause, kept, -1)[0]), [], [])))
    after = [w for w in words if w.start > verb.head.start]
    particle, after = _particle(after)
    cut, moved = _cut(clause, after, verb.head.end)
    particle = particle or moved[:1]
    cut, outcome = _result(cut) if verb_lemma(verb.head) in ("get", "have") else (cut, [])
    parts = segments(cut)
    if verb.passive:  # "the account is researched": the subject is what is done to
        agent = next((k for k, s in enumerate(parts) if s.preposition == "by"), len(parts))
        subject = _passive_subject(clause, [w for w in words if w.start < verb.head.start])
        parts = segments(subject) + parts[1:agent]
    obj = _object(clause, parts, particle, outcome)
    if verb.action == "be" or verb.head.lower in ex.BE:  # "Then there's the demo": the demo
        return " ".join(_unarticled(obj)) or "be"
    lemma = verb_lemma(verb.head)
    if verb.catenative in ("go", "come"):
        lemma = f"{verb.catenative} and {lemma}"
    return " ".join([lemma, *particle, *obj])


def verb_lemma(word: Word) -> str:
    """The base form of a verb as said ("does" -> "do", "analyses" -> "analyse", "took" ->
    "take"); the lookup lemma where it is a verb."""
    lower = word.lower
    if lower in _IRREGULAR:
        return _IRREGULAR[lower]
    if _listed(word.lemma, word.lemma) or word.lemma in ex.EXTRA_VERBS:
        return word.lemma
    for ending, back in (("ies", "y"), ("es", "e"), ("es", ""), ("s", ""), ("ed", "e"), ("ed", "")):
        stem = lower[: -len(ending)] + back if lower.endswith(ending) else ""
        if stem and (_listed(stem, stem) or stem in ex.EXTRA_VERBS):
            return stem
    return word.lemma


def _object(
    clause: Clause, parts: list[Segment], particle: list[str], outcome: list[str]
) -> list[str]:
    """The object's noun phrase and up to MAX_PHRASES prepositional phrases after it. One that
    names a time, or is cut off, ends the name; one that is only a pronoun or says how ("in
    person") is skipped ("talk to them about pricing" -> "talk about pricing"), but with nothing
    else named its preposition stays with the verb ("go through them" -> "go through").
    ``outcome``: what "get" / "have" makes of the object ("signed", "filled in")."""
    openings = _openings(clause)
    direct = noun_phrase(parts[0].words, openings, trim=True)
    if direct is None:  # "give it a week"
        return []
    result = direct + (outcome if direct else [])
    if any(w.lower in TIME_NOUNS for w in parts[0].words):  # "a check-in every week of ..."
        return result
    phrases = 0
    for part in parts[1:]:
        phrase = noun_phrase(part.words, openings, timed=part.preposition in TIME_PREPOSITIONS)
        if phrase is None or phrases == MAX_PHRASES:
            break
        if not phrase or phrase[-1].lower() in MANNER:
            if not phrase and not result and not particle and part.preposition in ex.PARTICLES:
                particle = [part.preposition]
                result.append(part.preposition)
            continue
        if 1 + len(particle) + len(result) + 1 + len(phrase) > MAX_WORDS:
            break
        result += [part.preposition, *phrase]
        phrases += part.preposition != "of"  # "a copy of the contract": one object
    return result


def _openings(clause: Clause) -> frozenset[int]:
    """Offsets of the clause's words that open it, a sentence or a quotation ("3.5:
    "Clarification questions shall ...")."""
    result = {clause.words[0].start} if clause.words else set()
    for previous, word in zip(clause.words, clause.words[1:], strict=False):
        gap = clause.text[previous.end - clause.start : word.start - clause.start]
        if any(ch in gap for ch in '.:!?"“'):
            result.add(word.start)
    return frozenset(result)


def _result(cut: list[Word]) -> tuple[list[Word], list[str]]:
    """ "get the security questionnaire filled in": the object's words without its outcome,
    and the outcome ("filled in")."""
    for k, word in enumerate(cut):
        if k and cut[k - 1].lower not in _CONTENTLESS and _participle(word, "ed"):
            end = k + 1
            while (
                end < len(cut)
                and cut[end].lower in PARTICLES
                and (end + 1 == len(cut) or cut[end + 1].lower in ex.PREPOSITIONS)
            ):
                end += 1
            return cut[:k] + cut[end:], [w.lower for w in cut[k:end]]
    return cut, []


def _unarticled(words: list[str]) -> list[str]:
    """A verbless activity phrase needs no article: "qualification call", "demo"."""
    return words[1:] if words and words[0] in ("the", "a", "an") else words


def _passive_subject(clause: Clause, before: list[Word]) -> list[Word]:
    """The subject of a passive: the words right before its auxiliaries, back to a break
    ("The order form and MSA are issued": both)."""
    k = len(before) - 1
    while k >= 0 and (before[k].lower in _NOT_SUBJECT or before[k].lower in ex.ADVERBS):
        k -= 1
    taken: list[Word] = []
    while k >= 0 and before[k].lower not in _ENDS - {"that"}:
        if before[k].lower in _SINGLE_MARKERS and before[k].lower not in ex.PREPOSITIONS:
            break
        if taken and _broken(clause, before[k].end, taken[0].start):
            break
        taken.insert(0, before[k])
        k -= 1
    while taken and taken[0].lower in ("and", *ex.PREPOSITIONS):
        taken = taken[1:]
    return taken


def _particle(after: list[Word]) -> tuple[list[str], list[Word]]:
    """ "look them up", "hand over to onboarding", "sit in on": the particle goes with the verb
    ("put it in Salesforce" keeps its place: "in" opens a phrase there)."""
    if len(after) > 1 and after[0].lower in ex.OBJECT_PRONOUNS and after[1].lower in PARTICLES:
        following = after[2].lower if len(after) > 2 else ""
        if after[1].lower not in ("in", "on", "through") or following in ex.PREPOSITIONS | {""}:
            return [after[1].lower], after[2:]
    if [w.lower for w in after[:3]] == ["back", "and", "forth"]:
        return ["back and forth"], after[3:]
    if not after or after[0].lower not in PARTICLES:
        return [], after
    following = after[1].lower if len(after) > 1 else ""
    if after[0].lower in ("in", "on", "over", "through") and following not in ex.PREPOSITIONS | {
        ""
    }:
        return [], after
    return [after[0].lower], after[1:]


def _cut(clause: Clause, words: list[Word], after: int) -> tuple[list[Word], list[str]]:
    """The object's words, up to a break (punctuation, a linking word, an infinitive of
    purpose, "using ..." after the object, "and" + a verb), and a particle said after the
    object ("send the contract over in DocuSign", "check the company out:"), which goes to the
    verb."""
    taken: list[Word] = []
    moved: list[str] = []
    previous = after
    for k, word in enumerate(words):
        if previous >= 0 and _broken(clause, previous, word.start) or word.lower in _ENDS:
            break
        rest = words[k + 1 :]
        following = "" if not rest or _broken(clause, word.end, rest[0].start) else rest[0].lower
        previous = word.end
        if word.lower in PARTICLES and _named(taken) and _closes(following, rest):
            if _participle(taken[-1], "ed"):  # "get the questionnaire filled in"
                taken.append(word)
                continue
            moved.append(word.lower)
            continue
        if _ends_object(word, following, rest, taken):
            break
        taken.append(word)
    while taken and taken[-1].lower in ex.PREPOSITIONS | {"and"}:
        if len(taken) > 1 and _participle(taken[-2], "ed"):
            break  # "filled in": the particle of the outcome
        taken.pop()
    return taken, moved


def _ends_object(word: Word, following: str, rest: list[Word], taken: list[Word]) -> bool:
    """Whether ``word`` opens something other than the object: "as I said", "as fast as I
    can", "to see if ..." (a purpose), "and chase them" (another action), "using the template"
    (how)."""
    if word.lower == "as":
        return following in _SUBJECTS | _DEGREES or "as" in _lowers(rest)
    if word.lower == "to":
        return _purpose(following, rest)
    if word.lower == "and":
        return not rest or _verbal(rest)
    return bool(taken) and taken[-1].lower not in _CONTENTLESS | HEDGES and _participle(word)


def _closes(following: str, rest: list[Word]) -> bool:
    """Whether the object ends after a particle ("send it over in DocuSign", "ring Neil back
    and book ..."; not "book a walk-through on that call")."""
    if following in ex.PREPOSITIONS | {""} or following == "and" and _verbal(rest[1:]):
        return True
    return following in _ENDS and following not in ex.DETERMINERS


def _participle(word: Word, ending: str = "ing") -> bool:
    """ "covering", "using" (a verb form that opens a phrase of its own); with ``ending`` "ed",
    "filled", "signed" (the result of "get the contract signed")."""
    return (
        word.lower.endswith(ending)
        and _listed(word.lower, word.lemma)
        and (word.lemma not in ex.ACTIVITY_NOUNS and word.lower not in ex.ACTIVITY_NOUNS)
    )


def _lowers(words: list[Word]) -> list[str]:
    return [w.lower for w in words]


def _named(taken: list[Word]) -> bool:
    """Whether the object so far names something (a particle after it goes to the verb)."""
    return any(w.lower not in _CONTENTLESS for w in taken)


def _verbal(rest: list[Word]) -> bool:
    """ "and booked in", "and chase them": a verb opens what follows "and", so it is no part of
    the object ("the bills and interval data" is one)."""
    if not rest or rest[0].text[:1].isupper():
        return False
    word, following = rest[0], rest[1].lower if len(rest) > 1 else ""
    if not _listed(word.lower, word.lemma) or word.lower in ex.ACTIVITY_NOUNS:
        return False
    inflected = word.lower != word.lemma and word.lower.endswith(("ed", "ing"))
    takes = ex.DETERMINERS | ex.OBJECT_PRONOUNS | ex.POSSESSIVES | ex.PARTICLES
    return inflected or following in takes or following == ""


def _purpose(following: str, rest: list[Word]) -> bool:
    """Whether "to" opens an infinitive: a base-form verb that names no activity follows."""
    if not rest or following in ex.ACTIVITY_NOUNS or following in ex.OBJECT_PRONOUNS:
        return False
    if rest[0].text[:1].isupper():  # "to Mark for sign-off": a name, not "to mark"
        return False
    return rest[0].lower == rest[0].lemma and _listed(rest[0].lower, rest[0].lemma)


def _broken(clause: Clause, end: int, start: int) -> bool:
    """Whether punctuation stands between two words of the clause (offsets in its turn)."""
    between = clause.text[max(0, end - clause.start) : max(0, start - clause.start)]
    return any(ch in ',;:—–()"' for ch in between)
