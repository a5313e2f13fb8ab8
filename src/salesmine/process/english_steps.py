"""Step extraction from an English interview: the interviewee's ordered steps.

Each interviewee turn is read as clauses (``english_clauses``, ``english_verbs``,
``english_subjects``): what is done, who does it, how it is said. A clause is a candidate step
when it has a verb (or, after "then" or in a list, names an activity: "Then the qualification
call."); ``english_candidates`` places it in the interview and ``english_rules`` keeps it when

- the person (or sellers in general, when a head of sales or a playbook speaks; the person as
  "you" when they tell it that way) does it: "I", "we", an imperative, "and" + verb; not the
  client, procurement, legal, a colleague by name, the onboarding or projects team, nor a
  passive done "by the Commercial Director"; not a question the seller asks ("do they own it");
- it is the routine: present tense (or the past, when the whole process is told as one deal),
  not "might" / "could" / "should", not negated nor skipped ("I skip it"), not a story ("I had
  one guy ..."), not the condition of an "if" nor a "because" / "which" clause, not a side
  action under a condition other than the deal going on ("if it's a big deal" / "if it's a
  house, ...", "unless ...", "when we lose one", "... if I can get the meeting"; "if they're
  keen" goes on), not done "sometimes", not taken back ("no, forget that"), not disclaimed
  ("that's not really a step");
- the answer is about the process: not to "what would you change?", "and if they don't?", "can
  you sum it up?", "you're the account manager, right?", "do you have targets?", nor a recap
  ("So in short: lead in, qualify, demo"; "log it, call, survey, quote, contract"), nor advice
  after "anything else?" ("Write that down"), nor the order re-told after "why?";
- it tells something new: the first such clause of its answer, or one opened by an order marker
  ("then", "after that"), or naming another sales activity; a second clause of the same sentence
  about the same thing ("and I chase it", "and fill out the fields") says more about its step,
  and so do the person's own words after a playbook step read aloud in the same answer.

A process description (an SOP, "The clerk receives the order. Then the manager checks it.") is
read in description mode instead (``english_description``): every role's actions are its steps.

Names: ``english_naming``. A learned tagger over the same evidence was tried in session 5 and did
not beat these rules leave one set out between the two English sets, so the rules decide. In
session 7 a logistic filter over the clauses the rules keep (place in the answer, order marker,
question kind, echo of the question, novelty, voice), leave one set out over en1, en2, en4, en5
and en6, did not either: it lowered the pooled F1 (0.80 -> 0.77-0.81, en2 and en4 always worse).
"""

from __future__ import annotations

from dataclasses import replace

from salesmine.process.english_candidates import EnglishCandidate, english_candidates
from salesmine.process.english_description import judge_description, reading_mode
from salesmine.process.english_naming import english_name
from salesmine.process.english_rules import judge
from salesmine.process.model import Step
from salesmine.records import Transcript


def to_steps(chosen: list[EnglishCandidate]) -> list[Step]:
    """The chosen candidates as steps in the person's order ("before that ..." goes before the
    step told just before it)."""
    steps: list[Step] = []
    for candidate in chosen:
        clause = candidate.clause
        name = english_name(clause)
        step = Step("", "", 0, name, clause.text, candidate.turn, clause.start, clause.end, "en")
        if clause.before_previous and steps:
            steps.insert(len(steps) - 1, step)
        else:
            steps.append(step)
    return steps


def extract_english(
    transcript: Transcript, interviewee: str, employee: str, mode: str = "auto"
) -> tuple[Step, ...]:
    """The interviewee's ordered steps; ``mode``: "interview", "description" or "auto" (which
    of the two the transcript is, ``english_description.reading_mode``)."""
    found, way = english_candidates(transcript, interviewee)
    if reading_mode(transcript, interviewee, mode) == "description":
        chosen = judge_description(found, transcript)
    else:
        chosen = judge(found, way)
    return tuple(
        replace(step, employee=employee, source=transcript.source, position=k)
        for k, step in enumerate(to_steps(chosen), start=1)
    )
