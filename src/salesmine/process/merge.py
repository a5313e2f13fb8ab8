"""Merge: paraphrased steps of different employees become shared activities in one order.

Steps are clustered by average-linkage agglomeration over ``similarity.combine`` (deterministic:
no random state, input sorted by employee and position). A cluster told by fewer than
``min_support`` employees is not an activity: its steps stay personal. Activities are then put in
canonical order (``align``), numbered A01, A02, ... in that order, and named by their most central
step name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from statistics import median

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from salesmine.process.actions import is_verb
from salesmine.process.align import canonical_order, order_variants
from salesmine.process.model import PERSONAL, Activity, Process, Step
from salesmine.process.similarity import Weights, combine, step_matrices

MAX_QUOTES = 3
# Weight of embedding similarity when embeddings are on (the lexical evidence weighs 1 in total);
# see benchmarks/process_bench.py --embeddings for what it changes.
EMBEDDING_WEIGHT = 1.0


@dataclass(frozen=True)
class MergeSettings:
    """Knobs of the merge, with the defaults used by ``discover_process``."""

    threshold: float = 0.25  # average similarity at which two groups of steps join
    min_support: int = 2  # fewer employees than this: the steps stay personal
    weights: Weights = field(default_factory=Weights)
    embeddings: bool = False  # add sentence-embedding similarity (needs salesmine[embeddings])


def similarity_matrix(steps: Sequence[Step], settings: MergeSettings | None = None) -> np.ndarray:
    """Step x step similarity in [0, 1] from all the evidence ``settings`` asks for."""
    settings = settings or MergeSettings()
    matrices = step_matrices(list(steps))
    weights = settings.weights
    if settings.embeddings:
        from salesmine.process.embeddings import embedding_similarity

        matrices["embeddings"] = embedding_similarity([s.quote for s in steps])
        weights = replace(weights, embeddings=weights.embeddings or EMBEDDING_WEIGHT)
    return combine(matrices, list(steps), weights)


def cluster_steps(steps: Sequence[Step], settings: MergeSettings | None = None) -> list[int]:
    """A cluster label for each step (same label = same activity candidate)."""
    settings = settings or MergeSettings()
    return _cluster(similarity_matrix(steps, settings), settings.threshold)


def _cluster(similarity: np.ndarray, threshold: float) -> list[int]:
    if len(similarity) < 2:
        return [1] * len(similarity)
    distance = np.clip(1.0 - (similarity + similarity.T) / 2, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    return [int(x) for x in fcluster(tree, t=1.0 - threshold, criterion="distance")]


def merge_steps(
    steps: Sequence[Step],
    *,
    employees: Sequence[str] | None = None,
    core_threshold: float = 0.5,
    settings: MergeSettings | None = None,
) -> Process:
    """Cluster all employees' steps into activities and order them into one process."""
    settings = settings or MergeSettings()
    steps = sorted(steps, key=lambda s: (s.employee, s.position))
    people = (
        tuple(employees)
        if employees is not None
        else tuple(dict.fromkeys(s.employee for s in steps))
    )
    similarity = similarity_matrix(steps, settings) if steps else np.ones((0, 0))
    labels = _cluster(similarity, settings.threshold)
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(label, []).append(index)
    shared = {
        label: members
        for label, members in groups.items()
        if len({steps[i].employee for i in members}) >= min(settings.min_support, len(people))
    }
    provisional = {label: f"C{label}" for label in shared}
    sequences = _sequences(steps, labels, provisional)
    order = canonical_order(sequences, sorted(provisional.values()))
    width = max(2, len(str(len(order))))
    ids = {key: f"A{k:0{width}d}" for k, key in enumerate(order, start=1)}
    step_ids = [ids[provisional[label]] if label in shared else PERSONAL for label in labels]
    assigned = [replace(step, activity_id=aid) for step, aid in zip(steps, step_ids, strict=True)]
    activities = [
        _activity(ids[provisional[label]], assigned, members, similarity, people, core_threshold)
        for label, members in shared.items()
    ]
    activities = _unique_names(sorted(activities, key=lambda a: a.order))
    final_sequences = _sequences(assigned, step_ids, None)
    return Process(
        activities=tuple(activities),
        steps=tuple(_by_people(assigned, people)),
        employees=people,
        variants=tuple(order_variants(final_sequences, [a.id for a in activities])),
        core_threshold=core_threshold,
        language=_language(steps),
    )


