"""`evaluate` on the held-out split reproduces the figures in the shipped model card."""

import hashlib
from pathlib import Path

import pytest

from salesmine.refusals import evaluate_files
from salesmine.refusals.metrics import format_figures
from salesmine.refusals.model import CARD_FILE, default_model_dir

HELDOUT = Path(__file__).parents[2] / "data" / "refusals" / "heldout"


def test_evaluate_reproduces_the_model_card(shipped_model):
    files = shipped_model.meta.get("heldout_files") or []
    paths = [HELDOUT / f["file"] for f in files]
    if not files or not all(p.exists() for p in paths):
        pytest.skip("data/refusals/heldout/ is empty or lacks the files the model card names")
    for entry, path in zip(files, paths, strict=True):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert digest == entry["sha256"], f"{path.name} changed since training: retrain the model"
    figures = evaluate_files(paths)
    card_figures = shipped_model.meta["figures"]
    for key in ("n", "macro_f1", "macro_f1_by_lang", "per_class", "confusion", "recall_watched"):
        assert figures[key] == card_figures[key], key
    card = (default_model_dir() / CARD_FILE).read_text(encoding="utf-8")
    assert format_figures(figures) in card
