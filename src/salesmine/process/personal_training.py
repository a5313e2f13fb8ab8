"""Training and leave-one-set-out scoring of the personal-step filter (``personal_filter``).

The filter's evidence must look as it does on a new writer's team, so each development set is
run through discovery as if it were new: with a step tagger and a pair model fitted on the other
sets only (``step_training``, ``pair_training``; as in ``merge_pairs_bench``, the pair model's
extracted steps come from the shipped tagger). The steps the merge leaves personal are the
examples, labelled 1 when their quote matches a gold step (the benchmark's rule). Then, leave one
set out again: a filter fitted on the other sets' examples drops the scored set's lone steps, and
ONE threshold is chosen on those held-out scores together, never per set: on the newest writers'
sets (``NEWEST``, the ones the hand rules were tuned on least, like a client's team), the one
meeting the most of the issue's targets (``TARGETS``: mean precision, recall and pairwise F1),
and among those the one furthest from missing any. Each set weighs the same in the fit.

Why the count first (session 13): pairwise F1 stays below its target at every threshold on the
newest sets, so the worst margin alone is pairwise F1 alone, and it chose the highest threshold
(0.7), which took recall from 0.861 to 0.806 — below its target — for pairwise 0.710 -> 0.755.

Why not the best mean F1 (up to session 11): the filter trades recall for precision and for
pairwise F1 (a true step the merge left alone, once dropped, no longer counts as unmerged), and
with the step tagger's recall-first bar F1 chose 0.55, which on the newest five sets cost 2.2
points of recall for 2.7 of precision — where precision has a margin of ten points and recall
none.

``python -m salesmine.process.personal_training [--write]`` prints the figures per set without
and with the filter, and with --write saves the filter fitted on every set, at that threshold.
Deterministic (lbfgs, fixed seed; ~3 minutes on 2 cores). Held-out folders are never read here.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from statistics import mean
from typing import NamedTuple

import numpy as np

from salesmine.process.evaluation import (
    ProcessScores,
    load_labelled,
    match_steps,
    person_gold,
    score_process,
)
from salesmine.process.labelled_sets import development_sets, gold_rows, set_paths
from salesmine.process.merge import MergeSettings, group_steps, merge_steps
from salesmine.process.model import Process, Step
from salesmine.process.personal_filter import (
    MODEL_PATH,
    PersonalFilter,
    kept,
    lone_indices,
    lone_rows,
    without,
)
from salesmine.process.standardised import fit_standardised
from salesmine.records import Transcript

C = 0.1  # inverse regularisation: ~400 examples, six features (0.01 .. 1 score alike)
SEED = 5
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(1, 15))  # 0.05 .. 0.70
TARGETS = {"precision": 0.80, "recall": 0.85, "pairwise": 0.80}  # issue 5, on a new team
NEWEST = 5


class LoneSet(NamedTuple):
    """One development set run through discovery as a new team, before any filtering."""

    name: str
    process: Process  # merged without the filter
    steps: list[Step]  # sorted by employee and position, as the merge groups them
    labels: list[int]  # the merge's groups
    support: int
    rows: list[list[float]]  # the features of the lone steps the filter judges
    targets: list[int]  # 1: that lone step matches a gold step
    transcripts: list[Transcript]
    gold: list[dict[str, str]]


def run_set(name: str, tagger: object, settings: MergeSettings) -> LoneSet:
    """One set through extraction (``tagger``) and the merge (``settings``, no filter)."""
    from salesmine.process.discovery import employee_names
    from salesmine.process.steps import extract_steps

    rows = gold_rows(name)
    transcripts = load_labelled(*set_paths(name))
    names = employee_names(transcripts)
    found = [
        step
        for transcript, who in zip(transcripts, names, strict=True)
        for step in extract_steps(transcript, employee=who, tagger=tagger)  # type: ignore[arg-type]
    ]
    settings = replace(settings, personal_filter=False)
    process = merge_steps(found, employees=names, settings=settings)
    steps = sorted(found, key=lambda s: (s.employee, s.position))
    support = min(settings.min_support, len(names))
    labels = group_steps(steps, settings, support)
    indices = lone_indices(labels, steps, support)
    matched = _matched(steps, transcripts, rows)
    targets = [int((steps[k].source, steps[k].position) in matched) for k in indices]
    rows_ = lone_rows(steps, indices)
    return LoneSet(name, process, steps, labels, support, rows_, targets, transcripts, rows)


def _matched(
    steps: list[Step], transcripts: list[Transcript], gold: list[dict[str, str]]
) -> set[tuple[str, int]]:
    """(source, position) of every found step whose quote matches a gold step."""
    result = set()
    for transcript in transcripts:
        mine = [s for s in steps if s.source == transcript.source]
        for i in match_steps(mine, person_gold(gold, transcript.source)):
            result.add((mine[i].source, mine[i].position))
    return result


def fit(sets: list[LoneSet], threshold: float = 0.5, c: float = C) -> PersonalFilter:
    """A filter fitted on the lone steps of ``sets``, each set weighing the same."""
    used = [s for s in sets if s.rows]
    x = np.array([row for s in used for row in s.rows], dtype=float)
    y = np.array([t for s in used for t in s.targets])
    weight = np.concatenate(
        [np.full(len(s.rows), len(x) / (len(used) * len(s.rows))) for s in used]
    )
    return PersonalFilter(*fit_standardised(x, y, weight, c, SEED), threshold)


def filtered_scores(lone: LoneSet, model: PersonalFilter | None) -> ProcessScores:
    """The set's scores once ``model`` has dropped its lone steps (None: as merged). Dropping a
    personal step changes no activity, so the merged process only loses those steps."""
    keep = kept(lone.steps, lone.labels, lone.support, model)
    # the unfiltered merge keeps every step's position: the key to its place in the process
    dropped = {(s.employee, s.position) for s, on in zip(lone.steps, keep, strict=True) if not on}
    keep = [(s.employee, s.position) not in dropped for s in lone.process.steps]
    process = replace(lone.process, steps=tuple(without(lone.process.steps, keep)))
    return score_process(process, lone.transcripts, lone.gold)


def new_team_sets(names: list[str] | None = None) -> dict[str, LoneSet]:
    """Every development set run as a new team: tagger and pair model fitted without it."""
    from salesmine.process import pair_training as pt
    from salesmine.process import step_training as st
    from salesmine.process.step_model import load_tagger

    names = names or development_sets()
    tagging = {n: st.read_set(n) for n in names}
    hand = MergeSettings(learned_pairs=False)
    pairs = {n: pt.training_sets(n, hand) for n in names}
    shipped = load_tagger()
    threshold = shipped.threshold if shipped is not None else 0.5
    opener = shipped.opener_threshold if shipped is not None else None
    result = {}
    for name in names:
        tagger = st.fit([tagging[n] for n in names if n != name], threshold)
        tagger = replace(tagger, opener_threshold=opener)
        pair = pt.fit([g for n, versions in pairs.items() if n != name for g in versions])
        result[name] = run_set(name, tagger, MergeSettings(pair_model=pair))
    return result


Figures = dict[str, tuple[ProcessScores, ProcessScores]]


def loso(sets: dict[str, LoneSet], c: float = C) -> tuple[float, Figures]:
    """Leave one set out: the threshold whose worst margin against ``TARGETS`` over the newest
    sets is largest among those meeting the most targets (the lowest of equals), and per set
    (scores without the filter, with it at that threshold)."""
    filters = {name: fit([s for n, s in sets.items() if n != name], c=c) for name in sets}
    newest = list(sets)[-NEWEST:]

    def margins(threshold: float) -> list[float]:
        scores = [
            filtered_scores(sets[n], replace(filters[n], threshold=threshold)) for n in newest
        ]
        reached = {
            "precision": mean(s.extraction[0] for s in scores),
            "recall": mean(s.extraction[1] for s in scores),
            "pairwise": mean(s.pairwise[2] for s in scores),
        }
        print(f"threshold {threshold}: newest {NEWEST} sets " + _reached(reached))
        return [reached[k] - target for k, target in TARGETS.items()]

    def rank(threshold: float) -> tuple[int, float, float]:
        gaps = margins(threshold)
        return sum(g >= 0 for g in gaps), round(min(gaps), 6), -threshold

    best = max(THRESHOLDS, key=rank)
    figures = {
        name: (filtered_scores(s, None), filtered_scores(s, replace(filters[name], threshold=best)))
        for name, s in sets.items()
    }
    return best, figures


def _reached(reached: dict[str, float]) -> str:
    return " ".join(f"{k} {v:.3f}" for k, v in reached.items())


def _line(scores: list[ProcessScores]) -> str:
    """Mean extraction P/R/F1, pairwise F1 and tau of ``scores``."""
    p, r, f = (mean(s.extraction[k] for s in scores) for k in range(3))
    pairwise = mean(s.pairwise[2] for s in scores)
    taus = [s.tau for s in scores if s.tau == s.tau]  # NaN: fewer than two activities
    tau = mean(taus) if taus else float("nan")
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f} pairwise F1 {pairwise:.3f} tau {tau:.2f}"


def report(threshold: float, figures: Figures, newest: int = NEWEST) -> list[str]:
    """The leave-one-set-out table: each set, then the means over all sets and the newest."""
    lines = [f"threshold {threshold}"]
    for name, (before, after) in figures.items():
        lines.append(f"{name:11} without {_line([before])} | with {_line([after])}")
    for label, names in (("all", list(figures)), ("newest", list(figures)[-newest:])):
        before = [figures[n][0] for n in names]
        after = [figures[n][1] for n in names]
        lines.append(f"mean {label:6} without {_line(before)} | with {_line(after)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print the leave-one-set-out figures; with --write save the filter fitted on every set."""
    sets = new_team_sets()
    threshold, figures = loso(sets)
    print("\n".join(report(threshold, figures)))
    if "--write" in (argv if argv is not None else sys.argv[1:]):
        model = fit(list(sets.values()), threshold)
        MODEL_PATH.write_text(model.to_json(), encoding="utf-8")
        print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
