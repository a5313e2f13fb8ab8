"""How well discovery matches a hand-labelled set of interviews (``salesmine evaluate FOLDER``).

A labelled set is a folder with the interviews and a ``gold.csv`` naming each person's steps
(``employee, source, position, quote, step_name, activity_id``; ``personal`` for a one-off
step), as described in ``data/process/README.md``. Three figures, the ones issue 5 sets targets
for:

- extraction precision/recall: a found step matches a gold step of the same interview when the
  two quotes share at least half of the words of the shorter one (one-to-one, best overlap first);
- pairwise same-activity P/R/F1 over the matched steps of different people (``personal`` never
  pairs): did the merge put together what the annotator put together?
- Kendall tau between the order of the found activities and the gold activities' median
  relative positions (each found activity stands for its majority gold activity); beside it,
  where the set has a ``canonical.csv`` (``activity_id, order``), the tau against that order —
  the two part where each role tells only its own part of the sale, and the median relative
  positions then misplace the activities of the partial accounts.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from statistics import median

from salesmine.errors import InputError
from salesmine.process.merge import MergeSettings
from salesmine.process.model import PERSONAL, Process, Step
from salesmine.records import Transcript

GOLD_COLUMNS = ("employee", "source", "position", "quote", "step_name", "activity_id")
# Share of the shorter quote's words two quotes must share to be the same step.
MIN_OVERLAP = 0.5


@dataclass(frozen=True)
class ProcessScores:
    """The figures of one labelled set, with the counts behind them."""

    interviews: int
    gold_steps: int
    found_steps: int
    matched: int
    extraction: tuple[float, float, float]  # precision, recall, F1
    pairwise: tuple[float, float, float]
    tau: float
    activities: int
    tau_canonical: float = float("nan")  # against canonical.csv's order, where the set has one
    # (source, found index) -> gold index, for whoever wants to print the steps side by side
    matches: dict[str, dict[int, int]] = field(default_factory=dict, compare=False)

    def as_dict(self) -> dict[str, object]:
        """The figures as plain numbers (for ``--json``)."""
        names = ("precision", "recall", "f1")
        return {
            "interviews": self.interviews,
            "gold_steps": self.gold_steps,
            "found_steps": self.found_steps,
            "matched_steps": self.matched,
            "extraction": dict(zip(names, self.extraction, strict=True)),
            "pairwise_same_activity": dict(zip(names, self.pairwise, strict=True)),
            "kendall_tau": self.tau,
            "kendall_tau_canonical": self.tau_canonical,
            "activities": self.activities,
        }


def read_gold(path: Path) -> list[dict[str, str]]:
    """The rows of a gold.csv, checked for the columns and positions scoring needs."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in GOLD_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise InputError(
                    f"{path}: no column {', '.join(missing)}; a gold.csv needs the columns "
                    f"{', '.join(GOLD_COLUMNS)}"
                )
            rows = list(reader)
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; save the gold file as UTF-8 CSV") from None
    for number, row in enumerate(rows, start=2):
        if not str(row["position"]).strip().isdigit():
            raise InputError(
                f"{path}, row {number}: position {row['position']!r} is not a whole number"
            )
    return rows


def read_canonical(path: Path) -> dict[str, float]:
    """A canonical.csv's order of the gold activities (``activity_id`` -> ``order``; the row
    order where the ``order`` column is absent or not a number); {} when the file is absent."""
    if not path.is_file():
        return {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; save the file as UTF-8 CSV") from None
    if rows and "activity_id" not in rows[0]:
        raise InputError(f"{path}: no column activity_id; a canonical.csv needs it")
    order: dict[str, float] = {}
    for number, row in enumerate(rows, start=1):
        given = str(row.get("order") or "").strip()
        order[row["activity_id"]] = float(given) if _number(given) else float(number)
    return order


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 where undefined)."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def pairwise(
    pred: Sequence[str], gold: Sequence[str], owners: Sequence[str]
) -> tuple[float, float, float]:
    """Same-activity P/R/F1 over all step pairs of different people; "" / PERSONAL never match."""
    tp = fp = fn = 0
    for i, j in combinations(range(len(pred)), 2):
        if owners[i] == owners[j]:
            continue
        same_pred = pred[i] == pred[j] and pred[i] not in ("", PERSONAL)
        same_gold = gold[i] == gold[j] and gold[i] != ""
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    return prf(tp, fp, fn)


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower().replace("ё", "е")))


def match_steps(pred: Sequence[Step], gold: Sequence[dict[str, str]]) -> dict[int, int]:
    """One-to-one matching of one person's found steps to their gold steps by quote overlap."""
    return match_quotes([s.quote for s in pred], [row["quote"] for row in gold])


def match_quotes(found: Sequence[str], gold: Sequence[str]) -> dict[int, int]:
    """One-to-one found -> gold quote matching: the quotes share at least ``MIN_OVERLAP`` of the
    shorter one's words; best overlaps first (ties: the nearer position)."""
    ours, theirs = [_words(q) for q in found], [_words(q) for q in gold]
    candidates = sorted(
        (-len(a & b) / min(len(a), len(b)), abs(i - j), i, j)
        for i, a in enumerate(ours)
        for j, b in enumerate(theirs)
        if a and b and len(a & b) / min(len(a), len(b)) >= MIN_OVERLAP
    )
    result: dict[int, int] = {}
    taken: set[int] = set()
    for _, _, i, j in candidates:
        if i not in result and j not in taken:
            result[i] = j
            taken.add(j)
    return result


