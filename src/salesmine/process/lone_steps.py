"""A second, lower bar for steps the clustering left alone: attach each to its nearest activity.

Average linkage joins a step to a group only when it is, on average, like the whole group; a step
told in a few words or cut differently by extraction ("Потом согласуем цену", "Счёт выставляю")
is often very like one member and unlike the rest, so it stays a one-person cluster and becomes
``personal`` — on a new writer's team that was most of the same-activity pairs the merge missed.
Here such a step joins the activity holding its most similar step when that pair probability
clears a lower bar (``PairModel.attach``, chosen with the threshold on the training sets), the
person does not already tell that activity, and the step sits where the team tells it (relative
position within ``WINDOW`` of the activity's median). Only lone steps move, and all against the
first clustering, so no chain forms and the result does not depend on the order of the steps.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from salesmine.process.model import Step
from salesmine.process.similarity import relative_positions

WINDOW = 0.3  # of relative position: a step told far from where the team tells the activity stays


def attach_lone_steps(
    similarity: np.ndarray,
    labels: Sequence[int],
    steps: Sequence[Step],
    bar: float,
    min_support: int = 2,
) -> list[int]:
    """``labels`` with every step of a cluster told by fewer than ``min_support`` people moved to
    the shared cluster of its most similar step, where that similarity is at least ``bar``."""
    owners = [s.employee for s in steps]
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(label, []).append(index)
    tellers = {label: {owners[i] for i in members} for label, members in groups.items()}
    shared = sorted(label for label in groups if len(tellers[label]) >= min_support)
    if not shared:
        return list(labels)
    relative = relative_positions(steps)
    middle = {label: float(np.median(relative[groups[label]])) for label in shared}
    result = list(labels)
    for index, label in enumerate(labels):
        if label in middle:
            continue
        scores = [
            (float(similarity[index, groups[other]].max()), -other)
            for other in shared
            if owners[index] not in tellers[other]
            and abs(relative[index] - middle[other]) <= WINDOW
        ]
        if scores and max(scores)[0] >= bar:
            result[index] = -max(scores)[1]
    return result
