"""A group several people tell twice is split in two in their order; a group cut twice stays."""

from __future__ import annotations

import numpy as np

from salesmine.process import Step
from salesmine.process.merge import final_groups, split_repeated


def team(*accounts: tuple[str, int, str]) -> list[Step]:
    return [Step(who, f"{who}.txt", pos, name, name) for who, pos, name in accounts]


# А, Б and В prepare the contract, then sign it; Г only signs: one group of seven steps.
CONTRACT = team(
    ("А", 1, "подготовить договор"),
    ("А", 2, "подписать договор"),
    ("Б", 1, "подготовить договор"),
    ("Б", 2, "подписать договор"),
    ("В", 1, "подготовить договор"),
    ("В", 2, "подписать договор"),
    ("Г", 1, "подписать договор"),
)
PREPARE = [0, 2, 4]


def similarity(steps: list[Step], alike: float, across: float) -> np.ndarray:
    """``alike`` between two steps of one name, ``across`` between the two names."""
    names = np.array([s.name for s in steps], dtype=object)
    matrix = np.where(names[:, None] == names[None, :], alike, across)
    np.fill_diagonal(matrix, 1.0)
    return matrix


def test_a_group_told_twice_by_several_people_splits_in_their_order() -> None:
    labels = split_repeated(similarity(CONTRACT, 0.9, 0.4), [1] * 7, CONTRACT)
    assert {labels[i] for i in PREPARE} == {1}
    assert len({labels[i] for i in range(7) if i not in PREPARE}) == 1
    assert labels[1] != 1  # the signing steps, Г's too, are one group of their own


def test_a_group_cut_twice_without_two_things_in_it_stays_whole() -> None:
    # every step is as like the other name as its own: no two activities to tell apart
    assert split_repeated(similarity(CONTRACT, 0.8, 0.8), [1] * 7, CONTRACT) == [1] * 7


def test_a_group_few_of_its_tellers_tell_twice_stays_whole() -> None:
    # two of seven tellers (below one in three) tell it twice: pieces or recaps, not two steps
    steps = [*CONTRACT[:4], *team(*((who, 1, "подписать договор") for who in "ДЕЖИК"))]
    assert split_repeated(similarity(steps, 0.9, 0.4), [1] * 9, steps) == [1] * 9


def test_the_split_is_asked_for_and_lone_steps_attach_after_it() -> None:
    matrix = similarity(CONTRACT, 0.9, 0.4)
    assert final_groups(matrix, CONTRACT, 0.3) == [1] * 7  # the trainers' clustering: no split
    split = final_groups(matrix, CONTRACT, 0.3, split=True)
    assert len(set(split)) == 2 and split == split_repeated(matrix, [1] * 7, CONTRACT)