def order_tau(
    process: Process,
    gold_of_step: dict[tuple[str, int], str],
    gold_order: dict[str, float] | None = None,
) -> float:
    """Kendall tau of the found activity order vs the median relative position of each one's
    majority gold activity, or its place in ``gold_order`` where that is given (NaN with fewer
    than two activities to compare)."""
    from scipy.stats import kendalltau

    lengths: dict[str, int] = {}
    for step in process.steps:
        lengths[step.employee] = max(lengths.get(step.employee, 0), step.position)
    relative: dict[str, list[float]] = {}
    for step in process.steps:
        label = gold_of_step.get((step.employee, step.position), "")
        if label:
            share = (step.position - 1) / max(1, lengths[step.employee] - 1)
            relative.setdefault(label, []).append(share)
    ours, theirs = [], []
    for activity in process.activities:
        labels = [
            gold_of_step.get((s.employee, s.position), "")
            for s in process.steps
            if s.activity_id == activity.id
        ]
        labels = [label for label in labels if label]
        if labels:
            majority = max(sorted(set(labels)), key=labels.count)
            if gold_order is not None and majority not in gold_order:
                continue
            ours.append(activity.order)
            theirs.append(
                gold_order[majority] if gold_order is not None else median(relative[majority])
            )
    if len(ours) < 2:
        return float("nan")
    return float(kendalltau(ours, theirs).statistic)


def score_process(
    process: Process,
    transcripts: Sequence[Transcript],
    gold_rows: Sequence[dict[str, str]],
    canonical: dict[str, float] | None = None,
) -> ProcessScores:
    """Score a discovered ``process`` of ``transcripts`` against the gold rows (and the
    ``canonical`` order of the gold activities, where the set gives one)."""
    pairs_pred: list[str] = []
    pairs_gold: list[str] = []
    owners: list[str] = []
    gold_of: dict[tuple[str, int], str] = {}
    matches: dict[str, dict[int, int]] = {}
    n_found = n_gold = 0
    for transcript in transcripts:
        found = [s for s in process.steps if s.source == transcript.source]
        gold = person_gold(gold_rows, transcript.source)
        matched = matches[transcript.source] = match_steps(found, gold)
        n_found, n_gold = n_found + len(found), n_gold + len(gold)
        for i, j in matched.items():
            activity = gold[j]["activity_id"]
            pairs_pred.append(found[i].activity_id)
            pairs_gold.append("" if activity == PERSONAL else activity)
            owners.append(transcript.source)
            gold_of[(found[i].employee, found[i].position)] = pairs_gold[-1]
    hits = sum(len(m) for m in matches.values())
    return ProcessScores(
        interviews=len(transcripts),
        gold_steps=n_gold,
        found_steps=n_found,
        matched=hits,
        extraction=prf(hits, n_found - hits, n_gold - hits),
        pairwise=pairwise(pairs_pred, pairs_gold, owners),
        tau=order_tau(process, gold_of),
        tau_canonical=order_tau(process, gold_of, canonical) if canonical else float("nan"),
        activities=len(process.activities),
        matches=matches,
    )


def person_gold(gold_rows: Sequence[dict[str, str]], source: str) -> list[dict[str, str]]:
    """The gold steps of one interview, in the person's order."""
    rows = [r for r in gold_rows if r["source"] == source]
    return sorted(rows, key=lambda r: int(r["position"]))


def gold_transcripts(gold_path: Path, folder: Path) -> list[Path]:
    """The interview files a gold.csv names, looked up in ``folder``; a missing one is an error."""
    sources = sorted({row["source"] for row in read_gold(gold_path)})
    missing = [s for s in sources if not (folder / s).is_file()]
    if missing:
        raise InputError(
            f"{gold_path}: interview {missing[0]} is not in {folder}; put the transcripts "
            "the gold names beside it"
        )
    return [folder / s for s in sources]


def load_labelled(gold_path: Path, folder: Path) -> list[Transcript]:
    """The interviews a gold.csv names, read as a user's run reads them: with the set's
    ``people.csv`` beside the gold, when there is one (names, roles — as ``--people`` gives)."""
    from salesmine.ingest import load_people, load_transcripts

    people_path = gold_path.parent / "people.csv"
    people = load_people(people_path) if people_path.is_file() else None
    return load_transcripts(gold_transcripts(gold_path, folder), people=people)


def evaluate_folder(
    folder: Path, *, transcripts: Path | None = None, settings: MergeSettings | None = None
) -> ProcessScores:
    """Discover the process of a labelled folder's interviews and score it against its gold.csv
    (the interviews are looked up in ``transcripts``, by default the folder itself)."""
    from salesmine.process.discovery import discover_process

    gold_path = folder / "gold.csv"
    if not gold_path.is_file():
        raise InputError(f"{folder}: no gold.csv; a labelled process set needs one (see --help)")
    rows = read_gold(gold_path)
    loaded = load_labelled(gold_path, transcripts or folder)
    process = discover_process(loaded, settings=settings)
    return score_process(process, loaded, rows, read_canonical(folder / "canonical.csv"))
