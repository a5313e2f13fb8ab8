"""The product catalog (CSV/XLSX/YAML): names, categories, synonyms and whether each is still sold.

Synonyms are separated by ``|`` or ``;`` (or a YAML list). Status words in Russian and English
are understood (``активен``, ``в продаже``, ``снят с продаж``, ``архив``, ``discontinued``...);
an empty status means active, an unknown one is an error naming the row. Rows without a name
are skipped (price lists often have section titles); a repeated name merges its synonyms into
the first entry.
"""

from __future__ import annotations

from pathlib import Path

from salesmine.errors import InputError
from salesmine.ingest.reference import as_text, read_records, split_names
from salesmine.ingest.values import value_key
from salesmine.records import CatalogItem

FIELDS = {
    "name": ("Наименование", "Название", "Наименование товара", "Наименование продукта",
             "Продукт", "Товар", "Услуга", "Name", "Product", "Product name", "Title", "Item"),
    "category": ("Категория", "Группа", "Вид", "Раздел", "Линейка", "Category", "Group", "Type",
                 "Line"),
    "synonyms": ("Синонимы", "Другие названия", "Варианты названия", "Также называют", "Алиасы",
                 "Synonyms", "Aliases", "Other names", "Also known as"),
    "status": ("Статус", "Состояние", "Status", "State"),
    "id": ("Код", "Артикул", "ID", "SKU", "Code"),
}
ACTIVE = ("active", "активен", "активна", "активный", "активно", "в продаже", "продается",
          "продаётся", "продаем", "действует", "действующий", "доступен", "да", "yes", "true",
          "1", "available", "on sale", "current")
DISCONTINUED = ("discontinued", "снят с продаж", "снят с продажи", "снят", "снята", "снято",
                "архив", "архивный", "в архиве", "не продается", "не продаётся", "не активен",
                "неактивен", "неактивный", "закрыт", "выведен", "выведен из продажи", "нет", "no",
                "false", "0", "inactive", "archived", "retired", "withdrawn", "end of life", "eol")
_STATUS = {**{value_key(v): "active" for v in ACTIVE},
           **{value_key(v): "discontinued" for v in DISCONTINUED}}


def load_catalog(path: Path | str, *, encoding: str | None = None) -> list[CatalogItem]:
    """Read a product catalog file into CatalogItems, in file order."""
    path = Path(path)
    records = read_records(path, FIELDS, what="product name", encoding=encoding,
                           list_keys=("products", "items", "catalog", "продукты", "товары"))
    items: dict[str, CatalogItem] = {}
    for row, record in records:
        name = as_text(record.get("name"))
        if not name:
            continue
        item = CatalogItem(
            name=name,
            category=as_text(record.get("category")),
            synonyms=tuple(s for s in split_names(record.get("synonyms", "")) if s != name),
            status=_status(as_text(record.get("status")), path.name, row),
            id=as_text(record.get("id")),
        )
        key = value_key(name)
        items[key] = _merge(items[key], item) if key in items else item
    if not items:
        raise InputError(f"{path.name}: no products in the catalog — fill the name column")
    return list(items.values())


def _status(value: str, source: str, row: int) -> str:
    if not value:
        return "active"
    status = _STATUS.get(value_key(value))
    if status is None:
        raise InputError(f"{source}: row {row}: unknown status {value!r} — use active/discontinued "
                         "(or активен, в продаже / снят с продаж, архив)")
    return status


def _merge(first: CatalogItem, again: CatalogItem) -> CatalogItem:
    synonyms = tuple(dict.fromkeys((*first.synonyms, *again.synonyms)))
    return CatalogItem(first.name, first.category or again.category, synonyms, first.status,
                       first.id or again.id)
