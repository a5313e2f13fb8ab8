"""The classifier's feature matrix built straight from the notes' marked tokens, for prediction.

The pipeline's own path writes each note's views as strings (lemmas joined by spaces, the
normalized text) that every vectorizer splits into words again and looks up word by word. Here
the lemma and contrast vectorizers get the marked ids of ``mark_notes`` mapped to their word ids
through tables filled once per new word, and the character vectorizer gets the split words; the
blocks are weighted and stacked as the ``ColumnTransformer`` does, so the matrix is the same,
entry for entry (tests check it). A model whose steps are not the ones below uses the pipeline.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

from salesmine import text as textlayer
from salesmine.refusals.features import clean_value
from salesmine.refusals.marking import MarkedNotes, NameTable
from salesmine.refusals.vectorizers import TermTfidf

# A marked lemma that a whitespace split would not keep as one word (never seen in practice):
# the block of such a batch is built from strings, as the pipeline does.
_IRREGULAR = -2
Block = Callable[[list[str], list[str], list[str], MarkedNotes], sp.spmatrix]


class FeatureBuilder:
    """``pipeline[:-1].transform`` for prediction, from the notes' texts, languages and codes."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.views = pipeline.named_steps["views"]
        features = pipeline.named_steps["features"]
        weights = features.transformer_weights or {}
        self.blocks: list[tuple[Block, float | None]] | None = []
        for name, transformer, column in features.transformers_:
            if transformer == "drop" or (isinstance(column, list) and not column):
                continue
            block = self._block(transformer, column)
            if block is None or not features.sparse_output_:
                self.blocks = None  # not a layout this module knows: use the pipeline
                break
            self.blocks.append((block, weights.get(name)))

    @property
    def usable(self) -> bool:
        """Whether this model's features can be built here."""
        return self.blocks is not None

    def transform(self, frame: pd.DataFrame) -> tuple[sp.csr_matrix, list[str], MarkedNotes]:
        """The feature matrix of an input frame (text, lang, crm_code), the notes' languages and
        their marked lemmas (for the evidence step)."""
        if self.blocks is None:
            raise ValueError("FeatureBuilder: this model's features are built by its pipeline")
        texts = [clean_value(t) for t in frame["text"]]
        langs = [
            clean_value(x) or textlayer.detect_language(t)
            for t, x in zip(texts, frame["lang"], strict=True)
        ]
        codes = [clean_value(c) for c in frame["crm_code"]]
        marked = self.views.marked(texts, langs)
        parts = []
        for block, weight in self.blocks:
            part = block(texts, langs, codes, marked)
            parts.append(part if weight is None else part * weight)
        return sp.hstack(parts).tocsr(), langs, marked

    def _block(self, transformer: Any, column: Any) -> Block | None:
        if isinstance(transformer, TermTfidf):
            if column in ("lemmas", "contrast") and transformer.takes_token_ids:
                return _lemma_block(transformer, contrast=column == "contrast")
            if column == "chars" and transformer.kind == "chars":
                return lambda texts, langs, codes, marked: transformer.transform_split(
                    [t.lower().replace("ё", "е").split() for t in texts]  # normalize_text's words
                )
            if column == "crm":
                return lambda texts, langs, codes, marked: transformer.transform_split(
                    [("crm_" + c).split() if c else [] for c in codes]
                )
        if isinstance(transformer, OneHotEncoder) and list(column) == ["lang"]:
            return lambda texts, langs, codes, marked: transformer.transform(
                pd.DataFrame({"lang": langs}, dtype=object)
            )
        return None


def _lemma_block(vectorizer: TermTfidf, contrast: bool) -> Block:
    """The block of the marked lemmas (or of those after a contrast word)."""
    table = NameTable(lambda names: _word_ids(vectorizer, names))

    def block(texts: list[str], langs: list[str], codes: list[str], marked: MarkedNotes) -> Any:
        where = marked.after_contrast if contrast else None
        ids = table(marked, where)
        if contrast:
            seen = np.concatenate(([0], np.cumsum(marked.after_contrast)))
            lengths = np.diff(seen[marked.bounds])
        else:
            lengths = np.diff(marked.bounds)
        if (ids == _IRREGULAR).any():
            words = np.asarray(marked.words, dtype=object)
            words = words[where] if where is not None else words
            edges = np.concatenate(([0], np.cumsum(lengths))).tolist()
            return vectorizer.transform(
                [" ".join(words[a:b]) for a, b in zip(edges, edges[1:], strict=False)]
            )
        return vectorizer.transform_token_ids(ids, lengths)

    return block


def _word_ids(vectorizer: TermTfidf, names: list[str]) -> np.ndarray:
    ids = vectorizer.token_ids(names)
    regular = np.fromiter((n.split() == [n] for n in names), dtype=bool, count=len(names))
    return np.where(regular, ids, _IRREGULAR)
