"""Which words a team uses for the same thing, learned from its own accounts (no thesaurus).

Two people who tell the same step in different words still tell it at the same point of their
account: when every pair of accounts is aligned (``consistency``), "ring the lead" lines up
with "phone the prospect", "обзваниваю" with "набираю". Words that keep turning up on the
two sides of aligned steps are taken as near-synonyms (positive pointwise mutual information
of the pair over all aligned step pairs, normalized by each word's association with itself).
After a first clustering the same is done with clusters: two words whose steps fall into the
same activities are alike (``cluster_word_similarity``). Either word x word matrix turns into
a step x step similarity through the soft cosine of the steps' feature vectors.

Everything is computed from the input alone, so it is deterministic and domain-free; with few
accounts the counts are small and the evidence weak, which the merge allows for by giving it a
share of the lexical similarity only.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

# How many steps a word needs before its cluster profile is trusted fully: a word seen once
# says little about which activity it names (weight n / (n + CLUSTER_PRIOR)).
CLUSTER_PRIOR = 3.0


def feature_matrix(features: Sequence[Sequence[str]]) -> tuple[sparse.csr_matrix, list[str]]:
    """L2-normalized TF-IDF rows of the steps' features, and the feature names."""
    if not any(features):
        return sparse.csr_matrix((len(features), 0)), []
    vectorizer = TfidfVectorizer(analyzer=lambda x: x, sublinear_tf=True)
    try:
        matrix = vectorizer.fit_transform([list(f) for f in features])
    except ValueError:  # an empty vocabulary
        return sparse.csr_matrix((len(features), 0)), []
    return sparse.csr_matrix(normalize(matrix)), list(vectorizer.get_feature_names_out())


def aligned_word_similarity(features: sparse.csr_matrix, aligned: np.ndarray) -> np.ndarray:
    """Feature x feature similarity in [0, 1] from how often two features sit on the two sides
    of aligned step pairs (``aligned``: step x step, 1 where two steps were aligned)."""
    present = (features > 0).astype(float)
    counts = (present.T @ sparse.csr_matrix(aligned) @ present).toarray()
    total = counts.sum()
    if total == 0:
        return np.eye(features.shape[1])
    marginal = counts.sum(axis=1)
    expected = np.outer(marginal, marginal) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(np.where((counts > 0) & (expected > 0), counts / expected, 1.0))
    pmi = np.maximum(pmi, 0.0)
    # A word's association with itself is the scale: two words are as alike as each is with
    # its own paraphrases (a word never aligned with itself borrows a small floor).
    scale = np.sqrt(np.maximum(np.diag(pmi), 1e-9))
    similarity = np.clip(pmi / np.outer(scale, scale), 0.0, 1.0)
    np.fill_diagonal(similarity, 1.0)
    return similarity


def cluster_word_similarity(
    features: sparse.csr_matrix, labels: Sequence[int], names: Sequence[str]
) -> np.ndarray:
    """Feature x feature similarity in [0, 1]: the cosine of the two features' distributions
    over clusters, damped for rare features; only features of one kind compare (an action
    with an action "V:", an object with an object "O:", a word with a word)."""
    present = (features > 0).astype(float)
    _, index = np.unique(np.asarray(labels), return_inverse=True)
    membership = sparse.csr_matrix(
        (np.ones(len(index)), (np.arange(len(index)), index)), shape=(len(index), index.max() + 1)
    )
    profile = (present.T @ membership).toarray()
    counts = profile.sum(axis=1)
    unit = normalize(profile)
    confidence = np.sqrt(counts / (counts + CLUSTER_PRIOR))
    similarity = (unit @ unit.T) * np.outer(confidence, confidence)
    kinds = np.array([_kind(n) for n in names], dtype=object)
    similarity = np.where(kinds[:, None] == kinds[None, :], similarity, 0.0)
    np.fill_diagonal(similarity, 1.0)
    return similarity


def soft_cosine(features: sparse.csr_matrix, similarity: np.ndarray) -> np.ndarray:
    """Step x step soft cosine of the feature rows under a feature x feature ``similarity``."""
    n = features.shape[0]
    if features.shape[1] == 0:
        return np.eye(n)
    weighted = np.asarray(features @ similarity)  # steps x features
    inner = np.asarray(features @ weighted.T).T
    norms = np.sqrt(np.maximum(np.diag(inner), 1e-12))
    result = np.clip(inner / np.outer(norms, norms), 0.0, 1.0)
    np.fill_diagonal(result, 1.0)
    return result


def _kind(name: str) -> str:
    return name[:2] if name[:2] in ("V:", "O:") else "w"
