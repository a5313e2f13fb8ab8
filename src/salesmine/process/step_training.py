"""Training and leave-one-set-out scoring of the step tagger on the labelled interview sets.

Every set under ``data/process/dev*`` is another writer's interviews with a ``gold.csv`` (see
``data/process/README.md``); ``dev`` annotates the bundled sample. A candidate's label: its own
clause is the one matched to a gold step under the benchmark's rule (quotes share at least half
of the shorter one's words, one-to-one, best overlap first), so an elaboration that overlaps a
step already matched is a negative. The held-out folder is never read here.

Leave-one-set-out: for each set, a tagger trained on the others scores it; ONE threshold is
chosen on all those held-out scores together (the mean F1 over sets), never per set. Run
``python -m salesmine.process.step_training`` to write the shipped weights (trained on every
set, with that threshold). scikit-learn is needed for training only.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from statistics import mean
from typing import NamedTuple

from salesmine.process.candidates import Candidate
from salesmine.process.evaluation import load_labelled, prf
from salesmine.process.evaluation import match_quotes as match
from salesmine.process.labelled_sets import PROCESS_DATA, development_sets, gold_rows, set_paths
from salesmine.process.standardised import fit_standardised
from salesmine.process.step_features import features
from salesmine.process.step_model import MODEL_PATH, TAGGER_FEATURES, StepTagger
from salesmine.process.step_priors import Priors, learn
from salesmine.process.steps import judged, ordered

C = 0.003  # inverse regularisation: strong, so that no one writer's cue dominates
SEED = 5
# The sets the hand rules were tuned on: there the rules' verdicts are the gold, so they teach
# the tagger to copy the rules. The others (dev5: session 2's held-out set; dev6 on: writers
# after the rules) show how the rules fail on a new writer, like the held-out set: they weigh more.
TUNED = frozenset("dev dev2 dev3 dev4".split())
UNTUNED_BOOST = 1.0  # measured: 3 and 10 did worse leaving dev5 or dev6 out (the two disagree)
# Recall first: mean F1 is flat over thresholds 0.3-0.5 (0.854-0.862, 20 sets), so the bar is
# the precision a user can live with — the 0.80 plus a margin for a new writer's text.
# The bar is on the tagger's own leave-one-set-out precision; what users get is higher (the
# merge drops unlikely lone steps): on the session-12 writers the shipped tagger had never seen
# (dev40-dev42) a threshold of 0.30 gave P 0.90 / R 0.84 where 0.375 gave 0.91 / 0.81
# (tagger-level mean precision 0.81 vs 0.84), so session 12 lowered the bar from 0.835.
PRECISION_FLOOR = 0.81
THRESHOLDS = tuple(round(0.2 + 0.025 * k, 3) for k in range(25))
# The bar of a folded opener (``step_model.folded_opener``) is chosen on the newest writers'
# sets only (the ones the fold rules were tuned on least, like a client's team): the highest bar
# at which their leave-one-set-out mean recall reaches the target. Each
# folded opener kept costs pairwise F1 downstream (a sub-action told as a sentence of its own is
# the hardest step to merge: on dev38-dev45, bar 0.325 -> 0.15 -> 0.075 moved recall 0.81 ->
# 0.85 -> 0.87 and pairwise F1 0.75 -> 0.73 -> 0.71), so no lower bar than recall needs. Where
# no bar reaches the target (session 15: the newest five, dev49-dev53, reach 0.842 only at 0.025,
# at precision 0.713), the bar of the best mean F1 there (0.25: P 0.800 / R 0.799; F1 is flat from
# 0.125 to 0.325) rather than the lowest, which buys little recall for much precision.
NEWEST = 5
RECALL_TARGET = 0.85  # issue 5, on a new team
OPENER_THRESHOLDS = tuple(round(0.025 * k, 3) for k in range(1, 17))  # 0.025 .. 0.4


class Interview(NamedTuple):
    """One labelled interview, read once: its candidates as the rules judged them."""

    source: str
    found: list[Candidate]
    steps: list[Candidate]  # the rules' steps
    rows: list[list[float]]
    labels: list[int]
    gold: list[str]  # gold quotes in gold order


def read_set(name: str, data: Path = PROCESS_DATA) -> list[Interview]:
    """The labelled interviews of one development set."""
    rows = gold_rows(name, data)
    interviews = []
    for transcript in load_labelled(*set_paths(name, data)):
        mine = [r for r in rows if r["source"] == transcript.source]
        gold = [r["quote"] for r in sorted(mine, key=lambda r: int(r["position"]))]
        found, steps = judged(transcript)
        labels = label(found, steps, gold)
        interviews.append(Interview(transcript.source, found, steps, features(found), labels, gold))
    return interviews


def label(found: list[Candidate], steps: list[Candidate], gold: list[str]) -> list[int]:
    """1 for each candidate that starts a gold step: first the rules' steps (with the quotes
    they grew) are matched, then the other candidates' own clauses to the gold steps left — so
    an elaboration of a step the rules found is a negative, a step they missed a positive."""
    labels = [0] * len(found)
    ruled = {id(c) for c in steps}
    kept = [k for k, c in enumerate(found) if id(c) in ruled]
    first = match([found[k].step.quote for k in kept], gold)
    for i in first:
        labels[kept[i]] = 1
    left = [j for j in range(len(gold)) if j not in set(first.values())]
    rest = [k for k, c in enumerate(found) if id(c) not in ruled]
    clauses = [(found[k].clause or found[k].step).quote for k in rest]
    for i in match(clauses, [gold[j] for j in left]):
        labels[rest[i]] = 1
    return labels


def fit(
    groups: list[list[Interview]],
    threshold: float = 0.5,
    c: float = C,
    boost: tuple[float, ...] = (),
) -> StepTagger:
    """A tagger trained on the sets ``groups``; each set weighs the same however many
    candidates it holds (no one writer's habits dominate), times its ``boost`` (1 when not
    given). A set's lemma priors come from the other sets (its own labels never leak in)."""
    import numpy as np

    x = np.array([row for k in range(len(groups)) for row in _rows(groups, k)], dtype=float)
    y = np.array([label for g in groups for i in g for label in i.labels])
    sizes = [sum(len(i.rows) for i in g) for g in groups]
    boosts = list(boost) + [1.0] * (len(groups) - len(boost))
    weight = np.concatenate(
        [
            np.full(n, b * len(x) / (len(groups) * n))
            for n, b in zip(sizes, boosts, strict=True)
            if n
        ]
    )
    return StepTagger(*fit_standardised(x, y, weight, c, SEED), threshold, _priors(groups))


