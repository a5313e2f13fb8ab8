"""Session 9 merge fixes: booking onto an event is setting a meeting, a reminder is one activity
however it is sent, and one concept told early by some and late by others is one activity."""

from __future__ import annotations

import numpy as np

from salesmine.process import Step
from salesmine.process.merge import final_groups
from salesmine.process.similarity import booked, repeated_concepts, step_concepts, told_as
from salesmine.process.told_apart import join_complementary


def step(who: str, position: int, name: str, concept: str = "") -> Step:
    return Step(who, f"{who}.txt", position, name, name, concept=concept)


def test_booking_onto_an_event_is_setting_a_meeting_not_crm_work() -> None:
    steps = [
        step("А", 1, "записывать на примерку", "CRM"),
        step("Б", 1, "записать покупателя на дегустацию", "CRM"),
        step("В", 1, "пригласить на примерку", "MEET_SET"),
        step("Г", 1, "записывать заказ в CRM", "CRM"),
        step("Д", 1, "записать в CRM на завтра", "CRM"),
    ]
    assert step_concepts(steps) == ["MEET_SET", "MEET_SET", "MEET_SET", "CRM", "CRM"]
    assert booked("записаться на пробное занятие")
    assert not booked("записывать телефоны в тетрадь")


def test_a_reminder_is_one_activity_whatever_channel_the_verb_names() -> None:
    steps = [
        step("А", 1, "отправить напоминание покупателю", "CALL"),
        step("Б", 1, "напомнить гостю", "MEET"),
        step("В", 1, "написать напоминание в Telegram", "MEET_SET"),
        step("Г", 9, "напомнить о продлении", "AFTERSALE"),  # the after-sale reminder stays
    ]
    assert step_concepts(steps) == ["REMIND", "REMIND", "REMIND", "AFTERSALE"]


# Ш, Щ, Э and Ю file the order in the CRM first; Я and Ф tell it after the call, late in their
# accounts; everyone calls. The clustering keeps the early and the late CRM steps apart.
TEAM = [
    *(step(w, 1, "внести заказ в CRM", "CRM") for w in "ШЩЭЮ"),
    *(step(w, 2, "позвонить покупателю", "CALL") for w in "ШЩЭЮ"),
    *(step(w, 1, "позвонить покупателю", "CALL") for w in "ЯФ"),
    *(step(w, 5, "завести карточку", "CRM") for w in "ЯФ"),
]
EARLY, CALLS, LATE = list(range(4)), list(range(4, 10)), [10, 11]
LABELS = [1] * 4 + [2] * 6 + [3] * 2


def same_groups(a: list[int], b: list[int]) -> bool:
    """Whether two labellings group the steps alike (whatever the numbers)."""
    return len(set(a)) == len(set(b)) == len(set(zip(a, b, strict=True)))


def team_similarity(across: float) -> np.ndarray:
    """0.9 within the clustering's groups, ``across`` between the early and the late CRM steps,
    0.05 elsewhere."""
    matrix = np.full((12, 12), 0.05)
    for group in (EARLY, CALLS, LATE):
        matrix[np.ix_(group, group)] = 0.9
    matrix[np.ix_(EARLY, LATE)] = matrix[np.ix_(LATE, EARLY)] = across
    np.fill_diagonal(matrix, 1.0)
    return matrix


def test_one_concept_told_early_by_some_and_late_by_others_is_one_activity() -> None:
    labels = join_complementary(team_similarity(0.3), LABELS, TEAM)
    assert len({labels[i] for i in EARLY + LATE}) == 1
    assert {labels[i] for i in CALLS} == {2}
    # the merge asks for it; the trainers' clustering (``complementary`` off) keeps them apart
    matrix = team_similarity(0.3)
    assert same_groups(final_groups(matrix, TEAM, 0.5), LABELS)
    joined = final_groups(matrix, TEAM, 0.5, complementary=True)
    assert joined[10] == joined[0] and joined[4] != joined[0]
    # nothing alike across the two groups: two activities that happen to share a concept
    assert join_complementary(team_similarity(0.05), LABELS, TEAM) == LABELS
    # Ш also tells the late step: one person telling both is two activities
    steps = [*TEAM[:11], step("Ш", 5, "завести карточку", "CRM")]
    assert join_complementary(team_similarity(0.3), LABELS, steps) == LABELS
    # Ш, Щ and Э each tell CRM work twice (the order, then the invoice number): two activities
    steps = [*TEAM, *(step(w, 3, "внести номер счета в CRM", "CRM") for w in "ШЩЭ")]
    matrix = np.full((15, 15), 0.3)
    np.fill_diagonal(matrix, 1.0)
    labels = [*LABELS, 4, 4, 4]
    assert join_complementary(matrix, labels, steps) == labels


def test_one_step_told_again_in_other_words_is_not_a_second_activity() -> None:
    # Ш and Щ each file the order, and later tell it again with another CRM verb; Э files once
    steps = [
        step("Ш", 1, "внести заказ в CRM", "CRM"),
        step("Ш", 6, "занести заказ в CRM", "CRM"),
        step("Щ", 1, "завести заказ в CRM", "CRM"),
        step("Щ", 7, "завести заказ в CRM", "CRM"),
        step("Э", 2, "внести заказ в CRM", "CRM"),
    ]
    concepts, owners = step_concepts(steps), [s.employee for s in steps]
    assert repeated_concepts(concepts, owners) == {"CRM"}  # counted step by step: two activities
    assert repeated_concepts(concepts, owners, told_as(steps)) == set()
    # preparing, then signing the contract: two steps, whoever tells them
    contract = [
        step(w, k, name, "SIGN")
        for w in "ШЩ"
        for k, name in enumerate(("подготовить договор", "подписать договор"), start=1)
    ]
    concepts, owners = step_concepts(contract), [s.employee for s in contract]
    assert repeated_concepts(concepts, owners, told_as(contract)) == {"SIGN"}
