"""English step extraction on the English labelled sets (data/process/en1, en2); prints one table.

Rows per set:
- before: the generic rules English interviews went through before ``english_steps`` (the
  Russian-first candidates, collapsed; what ``extract_steps`` returned for English in session 4);
- rules: ``english_steps`` with its rules alone (what ``extract_steps`` returns without a tagger);
- end to end: ``discover_process`` on the set (the shipped extraction), with pairwise
  same-activity F1 and Kendall tau of the merge.

Process descriptions (data/process/desc_en: SOPs, regulations, "the clerk ... then the manager
..."; one description per file): extraction read as an interview (the interview reader, forced)
and in the mode picked per file (``english_description``: description mode).

Only en1, en2 and desc_en are read: other English folders are someone else's check and never
scored here; ``--check`` scores the description check set (data/process/desc_en_check), which is
never tuned on.
Run: python benchmarks/english_steps_bench.py [--details] [--check]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from salesmine.ingest import load_transcripts  # noqa: E402
from salesmine.process import discover_process  # noqa: E402
from salesmine.process.english_steps import extract_english  # noqa: E402
from salesmine.process.evaluation import (  # noqa: E402
    match_steps,
    person_gold,
    prf,
    read_gold,
    score_process,
)
from salesmine.process.labelled_sets import PROCESS_DATA  # noqa: E402
from salesmine.process.steps import _interviewee, judged, ordered  # noqa: E402

# the English development sets; other English folders are someone else's check, never read here
ENGLISH_SETS = ("en1", "en2")
DESCRIPTION_SETS = ("desc_en",)  # process descriptions, tuned on
DESCRIPTION_CHECK = "desc_en_check"  # process descriptions, scored only (``--check``)


def _figures(p: float, r: float, f: float) -> str:
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f}"


def extraction(
    name: str, how: str, details: bool = False, mode: str = "auto"
) -> tuple[float, float, float]:
    """Extraction P/R/F1 of one set: ``how`` is "before" (the generic rules) or "rules" (the
    English reader, in ``mode``)."""
    rows = read_gold(PROCESS_DATA / name / "gold.csv")
    files = sorted({r["source"] for r in rows})
    tp = n_found = n_gold = 0
    for transcript in load_transcripts([PROCESS_DATA / name / f for f in files]):
        who = _interviewee(transcript)
        if how == "before":
            found = ordered(judged(transcript)[1])
        else:
            found = list(extract_english(transcript, who, who, mode))
        gold = person_gold(rows, transcript.source)
        matched = match_steps(found, gold)
        if details:
            _print_details(transcript.source, found, gold, matched)
        tp, n_found, n_gold = tp + len(matched), n_found + len(found), n_gold + len(gold)
    return prf(tp, n_found - tp, n_gold - tp)


def _print_details(source: str, found: list, gold: list, matched: dict) -> None:  # type: ignore[type-arg]
    print(f"\n## {source}")
    hit = set(matched.values())
    for i, step in enumerate(found):
        mark = f"= {gold[matched[i]]['activity_id']:<10}" if i in matched else "+ extra     "
        print(f"  {mark} {step.name:<36} | {step.quote}")
    for j, row in enumerate(gold):
        if j not in hit:
            print(f"  - missed     {row['step_name']:<36} | {row['quote']}")


def end_to_end(name: str) -> str:
    """Extraction, pairwise F1 and tau of ``discover_process`` on one set."""
    rows = read_gold(PROCESS_DATA / name / "gold.csv")
    files = sorted({r["source"] for r in rows})
    transcripts = load_transcripts([PROCESS_DATA / name / f for f in files])
    scores = score_process(discover_process(transcripts), transcripts, rows)
    pp, pr, pf = scores.pairwise
    return (
        f"{_figures(*scores.extraction)} | pairwise P {pp:.2f} R {pr:.2f} F1 {pf:.2f} | "
        f"tau {scores.tau:.2f} | {scores.found_steps} found / {scores.gold_steps} gold"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="print every step (rules)")
    parser.add_argument(
        "--check", action="store_true", help="also score the description check set (once)"
    )
    args = parser.parse_args(argv)
    rows: list[tuple[str, str]] = []
    for name in ENGLISH_SETS:
        rows.append((f"{name}/before", _figures(*extraction(name, "before"))))
        rows.append((f"{name}/rules", _figures(*extraction(name, "rules", args.details))))
    for name in ENGLISH_SETS:
        rows.append((f"{name}/end to end", end_to_end(name)))
    names = DESCRIPTION_SETS + ((DESCRIPTION_CHECK,) if args.check else ())
    for name in names:
        shown = args.details and name != DESCRIPTION_CHECK
        rows.append(
            (f"{name}/as interview", _figures(*extraction(name, "rules", mode="interview")))
        )
        rows.append((f"{name}/auto mode", _figures(*extraction(name, "rules", shown))))
    width = max(len(r[0]) for r in rows)
    for label, figures in rows:
        print(f"{label.ljust(width)} | {figures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