def _priors(groups: list[list[Interview]]) -> Priors:
    return learn([[(i.found, i.labels) for i in g] for g in groups])


def _rows(groups: list[list[Interview]], k: int) -> list[list[float]]:
    """The features of set ``k``, with lemma priors learnt on the other sets."""
    priors = _priors(groups[:k] + groups[k + 1 :])
    return [row + priors.row(c) for i in groups[k] for row, c in zip(i.rows, i.found, strict=True)]


def score(interviews: list[Interview], tagger: StepTagger | None) -> tuple[int, int, int]:
    """(matched, spurious, missed) steps of ``interviews``: the rules' steps, or the tagger's."""
    tp = n_pred = n_gold = 0
    for interview in interviews:
        kept = (
            interview.steps if tagger is None else tagger.select(interview.found, interview.steps)
        )
        pred = [s.quote for s in ordered(kept)]
        tp += len(match(pred, interview.gold))
        n_pred, n_gold = n_pred + len(pred), n_gold + len(interview.gold)
    return tp, n_pred - tp, n_gold - tp


class Bars(NamedTuple):
    threshold: float
    opener: float


def loso(
    sets: dict[str, list[Interview]], c: float = C
) -> tuple[Bars, dict[str, tuple[tuple, tuple]]]:
    """Leave one set out: the threshold chosen on all held-out scores (the lowest whose mean
    precision over sets reaches ``PRECISION_FLOOR``), the folded openers' bar chosen on the
    newest sets, and per set (rules-only P/R/F1, tagger P/R/F1) at those bars."""
    taggers = {name: _fit_without(sets, name, c) for name in sets}
    best = THRESHOLDS[-1]
    for threshold in reversed(THRESHOLDS):
        precision = [prf(*score(s, _at(taggers[n], threshold)))[0] for n, s in sets.items()]
        if sum(precision) / len(precision) >= PRECISION_FLOOR:
            best = threshold
    newest = list(sets)[-NEWEST:]
    curve = []
    for bar in sorted({o for o in OPENER_THRESHOLDS if o <= best} | {best}, reverse=True):
        figures = [prf(*score(sets[n], _at(taggers[n], best, bar))) for n in newest]
        p, r, f1 = (mean(f[k] for f in figures) for k in (0, 1, 2))
        print(f"folded openers' bar {bar}: newest {NEWEST} sets P {p:.3f} R {r:.3f} F1 {f1:.3f}")
        curve.append((bar, r, f1))
    opener = opener_bar(curve)
    figures = {
        name: (prf(*score(s, None)), prf(*score(s, _at(taggers[name], best, opener))))
        for name, s in sets.items()
    }
    return Bars(best, opener), figures


def opener_bar(curve: Sequence[tuple[float, float, float]]) -> float:
    """The folded openers' bar from (bar, recall, F1) on the newest sets, highest bar first: the
    highest bar whose recall reaches ``RECALL_TARGET``; where none does, the bar of the best F1
    (the first of equals), not the lowest — the target out of reach, the best balance."""
    for bar, recall, _ in curve:
        if recall >= RECALL_TARGET:
            return bar
    return max(curve, key=lambda point: point[2])[0]


def _fit_without(sets: dict[str, list[Interview]], held: str, c: float = C) -> StepTagger:
    """A tagger trained on every set but ``held``, the untuned ones boosted."""
    names = [n for n in sets if n != held]
    boost = tuple(UNTUNED_BOOST if n not in TUNED else 1.0 for n in names)
    return fit([sets[n] for n in names], c=c, boost=boost)


def _at(tagger: StepTagger, threshold: float, opener: float | None = None) -> StepTagger:
    return replace(tagger, threshold=threshold, opener_threshold=opener)


def main(argv: list[str] | None = None) -> int:
    """Print the leave-one-set-out figures, then write the tagger trained on every set."""
    sets = {name: read_set(name) for name in development_sets()}
    bars, figures = loso(sets)
    for name, (rules, tagged) in figures.items():
        print(
            f"{name:6} rules P {rules[0]:.2f} R {rules[1]:.2f} F1 {rules[2]:.2f} | "
            f"tagger P {tagged[0]:.2f} R {tagged[1]:.2f} F1 {tagged[2]:.2f}"
        )
    print(f"threshold {bars.threshold}, folded openers {bars.opener}")
    print(f"({len(TAGGER_FEATURES)} features)")
    if "--write" in (argv if argv is not None else sys.argv[1:]):
        boost = tuple(UNTUNED_BOOST if n not in TUNED else 1.0 for n in sets)
        tagger = fit(list(sets.values()), bars.threshold, boost=boost)
        tagger = replace(tagger, opener_threshold=bars.opener)
        MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
        MODEL_PATH.write_text(json.dumps(tagger.to_json(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
