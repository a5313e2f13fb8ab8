"""Read interview and call transcripts (.txt, .md, .vtt, .srt, .docx, .json) into ``Transcript``.

A transcript knows its speakers, their turns in order, and which speaker is the interviewee: the
one who talks most (interviewer roles such as "В"/"Q"/"Интервьюер" excluded) unless ``speaker``
names one. The employee behind the interview comes from a people list or the file name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path

from salesmine.errors import InputError
from salesmine.ingest.files import decode_text, read_bytes, sniff_kind
from salesmine.ingest.transcript_formats import parse_cues, parse_docx, parse_json, parse_text
from salesmine.ingest.transcript_labels import INTERVIEWER_LABELS, label_key, names_a_person
from salesmine.ingest.transcript_names import resolve_employee
from salesmine.records import Person, Transcript, Turn
from salesmine.text import detect_language

PathLike = str | Path


# Readers by file suffix. Text formats get decoded text; .docx gets the bytes (it is a zip).
TEXT_READERS: dict[str, Callable[[str], list[Turn]]] = {
    ".txt": parse_text,
    ".md": partial(parse_text, markdown=True),
    ".vtt": parse_cues,
    ".srt": parse_cues,
    ".json": parse_json,
}
BYTES_READERS: dict[str, Callable[[bytes], list[Turn]]] = {".docx": parse_docx}
SUPPORTED = (*TEXT_READERS, *BYTES_READERS)
_UNKNOWN_SPEAKER = "?"
_NOT_TEXT = {
    "zip": "a zip archive (a .docx or .xlsx?), not text; give the file its real suffix",
    "ole2": "an old Office (.doc/.xls) file, not text; save it as .docx",
    "parquet": "a Parquet file, not a transcript",
    "binary": "a binary file, not text",
}


def _decoded(data: bytes, path: Path, encoding: str | None) -> str:
    kind = sniff_kind(data)
    if kind != "text":
        raise InputError(f"{path}: {_NOT_TEXT[kind]}")
    text = decode_text(data, str(path), encoding)[0]
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    return text


def _read_turns(path: Path, encoding: str | None) -> list[Turn]:
    """Turns of one file (speaker "" = unknown); every problem is an InputError naming it."""
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise InputError(f"{path}: old Word .doc is not supported; save it as .docx")
    if suffix not in SUPPORTED:
        shown, supported = suffix or "(no suffix)", ", ".join(SUPPORTED)
        raise InputError(f"{path}: unsupported file type {shown}; supported: {supported}")
    data = read_bytes(path)
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    text = None if suffix in BYTES_READERS else _decoded(data, path, encoding)
    try:
        turns = BYTES_READERS[suffix](data) if text is None else TEXT_READERS[suffix](text)
    except InputError as exc:
        raise InputError(f"{path}: {exc}") from None
    if not turns:
        raise InputError(f"{path}: no text found in the file")
    return turns


def _unify_speakers(turns: list[Turn], monologue_name: str) -> list[Turn]:
    """One spelling per speaker ("ОЛЬГА"/"Ольга"), the unknown speaker named, turns merged."""
    spelling: dict[str, str] = {}
    named = any(t.speaker for t in turns)
    result: list[Turn] = []
    for turn in turns:
        speaker = turn.speaker or (_UNKNOWN_SPEAKER if named else monologue_name)
        speaker = spelling.setdefault(label_key(speaker), speaker)
        if result and result[-1].speaker == speaker:
            last = result[-1]
            result[-1] = Turn(speaker, f"{last.text}\n{turn.text}", last.index, last.start)
        else:
            result.append(Turn(speaker, turn.text, len(result), turn.start))
    return result


def _pick_interviewee(turns: list[Turn], speaker: str | None, source: str) -> str:
    """The forced ``speaker`` if given, else the speaker with most words (interviewers last)."""
    words: Counter[str] = Counter()
    for turn in turns:
        words[turn.speaker] += len(turn.text.split())
    if speaker is not None:
        wanted = label_key(speaker)
        for name in words:
            if label_key(name) == wanted:
                return name
        found = ", ".join(words)
        raise InputError(f"{source}: speaker {speaker!r} not found; speakers found: {found}")

    def rank(name: str) -> tuple[bool, int]:
        demoted = label_key(name) in INTERVIEWER_LABELS or name == _UNKNOWN_SPEAKER
        return (not demoted, words[name])

    return max(words, key=rank)  # ties: the first speaker to talk (max keeps the first)


def load_transcript(
    path: PathLike,
    *,
    people: Sequence[Person] | None = None,
    speaker: str | None = None,
    encoding: str | None = None,
) -> Transcript:
    """Read one transcript file.

    Args:
        people: employees (``load_people``) to take the interviewee's name, department and
            branch from; matched by the interviewee's label, then by the file name.
        speaker: the interviewee's label (case-insensitive) when the most talkative speaker is
            not; an InputError lists the speakers when no label matches. A file without any
            speaker labels is one monologue, and ``speaker`` does not apply to it.
        encoding: the text encoding when it is neither UTF-8 nor cp1251.
    """
    path = Path(path)
    turns = _read_turns(path, encoding)
    monologue = not any(turn.speaker for turn in turns)
    if monologue:
        name = resolve_employee(path.stem, None, people)[0]
        turns = _unify_speakers(turns, name)
        interviewee = turns[0].speaker  # notes written as one monologue: nobody else to choose
    else:
        turns = _unify_speakers(turns, "")
        interviewee = _pick_interviewee(turns, speaker, str(path))
    named = interviewee if not monologue and names_a_person(interviewee) else None
    employee, department, branch, role = resolve_employee(path.stem, named, people)
    text = " ".join(turn.text for turn in turns if turn.speaker == interviewee)
    return Transcript(
        source=path.name, turns=tuple(turns), interviewee=interviewee, employee=employee,
        department=department, branch=branch, role=role, language=detect_language(text),
    )


def _natural_key(path: Path) -> list[tuple[int, str]]:
    """Sort "2_x" before "10_x", as a file manager does."""
    parts = re.split(r"(\d+)", path.name)
    return [(int(part), "") if part.isdigit() else (0, part.casefold()) for part in parts]


FOLDER_DOCS = frozenset({"README", "CHANGELOG", "LICENSE"})


def _expand(paths: Iterable[PathLike]) -> list[Path]:
    """Files as given, and the supported files directly inside each directory, by name.

    A folder's README/CHANGELOG (.md/.txt) describes the interviews rather than being one, so a
    folder skips it; named explicitly, it is read like any other file."""
    files: list[Path] = []
    for item in paths:
        path = Path(item)
        if not path.is_dir():
            files.append(path)
            continue
        inside = [
            p for p in path.iterdir()
            if p.is_file() and p.suffix.lower() in SUPPORTED and not _is_not_an_interview(p)
        ]
        if not inside:
            raise InputError(f"{path}: no transcript files ({', '.join(SUPPORTED)}) in this folder")
        files.extend(sorted(inside, key=_natural_key))
    return files


def _is_not_an_interview(path: Path) -> bool:
    return path.name.startswith((".", "~$")) or path.stem.upper() in FOLDER_DOCS


def load_transcripts(
    paths: PathLike | Iterable[PathLike],
    *,
    people: Sequence[Person] | None = None,
    speaker: str | None = None,
    encoding: str | None = None,
) -> list[Transcript]:
    """Read transcript files and folders (every supported file inside, sorted by name).

    Options as in ``load_transcript``; ``speaker`` applies to every file.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    return [
        load_transcript(path, people=people, speaker=speaker, encoding=encoding)
        for path in _expand(paths)
    ]
