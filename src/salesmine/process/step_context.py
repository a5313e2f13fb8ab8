"""Features of a candidate against the step the rules kept before it (Russian), for the tagger.

``elaboration.collapse`` folds a clause into the step before (merged, a lead-in), drops it as a
restatement, or skips it with a dropped answer. On a new writer a quarter of those are steps
("Выставляю счёт" after the call, "Менеджер согласует с клиентом дату" in a regulation read
out): the rules read a strong lexicon concept told before as a repeat. Rather than the rules
dropping them outright, the tagger gets what they decided and the evidence for and against it:
how much of the clause's words the step before said, whether its action word and activity
differ, how far it stands from that step, whether it opens another sentence, and whether it is
the person's own doing ("звоню", a head of sellers' "менеджер звонит").
"""

from __future__ import annotations

import math

from salesmine.process.candidates import Candidate

FOLDS = ("merge", "restated", "skip", "lead-in", "summary", "ignore")
CONTEXT_FEATURES: tuple[str, ...] = (
    *(f"fold_{f.replace('-', '_')}" for f in FOLDS),
    "prev_own_overlap",
    "prev_said_overlap",
    "prev_other_head",
    "prev_other_concept",
    "prev_distance",
    "prev_other_sentence",
    "prev_same_turn",
    "folded_new_sentence",
    "folded_own_verb",
    "folded_own_verb_new_sentence",
    "folded_strong",
    "own_verb",
    "folded_own_verb_new_words",
)
_FAR = 2000  # characters: a step in another turn stands this far back
_SPAN = 50  # characters per unit of distance


def context_features(found: list[Candidate]) -> list[list[float]]:
    """One vector (in ``CONTEXT_FEATURES`` order) per candidate of one interview, in told order
    (after ``collapse`` has judged them: a step it keeps grows ``said`` with what it folds in)."""
    rows: list[list[float]] = []
    last: Candidate | None = None  # the last step the rules kept
    for candidate in found:
        folded = candidate.verdict in FOLDS
        mine = _own_verb(candidate)
        other_sentence = last is None or _sentence(last) != _sentence(candidate)
        fresh = last is None or not candidate.own & last.said
        row = [float(candidate.verdict == f) for f in FOLDS]
        row += _against(candidate, last)
        row += [
            float(folded and other_sentence),
            float(folded and mine),
            float(folded and mine and other_sentence),
            float(folded and candidate.concept.strong),
            float(mine),
            float(folded and mine and fresh),
        ]
        rows.append(row)
        if candidate.verdict == "new":
            last = candidate
    return rows


def _against(candidate: Candidate, last: Candidate | None) -> list[float]:
    """The clause's words the step before said (its own clause; all it grew to), whether its
    action word and activity differ, how far back that step starts, whether it is in another
    sentence and in the same turn."""
    if last is None:
        return [0.0, 0.0, 1.0, 1.0, math.log1p(_FAR / _SPAN), 1.0, 0.0]
    own = candidate.own
    overlap = len(own & last.own) / len(own) if own else 0.0
    grown = len(own & last.said) / len(own) if own else 0.0
    name = candidate.concept.name
    same_turn = candidate.step.turn == last.step.turn
    distance = candidate.step.start - last.step.start if same_turn else _FAR
    return [
        overlap,
        grown,
        float(candidate.head != last.head),
        float(bool(name) and name != last.concept.name),
        math.log1p(max(distance, 0) / _SPAN),
        float(_sentence(last) != _sentence(candidate)),
        float(same_turn),
    ]


def _own_verb(candidate: Candidate) -> bool:
    """A finite present or future verb of the person ("звоню", "подпишем"), or of the sellers a
    head of sales tells of ("менеджер звонит")."""
    word = candidate.head_word
    if word is None or word.pos != "VERB" or word.tense not in ("pres", "futr"):
        return False
    return word.person == "1per" or (candidate.team and word.person == "3per")


def _sentence(candidate: Candidate) -> tuple[int, int]:
    """The candidate's sentence, by its first word (``collapse`` moves ``sentence`` on)."""
    first = candidate.context[0].start if candidate.context else candidate.sentence
    return candidate.step.turn, first
