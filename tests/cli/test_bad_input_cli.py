"""Bad input through ``salesmine funnel`` / ``inspect``: one line that names the file (row, column)
and says what to do, exit code 2, no traceback, and no output file left behind (whole or half);
or, for input that can still be used, exit code 0 with a warning naming the file and row."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

OK = "ID,Этап,Комментарий\n1,Контакт,позвонил\n2,Договор,подписали\n"
OK_STAGES = ("--stages", "Контакт,Договор")


def workbook_bytes() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["ID", "Этап", "Комментарий"])
    book.active.append([1, "Контакт", "привет"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def zip_with(name: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, "<w:document/>")
    return buffer.getvalue()


def make(tmp_path: Path, files: dict[str, bytes | str | None]) -> None:
    """Write the case's files: bytes as they are, str as UTF-8, None as an empty folder."""
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if content is None:
            path.mkdir()
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def assert_one_line_error(result, *parts: str) -> str:
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit), result.exception  # nothing else escaped
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: "), lines[0]
    for part in parts:
        assert part in lines[0]
    assert "Traceback" not in result.output
    return lines[0]


def assert_nothing_written(tmp_path: Path) -> None:
    leftovers = [p.name for p in tmp_path.rglob("*") if p.name.startswith(("out.", ".out."))]
    assert leftovers == []


# --- errors: (id, files, command line, parts of the one-line message) ----------------------

