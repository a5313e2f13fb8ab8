"""Transcript readers: every format in Russian and English, speaker heuristics, names, bad input."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import docx
import pytest

from salesmine.errors import InputError
from salesmine.ingest.transcript_labels import Line, build_turns, parse_time, split_label
from salesmine.ingest.transcript_names import match_person, name_from_filename
from salesmine.ingest.transcripts import load_transcript, load_transcripts
from salesmine.records import Person, Transcript

DATA = Path(__file__).resolve().parents[1] / "data" / "transcripts"
OLGA = DATA / "01_Иванова_Ольга_менеджер.txt"


def texts(transcript: Transcript, speaker: str | None = None) -> list[str]:
    who = speaker or transcript.interviewee
    return [turn.text for turn in transcript.turns if turn.speaker == who]


def assert_one_line_error(exc: pytest.ExceptionInfo[InputError], path: Path, *words: str) -> None:
    message = str(exc.value)
    assert path.name in message and "\n" not in message, message
    for word in words:
        assert word in message, message


# ---- plain text and markdown -------------------------------------------------------------------


def test_txt_ru_labels_header_and_continuations():
    t = load_transcript(OLGA)
    assert t.speakers == ("Интервьюер", "Ольга")
    assert t.interviewee == "Ольга"
    assert (t.employee, t.role, t.language) == ("Иванова Ольга", "менеджер", "ru")
    assert t.source == OLGA.name
    assert [turn.index for turn in t.turns] == list(range(len(t.turns)))
    # the title, "Дата:" and "Место:" lines are a header block, not a turn
    assert not any("Дата" in turn.text or "переговорная" in turn.text for turn in t.turns)
    assert t.turns[0].text.startswith("Ольга, добрый день")
    answer = texts(t)[1]
    assert answer.splitlines()[1].startswith("Потом звоню клиенту")  # continuation line kept
    assert "Шаг 1: звоню, представляюсь" in answer and "Важно: всегда спрашиваю" in answer


def test_txt_ru_colon_lines_inside_an_answer_are_not_speakers():
    t = load_transcript(OLGA)
    objection = next(text for text in texts(t) if text.startswith("Предлагаю франшизу"))
    assert "Клиент Петров: а у вас вообще есть рассрочка?" in objection
    assert "Итог: договорились о встрече" in objection
    assert len(t.turns) == 10


def test_txt_en_timestamps_and_remarks():
    t = load_transcript(DATA / "smith_john_interview.txt")
    assert t.speakers == ("Interviewer", "John")
    assert (t.interviewee, t.employee, t.language) == ("John", "Smith John", "en")
    assert [turn.start for turn in t.turns[:4]] == [5.0, 9.0, 21.0, 26.0]
    demo = texts(t)[2]
    assert "Step 3: follow up" in demo and "Outcome: usually" in demo


def test_md_ru_bold_role_labels_merged_and_cleaned():
    t = load_transcript(DATA / "02_petrov.md")
    assert t.speakers == ("В", "О")
    assert t.interviewee == "О"
    assert t.employee == "Petrov"  # "О" is a role, so the file name names the employee
    assert len(t.turns) == 6  # two consecutive "**О:**" paragraphs form one turn
    assert not any("**" in turn.text or "Интервью:" in turn.text for turn in t.turns)
    proposal = texts(t)[1]
    assert "1. ДМС для сотрудников;" in proposal and "Важно: КП отправляю" in proposal


def test_md_en_bullet_bold_labels():
    t = load_transcript(DATA / "sarah-lee.md")
    assert t.speakers == ("Interviewer", "Sarah Lee")
    assert (t.employee, t.language) == ("Sarah Lee", "en")
    assert "Tip: always send the recording afterwards." in texts(t)[1]


def test_txt_without_labels_is_one_monologue_turn():
    t = load_transcript(DATA / "05_Смирнов_Алексей.txt")
    assert len(t.turns) == 1
    assert t.interviewee == t.employee == "Смирнов Алексей"
    assert "Итог: примерно каждый десятый звонок" in t.turns[0].text
    assert t.turns[0].text.rstrip().endswith("если молчат.")


def test_txt_en_q_a_labels(tmp_path):
    path = tmp_path / "2026-03-20_Jones_interview.txt"
    path.write_text("Sales interview\n\nQ: What do you do first with an inbound lead?\n"
                    "A: I check the CRM for duplicates, then call within an hour.\n"
                    "Q: And if they are not ready?\nA: I set a follow-up task for next week.\n",
                    encoding="utf-8")
    t = load_transcript(path)
    assert t.speakers == ("Q", "A")
    assert (t.interviewee, t.employee, t.language) == ("A", "Jones", "en")
    assert texts(t, "Q") == [
        "What do you do first with an inbound lead?", "And if they are not ready?"]


def test_speaker_does_not_apply_to_a_monologue():
    t = load_transcript(DATA / "05_Смирнов_Алексей.txt", speaker="О")
    assert t.interviewee == "Смирнов Алексей"


def test_speaker_labels_are_case_insensitive(tmp_path):
    path = tmp_path / "call.txt"
    path.write_text("Анна: Добрый день.\nБОРИС: Здравствуйте, хочу КАСКО.\nАННА: Сейчас посчитаю.\n"
                    "Борис: Хорошо, жду расчёт на почту.", encoding="utf-8")
    t = load_transcript(path)
    assert t.speakers == ("Анна", "БОРИС")
    assert t.interviewee == "БОРИС"


@pytest.mark.parametrize(
    ("line", "label", "text", "start"),
    [
        ("Ольга: Сначала звоню.", "Ольга", "Сначала звоню.", None),
        ("Иванова Ольга: Да.", "Иванова Ольга", "Да.", None),
        ("Иванова О.: Да.", "Иванова О.", "Да.", None),
        ("В: Как продаёте?", "В", "Как продаёте?", None),
        ("Q: How do you sell?", "Q", "How do you sell?", None),
        ("Интервьюер: Начнём.", "Интервьюер", "Начнём.", None),
        ("[00:01:02] Имя: текст", "Имя", "текст", 62.0),
        ("00:01:02 Анна Петрова: текст", "Анна Петрова", "текст", 62.0),
        ("Анна (01:30): текст", "Анна", "текст", 90.0),
        ("**Ольга:** текст", "Ольга", "текст", None),
        ("Интервьюер (Анна): Начнём.", "Интервьюер", "Начнём.", None),
        ("Ольга  (менеджер): Да.", "Ольга", "Да.", None),
        ("**Ольга**: текст", "Ольга", "текст", None),
        ("- Ольга: текст", "Ольга", "текст", None),
        ("SPEAKER_00: hello", "SPEAKER_00", "hello", None),
        ("Спикер 2: алло", "Спикер 2", "алло", None),
        ("Итог: договорились", None, "Итог: договорились", None),
        ("Шаг 1: звоню", None, "Шаг 1: звоню", None),
        ("Важно: сразу в CRM", None, "Важно: сразу в CRM", None),
        ("Примечание: клиент VIP", None, "Примечание: клиент VIP", None),
        ("Note: they never answer", None, "Note: they never answer", None),
        ("клиент: дорого", None, "клиент: дорого", None),
        ("Менеджер по продажам: я", None, "Менеджер по продажам: я", None),
        ("Звоню в 10:30 каждый день", None, "Звоню в 10:30 каждый день", None),
        ("https://crm.example.com/deal/1", None, "https://crm.example.com/deal/1", None),
        ("Сначала я звоню клиенту и уточняю, что ему нужно: КАСКО", None,
         "Сначала я звоню клиенту и уточняю, что ему нужно: КАСКО", None),
    ],
)
def test_split_label(line, label, text, start):
    assert split_label(line)[:2] == (label, text)
    assert split_label(line).start == start


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("01:02", 62.0), ("00:01:02", 62.0), ("1:02:03.5", 3723.5), ("00:00:21,250", 21.25),
     ("soon", None)],
)
def test_parse_time(value, seconds):
    assert parse_time(value) == seconds


def test_a_name_label_seen_once_in_notes_is_not_a_speaker():
    lines = [split_label(x) for x in (
        "Звоню клиенту, уточняю авто.", "Клиент Петров: а рассрочка есть?", "Говорю, что есть.")]
    turns = build_turns(lines)
    assert len(turns) == 1 and turns[0].speaker == ""
    assert "Клиент Петров: а рассрочка есть?" in turns[0].text


def test_two_single_labels_are_a_short_dialogue():
    turns = build_turns([split_label("Анна: Добрый день!"), split_label("Борис: Здравствуйте.")])
    assert [(t.speaker, t.text) for t in turns] == [
        ("Анна", "Добрый день!"), ("Борис", "Здравствуйте.")]


def test_a_single_answer_after_the_interviewer_is_a_speaker():
    lines = [split_label(x) for x in (
        "Интервьюер: Как вы продаёте?", "Ольга: Звоню, потом встречаюсь.",
        "Клиент Петров: а скидка есть?", "Интервьюер: Спасибо.")]
    assert [t.speaker for t in build_turns(lines)] == [
        "Интервьюер", "Ольга", "Клиент Петров", "Интервьюер"]
    with_answers = [split_label(x) for x in (
        "В: Как вы продаёте?", "О: Звоню, потом встречаюсь.",
        "Клиент Петров: а скидка есть?", "В: Спасибо.")]
    assert [t.speaker for t in build_turns(with_answers)] == ["В", "О", "В"]


def test_long_unlabelled_text_before_stray_labels_is_a_monologue():
    notes = [Line(None, text, text) for text in ("Работаю пять лет в продажах страхования. " * 5,
                                                 "Беру базу, обзваниваю, назначаю встречи. " * 5)]
    stray = [split_label("Клиент: дорого."), split_label("Клиент: подумаю.")]
    turns = build_turns(notes + stray)
    assert len(turns) == 1 and turns[0].speaker == "" and "Клиент: подумаю." in turns[0].text


# ---- subtitles ---------------------------------------------------------------------------------


def test_vtt_ru_voice_tags_merged_cues():
    t = load_transcript(DATA / "interview-sidorova.vtt")
    assert t.speakers == ("Интервьюер", "Анна Сидорова")
    assert (t.interviewee, t.employee, t.language) == ("Анна Сидорова", "Анна Сидорова", "ru")
    assert [(turn.speaker, turn.start) for turn in t.turns] == [
        ("Интервьюер", 1.0), ("Анна Сидорова", 5.0), ("Интервьюер", 14.5), ("Анна Сидорова", 16.5)]
    assert "CRM & назначаю" in t.turns[1].text  # entity unescaped
    assert "Итог: у меня есть всё для расчёта. Дальше отправляю" in t.turns[3].text  # <i> gone
    assert not any("NOTE" in turn.text or "Kind" in turn.text for turn in t.turns)


def test_vtt_en_name_prefixes_and_unlabelled_cue():
    t = load_transcript(DATA / "interview-brown.vtt")
    assert t.speakers == ("Interviewer", "Mike Brown")
    assert (t.employee, t.language) == ("Mike Brown", "en")
    assert t.turns[1].text.endswith("Then I send a short intro email and call the next morning.")
    assert [turn.start for turn in t.turns] == [0.0, 3.5, 12.5, 15.5]


def test_srt_ru_crlf_and_continuation_cues():
    t = load_transcript(DATA / "04_Козлов_Дмитрий.srt")
    assert t.speakers == ("Интервьюер", "Дмитрий")
    assert t.employee == "Козлов Дмитрий"
    assert texts(t) == [
        "В основном через партнёров, автосалоны. Салон передаёт мне контакт покупателя, "
        "я звоню в тот же день и предлагаю КАСКО.",
        "Записываю причину отказа в CRM и через месяц звоню снова.",
    ]


def test_srt_en_bracket_speakers_and_sound_tags():
    t = load_transcript(DATA / "garcia.srt")
    assert t.speakers == ("Interviewer", "Maria")
    assert t.employee == "Garcia"
    assert texts(t)[0].endswith("Then I build the agenda around those risks.")
    assert not any("Music" in turn.text or "<i>" in turn.text for turn in t.turns)


def test_srt_without_speakers_is_one_speaker(tmp_path):
    path = tmp_path / "ivanov_call.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\nЯ звоню клиенту.\n\n"
                    "2\n00:00:02,000 --> 00:00:04,000\nПотом еду на встречу.\n", encoding="utf-8")
    t = load_transcript(path)
    assert t.speakers == ("Ivanov",) and t.interviewee == "Ivanov"
    assert t.turns[0].text == "Я звоню клиенту. Потом еду на встречу."


# ---- JSON --------------------------------------------------------------------------------------


def test_json_ru_whisper_segments_with_diarization():
    t = load_transcript(DATA / "interview_06_Новиков.json")
    assert t.speakers == ("SPEAKER_00", "SPEAKER_01")
    assert (t.interviewee, t.employee) == ("SPEAKER_01", "Новиков")
    assert texts(t)[1] == ("Сначала квалифицирую клиента по телефону, потом еду на встречу и "
                           "показываю расчёт. После встречи отправляю договор на согласование.")
    assert t.turns[3].start == 8.4


def test_json_en_list_of_turns():
    t = load_transcript(DATA / "chen_interview.json")
    assert (t.interviewee, t.employee, t.language) == ("Li Chen", "Li Chen", "en")
    assert texts(t)[1].splitlines()[2] == "After the review I send a quote and negotiate terms."


def test_json_turns_object_and_segments_without_speaker(tmp_path):
    turns = tmp_path / "turns.json"
    turns.write_text(json.dumps({"turns": [
        {"speaker": "Интервьюер", "text": "С чего начинаете?"},
        {"speaker": "Олег", "text": "С обзвона базы и квалификации."}]}, ensure_ascii=False),
        encoding="utf-8")
    assert load_transcript(turns).interviewee == "Олег"
    whisper = tmp_path / "orlova.json"
    whisper.write_text(json.dumps({"segments": [
        {"start": 0.0, "end": 2.0, "text": " I call the lead."},
        {"start": 2.0, "end": 4.0, "text": " Then I book a meeting."}]}), encoding="utf-8")
    t = load_transcript(whisper)
    assert t.speakers == ("Orlova",)
    assert t.turns[0].text == "I call the lead. Then I book a meeting."


# ---- Word --------------------------------------------------------------------------------------


def test_docx_ru_paragraphs(tmp_path):
    document = docx.Document()
    document.add_heading("Интервью с менеджером", 1)
    document.add_paragraph("Интервьюер: Как вы продаёте ОСАГО?")
    document.add_paragraph("Марина: Сначала звоню клиенту.\nПотом назначаю встречу.")
    document.add_paragraph("Итог: клиент подписывает договор.")
    document.add_paragraph("Интервьюер: Спасибо.")
    document.add_paragraph("Марина: Пожалуйста.")
    path = tmp_path / "Кузнецова_Марина.docx"
    document.save(path)
    t = load_transcript(path)
    assert t.speakers == ("Интервьюер", "Марина")
    assert (t.interviewee, t.employee, t.language) == ("Марина", "Кузнецова Марина", "ru")
    assert texts(t)[0].splitlines() == [
        "Сначала звоню клиенту.", "Потом назначаю встречу.", "Итог: клиент подписывает договор."]


def test_docx_en_speaker_text_table(tmp_path):
    document = docx.Document()
    document.add_paragraph("Interview transcript, March 2026")
    table = document.add_table(rows=0, cols=2)
    rows = [("Speaker", "Text"), ("Interviewer", "How do you find clients?"),
            ("Tom Walker", "Mostly referrals from existing clients."), ("", "Then I call them."),
            ("Interviewer", "Thanks.")]
    for speaker, text in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = speaker, text
    path = tmp_path / "walker.docx"
    document.save(path)
    t = load_transcript(path)
    assert t.speakers == ("Interviewer", "Tom Walker")
    assert texts(t) == ["Mostly referrals from existing clients.\nThen I call them."]
    assert (t.employee, t.language) == ("Tom Walker", "en")


# ---- encodings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [(OLGA.read_text("utf-8").encode("cp1251"), None),
     (b"\xef\xbb\xbf" + OLGA.read_bytes(), None),
     (OLGA.read_text("utf-8").encode("cp1251"), "cp1251"),
     (OLGA.read_text("utf-8").encode("koi8-r"), "koi8-r")],
    ids=["cp1251", "utf8-bom", "cp1251-forced", "koi8r-forced"],
)
def test_encodings_give_the_same_transcript(tmp_path, encoded, encoding):
    path = tmp_path / OLGA.name
    path.write_bytes(encoded)
    assert load_transcript(path, encoding=encoding).turns == load_transcript(OLGA).turns


def test_vtt_with_bom_and_cp1251(tmp_path):
    source = DATA / "interview-sidorova.vtt"
    expected = load_transcript(source).turns
    for name, data in (("bom.vtt", b"\xef\xbb\xbf" + source.read_bytes()),
                       ("ansi.vtt", source.read_text("utf-8").encode("cp1251"))):
        (tmp_path / name).write_bytes(data)
        assert load_transcript(tmp_path / name).turns == expected


# ---- interviewee and employee ------------------------------------------------------------------


def test_speaker_override_is_case_insensitive():
    t = load_transcript(OLGA, speaker="интервьюер")
    assert t.interviewee == "Интервьюер"
    assert texts(t)[0].startswith("Ольга, добрый день")


def test_wrong_speaker_lists_the_speakers_found():
    with pytest.raises(InputError) as exc:
        load_transcript(OLGA, speaker="Петров")
    assert_one_line_error(exc, OLGA, "'Петров'", "Интервьюер, Ольга")


def test_interviewer_role_is_not_the_interviewee_even_when_talkative(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text("В: Расскажите подробно, как вы работаете с новым клиентом после заявки?\n"
                    "О: Звоню.\nВ: А потом что происходит, какие шаги дальше?\nО: Встреча.\n",
                    encoding="utf-8")
    assert load_transcript(path).interviewee == "О"


PEOPLE = [
    Person("Иванова Ольга Сергеевна", department="Розница", branch="Москва", role="менеджер"),
    Person("Петрова Ольга", department="Корпоративные", branch="Казань"),
    Person("Петров Игорь", department="Корпоративные", branch="Москва", role="старший менеджер"),
    Person("Сидорова Анна", department="Корпоративные", branch="Казань"),
    Person("Michael Brown", department="Fleet", branch="London", aliases=("Mike Brown",)),
]


@pytest.mark.parametrize(
    ("name", "employee", "department", "branch"),
    [
        # label "Ольга" fits two people, so the file name decides
        ("01_Иванова_Ольга_менеджер.txt", "Иванова Ольга Сергеевна", "Розница", "Москва"),
        # role label "О": matched by the Latin surname in the file name
        ("02_petrov.md", "Петров Игорь", "Корпоративные", "Москва"),
        ("interview-sidorova.vtt", "Сидорова Анна", "Корпоративные", "Казань"),
        ("interview-brown.vtt", "Michael Brown", "Fleet", "London"),  # by alias
        ("garcia.srt", "Garcia", "", ""),  # nobody matches: the file name
    ],
)
def test_people_matching(name, employee, department, branch):
    t = load_transcript(DATA / name, people=PEOPLE)
    assert (t.employee, t.department, t.branch) == (employee, department, branch)


def test_people_role_and_inflected_surname_in_file_name(tmp_path):
    path = tmp_path / "Интервью_с_Ивановой.txt"
    path.write_bytes(OLGA.read_bytes())
    t = load_transcript(path, people=PEOPLE)
    assert (t.employee, t.role) == ("Иванова Ольга Сергеевна", "менеджер")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Ольга", None), ("Иванова", "Иванова Ольга Сергеевна"),
     ("ivanova", "Иванова Ольга Сергеевна"),
     ("Петрова", "Петрова Ольга"), ("PETROV", "Петров Игорь"), ("Mike Brown", "Michael Brown"),
     ("Смирнов", None), ("", None)],
)
def test_match_person(text, expected):
    person = match_person(text, PEOPLE)
    assert (person.name if person else None) == expected


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("03_Иванова_Ольга_менеджер", ("Иванова Ольга", "менеджер")),
        ("interview-petrov", ("Petrov", "")),
        ("2026-03-12 транскрипт Козлов Дмитрий", ("Козлов Дмитрий", "")),
        ("Интервью_РОП_Смирнов", ("Смирнов", "роп")),
        ("interview_03", ("", "")),
        ("SMITH_JOHN_sales_manager_v2", ("Smith John", "sales manager")),
    ],
)
def test_name_from_filename(stem, expected):
    assert name_from_filename(stem) == expected


def test_file_without_a_name_uses_the_speaker_label(tmp_path):
    path = tmp_path / "interview_07.txt"
    path.write_text("Интервьюер: Как продаёте?\nЕлена: Звоню и встречаюсь.\n"
                    "Интервьюер: Спасибо.\nЕлена: Пожалуйста.", encoding="utf-8")
    assert load_transcript(path).employee == "Елена"


# ---- folders -----------------------------------------------------------------------------------


def test_folder_reads_supported_files_sorted_by_name(tmp_path):
    for name in ("10_b.txt", "2_a.md", ".hidden.txt", "~$draft.docx"):
        (tmp_path / name).write_text("Ольга: Звоню клиенту.", encoding="utf-8")
    (tmp_path / "people.csv").write_text("name\nОльга\n", encoding="utf-8")
    loaded = load_transcripts([tmp_path, OLGA])
    assert [t.source for t in loaded] == ["2_a.md", "10_b.txt", OLGA.name]
    assert load_transcripts(str(OLGA))[0].source == OLGA.name


def test_folder_skips_its_readme_but_a_named_readme_is_read(tmp_path):
    (tmp_path / "01_olga.txt").write_text("Ольга: Звоню клиенту.", encoding="utf-8")
    readme = "# Интервью отдела продаж\n\nОписание папки."
    (tmp_path / "README.md").write_text(readme, encoding="utf-8")
    assert [t.source for t in load_transcripts(tmp_path)] == ["01_olga.txt"]
    assert [t.source for t in load_transcripts(tmp_path / "README.md")] == ["README.md"]


def test_all_fixtures_load():
    loaded = load_transcripts(DATA)
    assert len(loaded) == len([p for p in DATA.iterdir() if not p.name.startswith(".")])
    assert {t.language for t in loaded} == {"ru", "en"}
    assert all(t.interviewee in t.speakers and t.employee for t in loaded)


# ---- bad input ---------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


def _zip_bytes(tmp_path: Path) -> bytes:
    archive = tmp_path / "x.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a.txt", "hello")
    return archive.read_bytes()


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("empty.txt", b"", ["empty"]),
        ("blank.md", b"  \n\n \t\n", ["empty"]),
        ("bom_only.txt", b"\xef\xbb\xbf\n", ["empty"]),
        ("empty.vtt", b"", ["empty"]),
        ("picture.txt", PNG, ["binary"]),
        ("nul.srt", b"abc\x00\x01\x02def" * 10, ["binary"]),
        ("scan.pdf", b"%PDF-1.4", [".pdf", ".txt, .md, .vtt, .srt, .json, .docx"]),
        ("noext", b"hello", ["(no suffix)"]),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", [".docx"]),
        ("garbage.txt", bytes(range(0x80, 0xC0)) * 20, ["--encoding"]),
        ("broken.json", b'{"segments": [', ["not valid JSON", '"segments"']),
        ("shape.json", b'{"results": []}', ['"results"', '"segments"', '"turns"']),
        ("scalar.json", b"42", ["found the int 42", '"segments"']),
        ("nulltext.json", b'{"segments": [{"text": null}]}', ['segments 1', '"text" is null']),
        ("nolist.json", b'[{"speaker": "A", "words": "hi"}]', ['item 1 has no "text"']),
        ("nosegs.json", b'{"segments": []}', ['no entries in "segments"']),
        ("notext.json", b'{"segments": [{"text": "  "}]}', ["empty"]),
        ("nocues.vtt", b"WEBVTT\n\nJust some text without timings.\n", ["no subtitle cues"]),
        ("nocues.srt", "Интервьюер: как продаёте?\n".encode(), ["no subtitle cues"]),
        ("textonly.docx", "Интервьюер: привет".encode(), ["not a zip"]),
        ("olddoc.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, [".doc"]),
    ],
)
def test_bad_input_is_one_line_naming_the_file(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as exc:
        load_transcripts([path])
    assert_one_line_error(exc, path, *words)


@pytest.mark.parametrize("name", ["renamed.txt", "renamed.docx"])
def test_zip_that_is_not_what_the_suffix_says(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(_zip_bytes(tmp_path))
    with pytest.raises(InputError) as exc:
        load_transcript(path)
    assert_one_line_error(exc, path, "zip")


def test_missing_file_empty_folder_and_wrong_encoding(tmp_path):
    with pytest.raises(InputError) as exc:
        load_transcript(tmp_path / "nope.txt")
    assert_one_line_error(exc, tmp_path / "nope.txt", "not found")
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_transcripts([tmp_path])
    assert_one_line_error(exc, tmp_path, "no transcript files")
    with pytest.raises(InputError) as exc:
        load_transcript(OLGA, encoding="ascii")
    assert_one_line_error(exc, OLGA, "ascii")
    with pytest.raises(InputError) as exc:
        load_transcript(OLGA, encoding="no-such-codec")
    assert_one_line_error(exc, OLGA, "unknown encoding")
