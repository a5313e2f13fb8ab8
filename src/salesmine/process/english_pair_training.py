"""Training the English pair model (``english_pairs``) on our English everyday scripts, leave one
scenario out.

Each scenario of data/process/scripts_en (one file each: person, position, text, event) gives
its people's steps as written — the quote is the text, the name what ``naming.describe``
makes of it, as for any English list — and each step's gold event ("" for a remark that is no
step). Pairs of steps of different people are the examples: positive when both have the same
event. Each scenario weighs the same in the fit. The clustering threshold is the middle of the
band whose mean pairwise F1 over the training scenarios is within TOLERANCE of the best, then
the lone-step bar the same way (as ``pair_training`` does for Russian). Deterministic: lbfgs,
no random state.

Public gold (DeScript and the rest under ../shared/benchmarks) is never read here.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from salesmine.process.english_pairs import (
    PLAIN,
    EnglishPairModel,
    english_matrices,
    feature_stack,
    pair_features,
)
from salesmine.process.labelled_sets import PROCESS_DATA
from salesmine.process.merge import MergeSettings, evidence, final_groups
from salesmine.process.model import Step
from salesmine.process.pair_fitting import cross_person_pairs, fit_balanced
from salesmine.process.pair_training import pairwise_f1, predicted_ids

SCRIPTS = PROCESS_DATA / "scripts_en"
THRESHOLDS = tuple(round(0.05 + 0.025 * k, 3) for k in range(31))  # 0.05 .. 0.80
ATTACH_SHARES = (None, 0.25, 0.375, 0.5, 0.625, 0.75)
TOLERANCE = 0.01
C = 1.0


@dataclass(frozen=True)
class ScriptSet:
    """One scenario's steps, their gold events ("" for no step) and pair feature matrices."""

    name: str
    steps: tuple[Step, ...]
    labels: tuple[str, ...]
    features: dict[str, np.ndarray]


def read_script(path: Path) -> tuple[list[Step], list[str]]:
    """The steps of one scenario file (sorted by person and position) and their gold events."""
    from salesmine.process.naming import describe

    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            rows.append((row["person"], int(row["position"]), row["text"].strip(), row["event"]))
    rows.sort(key=lambda r: (r[0], r[1]))
    steps = [
        Step(person, path.stem, position, describe(text, "en"), text, language="en")
        for person, position, text, _ in rows
    ]
    return steps, [event.strip() for *_, event in rows]


def script_set(path: Path, encoder: bool = False) -> ScriptSet:
    """A scenario with its pair features (computed once: the fit only reweighs them)."""
    steps, labels = read_script(path)
    return labelled_set(path.stem, steps, labels, encoder)


def labelled_set(name: str, steps: list[Step], labels: list[str], encoder: bool) -> ScriptSet:
    """Any English steps with gold labels, with their pair features."""
    settings = MergeSettings(learned_pairs=False, english_encoder=encoder)
    matrices, hand = evidence(steps, settings, full=True)
    features = pair_features({**matrices, **english_matrices(steps, hand)}, hand)
    return ScriptSet(name, tuple(steps), tuple(labels), features)


def script_sets(encoder: bool = False, folder: Path = SCRIPTS) -> dict[str, ScriptSet]:
    """Every scenario of ``folder`` by name."""
    return {p.stem: script_set(p, encoder) for p in sorted(folder.glob("*.tsv"))}


