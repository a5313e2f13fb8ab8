"""Discovery: cluster the ``other`` and low-confidence notes into candidate new reasons.

A consultant reads the clusters (top terms, size, example quotes) and decides whether to add a
code to the taxonomy. TF-IDF over lemmas, k-means with a fixed seed, and the number of clusters
chosen by the silhouette score within a small range: simple, deterministic, explainable.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import silhouette_score

from salesmine import text as textlayer

DISCOVERED_COLUMNS = (
    "cluster",
    "size",
    "top_terms",
    "current_reasons",
    "example_1",
    "example_2",
    "example_3",
)
MIN_NOTES = 6
K_RANGE = (2, 8)
TOP_TERMS = 8
# Function words that would otherwise top every cluster.
STOP_LEMMAS = frozenset(
    """и в во на с со по к ко у о об от до за из для не ни но а же ли бы то это что как так он она
    они мы вы я ты его ее их весь все этот тот который быть есть уже еще очень только там тут
    the a an and or of to in on for with at by from is are was were be been it this that they
    we he she you i not no but so as""".split()
)


def discover_reasons(
    frame: pd.DataFrame,
    *,
    model_dir: str | Path | None = None,
    review_threshold: float = 0.55,
    k_range: tuple[int, int] = K_RANGE,
    seed: int = 0,
) -> pd.DataFrame:
    """Candidate new reasons, one row per cluster (``DISCOVERED_COLUMNS``), largest first.

    ``frame`` needs ``text``; with ``reason`` and ``confidence`` columns (a notes frame joined with
    its ``classify_refusals`` result) they are used, else the notes are classified first.
    """
    if "reason" not in frame.columns or "confidence" not in frame.columns:
        from salesmine.refusals.classify import classify_refusals

        result = classify_refusals(frame, model_dir=model_dir, review_threshold=review_threshold)
        frame = frame.reset_index(drop=True).assign(
            reason=result["reason"], confidence=result["confidence"]
        )
    texts = frame["text"].fillna("").astype(str)
    confidence = pd.to_numeric(frame["confidence"], errors="coerce").fillna(1.0)
    picked = frame[
        ((frame["reason"] == "other") | (confidence < review_threshold)) & (texts.str.strip() != "")
    ]
    if len(picked) < MIN_NOTES:
        return pd.DataFrame(columns=list(DISCOVERED_COLUMNS))
    docs = [" ".join(textlayer.lemmas(t)) for t in picked["text"].astype(str)]
    vectorizer = TfidfVectorizer(
        token_pattern=r"\S+",
        stop_words=sorted(STOP_LEMMAS),
        min_df=2 if len(docs) >= 20 else 1,
        sublinear_tf=True,
    )
    try:
        matrix = vectorizer.fit_transform(docs)
    except ValueError:  # nothing left after stop words: no vocabulary to cluster on
        return pd.DataFrame(columns=list(DISCOVERED_COLUMNS))
    labels, centers = _best_clustering(matrix, k_range, seed)
    terms = np.asarray(vectorizer.get_feature_names_out())
    rows = [_describe(c, labels, centers, matrix, terms, picked) for c in range(len(centers))]
    out = pd.DataFrame(rows, columns=list(DISCOVERED_COLUMNS))
    out = out.sort_values(["size", "cluster"], ascending=[False, True], kind="stable")
    return out.reset_index(drop=True)


def _best_clustering(matrix, k_range: tuple[int, int], seed: int):  # type: ignore[no-untyped-def]
    """k-means for each k in range; keep the labelling with the best cosine silhouette."""
    n = matrix.shape[0]
    best: tuple[float, np.ndarray, np.ndarray] | None = None
    for k in range(k_range[0], min(k_range[1], n - 1) + 1):
        km = KMeans(n_clusters=k, random_state=seed, n_init=5).fit(matrix)
        if len(set(km.labels_)) < 2:
            continue
        score = silhouette_score(matrix, km.labels_, metric="cosine", random_state=seed)
        if best is None or score > best[0]:
            best = (score, km.labels_, km.cluster_centers_)
    if best is None:  # all notes identical: one cluster
        return np.zeros(n, dtype=int), np.asarray(matrix.mean(axis=0))
    return best[1], best[2]


def _describe(
    cluster: int,
    labels: np.ndarray,
    centers: np.ndarray,
    matrix,  # type: ignore[no-untyped-def]
    terms: np.ndarray,
    picked: pd.DataFrame,
) -> list[object]:
    members = np.flatnonzero(labels == cluster)
    center = centers[cluster]
    top = [terms[i] for i in np.argsort(-center)[:TOP_TERMS] if center[i] > 0]
    # Examples: the notes closest to the centre, i.e. the most typical of the cluster.
    closeness = np.asarray(matrix[members] @ center).ravel()
    order = members[np.argsort(-closeness, kind="stable")]
    examples = [str(picked["text"].iloc[i]) for i in order[:3]]
    examples += [""] * (3 - len(examples))
    reasons = Counter(picked["reason"].iloc[members])
    current = ", ".join(f"{r} {n}" for r, n in reasons.most_common())
    return [cluster + 1, len(members), "; ".join(top), current, *examples]
