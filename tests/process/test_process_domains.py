"""The sales lexicon is not tied to insurance: a kitchen-equipment team (tests/data/process/
kitchen) — site visit and measurement, equipment selection, delivery and installation."""

from __future__ import annotations

from pathlib import Path

import pytest

from salesmine.process import discover_process

KITCHEN = Path(__file__).resolve().parent.parent / "data" / "process" / "kitchen"


@pytest.fixture(scope="module")
def kitchen(interview):  # type: ignore[no-untyped-def]
    transcripts = []
    for path in sorted(KITCHEN.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        speaker = text.splitlines()[1].partition(":")[0].strip()
        transcripts.append(interview(text, interviewee=speaker, source=path.name))
    return discover_process(transcripts)


def test_kitchen_activities_in_order(kitchen) -> None:  # type: ignore[no-untyped-def]
    concepts = [
        next(s.concept for s in kitchen.steps if s.activity_id == a.id) for a in kitchen.activities
    ]
    # "Сначала приходит заявка" (Petrov) is the lead coming in, as "1. Получить заявку" (Олег)
    assert concepts == [
        "LEAD",
        "CALL",
        "NEED",
        "MEET",
        "CALC",
        "OFFER",
        "OBJECTION",
        "SIGN",
        "DELIVERY",
        "AFTERSALE",
    ]
    assert [a.support for a in kitchen.activities] == [2, 2, 2, 3, 3, 3, 3, 3, 3, 2]


def test_other_peoples_work_is_not_a_step(kitchen) -> None:  # type: ignore[no-untyped-def]
    quotes = " ".join(s.quote for s in kitchen.steps)
    for said in ("технолог рисует", "Монтажники", "клиент оставляет", "Однажды", "Мне кажется"):
        assert said not in quotes


def test_personal_steps_and_names(kitchen) -> None:  # type: ignore[no-untyped-def]
    personal = {(s.employee, s.name) for s in kitchen.personal_steps}
    assert ("Сергей", "провести обучение поваров") in personal
    assert ("Мария", "занести клиента в амо") in personal
    assert all(" " in a.name for a in kitchen.activities)  # verb + object, never a bare verb
