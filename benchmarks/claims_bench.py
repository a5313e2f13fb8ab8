"""Manager-error detection: precision/recall on the labelled claim sets, and matching speed.

1. Scores, with ``salesmine.refusals.claims.evaluate_claims``: ``data/claims/dev`` (written by the
   rules' author), ``dev2``, ``dev3``, ``dev4`` (other writers, used for tuning) and, when
   present, ``data/claims/heldout`` (never tuned on) — manager_error and claim P/R/F1,
   catalog-match accuracy.
2. Two sets written by other people for other purposes: the bundled sample (its planted errors in
   ``src/salesmine/sample/expected.json``: manager_error and claim P/R, match accuracy on its
   cases) and the ``product_missing`` notes of the refusal-reason training data
   (``data/refusals/train``: claim recall only, no catalog; the claim rate on notes of the other
   reasons is shown for reference — some of those do deny a product on the side).
3. Times matching 100,000 mentions against a generated 1,000-item catalog (issue 4 target: < 10 s).
   The catalog and mentions are synthetic and only for timing; figures are printed, not asserted.

Pass folders to score only those: ``claims_bench.py data/claims/dev2``.

``--lowo`` scores writers left out, in ``FOLDS`` grouped folds (each writer's set in one fold,
see ``folds_of``): for each fold, the claim classifier (``salesmine.refusals.claim_classifier``)
and the pair model (``claim_pairs``) are retrained on the other folds and the fold's sets are
scored three times: rules only, rules + pairs, and rules + pairs + verifier (``claim_verifier``,
trained on the other folds' out-of-fold decisions), with the mean over sets and the pooled
manager-error counts — the honest figure for the learned parts (the rules were tuned on all the
sets).
``--train`` retrains the shipped classifier, pair model and verifier on the development sets
(never on ``heldout``) and then prints the development report only; the out-of-fold inputs of
the pair model and the verifier come from the same grouped folds.
``--skip-heldout`` runs the default report without ``heldout`` (for whoever tunes the rules).
``--embeddings`` switches on the optional embedding route of catalog matching
(``salesmine.refusals.catalog_embeddings``, needs ``salesmine[embeddings]``) for the scores, and
times it separately on unmatched mentions of the synthetic catalog.
``--help`` prints this text; any other unknown flag is an error (nothing is scored).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import random
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import pandas as pd  # noqa: E402

from salesmine.records import CatalogItem  # noqa: E402
from salesmine.refusals.catalog_index import CatalogIndex  # noqa: E402
from salesmine.refusals.catalog_match import build_index, match_catalog  # noqa: E402
from salesmine.refusals.claim_scoring import score_claims  # noqa: E402
from salesmine.refusals.claims import (  # noqa: E402
    claim_of,
    evaluate_claims,
    find_claims,
    resolve_catalog,
)

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


CLAIMS = ROOT / "data" / "claims"
# Every development set there is (dev, dev2, ... as writers add them), in writing order.
DEVELOPMENT = tuple(
    sorted(
        (p.name for p in CLAIMS.glob("dev*") if (p / "notes.csv").exists()),
        key=lambda n: (len(n), n),
    )
)
FLAGS = frozenset(("--lowo", "--train", "--skip-heldout", "--embeddings", "--help", "-h"))
# Out-of-fold inputs (pair model, verifier) and ``--lowo`` leave out a fold of writers, not one
# writer: nested leave-one-writer-out fitted the claim classifier N x (N-1) times for the
# verifier (48 sets: 2,256 fits of ~6 s plus as many re-reads of a set at ~1.3 s, > 4 h CPU,
# session 13 profile); nested 8-fold needs 8 x 7 / 2 = 28 fits and 7 re-reads per set. Each fold
# still leaves out whole writers (~6 of 48), so the estimate stays out-of-writer.
FOLDS = 8
EMBEDDING_TIMING_MENTIONS = 1_000
LABELLED = (*DEVELOPMENT, "heldout")
REFUSAL_TRAIN = ROOT / "data" / "refusals" / "train"
HEADER = (
    f"{'set':<16} {'notes':>6} {'ME P':>6} {'ME R':>6} {'ME F1':>6} {'claim P':>8} "
    f"{'claim R':>8} {'match acc':>9}"
)


def _cell(value: float | None, width: int) -> str:
    return f"{value:>{width}.3f}" if value is not None else f"{'':>{width}}"


def _row(name: str, notes: int, me: dict, claims: dict, match: float | None) -> str:
    return (
        f"{name:<16} {notes:>6} {_cell(me.get('precision'), 6)} {_cell(me.get('recall'), 6)} "
        f"{_cell(me.get('f1'), 6)} {_cell(claims.get('precision'), 8)} "
        f"{_cell(claims.get('recall'), 8)} {_cell(match, 9)}"
    )


def score_folder(folder: Path) -> str:
    """One table row for a labelled folder (data/claims/README.md format)."""
    notes, catalog = folder / "notes.csv", folder / "catalog.csv"
    if not notes.exists() or not catalog.exists():
        return f"{folder.name:<16} (no notes.csv/catalog.csv)"
    frame = pd.read_csv(notes, dtype=str, keep_default_na=False)
    scores = evaluate_claims(frame, catalog)
    return _row(
        folder.name,
        scores["notes"],
        scores["manager_error"],
        scores["claims_missing_product"],
        scores["catalog_match_accuracy"],
    )


def _prf(gold: set[str], predicted: set[str]) -> dict[str, float]:
    hit = len(gold & predicted)
    precision = hit / len(predicted) if predicted else 1.0
    recall = hit / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def score_sample() -> str:
    """The bundled sample's planted cases: manager errors, claims (errors, truly absent,
    discontinued; corrected claims must not be found), and the catalog item of each case."""
    from salesmine.ingest import load_catalog, load_notes
    from salesmine.report import sample_dir

    folder = sample_dir()
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    frame = load_notes([folder / "crm_deals.csv"]).frame
    index = resolve_catalog(load_catalog(folder / "catalog.csv"))
    found = {str(i): claim_of(t, index) for i, t in zip(frame["id"], frame["text"], strict=True)}
    errors = {str(i) for i in expected["manager_error_ids"]}
    claimed = errors | {
        str(i) for key in ("truly_absent_ids", "discontinued_ids") for i in expected[key]
    }
    cases = [c for c in expected["cases"] if str(c["id"]) in claimed and found.get(str(c["id"]))]
    right = sum(found[str(c["id"])].match.item == c["catalog_item"] for c in cases)
    return _row(
        "sample",
        len(frame),
        _prf(errors, {i for i, f in found.items() if f and f.manager_error}),
        _prf(claimed, {i for i, f in found.items() if f}),
        right / len(cases) if cases else None,
    )


def score_refusal_train() -> list[str]:
    """Claim recall on the product_missing notes of the refusal training data, per language."""
    files = sorted(REFUSAL_TRAIN.glob("*.csv"))
    if not files:
        return [f"{'refusal-train':<16} (no data/refusals/train/*.csv)"]
    frame = pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False) for f in files])
    missing = frame["reason"] == "product_missing"
    found = [
        bool(find_claims(t, lang)) for t, lang in zip(frame["text"], frame["lang"], strict=True)
    ]
    found_s = pd.Series(found, index=frame.index)
    rows = []
    for lang in ("ru", "en"):
        picked = missing & (frame["lang"] == lang)
        recall = float(found_s[picked].mean()) if picked.any() else None
        rows.append(_row(f"refusal-train {lang}", int(picked.sum()), {}, {"recall": recall}, None))
    others = float(found_s[~missing].mean())
    rows.append(
        f"{'':<16} claims found in {int((~missing).sum())} notes of other reasons: {others:.3f}"
    )
    return rows


def score_sets(folders: list[Path], *, others: bool) -> None:
    """Print the table: the labelled folders, then (``others``) the sample and refusal data."""
    print(HEADER)
    for folder in folders:
        print(score_folder(folder))
    if others:
        print(score_sample())
        for line in score_refusal_train():
            print(line)


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


def _labelled(folder: Path) -> pd.DataFrame:
    return pd.read_csv(folder / "notes.csv", dtype=str, keep_default_na=False)


@functools.lru_cache(maxsize=None)
def _index(catalog: Path) -> CatalogIndex:
    """One catalog index per set for the whole run: the folds re-read every set several times,
    and the index caches its matches (pure functions of the catalog and the mention, whatever
    models are swapped in); re-reading a set with a warm index took 0.3 s instead of 3.6 s
    (session 13 profile)."""
    return resolve_catalog(catalog)


def train(folders: list[Path]) -> None:
    """Retrain the shipped claim classifier, then the pair model, then the verifier, on the
    development sets."""
    from salesmine.refusals import claim_classifier

    frames = {f: _labelled(f) for f in folders if f.name != "heldout"}
    model = _fit_classifier(list(frames.values()))
    claim_classifier.save_classifier(model)
    print(
        f"classifier: {sum(map(len, frames.values()))} notes, {len(model['terms'])} terms "
        f"-> {claim_classifier.MODEL_PATH}"
    )
    train_pairs(frames)
    train_verifier(frames)


def train_pairs(frames: dict[Path, pd.DataFrame]) -> None:
    """Retrain the shipped pair model. The rows of each set are read with a claim classifier
    trained without that set's fold, so its probability is as unsure there as on a new writer."""
    from salesmine.refusals import claim_classifier
    from salesmine.refusals.claim_pairs import MODEL_PATH, save_pairs
    from salesmine.refusals.claim_pairs_train import fit_pairs

    fold = folds_of(frames)
    shipped = claim_classifier._model
    try:
        rows = [r for f in frames for r in _pair_rows(frames, f, exclude=fold[f])]
    finally:
        claim_classifier._model = shipped
    pairs = fit_pairs(rows)
    save_pairs(pairs)
    print(f"pair model: {pairs['pairs']} pairs, {len(pairs['weights'])} weights -> {MODEL_PATH}")


