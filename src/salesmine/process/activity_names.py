"""The name of a merged activity: the most typical wording among its members' step names
("поставить задачу"), and no two activities with the same name."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from salesmine.process.actions import is_verb
from salesmine.process.english_labels import english_activity_name
from salesmine.process.model import Activity, Step
from salesmine.process.similarity import name_similarity


def activity_name(members: list[Step]) -> str:
    """The name of an activity: a member name with a verb and an object ("поставить задачу", not
    "поставить" or "задача") whose verb most members use; then the one whose words and letters
    are most like the other names (the most typical wording), the most frequent, the shortest.
    English activities are named by ``english_labels``."""
    if members and all(m.language == "en" for m in members):
        return english_activity_name(members)
    names = [m.name for m in members]
    counts = Counter(names)
    scores = name_similarity(members).mean(axis=1)
    with_object = [k for k, m in enumerate(members) if _verb_and_object(m)]
    with_object = with_object or [k for k, n in enumerate(names) if " " in n]
    candidates = with_object or list(range(len(members)))
    heads = Counter(n.split()[0] for n in names if n)
    best = max(
        candidates,
        key=lambda k: (
            heads[names[k].split()[0]] if names[k] else 0,  # the action most people name
            round(float(scores[k]), 6),
            counts[names[k]],
            -len(names[k]),
            names[k],
        ),
    )
    return names[best]


def unique_names(activities: list[Activity]) -> list[Activity]:
    """Two activities never share a name (exports label events and tasks by name)."""
    seen: Counter[str] = Counter()
    result = []
    for activity in activities:
        seen[activity.name] += 1
        if seen[activity.name] > 1:
            activity = replace(activity, name=f"{activity.name} ({seen[activity.name]})")
        result.append(activity)
    return result


def _verb_and_object(step: Step) -> bool:
    """ "назначить встречу" rather than "встреча" or "назначить" for an activity's name."""
    words = step.name.split()
    return len(words) > 1 and is_verb(words[0], step.language)
