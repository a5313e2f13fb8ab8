"""Alignment evidence: steps that line up when accounts are aligned, in order."""

from __future__ import annotations

import numpy as np

from salesmine.process.consistency import alignment_evidence


def test_alignment_is_monotone_and_shared_partners_count() -> None:
    # three accounts of two steps; x2 looks like y1 and y2 (crossing), only y2 keeps the order
    owners = ["x", "x", "y", "y", "z", "z"]
    sim = np.eye(6)
    for a, b, value in [
        (0, 2, 0.9),
        (1, 2, 0.8),
        (1, 3, 0.5),
        (2, 4, 0.9),
        (3, 5, 0.9),
        (0, 4, 0.9),
    ]:
        sim[a, b] = sim[b, a] = value
    aligned, shared = alignment_evidence(sim, owners)
    assert aligned[0, 2] == 1 and aligned[1, 3] == 1  # x1-y1, x2-y2: in order
    assert aligned[1, 2] == 0  # x2-y1 would cross x1-y1
    assert shared[0, 2] > 0  # x1 and y1 both line up with z1
    assert np.allclose(shared, shared.T) and np.allclose(np.diag(shared), 1.0)


def test_two_accounts_have_no_third_party_evidence() -> None:
    aligned, shared = alignment_evidence(np.ones((2, 2)), ["a", "b"])
    assert aligned[0, 1] == 1 and shared[0, 1] == 0
