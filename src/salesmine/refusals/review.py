"""The review loop: export the notes the model was unsure about, read them back corrected.

The export is a table a person fills in Excel: every column is context except ``reason``, which
starts empty. ``salesmine train ... --add corrected.csv`` reads it with ``read_labelled`` and
ignores rows whose ``reason`` is still empty.
"""

from __future__ import annotations

import pandas as pd

REVIEW_COLUMNS = (
    "file",
    "file_row",
    "id",
    "outcome",
    "crm_reason",
    "text",
    "predicted",
    "confidence",
    "evidence",
    "reason",
)


def review_rows(result: pd.DataFrame, notes: pd.DataFrame) -> pd.DataFrame:
    """The needs-review rows of a ``classify_refusals`` result, with their text and an empty reason.

    ``result`` and ``notes`` are row-aligned (``result`` was computed from ``notes``).
    """
    if len(result) != len(notes):
        raise ValueError("result and notes must have the same rows")
    flagged = (result["needs_review"].fillna(0).astype(int) == 1).to_numpy()
    picked = result[flagged]
    texts = notes["text"].fillna("").astype(str).to_numpy()[flagged]
    frame = pd.DataFrame(
        {
            "file": picked["source"].to_numpy(),
            "file_row": picked["row"].to_numpy(),
            "id": picked["id"].to_numpy(),
            "outcome": picked["outcome"].to_numpy(),
            "crm_reason": picked["crm_reason"].to_numpy(),
            "text": texts,
            "predicted": picked["reason"].to_numpy(),
            "confidence": picked["confidence"].to_numpy(),
            "evidence": picked["evidence"].to_numpy(),
            "reason": "",
        }
    )
    return frame.sort_values("confidence", kind="stable").reset_index(drop=True)