def train_verifier(frames: dict[Path, pd.DataFrame]) -> None:
    """Retrain the shipped verifier on each set's decisions made by a classifier and a pair
    model trained without that set's fold (so they err there as on a new writer)."""
    from salesmine.refusals import claim_verifier

    decided = _fold_decisions(frames)
    rows = {held.name: [r for _, r in found_rows[1]] for held, found_rows in decided.items()}
    model = claim_verifier.train_verifier(rows)
    claim_verifier.save_verifier(model)
    print(
        f"verifier: {model['rows']} decisions, {len(model['weights'])} weights, "
        f"threshold {model['threshold']} -> {claim_verifier.MODEL_PATH}"
    )


def _fit_classifier(frames: list[pd.DataFrame]) -> dict:
    from salesmine.refusals.claim_classifier import train_classifier

    rest = pd.concat(frames)
    labels = rest["claims_missing_product"].astype(int).tolist()
    return train_classifier(rest["text"].tolist(), rest["lang"].tolist(), labels)


def folds_of(frames: dict[Path, pd.DataFrame], k: int = FOLDS) -> dict[Path, frozenset[Path]]:
    """Each set's fold (the sets sharing it, itself included): the k-th set in writing order goes
    to fold k mod ``k`` — fixed, no seed needed, and a new writer's set joins one fold without
    moving the others."""
    order = list(frames)
    groups = [frozenset(order[j :: min(k, len(order))]) for j in range(min(k, len(order)))]
    return {f: g for g in groups for f in g}


