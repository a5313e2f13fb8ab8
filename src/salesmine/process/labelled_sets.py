"""The labelled development sets in the repository (``data/process/dev``, ``dev2``, ...), as the
trainers and benchmarks read them: ``dev`` annotates the bundled sample interviews, every other
set holds its interviews beside its ``gold.csv`` (format: data/process/README.md). Held-out sets
are never listed here."""

from __future__ import annotations

import re
from pathlib import Path

from salesmine.process.evaluation import read_gold

PROCESS_DATA = Path(__file__).resolve().parents[3] / "data" / "process"
SAMPLE_INTERVIEWS = Path(__file__).resolve().parents[1] / "sample" / "interviews"


def development_sets(data: Path = PROCESS_DATA) -> list[str]:
    """The development sets present, in writing order (dev, dev2, ..., dev10, ...)."""
    if not data.is_dir():
        return []
    names = [p.name for p in data.iterdir() if p.is_dir() and re.fullmatch(r"dev\d*", p.name)]
    names = [n for n in names if (data / n / "gold.csv").is_file()]
    return sorted(names, key=lambda n: int(n[3:] or 1))


def set_paths(name: str, data: Path = PROCESS_DATA) -> tuple[Path, Path]:
    """(gold.csv, the folder of its interviews) of one development set."""
    return data / name / "gold.csv", SAMPLE_INTERVIEWS if name == "dev" else data / name


def gold_rows(name: str, data: Path = PROCESS_DATA) -> list[dict[str, str]]:
    """The gold rows of one development set."""
    return read_gold(set_paths(name, data)[0])
