"""English candidate steps: every clause of the interviewee's turns (``english_clauses``), with
where it stands in the interview (``english_context``): what the interviewer asked before the
answer, whether it is inside a story or a recap, and who does it once "they" and "you" are read
for this speaker (a head of sales' "they" are the reps; a "you" narrator's "you" is themselves).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from salesmine.process import english_lexicon as ex
from salesmine.process.english_clauses import Clause, read_turn
from salesmine.process.english_context import (
    Asked,
    Voice,
    asked,
    hedged,
    lists_words,
    opens_recap,
    tells_story,
    voice,
)
from salesmine.process.english_subjects import who
from salesmine.records import Transcript
from salesmine.text import sentences


@dataclass
class EnglishCandidate:
    """A clause of the interviewee that may be a step, with where it stands in the interview."""

    clause: Clause
    turn: int  # Turn.index
    answer: int  # which answer (interviewer turns before it)
    asked: Asked
    actor: str  # who does it, "they" / "you" resolved: self, we, none, team, other, ...
    story: bool = False  # inside an anecdote
    recap: bool = False  # inside a recap of the steps
    hedge: bool = False  # its sentence is told as an opinion ("I think ...")
    story_told: bool = False  # the whole process is told as one deal, in the past
    in_answer: int = 0  # its place among the answer's candidates
    sentence_text: str = ""
    verdict: str = ""  # the rules' reason to drop it ("" keeps it)
    words: frozenset[str] = field(default_factory=frozenset)  # its content lemmas


def english_candidates(
    transcript: Transcript, interviewee: str
) -> tuple[list[EnglishCandidate], Voice]:
    """Every candidate of the interviewee's turns, in told order, and how they tell the process."""
    told = [c for t in transcript.turns if t.speaker == interviewee for c in read_turn(t.text)]
    way = voice(told, transcript.role)
    found: list[EnglishCandidate] = []
    question, answer, party = "", 0, "team" if way.team else "other"
    for turn in transcript.turns:
        if turn.speaker != interviewee:
            question, answer = turn.text, answer + 1
            # a head of sales' answers are about the sellers again unless the question turns
            # to the client ("And clients are slow." / "Then?" / "Then they fill out the apps.")
            party = _party(question, "team" if way.team else party)
            continue
        found += _turn_candidates(turn.text, turn.index, answer, asked(question), way, party)
        question = ""  # a second turn in a row goes on by itself
        party = next((_party_of(c.clause.subject, party) for c in reversed(found[-3:])), party)
    for k, candidate in enumerate(found):
        same = [c for c in found[:k] if c.answer == candidate.answer]
        candidate.in_answer = len(same)
    return found, way


def _turn_candidates(
    text: str, turn: int, answer: int, question: Asked, way: Voice, party: str
) -> list[EnglishCandidate]:
    spans = sentences(text, "en")
    story = recap = False
    found: list[EnglishCandidate] = []
    last_sentence = -1
    for clause in read_turn(text):
        said = spans[clause.sentence].text if clause.sentence < len(spans) else clause.text
        if clause.sentence != last_sentence:
            last_sentence = clause.sentence
            story = (story and not _back_to_process(clause)) or tells_story(said)
            recap = recap or opens_recap(said)
        actor = _actor(clause, way, party)
        party = _party_of(clause.subject, party)
        listed = _listed(clause, said)
        candidate = EnglishCandidate(clause, turn, answer, question, actor, story, recap or listed)
        candidate.hedge, candidate.sentence_text = hedged(said), said
        candidate.story_told = way.story
        candidate.words = frozenset(_activity_words(clause))
        found.append(candidate)
    return found


def _listed(clause: Clause, said: str) -> bool:
    """Whether a clause opens in a run of bare words ("So: log it, call, bills, site, design"),
    not one whose object is listed ("I qualify them on four things: budget, need, ...")."""
    return lists_words(said) and len(re.split(r"[,;:]", clause.text)[0].split()) <= 3


def _activity_words(clause: Clause) -> set[str]:
    """The sales-activity words of a clause ("meeting" as said: its lemma would be "meet")."""
    found = set()
    for word in clause.words:
        if word.lower in ex.ACTIVITY_NOUNS:
            found.add(word.lower[:-1] if word.lower.endswith("s") else word.lower)
        elif word.lemma in ex.ACTIVITY_NOUNS | ex.ACTIVITY_VERBS:
            found.add(word.lemma)
    if clause.verb is not None and clause.verb.catenative in ("go", "come"):
        found.add("visit")  # "I go and see them"
    return found


def _back_to_process(clause: Clause) -> bool:
    """ "Anyway. Then I send the proposal": a present-tense clause with an order marker."""
    verb = clause.verb
    return verb is not None and clause.marker and verb.tense in ("pres", "base", "prog")


def _actor(clause: Clause, way: Voice, party: str) -> str:
    subject = clause.subject
    if subject == "passive":  # "approved by the Commercial Director": whoever the agent is
        return _agent(clause) or subject
    if subject == "they":
        return "team" if way.team and party == "team" else "other"
    if subject == "you":
        return "self" if way.you else "you"
    if subject == "none" and clause.verb is not None and clause.verb.tense == "pres":
        return "thing"  # "Takes two minutes": "it" left out
    said = set(clause.subject_words)
    if said & {"my", "our"} and said & _DUTIES and clause.verb and "to" in clause.verb.aux:
        return "self" if "my" in said else "we"  # "My job is to book the meetings"
    return subject


_DUTIES = frozenset("job role task responsibility part thing bit".split())


def _agent(clause: Clause) -> str:
    """Who does a passive clause's action when "by" names them ("is written by me": self, "shall
    be approved by the Commercial Director": other); "" when none is named or it is a seller
    ("by an SDR": the passive stands, as a playbook tells the sellers' steps)."""
    verb = clause.verb
    after = [w for w in clause.words if verb is not None and w.start > verb.head.start][:3]
    by = next((w for w in after if w.lower == "by"), None)  # "drawn up by me"
    if by is None or any(w.lower not in ex.PARTICLES for w in after[: after.index(by)]):
        return ""
    phrase = []
    for word in clause.words[clause.words.index(by) + 1 :][:4]:
        if word.lower in ex.PREPOSITIONS or not word.is_word:
            break
        phrase.append(word)
    if not phrase or phrase[0].lower.endswith("ing"):  # "by offering a trial": how
        return ""
    if phrase[0].lower in ("me", "myself", "us", "ourselves"):
        return "self" if phrase[0].lower in ("me", "myself") else "we"
    kind = who(phrase)  # sellers ("by the account executive") are the playbook's process
    return "" if kind == "team" else "other"


def _party(question: str, party: str) -> str:
    """Whom the question's third persons are: sellers or the client's side."""
    said = f" {question.lower()} "
    if any(f" {w} " in said for w in ("reps", "sdrs", "aes", "sellers", "team", "salespeople")):
        return "team"
    if any(f" {w} " in said for w in ("client", "customer", "prospect", "buyer", "they're")):
        return "other"
    return party


def _party_of(subject: str, party: str) -> str:
    return subject if subject in ("team", "other") else party
