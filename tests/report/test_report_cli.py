"""``salesmine report`` and ``salesmine demo`` through the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from salesmine.cli import cli
from salesmine.report import sample_dir

DATA = Path(__file__).parents[1] / "data" / "funnel"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # default output folder and salesmine.toml lookup stay in tmp


def test_report_writes_funnel_page_and_says_where(tmp_path):
    result = CliRunner().invoke(
        cli,
        [
            "report",
            "--notes",
            str(DATA / "bitrix_deals.csv"),
            "--config",
            str(DATA / "salesmine.toml"),
            "--people",
            str(DATA / "people.csv"),
            "--lang",
            "en",
            "-o",
            "out",
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    page = tmp_path / "out" / "funnel.html"
    assert page.is_file()
    assert f"open {(tmp_path / 'out' / 'index.html').resolve().as_uri()}" in result.stdout
    assert "rows: 15 in, 14 used, 1 rejected" in result.stdout
    assert '<html lang="en">' in page.read_text(encoding="utf-8")


def test_report_default_folder_is_reports(tmp_path):
    result = CliRunner().invoke(
        cli,
        [
            "report",
            "--notes",
            str(DATA / "bitrix_deals.csv"),
            "--column",
            "stage=Последний пройденный этап",
            "--stages",
            "Контакт,Встреча назначена,Встреча проведена,КП отправлено,Договор",
        ],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "reports" / "funnel.html").is_file()


def test_report_without_stages_in_the_data_explains(tmp_path):
    notes = tmp_path / "notes.csv"
    notes.write_text("ID;Комментарий\n1;Дорого\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["report", "--notes", str(notes)])
    # The refusal pages need no stages, so this may still succeed; the funnel is left out.
    assert "--column stage=" in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "reports" / "funnel.html").exists()


def test_report_with_nothing_usable_is_one_line(tmp_path):
    notes = tmp_path / "notes.csv"
    notes.write_text("ID;Сумма\n1;100\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["report", "--notes", str(notes)])
    assert result.exit_code == 2
    assert "--column text=" in result.stderr and "Error:" in result.stderr
    assert "Traceback" not in result.output


def test_demo_on_a_sample_folder(tmp_path):
    result = CliRunner().invoke(
        cli, ["demo", "--sample", str(DATA / "sample"), "-o", "demo"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "demo" / "funnel.html").is_file()
    assert "open file://" in result.stdout


def test_demo_without_sample_data_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["demo", "--sample", str(tmp_path)])
    assert result.exit_code == 2
    assert "salesmine.toml" in result.stderr


@pytest.mark.skipif(
    not (sample_dir() / "crm_deals.csv").is_file(), reason="bundled sample not written yet"
)
def test_demo_on_the_bundled_sample(tmp_path):
    result = CliRunner().invoke(cli, ["demo"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "reports" / "funnel.html").is_file()


def test_report_from_interviews_alone_writes_process_and_managers(tmp_path):
    result = CliRunner().invoke(
        cli,
        ["report", "--interviews", str(sample_dir() / "interviews"), "--people",
         str(sample_dir() / "people.csv"), "--lang", "en", "-o", "out"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["index.html", "managers.html", "process.html"]
    assert "[1/3]" in result.stderr and "writing the pages" in result.stderr  # progress
    assert '<html lang="en">' in (tmp_path / "out" / "process.html").read_text(encoding="utf-8")


def test_report_options_are_documented():
    result = CliRunner().invoke(cli, ["report", "--help"])
    for option in ("--notes", "--interviews", "--catalog", "--people", "--lang", "--no-redact",
                   "--model", "--output"):
        assert option in result.output
