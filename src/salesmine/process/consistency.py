"""Evidence from order: steps that line up when two people's accounts are aligned.

Every pair of accounts is aligned like two sequences (a monotone matching that maximizes the
summed similarity above ``bias``; skipping a step costs nothing). Two steps aligned with each
other support each other; and two steps that line up with the *same* steps of third people are
alike even when their words are not ("chase the client" and "follow up on the offer" both sit
between sending the proposal and signing). Returned as two matrices in [0, 1]: ``aligned`` (1
where two steps were aligned) and ``shared`` (the cosine of the two steps' sets of alignment
partners).

The dynamic programme runs for one account against all others at once (numpy over the batch),
so 200 interviews of 15 steps stay within a few seconds.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

BIAS = 0.15  # only pairs more similar than this are worth aligning


def alignment_evidence(
    similarity: np.ndarray, owners: Sequence[str], bias: float = BIAS
) -> tuple[np.ndarray, np.ndarray]:
    """(aligned, shared) step x step matrices from aligning every pair of accounts.

    ``owners[i]`` is the employee of step i; steps of one employee must be in their order.
    """
    n = len(owners)
    people: dict[str, list[int]] = {}
    for index, owner in enumerate(owners):
        people.setdefault(owner, []).append(index)
    accounts = list(people.values())
    rows: list[int] = []
    cols: list[int] = []
    for k, account in enumerate(accounts[:-1]):
        for i, j in _align_one_to_many(similarity, account, accounts[k + 1 :], bias):
            rows += [i, j]
            cols += [j, i]
    aligned = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    aligned.data[:] = 1.0
    degree = np.asarray(aligned.sum(axis=1)).ravel()
    shared = (aligned @ aligned).toarray()
    norm = np.sqrt(np.outer(degree, degree))
    shared = np.divide(shared, norm, out=np.zeros_like(shared), where=norm > 0)
    np.fill_diagonal(shared, 1.0)
    return aligned.toarray(), shared


def _align_one_to_many(
    similarity: np.ndarray, account: list[int], others: list[list[int]], bias: float
) -> list[tuple[int, int]]:
    """Aligned (step of ``account``, step of another account) pairs, for all others at once."""
    length = max(len(o) for o in others)
    padded = np.full((len(others), length), -1)
    for b, other in enumerate(others):
        padded[b, : len(other)] = other
    gain = similarity[np.ix_(account, padded.clip(0).ravel())].reshape(
        len(account), len(others), length
    )
    gain = np.where(padded[None, :, :] >= 0, gain - bias, -1.0).transpose(1, 0, 2)
    return _trace(_fill(gain), account, padded)


def _fill(gain: np.ndarray) -> np.ndarray:
    """Dynamic programme over a batch; moves[b, a, c]: 0 take the pair, 1 skip a, 2 skip c.

    Skipping is free, so a row of scores is a running maximum along c of "take (a, c)" and
    "skip a" — one vectorized step per row.
    """
    batch, n, m = gain.shape
    score = np.zeros((batch, n + 1, m + 1))
    moves = np.full((batch, n + 1, m + 1), 2, dtype=np.int8)
    for a in range(1, n + 1):
        take = np.full((batch, m + 1), -np.inf)
        positive = gain[:, a - 1, :] > 0
        take[:, 1:] = np.where(positive, score[:, a - 1, :-1] + gain[:, a - 1, :], -np.inf)
        up = score[:, a - 1, :]
        row = np.maximum.accumulate(np.maximum(take, up), axis=1)
        score[:, a, :] = row
        moves[:, a, :] = np.where(row == take, 0, np.where(row == up, 1, 2))
    return moves


def _trace(moves: np.ndarray, account: list[int], padded: np.ndarray) -> list[tuple[int, int]]:
    """Follow the moves back from the end of every alignment of the batch at once."""
    batch = moves.shape[0]
    a = np.full(batch, moves.shape[1] - 1)
    c = (padded >= 0).sum(axis=1)
    rows = np.arange(batch)
    pairs: list[tuple[int, int]] = []
    while True:
        live = (a > 0) & (c > 0)
        if not live.any():
            return pairs
        move = np.where(live, moves[rows, a, c], -1)
        taken = move == 0
        pairs += [
            (account[x - 1], int(padded[b, y - 1]))
            for b, x, y in zip(rows[taken], a[taken], c[taken], strict=True)
        ]
        a = a - ((move == 0) | (move == 1))
        c = c - ((move == 0) | (move == 2))
