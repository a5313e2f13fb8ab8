"""The learned step tagger: candidates with the rules' verdicts, features, scoring, training."""

from __future__ import annotations

from dataclasses import replace

import pytest

from salesmine.errors import ModelError
from salesmine.process import extract_steps
from salesmine.process.evaluation import match_quotes as match
from salesmine.process.step_features import FEATURES, features
from salesmine.process.step_model import TAGGER_FEATURES, StepTagger, from_json, load_tagger
from salesmine.process.step_training import Interview, fit, label
from salesmine.process.steps import judged

STORY = """
Интервьюер: Расскажите по шагам, как вы продаёте.
Анна: Сначала я звоню клиенту и назначаю встречу. Однажды клиент звонит мне ночью, и я еду к нему.
Интервьюер: А потом?
Анна: Потом отправляю КП. Если клиент молчит, я иногда пишу ему. В конце подписываем договор.
"""


def _tagger(bias: float) -> StepTagger:
    n = len(TAGGER_FEATURES)
    return StepTagger((0.0,) * n, bias, (0.0,) * n, (1.0,) * n, 0.5)


def test_candidates_carry_why_the_rules_drop_them(interview) -> None:  # type: ignore[no-untyped-def]
    found, steps = judged(interview(STORY, interviewee="Анна"))
    verdicts = {c.clause.quote: c.verdict for c in found if c.clause is not None}
    assert verdicts["Однажды клиент звонит мне ночью, и я еду к нему"] in ("story", "in_story")
    assert all(c.verdict == "new" for c in steps)
    # every candidate the rules kept or folded went through collapse; the rest name a reason
    assert {c.verdict for c in found} >= {"new"}
    assert all(c.verdict for c in found)


def test_someone_elses_action_is_proposed_as_dropped(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
Интервьюер: Как идёт сделка?
Олег: Потом клиент присылает реквизиты, и я выставляю счёт.
"""
    found, steps = judged(interview(text, interviewee="Олег"))
    verdicts = {c.clause.quote: c.verdict for c in found if c.clause is not None}
    assert verdicts["Потом клиент присылает реквизиты"] == "not_own"
    assert [c.head for c in steps] == ["выставлять"]


def test_a_grown_quote_ends_before_a_clause_kept_on_its_own(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
Интервьюер: Как идёт сделка?
Олег: Договор готовлю, подписываю у клиента.
"""
    # (one sentence: two short sentences are two steps for the rules too since session 3)
    transcript = interview(text, interviewee="Олег")
    rules = [s.quote for s in extract_steps(transcript)]
    assert rules == ["Договор готовлю, подписываю у клиента"]  # one step for the rules
    tagged = [s.quote for s in extract_steps(transcript, tagger=_tagger(5.0))]
    assert tagged == ["Договор готовлю", "подписываю у клиента"]


def test_rules_only_is_the_default(interview) -> None:  # type: ignore[no-untyped-def]
    transcript = interview(STORY, interviewee="Анна")
    _, steps = judged(transcript)
    assert [s.quote for s in extract_steps(transcript)] == [c.step.quote for c in steps]


def test_features_have_fixed_width_and_are_deterministic(interview) -> None:  # type: ignore[no-untyped-def]
    found, _ = judged(interview(STORY, interviewee="Анна"))
    rows = features(found)
    assert len(rows) == len(found) and all(len(r) == len(FEATURES) for r in rows)
    assert rows == features(judged(interview(STORY, interviewee="Анна"))[0])


def test_tagger_bias_decides_when_weights_are_zero(interview) -> None:  # type: ignore[no-untyped-def]
    transcript = interview(STORY, interviewee="Анна")
    found, _ = judged(transcript)
    assert extract_steps(transcript, tagger=_tagger(-5.0)) == ()
    everything = extract_steps(transcript, tagger=_tagger(5.0))
    assert len(everything) == len(found)
    # a candidate the rules folded or dropped keeps only its own clause as its quote
    assert any(s.quote.endswith("и я еду к нему") for s in everything)


def test_json_round_trip_and_version_check() -> None:
    tagger = _tagger(0.25)
    assert from_json(tagger.to_json()) == tagger
    stale = {**tagger.to_json(), "features": ["old"]}
    with pytest.raises(ModelError):
        from_json(stale)


def test_shipped_tagger_loads_and_tags_deterministically(interview) -> None:  # type: ignore[no-untyped-def]
    tagger = load_tagger()
    assert tagger is not None and tagger.names == TAGGER_FEATURES
    transcript = interview(STORY, interviewee="Анна")
    first = extract_steps(transcript, tagger=tagger)
    assert first == extract_steps(transcript, tagger=tagger)
    quotes = " ".join(s.quote for s in first)
    assert "звоню" in quotes and "договор" in quotes
    assert "еду" not in quotes  # the story holds no step


def test_match_is_the_benchmark_rule() -> None:
    gold = ["звоню клиенту", "отправляю КП на почту"]
    # half of the shorter quote's words shared; one-to-one, best overlap first, then the
    # nearest in order
    assert match(["отправляю КП", "звоню", "звоню клиенту сразу"], gold) == {0: 1, 1: 0}
    assert match(["звоню клиенту сразу", "отправляю"], gold) == {0: 0, 1: 1}
    assert match(["пишу письмо"], gold) == {}


def test_labels_match_the_rules_steps_first(interview) -> None:  # type: ignore[no-untyped-def]
    found, steps = judged(interview(STORY, interviewee="Анна"))
    gold = ["звоню клиенту", "назначаю встречу", "отправляю КП", "пишу ему", "подписываем договор"]
    labels = label(found, steps, gold)
    positive = [(c.clause or c.step).quote for c, y in zip(found, labels, strict=True) if y]
    # a step the rules drop is a positive
    assert "Если клиент молчит, я иногда пишу ему" in positive
    assert sum(labels) == len(gold)


def test_fit_is_deterministic_and_learns_the_signal(interview) -> None:  # type: ignore[no-untyped-def]
    found, steps = judged(interview(STORY, interviewee="Анна"))
    rows = features(found)
    labels = [int(c.verdict == "new") for c in found]
    sets = [[Interview("a", found, steps, rows, labels, [])]] * 2
    one, two = fit(sets, c=1.0), fit(sets, c=1.0)  # weakly regularised: a tiny set
    assert one == two
    kept = [p >= 0.5 for p in one.probabilities(found)]
    assert sum(k == bool(y) for k, y in zip(kept, labels, strict=True)) >= len(found) - 1
    assert replace(one, threshold=0.9).threshold == 0.9
