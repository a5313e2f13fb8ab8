"""English step extraction (``english_steps``): whose steps, which clauses, what names.

The interviews are small hand-written fixtures under tests/data/process/english/, each about one
habit of real English interviews: interviewer turns and small talk, third parties, hypotheticals
and negations, numbered lists, "first / then / after that" narration, a head of sales, a playbook
read in the passive, one deal told in the past, a "you" narrator.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from salesmine.process import extract_steps
from salesmine.process.english_clauses import read_turn
from salesmine.process.english_context import asked

DATA = Path(__file__).resolve().parent.parent / "data" / "process" / "english"


def steps_of(interview, name: str):  # type: ignore[no-untyped-def]
    text = (DATA / name).read_text(encoding="utf-8")
    speaker = text.splitlines()[1].partition(":")[0]
    return extract_steps(interview(text, interviewee=speaker, lang="en"))


def names(interview, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.name for s in steps_of(interview, name)]


def test_interviewer_turns_and_small_talk_hold_no_steps(interview) -> None:  # type: ignore[no-untyped-def]
    steps = steps_of(interview, "interviewer_labels.txt")
    assert [s.name for s in steps] == [
        "ring the practice manager",
        "book a demo for the dentist",
        "send a quote",  # "by email" says how, not what
    ]
    # the "Q:" turns are context only; the answer on how long they have sold holds none
    assert {s.turn for s in steps} == {3, 5}


def test_quotes_are_verbatim_with_offsets(interview) -> None:  # type: ignore[no-untyped-def]
    text = (DATA / "narrated.txt").read_text(encoding="utf-8")
    transcript = interview(text, interviewee="Leo", lang="en")
    steps = extract_steps(transcript)
    assert steps
    for step in steps:
        assert transcript.turns[step.turn].text[step.start : step.end] == step.quote
        assert step.language == "en" and step.employee == "Leo"


def test_third_parties_do_not_give_steps(interview) -> None:  # type: ignore[no-untyped-def]
    # the client signs, finance raises a PO, legal reviews, onboarding takes over: not the seller
    assert names(interview, "third_parties.txt") == ["log the deal in HubSpot"]


def test_hypotheticals_and_negations_are_no_steps(interview) -> None:  # type: ignore[no-untyped-def]
    # "I don't cold call", "I might bring my manager", "I never send", "I could do a site visit"
    steps = steps_of(interview, "hypotheticals.txt")
    assert [s.quote for s in steps] == ["but usually I just send the proposal"]


def test_numbered_list(interview) -> None:  # type: ignore[no-untyped-def]
    assert names(interview, "numbered.txt") == [
        "qualify the inbound lead",
        "schedule a discovery call",
        "send the proposal",
        "chase the signature",
    ]


def test_narration_story_recap_and_opinion(interview) -> None:  # type: ignore[no-untyped-def]
    steps = steps_of(interview, "narrated.txt")
    assert [s.name for s in steps] == [
        "check the lead in the CRM",
        "call",
        "look at the website",  # "before that": before the step told just before it
        "send a summary email",
        "hand over the account to onboarding",  # after the story, "Anyway, then ..."
    ]
    # the recap ("check, call, email, handover") and "What would you change?" hold none
    assert [s.position for s in steps] == [1, 2, 3, 4, 5]


def test_head_of_sales_tells_the_reps_steps(interview) -> None:  # type: ignore[no-untyped-def]
    # the reps' actions are the process; the client's and the director's "might" are not
    assert names(interview, "head_of_sales.txt") == [
        "qualify lead on the call",
        "book an on-site meeting",
        "send the proposal",
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("playbook.txt", ["qualify new lead", "book a demo with the decision maker",
                          "send the proposal", "sign the contract in DocuSign"]),
        ("one_deal.txt", ["call the buyer", "send the quote", "visit the site",
                          "sign the contract", "hand over to the installers"]),
        ("you_narrator.txt", ["call the lead", "book the survey", "send the quote", "chase"]),
    ],
)  # fmt: skip
def test_voices_passive_one_deal_and_you(interview, name: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert names(interview, name) == expected


def test_exceptions_habits_duties_and_retractions(interview) -> None:  # type: ignore[no-untyped-def]
    # "If they're interested" goes on with the sale, "if it's a big account" is an exception;
    # "I'd normally" is the habit; "My job is to ..." is the person's; "No, sorry, forget that"
    # takes the trial plan back
    assert names(interview, "conditions.txt") == [
        "book a site visit",
        "send the quote",
        "chase the signature",
    ]


def test_a_second_clause_about_the_same_step_is_folded(interview) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Q: And the contract?\n"
        "Ann: I send the order form through DocuSign, and I chase it every two days. "
        "We convert the lead and fill out the handover fields."
    )
    steps = extract_steps(interview(text, interviewee="Ann", lang="en"))
    assert [s.name for s in steps] == ["send the order form through DocuSign", "convert the lead"]


def test_lost_deal_answer_holds_no_steps(interview) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Q: What do you do next?\nAnn: I send the proposal.\n"
        "Q: And if they don't go ahead?\nAnn: Then I mark it as lost in the CRM."
    )
    assert [s.name for s in extract_steps(interview(text, interviewee="Ann", lang="en"))] == [
        "send the proposal"
    ]


@pytest.mark.parametrize(
    ("sentence", "subject", "tense", "modal", "negated", "passive", "link"),
    [
        ("I send the quote.", "self", "pres", "", False, False, ""),
        ("We'll usually send the quote.", "we", "future", "", False, False, ""),
        ("I might send the quote.", "self", "pres", "might", False, False, ""),
        ("I don't really send quotes.", "self", "pres", "", True, False, ""),
        ("I sent the quote on Monday.", "self", "past", "", False, False, ""),
        ("I've sent a few quotes.", "self", "perfect", "", False, False, ""),
        ("The quote is sent by the rep.", "passive", "pres", "", False, True, ""),
        ("The reps send the quote.", "team", "pres", "", False, False, ""),
        ("The client signs the order.", "other", "pres", "", False, False, ""),
        ("Legal reviews the contract.", "other", "pres", "", False, False, ""),
        ("Send the quote.", "none", "base", "", False, False, ""),
        ("If they qualify", "they", "pres", "", False, False, "if"),
        ("because the client asks", "other", "pres", "", False, False, "because"),
        ("The proposal shall be approved.", "passive", "pres", "shall", False, True, ""),
    ],
)
def test_clause_grammar(
    sentence: str, subject: str, tense: str, modal: str, negated: bool, passive: bool, link: str
) -> None:
    clause = read_turn(sentence)[0]
    verb = clause.verb
    assert verb is not None
    assert (clause.subject, verb.tense, verb.modal) == (subject, tense, modal)
    assert (verb.negated, verb.passive, clause.link) == (negated, passive, link)


def test_stage_directions_and_fillers_are_no_words() -> None:
    clauses = read_turn("[laughs] So, um, basically, I book a demo.")
    assert [c.text for c in clauses] == ["I book a demo"]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("And then?", "next"),
        ("Walk me through what you do with a lead.", "next"),
        ("And if they don't qualify?", "branch"),
        ("What would you change about the CRM?", "opinion"),
        ("Makes sense. Can you sum it up?", "recap"),
        ("How long have you been here?", "small"),
        ("", "none"),
    ],
)
def test_question_kinds(question: str, kind: str) -> None:
    assert asked(question).kind == kind


def test_a_clause_of_fillers_only_is_no_crash() -> None:
    # "like" is read as a filler here; the piece left has no word to quote
    for text in ("I told you, I like numbers.", "I like plans, I'm that person."):
        assert all(c.text for c in read_turn(text))
