"""English process descriptions: texts that tell a process, not a person's own work.

The English reader (``english_steps``) is made for interviews: it keeps what the interviewee
does ("I", "we") and drops what others do ("the clerk checks the invoice"). A process
description — an SOP, a regulation, "The clerk receives the order. Then the manager checks it."
— tells every role's actions in the third person, the passive or as instructions, and all of
them are the process. In description mode every clause that tells an action in the present (or
the future, or as a norm: "shall", "must", "should") is a step, whoever does it: a role, a
department, the customer, a system, nobody named ("the invoice is checked"), the reader ("Log the
ticket"). What it still drops: conditions and time clauses ("If the order is urgent", "When the
parcel arrives": they say when, the main clause says what), what may or may not happen, states
("the onboarding is complete"), what the text says about itself ("This procedure applies to
..."), a title line.

``reading_mode`` picks the mode per transcript: a description when nobody asks questions (one
speaker), hardly any action clause is the teller's own ("I", "we") and most name who acts ("the
clerk"), are passive or are instructions; ``mode`` forces either reading.
"""

from __future__ import annotations

import re
from dataclasses import replace

from salesmine.errors import InputError
from salesmine.process import english_lexicon as ex
from salesmine.process.english_candidates import EnglishCandidate
from salesmine.process.english_clauses import Clause, read_turn
from salesmine.process.english_rules import discourse
from salesmine.process.english_subjects import SUBJECTS
from salesmine.records import Transcript

MODES = ("auto", "interview", "description")
# A description names who acts ("the clerk", "credit control"), tells it in the passive or as
# instructions; an interview answer says "I", "we", "they", "it". Over its action clauses (each
# told with its own subject), a description has fewer than one in ten of the teller's own and at
# least half with a named actor, the passive or an order.
MAX_FIRST_PERSON_SHARE = 0.1
MIN_NAMED_ACTOR_SHARE = 0.5
_PRONOUNS = SUBJECTS | ex.OTHER_PRONOUNS | ex.THING_PRONOUNS

_HYPOTHETICAL = frozenset("might may could can would".split())
# What a text says about itself or the process as a whole: no step of it.
_ABOUT_THE_TEXT = frozenset(
    "procedure procedures process policy policies section document guideline guidelines "
    "instruction instructions sop chapter rule rules workflow description".split()
)
# Verbs the interview reader counts as talk or states, but which a role does to another in a
# process ("asks the policyholder for photos", "pays the invoice", "tells the customer").
_ACTIONS_IN_PROCESS = frozenset("ask tell pay".split())
# What happens to a thing by itself ("the parcel arrives"): an event, not an activity.
_EVENTS = frozenset("arrive expire elapse occur remain exist".split())
# Object clauses that complete a verb ("checks whether it fits", "decides which offer wins").
_OBJECT_CLAUSE = re.compile(r"^(?:whether|which|what|who|how|if|that)\b", re.I)


def check_mode(mode: str) -> str:
    """``mode`` if it is a reading mode, else an InputError naming the choices."""
    if mode not in MODES:
        raise InputError(f"reading mode {mode!r}: use one of {', '.join(MODES)}")
    return mode


def reading_mode(transcript: Transcript, interviewee: str, mode: str = "auto") -> str:
    """ "interview" or "description": ``mode`` when forced, else what the transcript is."""
    if check_mode(mode) != "auto":
        return mode
    return "description" if describes_process(transcript, interviewee) else "interview"


def describes_process(transcript: Transcript, interviewee: str) -> bool:
    """Whether an English transcript describes a process rather than answers an interviewer:
    one speaker, few action clauses of the teller's own and most with a named actor, the
    passive or an order (``MAX_FIRST_PERSON_SHARE``, ``MIN_NAMED_ACTOR_SHARE``)."""
    if any(turn.speaker != interviewee for turn in transcript.turns):
        return False  # someone asks: an interview, whatever the answers sound like
    main = [
        c
        for turn in transcript.turns
        for c in read_turn(turn.text)
        if c.verb is not None and not (c.link or c.verb.negated or c.quoted or c.elliptic)
    ]
    if len(main) < 2:
        return False
    first = sum(c.subject in ("self", "we") for c in main)
    named = sum(_named_actor(c) for c in main)
    return first < MAX_FIRST_PERSON_SHARE * len(main) and named >= MIN_NAMED_ACTOR_SHARE * len(main)


def _named_actor(clause: Clause) -> bool:
    """ "The clerk checks", "the invoice is checked", "Check the invoice": not "they check"."""
    if clause.subject in ("passive", "none"):
        return True
    return bool(clause.subject_words) and clause.subject_words[-1] not in _PRONOUNS


def judge_description(
    found: list[EnglishCandidate], transcript: Transcript
) -> list[EnglishCandidate]:
    """The candidates that are steps of a described process; each other one gets its reason in
    ``verdict``. A kept clause whose verb takes a clause as its object ("checks whether it
    fits the profile") takes that clause into its quote."""
    past = _told_in_past(found)
    texts = {turn.index: turn.text for turn in transcript.turns}
    with_main = {
        (c.turn, c.clause.sentence)
        for c in found
        if c.clause.verb is not None and not c.clause.link
    }
    kept: list[EnglishCandidate] = []
    for k, candidate in enumerate(found):
        text = texts.get(candidate.turn, "")
        alone = (candidate.turn, candidate.clause.sentence) not in with_main
        candidate.verdict = _reason(candidate, past, _title_end(text), alone)
        if candidate.verdict:
            continue
        following = found[k + 1] if k + 1 < len(found) else None
        if following is not None and _completes(candidate, following):
            candidate.clause = _joined(candidate.clause, following.clause, text)
        kept.append(candidate)
    return kept


