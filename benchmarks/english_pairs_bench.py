"""The English pair model (salesmine.process.english_pairs): leave one set out, and its training.

Trained on our English everyday scripts (data/process/scripts_en, six scenarios) and the English
interview sets en1, en2, en4, en5, en6 (each twice: gold steps, and the steps extraction finds;
en3 is the check set and is never read). Printed:

- each scenario of scripts_en merged with a model fitted on the other five scenarios and the
  interview sets, beside the hand weights (the merge without a model): pairwise same-event F1,
  scored as process_bench.py --only scripts scores it;
- with --interviews, each interview set merged end to end (extraction, then the merge) with a
  model fitted on the six scenarios and the other four interview sets, beside the hand weights;
- the model fitted on everything (its threshold), written to
  src/salesmine/models/process/pair_en.json (pair_en_encoder.json with --english-encoder) with
  --write. Byte-reproducible: lbfgs, no random state.

Public gold (DeScript, ../shared/benchmarks) is never read here.

    python benchmarks/english_pairs_bench.py [--english-encoder] [--interviews] [--write]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from salesmine.process import english_pair_training as et  # noqa: E402
from salesmine.process.english_pairs import FEATURES, MODEL_PATHS, PLAIN  # noqa: E402
from salesmine.process.merge import MergeSettings, final_groups  # noqa: E402
from salesmine.process.pair_training import pairwise_f1, predicted_ids  # noqa: E402


def hand_f1(gold: et.ScriptSet, encoder: bool) -> float:
    """Pairwise F1 of one scenario merged with the hand weights at the merge's own threshold."""
    settings = MergeSettings(learned_pairs=False, english_encoder=encoder)
    labels = final_groups(gold.features["hand"], gold.steps, settings.join_for(list(gold.steps)))
    return pairwise_f1(predicted_ids(gold.steps, labels), list(gold.labels), gold.steps)[2]


def interview_f1(name: str, settings: MergeSettings) -> float:
    """End-to-end pairwise F1 (matched steps) of one interview set, as process_bench.py scores
    it (there rounded to two places)."""
    from salesmine.ingest import load_transcripts
    from salesmine.process import discover_process
    from salesmine.process.evaluation import read_gold, score_process

    folder = ROOT / "data" / "process" / name
    rows = read_gold(folder / "gold.csv")
    transcripts = load_transcripts([folder / f for f in sorted({r["source"] for r in rows})])
    process = discover_process(transcripts, settings=settings)
    return score_process(process, transcripts, rows).pairwise[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--english-encoder", action="store_true", help="the encoder's model")
    parser.add_argument("--interviews", action="store_true", help="interview sets, end to end")
    parser.add_argument("--write", action="store_true", help="save the model fitted on all sets")
    args = parser.parse_args(argv)
    encoder = args.english_encoder
    names = FEATURES if encoder else PLAIN
    scripts = et.script_sets(encoder)
    interviews = {n: et.interview_sets(n, encoder) for n in et.INTERVIEW_SETS}

    def fitted(skip: str = "") -> et.EnglishPairModel:
        sets = [s for n, s in scripts.items() if n != skip]
        sets += [v for n, versions in interviews.items() if n != skip for v in versions]
        return et.fit(sets, names)

    rows, model_scores, hand_scores = [], [], []
    for name, gold in scripts.items():
        model = fitted(name)
        model_scores.append(et.set_f1(gold, model))
        hand_scores.append(hand_f1(gold, encoder))
        rows.append(
            (
                f"scripts_en/{name}",
                f"threshold {model.threshold}",
                model_scores[-1],
                hand_scores[-1],
            )
        )
    mean = sum(model_scores) / len(model_scores), sum(hand_scores) / len(hand_scores)
    rows.append(("scripts_en/mean", "held out", *mean))
    if args.interviews:
        scores = []
        for name in et.INTERVIEW_SETS:
            model = fitted(name)
            with_model = interview_f1(
                name, MergeSettings(english_encoder=encoder, pair_model=model)
            )  # type: ignore[arg-type]
            hand = interview_f1(name, MergeSettings(english_encoder=encoder, learned_pairs=False))
            scores.append((with_model, hand))
            rows.append((f"{name} (end to end)", f"threshold {model.threshold}", with_model, hand))
        rows.append(
            (
                "interviews/mean",
                "held out",
                sum(s[0] for s in scores) / len(scores),
                sum(s[1] for s in scores) / len(scores),
            )
        )
    width = max(len(r[0]) for r in rows)
    print(
        f"{'set'.ljust(width)} | model fitted on the other sets | pairwise F1 model | hand weights"
    )
    for label, note, model_f1, hand in rows:
        print(f"{label.ljust(width)} | {note} | {model_f1:.3f} | {hand:.3f}")
    full = fitted()
    print(f"model on all sets: threshold {full.threshold}, lone-step bar {full.attach}")
    if args.write:
        path = MODEL_PATHS[encoder]
        path.write_text(full.to_json(), encoding="utf-8")
        print(f"written {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