def _classifier_without(
    frames: dict[Path, pd.DataFrame], exclude: frozenset[Path], cache: dict | None = None
) -> dict:
    """A classifier trained on the sets not excluded (``cache``: keyed by ``exclude``)."""
    if cache is not None and exclude in cache:
        return cache[exclude]
    model = _fit_classifier([x for f, x in frames.items() if f not in exclude])
    if cache is not None:
        cache[exclude] = model
    return model


def _pair_rows(
    frames: dict[Path, pd.DataFrame],
    folder: Path,
    *,
    exclude: frozenset[Path],
    cache: dict | None = None,
) -> list:
    """Pair-model rows of one set, read with a classifier trained on the sets not excluded."""
    from salesmine.refusals import claim_classifier
    from salesmine.refusals.claim_pairs_train import labelled_rows

    model = _classifier_without(frames, exclude, cache)
    claim_classifier._model = lambda m=model: m  # type: ignore[assignment]
    return labelled_rows(frames[folder], _index(folder / "catalog.csv"))


@contextlib.contextmanager
def _swapped() -> Iterator[None]:
    """Restore the shipped classifier, pair model and verifier after a run that swaps them; the
    verifier is off inside (the runs score or collect unverified decisions)."""
    from salesmine.refusals import claim_classifier, claim_pairs, claim_verifier

    shipped = claim_classifier._model, claim_pairs._model, claim_verifier._model
    claim_verifier._model = lambda: None  # type: ignore[assignment]
    try:
        yield
    finally:
        claim_classifier._model, claim_pairs._model, claim_verifier._model = shipped


