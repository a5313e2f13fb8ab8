"""Features of an English candidate step for the learned tagger: grammar and interview evidence
that should hold for any English interview, not the words of one company.

Each candidate (``english_steps.EnglishCandidate``, judged by the rules) becomes a fixed-order
vector: the rules' verdict, who acts, tense and modality, how the clause hangs on its sentence,
what the question before the answer asked, where the clause stands in its answer and interview,
whether it names a sales activity, and whether it says something new.
"""

from __future__ import annotations

import math

from salesmine.process import english_lexicon as ex
from salesmine.process.english_candidates import EnglishCandidate
from salesmine.process.english_context import Voice
from salesmine.process.english_rules import own_actors

VERDICTS = (
    "fragment subordinate asked_recap asked_branch asked_opinion asked_small recap story "
    "exception not_own negated hypothetical past no_action elaborates heading"
).split()
ACTORS = "self we none you team other thing passive".split()
TENSES = "pres past perfect future prog base".split()
LINKS = "if when because relative to that".split()
ASKS = "next other none recap branch opinion small".split()
_HYPOTHETICAL = frozenset("might may could would".split())
_OBLIGED = frozenset("have need must mean suppose should".split())

FEATURES: tuple[str, ...] = (
    *(f"verdict_{v}" for v in VERDICTS),
    "rules_kept",
    "own",
    "prescribed",
    *(f"actor_{a}" for a in ACTORS if a not in ("team", "passive")),
    "routine_tense",
    *(f"tense_{t}" for t in TENSES),
    "fragment",
    "hypothetical",
    "can",
    "obliged",
    "negated",
    "light",
    "catenative",
    "non_action",
    "activity_verb",
    "activity_noun",
    "activity_words",
    *(f"link_{k}" for k in LINKS),
    "after_condition",
    "condition_follows",
    "marker",
    "before_previous",
    "item",
    "quoted",
    *(f"asked_{k}" for k in ASKS),
    "asked_overlap",
    "story",
    "recap",
    "hedge",
    "frequent",
    "rare",
    "first_in_answer",
    "first_own_in_answer",
    "in_answer",
    "answer_share",
    "first_answer",
    "clause_words",
    "sentence_words",
    "said_before",
    "said_in_answer",
    "first_in_sentence",
)


def features(found: list[EnglishCandidate], way: Voice) -> list[list[float]]:
    """One vector (in ``FEATURES`` order) per candidate of one interview, in told order."""
    last = max((c.answer for c in found), default=0) or 1
    first_answer = min((c.answer for c in found), default=0)
    rows: list[list[float]] = []
    seen: set[str] = set()
    own_seen: set[int] = set()
    for k, candidate in enumerate(found):
        answer_words: set[str] = set()
        for other in found[:k]:
            if other.answer == candidate.answer:
                answer_words |= other.words
        own = _own_routine(candidate)
        first_own = own and candidate.answer not in own_seen
        if own:
            own_seen.add(candidate.answer)
        following = found[k + 1] if k + 1 < len(found) else None
        place = (
            float(first_own), candidate.answer / last, float(candidate.answer == first_answer),
            _new_share(candidate.words, seen), _new_share(candidate.words, answer_words),
            float(k == 0 or found[k - 1].clause.sentence != candidate.clause.sentence
                  or found[k - 1].turn != candidate.turn),
            float(_condition_follows(candidate, following)),
        )  # fmt: skip
        rows.append(_vector(candidate, way, place))
        seen |= candidate.words
    return rows


def _own_routine(candidate: EnglishCandidate) -> bool:
    verb = candidate.clause.verb
    return (
        verb is not None
        and candidate.actor in ("self", "we", "none")
        and not candidate.clause.link
        and verb.tense in ("pres", "prog", "base")
        and not verb.negated
    )


def _new_share(words: frozenset[str], before: set[str]) -> float:
    """The share of a clause's activity words said before (0 when it names none)."""
    return len(words & before) / len(words) if words else 0.0


def _condition_follows(candidate: EnglishCandidate, following: EnglishCandidate | None) -> bool:
    """ "I set up a trial, if they want one": the step holds under a condition told after it."""
    if following is None or following.turn != candidate.turn:
        return False
    return following.clause.sentence == candidate.clause.sentence and following.clause.link == "if"


def _vector(candidate: EnglishCandidate, way: Voice, place: tuple[float, ...]) -> list[float]:
    clause, verb = candidate.clause, candidate.clause.verb
    first_own, share, first_answer, said_before, said_in_answer, first_sentence, cond = place
    values = [float(candidate.verdict == v) for v in VERDICTS]
    values.append(float(not candidate.verdict))
    # who acts and when, relative to how the person tells the process: "the reps send" is the
    # process from a head of sales, "I rang them" from someone telling one deal
    values += [float(candidate.actor in own_actors(way))]
    values.append(float(verb is not None and verb.modal in ex.NORMS))
    values += [float(candidate.actor == a) for a in ACTORS if a not in ("team", "passive")]
    tense = verb.tense if verb is not None else ""
    routine = tense in ("pres", "prog", "base") or tense == "past" and way.story
    values.append(float(routine))
    values += [float(tense == t and not (t == "past" and way.story)) for t in TENSES]
    values.append(float(verb is None))
    values += _verb_values(candidate)
    values += [float(clause.link == k) for k in LINKS]
    values += [float(bool(clause.condition)), cond]
    values += [float(clause.marker), float(clause.before_previous), float(clause.item)]
    values.append(float(clause.quoted))
    values += [float(candidate.asked.kind == k) for k in ASKS]
    values.append(_overlap(candidate))
    values += [float(candidate.story), float(candidate.recap), float(candidate.hedge)]
    lowers = {w.lower for w in clause.words}
    values += [float(bool(lowers & ex.FREQUENT)), float(bool(lowers & ex.RARE))]
    values += [float(candidate.in_answer == 0), first_own, min(candidate.in_answer, 6) / 6]
    values += [share, first_answer]
    spoken = sum(w.is_word for w in clause.words)
    values += [math.log1p(spoken), math.log1p(len(candidate.sentence_text.split()))]
    values += [said_before, said_in_answer, first_sentence]
    return values


def _verb_values(candidate: EnglishCandidate) -> list[float]:
    """Modality, negation and what kind of action the clause's verb is."""
    verb = candidate.clause.verb
    lemmas = {w.lemma for w in candidate.clause.words}
    nouns = float(bool(lemmas & ex.ACTIVITY_NOUNS))
    if verb is None:
        return [0.0] * 8 + [nouns, math.log1p(len(candidate.words))]
    return [
        float(verb.modal in _HYPOTHETICAL), float(verb.modal == "can"),
        float(verb.modal in _OBLIGED), float(verb.negated), float(verb.light),
        float(bool(verb.catenative)),
        float(verb.action in ex.NON_ACTIONS and not verb.light),
        float(verb.action in ex.ACTIVITY_VERBS or verb.light), nouns,
        math.log1p(len(candidate.words)),
    ]  # fmt: skip


def _overlap(candidate: EnglishCandidate) -> float:
    """The share of the clause's activity words the question named."""
    words = candidate.words
    asked = {w.rstrip("s") for w in candidate.asked.words}
    return len({w for w in words if w.rstrip("s") in asked}) / len(words) if words else 0.0
