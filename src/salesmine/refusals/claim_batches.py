"""The claims of many notes: ``claims.claim_of`` note by note, with a large input split across
worker processes (the same result, in the same order)."""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from salesmine.records import CatalogItem

BATCH = 5_000  # notes per worker task; an input under two batches stays in this process

_worker_index: Any = None


def claims_of_notes(
    texts: Sequence[str], langs: Sequence[str], index: Any, *, n_jobs: int = 1, batch: int = BATCH
) -> list[Any]:
    """``claim_of`` (a NoteClaim or None) of each note, in order; ``batch`` notes a task."""
    from salesmine.refusals.claims import claim_of

    if n_jobs <= 1 or len(texts) < 2 * batch:
        return [claim_of(t, index, lang or None) for t, lang in zip(texts, langs, strict=True)]
    chunks = [
        (list(texts[k : k + batch]), list(langs[k : k + batch]))
        for k in range(0, len(texts), batch)
    ]
    # spawn, not fork, as for the refusal batches: a forked copy of a threaded process can hang.
    # The embeddings switch is an environment variable, which spawned workers inherit.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        min(n_jobs, len(chunks)),
        mp_context=context,
        initializer=_load_worker_catalog,
        initargs=(index.items,),
    ) as pool:
        return [claim for part in pool.map(_worker_claims, chunks) for claim in part]


def _load_worker_catalog(items: tuple[CatalogItem, ...]) -> None:
    from salesmine.refusals.catalog_match import build_index

    global _worker_index
    _worker_index = build_index(list(items))


def _worker_claims(chunk: tuple[list[str], list[str]]) -> list[Any]:
    from salesmine.refusals.claims import claim_of

    texts, langs = chunk
    return [claim_of(t, _worker_index, lang or None) for t, lang in zip(texts, langs, strict=True)]
