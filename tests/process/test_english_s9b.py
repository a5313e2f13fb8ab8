"""English extraction precision: false steps found on en8/en9 (issue 5, session 9, second pass).
Every sentence here is invented for the test.

- a word a number closes ("step one", "quarter to eight") counts or tells the time: no verb;
- what comes in and starts the sale ("we get the enquiry", "an enquiry is received") is its
  trigger, not a step; the seller's first step is what they do with it;
- the step just told, said again of "it" with the same verb in answer to a clarifying question,
  or a later sentence whose verb only takes "it" / "them" ("Measure it"), says more about that
  step; a clause after it in the same sentence is judged against it;
- "Step four, once the money is received, ...": the list number does not hide the "once";
- what the person answers for ("I own it", "I manage the team now") and "I'm kidding" are no
  steps.
"""

from __future__ import annotations

from salesmine.process import extract_steps
from salesmine.process.english_clauses import read_turn


def quotes(interview, text: str, speaker: str = "Mia") -> list[str]:  # type: ignore[no-untyped-def]
    return [s.quote for s in extract_steps(interview(text, interviewee=speaker, lang="en"))]


def heads(text: str) -> list[str]:
    return [c.verb.head.lower for c in read_turn(text) if c.verb is not None]


def test_a_number_after_a_word_makes_it_no_verb() -> None:
    assert heads("So step two, I price the job.") == ["price"]
    assert heads("Half nine, quarter to ten.") == []
    # a verb after its subject keeps a number for its object
    assert heads("Before I quote I call two.") == ["quote", "call"]


def test_a_number_fragment_is_no_step(interview) -> None:  # type: ignore[no-untyped-def]
    found = quotes(
        interview,
        """
Interviewer: What time do you get to the site?
Mia: Half nine, quarter to ten. Then I measure the windows.
""",
    )
    assert found == ["Then I measure the windows"]


def test_receiving_the_enquiry_is_the_trigger(interview) -> None:  # type: ignore[no-untyped-def]
    found = quotes(
        interview,
        """
Interviewer: Where does it start?
Mia: First thing, we get the enquiry. We put it in the CRM the same day. Then we ring the client.
Interviewer: And at the branch office?
Mia: An enquiry is received by email, and it's logged by me in the tracker.
""",
    )
    assert "First thing, we get the enquiry" not in found
    assert "An enquiry is received by email" not in found
    assert "We put it in the CRM the same day" in found
    assert "Then we ring the client" in found


def test_a_step_told_again_to_a_clarifying_question(interview) -> None:  # type: ignore[no-untyped-def]
    found = quotes(
        interview,
        """
Interviewer: Then?
Mia: When the client agrees, we send a deposit invoice.
Interviewer: Is that you sending it, or finance?
Mia: We send it from the system, finance just watch the money's arrived.
Interviewer: OK.
Mia: Then we book the fitting with the client.
""",
    )
    assert found == ["we send a deposit invoice", "Then we book the fitting with the client"]


def test_a_verb_that_only_takes_it_says_more_about_the_step(interview) -> None:  # type: ignore[no-untyped-def]
    found = quotes(
        interview,
        """
Interviewer: What happens on the visit?
Mia: I walk every room with the manager. Measure it. Then I price the job.
""",
    )
    assert found == ["I walk every room with the manager", "Then I price the job"]


def test_a_spoken_list_number_does_not_hide_once(interview) -> None:  # type: ignore[no-untyped-def]
    found = quotes(
        interview,
        """
Interviewer: Can you read me the steps?
Mia: Step four, we send a deposit invoice. Step five, once we receive it, we order the glass.
""",
    )
    assert found[0] == "Step four, we send a deposit invoice"
    assert not any("receive" in q for q in found)


def test_what_the_person_answers_for_is_no_step(interview) -> None:  # type: ignore[no-untyped-def]
    found = quotes(
        interview,
        """
Interviewer: How does a new job get sold here?
Mia: I'll tell you how the reps do it. I manage the team now. I'm kidding, I sell too.
Interviewer: And the process document?
Mia: I own it. The reps still own the survey. First I call the client. Then I send the quote.
""",
    )
    assert "The reps still own the survey" not in found
    assert "I manage the team now" not in found
    assert "I own it" not in found
    assert not any("kidding" in q for q in found)
    assert "First I call the client" in found
    assert "Then I send the quote" in found
