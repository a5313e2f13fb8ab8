"""Per-format transcript parsers: text/markdown, WebVTT/SRT subtitles, JSON segments, Word .docx.

Each parser turns decoded text (or the .docx bytes) into ``Turn`` records whose speaker is ""
when the file does not say who spoke. Parsers raise ``InputError`` without the file name;
``transcripts.load_transcript`` prefixes it.
"""

from __future__ import annotations

import html
import io
import json
import re
import zipfile
from typing import Any

from salesmine.errors import InputError
from salesmine.ingest.files import OLE2_MAGIC, ZIP_MAGIC
from salesmine.ingest.transcript_labels import Line, build_turns, looks_like_speaker, parse_time
from salesmine.ingest.transcript_labels import split_label as _split_label
from salesmine.records import Turn

_RULE = re.compile(r"^[-*_=~]{3,}$")  # markdown / plain-text separators
_BOLD = re.compile(r"\*\*|__")


def parse_text(text: str, *, markdown: bool = False) -> list[Turn]:
    """Speaker turns of a plain-text or markdown transcript."""
    lines = []
    for raw in text.splitlines():
        stripped = raw.strip()
        if not stripped or _RULE.match(stripped) or (markdown and stripped.startswith("#")):
            continue
        if markdown:
            stripped = stripped.lstrip(">").strip()
        line = _split_label(stripped)
        if markdown:
            line = line._replace(text=_BOLD.sub("", line.text), raw=_BOLD.sub("", line.raw))
        lines.append(line)
    return build_turns(lines)


# ---- WebVTT and SRT -------------------------------------------------------------------------

_STAMP = r"(?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_TIMING = re.compile(rf"^\s*(?P<start>{_STAMP})\s*-->\s*{_STAMP}")
_VOICE = re.compile(r"^<v(?:\.[\w.-]+)?\s+([^>]+)>")
_BRACKET = re.compile(r"^[\[(]([^\])]{1,40})[\])]:?\s*(.*)$")
_MARKUP = re.compile(r"<[^>]*>|\{\\[^}]*\}")  # VTT/HTML tags and SSA overrides like {\an8}
_SOUNDS = frozenset({
    "музыка", "music", "аплодисменты", "applause", "смех", "laughter", "laughs", "неразборчиво",
    "inaudible", "пауза", "pause", "шум", "noise", "crosstalk", "тишина", "silence",
})
_NON_CUE_BLOCKS = ("NOTE", "STYLE", "REGION")


def _clean_cue_text(text: str) -> str:
    return html.unescape(_MARKUP.sub("", text)).strip()


def _cue_line(row: str, start: float | None) -> Line | None:
    """One line of cue text, with its speaker when the line names one."""
    voice = _VOICE.match(row.strip())
    if voice:
        text = _clean_cue_text(row.strip()[voice.end():])
        return Line(voice[1].strip(), text, text, start, explicit=True)
    text = re.sub(r"^[-–—]\s*", "", _clean_cue_text(row))  # a dialogue dash marks a new speaker
    bracket = _BRACKET.match(text)
    if bracket and bracket[1].strip().casefold() in _SOUNDS:
        text = bracket[2].strip()
    elif bracket and looks_like_speaker(bracket[1].strip()):
        return Line(bracket[1].strip(), bracket[2].strip(), bracket[2].strip(), start, True)
    return _split_label(text, start) if text else None


def parse_cues(text: str) -> list[Turn]:
    """Speaker turns of a WebVTT or SRT file; consecutive cues of one speaker form one turn."""
    lines: list[Line] = []
    n_cues = 0
    for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        rows = block.strip("\n").split("\n")
        timing_at = next((i for i, row in enumerate(rows) if _TIMING.match(row)), None)
        if timing_at is None or rows[0].startswith(_NON_CUE_BLOCKS):
            continue
        n_cues += 1
        timing = _TIMING.match(rows[timing_at])
        start = parse_time(timing["start"]) if timing else None
        for row in rows[timing_at + 1:]:
            line = _cue_line(row, start)
            if line is not None and (line.text or line.label):
                lines.append(line)
    if n_cues == 0:
        raise InputError(
            "no subtitle cues found (expected timing lines like '00:00:01.000 --> 00:00:04.000')"
        )
    turns = build_turns(lines, sep=" ", header=False)
    if not turns:
        raise InputError(f"none of the {n_cues} subtitle cue(s) holds any text")
    return turns


# ---- JSON segments ----------------------------------------------------------------------------