def _reason(candidate: EnglishCandidate, past: bool, title_end: int, alone: bool) -> str:
    """Why description mode drops a candidate ("" keeps it); ``title_end``: where the turn's
    title line ends (0: none); ``alone``: no main clause in its sentence ("After the demo the
    customer receives ...": read as "after [it] ..." by the clause reader, yet no subordinate
    clause stands by itself)."""
    clause, verb = candidate.clause, candidate.clause.verb
    if clause.end <= title_end:
        return "title"
    if verb is None:
        marked = clause.marker or clause.item
        return "" if marked and candidate.words else "fragment"
    if clause.link and not (alone and clause.link == "when"):
        return "subordinate"  # "if ...", "when ...", "which ...": when or what, not a step
    if candidate.recap:
        return "recap"
    if _about_the_text(clause):
        return "about_the_text"
    if verb.negated or _denied_subject(clause):
        return "negated"
    if verb.modal in _HYPOTHETICAL:
        return "hypothetical"
    if verb.tense == "perfect" or verb.tense == "past" and not past:
        return "past"
    return _action_reason(candidate)


def _action_reason(candidate: EnglishCandidate) -> str:
    """ "no_action" for a state, an event or a remark; "" for an action."""
    clause, verb = candidate.clause, candidate.clause.verb
    assert verb is not None
    if candidate.actor == "thing" and verb.action in _EVENTS:
        return "no_action"
    acts = verb.light or verb.action not in ex.NON_ACTIONS - _ACTIONS_IN_PROCESS
    acts = acts or _passive_infinitive(clause)
    acts = acts or verb.catenative in ("go", "come") or _phrasal(clause)
    reply = re.sub(r"[^a-z' ]", "", clause.text.lower()).strip() in ex.REPLIES
    return "" if acts and not reply and not discourse(clause.text) else "no_action"


def _phrasal(clause: Clause) -> bool:
    """ "look up the customer", "go through the checklist": a phrasal verb that does something."""
    said = " " + " ".join(w.lemma for w in clause.words) + " "
    return any(f" {p} " in said for p in ex.PHRASAL_ACTIONS)


def _denied_subject(clause: Clause) -> bool:
    """ "No contract is extended without a review": a rule of what is not done."""
    verb = clause.verb
    before = [w.lower for w in clause.words if verb is not None and w.start < verb.head.start]
    return bool(before) and before[0] in ("no", "neither", "nothing", "nobody")


def _passive_infinitive(clause: Clause) -> bool:
    """ "Limits need to be approved", "it has to be signed": the participle is the action."""
    verb = clause.verb
    if verb is None or verb.head.lower != "be":
        return False
    after = [w for w in clause.words if w.start > verb.head.start][:1]
    return bool(after) and after[0].lower.endswith("ed")


def _about_the_text(clause: Clause) -> bool:
    """ "This procedure applies to ...", "The process ends": the text or the whole process
    (not "Deviations from this procedure ...": that phrase hangs on a noun before it)."""
    said = clause.subject_words
    if not said or said[-1] not in _ABOUT_THE_TEXT:
        return False
    lowers = [w.lower for w in clause.words]
    starts = [k for k in range(len(lowers)) if tuple(lowers[k : k + len(said)]) == said]
    return not starts or starts[0] == 0 or lowers[starts[0] - 1] not in ex.PREPOSITIONS


def _told_in_past(found: list[EnglishCandidate]) -> bool:
    """Whether the description is told in the past ("The clerk checked the order, then ..."):
    then the past is its routine, as the present is elsewhere."""
    tenses = [c.clause.verb.tense for c in found if c.clause.verb is not None and not c.clause.link]
    return bool(tenses) and sum(t == "past" for t in tenses) * 2 > len(tenses)


def _title_end(text: str) -> int:
    """Where the text's first line ends when it is a title (0 when not): more lines follow, it
    ends with no stop and is short ("Returns process for online orders")."""
    start = len(text) - len(text.lstrip())
    first, _, rest = text[start:].partition("\n")
    line = first.rstrip()
    if not rest.strip() or not line or line[-1] in ".!?:;," or len(line.split()) > 12:
        return 0
    return start + len(line)


def _completes(candidate: EnglishCandidate, following: EnglishCandidate) -> bool:
    """Whether the next clause is the object of this one's verb ("checks | whether ...")."""
    clause, nxt = candidate.clause, following.clause
    verb = clause.verb
    if verb is None or following.turn != candidate.turn or nxt.sentence != clause.sentence:
        return False
    said_after = [w for w in clause.words if w.start > verb.head.start]
    return (
        not said_after
        and nxt.link in ("relative", "that", "if")
        and bool(_OBJECT_CLAUSE.match(nxt.text))
    )


def _joined(clause: Clause, nxt: Clause, text: str) -> Clause:
    """One clause from a verb and its object clause, quoted from the turn ``text``."""
    return replace(
        clause, words=clause.words + nxt.words, end=nxt.end, text=text[clause.start : nxt.end]
    )
