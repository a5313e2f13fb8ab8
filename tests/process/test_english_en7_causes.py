"""English extraction: how real people tell steps that the rules used to miss (issue 5, the
causes found on en7). Every interview here is invented for the test.

- a head of sales tells the sellers' steps as "they" after naming them once ("the producers",
  an insurance agency's salespeople), and each answer is about them again after a remark about
  the client;
- "the last thing is the handover" names a step;
- a list told aloud ("Number three, I draft the layout") goes on after a side question;
- "I go see the warehouse": "go" + a bare verb;
- "I get the apps signed", "I tell the factory to start the run": the seller has it done;
- "wait, before that, sorry — I check the credit limit": a self-correction is a step told
  before the previous one;
- "the lead is set up in the CRM": a passive whose participle is spelt as its verb;
- a speaker label "Sean O'Neill" is the file name's "oneill".
"""

from __future__ import annotations

from salesmine.ingest.transcript_names import resolve_employee
from salesmine.process import extract_steps
from salesmine.process.english_clauses import opens_spoken_item, read_turn
from salesmine.process.english_context import voice


def quotes(interview, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    speaker = text.strip().splitlines()[1].partition(":")[0].strip()
    transcript = interview(text, interviewee=speaker, lang="en")
    return [s.quote for s in extract_steps(transcript)]


HEAD_OF_SALES = """
Interviewer: How does a new account get sold here?
Dana: I run the team, so I'll tell you what the producers do.
The producers pick their target industries, and they build a call list from it.
Interviewer: Okay. Then?
Dana: Then they ring the owners. They book a site visit with the owner.
Interviewer: And the owners, are they quick to reply?
Dana: Owners are slow to reply, honestly. Some never ring back.
Interviewer: Right. After the visit?
Dana: Then they write up the quote. They send the quote to the owner.
"""


def test_a_head_of_sales_tells_the_producers_steps_as_they(interview) -> None:  # type: ignore[no-untyped-def]
    told = quotes(interview, HEAD_OF_SALES)
    assert "Then they ring the owners" in told
    assert "They book a site visit with the owner" in told
    # the answer before was about the owners; this one is about the producers again
    assert "Then they write up the quote" in told
    assert "They send the quote to the owner" in told
    assert not any("Owners" in q or "ring back" in q for q in told)


def test_their_they_makes_a_team_voice() -> None:
    answers = [
        "The producers pick their industries, and they build a call list.",
        "Then they ring the owners. They book a visit.",
    ]
    clauses = [c for answer in answers for c in read_turn(answer)]
    assert voice(clauses).team
    # the same "they" after the client is named are the client's: no team voice
    client = ["The clients pick a date, and they sign.", "Then they pay. They ring us."]
    assert not voice([c for answer in client for c in read_turn(answer)]).team


def test_a_client_they_stays_the_clients_for_a_seller(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
Interviewer: What happens after the demo?
Priya: I send the proposal. The client reviews it.
Interviewer: Then?
Priya: Then they sign it.
"""
    assert quotes(interview, text) == ["I send the proposal"]


def test_the_last_thing_is_names_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
Interviewer: What comes after the contract?
Mo: I countersign the contract. And then the last thing is the handover to the service desk.
"""
    assert quotes(interview, text) == [
        "I countersign the contract",
        "And then the last thing is the handover to the service desk",
    ]


def test_a_list_told_aloud_goes_on_after_a_side_question(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
Interviewer: Walk me through it.
Ana: Sure. Number one, I ring the store manager. Number two, I measure the shelving.
Interviewer: And if they don't want a survey?
Ana: Then I just email a brochure.
Number three, I draft the layout. Number four, I send the quote.
"""
    told = quotes(interview, text)
    assert told[-2:] == ["Number three, I draft the layout", "Number four, I send the quote"]
    assert not any("brochure" in q for q in told)  # the side answer itself is no step


def test_a_spoken_item_needs_its_step() -> None:
    assert opens_spoken_item("Number two, the site survey")
    assert opens_spoken_item("Then step five: I chase the supplier")
    assert not opens_spoken_item("And step ten")  # the step is read out after it
    assert not opens_spoken_item("The number two supplier rang")


def test_go_and_a_bare_verb_is_a_visit(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
Interviewer: What happens after the call?
Ravi: Then I go see the warehouse. After that I go check the loading bay.
"""
    assert quotes(interview, text) == [
        "Then I go see the warehouse",
        "After that I go check the loading bay",
    ]


def test_what_the_seller_has_done_is_a_step(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
Interviewer: And after the quote?
Lena: I get the apps signed. Then I tell the factory to start the run.
"""
    assert quotes(interview, text) == [
        "I get the apps signed",
        "Then I tell the factory to start the run",
    ]


def test_get_with_a_done_thing_before_its_noun_is_no_causative(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
Interviewer: And then?
Lena: Honestly I get the printed copies. Then I ring the buyer.
"""
    assert quotes(interview, text) == ["Then I ring the buyer"]


def test_a_self_correction_goes_before_the_step_told_before_it(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
Interviewer: What next?
Tom: Then I send the proposal. Oh wait, before that, sorry — I check the credit limit.
"""
    told = quotes(interview, text)
    assert len(told) == 2 and told[1] == "Then I send the proposal"
    assert told[0].endswith("I check the credit limit")


def test_sorry_to_the_interviewer_is_still_no_step(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
Interviewer: What next?
Tom: Then I send the proposal. Sorry, I talk a lot.
"""
    assert quotes(interview, text) == ["Then I send the proposal"]


def test_a_passive_spelt_as_its_verb(interview) -> None:  # type: ignore[no-untyped-def]
    text = """
Interviewer: How is a new customer handled?
Kim: Each enquiry is logged the same day. The lead is set up in the CRM.
Then a call is booked. A site visit is arranged. The quote is put together by me.
"""
    told = quotes(interview, text)
    assert "The lead is set up in the CRM" in told
    assert "The quote is put together by me" in told


def test_an_apostrophe_name_label_is_the_file_names_person() -> None:
    assert resolve_employee("08_oneill", "Sean O'Neill", None)[0] == "Sean O'Neill"
    assert resolve_employee("08_oneill", "Sean O’Neill", None)[0] == "Sean O’Neill"