_JSON_SHAPES = (
    'Whisper-style {"segments": [{"start", "end", "text", "speaker"?}]}, '
    '{"turns": [{"speaker", "text", "start"?}]} or a list of {"speaker", "text", "start"?}'
)


def _describe(data: Any) -> str:
    if isinstance(data, dict):
        keys = ", ".join(f'"{key}"' for key in list(data)[:6]) or "none"
        return f"an object with keys {keys}"
    if isinstance(data, list):
        return f"a list of {type(data[0]).__name__}" if data else "an empty list"
    return f"the {type(data).__name__} {json.dumps(data)[:20]}"


def _json_items(data: Any) -> tuple[list[Any], str]:
    """The list of segments/turns and how to name it in messages."""
    if isinstance(data, list):
        return data, "item"
    if isinstance(data, dict):
        for key in ("segments", "turns"):
            if isinstance(data.get(key), list):
                return data[key], key
    raise InputError(f"expected {_JSON_SHAPES}; found {_describe(data)}")


def _json_start(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        return parse_time(value)
    return None


def _json_line(item: Any, where: str) -> Line:
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        has_text = isinstance(item, dict) and "text" in item
        found = f'"text" is {json.dumps(item["text"])[:20]}' if has_text else _describe(item)
        raise InputError(f'{where} has no "text" string ({found}); expected {_JSON_SHAPES}')
    text = " ".join(item["text"].split())
    speaker = item.get("speaker")
    label = str(speaker).strip() if speaker not in (None, "") else None
    return Line(label or None, text, text, _json_start(item.get("start")), explicit=True)


def parse_json(text: str) -> list[Turn]:
    """Speaker turns of Whisper-style segments, a list of turns, or {"turns": [...]}."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not valid JSON ({exc.msg}, line {exc.lineno}); expected {_JSON_SHAPES}"
        ) from None
    items, name = _json_items(data)
    if not items:
        raise InputError(f'no entries in "{name}"; expected {_JSON_SHAPES}')
    lines = [_json_line(item, f"{name} {i + 1}") for i, item in enumerate(items)]
    # Whisper cuts speech into sentence fragments; a list of turns holds whole replies.
    turns = build_turns(lines, sep=" " if name == "segments" else "\n", header=False)
    if not turns:
        raise InputError(f'all {len(items)} entries in "{name}" have empty "text"')
    return turns


# ---- Word .docx -------------------------------------------------------------------------------

_TABLE_HEADERS = frozenset({"спикер", "speaker", "кто", "имя", "name", "говорящий", "участник"})


def _row_cells(row: Any) -> list[str]:
    """Cell texts of a table row; horizontally merged cells come back repeated and are dropped."""
    cells: list[str] = []
    for cell in row.cells:
        text = cell.text.strip()
        if not cells or text != cells[-1]:
            cells.append(text)
    return cells


def _table_turn(cells: list[str]) -> Line | None:
    """A (speaker, text) or (time, speaker, text) row as a Line; None for other shapes."""
    start = None
    if len(cells) == 3 and parse_time(cells[0]) is not None:
        start, cells = parse_time(cells[0]), cells[1:]
    if len(cells) != 2 or not cells[1]:
        return None
    label = cells[0] or None
    if label is not None and not looks_like_speaker(label):
        return None
    return Line(label, cells[1], cells[1], start, explicit=True)


def _table_lines(table: Any) -> list[Line]:
    """Rows of a speaker|text table, or its cells as plain lines when the table is another kind."""
    rows = [_row_cells(row) for row in table.rows]
    # The speaker column is the one before the text column, also with a leading time column.
    if rows and len(rows[0]) >= 2 and rows[0][-2].casefold() in _TABLE_HEADERS:
        rows = rows[1:]
    turns = [_table_turn(cells) for cells in rows]
    if len(rows) >= 2 and sum(t is not None for t in turns) >= 0.8 * len(rows):
        return [t for t in turns if t is not None]
    return [_split_label(part) for cells in rows for cell in cells
            for part in cell.splitlines() if part.strip()]


def parse_docx(data: bytes) -> list[Turn]:
    """Speaker turns of a Word document: labelled paragraphs and speaker|text tables, in order."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    if data.startswith(OLE2_MAGIC):
        raise InputError("an old Word .doc (or a password-protected file); save it as .docx")
    if not data.startswith(ZIP_MAGIC):
        raise InputError("not a Word .docx file (not a zip archive); save it as .docx in Word")
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"a zip archive but not a Word document ({exc}); save as .docx") from None
    lines: list[Line] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_lines(block))
        else:
            lines.extend(_split_label(part) for part in block.text.splitlines() if part.strip())
    return build_turns(lines)
