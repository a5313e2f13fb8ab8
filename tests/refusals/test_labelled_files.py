"""Reading labelled files (salesmine.ingest.labelled): columns, codes, one-line errors."""

from pathlib import Path

import pytest

from salesmine.errors import InputError
from salesmine.ingest.labelled import LABELLED_COLUMNS, read_labelled
from salesmine.refusals.taxonomy import default_taxonomy

DATA = Path(__file__).parents[1] / "data" / "refusals"


def test_reads_a_guidelines_file():
    frame = read_labelled([DATA / "clear_notes.csv"], default_taxonomy().codes)
    assert tuple(frame.columns) == LABELLED_COLUMNS
    assert len(frame) == 72
    assert frame.loc[0, "source"] == "clear_notes.csv" and frame.loc[0, "row"] == 1
    assert set(frame["lang"]) == {"ru", "en"}


def test_only_text_and_reason_are_required(tmp_path):
    path = tmp_path / "min.csv"
    path.write_text("Text,Reason\nдорого,PRICE\n", encoding="utf-8")
    frame = read_labelled([path], ["price"])
    assert frame.loc[0, "reason"] == "price" and frame.loc[0, "outcome"] == ""


def test_missing_column_names_the_file(tmp_path):
    path = tmp_path / "nolabel.csv"
    path.write_text("text\nдорого\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"nolabel\.csv: missing column\(s\) reason"):
        read_labelled([path])


def test_unknown_code_names_file_and_row(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("text,reason\nдорого,price\nхм,expensive\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_labelled([path], default_taxonomy().codes)
    assert "bad.csv, row 2: unknown reason 'expensive'" in str(err.value)
    assert "\n" not in str(err.value)


def test_empty_reason_is_an_error_unless_unlabelled_rows_are_allowed():
    with pytest.raises(InputError, match=r"tiny_corrected\.csv, row 6: empty 'reason'"):
        read_labelled([DATA / "tiny_corrected.csv"])
    frame = read_labelled([DATA / "tiny_corrected.csv"], allow_unlabelled=True)
    assert list(frame["reason"]) == ["price"] * 5
