"""The name of an English activity: the sticky note most of its members' names agree on.

Among the member names with a verb that say what is acted on ("send the proposal", not "send
off", "take to Mark" or "discovery"), the one whose action and object most members share (a
thesaurus synonym counts: "ring" for "call", "quote" for "proposal", ``english_senses``), then
the shortest ("build the price" before "build the price on the pricing model"), then the most
frequent.
"""

from __future__ import annotations

from collections import Counter

from salesmine.process.actions import is_verb
from salesmine.process.english_features import english_features
from salesmine.process.english_senses import word_similarity
from salesmine.process.model import Step


def english_activity_name(members: list[Step]) -> str:
    """The name of an activity of English steps."""
    names = [m.name for m in members]
    parts = [_parts(english_features(n)) for n in names]
    counts = Counter(names)
    told = [k for k, n in enumerate(names) if is_verb(n.split()[0], "en")] if names else []
    with_object = [k for k in told if parts[k][1]] or told or list(range(len(names)))

    def agreement(k: int) -> float:
        action, head = parts[k]
        return sum(
            word_similarity(action, a) + (word_similarity(head, h) if head and h else 0.0)
            for a, h in parts
        )

    best = max(
        with_object,
        key=lambda k: (round(agreement(k), 6), -len(names[k].split()), counts[names[k]], names[k]),
    )
    return names[best]


def _parts(features: list[str]) -> tuple[str, str]:
    """(action, object head) of ``english_features``."""
    action = next((f[2:] for f in features if f.startswith("V:")), "")
    head = next((f[2:] for f in features if f.startswith("O:")), "")
    return action, head
