"""Employees per group: distinct managers with deals, plus the staff a people file lists for the
departments that work the funnel; name variants ("Иванов И." / "иванов и") count once."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from salesmine.funnel.groups import group_labels
from salesmine.records import Person

Headcount = Sequence[Person] | Mapping[tuple[str, str], int] | None


def headcounts(
    frame: pd.DataFrame,
    levels: Sequence[str],
    level: str,
    keys: list[str],
    index: pd.Index,
    headcount: Headcount,
) -> np.ndarray:
    """Employees per group: distinct managers with deals plus the people table's staff of it."""
    people = (
        [] if headcount is None or isinstance(headcount, Mapping) else _in_process(headcount, frame)
    )
    canonical = _canonical_names(people)
    renames = {m: canonical.get(_name_key(m), m) for m in frame["manager"].unique()}
    managers = frame["manager"].map(renames)
    with_manager = frame.assign(_who=managers)[managers != ""]
    found = with_manager.groupby(keys)["_who"].agg(set).reindex(index)
    staff = _staff_by_group(people, levels, level)
    group_values = index.get_level_values(0) if isinstance(index, pd.MultiIndex) else index
    counts = [
        len((names if isinstance(names, set) else set()) | staff.get(_name_key(group), set()))
        for names, group in zip(found, group_values, strict=True)
    ]
    if isinstance(headcount, Mapping):
        counts = [
            int(headcount.get((level, str(g)), n))
            for n, g in zip(counts, group_values, strict=True)
        ]
    return np.asarray(counts, dtype="int64")


def _in_process(people: Sequence[Person], frame: pd.DataFrame) -> list[Person]:
    """The people of the departments (else branches) that have deals in the data.

    A people file lists the director, back office and other departments too; only the units
    that work the funnel count towards its headcount.
    """
    for column, attribute in (("department", "department"), ("branch", "branch")):
        units = {_name_key(v) for v in frame[column].unique() if str(v).strip()}
        if units:
            return [p for p in people if _name_key(getattr(p, attribute)) in units]
    return list(people)


def _staff_by_group(
    people: Sequence[Person], levels: Sequence[str], level: str
) -> dict[str, set[str]]:
    if not people:
        return {}
    table = pd.DataFrame(
        {
            "branch": [p.branch for p in people],
            "department": [p.department for p in people],
            "manager": [p.name for p in people],
        }
    )
    labels = group_labels(table, levels, level)
    staff: dict[str, set[str]] = {}
    for label, person in zip(labels, people, strict=True):
        staff.setdefault(_name_key(label), set()).add(person.name)
    return staff


def _canonical_names(people: Sequence[Person]) -> dict[str, str]:
    """Normalized name or alias -> the person's name: "Иванов И." and "иванов и" are one person."""
    names: dict[str, str] = {}
    for person in people:
        for alias in (person.name, *person.aliases):
            names.setdefault(_name_key(alias), person.name)
    return names


def _name_key(value: object) -> str:
    return " ".join(str(value).lower().replace("ё", "е").split())
