"""Lemma priors and the context against the step before: the step tagger's added evidence."""

from __future__ import annotations

from salesmine.process.step_context import CONTEXT_FEATURES, context_features
from salesmine.process.step_features import FEATURES, features
from salesmine.process.step_model import from_json
from salesmine.process.step_priors import PRIOR, PRIOR_FEATURES, Priors, learn
from salesmine.process.step_training import Interview, _rows, fit
from salesmine.process.steps import judged

TOLD = """
Интервьюер: Расскажите по шагам, как вы продаёте.
Олег: Сначала звоню клиенту. Потом встречаюсь с ним. Выставляю счёт. Я немного волнуюсь.
"""


def _found(interview):  # type: ignore[no-untyped-def]
    return judged(interview(TOLD, interviewee="Олег"))


def test_priors_are_smoothed_rates_each_set_weighing_the_same(interview) -> None:  # type: ignore[no-untyped-def]
    found, _ = _found(interview)
    heads = [c.head for c in found]
    ones = [1] * len(found)
    zeros = [0] * len(found)
    priors = learn([[(found, ones)], [(found, zeros)]])
    # two sets of equal weight, one all steps, one none: every lemma halfway, the prior pulls
    assert all(abs(priors.heads[h] - 0.5) < 0.01 for h in heads)
    row = priors.row(found[0])
    assert len(row) == len(PRIOR_FEATURES) and row[1] == 1.0
    assert Priors().row(found[0]) == [PRIOR, 0.0, PRIOR, 0.0, PRIOR, PRIOR]  # nothing learnt


LISTED = """
Интервьюер: Что потом?
Олег: Выставляем счёт, заказываем у поставщика, привозим клиенту.
"""
APART = """
Интервьюер: Что потом?
Олег: Заказываем у поставщика. Потом привозим клиенту.
"""


def test_folded_clauses_get_rates_learnt_on_folded_clauses_only(interview) -> None:  # type: ignore[no-untyped-def]
    listed, _ = judged(interview(LISTED, interviewee="Олег"))
    apart, _ = judged(interview(APART, interviewee="Олег"))
    folded = [c.verdict == "merge" for c in listed]
    assert not folded[0] and any(folded)  # the list's later verbs fold into the first
    # told apart the verbs start steps; folded into the list they are sub-actions here
    priors = learn([[(listed, [int(not f) for f in folded])], [(apart, [1] * len(apart))]])
    head = PRIOR_FEATURES.index("head_prior")
    folded_head = PRIOR_FEATURES.index("folded_head_prior")
    later = listed[folded.index(True)]
    assert priors.row(later)[head] > 0.4  # half the sets: a step
    assert priors.row(later)[folded_head] < 0.05  # folded: never
    assert priors.row(listed[0])[folded_head] == PRIOR  # a kept clause has no folded rate


def test_a_sets_priors_come_from_the_other_sets(interview) -> None:  # type: ignore[no-untyped-def]
    found, steps = _found(interview)
    rows = features(found)
    on = Interview("a", found, steps, rows, [1] * len(found), [])
    off = Interview("b", found, steps, rows, [0] * len(found), [])
    head = len(FEATURES)  # the first prior column: the action word's rate
    assert all(r[head] < 0.1 for r in _rows([[on], [off]], 0))  # only "b" taught set "a"
    assert all(r[head] > 0.9 for r in _rows([[on], [off]], 1))


def test_tagger_with_priors_round_trips_through_json(interview) -> None:  # type: ignore[no-untyped-def]
    found, steps = _found(interview)
    labels = [k % 2 for k in range(len(found))]  # both classes, whatever the rules kept
    sets = [[Interview("a", found, steps, features(found), labels, [])]] * 3
    tagger = fit(sets, c=1.0)
    assert tagger.priors.heads  # learnt on the sets
    again = from_json(tagger.to_json())
    assert [round(p, 3) for p in again.probabilities(found)] == [
        round(p, 3) for p in tagger.probabilities(found)
    ]


def test_context_says_how_a_clause_stands_against_the_step_before(interview) -> None:  # type: ignore[no-untyped-def]
    found, _ = _found(interview)
    rows = context_features(found)
    assert all(len(r) == len(CONTEXT_FEATURES) for r in rows)
    assert len(features(found)[0]) == len(FEATURES)
    by_head = {c.head: r for c, r in zip(found, rows, strict=True)}
    own = CONTEXT_FEATURES.index("own_verb")
    other = CONTEXT_FEATURES.index("prev_other_head")
    assert by_head["выставлять"][own] == 1.0 and by_head["выставлять"][other] == 1.0
