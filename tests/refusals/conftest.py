"""Shared fixtures: the tiny five-code model (trained once per session) and the shipped model."""

from pathlib import Path

import pytest

from salesmine.refusals.model import default_model_dir, load_model
from salesmine.refusals.training import train_model

DATA = Path(__file__).parents[1] / "data" / "refusals"


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory):
    """A model trained in about a second on 30 notes and the five-code tiny taxonomy."""
    out = tmp_path_factory.mktemp("tiny_model")
    train_model(
        [DATA / "tiny_train_a.csv"],
        out,
        taxonomy=DATA / "tiny_taxonomy.yaml",
        heldout=[DATA / "tiny_heldout.csv"],
    )
    return out


@pytest.fixture(scope="session")
def shipped_model():
    """The default model inside the package (loaded once)."""
    if not (default_model_dir() / "model.skops").exists():
        pytest.skip("no shipped model in src/salesmine/models/refusals (run salesmine train)")
    return load_model()
