"""Catalog matching gives the same answer in every run: Python salts string hashing per process,
so sums over sets of words differ in their last bits from run to run, and a tie between an
item's name and its synonym must not fall by that noise (it did: route and matched entry
changed between runs)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CATALOG = """name,category,synonyms,status
Сервисный контракт SLA 4 часа,Сервис,SLA|SLA 4 часа|реакция 4 часа,active
Подменный автомобиль на время ремонта,Сервис,машина на время ремонта|подменка,active
Гарантия на выработку 25 лет,Гарантии,гарантия 25 лет,active
Роутер Wi-Fi 6,Оборудование,wifi 6|роутер ax,active
Seasonal payment schedule,Оплата,сезонный график|seasonal payment schedule,active
"""
MENTIONS = [
    "SLA 4 часа",
    "гарантию на выработку 25 лет",
    "wifi 6 роутеров",
    "машину на время ремонта",
    "seasonal payment",
]
SCRIPT = """
import sys
from salesmine.ingest import load_catalog
from salesmine.refusals.catalog_match import match_catalog
from salesmine.refusals.claims import resolve_catalog
index = resolve_catalog(load_catalog(sys.argv[1]))
for mention in sys.argv[2:]:
    found = match_catalog(mention, index)
    print(found.item, found.route, found.matched, found.score)
"""


def test_matching_does_not_depend_on_string_hashing(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog.csv"
    catalog.write_text(CATALOG, encoding="utf-8")
    answers = set()
    for seed in ("1", "2", "3", "4"):  # seed 2 broke the tie the other way before the fix
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", SCRIPT, str(catalog), *MENTIONS],
            capture_output=True, text=True, env=env, check=True,
        )  # fmt: skip
        answers.add(run.stdout)
    assert len(answers) == 1, answers
    assert "Гарантия на выработку 25 лет" in answers.pop()
