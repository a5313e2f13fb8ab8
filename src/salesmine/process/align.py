"""Canonical order of activities, and the orders some employees tell instead.

Each employee's account becomes a sequence of activity ids (first mention counts). Pairwise
precedence counts ``before[a][b]`` (employees who tell a before b) drive everything: the order
starts from the median relative position and is then improved by adjacent swaps that agree with
more employees (a local Kemeny optimum), so a step half the team tells early and half late lands
where most pairwise votes put it. Minority orders are returned as data, never dropped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from statistics import median

from salesmine.process.model import OrderVariant

_MAX_SWEEPS = 200


def precedence(sequences: Mapping[str, Sequence[str]]) -> dict[tuple[str, str], list[str]]:
    """``{(a, b): employees who tell a before b}`` over first mentions."""
    result: dict[tuple[str, str], list[str]] = {}
    for employee, sequence in sequences.items():
        first = list(dict.fromkeys(sequence))
        for i, a in enumerate(first):
            for b in first[i + 1 :]:
                result.setdefault((a, b), []).append(employee)
    return result


def canonical_order(sequences: Mapping[str, Sequence[str]], activities: Sequence[str]) -> list[str]:
    """Activities ordered so that as many employees as possible agree with each pair."""
    relative: dict[str, list[float]] = {a: [] for a in activities}
    for sequence in sequences.values():
        first = list(dict.fromkeys(x for x in sequence if x in relative))
        for k, activity in enumerate(first):
            relative[activity].append(k / (len(first) - 1) if len(first) > 1 else 0.5)
    order = sorted(activities, key=lambda a: (median(relative[a]) if relative[a] else 0.5, a))
    votes = {pair: len(who) for pair, who in precedence(sequences).items()}
    for _ in range(_MAX_SWEEPS):
        swapped = False
        for k in range(len(order) - 1):
            a, b = order[k], order[k + 1]
            if votes.get((b, a), 0) > votes.get((a, b), 0):
                order[k], order[k + 1] = b, a
                swapped = True
        if not swapped:
            break
    return order


def order_variants(
    sequences: Mapping[str, Sequence[str]], order: Sequence[str], *, min_count: int = 1
) -> list[OrderVariant]:
    """Pairs told against the canonical order by at least ``min_count`` employees."""
    rank = {a: k for k, a in enumerate(order)}
    pairs = precedence(sequences)
    variants = []
    for (first, second), who in pairs.items():
        if first not in rank or second not in rank or rank[first] < rank[second]:
            continue
        if len(who) < min_count:
            continue
        total = len(who) + len(pairs.get((second, first), []))
        variants.append(OrderVariant(first, second, len(who), total, tuple(who)))
    return sorted(variants, key=lambda v: (rank[v.second], rank[v.first]))
