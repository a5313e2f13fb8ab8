"""Training and leave-one-set-out scoring of the English step tagger.

The English labelled sets are data/process/en1 (HR/payroll SaaS) and en2 (UK facilities
services), each another writer's ten interviews with a ``gold.csv`` (format: data/process/
README.md). They are named here one by one: no other folder is ever read. A candidate's label:
its quote is matched to a gold step under the benchmark's rule (quotes share at least half of the
shorter one's words, one-to-one, best overlap first).

Everything a tagger needs besides its weights — the regularisation and the threshold — is chosen
on its own training set by leaving one interview out at a time, so the set it is scored on never
chooses anything. ``python -m salesmine.process.english_training`` prints both directions (train
on en1, score en2; and the reverse) beside the rules alone; ``--write`` then writes the shipped
weights, trained on both sets the same way. scikit-learn is needed for training only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import NamedTuple

from salesmine.process.english_candidates import EnglishCandidate, english_candidates
from salesmine.process.english_context import Voice
from salesmine.process.english_features import features
from salesmine.process.english_rules import judge
from salesmine.process.english_tagger import MODEL_PATH, EnglishTagger
from salesmine.process.evaluation import match_quotes, prf, read_gold
from salesmine.process.labelled_sets import PROCESS_DATA

ENGLISH_SETS = ("en1", "en2")  # never a glob: other English folders are someone's check
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0)
THRESHOLDS = tuple(round(0.05 + 0.025 * k, 3) for k in range(31))
SEED = 5


class Interview(NamedTuple):
    """One labelled English interview, read once."""

    source: str
    found: list[EnglishCandidate]
    way: Voice
    rules: list[EnglishCandidate]  # the rules' steps
    rows: list[list[float]]
    labels: list[int]
    gold: list[str]  # gold quotes in gold order


def read_english_set(name: str, data: Path = PROCESS_DATA) -> list[Interview]:
    """The labelled interviews of one English set (``ENGLISH_SETS`` only)."""
    from salesmine.ingest import load_transcripts
    from salesmine.process.steps import _interviewee

    if name not in ENGLISH_SETS:
        raise ValueError(f"{name}: not an English training set ({', '.join(ENGLISH_SETS)})")
    rows = read_gold(data / name / "gold.csv")
    interviews = []
    for transcript in load_transcripts(
        [data / name / f for f in sorted({r["source"] for r in rows})]
    ):
        mine = sorted(
            (r for r in rows if r["source"] == transcript.source), key=lambda r: int(r["position"])
        )
        gold = [r["quote"] for r in mine]
        found, way = english_candidates(transcript, _interviewee(transcript))
        rules = judge(found, way)
        labels = [0] * len(found)
        for i in match_quotes([c.clause.text for c in found], gold):
            labels[i] = 1
        interviews.append(
            Interview(transcript.source, found, way, rules, features(found, way), labels, gold)
        )
    return interviews


def counts(
    interviews: list[Interview], chosen: list[list[EnglishCandidate]]
) -> tuple[int, int, int]:
    """(matched, spurious, missed) of the chosen steps of each interview."""
    tp = n_pred = n_gold = 0
    for interview, steps in zip(interviews, chosen, strict=True):
        pred = [c.clause.text for c in steps]
        tp += len(match_quotes(pred, interview.gold))
        n_pred, n_gold = n_pred + len(pred), n_gold + len(interview.gold)
    return tp, n_pred - tp, n_gold - tp


def _fit(interviews: list[Interview], c: float) -> EnglishTagger:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.array([row for i in interviews for row in i.rows], dtype=float)
    y = np.array([label for i in interviews for label in i.labels])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=5000, random_state=SEED)
    model.fit((x - mean) / scale, y)
    return EnglishTagger(
        tuple(float(w) for w in model.coef_[0]), float(model.intercept_[0]),
        tuple(float(m) for m in mean), tuple(float(s) for s in scale),
    )  # fmt: skip


def _chosen(
    tagger: EnglishTagger, interview: Interview, threshold: float
) -> list[EnglishCandidate]:
    chances = [tagger._probability(row) for row in interview.rows]
    return [c for c, p in zip(interview.found, chances, strict=True) if p >= threshold]


def train(interviews: list[Interview]) -> EnglishTagger:
    """A tagger trained on ``interviews``, its regularisation and threshold chosen on them by
    leaving one interview out at a time (best F1)."""
    best: tuple[float, float, float] = (-1.0, C_GRID[0], 0.5)
    for c in C_GRID:
        held = [_fit(interviews[:k] + interviews[k + 1 :], c) for k in range(len(interviews))]
        for threshold in THRESHOLDS:
            chosen = [_chosen(t, i, threshold) for t, i in zip(held, interviews, strict=True)]
            f1 = prf(*counts(interviews, chosen))[2]
            if f1 > best[0] + 1e-9:
                best = (f1, c, threshold)
    tagger = _fit(interviews, best[1])
    return EnglishTagger(tagger.weights, tagger.bias, tagger.mean, tagger.scale, best[2])


def directions(sets: dict[str, list[Interview]]) -> list[tuple[str, tuple, tuple, float]]:
    """For each set: (name, rules P/R/F1, tagger P/R/F1 trained on the other sets, threshold)."""
    result = []
    for name, interviews in sets.items():
        others = [i for n, s in sets.items() if n != name for i in s]
        tagger = train(others)
        rules = prf(*counts(interviews, [i.rules for i in interviews]))
        tagged = prf(
            *counts(interviews, [_chosen(tagger, i, tagger.threshold) for i in interviews])
        )
        result.append((name, rules, tagged, tagger.threshold))
    return result


def main(argv: list[str] | None = None) -> int:
    """Print both directions, then (``--write``) write the tagger trained on both sets."""
    sets = {name: read_english_set(name) for name in ENGLISH_SETS}
    for name, rules, tagged, threshold in directions(sets):
        print(
            f"{name}: rules P {rules[0]:.3f} R {rules[1]:.3f} F1 {rules[2]:.3f} | tagger trained "
            f"on the other set P {tagged[0]:.3f} R {tagged[1]:.3f} F1 {tagged[2]:.3f} "
            f"(threshold {threshold})"
        )
    if "--write" in (argv if argv is not None else sys.argv[1:]):
        tagger = train([i for s in sets.values() for i in s])
        MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
        MODEL_PATH.write_text(json.dumps(tagger.to_json(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH} (threshold {tagger.threshold})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
