"""English process descriptions (``english_description``): detected per transcript, every role's
actions kept as steps, interviews read as before, and the mode forced from the API and the CLI.

Fixtures: tests/data/process/description/ (an SOP list, a regulation in the passive, a seller's
own notes in the first person) and the interviews of tests/data/process/english/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from salesmine.cli import cli
from salesmine.errors import InputError
from salesmine.ingest import load_transcripts
from salesmine.process import discover_process, extract_steps
from salesmine.process.english_description import MODES, describes_process, reading_mode
from salesmine.records import Transcript, Turn

DATA = Path(__file__).resolve().parent.parent / "data" / "process"
DESCRIPTIONS = DATA / "description"
INTERVIEWS = DATA / "english"


def loaded(name: str) -> Transcript:
    return load_transcripts([DESCRIPTIONS / name])[0]


def monologue(text: str) -> Transcript:
    return Transcript("notes.txt", (Turn("Notes", text, 0),), "Notes", "Notes", language="en")


def names(transcript: Transcript, mode: str = "auto") -> list[str]:
    return [step.name for step in extract_steps(transcript, mode=mode)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The clerk receives the order. Then the manager checks it.", "description"),
        ("Invoices are checked by the clerk. Approved ones are paid by finance.", "description"),
        ("1. Log the ticket.\n2. Assign a priority.\n3. The engineer fixes it.", "description"),
        ("I call the lead. Then I book a demo. The client signs the contract.", "interview"),
        ("We send the quote and we chase it. Then they sign.", "interview"),
        ("The clerk checks it.", "interview"),  # one clause says too little to tell
    ],
)
def test_detection_of_a_description(text: str, expected: str) -> None:
    assert reading_mode(monologue(text), "Notes") == expected


@pytest.mark.parametrize(
    ("name", "described"),
    [("sop_list.txt", True), ("regulation.txt", True), ("own_notes.txt", False)],
)
def test_detection_on_files(name: str, described: bool) -> None:
    transcript = loaded(name)
    assert describes_process(transcript, transcript.interviewee) is described


def test_an_interviewer_makes_it_an_interview() -> None:
    # a head of sales telling the reps' process in the third person still answers questions
    turns = (
        Turn("Interviewer", "How does the team sell?", 0),
        Turn("Ann", "The rep qualifies the lead. Then the rep books the demo. Legal signs.", 1),
    )
    transcript = Transcript("ann.txt", turns, "Ann", "Ann", language="en")
    assert reading_mode(transcript, "Ann") == "interview"


def test_third_person_passive_and_instruction_steps_are_kept() -> None:
    assert names(loaded("sop_list.txt")) == [
        "record the request in the order system",  # an instruction
        "check",  # the team lead's, its object clause in the quote
        "approve the refund",  # a passive, under a condition
        "reject the request",  # "Otherwise reject ...": the other branch
        "tell the customer",
        "transfer the money to the customer",  # a department's
    ]


def test_conditions_norms_hypotheticals_and_the_text_itself() -> None:
    # kept: "shall be drafted", "must be reviewed", the supplier's signing and returning;
    # dropped: "This policy applies ...", "may be requested", "No contract is extended ..."
    assert names(loaded("regulation.txt")) == [
        "draft framework contracts",
        "review the draft",
        "sign copies",
        "return",
        "archive signed contracts in the document store",
    ]


def test_description_quotes_are_verbatim_in_order() -> None:
    transcript = loaded("sop_list.txt")
    steps = extract_steps(transcript)
    assert [s.position for s in steps] == list(range(1, len(steps) + 1))
    assert steps[1].quote == "The team lead checks whether the payment was received"
    for step in steps:
        assert transcript.turns[step.turn].text[step.start : step.end] == step.quote
        assert step.language == "en" and step.source == "sop_list.txt"


@pytest.mark.parametrize("name", ["third_parties.txt", "head_of_sales.txt", "playbook.txt"])
def test_interviews_read_as_before(interview, name: str) -> None:  # type: ignore[no-untyped-def]
    text = (INTERVIEWS / name).read_text(encoding="utf-8")
    speaker = text.splitlines()[1].partition(":")[0]
    transcript = interview(text, interviewee=speaker, lang="en")
    assert reading_mode(transcript, speaker) == "interview"
    assert extract_steps(transcript) == extract_steps(transcript, mode="interview")


def test_forced_modes_override_detection(interview) -> None:  # type: ignore[no-untyped-def]
    sop = loaded("sop_list.txt")
    assert names(sop, "interview") == ["record the request in the order system"]  # others' actions
    notes = loaded("own_notes.txt")
    assert "sign" not in names(notes)  # the client's signing: not the seller's step
    assert "sign" in names(notes, "description")
    text = (INTERVIEWS / "third_parties.txt").read_text(encoding="utf-8")
    dev = interview(text, interviewee="Dev", lang="en")
    assert names(dev) == ["log the deal in HubSpot"]
    assert len(names(dev, "description")) > 1  # the client's and legal's actions too


def test_russian_transcripts_ignore_the_mode(team) -> None:  # type: ignore[no-untyped-def]
    assert extract_steps(team[0], mode="description") == extract_steps(team[0])


def test_unknown_mode_is_an_input_error() -> None:
    with pytest.raises(InputError, match="reading mode"):
        extract_steps(loaded("sop_list.txt"), mode="story")
    with pytest.raises(InputError, match="reading mode"):
        discover_process([loaded("sop_list.txt")], mode="story")


def test_discover_process_takes_the_mode() -> None:
    sop = [loaded("sop_list.txt")]
    described = discover_process(sop, learned_steps=False)
    interviewed = discover_process(sop, learned_steps=False, mode="interview")
    assert len(described.steps) == 6 and len(interviewed.steps) == 1


def test_cli_mode_option(tmp_path) -> None:  # type: ignore[no-untyped-def]
    sop = str(DESCRIPTIONS / "sop_list.txt")
    runs = {
        mode: CliRunner().invoke(cli, ["process", sop, "--mode", mode, "-o", str(tmp_path / mode)])
        for mode in MODES
    }
    assert all(run.exit_code == 0 for run in runs.values()), runs["auto"].output
    rows = {m: (tmp_path / m / "alignment.csv").read_text("utf-8-sig").count("\n") for m in MODES}
    assert rows["auto"] == rows["description"] == 7 and rows["interview"] == 2  # header + steps
    bad = CliRunner().invoke(cli, ["process", sop, "--mode", "story", "-o", str(tmp_path / "x")])
    assert bad.exit_code == 2 and "story" in bad.output