def _use_fold(
    frames: dict[Path, pd.DataFrame],
    fold: dict[Path, frozenset[Path]],
    held: frozenset[Path],
    cache: dict,
) -> None:
    """Swap in a classifier and a pair model trained without the fold ``held``. Nested: the
    pair model's rows of set s are read with a classifier trained on neither s's fold nor
    ``held`` (``cache`` shares these classifiers between folds: {a, b} is {b, a})."""
    from salesmine.refusals import claim_classifier, claim_pairs
    from salesmine.refusals.claim_pairs_train import fit_pairs

    rows = [
        r
        for f in frames
        if f not in held
        for r in _pair_rows(frames, f, exclude=held | fold[f], cache=cache)
    ]
    pairs = fit_pairs(rows)
    classifier = _classifier_without(frames, held, cache)
    claim_classifier._model = lambda m=classifier: m  # type: ignore[assignment]
    claim_pairs._model = lambda m=pairs: m  # type: ignore[assignment]


def _fold_decisions(
    frames: dict[Path, pd.DataFrame], *, rules: dict[Path, dict] | None = None
) -> dict[Path, tuple[list, list]]:
    """Each set's unverified decisions (``_decisions``) by a classifier and a pair model
    trained without its fold; with ``rules``, also each set's scores by the rules and that
    fold's classifier alone (pair model off)."""
    from salesmine.refusals import claim_pairs

    fold = folds_of(frames)
    cache: dict = {}
    decided = {}
    with _swapped():
        for held in dict.fromkeys(fold.values()):
            _use_fold(frames, fold, held, cache)
            for folder in (f for f in frames if f in held):
                if rules is not None:
                    pairs = claim_pairs._model
                    claim_pairs._model = lambda: None  # type: ignore[assignment]
                    rules[folder] = evaluate_claims(frames[folder], _index(folder / "catalog.csv"))
                    claim_pairs._model = pairs
                decided[folder] = _decisions(frames[folder], folder / "catalog.csv")
    return {f: decided[f] for f in frames}


def _decisions(frame: pd.DataFrame, catalog: Path) -> tuple[list, list]:
    """The unverified NoteClaims of a set, and (row, (verifier features, gold)) of each that
    names an active item."""
    from salesmine.refusals import claims
    from salesmine.refusals.claim_scoring import _flag
    from salesmine.refusals.claim_verifier import decision_features

    index = _index(catalog)
    found, rows = [], []
    for k, (text, lang, gold) in enumerate(
        zip(frame["text"], frame["lang"], frame["expected_manager_error"], strict=True)
    ):
        rule, final = claims.unverified_claim_of(text, index, lang or None)
        found.append(final)
        if final is not None and final.manager_error:
            feats = decision_features(text, lang or None, index, rule, final, claims.scan_match)
            rows.append((k, (feats, int(_flag(gold)))))
    return found, rows


def leave_one_writer_out(folders: list[Path]) -> None:
    """Score each set with models trained without its fold of writers (``folds_of``): the rules
    with a retrained claim classifier ("rules"), with a retrained pair model as well ("pairs"),
    and with a verifier ("verified") trained on the other folds' "pairs" decisions (each made by
    models trained without that set's fold; its threshold by leave-one-set-out inside them)."""
    frames = {f: _labelled(f) for f in folders if f.name != "heldout"}
    fold = folds_of(frames)
    rules: dict[Path, dict] = {}
    decided = _fold_decisions(frames, rules=rules)
    verifiers = {held: _verifier_without(decided, held) for held in dict.fromkeys(fold.values())}
    results: dict[str, list[dict]] = {
        "rules": [rules[f] for f in frames],
        "pairs": [score_claims(x, decided[f][0]) for f, x in frames.items()],
        "verified": [
            score_claims(x, _verified(decided[f], verifiers[fold[f]])) for f, x in frames.items()
        ],
    }
    for kind in results:
        print(f"\nwriters left out ({len(set(fold.values()))} folds), {KINDS[kind]}:")
        print(HEADER)
        for held, scores in zip(frames, results[kind], strict=True):
            print(_scored_row(f"{held.name} {kind}", scores))
        print(_mean_row(f"mean {kind}", results[kind]))
        print(_pooled_counts(f"pooled {kind}", results[kind]))


KINDS = {
    "rules": "rules (+ claim classifier) only",
    "pairs": "rules + pair model",
    "verified": "rules + pair model + verifier",
}


def _verifier_without(decided: dict[Path, tuple[list, list]], fold: frozenset[Path]) -> dict:
    """A verifier trained on the decisions of the sets outside ``fold``."""
    from salesmine.refusals.claim_verifier import train_verifier

    return train_verifier(
        {f.name: [r for _, r in rows] for f, (_, rows) in decided.items() if f not in fold}
    )


