"""Fixtures for process discovery: transcripts built by hand from "Speaker: text" lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from salesmine.records import Transcript, Turn

DATA = Path(__file__).resolve().parent.parent / "data" / "process"
TEAM = DATA / "team"


def make_transcript(
    text: str,
    *,
    interviewee: str,
    employee: str = "",
    lang: str = "ru",
    source: str = "interview.txt",
) -> Transcript:
    """A transcript from "Speaker: text" lines; a line without a label continues the turn."""
    turns: list[tuple[str, str]] = []
    for line in text.strip().splitlines():
        head, sep, rest = line.partition(":")
        if sep and head.strip() and len(head.split()) <= 2 and not head.strip()[0].isdigit():
            turns.append((head.strip(), rest.strip()))
        elif turns:
            turns[-1] = (turns[-1][0], turns[-1][1] + "\n" + line.strip())
    return Transcript(
        source=source,
        turns=tuple(Turn(speaker, body, k) for k, (speaker, body) in enumerate(turns)),
        interviewee=interviewee,
        employee=employee or interviewee,
        language=lang,
    )


def load_team() -> list[Transcript]:
    """The five-person team in tests/data/process/team (one file per employee)."""
    transcripts = []
    for path in sorted(TEAM.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        speaker = text.splitlines()[1].partition(":")[0].strip()
        transcripts.append(make_transcript(text, interviewee=speaker, source=path.name))
    return transcripts


@pytest.fixture(scope="session")
def team() -> list[Transcript]:
    return load_team()


@pytest.fixture(scope="session")
def team_process(team):  # type: ignore[no-untyped-def]
    from salesmine.process import discover_process

    return discover_process(team)


@pytest.fixture(scope="session")
def interview():  # type: ignore[no-untyped-def]
    """The ``make_transcript`` builder, for tests that write their own interview."""
    return make_transcript
