"""The people file: names, departments, branches, roles and aliases."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from salesmine.errors import InputError
from salesmine.ingest import load_people
from salesmine.records import Person

DATA = Path(__file__).parent.parent / "data" / "ingest"


def test_russian_people_file():
    people = load_people(DATA / "people.csv")
    assert people == [
        Person("Петров Пётр", "Отдел продаж", "Москва", "Менеджер",
               ("Петров", "П. Петров", "ppetrov")),
        Person("Сидорова Анна", "Отдел продаж", "Казань", "Старший менеджер", ("Аня", "Сидорова")),
        Person("Кузнецов Иван", "Отдел продаж", "Казань", "Руководитель отдела"),
    ]


def test_english_headers_bom_and_repeated_names_merge_aliases(tmp_path):
    path = tmp_path / "staff.csv"
    path.write_text("Name,Department,Office,Position,Aliases\n"
                    "Anna Smith,Sales,Boston,Rep,Ann|A. Smith\n"
                    "Anna Smith,,,,asmith\n", encoding="utf-8-sig")
    aliases = ("Ann", "A. Smith", "asmith")
    assert load_people(path) == [Person("Anna Smith", "Sales", "Boston", "Rep", aliases)]


@pytest.mark.parametrize(("content", "message"), [
    ("Отдел,Филиал\nПродажи,Москва\n",
     "people.csv: no employee name column (headers: 'Отдел', 'Филиал')"),
    ("ФИО;Отдел\n", "no people in the file"),
])
def test_bad_people_files(tmp_path, content, message):
    (tmp_path / "people.csv").write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(message)):
        load_people(tmp_path / "people.csv")


def test_people_fixture_without_names():
    with pytest.raises(InputError, match="no employee name column"):
        load_people(DATA / "people_no_name.csv")