ERRORS: list[tuple[str, dict, list[str], list[str]]] = [
    ("empty file", {"d.csv": b""}, ["funnel", "d.csv"], ["d.csv: the file is empty"]),
    ("blank lines only", {"d.csv": b"\r\n \n\n"}, ["funnel", "d.csv"],
     ["d.csv: the file is empty"]),
    ("header only", {"d.csv": "ID;Этап;Комментарий\r\n"}, ["funnel", "d.csv"],
     ["d.csv: has a header but no data rows"]),
    ("random bytes", {"d.csv": random.Random(7).randbytes(3000)},
     ["funnel", "d.csv"], ["d.csv: binary file, not a table", "export it as CSV or XLSX"]),
    ("png named csv", {"d.csv": b"\x89PNG\r\n\x1a\n" + bytes(200)}, ["funnel", "d.csv"],
     ["d.csv: binary file"]),
    ("word document named xlsx", {"d.xlsx": zip_with("word/document.xml")}, ["funnel", "d.xlsx"],
     ["d.xlsx: is a Word document, not an Excel table"]),
    ("truncated workbook", {"d.xlsx": workbook_bytes()[:1500]}, ["funnel", "d.xlsx"],
     ["d.xlsx: damaged zip/Excel file", "save it again"]),
    ("old xls", {"d.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)}, ["funnel", "d.xls"],
     ["d.xls: old Excel .xls", "save as .xlsx"]),
    ("undecodable text", {"d.csv": "Stage;Note\nWon;café crème brûlée\n".encode("latin-1")},
     ["funnel", "d.csv"], ["d.csv: text is neither UTF-8 nor cp1251", "line 2", "--encoding"]),
    ("unknown encoding name", {"d.csv": OK}, ["funnel", "d.csv", "--encoding", "foo"],
     ["d.csv: unknown encoding 'foo'", "cp1251"]),
    ("wrong encoding", {"d.csv": "Этап;Комментарий\nКонтакт;да\n".encode("cp1251")},
     ["funnel", "d.csv", "--encoding", "utf-8"],
     ["d.csv: cannot be read as utf-8 (bad byte on line 1)", "--encoding"]),
    ("no text and no stage column", {"d.csv": "Клиент,Сумма\nООО Ромашка,100\n"},
     ["funnel", "d.csv"],
     ["d.csv: no column for the note text or the deal stage", "headers: 'Клиент', 'Сумма'",
      '--column stage="<header>"']),
    ("--column with a header not in the file", {"d.csv": OK},
     ["funnel", "d.csv", "--column", "stage=Статус"],
     ["d.csv: --column stage='Статус': no header 'Статус'",
      "headers are: 'ID', 'Этап', 'Комментарий'"]),
    ("--column with an unknown field", {"d.csv": OK}, ["funnel", "d.csv", "--column", "stg=Этап"],
     ["unknown field 'stg'", "use one of id, date, manager"]),
    ("--column without =", {"d.csv": OK}, ["funnel", "d.csv", "--column", "stage"],
     ["expected FIELD=HEADER"]),
    ("--stages with a duplicate", {"d.csv": OK},
     ["funnel", "d.csv", "--stages", "Контакт,Договор,контакт"], ["names 'Контакт' twice"]),
    ("--stages with one stage", {"d.csv": OK}, ["funnel", "d.csv", "--stages", "Контакт"],
     ["needs at least two stages"]),
    ("--by with an unknown level", {"d.csv": OK}, ["funnel", "d.csv", *OK_STAGES, "--by", "region"],
     ["--by 'region': unknown level 'region'", "company, branch, department, manager"]),
    ("--by a level the data lacks", {"d.csv": OK},
     ["funnel", "d.csv", *OK_STAGES, "--by", "manager"],
     ["--by manager: the data has no manager values", "--column manager=HEADER"]),
    ("no stage values", {"d.csv": "ID;Комментарий;Этап\n1;Дорого;\n2;Не нужно;\n"},
     ["funnel", "d.csv"], ["d.csv: no stage values", "--column stage=HEADER"]),
    ("no row has a stage of the list", {"d.csv": "ID,Stage,Note\n1,Contact,a\n2,Meeting,b\n"},
     ["funnel", "d.csv"],
     ["d.csv: none of the 2 row(s) can be used, e.g. row 1: stage 'Contact' is not one of",
      "--stages"]),
    ("--closed-only with open deals only", {"d.csv": OK.replace("Договор", "Контакт")},
     ["funnel", "d.csv", *OK_STAGES, "--closed-only"],
     ["d.csv: --closed-only leaves no deals", "run without --closed-only"]),
    ("--events without deal ids", {"d.csv": "Этап,Комментарий\nКонтакт,a\nДоговор,b\n"},
     ["funnel", "d.csv", *OK_STAGES, "--events"],
     ["d.csv: none of the 2 row(s) can be used, e.g. row 1: event log row without a deal id",
      "--column id=HEADER"]),
    ("file does not exist", {}, ["funnel", "nope.csv"], ["nope.csv: file not found"]),
    ("folder without tables", {"in/readme.md": "hello"}, ["funnel", "in"],
     ["in: no table files in this folder"]),
    ("empty folder", {"in": None}, ["inspect", "in"], ["in: no table files in this folder"]),
    ("people file does not exist", {"d.csv": OK},
     ["funnel", "d.csv", *OK_STAGES, "--people", "staff.csv"], ["staff.csv: file not found"]),
    ("config file does not exist", {"d.csv": OK}, ["funnel", "d.csv", "--config", "my.toml"],
     ["my.toml: settings file not found"]),
    ("config file is broken", {"d.csv": OK, "salesmine.toml": "[funnel\nstages = 1"},
     ["funnel", "d.csv"], ["salesmine.toml: not valid TOML"]),
    ("config file has an unknown key", {"d.csv": OK, "salesmine.toml": "[funnel]\nstagez = []"},
     ["funnel", "d.csv"], ["salesmine.toml: [funnel] unknown key 'stagez'"]),
    ("broken JSON", {"d.json": '[{"id": 1, "stage": "Контакт"'}, ["funnel", "d.json"],
     ["d.json: invalid JSON at line 1"]),
    ("output is a folder", {"d.csv": OK, "kpis": None},
     ["funnel", "d.csv", *OK_STAGES, "-o", "kpis"],
     ["kpis: is a folder — give a file name, e.g. kpis/kpis.csv"]),
    ("output under a file", {"d.csv": OK}, ["funnel", "d.csv", *OK_STAGES, "-o", "d.csv/out.csv"],
     ["d.csv/out.csv: cannot write the output", "choose another path"]),
    ("output with an unknown extension", {"d.csv": OK}, ["funnel", "d.csv", "-o", "out.txt"],
     ["out.txt: unknown output format '.txt'", ".csv, .xlsx, .json, .parquet"]),
    ("output without an extension", {"d.csv": OK}, ["funnel", "d.csv", "-o", "out"],
     ["out: unknown output format '(none)'"]),
    ("output is the input", {"d.csv": OK}, ["funnel", "d.csv", *OK_STAGES, "-o", "./d.csv"],
     ["d.csv: is an input of this run", "another file"]),
    ("output is a table of the input folder", {"in/d.csv": OK},
     ["funnel", "in", *OK_STAGES, "-o", "in/d.csv"], ["in/d.csv: is an input of this run"]),
    ("no files and no settings file", {}, ["funnel"], ["no input files", "notes = [...]"]),
    ("inspect: empty file", {"d.csv": b""}, ["inspect", "d.csv"], ["d.csv: the file is empty"]),
    ("inspect: --rejected with an unknown extension", {"d.csv": OK},
     ["inspect", "d.csv", "--rejected", "out.txt"], ["out.txt: unknown output format"]),
]


@pytest.mark.parametrize(("files", "argv", "parts"), [e[1:] for e in ERRORS],
                         ids=[e[0] for e in ERRORS])
def test_bad_input_gives_one_line_and_exit_2(run, tmp_path, files, argv, parts):
    make(tmp_path, files)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    output = [] if "-o" in argv or argv[0] == "inspect" else ["-o", "out.csv"]
    result = run(*argv, *output)
    assert_one_line_error(result, *parts)
    assert result.stdout == ""  # nothing half-reported either
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before
    assert_nothing_written(tmp_path)


# --- input that can be used, with a warning: (id, files, command line, stderr parts) ------

BIG_CELL = "щ" * 200_000  # 200 K characters, 400 KB in UTF-8
WARNINGS = [
    ("200 KB cell", {"d.csv": f'ID;Этап;Комментарий\n1;Контакт;"{BIG_CELL}"\n2;Договор;ок\n'}, [],
     ["d.csv: row 1, column 'Комментарий': cell of 200,000 characters cut to 20,000"]),
    ("unclosed quote", {"d.csv": 'ID,Этап,Комментарий\n1,Договор,ok\n2,Контакт,"oops\n'
                        + "".join(f"{i},Договор,x\n" for i in range(3, 40))}, [],
     ["d.csv: line 3: unclosed quote — the rest of the file (38 lines) was read as one row"]),
    ("duplicate ids", {"d.csv": OK + "2,Контакт,ещё раз\n"}, [],
     ["rejected d.csv:3: duplicate id 2 (first at d.csv row 2)"]),
    ("unparseable dates", {"d.csv": "ID,Дата,Этап\n1,вчера,Контакт\n2,03.02.2026,Договор\n"}, [],
     ["d.csv: 1 date(s) in 'Дата' not understood (row 1), e.g. 'вчера'"]),
    ("the same file twice", {"d.csv": OK}, ["./d.csv"],
     ["d.csv: given more than once; read once"]),
    ("--period without dates", {"d.csv": OK}, [],
     ["no deal has a date, so --period month puts all of them under '—'",
      "--column date=HEADER"]),
]


@pytest.mark.parametrize(("files", "extra", "parts"), [w[1:] for w in WARNINGS],
                         ids=[w[0] for w in WARNINGS])
def test_usable_input_runs_with_a_warning(run, tmp_path, files, extra, parts):
    make(tmp_path, files)
    result = run("funnel", "d.csv", *extra, *OK_STAGES, "--period", "month", "-o", "out.csv")
    assert result.exit_code == 0, result.output
    for part in parts:
        assert part in result.stderr
    assert "Traceback" not in result.output
    table = pd.read_csv(tmp_path / "out.csv", encoding="utf-8-sig")
    assert table["input"].iloc[0] >= 1


def test_script_in_a_cell_is_data_not_markup(run, tmp_path):
    make(tmp_path, {"d.csv": 'ID,Этап,Менеджер,Комментарий\n'
                             '1,Контакт,"<script>alert(1)</script>","<b>x</b><script>"\n'
                             '2,Договор,=HYPERLINK("http://x"),ok\n'})
    result = run("funnel", "d.csv", *OK_STAGES, "--by", "manager", "-o", "out.xlsx")
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx").active
    groups = {row[1].value: row[1].data_type for row in sheet.iter_rows(min_row=2)}
    # Text stays text: no markup is interpreted and no formula is created in the workbook.
    assert groups == {"<script>alert(1)</script>": "s", '=HYPERLINK("http://x")': "s"}


def test_renamed_workbook_is_read_by_content(run, tmp_path):
    make(tmp_path, {"export.csv": workbook_bytes()})
    result = run("inspect", "export.csv")
    assert result.exit_code == 0, result.output
    assert "export.csv: Excel workbook" in result.stdout


def test_50k_rows(run, tmp_path):
    stages = ["Контакт", "Встреча назначена", "Встреча проведена", "КП отправлено", "Договор"]
    lines = ["ID;Дата;Менеджер;Этап;Комментарий"] + [
        f"{i};{1 + i % 28:02d}.{1 + i % 6:02d}.2026;Менеджер {i % 17};{stages[i % 5]};заметка {i}"
        for i in range(50_000)
    ]
    (tmp_path / "big.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("funnel", "big.csv", "--by", "company,manager", "--period", "month",
                 "-o", "out.csv")
    assert result.exit_code == 0, result.output
    assert "rows: 50000 in, 50000 used, 0 rejected" in result.stdout
    table = pd.read_csv(tmp_path / "out.csv", encoding="utf-8-sig")
    company = table[(table["level"] == "company") & (table["stage_from"] == "Контакт")]
    assert company.groupby("stage_to")["input"].sum().to_dict() == {
        "Встреча назначена": 50_000, "Договор": 50_000}
    assert company.groupby("stage_to")["successful"].sum()["Договор"] == 10_000
    assert table["group"].nunique() == 18  # "all" + 17 managers


# --- a failed write never leaves a half-written or damaged file ----------------------------

def test_failed_write_keeps_the_previous_output(run, tmp_path, monkeypatch):
    make(tmp_path, {"d.csv": OK})
    assert run("funnel", "d.csv", *OK_STAGES, "-o", "out.xlsx").exit_code == 0
    good = (tmp_path / "out.xlsx").read_bytes()

    def disk_full(frame: pd.DataFrame, path: Path) -> None:
        path.write_bytes(b"PK\x03\x04 half a workbook")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("salesmine.output._write_xlsx", disk_full)
    result = run("funnel", "d.csv", *OK_STAGES, "-o", "out.xlsx")
    assert_one_line_error(result, "out.xlsx: cannot write the output (No space left on device)")
    assert (tmp_path / "out.xlsx").read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.csv", "out.xlsx"]


def test_output_folders_are_created(run, tmp_path):
    make(tmp_path, {"d.csv": OK})
    result = run("funnel", "d.csv", *OK_STAGES, "-o", "reports/2026/out.json")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "reports" / "2026" / "out.json").is_file()


def test_parquet_refusal_is_one_line(tmp_path):
    from salesmine.errors import SalesmineError
    from salesmine.output import write_table

    mixed = pd.DataFrame({"a": [1, "x"]})  # mixed types: pyarrow refuses them
    with pytest.raises(SalesmineError, match=r"out.parquet: cannot write this table as Parquet"):
        write_table(mixed, tmp_path / "out.parquet")
    assert list(tmp_path.iterdir()) == []
