"""Claimed products the catalog could not place, grouped so a user can add synonyms."""

from __future__ import annotations

import pandas as pd

from salesmine.refusals.catalog_terms import phrase_terms


def _column(frame: pd.DataFrame, name: str, size: int) -> list[str]:
    if name not in frame.columns:
        return [""] * size
    return ["" if pd.isna(v) else str(v) for v in frame[name].tolist()]


def unmatched_mentions(annotated: pd.DataFrame, *, examples: int = 3) -> pd.DataFrame:
    """Claimed products the catalog could not place: mentioned_product, count, example ids.

    Mentions are grouped by their content terms, so "рассрочки" and "рассрочку" form one row.
    """
    columns = ["mentioned_product", "count", "example_ids"]
    if annotated.empty or "claims_missing_product" not in annotated.columns:
        return pd.DataFrame(columns=columns)
    claimed = annotated["claims_missing_product"].fillna(0).astype(int) == 1
    rows = annotated[claimed & (annotated["catalog_match"].fillna("") == "")]
    groups: dict[frozenset[str], list[tuple[str, str]]] = {}
    for mention, ident in zip(rows["mentioned_product"], _ids(rows), strict=True):
        groups.setdefault(phrase_terms(str(mention)), []).append((str(mention), ident))
    table = []
    for members in groups.values():
        ids = list(dict.fromkeys(i for _, i in members if i))[:examples]
        table.append(
            {
                "mentioned_product": members[0][0],
                "count": len(members),
                "example_ids": ", ".join(ids),
            }
        )
    frame = pd.DataFrame(table, columns=columns)
    return frame.sort_values(
        ["count", "mentioned_product"], ascending=[False, True], ignore_index=True
    )


def _ids(rows: pd.DataFrame) -> list[str]:
    if "id" in rows.columns:
        ids = _column(rows, "id", len(rows))
        if any(ids):
            return ids
    sources = _column(rows, "source", len(rows))
    lines = _column(rows, "row", len(rows))
    return [f"{s}:{r}" if s or r else "" for s, r in zip(sources, lines, strict=True)]
