"""The lone-step bar: a step the clustering left alone joins its nearest activity, or stays."""

from __future__ import annotations

import numpy as np

from salesmine.process import MergeSettings, Step, merge_steps
from salesmine.process.lone_steps import attach_lone_steps
from salesmine.process.merge import similarity_matrix
from salesmine.process.pair_model import PairModel, shipped_model
from salesmine.process.similarity import relative_positions


def steps(*accounts: tuple[str, int]) -> list[Step]:
    """One step per (employee, position); names do not matter to the bar."""
    return [Step(who, "x.txt", pos, f"шаг {pos}", f"шаг {pos}") for who, pos in accounts]


# Three people: А and Б tell activity 1 (steps 0, 2) and activity 2 (steps 1, 3); В's two steps
# (4, 5) were left alone by the clustering.
TEAM = steps(("А", 1), ("А", 2), ("Б", 1), ("Б", 2), ("В", 1), ("В", 2))
LABELS = [1, 2, 1, 2, 3, 4]


def similarity(pairs: dict[tuple[int, int], float]) -> np.ndarray:
    matrix = np.eye(6)
    for (i, j), value in pairs.items():
        matrix[i, j] = matrix[j, i] = value
    return matrix


def test_relative_positions_run_from_zero_to_one_per_account() -> None:
    assert relative_positions(TEAM).tolist() == [0.0, 1.0, 0.0, 1.0, 0.0, 1.0]


def test_lone_step_joins_the_activity_of_its_nearest_step_above_the_bar() -> None:
    matrix = similarity({(4, 0): 0.3, (4, 3): 0.2, (5, 3): 0.25})
    assert attach_lone_steps(matrix, LABELS, TEAM, bar=0.2) == [1, 2, 1, 2, 1, 2]
    assert attach_lone_steps(matrix, LABELS, TEAM, bar=0.28) == [1, 2, 1, 2, 1, 4]


def test_lone_step_told_far_from_the_activity_stays() -> None:
    # В's first step is like activity 2's steps, but 2 is told last and this step first.
    matrix = similarity({(4, 1): 0.9, (4, 3): 0.9})
    assert attach_lone_steps(matrix, LABELS, TEAM, bar=0.2) == LABELS


def test_lone_step_never_joins_an_activity_its_person_already_tells() -> None:
    team = steps(("А", 1), ("А", 2), ("Б", 1), ("Б", 2), ("А", 3))
    matrix = np.eye(5)
    matrix[4, 1] = matrix[1, 4] = 0.9
    assert attach_lone_steps(matrix, [1, 2, 1, 2, 3], team, bar=0.2) == [1, 2, 1, 2, 3]


def test_shared_activities_are_never_moved_and_without_any_nothing_changes() -> None:
    matrix = similarity({(0, 1): 0.9, (4, 5): 0.9})
    assert attach_lone_steps(matrix, LABELS, TEAM, bar=0.1)[:4] == LABELS[:4]
    alone = [1, 2, 3, 4, 5, 6]
    assert attach_lone_steps(matrix, alone, TEAM, bar=0.0) == alone


def test_model_json_keeps_the_bar_and_the_merge_uses_it() -> None:
    model = shipped_model("ru")
    assert model is not None
    with_bar = PairModel(model.features, model.coefficients, model.intercept, 0.37, attach=0.18)
    assert PairModel.from_json(with_bar.to_json()) == with_bar
    without = PairModel(model.features, model.coefficients, model.intercept, 0.37)
    assert "attach" not in without.to_json() and PairModel.from_json(without.to_json()) == without
    team = [
        Step("Анна", "a.txt", 1, "обзванивать клиентов из базы", "Обзваниваю клиентов из базы"),
        Step("Анна", "a.txt", 2, "выслать КП", "Высылаю КП"),
        Step("Борис", "b.txt", 1, "сделать прозвон базы", "Делаю прозвон базы"),
        Step("Борис", "b.txt", 2, "отправить КП клиенту", "Отправляю КП клиенту"),
        Step("Вера", "c.txt", 1, "набрать номера", "Набираю номера"),
        Step("Вера", "c.txt", 2, "цена", "Потом цена"),
    ]
    ordered = sorted(team, key=lambda s: (s.employee, s.position))
    matrix = similarity_matrix(ordered, MergeSettings(pair_model=without))
    lone = [i for i in range(len(ordered)) if ordered[i].name == "цена"][0]
    others = [j for j in range(len(ordered)) if ordered[j].employee != "Вера"]
    near = float(max(matrix[lone, j] for j in others))
    assert 0.0 < near < without.threshold  # the clustering leaves the step alone
    # a bar above the step's best pair keeps it personal, one below it attaches it
    high = merge_steps(team, settings=MergeSettings(pair_model=replace_bar(without, near + 0.01)))
    low = merge_steps(team, settings=MergeSettings(pair_model=replace_bar(without, near / 2)))
    name = {s.name: s.activity_id for s in high.steps}, {s.name: s.activity_id for s in low.steps}
    assert name[0]["цена"] == "personal"
    assert name[1]["цена"] != "personal"


def replace_bar(model: PairModel, bar: float) -> PairModel:
    return PairModel(
        model.features, model.coefficients, model.intercept, model.threshold, attach=bar
    )
