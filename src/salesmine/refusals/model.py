"""Build, fit, save and load the refusal-reason classifier.

The model is a scikit-learn ``Pipeline``: ``NotePreprocessor`` (lemmas with negation marking,
the clause after "но"/"but", normalized text) -> TF-IDF over lemma n-grams, contrast lemmas and
character n-grams, one-hot ``lang`` and the CRM dropdown's code when it maps to one (both scaled
down, ``meta_weight``/``crm_weight``, so that the text decides and the dropdown is never trusted
blindly) -> logistic regression whose probabilities are calibrated by temperature scaling (which
keeps its argmax and its coefficients, so evidence can be read off them).

A model directory holds ``model.skops`` (skops format: loading never executes code and only the
types listed in ``TRUSTED_TYPES`` are accepted), ``meta.json`` and ``taxonomy.yaml``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from sklearn.calibration import CalibratedClassifierCV
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

from salesmine.errors import ModelError
from salesmine.output import atomic_path, write_text
from salesmine.refusals.features import NotePreprocessor
from salesmine.refusals.taxonomy import Taxonomy, taxonomy_from_dict, taxonomy_to_dict
from salesmine.refusals.vectorizers import TermTfidf

MODEL_FORMAT = 1
MODEL_FILE = "model.skops"
META_FILE = "meta.json"
TAXONOMY_FILE = "taxonomy.yaml"
CARD_FILE = "MODEL_CARD.md"

# Hyperparameters chosen by cross-validation grouped by writing batch (see MODEL_CARD.md).
DEFAULT_PARAMS: dict[str, Any] = {
    "C": 30.0,
    "word_ngrams": (1, 2),
    "char_ngrams": (1, 3),
    "char_max_features": 150_000,
    "negation_window": 3,
    "meta_weight": 0.3,
    "crm_weight": 0.3,
    "char_weight": 1.0,
    "contrast_weight": 1.0,
    "calibration_folds": 3,
    # Log-probability added per class before the argmax (prior shift); tuned by grouped CV on
    # the training files for the recall floor on "unclear" (``training.tune_class_bias``).
    "class_bias": {"unclear": 0.0},
}

# Types outside skops' own safe list that a salesmine model may contain; anything else in a
# model file is refused before loading.
TRUSTED_TYPES = (
    "salesmine.refusals.features.NotePreprocessor",
    "salesmine.refusals.vectorizers.TermTfidf",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._TemperatureScaling",
    "sklearn.model_selection._split.StratifiedKFold",
)


def build_model(params: dict[str, Any] | None = None) -> Pipeline:
    """An unfitted classifier pipeline; ``params`` override ``DEFAULT_PARAMS``."""
    p = {**DEFAULT_PARAMS, **(params or {})}
    words = TermTfidf("words", ngram_range=tuple(p["word_ngrams"]))
    contrast = TermTfidf("words", ngram_range=(1, 1))
    chars = TermTfidf(
        "chars", ngram_range=tuple(p["char_ngrams"]), min_df=2, max_features=p["char_max_features"]
    )
    features = ColumnTransformer(
        [
            ("lemmas", words, "lemmas"),
            ("contrast", contrast, "contrast"),
            ("chars", chars, "chars"),
            ("crm", TermTfidf("words", ngram_range=(1, 1)), "crm"),
            ("meta", OneHotEncoder(handle_unknown="ignore"), ["lang"]),
        ],
        transformer_weights={
            "crm": p["crm_weight"],
            "meta": p["meta_weight"],
            "chars": p["char_weight"],
            "contrast": p["contrast_weight"],
        },
    )
    # saga is ~10x faster than lbfgs on these sparse, wide matrices at the same accuracy; it
    # visits the rows in random order, so a fixed seed makes retraining reproduce the model.
    logreg = LogisticRegression(
        C=p["C"], solver="saga", tol=1e-3, max_iter=1000, class_weight="balanced", random_state=0
    )
    folds = StratifiedKFold(p["calibration_folds"], shuffle=True, random_state=0)
    classifier = CalibratedClassifierCV(logreg, method="temperature", cv=folds, ensemble=False)
    return Pipeline(
        [
            ("views", NotePreprocessor(p["negation_window"])),
            ("features", features),
            ("classifier", classifier),
        ]
    )


def linear_part(pipeline: Pipeline) -> LogisticRegression:
    """The fitted logistic regression inside the calibrated classifier (for evidence)."""
    return pipeline.named_steps["classifier"].calibrated_classifiers_[0].estimator


@dataclass(frozen=True)
class RefusalModel:
    """A fitted pipeline with the taxonomy it was trained for and its metadata."""

    pipeline: Pipeline
    taxonomy: Taxonomy
    meta: dict[str, Any]
    path: Path | None = None

    @property
    def classes(self) -> tuple[str, ...]:
        return tuple(str(c) for c in self.pipeline.classes_)


def default_model_dir() -> Path:
    """The model shipped inside the package."""
    return Path(str(resources.files("salesmine").joinpath("models", "refusals")))


def save_model(model: RefusalModel, directory: str | Path) -> Path:
    """Write ``model.skops``, ``meta.json`` and ``taxonomy.yaml`` into ``directory``, atomically."""
    import zipfile

    import skops.io as sio

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    with atomic_path(directory / MODEL_FILE) as tmp:
        # LZMA: vocabularies and coefficients shrink 15 MB -> 2.8 MB (lossless; +0.15 s load).
        sio.dump(model.pipeline, tmp, compression=zipfile.ZIP_LZMA)
    meta = {**model.meta, "format": MODEL_FORMAT}
    write_text(directory / META_FILE, json.dumps(meta, ensure_ascii=False, indent=1) + "\n")
    tax = yaml.safe_dump(taxonomy_to_dict(model.taxonomy), allow_unicode=True, sort_keys=False)
    write_text(directory / TAXONOMY_FILE, tax)
    return directory


def load_model(directory: str | Path | None = None) -> RefusalModel:
    """Load a model directory (default: the shipped model); one-line ModelError when unusable."""
    directory = Path(directory) if directory is not None else default_model_dir()
    meta = _read_meta(directory)
    pipeline = _load_pipeline(directory / MODEL_FILE)
    try:
        tax_data = yaml.safe_load((directory / TAXONOMY_FILE).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        raise ModelError(
            f"{directory}: {TAXONOMY_FILE} is missing or unreadable; retrain the model "
            "with `salesmine train`"
        ) from None
    taxonomy = taxonomy_from_dict(tax_data, str(directory / TAXONOMY_FILE))
    model = RefusalModel(pipeline, taxonomy, meta, directory)
    if list(model.classes) != list(meta.get("codes", [])):
        raise ModelError(
            f"{directory}: {MODEL_FILE} and {META_FILE} disagree on the codes; retrain"
        )
    return model


def _read_meta(directory: Path) -> dict[str, Any]:
    if not directory.is_dir():
        raise ModelError(
            f"{directory}: model directory not found; train one with "
            "`salesmine train LABELLED... -o DIR` or omit --model"
        )
    try:
        meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(
            f"{directory}: no {META_FILE}; this is not a salesmine model directory"
        ) from None
    except (json.JSONDecodeError, UnicodeError):
        raise ModelError(f"{directory}: {META_FILE} is not valid JSON; retrain the model") from None
    if not isinstance(meta, dict) or meta.get("format") != MODEL_FORMAT:
        found = meta.get("format") if isinstance(meta, dict) else None
        raise ModelError(
            f"{directory}: model format {found!r} is not supported by this salesmine "
            f"(expects {MODEL_FORMAT}); retrain with `salesmine train`"
        )
    return meta


def _load_pipeline(path: Path) -> Pipeline:
    import skops.io as sio
    from skops.io.exceptions import UntrustedTypesFoundException

    if not path.is_file():
        raise ModelError(f"{path.parent}: {MODEL_FILE} is missing; retrain with `salesmine train`")
    try:
        pipeline = sio.load(path, trusted=list(TRUSTED_TYPES))
    except UntrustedTypesFoundException as exc:
        raise ModelError(
            f"{path}: refusing to load a model with untrusted types "
            f"({str(exc).splitlines()[0][:200]})"
        ) from None
    except Exception as exc:  # skops raises many types for a damaged or foreign file
        raise ModelError(
            f"{path}: cannot load the model ({exc.__class__.__name__}); "
            "retrain with `salesmine train`"
        ) from None
    if not isinstance(pipeline, Pipeline):
        raise ModelError(f"{path}: not a salesmine refusal model")
    return pipeline