def _examples(gold: ScriptSet, names: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    i, j, target = cross_person_pairs([s.employee for s in gold.steps], gold.labels)
    return feature_stack(gold.features, names)[i, j], target


def fit(sets: list[ScriptSet], names: tuple[str, ...] = PLAIN, c: float = C) -> EnglishPairModel:
    """A model over ``names`` fitted on ``sets``, with the threshold and lone-step bar best on
    them."""
    parts = [_examples(s, names) for s in sets]
    model = fit_balanced(EnglishPairModel, parts, tuple(names), c, max_iter=5000)
    model = replace(model, threshold=choose_threshold(sets, model))
    return replace(model, attach=choose_attach(sets, model))


def choose_threshold(sets: list[ScriptSet], model: EnglishPairModel) -> float:
    """The middle of the thresholds within TOLERANCE of the best mean pairwise F1."""
    scores = [float(np.mean([set_f1(s, model, t) for s in sets])) for t in THRESHOLDS]
    good = [t for t, f in zip(THRESHOLDS, scores, strict=True) if f >= max(scores) - TOLERANCE]
    return good[(len(good) - 1) // 2]


def choose_attach(sets: list[ScriptSet], model: EnglishPairModel) -> float | None:
    """The lone-step bar with the best mean pairwise F1 (None — no bar — unless one helps)."""
    bars = [None if s is None else round(s * model.threshold, 4) for s in ATTACH_SHARES]
    scores = [
        float(np.mean([set_f1(g, replace(model, attach=bar), model.threshold) for g in sets]))
        for bar in bars
    ]
    return bars[int(np.argmax(scores))]


def set_f1(gold: ScriptSet, model: EnglishPairModel, threshold: float | None = None) -> float:
    """Pairwise same-event F1 of one set merged with ``model`` (at ``threshold``, else the
    model's own)."""
    matrix = model.similarity_of(gold.features, gold.steps)
    bar = model.threshold if threshold is None else threshold
    labels = final_groups(matrix, gold.steps, bar, model.attach)
    return pairwise_f1(predicted_ids(gold.steps, labels), list(gold.labels), gold.steps)[2]


def loso(
    sets: dict[str, ScriptSet], names: tuple[str, ...] = PLAIN, c: float = C
) -> dict[str, tuple[EnglishPairModel, float]]:
    """For each scenario, the model fitted on the others and its held-out pairwise F1."""
    result = {}
    for name, held in sets.items():
        model = fit([s for n, s in sets.items() if n != name], names, c)
        result[name] = (model, set_f1(held, model))
    return result


# The English sales-interview sets (data/process/enN: gold.csv beside the interviews) the model
# may also be trained on; en3 is the English check set and is never read here.
INTERVIEW_SETS = ("en1", "en2", "en4", "en5", "en6")


def interview_sets(name: str, encoder: bool = False) -> list[ScriptSet]:
    """One English interview set twice: its gold steps (the writer's quote and name), and the
    steps extraction finds in its interviews, each labelled with the gold activity of the gold
    step its quote matches ("" when none does) — the names and cuts the merge sees at run time."""
    from salesmine.ingest import load_transcripts
    from salesmine.process.discovery import employee_names
    from salesmine.process.evaluation import match_quotes
    from salesmine.process.labelled_sets import set_paths
    from salesmine.process.pair_training import _step_tagger, read_gold_steps
    from salesmine.process.steps import extract_steps

    read, labels = read_gold_steps(name)
    gold_steps = [replace(s, language="en") for s in read]
    tagger = _step_tagger()
    folder = set_paths(name)[1]
    sources = sorted({s.source for s in gold_steps})
    transcripts = load_transcripts([folder / source for source in sources])
    found_steps: list[Step] = []
    found_labels: list[str] = []
    for transcript, who in zip(transcripts, employee_names(transcripts), strict=True):
        found = extract_steps(transcript, employee=who, **tagger)
        gold = [
            (g, k) for g, k in zip(gold_steps, labels, strict=True) if g.source == transcript.source
        ]
        matched = match_quotes([s.quote for s in found], [g.quote for g, _ in gold])
        found_steps += found
        found_labels += [gold[matched[i]][1] if i in matched else "" for i in range(len(found))]
    order = sorted(
        range(len(found_steps)), key=lambda k: (found_steps[k].employee, found_steps[k].position)
    )
    found_steps = [found_steps[k] for k in order]
    found_labels = [found_labels[k] for k in order]
    return [
        labelled_set(name, gold_steps, labels, encoder),
        labelled_set(f"{name}/extracted", found_steps, found_labels, encoder),
    ]
