"""The people file (CSV/XLSX/YAML): each employee's name, department, branch, role and aliases.

Aliases (other spellings, short names, CRM logins) are separated by ``|`` or ``;``. Rows
without a name are skipped; a repeated name keeps the first row and adds the later aliases.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from salesmine.errors import InputError
from salesmine.ingest.reference import as_text, read_records, split_names
from salesmine.ingest.values import value_key
from salesmine.records import Person

FIELDS = {
    "name": ("ФИО", "Имя", "Сотрудник", "Менеджер", "Фамилия Имя", "Name", "Full name",
             "Employee", "Manager", "Person"),
    "department": ("Отдел", "Подразделение", "Department", "Dept", "Team"),
    "branch": ("Филиал", "Офис", "Город", "Регион", "Branch", "Office", "City", "Region",
               "Location"),
    "role": ("Должность", "Роль", "Role", "Position", "Job title", "Title"),
    "aliases": ("Псевдонимы", "Алиасы", "Другие имена", "Варианты имени", "Также", "Aliases",
                "Also known as", "Nicknames", "Other names"),
}


def load_people(path: Path | str, *, encoding: str | None = None) -> list[Person]:
    """Read a people file into Persons, in file order."""
    path = Path(path)
    records = read_records(path, FIELDS, what="employee name", encoding=encoding,
                           list_keys=("people", "employees", "staff", "сотрудники"))
    people: dict[str, Person] = {}
    for _row, record in records:
        name = as_text(record.get("name"))
        if not name:
            continue
        person = Person(
            name=name,
            department=as_text(record.get("department")),
            branch=as_text(record.get("branch")),
            role=as_text(record.get("role")),
            aliases=tuple(a for a in split_names(record.get("aliases", "")) if a != name),
        )
        key = value_key(name)
        if key in people:
            merged = tuple(dict.fromkeys((*people[key].aliases, *person.aliases)))
            person = dataclasses.replace(people[key], aliases=merged)
        people[key] = person
    if not people:
        raise InputError(f"{path.name}: no people in the file — fill the name column")
    return list(people.values())
