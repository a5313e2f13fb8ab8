"""From interview transcripts to the canonical process with each employee's gaps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from salesmine.errors import InputError
from salesmine.process.english_description import check_mode
from salesmine.process.gaps import find_gaps
from salesmine.process.merge import MergeSettings, merge_steps
from salesmine.process.model import Process
from salesmine.process.step_model import load_tagger
from salesmine.process.steps import extract_steps
from salesmine.records import Transcript

# Whether discovery lets the learned step tagger (``step_model``) keep or drop the rules' steps.
# On: leave one set out it raised extraction F1 on each of the seven writers the rules were not
# first tuned on (dev5..dev11: +0.01..+0.03, precision +2..+5 points, recall unchanged) and cost
# the bundled sample 0.01; see benchmarks/process_bench.py --extraction-loso.
LEARNED_STEPS = True


def discover_process(
    transcripts: Sequence[Transcript],
    *,
    core_threshold: float = 0.5,
    settings: MergeSettings | None = None,
    learned_steps: bool = LEARNED_STEPS,
    mode: str = "auto",
) -> Process:
    """Extract every interviewee's steps, merge them into one process and find each one's gaps.

    Args:
        transcripts: one interview per employee (interviewer turns give context only).
        core_threshold: share of employees from which an activity is core rather than optional.
        settings: merge knobs (similarity threshold, minimum support, embeddings).
        learned_steps: let the shipped step tagger keep or drop the rules' candidates.
        mode: how English texts are read: "interview" (the interviewee's own steps), "description"
            (a process description: every role's actions are steps) or "auto" (per transcript).
    """
    if not 0.0 < core_threshold <= 1.0:
        raise InputError(f"core threshold {core_threshold}: use a share between 0 and 1, e.g. 0.5")
    if not transcripts:
        raise InputError("no interviews given: pass at least one transcript")
    check_mode(mode)
    names = employee_names(transcripts)
    tagger = load_tagger() if learned_steps else None
    steps = [
        step
        for transcript, name in zip(transcripts, names, strict=True)
        for step in extract_steps(transcript, employee=name, tagger=tagger, mode=mode)
    ]
    process = merge_steps(steps, employees=names, core_threshold=core_threshold, settings=settings)
    return replace(process, gaps=find_gaps(process))


def employee_names(transcripts: Sequence[Transcript]) -> list[str]:
    """One distinct name per transcript: the employee, else the interviewee, else the file name.

    Two files of the same person stay apart as "Name (file)" so neither account is lost.
    """
    names = [t.employee or t.interviewee or Path(t.source).stem for t in transcripts]
    seen = {n: names.count(n) for n in names}
    return [
        f"{name} ({Path(t.source).name})" if seen[name] > 1 else name
        for name, t in zip(names, transcripts, strict=True)
    ]
