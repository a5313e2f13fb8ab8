"""Scoring discovery against a labelled folder (`salesmine evaluate FOLDER`): the figures of
issue 5, checked against counts worked out by hand."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from salesmine.cli import cli
from salesmine.errors import InputError
from salesmine.process.evaluation import (
    evaluate_folder,
    load_labelled,
    match_quotes,
    order_tau,
    pairwise,
    read_canonical,
    read_gold,
)
from salesmine.process.model import Activity, Process, Step

TEAM = Path(__file__).resolve().parent.parent / "data" / "process" / "team"
CLAIMS = Path(__file__).resolve().parent.parent / "data" / "claims"

GOLD = """employee,source,position,quote,step_name,activity_id
Анна,anna.txt,1,я обзваниваю клиентов из базы,обзвонить базу,CALL
Анна,anna.txt,2,выясняю потребности клиента,выяснить потребности,NEED
Анна,anna.txt,3,назначаю встречу,назначить встречу,MEET
Анна,anna.txt,4,отправляю коммерческое предложение,отправить КП,OFFER
Анна,anna.txt,5,подписываем договор,подписать договор,SIGN
Анна,anna.txt,6,вношу сделку в CRM,внести сделку в CRM,CRM
Анна,anna.txt,7,провожу презентацию продукта для совета директоров,провести презентацию,personal
Борис,boris.txt,1,Прозвон базы,обзвонить базу,CALL
Борис,boris.txt,2,Уточняю потребности,уточнить потребности,NEED
Борис,boris.txt,3,Договариваюсь о встрече с клиентом,договориться о встрече,MEET
Борис,boris.txt,4,Высылаю КП,выслать КП,OFFER
Борис,boris.txt,5,Подписание договора,подписать договор,SIGN
Борис,boris.txt,6,Заношу клиента в CRM,занести клиента в CRM,CRM
"""


def test_pairwise_counts_pairs_of_different_people_only() -> None:
    # people a, a, b, b; predicted X X Y X; gold K K K L
    # cross-person pairs: (0,2) pred no / gold yes -> fn; (0,3) pred yes / gold no -> fp;
    # (1,2) fn; (1,3) fp. The same-person pair (0,1) does not count.
    precision, recall, f1 = pairwise(["X", "X", "Y", "X"], ["K", "K", "K", "L"], "aabb")
    assert (precision, recall, f1) == (0.0, 0.0, 0.0)
    precision, recall, _ = pairwise(["X", "Y", "X", "Y"], ["K", "L", "K", "M"], "aabb")
    assert precision == pytest.approx(0.5) and recall == pytest.approx(1.0)


def test_personal_steps_never_pair() -> None:
    assert pairwise(["personal", "personal"], ["K", "K"], "ab") == (0.0, 0.0, 0.0)
    assert pairwise(["X", "X"], ["", ""], "ab") == (0.0, 0.0, 0.0)


def test_quotes_match_one_to_one_on_half_the_shorter_quote() -> None:
    found = ["потом звоню клиенту", "отправляю КП", "пью кофе"]
    gold = ["звоню клиенту", "отправляю коммерческое предложение и КП"]
    # "отправляю КП" shares 2 of its 2 words with the second gold quote; "пью кофе" nothing
    assert match_quotes(found, gold) == {0: 0, 1: 1}
    assert match_quotes(["звоню клиенту", "звоню клиенту"], ["звоню клиенту"]) == {0: 0}


def _process(orders: tuple[int, int, int]) -> Process:
    """One account of three steps A1, A2, A3 (positions 1-3); the activities ranked ``orders``."""
    steps = tuple(Step("a", "a.txt", k, f"A{k}", f"A{k}", activity_id=f"A{k}") for k in (1, 2, 3))
    activities = tuple(
        Activity(f"A{k}", f"A{k}", order, 1, 1, ("a",), True, float(k), (), ())
        for k, order in zip((1, 2, 3), orders, strict=True)
    )
    return Process(activities=activities, steps=steps, employees=("a",))


def test_order_tau_compares_the_ranking_with_the_gold_positions() -> None:
    gold_of = {("a", 1): "x", ("a", 2): "y", ("a", 3): "z"}
    assert order_tau(_process((1, 2, 3)), gold_of) == pytest.approx(1.0)
    assert order_tau(_process((3, 2, 1)), gold_of) == pytest.approx(-1.0)
    # one swapped pair of three: 2 concordant, 1 discordant pair -> tau = (2 - 1) / 3
    assert order_tau(_process((2, 1, 3)), gold_of) == pytest.approx(1 / 3)
    assert math.isnan(order_tau(_process((1, 2, 3)), {("a", 1): "x"}))  # one activity: no order


@pytest.fixture()
def labelled(tmp_path: Path) -> Path:
    for name in ("anna.txt", "boris.txt"):
        shutil.copy(TEAM / name, tmp_path / name)
    (tmp_path / "gold.csv").write_text(GOLD, encoding="utf-8")
    return tmp_path


def test_evaluate_folder_counts_found_and_missed_steps(labelled: Path) -> None:
    scores = evaluate_folder(labelled)
    assert (scores.interviews, scores.gold_steps) == (2, 13)
    # the personal presentation is not in Anna's interview: it cannot be found
    assert scores.matched <= 12
    precision, recall, _ = scores.extraction
    assert recall == pytest.approx(scores.matched / 13)
    assert precision == pytest.approx(scores.matched / scores.found_steps)
    assert scores.matched >= 10  # two plain accounts of one process: nearly every step found
    assert scores.pairwise[2] >= 0.8


def test_a_sets_people_csv_is_read_as_a_users_people_file(labelled: Path) -> None:
    # the scorer reads the interviews as `salesmine process --people` would: with roles
    assert [t.role for t in load_labelled(labelled / "gold.csv", labelled)] == ["", ""]
    (labelled / "people.csv").write_text(
        "employee,source,role\nАнна,anna.txt,коммерческий директор\nБорис,boris.txt,менеджер\n",
        encoding="utf-8",
    )
    loaded = load_labelled(labelled / "gold.csv", labelled)
    assert [t.role for t in loaded] == ["коммерческий директор", "менеджер"]


def test_evaluate_cli_prints_process_and_claims_figures(labelled: Path) -> None:
    result = CliRunner().invoke(cli, ["evaluate", str(labelled), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["gold_steps"] == 13 and "kendall_tau" in figures

    claims = labelled.parent / "claims"
    claims.mkdir()
    shutil.copy(CLAIMS / "labelled.csv", claims / "notes.csv")
    shutil.copy(CLAIMS / "catalog.csv", claims / "catalog.csv")
    result = CliRunner().invoke(cli, ["evaluate", str(claims)])
    assert result.exit_code == 0, result.output
    assert "manager_error: precision" in result.output


def test_mixed_kinds_and_broken_gold_are_one_line_errors(labelled: Path) -> None:
    result = CliRunner().invoke(cli, ["evaluate", str(labelled), str(TEAM / "anna.txt")])
    assert result.exit_code == 2 and "one kind at a time" in result.output
    (labelled / "gold.csv").write_text("employee,source,quote\nА,anna.txt,x\n", encoding="utf-8")
    with pytest.raises(InputError, match="no column position"):
        read_gold(labelled / "gold.csv")
    (labelled / "boris.txt").unlink()
    (labelled / "gold.csv").write_text(GOLD, encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(labelled)])
    assert result.exit_code == 2 and "boris.txt is not in" in result.output


def test_order_tau_against_a_canonical_order_where_the_set_gives_one() -> None:
    # the account tells x, y, z in that order; the company's order is z, x, y
    gold_of = {("a", 1): "x", ("a", 2): "y", ("a", 3): "z"}
    canonical = {"z": 1.0, "x": 2.0, "y": 3.0}
    assert order_tau(_process((1, 2, 3)), gold_of) == pytest.approx(1.0)
    assert order_tau(_process((1, 2, 3)), gold_of, canonical) == pytest.approx(-1 / 3)
    assert order_tau(_process((2, 3, 1)), gold_of, canonical) == pytest.approx(1.0)
    # an activity the canonical file does not list is left out, not guessed
    assert order_tau(_process((2, 3, 1)), gold_of, {"x": 1.0, "y": 2.0}) == pytest.approx(1.0)


def test_canonical_csv_is_read_with_its_order_or_the_row_order(tmp_path: Path) -> None:
    path = tmp_path / "canonical.csv"
    path.write_text("activity_id,order,name\nA02,2,b\nA01,1,a\n", encoding="utf-8")
    assert read_canonical(path) == {"A02": 2.0, "A01": 1.0}
    path.write_text("activity_id,name\nlead,a\ncall,b\n", encoding="utf-8")
    assert read_canonical(path) == {"lead": 1.0, "call": 2.0}
    assert read_canonical(tmp_path / "absent.csv") == {}
    path.write_text("id,name\nA01,a\n", encoding="utf-8")
    with pytest.raises(InputError, match="activity_id"):
        read_canonical(path)
