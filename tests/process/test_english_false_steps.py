"""What English interviews say that is no step of the sale (issue 5, extraction precision).

Invented snippets, one habit each: a recap list, the introduction and the closing "anything
else?", a step done now and then or only under a side condition, a disclaimer ("that's not a
step"), a playbook step read aloud and then told again in the person's own words, a passive done
by someone else, the questions a seller asks on a call, a "why?" answered by re-telling the
order, and what the person skips. Each test keeps the real step beside the false one.
"""

from __future__ import annotations

from salesmine.process import english_lexicon as ex
from salesmine.process import extract_steps
from salesmine.process.english_clauses import read_turn
from salesmine.process.english_context import asked
from salesmine.process.english_rules import asks, exceptional


def quotes(interview, text: str, speaker: str = "Mia") -> list[str]:  # type: ignore[no-untyped-def]
    return [s.quote for s in extract_steps(interview(text, interviewee=speaker, lang="en"))]


def test_a_recap_list_adds_no_steps_but_a_listed_object_stays(interview) -> None:  # type: ignore[no-untyped-def]
    found = quotes(
        interview,
        """
Interviewer: How does a job start?
Mia: I qualify every enquiry on four things: budget, need, authority, timing.
Interviewer: Thanks, that's useful.
Mia: So in a nutshell: find it, walk it, price it, win it, hand it over.
Interviewer: And the short list for a new starter?
Mia: Log it, call, survey, quote, contract, handover.
""",
    )
    assert found == ["I qualify every enquiry on four things: budget, need, authority, timing"]


def test_phrases_over_a_line_break_are_read_whole() -> None:
    assert "in a nutshell" in ex.RECAP_OPENERS
    assert all("  " not in p for p in ex.RECAP_OPENERS + ex.DISCOURSE)


def test_the_introduction_and_the_closing_hold_no_steps(interview) -> None:  # type: ignore[no-untyped-def]
    found = quotes(
        interview,
        """
Interviewer: Hi Mia, you're the account manager here, is that right?
Mia: Account manager, yes, but I run the partner deals mostly.
Interviewer: Walk me through a deal.
Mia: First I ring the client. Then I book a site survey.
Interviewer: Anything else you'd like to add?
Mia: Write that down. Put it in your report. And I log every visit in HubSpot.
""",
    )
    assert found == [
        "First I ring the client",
        "Then I book a site survey",
        "And I log every visit in HubSpot",
    ]


def test_questions_about_targets_and_tools_hold_no_steps(interview) -> None:  # type: ignore[no-untyped-def]
    assert asked("Do you have targets yourself?").kind == "opinion"
    assert asked("Is the CRM working for you?").kind == "opinion"
    assert asked("Hi, can you hear me okay?").kind == "small"
    assert asked("Great. Anything else?").kind == "closing"
    assert asked("Anything after that?").kind == "next"
    found = quotes(
        interview,
        """
Interviewer: What happens after the survey?
Mia: I write the quote.
Interviewer: Is there a target for that?
Mia: I usually hit it. I leave the juniors alone.
""",
    )
    assert found == ["I write the quote"]


def test_steps_done_now_and_then_are_side_actions(interview) -> None:  # type: ignore[no-untyped-def]
    found = quotes(
        interview,
        """
Interviewer: What comes after the quote?
Mia: I send the contract, usually through DocuSign, sometimes by post.
Sometimes I bring the director along. I pop in at the end of the month sometimes.
Sometimes there's a clarification round, they ask a question, we answer it.
""",
    )
    assert found == ["I send the contract, usually through DocuSign, sometimes by post"]


def test_a_side_condition_makes_a_side_action_and_the_deal_going_on_does_not(interview) -> None:  # type: ignore[no-untyped-def]
    found = quotes(
        interview,
        """
Interviewer: What happens when a lead comes in?
Mia: When a lead comes in, I call them. If they're keen, I book a survey.
If it's a house, I pass it to a partner. If they push on price, I offer a trial.
Unless legal wants changes, then I get pulled back in.
When we lose one, I ask them why.
I present the quote in person if I can get the meeting.
I ring them a week later to ask if they've read it.
""",
    )
    assert found == [
        "I call them",
        "I book a survey",
        "I ring them a week later to ask",
    ]
    assert exceptional("If it's a big site") and exceptional("unless they sign")
    assert not exceptional("If it's a goer") and not exceptional("when the lead comes in")


def test_what_the_person_says_is_no_step(interview) -> None:  # type: ignore[no-untyped-def]
    found = quotes(
        interview,
        """
Interviewer: Anything you do that we haven't covered?
Mia: I send hampers at Christmas, but that's not really a step. I also check the contract is filed.
""",
    )
    assert found == ["I also check the contract is filed"]


def test_own_words_after_a_playbook_step_tell_that_step(interview) -> None:  # type: ignore[no-untyped-def]
    found = quotes(
        interview,
        """
Interviewer: Read me step six of the playbook.
Mia: Step six: "Issue the proposal within two working days." So I email it the same day.
Interviewer: And step seven?
Mia: Step seven: "Follow up by phone." I do follow up, I call them. Then I book the handover.
""",
    )
    assert found == [
        'Step six: "Issue the proposal within two working days',
        'Step seven: "Follow up by phone',
        "Then I book the handover",
    ]


def test_a_passive_done_by_someone_else_is_not_the_persons_step(interview) -> None:  # type: ignore[no-untyped-def]
    found = quotes(
        interview,
        """
Interviewer: And after the visit?
Mia: The design is drawn up by me. The price is approved by the finance director.
Then the projects team lodges the grid application.
""",
        "Mia",
    )
    assert found == ["The design is drawn up by me"]


def test_the_questions_a_seller_asks_are_no_steps(interview) -> None:  # type: ignore[no-untyped-def]
    found = quotes(
        interview,
        """
Interviewer: What do you ask on the call?
Mia: I qualify them: do they own the building, is there a budget, who signs.
""",
    )
    assert found == ["I qualify them"]


def test_a_why_answer_retelling_the_order_and_a_skipped_step_add_nothing(interview) -> None:  # type: ignore[no-untyped-def]
    found = quotes(
        interview,
        """
Interviewer: Then?
Mia: I book the demo.
Interviewer: Why in that order?
Mia: We agree a time on the call and then set it up properly after, because the AEs want notes.
Interviewer: And a trial?
Mia: I skip it. Then I stop.
Interviewer: Anyway, what's next?
Mia: Anyway. Then I send the proposal.
""",
    )
    assert found == ["I book the demo", "Then I send the proposal"]


def test_an_inverted_question_is_read_as_asked() -> None:
    told = {c.text: asks(c) for c in read_turn("Do they have budget? The SDR books a meeting.")}
    assert told == {"Do they have budget": True, "The SDR books a meeting": False}
