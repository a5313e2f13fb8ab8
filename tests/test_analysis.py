"""analyze(): the stages run in order, announce themselves, and a stage without input is skipped."""

from __future__ import annotations

from salesmine.analysis import Inputs, analyze
from salesmine.config import load_settings
from salesmine.report import sample_dir


def test_interviews_alone_run_only_the_process_stages():
    settings = load_settings(sample_dir() / "salesmine.toml")
    seen = []
    inputs = Inputs(interviews=(sample_dir() / "interviews",), people=sample_dir() / "people.csv")
    analysis = analyze(inputs, settings, progress=lambda i, n, label: seen.append((i, n, label)))
    assert [(i, n) for i, n, _ in seen] == [(1, 2), (2, 2)]
    assert list(analysis.timings) == ["reference", "process"]
    assert analysis.notes is None and analysis.refusals is None and analysis.deals is None
    assert len(analysis.transcripts) == 8 and analysis.process is not None
    assert len(analysis.people) == 13


def test_inputs_from_settings_take_the_files_and_overrides():
    settings = load_settings(sample_dir() / "salesmine.toml")
    inputs = Inputs.from_settings(settings, catalog=None, model_dir=sample_dir())
    assert inputs.notes == (sample_dir() / "crm_deals.csv",)
    assert inputs.catalog == sample_dir() / "catalog.csv"  # None keeps the settings' value
    assert inputs.model_dir == sample_dir()
