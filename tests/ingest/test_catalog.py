"""The product catalog: CSV/XLSX/YAML, ru/en headers, synonyms, statuses, and bad files."""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pytest

from salesmine.errors import InputError
from salesmine.ingest import load_catalog
from salesmine.records import CatalogItem

DATA = Path(__file__).parent.parent / "data" / "ingest"


def test_russian_csv_with_synonyms_statuses_sections_and_repeats():
    items = load_catalog(DATA / "catalog_ru.csv")
    assert [i.name for i in items] == [
        "ОСАГО", "КАСКО", "Страхование дачи", "Страхование от клеща", "ВЗР"]
    by_name = {i.name: i for i in items}
    # the repeated ОСАГО row adds its new synonym; the name itself is not its own synonym
    assert by_name["ОСАГО"].synonyms == (
        "автогражданка", "обязательная автостраховка", "ОСАГО онлайн")
    assert by_name["КАСКО"].synonyms == ("каско полное", "каско частичное")
    assert [i.status for i in items] == [
        "active", "active", "discontinued", "discontinued", "active"]
    assert not by_name["Страхование дачи"].is_active
    assert by_name["ВЗР"].category == "Путешествия"


def test_yaml_products_list_with_string_entries():
    items = load_catalog(DATA / "catalog.yaml")
    synonyms = ("автогражданка", "обязательная автостраховка")
    assert items[0] == CatalogItem("ОСАГО", "Авто", synonyms, "active")
    assert items[1].synonyms == ("дача", "загородный дом") and items[1].status == "discontinued"
    assert items[2] == CatalogItem("ДМС")


def test_yaml_plain_list_and_name_mapping(tmp_path):
    (tmp_path / "a.yml").write_text("- name: Fleet cover\n  aliases: fleet|trucks\n",
                                    encoding="utf-8")
    assert load_catalog(tmp_path / "a.yml")[0].synonyms == ("fleet", "trucks")
    (tmp_path / "b.yaml").write_text("products:\n  КАСКО: {category: Авто, status: архив}\n",
                                     encoding="utf-8")
    assert load_catalog(tmp_path / "b.yaml") == [CatalogItem("КАСКО", "Авто", (), "discontinued")]


def test_xlsx_with_english_headers(tmp_path):
    book = openpyxl.Workbook()
    for row in (["Product", "Category", "Synonyms", "Status", "SKU"],
                ["Cyber cover", "Business", "cyber; data breach", "Discontinued", 12],
                ["Travel", "Personal", None, None, None]):
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    (tmp_path / "catalog.xlsx").write_bytes(buffer.getvalue())
    assert load_catalog(tmp_path / "catalog.xlsx") == [
        CatalogItem("Cyber cover", "Business", ("cyber", "data breach"), "discontinued", "12"),
        CatalogItem("Travel", "Personal")]


@pytest.mark.parametrize(("status", "expected"), [
    ("активен", "active"), ("В продаже", "active"), ("active", "active"), ("", "active"),
    ("Снят с продаж", "discontinued"), ("архив", "discontinued"), ("снят", "discontinued"),
    ("Discontinued", "discontinued"), ("не продаётся", "discontinued"),
])
def test_status_words(tmp_path, status, expected):
    (tmp_path / "c.csv").write_text(f"name;status\nОСАГО;{status}\n", encoding="cp1251")
    assert load_catalog(tmp_path / "c.csv")[0].status == expected


@pytest.mark.parametrize(("name", "content", "message"), [
    ("c.csv", "category;status\nАвто;активен\n",
     "c.csv: no product name column (headers: 'category'"),
    ("c.csv", "name;status\n;\n", "no products in the catalog"),
    ("c.csv", "name;synonyms\nКАСКО;полное;частичное\n", "row 1: 3 cells but the header has 2"),
    ("c.csv", "", "the file is empty"),
    ("c.yaml", "products: [\n  - name: x\n", "invalid YAML at line"),
    ("c.yaml", "42\n", "expected a list of entries"),
])
def test_bad_catalogs(tmp_path, name, content, message):
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(message)):
        load_catalog(tmp_path / name)


def test_unknown_status_names_row_and_accepted_values():
    with pytest.raises(InputError) as info:
        load_catalog(DATA / "catalog_bad_status.csv")
    assert str(info.value).startswith("catalog_bad_status.csv: row 2: unknown status 'maybe later'")
    assert "снят с продаж" in str(info.value)
