"""How far two people agree when they annotate the same interviews: a second annotator's gold
(``data/process/<set>/second_annotation/gold.csv``) scored against the set's own ``gold.csv`` with
the benchmark's rules — extraction precision / recall by quote match, and pairwise same-activity
P/R/F1 over the steps both found (each annotator's own activity ids; personal steps never pair).

This bounds what the process targets can mean: if two careful readers of the annotation guide
disagreed on a fifth of the steps, no extractor could be held to recall 0.85 against either.

    python benchmarks/annotation_agreement.py            # every set with a second annotation
    python benchmarks/annotation_agreement.py dev40
"""

from __future__ import annotations

import sys

from salesmine.process.evaluation import match_quotes, pairwise, prf, read_gold
from salesmine.process.labelled_sets import PROCESS_DATA
from salesmine.process.model import PERSONAL


def agreement(first: list[dict[str, str]], second: list[dict[str, str]]) -> tuple[tuple, tuple]:
    """(P, R, F1) of ``second``'s steps against ``first``'s, and pairwise (P, R, F1) on the
    steps both found."""
    matched = found = gold = 0
    labels_first: list[str] = []
    labels_second: list[str] = []
    owners: list[str] = []
    for source in sorted({row["source"] for row in first} | {row["source"] for row in second}):
        a = _ordered(first, source)
        b = _ordered(second, source)
        pairs = match_quotes([row["quote"] for row in b], [row["quote"] for row in a])
        matched, found, gold = matched + len(pairs), found + len(b), gold + len(a)
        for i, j in pairs.items():
            labels_second.append(_activity(b[i]))
            labels_first.append(_activity(a[j]))
            owners.append(source)
    steps = prf(matched, found - matched, gold - matched)
    return steps, pairwise(labels_second, labels_first, owners)


def _ordered(rows: list[dict[str, str]], source: str) -> list[dict[str, str]]:
    return sorted((r for r in rows if r["source"] == source), key=lambda r: int(r["position"]))


def _activity(row: dict[str, str]) -> str:
    return "" if row["activity_id"] == PERSONAL else row["activity_id"]


def main(argv: list[str]) -> int:
    annotated = PROCESS_DATA.glob("*/second_annotation/gold.csv")
    names = argv or sorted(p.parent.parent.name for p in annotated)
    for name in names:
        folder = PROCESS_DATA / name
        second = folder / "second_annotation" / "gold.csv"
        if not second.exists():
            print(f"{name}: no second annotation ({second})")
            continue
        steps, pairs = agreement(read_gold(folder / "gold.csv"), read_gold(second))
        print(
            f"{name:6} steps P {steps[0]:.3f} R {steps[1]:.3f} F1 {steps[2]:.3f} | "
            f"pairwise P {pairs[0]:.3f} R {pairs[1]:.3f} F1 {pairs[2]:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
