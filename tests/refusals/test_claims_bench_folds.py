"""The grouped writer folds of ``benchmarks/claims_bench.py`` (out-of-fold inputs of the pair
model and the verifier, ``--lowo``): whole writers per fold, fixed, stable as sets are added."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "claims_bench.py"


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("claims_bench_folds", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sets(n: int) -> dict[Path, None]:
    return {Path(f"set{k}"): None for k in range(n)}


def test_every_set_in_one_fold_of_even_size() -> None:
    folds = _bench().folds_of(_sets(20), 8)
    groups = set(folds.values())
    assert len(groups) == 8
    assert sorted(len(g) for g in groups) == [2, 2, 2, 2, 3, 3, 3, 3]
    assert all(f in folds[f] for f in folds)
    assert sum(len(g) for g in groups) == 20  # disjoint: each set in exactly one fold


def test_a_new_set_moves_no_other_set() -> None:
    bench = _bench()
    before, after = bench.folds_of(_sets(20), 8), bench.folds_of(_sets(21), 8)
    new = Path("set20")
    assert all(after[f] - {new} == before[f] for f in before)


def test_fewer_sets_than_folds_is_leave_one_out() -> None:
    folds = _bench().folds_of(_sets(3), 8)
    assert all(g == frozenset({f}) for f, g in folds.items())
