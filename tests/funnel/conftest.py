"""Helpers for the funnel tests: notes frames built from short tuples."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pytest

from salesmine.records import NOTE_COLUMNS

NOTE_TUPLE = ("id", "stage", "outcome", "manager", "department", "branch", "date")


def build_notes(rows: tuple[tuple, ...] | list[tuple]) -> pd.DataFrame:
    """A notes frame (``records.NOTE_COLUMNS``) from (id, stage, outcome, manager, department,
    branch, date) tuples; missing trailing values are empty; rows are numbered from 1."""
    frame = pd.DataFrame(
        [dict(zip(NOTE_TUPLE, row, strict=False)) for row in rows], columns=list(NOTE_TUPLE)
    )
    frame = frame.fillna("")
    for column in NOTE_COLUMNS:
        if column not in frame:
            frame[column] = ""
    frame["source"] = "deals.csv"
    frame["row"] = range(1, len(frame) + 1)
    frame["date"] = pd.to_datetime(frame["date"].replace("", None))
    return frame[list(NOTE_COLUMNS)]


@pytest.fixture
def make_notes() -> Callable[..., pd.DataFrame]:
    """``make_notes(*rows)``: see ``build_notes``."""
    return lambda *rows: build_notes(rows)
