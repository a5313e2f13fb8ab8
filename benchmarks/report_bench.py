"""The whole report set on a large input: N notes + M interviews -> every page; time per stage,
page sizes, peak RSS. Targets (issue 6): < 60 s on 2 cores for 100k notes + 50 interviews, every
page < 5 MB.

The notes are the bundled sample's 340 deals resampled (real wording: claims, phones, e-mails,
multi-fact notes) over 120 generated managers in 3 branches and 24 months; the interviews are the
sample's 8, each copy re-voiced by one of those managers with one sentence dropped, written as
plain-text transcripts. Generated files go to a temporary folder (or --keep DIR).

Run: python benchmarks/report_bench.py [--notes 100000] [--interviews 50] [--model DIR]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import pandas as pd  # noqa: E402

from salesmine.config import load_settings  # noqa: E402
from salesmine.ingest import load_people, load_transcripts, read_table  # noqa: E402
from salesmine.report import build_report, sample_dir  # noqa: E402

FIRST = ("Анна", "Борис", "Вера", "Глеб", "Дарья", "Егор", "Жанна", "Илья", "Карина", "Лев",
         "Мария", "Никита", "Олеся", "Павел", "Раиса")
LAST = ("Соколов", "Волков", "Лебедев", "Козлов", "Новиков", "Морозов", "Павлов", "Семёнов")
BRANCHES = ("Москва", "Казань", "Екатеринбург")
DEPARTMENTS = ("Корпоративные продажи", "Розничные продажи", "Партнёрский канал")
MINUTES = 24 * 30 * 24 * 60  # two years of deal dates


def managers(n: int = 120) -> list[tuple[str, str, str]]:
    """(name, department, branch) for ``n`` invented managers."""
    names = [f"{f} {last}{'а' if f[-1] in 'аяя' else ''}" for last in LAST for f in FIRST][:n]
    return [(name, DEPARTMENTS[i % 3], BRANCHES[(i // 3) % 3]) for i, name in enumerate(names)]


def write_notes(out: Path, n: int, staff: list[tuple[str, str, str]], seed: int = 1) -> Path:
    """``n`` deals resampled from the sample export, given to ``staff``, spread over 2 years."""
    raw = read_table(sample_dir() / "crm_deals.csv")
    rng = random.Random(seed)
    picks = [rng.randrange(len(raw)) for _ in range(n)]
    frame = raw.iloc[picks].reset_index(drop=True)
    who = [staff[rng.randrange(len(staff))] for _ in range(n)]
    frame["ID"] = [str(100_000 + i) for i in range(n)]
    frame["Ответственный"] = [w[0] for w in who]
    frame["Подразделение"] = [w[1] for w in who]
    frame["Филиал"] = [w[2] for w in who]
    start = pd.Timestamp(2024, 8, 1)
    texts = frame["Комментарий"].fillna("").astype(str).tolist()
    # Every text made unique (a sum, sometimes a second note's first sentence), so no cache of
    # whole-note results can make the run look faster than on a real export.
    frame["Комментарий"] = [
        f"{t} {texts[rng.randrange(n)].split('.')[0]}. сумма {rng.randrange(10, 999)} т.р."
        if rng.random() < 0.3 else f"{t} ({rng.randrange(10, 999)} т.р.)"
        for t in texts
    ]
    frame["Дата создания"] = [
        (start + pd.Timedelta(minutes=rng.randrange(MINUTES))).strftime("%d.%m.%Y %H:%M:%S")
        for _ in range(n)
    ]
    path = out / "deals.csv"
    frame.to_csv(path, sep=";", index=False, encoding="utf-8")
    return path


def write_people(out: Path, staff: list[tuple[str, str, str]]) -> Path:
    rows = ["ФИО;Отдел;Филиал;Должность;Псевдонимы"]
    rows += [f"{name};{dept};{branch};Менеджер;" for name, dept, branch in staff]
    path = out / "people.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def write_interviews(out: Path, m: int, staff: list[tuple[str, str, str]], seed: int = 2) -> Path:
    """``m`` transcripts: the sample's interviews re-voiced by managers, one sentence dropped."""
    base = load_transcripts([sample_dir() / "interviews"],
                            people=load_people(sample_dir() / "people.csv"))
    rng = random.Random(seed)
    folder = out / "interviews"
    folder.mkdir()
    for k in range(m):
        source = base[k % len(base)]
        name = staff[k % len(staff)][0]
        lines = []
        for turn in source.turns:
            text = " ".join(turn.text.split())
            if turn.speaker == source.interviewee:
                sentences = text.split(". ")
                if len(sentences) > 3:
                    sentences.pop(rng.randrange(len(sentences)))
                lines.append(f"{name}: {'. '.join(sentences)}")
            else:
                lines.append(f"Интервьюер: {text}")
        (folder / f"interview_{k:03d}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return folder


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(args: argparse.Namespace, work: Path) -> None:
    staff = managers()
    started = time.perf_counter()
    notes = write_notes(work, args.notes, staff)
    people = write_people(work, staff)
    interviews = write_interviews(work, args.interviews, staff)
    print(f"generated {args.notes:,} notes, {args.interviews} interviews in "
          f"{time.perf_counter() - started:.1f} s ({work})", flush=True)
    settings = load_settings(sample_dir() / "salesmine.toml").override("input", encoding="utf-8")
    stages: list[tuple[str, float]] = []
    clock = time.perf_counter()

    def progress(step: int, total: int, label: str) -> None:
        print(f"  [{step}/{total}] {label} ({time.perf_counter() - clock:.1f} s)", flush=True)
        stages.append((label, time.perf_counter()))

    run_ = build_report([notes], work / "reports", settings=settings, people=people,
                        interviews=[interviews], catalog=sample_dir() / "catalog.csv",
                        model_dir=args.model, progress=progress)
    total = time.perf_counter() - clock
    print_table(run_.timings, run_.pages, total, args)


def print_table(timings: dict[str, float], pages: dict[str, Path], total: float,
                args: argparse.Namespace) -> None:
    print(f"\nreport set: {args.notes:,} notes + {args.interviews} interviews "
          f"(target < 60 s, each page < 5 MB)")
    print(f"{'stage':<14}{'seconds':>10}")
    for stage, seconds in timings.items():
        print(f"{stage:<14}{seconds:>10.1f}")
    print(f"{'total':<14}{total:>10.1f}   {'OK' if total < 60 else 'OVER TARGET'}")
    print(f"\n{'page':<14}{'MB':>10}")
    for name, path in pages.items():
        size = path.stat().st_size / 1e6
        print(f"{name:<14}{size:>10.2f}   {'OK' if size < 5 else 'OVER TARGET'}")
    print(f"\npeak RSS {peak_rss_mb():,.0f} MB")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--interviews", type=int, default=50)
    parser.add_argument("--model", type=Path, default=None, help="refusal model directory")
    parser.add_argument("--keep", type=Path, default=None,
                        help="write the files here and keep them")
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        run(args, args.keep)
        return
    with tempfile.TemporaryDirectory(prefix="salesmine-report-bench-") as work:
        run(args, Path(work))


if __name__ == "__main__":
    main()
