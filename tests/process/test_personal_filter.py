"""The personal-step filter: a lone remark that is no step goes, a real one-off step stays."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from salesmine.errors import ModelError
from salesmine.process import (
    PERSONAL,
    MergeSettings,
    Step,
    discover_process,
    extract_steps,
    merge_steps,
)
from salesmine.process.personal_filter import (
    PERSONAL_FEATURES,
    PersonalFilter,
    from_json,
    lone_rows,
    shipped_filter,
    without,
)
from salesmine.process.personal_training import LoneSet, fit
from salesmine.process.step_model import load_tagger

INTERVIEWS = Path(__file__).resolve().parent.parent / "data" / "process" / "personal"

SHARED = (
    ("позвонить клиенту", "Сначала звоню клиенту"),
    ("назначить встречу", "Потом назначаю встречу"),
    ("подписать договор", "В конце подписываем договор"),
)
REMARK = Step("Ольга", "olga.txt", 0, "болтать", "а то я болтаю много", confidence=0.40)
REGISTRY = Step(
    "Ольга",
    "olga.txt",
    0,
    "проверить платежеспособность клиента по реестру",
    "Дальше я проверяю платёжеспособность клиента по реестру арбитражных дел",
    confidence=0.93,
)


def _account(who: str, extra: tuple[tuple[int, Step], ...] = ()) -> list[Step]:
    """One person's shared steps, with ``extra`` steps inserted at the given places."""
    steps = [Step(who, f"{who}.txt", 0, n, q, confidence=0.95) for n, q in SHARED]
    for place, step in extra:
        steps.insert(place, replace(step, employee=who, source=f"{who}.txt"))
    return [replace(s, position=k) for k, s in enumerate(steps, start=1)]


def _team() -> list[Step]:
    return _account("Ирина") + _account("Павел") + _account("Ольга", ((0, REMARK), (2, REGISTRY)))


def _quotes(steps: tuple[Step, ...], who: str) -> list[tuple[int, str, str]]:
    return [(s.position, s.activity_id, s.quote) for s in steps if s.employee == who]


def test_a_lone_remark_goes_and_a_lone_real_step_stays() -> None:
    process = merge_steps(_team())
    olga = _quotes(process.steps, "Ольга")
    assert [q for _, _, q in olga] == [
        "Сначала звоню клиенту",
        REGISTRY.quote,
        "Потом назначаю встречу",
        "В конце подписываем договор",
    ]
    assert [p for p, _, _ in olga] == [1, 2, 3, 4]  # positions close up over the dropped remark
    assert olga[1][1] == PERSONAL
    assert [a.support for a in process.activities] == [3, 3, 3]


def test_without_the_filter_every_lone_step_stays() -> None:
    process = merge_steps(_team(), settings=MergeSettings(personal_filter=False))
    assert REMARK.quote in [q for _, _, q in _quotes(process.steps, "Ольга")]
    assert len(process.steps) == 11


def test_steps_the_tagger_never_judged_are_kept() -> None:
    # English steps and discovery without the tagger carry no confidence: nothing to weigh
    team = [replace(s, confidence=None) for s in _team()]
    assert len(merge_steps(team).steps) == 11


def test_a_shared_step_is_never_judged_however_unsure_the_tagger_was() -> None:
    team = [replace(s, confidence=0.01) if s.name == "назначить встречу" else s for s in _team()]
    process = merge_steps(team)
    assert sum(s.name == "назначить встречу" for s in process.steps) == 3


def test_the_merge_with_the_filter_is_deterministic() -> None:
    team = _team()
    assert merge_steps(team) == merge_steps(list(reversed(team)))


@pytest.mark.parametrize(
    ("keep", "positions"),
    [
        ([True, True, True], [1, 2, 3]),
        ([False, True, True], [1, 2]),
        ([True, False, True], [1, 2]),
    ],
)
def test_dropped_steps_close_up_their_account(keep: list[bool], positions: list[int]) -> None:
    account = _account("Павел")
    assert [s.position for s in without(account, keep)] == positions


def test_the_tagger_puts_its_probability_on_each_step(interview) -> None:  # type: ignore[no-untyped-def]
    text = (INTERVIEWS / "pavel.txt").read_text(encoding="utf-8")
    transcript = interview(text, interviewee="Павел")
    tagged = extract_steps(transcript, tagger=load_tagger())
    assert tagged and all(0.0 < (s.confidence or 0.0) <= 1.0 for s in tagged)
    assert all(s.confidence is None for s in extract_steps(transcript))


def test_interviews_through_discovery_lose_the_chatter_and_keep_the_registry_check(
    interview,  # type: ignore[no-untyped-def]
) -> None:
    transcripts = []
    for path in sorted(INTERVIEWS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        speaker = text.splitlines()[1].partition(":")[0].strip()
        transcripts.append(interview(text, interviewee=speaker, source=path.name))
    quotes = {s.quote: s for s in discover_process(transcripts).steps if s.employee == "Ольга"}
    assert not any("болтаю" in q for q in quotes)
    registry = next(s for q, s in quotes.items() if "реестру" in q)
    assert registry.activity_id == PERSONAL
    unfiltered = discover_process(transcripts, settings=MergeSettings(personal_filter=False))
    # the tagger lets the remark through: the filter drops it
    assert any("болтаю" in s.quote for s in unfiltered.steps)


def test_the_shipped_filter_reads_back_and_rejects_other_features() -> None:
    model = shipped_filter()
    assert model is not None and model.language == "ru"
    assert from_json(model.to_json()) == model
    stale = model.to_json().replace('"account_length"', '"something_else"')
    with pytest.raises(ModelError):
        from_json(stale)


def _lone_set(name: str, steps: list[Step], targets: list[int]) -> LoneSet:
    indices = list(range(len(steps)))
    rows = lone_rows(steps, indices)
    return LoneSet(name, None, steps, indices, 2, rows, targets, [], [])  # type: ignore[arg-type]


def test_fitting_is_byte_reproducible_and_learns_the_tagger_s_doubt() -> None:
    sure = [replace(REGISTRY, employee=f"p{k}", confidence=0.9) for k in range(4)]
    unsure = [replace(REMARK, employee=f"q{k}", confidence=0.3) for k in range(4)]
    sets = [
        _lone_set("a", sure[:2] + unsure[:2], [1, 1, 0, 0]),
        _lone_set("b", sure[2:] + unsure[2:], [1, 1, 0, 0]),
    ]
    first, second = fit(sets), fit(sets)
    assert first.to_json() == second.to_json()
    assert len(first.weights) == len(PERSONAL_FEATURES)
    step, remark = lone_rows(sure, [0])[0], lone_rows(unsure, [0])[0]
    assert first.probability(step) > 0.5 > first.probability(remark)


def test_a_filter_of_another_language_is_not_applied() -> None:
    model = shipped_filter()
    assert model is not None
    english = MergeSettings(personal_model=replace(model, language="en"))
    assert len(merge_steps(_team(), settings=english).steps) == 11
    assert isinstance(MergeSettings().filter_for(_team()), PersonalFilter)
