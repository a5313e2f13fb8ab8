"""One step told in different words by different people is one activity (``told_apart``), and the
concept lexicon knows the stock check and the shipment the seller arranges."""

from __future__ import annotations

import numpy as np

from salesmine.process import Step
from salesmine.process.concepts import concept_of
from salesmine.process.told_apart import join_told_apart


def step(who: str, position: int, name: str) -> Step:
    return Step(who, f"{who}.txt", position, name, name)


# Four people: А and Б "оформляют доставку", В and Г "планируют отгрузки" — each as their last
# step; everyone calls first. The clustering made the two wordings two groups.
TEAM = [
    *(step(w, 1, "позвонить клиенту") for w in "АБВГ"),
    *(step(w, 2, "оформить доставку") for w in "АБ"),
    *(step(w, 2, "планировать отгрузки") for w in "ВГ"),
]
LABELS = [1, 1, 1, 1, 2, 2, 3, 3]


def team_similarity(across: float) -> np.ndarray:
    """0.9 within the groups, ``across`` between the two delivery wordings, 0.02 elsewhere."""
    matrix = np.full((8, 8), 0.02)
    for group in ([0, 1, 2, 3], [4, 5], [6, 7]):
        matrix[np.ix_(group, group)] = 0.9
    matrix[np.ix_([4, 5], [6, 7])] = across
    matrix[np.ix_([6, 7], [4, 5])] = across
    return matrix


def test_two_wordings_of_one_step_by_different_people_join() -> None:
    labels = join_told_apart(team_similarity(0.15), LABELS, TEAM)
    assert labels[4] == labels[5] == labels[6] == labels[7]
    assert labels[0] != labels[4]


def test_groups_unlike_each_other_stay_apart() -> None:
    assert join_told_apart(team_similarity(0.05), LABELS, TEAM) == LABELS


def test_a_person_telling_both_keeps_them_apart() -> None:
    # А tells both wordings, as two steps: two things (the place is left out of the test)
    one = [*TEAM[:6], step("А", 3, "планировать отгрузки"), step("Г", 2, "планировать отгрузки")]
    assert join_told_apart(team_similarity(0.15), LABELS, one, gap=1.0) == LABELS
    # unless one teller in common is allowed (session 14's setting)
    labels = join_told_apart(team_similarity(0.15), LABELS, one, gap=1.0, shared_tellers=1)
    assert labels[4] == labels[6]


def test_groups_told_at_different_places_stay_apart() -> None:
    # В and Г tell their step first and call after: the same words, another place in the account
    steps = [
        *TEAM[:2],
        step("В", 2, "позвонить клиенту"),
        step("Г", 2, "позвонить клиенту"),
        *TEAM[4:6],
        step("В", 1, "планировать отгрузки"),
        step("Г", 1, "планировать отгрузки"),
    ]
    assert join_told_apart(team_similarity(0.15), LABELS, steps) == LABELS


def test_the_result_does_not_depend_on_label_numbers() -> None:
    relabelled = [7, 7, 7, 7, 3, 3, 5, 5]
    labels = join_told_apart(team_similarity(0.15), relabelled, TEAM)
    assert len({labels[i] for i in range(4, 8)}) == 1 and labels[0] == 7


def test_stock_check_and_arranged_shipment_have_their_concepts() -> None:
    assert concept_of(["проверять", "остаток"], head="проверять").name == "STOCK"
    assert concept_of(["смотреть", "склад"], head="смотреть").name == "STOCK"
    assert concept_of(["наличие", "в", "1с"]).name == "STOCK"
    assert concept_of(["оформить", "доставка"], head="оформить").name == "DELIVERY"
    assert concept_of(["передавать", "заявка", "склад"], head="передавать").name == "DELIVERY"
    # the contract and an incoming request keep theirs
    assert concept_of(["оформить", "договор"], head="оформить").name == "SIGN"
    assert concept_of(["принимать", "заявка"], head="принимать").name == "LEAD"
