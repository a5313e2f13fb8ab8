"""Manager-error detection: precision/recall on the labelled claim sets, and matching speed.

1. Scores ``data/claims/dev`` and, when present, ``data/claims/heldout`` (never tuned on) with
   ``salesmine.refusals.claims.evaluate_claims``: manager_error and claim P/R/F1, catalog-match
   accuracy. Pass a folder to score only that one: ``claims_bench.py data/claims/heldout``.
2. Times matching 100,000 mentions against a generated 1,000-item catalog (issue 4 target: < 10 s).
   The catalog and mentions are synthetic and only for timing; figures are printed, not asserted.
"""

from __future__ import annotations

import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import pandas as pd  # noqa: E402

from salesmine.records import CatalogItem  # noqa: E402
from salesmine.refusals.catalog_match import build_index, match_catalog  # noqa: E402
from salesmine.refusals.claims import evaluate_claims  # noqa: E402

N_ITEMS = 1_000
N_MENTIONS = 100_000
HEADS = (
    "страхование",
    "лизинг",
    "интеграция с",
    "обслуживание",
    "доставка",
    "установка",
    "ремонт",
    "аренда",
    "обучение",
    "поддержка",
    "монтаж",
    "проектирование",
    "сборка",
    "insurance for",
    "leasing of",
    "integration with",
    "support for",
    "training on",
)
OBJECTS = (
    "автомобилей",
    "грузов",
    "спецтехники",
    "оборудования",
    "склада",
    "офиса",
    "квартиры",
    "дома",
    "яхт",
    "дронов",
    "серверов",
    "кухни",
    "шкафов",
    "станков",
    "тракторов",
    "1С",
    "CRM",
    "ERP",
    "телефонии",
    "сайта",
    "магазина",
    "кафе",
    "ресторана",
    "школы",
    "клиники",
    "аптеки",
    "фермы",
    "теплиц",
    "fleet",
    "cargo",
    "equipment",
    "servers",
    "kitchens",
    "wardrobes",
    "tractors",
    "drones",
    "clinics",
    "shops",
    "warehouses",
)
QUALIFIERS = (
    "",
    "для ИП",
    "для юрлиц",
    "с пробегом",
    "премиум",
    "эконом",
    "онлайн",
    "24/7",
    "под ключ",
    "без аванса",
    "на год",
    "for SMB",
    "enterprise",
    "basic",
    "pro",
)
NOISE = ("срочно", "нормальный", "дешевый", "новый", "старый", "large", "cheap", "custom")


def score_sets(folders: list[Path]) -> None:
    """Print P/R of manager_error and claims for each labelled folder that exists."""
    print(
        f"{'set':<10} {'notes':>6} {'ME P':>6} {'ME R':>6} {'ME F1':>6} {'claim P':>8} "
        f"{'claim R':>8} {'match acc':>9}"
    )
    for folder in folders:
        notes, catalog = folder / "notes.csv", folder / "catalog.csv"
        if not notes.exists() or not catalog.exists():
            print(f"{folder.name:<10} (no notes.csv/catalog.csv)")
            continue
        frame = pd.read_csv(notes, dtype=str, keep_default_na=False)
        scores = evaluate_claims(frame, catalog)
        me, claims = scores["manager_error"], scores["claims_missing_product"]
        print(
            f"{folder.name:<10} {scores['notes']:>6} {me['precision']:>6.3f} {me['recall']:>6.3f} "
            f"{me['f1']:>6.3f} {claims['precision']:>8.3f} {claims['recall']:>8.3f} "
            f"{scores['catalog_match_accuracy'] or 0:>9.3f}"
        )


def series_names(rng: random.Random, count: int) -> list[str]:
    """Made-up product-line names ("Соренто", "Калима"): rare, distinctive words."""
    syllables = ("ка", "ли", "мо", "ра", "се", "то", "ви", "ла", "но", "ре", "за", "ти", "ма", "до")
    return sorted(
        {
            "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).capitalize()
            for _ in range(count)
        }
    )


def synthetic_catalog(rng: random.Random) -> list[CatalogItem]:
    """1,000 distinct items from head x object x (series) x qualifier, with two or three
    synonyms each. Half the items carry a product-line name; the other half are built from the
    same few dozen words, which is the hard case for blocking."""
    series = series_names(rng, 400)
    names: dict[str, None] = {}
    while len(names) < N_ITEMS:
        line = rng.choice(series) if rng.random() < 0.5 else ""
        parts = (rng.choice(HEADS), rng.choice(OBJECTS), line, rng.choice(QUALIFIERS))
        names[" ".join(p for p in parts if p)] = None
    items = []
    for k, name in enumerate(names):
        words = name.split()
        synonyms = (
            " ".join(reversed(words)),
            " ".join(words[1:]) + " " + words[0],
            f"{words[0]} {rng.choice(OBJECTS)}",
        )
        items.append(
            CatalogItem(
                name,
                category=words[0].capitalize(),
                synonyms=synonyms[: rng.randint(2, 3)],
                status="discontinued" if k % 6 == 0 else "active",
            )
        )
    return items


def synthetic_mentions(items: list[CatalogItem], rng: random.Random) -> list[str]:
    """Mentions as notes write them: names and synonyms, lower-cased; one in ten with a typo,
    one in five with an extra word, one in ten with a word dropped, one in ten something the
    catalog does not have."""
    texts = [t for item in items for t in (item.name, *item.synonyms)]
    mentions = []
    for _ in range(N_MENTIONS):
        text = rng.choice(texts).lower()
        roll = rng.random()
        if roll < 0.1 and len(text) > 6:  # a typo
            k = rng.randrange(1, len(text) - 1)
            text = text[:k] + text[k + 1] + text[k] + text[k + 2 :]
        elif roll < 0.4:
            text = f"{rng.choice(NOISE)} {text}"
        elif roll < 0.5:
            text = " ".join(text.split()[:-1]) or text
        elif roll < 0.6:
            text = f"{rng.choice(HEADS)} {rng.choice(NOISE)} {rng.randint(1, 500)}"
        mentions.append(text)
    return mentions


def time_matching() -> None:
    """Build the index and match every mention; print the seconds and the peak RSS."""
    rng = random.Random(4)
    items = synthetic_catalog(rng)
    mentions = synthetic_mentions(items, rng)
    started = time.perf_counter()
    index = build_index(items)
    built = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    matched = sum(bool(match_catalog(m, index).item) for m in mentions)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"\ncatalog {len(items)} items ({len(index.entries)} entries, {len(index.vocab)} terms), "
        f"index built in {built:.2f} s"
    )
    print(
        f"{len(mentions):,} mentions ({len(set(mentions)):,} distinct) matched in {seconds:.2f} s "
        f"wall, {cpu:.2f} s CPU ({len(mentions) / seconds:,.0f}/s); {matched:,} matched; "
        f"peak RSS {rss_mb:.0f} MB (target: < 10 s)"
    )


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or [
        ROOT / "data" / "claims" / "dev",
        ROOT / "data" / "claims" / "heldout",
    ]
    score_sets(folders)
    if not argv:
        time_matching()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
