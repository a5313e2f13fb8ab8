"""CSV outputs with ';' for Excel in a Russian locale: from ``write_table``, ``--csv-sep`` and
``[output] csv_delimiter`` in salesmine.toml; our own readers read them back column by column."""

from __future__ import annotations

import pandas as pd
import pytest

from salesmine.cli.common import csv_sep_setting
from salesmine.errors import SalesmineError
from salesmine.ingest import read_table
from salesmine.output import csv_separator, write_table

FRAME = pd.DataFrame(
    {
        "group": ["Москва; Розничный отдел", "Казань, филиал"],
        "input": [14, 4],
        "productivity": [12.5, 0.25],
    }
)


def first_line(path) -> str:
    return path.read_text(encoding="utf-8-sig").splitlines()[0]


def test_semicolon_table_reads_back_one_column_per_field(tmp_path):
    path = write_table(FRAME, tmp_path / "k.csv", sep=";")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert first_line(path) == "group;input;productivity"
    table = read_table(path)
    assert list(table.columns) == ["group", "input", "productivity"]
    assert table["group"].tolist() == FRAME["group"].tolist()  # a ';' inside a value is quoted
    # Excel in that locale reads "12.5" as a date: numbers get a decimal comma.
    assert table["productivity"].tolist() == ["12,5", "0,25"]


def test_comma_stays_the_default(tmp_path):
    path = write_table(FRAME, tmp_path / "k.csv")
    assert first_line(path) == "group,input,productivity"
    assert read_table(path)["productivity"].tolist() == ["12.5", "0.25"]


def test_the_separator_set_around_a_run_applies_inside_it_only(tmp_path):
    with csv_separator(";"):
        inside = write_table(FRAME, tmp_path / "inside.csv")
        named = write_table(FRAME, tmp_path / "named.csv", sep=",")
    after = write_table(FRAME, tmp_path / "after.csv")
    assert first_line(inside) == "group;input;productivity"
    assert first_line(named) == "group,input,productivity"
    assert first_line(after) == "group,input,productivity"


def test_other_formats_ignore_the_separator(tmp_path):
    path = write_table(FRAME, tmp_path / "k.json", sep=";")
    assert pd.read_json(path)["productivity"].tolist() == [12.5, 0.25]


@pytest.mark.parametrize("sep", ["|", "\t", ""])
def test_unknown_separator_is_one_line_error(tmp_path, sep):
    with pytest.raises(SalesmineError, match="use ',' or ';'"):
        write_table(FRAME, tmp_path / "k.csv", sep=sep)
    assert not (tmp_path / "k.csv").exists()


def test_flag_wins_over_settings_file_in_the_working_directory(tmp_path):
    assert csv_sep_setting(None) == ","  # the CLI tests run in an empty tmp_path
    (tmp_path / "salesmine.toml").write_text('[output]\ncsv_delimiter = ";"\n', encoding="utf-8")
    assert csv_sep_setting(None) == ";"
    assert csv_sep_setting(",") == ","


def test_inspect_writes_rejected_rows_with_the_separator(run, tmp_path):
    (tmp_path / "deals.csv").write_text("ID,Этап\n1,Контакт\n1,Договор\n", encoding="utf-8")
    result = run("inspect", "deals.csv", "--rejected", "rej.csv", "--csv-sep", ";")
    assert result.exit_code == 0, result.output
    assert first_line(tmp_path / "rej.csv") == "source;row;reason"
    assert len(read_table(tmp_path / "rej.csv")) == 1


def test_refusals_tables_follow_the_settings_file(run, tmp_path):
    # The tables are written inside the refusals run: the separator reaches them all.
    (tmp_path / "salesmine.toml").write_text('[output]\ncsv_delimiter = ";"\n', encoding="utf-8")
    (tmp_path / "deals.csv").write_text(
        'ID,Комментарий\n1,"дорого, у конкурентов дешевле"\n2,клиент не берёт трубку\n',
        encoding="utf-8",
    )
    result = run("refusals", "deals.csv", "-o", "out.csv", "--review", "review.csv",
                 "--review-threshold", "1")
    assert result.exit_code == 0, result.output
    assert first_line(tmp_path / "out.csv").startswith("source;row;id;")
    assert first_line(tmp_path / "review.csv").startswith("file;file_row;id;")
    assert read_table(tmp_path / "out.csv")["id"].tolist() == ["1", "2"]
    assert len(read_table(tmp_path / "review.csv")) == 2
