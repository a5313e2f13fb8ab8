"""A TF-IDF vectorizer built for throughput and for a model file that loads in milliseconds.

scikit-learn's ``TfidfVectorizer`` runs its analyzer and vocabulary lookup n-gram by n-gram in
Python; on short CRM notes that was ~70% of classification time. CRM vocabularies are small and
repetitive, so ``TermTfidf`` caches, per distinct word, the vocabulary indices of its character
n-grams, and builds the sparse matrix with scipy in one go. Its fitted state is two numpy arrays
(terms and idf), which skops stores as ``.npy`` blobs instead of a 150k-entry dict tree.

Semantics match ``TfidfVectorizer(sublinear_tf=True, smooth_idf=True, norm="l2")`` with either
``analyzer="char_wb"`` (``kind="chars"``) or whitespace tokens and word n-grams (``kind="words"``).
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable
from itertools import repeat
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted


def char_wb_grams(word: str, min_n: int, max_n: int) -> list[str]:
    """Character n-grams of `` word `` as scikit-learn's ``char_wb`` analyzer makes them."""
    padded = f" {word} "
    grams: list[str] = []
    for n in range(min_n, max_n + 1):
        if len(padded) <= n:  # a short word is one n-gram, counted once (as in scikit-learn)
            grams.append(padded)
            break
        grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return grams


def word_grams(tokens: list[str], min_n: int, max_n: int) -> list[str]:
    """Word n-grams (joined by a space) of a token list."""
    grams = list(tokens) if min_n == 1 else []
    if min_n <= 2 <= max_n:
        grams.extend([a + " " + b for a, b in zip(tokens, tokens[1:], strict=False)])
    for n in range(max(min_n, 3), max_n + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


class TermTfidf(TransformerMixin, BaseEstimator):
    """TF-IDF over character n-grams of words (``kind="chars"``) or word n-grams (``"words"``).

    Input: an iterable of strings (whitespace separates words). Output: CSR float32, rows l2-normed.
    """

    def __init__(
        self,
        kind: str = "chars",
        ngram_range: tuple[int, int] = (1, 4),
        min_df: int = 1,
        max_features: int | None = None,
        sublinear_tf: bool = True,
    ) -> None:
        self.kind = kind
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_features = max_features
        self.sublinear_tf = sublinear_tf

    def fit(self, X: Iterable[str], y: object = None) -> TermTfidf:
        """Learn the vocabulary (by document frequency and total count) and the idf weights."""
        if self.kind not in ("chars", "words"):
            raise ValueError(f"kind must be 'chars' or 'words', not {self.kind!r}")
        docs = [str(x) for x in X]
        df: Counter[str] = Counter()
        total: Counter[str] = Counter()
        for doc in docs:
            grams = self._analyze(doc)
            total.update(grams)
            df.update(set(grams))
        kept = [t for t, n in df.items() if n >= self.min_df]
        if self.max_features is not None and len(kept) > self.max_features:
            kept.sort(key=lambda t: (-total[t], t))
            kept = kept[: self.max_features]
        # An empty vocabulary (no "но" in a tiny training set) keeps one never-seen column, as
        # downstream steps cannot stack a block of zero columns.
        terms = np.asarray(sorted(kept) or [""], dtype=str)
        counts = np.asarray([df[t] for t in terms], dtype=np.float64)
        self.terms_ = terms
        self.idf_ = (np.log((1 + len(docs)) / (1 + counts)) + 1.0).astype(np.float32)
        self.n_features_in_ = 1
        self._reset_cache()
        return self

    def transform(self, X: Iterable[str]) -> sp.csr_matrix:
        """TF-IDF rows for the documents (unknown n-grams are ignored)."""
        check_is_fitted(self, "terms_")
        index = self._index()
        # array('i').extend copies cached per-word arrays with memcpy; numpy then reads the
        # buffer without converting millions of Python ints.
        indices = array("i")
        lengths: list[int] = []
        for doc in X:
            before = len(indices)
            if self.kind == "chars":
                self._char_indices(str(doc), indices)
            else:  # unknown n-grams map to -1 and are dropped below, in numpy
                indices.extend(map(index.get, self._analyze(str(doc)), repeat(-1)))
            lengths.append(len(indices) - before)
        columns = np.frombuffer(indices, dtype=np.int32) if indices else np.zeros(0, np.int32)
        rows = np.repeat(np.arange(len(lengths), dtype=np.int32), lengths)
        known = columns >= 0
        data = np.ones(int(known.sum()), dtype=np.float32)
        # COO -> CSR sums the duplicates: the counts of each n-gram per document.
        matrix = sp.coo_matrix(
            (data, (rows[known], columns[known])), shape=(len(lengths), len(self.terms_))
        ).tocsr()
        if self.sublinear_tf:
            np.log(matrix.data, out=matrix.data)
            matrix.data += 1.0
        matrix.data *= self.idf_[matrix.indices]
        return normalize(matrix, copy=False)

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        """The vocabulary, in column order."""
        check_is_fitted(self, "terms_")
        return np.asarray(self.terms_, dtype=object)

    def vocabulary(self) -> dict[str, int]:
        """Term -> column index (built once from ``terms_`` and cached)."""
        check_is_fitted(self, "terms_")
        return self._index()

    def _analyze(self, doc: str) -> list[str]:
        low, high = self.ngram_range
        if self.kind == "words":
            return word_grams(doc.split(), low, high)
        grams: list[str] = []
        for word in doc.split():
            grams.extend(char_wb_grams(word, low, high))
        return grams

    def _char_indices(self, doc: str, out: array) -> None:
        cache = self._word_cache
        for word in doc.split():
            found = cache.get(word)
            if found is None:
                index = self._index()
                grams = char_wb_grams(word, *self.ngram_range)
                found = array("i", [i for i in map(index.get, grams) if i is not None])
                if len(cache) < 1_000_000:  # bound memory on pathological inputs
                    cache[word] = found
            out.extend(found)

    def _index(self) -> dict[str, int]:
        if self._vocabulary is None:
            self._vocabulary = {str(t): i for i, t in enumerate(self.terms_)}
        return self._vocabulary

    def _reset_cache(self) -> None:
        self._vocabulary: dict[str, int] | None = None
        self._word_cache: dict[str, array] = {}

    def __getstate__(self) -> dict[str, Any]:
        # Caches are rebuilt on first use; they must not reach the model file.
        state = dict(super().__getstate__())
        state.pop("_vocabulary", None)
        state.pop("_word_cache", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        super().__setstate__(state)
        self._reset_cache()
