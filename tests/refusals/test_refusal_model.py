"""Model directories: skops round trip, one-line ModelErrors, and refusal of untrusted types."""

import json
import os
import shutil

import pytest
import skops.io as sio
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer

from salesmine.errors import ModelError
from salesmine.refusals.model import META_FILE, MODEL_FILE, load_model


def test_round_trip_keeps_codes_taxonomy_and_meta(tiny_model_dir):
    model = load_model(tiny_model_dir)
    assert model.classes == ("competitor", "not_refusal", "price", "timing", "unclear")
    assert model.taxonomy.codes == ("price", "competitor", "timing", "unclear", "not_refusal")
    meta = json.loads((tiny_model_dir / META_FILE).read_text(encoding="utf-8"))
    assert meta["format"] == 1 and meta["evaluated_on"] == "held-out files"
    assert meta["training_files"][0]["file"] == "tiny_train_a.csv"
    assert len(meta["training_files"][0]["sha256"]) == 64
    assert meta["counts"]["price"] == {"ru": 6}
    assert (tiny_model_dir / "MODEL_CARD.md").read_text(encoding="utf-8").startswith("# Refusal")


def _copy(src, tmp_path):
    dst = tmp_path / "model"
    shutil.copytree(src, dst)
    return dst


def test_missing_directory(tmp_path):
    with pytest.raises(ModelError, match="model directory not found"):
        load_model(tmp_path / "nope")


def test_missing_model_file(tiny_model_dir, tmp_path):
    model_dir = _copy(tiny_model_dir, tmp_path)
    (model_dir / MODEL_FILE).unlink()
    with pytest.raises(ModelError, match="model.skops is missing"):
        load_model(model_dir)


def test_incompatible_format(tiny_model_dir, tmp_path):
    model_dir = _copy(tiny_model_dir, tmp_path)
    meta = json.loads((model_dir / META_FILE).read_text(encoding="utf-8"))
    (model_dir / META_FILE).write_text(json.dumps({**meta, "format": 99}), encoding="utf-8")
    with pytest.raises(ModelError, match="model format 99 is not supported"):
        load_model(model_dir)


def test_damaged_model_file(tiny_model_dir, tmp_path):
    model_dir = _copy(tiny_model_dir, tmp_path)
    (model_dir / MODEL_FILE).write_bytes(b"not a zip file")
    with pytest.raises(ModelError, match="cannot load the model"):
        load_model(model_dir)


def test_untrusted_types_are_refused_before_anything_runs(tiny_model_dir, tmp_path):
    model_dir = _copy(tiny_model_dir, tmp_path)
    # A model file that would call os.system: skops stores the function by name, and our
    # loader refuses every type outside its explicit trusted list.
    sio.dump(Pipeline([("evil", FunctionTransformer(os.system))]), model_dir / MODEL_FILE)
    with pytest.raises(ModelError, match="refusing to load a model with untrusted types") as err:
        load_model(model_dir)
    assert "\n" not in str(err.value)


def test_prior_shift_favours_the_biased_class_and_keeps_rows_normalized(shipped_model):
    import dataclasses

    import numpy as np

    from salesmine.refusals.batches import prior_shift

    k = shipped_model.classes.index("unclear")
    proba = np.full((2, len(shipped_model.classes)), 1.0 / len(shipped_model.classes))
    none = dataclasses.replace(shipped_model, meta={**shipped_model.meta, "class_bias": {}})
    assert np.array_equal(prior_shift(proba, none), proba)
    biased = dataclasses.replace(
        shipped_model, meta={**shipped_model.meta, "class_bias": {"unclear": 1.0}}
    )
    shifted = prior_shift(proba, biased)
    assert np.allclose(shifted.sum(axis=1), 1.0)
    assert (shifted.argmax(axis=1) == k).all()
    assert shipped_model.meta["class_bias"]["unclear"] >= 0  # tuned by grouped CV, in meta.json
