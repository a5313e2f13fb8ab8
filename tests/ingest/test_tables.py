"""Reading CRM tables: formats, encodings, delimiters, canonical notes, and every bad input."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from salesmine.cli import cli
from salesmine.errors import ConfigError, InputError
from salesmine.ingest import load_notes, read_table
from salesmine.ingest.files import sniff_delimiter
from salesmine.ingest.grid import MAX_CELL_CHARS
from salesmine.ingest.readers import read_raw
from salesmine.ingest.values import normalize_outcome, parse_amount, parse_date
from salesmine.records import NOTE_COLUMNS

DATA = Path(__file__).parent.parent / "data" / "ingest"
B24 = DATA / "bitrix24_ru_cp1251.csv"
STAGE = "Последний пройденный этап"
NOTES_FIXTURES = sorted(
    p for p in DATA.iterdir()
    if p.name.split("_")[0] in ("bitrix24", "amocrm", "hubspot.csv", "generic")
)


def write(tmp_path: Path, name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def xlsx_bytes(rows: list[list[object]], sheets: int = 1) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    for i in range(1, sheets):
        book.create_sheet(f"Лист{i + 1}")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- the Bitrix24 cp1251 export with a non-standard stage column -----------------------------

def test_cp1251_semicolon_bitrix24_export_with_column_override():
    load = load_notes(B24, columns={"stage": STAGE})
    frame = load.frame
    assert list(frame.columns) == list(NOTE_COLUMNS)
    assert load.files[0].encoding == "cp1251" and load.files[0].delimiter == ";"
    assert load.mapping["bitrix24_ru_cp1251.csv"]["stage"] == STAGE
    assert load.files[0].columns.origin["stage"] == "column"
    assert frame["stage"].tolist() == ["Встреча назначена", "Сделка провалена", "КП отправлено",
                                       "Сделка успешна", "Контакт", "Сделка провалена"]
    assert frame["outcome"].tolist() == ["open", "lost", "open", "won", "open", "lost"]
    assert frame["row"].tolist() == [1, 2, 3, 4, 5, 6]
    # a quoted cell with a line break and doubled quotes survives intact
    assert frame.loc[0, "text"] == 'Клиент сказал: "дорого".\nПерезвонить в марте'
    assert frame.loc[5, "text"].count("\n") == 2
    # the CRM dropdown reason is its own field, not part of the text
    assert frame.loc[1, "crm_reason"] == "Нет продукта"
    assert "Нет продукта" not in frame.loc[1, "text"]
    assert frame.loc[0, "date"] == pd.Timestamp("2026-02-03 09:41:07")
    assert frame["amount"].tolist()[:4] == [12500.0, 48000.0, 1_200_000.0, 31000.5]
    assert load.n_input == 6 and load.rejected == [] and load.warnings == []


def test_without_the_override_rows_without_text_are_rejected():
    load = load_notes(B24)
    assert "stage" not in load.mapping["bitrix24_ru_cp1251.csv"]
    assert [(r.row, r.reason) for r in load.rejected] == [(5, "empty text")]
    assert load.n_input == load.n_used + len(load.rejected) == 6


@pytest.mark.parametrize("path", NOTES_FIXTURES, ids=lambda p: p.name)
def test_in_equals_used_plus_rejected(path):
    load = load_notes(path)
    assert load.n_input == load.n_used + len(load.rejected)
    assert load.n_used > 0
    assert list(load.frame.columns) == list(NOTE_COLUMNS)
    assert set(load.frame["outcome"]) <= {"won", "lost", "open", ""}


def test_several_files_in_one_frame_and_folder_expansion(tmp_path):
    load = load_notes([DATA / "hubspot.csv", DATA / "amocrm_ru.csv"])
    assert load.frame["source"].unique().tolist() == ["hubspot.csv", "amocrm_ru.csv"]
    assert set(load.mapping) == {"hubspot.csv", "amocrm_ru.csv"}
    write(tmp_path, "a.csv", "Stage,Note\nWon,ok\n")
    write(tmp_path, "b.tsv", "Stage\tNote\nLost,no\tx\n")
    write(tmp_path, "readme.md", "# not a table")
    assert load_notes(tmp_path).n_input == 2


# --- formats -------------------------------------------------------------------------------------

def test_utf8_bom_header_is_clean(tmp_path):
    path = write(tmp_path, "bom.csv", "Stage,Comment\nWon,ok\n", "utf-8-sig")
    assert read_table(path).columns.tolist() == ["Stage", "Comment"]


def test_utf16_excel_unicode_text(tmp_path):
    path = write(tmp_path, "unicode.txt", "Этап\tКомментарий\nКонтакт\tперезвонить\n", "utf-16")
    frame = read_table(path)
    assert frame.loc[1, "Комментарий"] == "перезвонить"


def test_koi8r_is_told_apart_from_cp1251(tmp_path):
    text = "Этап;Комментарий\nКонтакт;клиент просит перезвонить\n"
    path = write(tmp_path, "koi.csv", text, "koi8-r")
    assert load_notes(path).frame.loc[0, "text"] == "клиент просит перезвонить"


@pytest.mark.parametrize(("text", "expected"), [
    ("a,b,c\n1,2,3\n", ","),
    ("a;b;c\n1;2,5;3\n", ";"),
    ("a\tb\n1\t2, 3; 4\n", "\t"),
    ("a|b\n1|2\n", "|"),
    ('name;note\nx;"a, b, c"\ny;"d, e"\n', ";"),
    ("just one column\nvalue, with comma\n", ""),
])
def test_delimiter_sniffing(text, expected):
    assert sniff_delimiter(text) == expected


def test_single_column_file_keeps_commas(tmp_path):
    path = write(tmp_path, "one.csv", "Комментарий\nДорого, подумает\nНет ответа\n")
    assert load_notes(path).frame["text"].tolist() == ["Дорого, подумает", "Нет ответа"]


def test_xlsx_cells_dates_serials_and_leading_zeros(tmp_path):
    rows = [["Отчёт по сделкам"], [],
            ["ID", "Дата создания", "Стадия сделки", "Комментарий", "Сумма"],
            ["00042", dt.datetime(2026, 2, 3, 9, 41, 7), "Контакт", "первый звонок", 1500],
            ["00043", 46056.5, "Сделка провалена", "дорого", 99.5]]
    path = write(tmp_path, "deals.xlsx", xlsx_bytes(rows, sheets=2))
    load = load_notes(path)
    frame = load.frame
    assert frame["id"].tolist() == ["00042", "00043"]
    assert frame["date"].tolist() == [pd.Timestamp("2026-02-03 09:41:07"),
                                      pd.Timestamp("2026-02-03 12:00")]
    assert frame["amount"].tolist() == [1500.0, 99.5]
    assert any("above the header" in w for w in load.warnings)
    assert any("2 sheets" in w for w in load.warnings)


def test_renamed_workbook_is_read_by_content(tmp_path):
    rows = [["Stage", "Note"], ["Closed Won", "signed"]]
    path = write(tmp_path, "export.csv", xlsx_bytes(rows))
    assert load_notes(path).frame["outcome"].tolist() == ["won"]


def test_csv_named_xlsx_is_read_as_csv_with_a_warning(tmp_path):
    path = write(tmp_path, "export.xlsx", "Stage;Note\nClosed Lost;no budget\n")
    load = load_notes(path)
    assert load.frame["text"].tolist() == ["no budget"]
    assert any("named .xlsx but is CSV text" in w for w in load.warnings)


def test_html_table_saved_as_xls():
    frame = load_notes(DATA / "bitrix24_export.xls").frame
    assert frame["text"].tolist() == ["Оформили\nполис & каско", "Дорого"]
    assert frame["outcome"].tolist() == ["won", "lost"]


@pytest.mark.parametrize("payload", [
    [{"id": "1", "stage": "won", "note": "ok"}, {"id": "2", "stage": "lost", "note": "no"}],
    {"items": [{"id": "1", "stage": "won", "note": "ok"},
               {"id": 2, "stage": "lost", "note": "no"}]},
])
def test_json_list_or_items(tmp_path, payload):
    path = write(tmp_path, "deals.json", json.dumps(payload))
    frame = load_notes(path).frame
    assert frame["id"].tolist() == ["1", "2"]
    assert frame["outcome"].tolist() == ["won", "lost"]


def test_json_lines_with_a_broken_line(tmp_path):
    lines = ['{"stage": "Контакт", "comment": "a"}', "{broken",
             '{"stage": "Отказ", "comment": "b"}']
    path = write(tmp_path, "deals.jsonl", "\n".join(lines) + "\n")
    load = load_notes(path)
    assert load.n_input == 3 and load.n_used == 2
    assert load.rejected[0].row == 2 and "not valid JSON" in load.rejected[0].reason


def test_parquet(tmp_path):
    path = tmp_path / "deals.parquet"
    pd.DataFrame({"ID": ["007", "008"], "Stage": ["Closed Won", "Negotiation"],
                  "Created": pd.to_datetime(["2026-02-03 09:41", "2026-02-04 00:00"]),
                  }).to_parquet(path)
    frame = load_notes(path).frame
    assert frame["id"].tolist() == ["007", "008"]
    assert frame["date"].tolist() == [pd.Timestamp("2026-02-03 09:41"), pd.Timestamp("2026-02-04")]


# --- bad input: one-line errors ----------------------------------------------------------------

def _zip_with(name: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.csv", b"", "the file is empty"),
    ("blank.csv", b"\r\n \n", "the file is empty"),
    ("header.csv", "ID;Стадия сделки;Комментарий\n".encode(), "no data rows"),
    ("binary.csv", bytes(range(256)) * 4, "binary file"),
    ("gzip.csv", b"\x1f\x8b\x08\x00" + b"\x01" * 40, "binary file"),
    ("fake.xlsx", b"\x00\x01\x02\x03garbage\x00", "binary file"),
    ("broken.xlsx", b"PK\x03\x04" + b"\x00" * 50, "damaged zip"),
    ("letter.xlsx", _zip_with("word/document.xml"), "Word document"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old Excel .xls"),
    ("latin.csv", "Stage;Note\nWon;caf\xe9 cr\xe8me\n".encode("latin-1"), "--encoding"),
    ("bad.json", b'[{"a": 1,}]', "invalid JSON at line 1"),
    ("scalar.json", b'{"total": 3}', "without a list of records"),
    ("nothing.json", b"[]", "no records"),
    ("columns.csv", "Название,Сумма\nПолис,100\n".encode(), "--column text="),
])
def test_bad_input_is_one_line_error(tmp_path, name, content, message):
    path = write(tmp_path, name, content)
    with pytest.raises(InputError) as info:
        load_notes(path)
    text = str(info.value)
    assert message in text
    assert text.startswith(name) and "\n" not in text


def test_missing_columns_error_names_the_headers(tmp_path):
    with pytest.raises(InputError, match=r"headers: 'ID', 'Название', 'Сумма'"):
        load_notes(DATA / "no_text_no_stage.csv")


def test_missing_file_and_explicit_wrong_encoding(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        load_notes(tmp_path / "nope.csv")
    path = write(tmp_path, "ru.csv", "Этап;Комментарий\nКонтакт;да\n", "cp1251")
    with pytest.raises(InputError, match="cannot be read as utf-8"):
        load_notes(path, encoding="utf-8")
    with pytest.raises(InputError, match="unknown encoding"):
        load_notes(path, encoding="klingon")
    assert load_notes(path, encoding="cp1251").frame["text"].tolist() == ["да"]


def test_latin1_file_reads_with_explicit_encoding(tmp_path):
    path = write(tmp_path, "latin.csv", "Stage;Note\nWon;caf\xe9\n", "latin-1")
    assert load_notes(path, encoding="latin-1").frame["text"].tolist() == ["café"]


# --- bad input: rows rejected or kept with a warning -------------------------------------------

def test_duplicate_ids_rejected_across_files_first_kept(tmp_path):
    first = write(tmp_path, "a.csv", "ID;Этап;Комментарий\n1;Контакт;x\n2;Контакт;y\n1;Отказ;z\n")
    second = write(tmp_path, "b.csv", "ID;Этап;Комментарий\n2;Отказ;w\n3;Контакт;v\n")
    load = load_notes([first, second])
    assert load.frame["text"].tolist() == ["x", "y", "v"]
    assert [(r.source, r.row) for r in load.rejected] == [("a.csv", 3), ("b.csv", 1)]
    assert load.rejected[1].reason == "duplicate id 2 (first at a.csv row 2)"
    assert any(w.startswith("a.csv: 1 row(s) repeat an id") and "row 3" in w for w in load.warnings)
    assert load.n_input == 5 == load.n_used + len(load.rejected)
    assert load_notes([first, second], unique_ids=False).n_used == 5


def test_unparseable_date_kept_with_warning(tmp_path):
    text = "Дата;Этап\n03.02.2026;Контакт\nвчера;Контакт\n31.02.2026;Отказ\n"
    path = write(tmp_path, "d.csv", text)
    load = load_notes(path)
    assert load.n_used == 3
    assert load.frame["date"].isna().tolist() == [False, True, True]
    assert load.warnings == ["d.csv: 2 date(s) in 'Дата' not understood (rows 2, 3), "
                             "e.g. 'вчера' — those rows are kept without a date"]


def test_huge_cell_is_cut_with_a_warning(tmp_path):
    big = "очень длинный комментарий " * 8000  # ~200 KB
    path = write(tmp_path, "big.csv", f'Этап;Комментарий\nКонтакт;"{big}"\nОтказ;коротко\n')
    load = load_notes(path)
    assert len(load.frame.loc[0, "text"]) == MAX_CELL_CHARS
    assert load.frame.loc[1, "text"] == "коротко"
    assert any("row 1, column 'Комментарий'" in w and "cut to 20,000" in w for w in load.warnings)


def test_unclosed_quote_is_hinted(tmp_path):
    body = "".join(f"Контакт;строка {i}\n" for i in range(3000))
    path = write(tmp_path, "quote.csv", 'Этап;Комментарий\nОтказ;"начало без конца\n' + body)
    load = load_notes(path)
    assert load.n_input == 1
    assert any("unclosed quote" in w for w in load.warnings)


def test_script_in_a_cell_is_kept_as_text(tmp_path):
    path = write(tmp_path, "x.csv", "Stage,Note\nLost,<script>alert('x')</script>\n")
    load = load_notes(path)
    assert load.frame.loc[0, "text"] == "<script>alert('x')</script>"
    assert load.warnings == []


def test_rows_without_text_and_stage_and_ragged_rows_are_rejected(tmp_path):
    path = write(tmp_path, "r.csv", "ID;Этап;Комментарий\n1;;\n2;Контакт;a;b;c\n3;Отказ;ok\n\n")
    load = load_notes(path)
    assert [(r.row, r.reason) for r in load.rejected] == [
        (1, "no text and no stage"), (2, "5 cells but the header has 3 (an unquoted delimiter?)")]
    assert load.frame["row"].tolist() == [3]
    assert load.n_input == 3


# --- values ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "day_first", "expected"), [
    ("03.02.2026 09:41:07", False, dt.datetime(2026, 2, 3, 9, 41, 7)),
    ("03.02.2026", False, dt.datetime(2026, 2, 3)),
    ("03.02.26 9:41", False, dt.datetime(2026, 2, 3, 9, 41)),
    ("2026-02-03", False, dt.datetime(2026, 2, 3)),
    ("2026-02-03 09:41:07", False, dt.datetime(2026, 2, 3, 9, 41, 7)),
    ("2026-02-03T09:41:07Z", False, dt.datetime(2026, 2, 3, 9, 41, 7)),
    ("2026-02-03T12:41:07+03:00", False, dt.datetime(2026, 2, 3, 12, 41, 7)),  # wall clock
    ("2026-04-01T00:30:00+03:00", False, dt.datetime(2026, 4, 1, 0, 30)),  # still April
    ("02/03/2026 9:41 AM", False, dt.datetime(2026, 2, 3, 9, 41)),
    ("02/03/2026 12:05 AM", False, dt.datetime(2026, 2, 3, 0, 5)),
    ("02/03/2026 1:15 PM", False, dt.datetime(2026, 2, 3, 13, 15)),
    ("03/02/2026", True, dt.datetime(2026, 2, 3)),
    ("46056", False, dt.datetime(2026, 2, 3)),
    ("46056.25", False, dt.datetime(2026, 2, 3, 6)),
    ("1770111667", False, dt.datetime(2026, 2, 3, 9, 41, 7)),
    ("вчера", False, None),
    ("31.02.2026", False, None),
    ("12345", False, None),
    ("", False, None),
])
def test_parse_date(value, day_first, expected):
    assert parse_date(value, day_first) == expected


def test_slash_dates_switch_to_day_first_per_column(tmp_path):
    path = write(tmp_path, "d.csv", "Date,Stage\n03/02/2026,Won\n25/02/2026,Lost\n")
    assert load_notes(path).frame["date"].dt.month.tolist() == [2, 2]


@pytest.mark.parametrize(("value", "expected"), [
    ("Сделка успешна", "won"), ("Успешно реализовано", "won"), ("Closed Won", "won"),
    ("closed-won", "won"), ("выиграна", "won"), ("WON", "won"),
    ("Сделка провалена", "lost"), ("Закрыто и не реализовано", "lost"), ("Closed Lost", "lost"),
    ("проиграна", "lost"), ("Отказ", "lost"), ("lost", "lost"),
    ("Встреча назначена", "open"), ("Appointment Scheduled", "open"), ("в работе", "open"),
    ("", ""), ("  ", ""),
])
def test_normalize_outcome(value, expected):
    assert normalize_outcome(value) == expected


def test_outcome_column_wins_over_stage(tmp_path):
    path = write(tmp_path, "o.csv", "Этап;Результат;Комментарий\nДоговор;проиграна;a\n"
                                     "Сделка успешна;;b\nКонтакт;;c\n")
    assert load_notes(path).frame["outcome"].tolist() == ["lost", "won", "open"]


@pytest.mark.parametrize(("value", "expected"), [
    ("1 500 000,50 ₽", 1_500_000.5), ("$1,500.50", 1500.5), ("1.500.000", 1_500_000.0),
    ("1,500,000", 1_500_000.0), ("1,5", 1.5), ("12000", 12000.0), ("1.500,25", 1500.25),
    ("много", None), ("", None),
])
def test_parse_amount(value, expected):
    assert parse_amount(value) == expected


# --- options -----------------------------------------------------------------------------------

def test_text_from_several_headers_with_plus():
    load = load_notes(B24, columns={"text": "Комментарий + Причина отказа", "stage": STAGE})
    assert load.frame.loc[1, "text"].endswith("\nНет продукта")
    assert load.mapping["bitrix24_ru_cp1251.csv"]["text"] == "Комментарий + Причина отказа"


def test_column_headers_match_loosely_and_bad_columns_fail():
    load = load_notes(B24, columns={"stage": "последний  пройденный ЭТАП"})
    assert load.mapping["bitrix24_ru_cp1251.csv"]["stage"] == STAGE
    with pytest.raises(InputError, match="no header 'Этап воронки' — headers are: 'ID'"):
        load_notes(B24, columns={"stage": "Этап воронки"})
    with pytest.raises(ConfigError, match="unknown field 'stag'"):
        load_notes(B24, columns={"stag": STAGE})
    with pytest.raises(ConfigError, match="unknown preset"):
        load_notes(B24, preset="salesforce")


# --- CLI ---------------------------------------------------------------------------------------

def test_inspect_prints_mapping_counts_and_writes_rejections(tmp_path):
    out = tmp_path / "rejected.csv"
    result = CliRunner().invoke(cli, ["inspect", str(B24), "--column", f"stage={STAGE}",
                                      "--column", "text=Комментарий", "--rejected", str(out)])
    assert result.exit_code == 0, result.output
    assert "encoding cp1251, delimiter semicolon" in result.output
    assert f"stage      <- {STAGE}  (column)" in result.output
    assert "rows: 6 in, 6 used, 0 rejected" in result.output
    assert pd.read_csv(out, encoding="utf-8-sig").columns.tolist() == ["source", "row", "reason"]


def test_inspect_lists_rejections_and_fails_cleanly(tmp_path):
    result = CliRunner().invoke(cli, ["inspect", str(B24)])
    assert "rejected row 5: empty text" in result.output
    bad = write(tmp_path, "bad.csv", b"")
    result = CliRunner().invoke(cli, ["inspect", str(bad)])
    assert result.exit_code == 2
    assert "bad.csv: the file is empty" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("text", ["name\nОСАГО\nКАСКО\nДМС\n", "name;status\nОСАГО;снят\n",
                                  "Этап;Комментарий\nКонтакт;Клиент просит перезвонить\n"])
def test_short_cp1251_texts_are_not_taken_for_koi8(tmp_path, text):
    path = write(tmp_path, "short.csv", text, "cp1251")
    assert read_table(path).columns[0] == text.split("\n")[0].split(";")[0]
    assert read_raw(path).encoding == "cp1251"


def test_outcome_from_crm_stage_when_stage_comes_from_a_custom_column(tmp_path):
    text = ("ID;Стадия сделки;Последний пройденный этап;Комментарий\n"
            "1;Сделка провалена;КП отправлено;дорого\n"
            "2;Сделка успешна;Договор заключён;ок\n"
            "3;Встреча назначена;Встреча назначена;ждём\n")
    load = load_notes(write(tmp_path, "b.csv", text, "cp1251"), columns={"stage": STAGE})
    stages = ["КП отправлено", "Договор заключён", "Встреча назначена"]
    assert load.frame["stage"].tolist() == stages
    assert load.frame["outcome"].tolist() == ["lost", "won", "open"]
    assert load.mapping["b.csv"]["outcome"] == "Стадия сделки"


@pytest.mark.parametrize(("values", "expected"), [
    (["Анна", "анна", "Анна"], {"анна": "Анна"}),
    (["Анна  Петрова", "Анна Петрова"], {"Анна  Петрова": "Анна Петрова"}),
    (["Фёдоров", "Федоров", "Федоров"], {"Фёдоров": "Федоров"}),
    (["Иванов И.", "Иванов Иван", ""], {}),  # different names stay apart
])
def test_unify_spellings(values, expected):
    from salesmine.ingest.values import unify_spellings

    assert unify_spellings(values) == expected


def test_nested_json_keys_map_by_their_last_part(tmp_path):
    path = write(tmp_path, "api.json", json.dumps({"results": [
        {"id": "7", "properties": {"dealstage": "closedwon", "createdate": "2026-03-04",
                                   "notes": "ok"}}]}))
    load = load_notes(path)
    assert load.mapping["api.json"] == {"id": "id", "date": "properties.createdate",
                                        "stage": "properties.dealstage", "text": "properties.notes"}
    assert load.frame.loc[0, "outcome"] == "won"


def test_unclosed_quote_warns_even_when_the_cell_is_short(tmp_path):
    path = write(tmp_path, "q.csv", 'Этап;Комментарий\nОтказ;ok\nКонтакт;"нет конца\nДоговор;x\n')
    load = load_notes(path)
    assert load.n_input == 2
    assert load.warnings == ["q.csv: line 3: unclosed quote — the rest of the file (2 lines) was "
                             "read as one row; close the quote in the file or export it again"]


def test_a_file_given_twice_is_read_once(tmp_path):
    path = write(tmp_path, "d.csv", "Этап;Комментарий\nКонтакт;a\n")
    load = load_notes([path, tmp_path / "." / "d.csv"])
    assert load.n_input == 1 and len(load.files) == 1
    assert load.warnings == [f"{tmp_path / 'd.csv'}: given more than once; read once"]