def _verified(decided: tuple[list, list], model: dict) -> list:
    """A set's decisions with the errors vetoed that the verifier ``model`` doubts."""
    from salesmine.refusals.claim_verifier import verify_probability

    found, rows = list(decided[0]), decided[1]
    for k, (feats, _) in rows:
        if verify_probability(model, feats) < model["threshold"]:
            found[k] = dataclasses.replace(found[k], vetoed=True)
    return found


def _scored_row(name: str, scores: dict) -> str:
    return _row(
        name,
        scores["notes"],
        scores["manager_error"],
        scores["claims_missing_product"],
        scores["catalog_match_accuracy"],
    )


def _pooled_counts(name: str, scored: list[dict]) -> str:
    """Manager-error TP / FP / FN summed over the sets (every note counts the same)."""
    tp, fp, fn = (sum(s["manager_error"][k] for s in scored) for k in ("tp", "fp", "fn"))
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return (
        f"{name:<16} manager_error TP / FP / FN {tp} / {fp} / {fn}, "
        f"P {precision:.4f} R {recall:.4f}"
    )


def _mean_row(name: str, scored: list[dict]) -> str:
    """The unweighted mean over sets of each figure (every writer counts the same)."""

    def mean(part: str, key: str) -> float:
        return sum(s[part][key] for s in scored) / len(scored)

    keys = ("precision", "recall", "f1")
    accuracy = [s["catalog_match_accuracy"] for s in scored if s["catalog_match_accuracy"]]
    return _row(
        name,
        sum(s["notes"] for s in scored),
        {k: mean("manager_error", k) for k in keys},
        {k: mean("claims_missing_product", k) for k in keys},
        sum(accuracy) / len(accuracy) if accuracy else None,
    )


def time_embeddings() -> None:
    """Time the embedding route alone: the synthetic catalog embedded once, then distinct
    mentions the lexical routes leave unmatched (a sample; the rate is what matters)."""
    from salesmine.refusals.catalog_embeddings import embedding_item

    rng = random.Random(4)
    items = synthetic_catalog(rng)
    index = build_index(items)
    unmatched = list(
        dict.fromkeys(m for m in synthetic_mentions(items, rng) if not match_catalog(m, index).item)
    )
    sample = unmatched[:EMBEDDING_TIMING_MENTIONS]
    started = time.perf_counter()
    embedding_item("склад", index)
    built = time.perf_counter() - started
    started = time.perf_counter()
    found = sum(embedding_item(m, index) is not None for m in sample)
    seconds = time.perf_counter() - started
    print(
        f"\nembedding route: catalog ({sum(1 + len(i.synonyms) for i in items):,} texts) embedded "
        f"in {built:.1f} s; {len(sample):,} distinct unmatched mentions in {seconds:.1f} s "
        f"({len(sample) / seconds:,.0f}/s), {found} matched; the 100k run leaves "
        f"{len(unmatched):,} distinct unmatched -> ~{len(unmatched) / len(sample) * seconds:.0f} s"
    )


def main(argv: list[str]) -> int:
    flags = {a for a in argv if a.startswith("-")}
    paths = [Path(a) for a in argv if not a.startswith("-")]
    if flags & {"--help", "-h"}:
        print(__doc__)
        return 0
    if flags - FLAGS:
        print(f"unknown option(s): {', '.join(sorted(flags - FLAGS))}; see --help", file=sys.stderr)
        return 2
    if "--embeddings" in flags:
        from salesmine.refusals.catalog_embeddings import use_embeddings

        use_embeddings(True)
    # "--skip-heldout": the default run without the held-out set (for whoever tunes the rules);
    # "--train" never shows the held-out set either: whoever retrains is tuning.
    tuning = flags & {"--skip-heldout", "--train"}
    default = DEVELOPMENT if tuning else LABELLED
    folders = [f for f in paths or [CLAIMS / name for name in default] if f.exists()]
    if "--train" in flags:
        train([f for f in paths or [CLAIMS / n for n in DEVELOPMENT] if f.exists()])
    if "--lowo" in flags:
        leave_one_writer_out([f for f in paths or [CLAIMS / n for n in DEVELOPMENT] if f.exists()])
        return 0
    score_sets(folders, others=not paths)
    if not paths:
        time_matching()
        if "--embeddings" in flags:
            time_embeddings()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
