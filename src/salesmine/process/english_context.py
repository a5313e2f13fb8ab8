"""Where an English clause stands in its interview: what the interviewer asked before the answer,
whether the clause tells a story, a recap or the person's opinion, and who the speaker's "they"
and "you" are (a head of sales tells the reps' steps; some people tell theirs as "you ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from salesmine.process import english_lexicon as ex
from salesmine.process.english_clauses import Clause


def _pattern(text: str) -> re.Pattern[str]:
    phrases = [" ".join(p.split()) for p in text.split(",") if p.strip()]
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in phrases) + r")")


# What a question asks. The kinds are checked in this order; the first that matches names it.
QUESTION_KINDS = (
    (
        "recap",
        _pattern("""
        sum up, sum it up, summar, recap, in short, nutshell, one sentence, the whole thing,
        quick version, short version, run through it again, from the top, once more, one more time
    """),
    ),
    (
        "branch",
        _pattern("""
        if they don't, if they do not, if not, if it doesn't, if they say no, what if, lost,
        say no, goes cold, go cold, don't qualify, doesn't qualify, falls through, fall through,
        no-show, don't reply, don't respond, doesn't go, when it goes wrong, if the deal dies,
        disqualif, unqualified, too small, walk away, don't go your way, doesn't go your way,
        don't work out, doesn't work out, don't close, doesn't close, go wrong, goes wrong, lose,
        don't win, do not win
    """),
    ),
    (
        "opinion",
        _pattern("""
        change, improve, favourite, favorite, hardest, worst, best part, like about, frustrat,
        wish, advice, tips, enjoy, annoy, opinion, why, magic wand, hate, love, difficult,
        tricky, challenge, biggest, what do you think of, how do you feel, how do you find,
        you think, complain, a problem, any problem, caused, target, working for you, regret,
        what happened, how did that happen, has that happened, ever happened
    """),
    ),
    (
        "small",
        _pattern("""
        how long have, how long you, your name, what do you do here, your role, background,
        before this, how are you, weekend, coffee, introduce yourself, tell me about yourself,
        how did you get, what's your job, what is your job, hear me, you're the, you are the,
        you joined, your title, right title
    """),
    ),
    (
        "next",
        _pattern("""
        then, next, after that, what happens, walk me through, take me through, step by step,
        how do you, what do you do, comes after, happens after, start, first, begin, before
        that, from there, once, and after
    """),
    ),
    (
        "closing",
        _pattern("""
        anything else, anything we've missed, anything we missed, like to add, want to add,
        want us to know, anything to add
    """),
    ),
)


@dataclass(frozen=True)
class Asked:
    """What the interviewer's turn before an answer asked."""

    kind: str  # recap | branch | opinion | small | next | closing | other | none
    words: frozenset[str]  # its lowercase words
    question: bool  # it ends with (or holds) a question mark


def asked(question: str) -> Asked:
    """The kind of a question (``QUESTION_KINDS``); "none" when there was no question."""
    said = question.lower().replace("’", "'")
    if not said.strip():
        return Asked("none", frozenset(), False)
    # the question itself, not the "Thanks" or "Makes sense" before it
    asking = [s for s in re.split(r"(?<=[.!?])\s+", said) if "?" in s] or [said]
    kind = next(
        (k for k, pattern in QUESTION_KINDS if any(pattern.search(s) for s in asking)), "other"
    )
    words = frozenset(re.findall(r"[a-z']+", said))
    return Asked(kind, words, "?" in said)


_STORY = _pattern(",".join(ex.STORY_OPENERS))
_RECAP = _pattern(",".join(ex.RECAP_OPENERS))
_HEDGE = _pattern(",".join(ex.HEDGES))


def tells_story(text: str) -> bool:
    """Whether a sentence opens an anecdote ("I had one guy ...", "last month ...")."""
    return bool(_STORY.search(text.lower().replace("’", "'")))


def opens_recap(text: str) -> bool:
    """Whether a sentence sums the process up ("So in short: ...")."""
    said = text.lower().replace("’", "'")
    return bool(_RECAP.search(" ".join(said.split()[:6])))


def lists_words(text: str) -> bool:
    """Whether a sentence is a run of bare words ("find it, decide, survey, price, write"): a
    short clause in it restates steps rather than tells one."""
    pieces = [p.split() for p in re.split(r"[,;:]", text) if p.strip()]
    return len(pieces) >= 5 and sum(len(p) <= 2 for p in pieces) >= 4


def hedged(text: str) -> bool:
    """Whether a sentence is told as the person's opinion ("I think", "honestly")."""
    return bool(_HEDGE.search(text.lower().replace("’", "'")))


@dataclass(frozen=True)
class Voice:
    """How the interviewee tells the process: whose actions their third persons are."""

    team: bool  # a head of sales or a playbook reader: "the reps send" is the process
    passive: bool  # tells it in the passive ("the account is researched")
    you: bool  # tells it as "you call them, you book the meeting"
    story: bool = False  # tells it as one deal, in the past ("I rang Neil back and booked ...")


def voice(clauses: list[Clause], role: str = "") -> Voice:
    """The interview's voice, from its main clauses (and the person's role, when known)."""
    main = [c for c in clauses if c.verb is not None and not c.link and not c.verb.negated]
    count = {s: sum(c.subject == s for c in main) for s in ("self", "we", "you", "team", "passive")}
    own = count["self"] + count["we"]
    role_heads = bool(
        re.search(r"head of|director|\bvp\b|chief|sales manager|team lead|enablement", role.lower())
    )
    count["team"] += _their_steps(clauses)
    team = count["team"] >= 3 and count["team"] * 2 >= count["self"]
    team = team or role_heads and count["team"] > 0
    passive = count["passive"] >= 3 and count["passive"] * 4 >= len(main)
    mine = [c.verb.tense for c in main if c.subject in ("self", "we") and c.verb is not None]
    past = sum(t == "past" for t in mine)
    story = past >= 5 and past * 2 >= len(mine)
    return Voice(team, passive, count["you"] > max(3, own), story)


def _their_steps(clauses: list[Clause]) -> int:
    """Main clauses whose "they" are the sellers named before them: a head of sales says "The
    reps build their lists, and they work them by phone. Then they do a discovery call." ("they"
    after the client or another party named is theirs)."""
    count, party = 0, ""
    for clause in clauses:
        if clause.subject in ("team", "other"):
            party = clause.subject
        main = clause.verb is not None and not clause.link and not clause.verb.negated
        count += main and clause.subject == "they" and party == "team"
    return count
