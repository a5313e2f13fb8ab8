"""Text layer throughput: cached lemmas vs spaCy's own pymorphy3 lemmatizer on short notes."""

from __future__ import annotations

import csv
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from salesmine.text import clauses, detect_language, lemmas  # noqa: E402

N_NOTES = 20_000


def load_notes() -> list[str]:
    """Notes from the repo's training data, resampled to N_NOTES (throughput only)."""
    texts: list[str] = []
    for path in sorted((ROOT / "data" / "refusals" / "train").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            texts.extend(row["text"] for row in csv.DictReader(fh) if row.get("text"))
    if not texts:
        texts = ["Клиент сказал дорого, перезвонить в марте", "КП отправил, ждём ответа от ЛПР"]
    rng = random.Random(7)
    return [rng.choice(texts) for _ in range(N_NOTES)]


def rate(func, notes: list[str]) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    for note in notes:
        func(note)
    return len(notes) / (time.perf_counter() - started)


def spacy_lemmatizer_rate(notes: list[str]) -> float:
    import spacy

    nlp = spacy.blank("ru")
    nlp.add_pipe("lemmatizer", config={"mode": "pymorphy3"})
    nlp.initialize()
    sample = notes[:2_000]
    started = time.perf_counter()
    for _ in nlp.pipe(sample, batch_size=256):
        pass
    return len(sample) / (time.perf_counter() - started)


def main() -> None:
    notes = load_notes()
    rows = [
        ("detect_language", rate(detect_language, notes)),
        ("lemmas (word cache, cold+warm)", rate(lemmas, notes)),
        ("lemmas (warm cache)", rate(lemmas, notes)),
        ("clauses", rate(clauses, notes)),
        ("spaCy pymorphy3 lemmatizer (2k notes)", spacy_lemmatizer_rate(notes)),
    ]
    print(f"{'step':42} {'docs/s':>10}")
    for name, value in rows:
        print(f"{name:42} {value:>10,.0f}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak_mb:,.0f} MB over {len(notes):,} notes")


if __name__ == "__main__":
    main()