def _sequences(steps: list[Step], labels: Sequence, names: dict | None) -> dict[str, list[str]]:  # type: ignore[type-arg]
    sequences: dict[str, list[str]] = {}
    for step, label in zip(steps, labels, strict=True):
        key = names.get(label) if names is not None else (label if label != PERSONAL else None)
        sequences.setdefault(step.employee, [])
        if key is not None:
            sequences[step.employee].append(key)
    return sequences


def _activity(
    activity_id: str,
    steps: list[Step],
    members: list[int],
    similarity: np.ndarray,
    people: Sequence[str],
    core_threshold: float,
) -> Activity:
    who = [p for p in people if any(steps[i].employee == p for i in members)]
    first_positions = [
        min(steps[i].position for i in members if steps[i].employee == p) for p in who
    ]
    names = Counter(steps[i].name for i in members)
    quotes = list(dict.fromkeys(steps[i].quote for i in members))[:MAX_QUOTES]
    support = len(who)
    return Activity(
        id=activity_id,
        name=_central_name(steps, members, similarity),
        order=int(activity_id[1:]),
        support=support,
        n_employees=len(people),
        employees=tuple(who),
        core=bool(people) and support / len(people) >= core_threshold,
        typical_position=float(median(first_positions)),
        quotes=tuple(quotes),
        names=tuple(n for n, _ in sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def _unique_names(activities: list[Activity]) -> list[Activity]:
    """Two activities never share a name (exports label events and tasks by name)."""
    seen: Counter[str] = Counter()
    result = []
    for activity in activities:
        seen[activity.name] += 1
        if seen[activity.name] > 1:
            activity = replace(activity, name=f"{activity.name} ({seen[activity.name]})")
        result.append(activity)
    return result


def _central_name(steps: list[Step], members: list[int], similarity: np.ndarray) -> str:
    """A member name with a verb and an object ("ставить задачу", not "ставить" or "задача"),
    whose verb most members use; then the one most similar to the others, the most frequent."""
    counts = Counter(steps[i].name for i in members)
    scores = similarity[np.ix_(members, members)].mean(axis=1)
    with_object = [k for k in range(len(members)) if _verb_and_object(steps[members[k]])]
    with_object = with_object or [k for k in range(len(members)) if " " in steps[members[k]].name]
    candidates = with_object or list(range(len(members)))
    heads = Counter(steps[i].name.split()[0] for i in members if steps[i].name)
    best = max(
        candidates,
        key=lambda k: (
            heads[steps[members[k]].name.split()[0]],  # the action most people name
            round(float(scores[k]), 6),
            counts[steps[members[k]].name],
            -len(steps[members[k]].name),
            steps[members[k]].name,
        ),
    )
    return steps[members[best]].name


def _verb_and_object(step: Step) -> bool:
    """ "назначать встречу" rather than "встреча" or "назначать" for an activity's name."""
    words = step.name.split()
    return len(words) > 1 and is_verb(words[0], step.language)


def _by_people(steps: list[Step], people: Sequence[str]) -> list[Step]:
    rank = {p: k for k, p in enumerate(people)}
    return sorted(steps, key=lambda s: (rank.get(s.employee, len(rank)), s.employee, s.position))


def _language(steps: list[Step]) -> str:
    languages = Counter(s.language for s in steps)
    return languages.most_common(1)[0][0] if languages else "ru"
