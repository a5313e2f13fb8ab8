"""English reading: causes of false steps and split activities found on en8/en9 (issue 5,
session 9). Every sentence here is invented for the test.

- an adverb the verb list also knows ("still", "even") before the real verb is no predicate;
- "sort" (also the "sort of" filler) is the verb of "we sort out the date", not a filler before
  a second predicate "out";
- a particle ("off", "up", "out") opening a clause is no imperative ("first off the lead gets
  logged");
- "brief" ending a noun phrase is the thing ("take the design brief"), not a hedge ("a brief
  chat").
"""

from __future__ import annotations

from salesmine.process.english_clauses import read_turn
from salesmine.process.english_naming import english_name


def heads(text: str) -> list[str]:
    return [c.verb.head.lower for c in read_turn(text) if c.verb is not None]


def names(text: str) -> list[str]:
    return [english_name(c) for c in read_turn(text)]


def test_an_adverb_before_the_verb_is_no_predicate() -> None:
    assert heads("Most of the reps still ring their accounts after launch.") == ["ring"]
    assert names("Most of the reps still ring their accounts after launch.") == [
        "ring the accounts"
    ]


def test_sort_out_is_one_predicate() -> None:
    said = "And then we sort out the delivery slot with the warehouse."
    clauses = read_turn(said)
    assert len(clauses) == 1
    assert names(said) == ["sort out the delivery slot with the warehouse"]


def test_a_particle_opening_a_clause_is_no_imperative() -> None:
    assert "off" not in heads("So first off the order gets booked.")


def test_brief_ending_a_noun_phrase_is_named() -> None:
    assert names("After the visit they take the design brief.") == ["take the design brief"]
    assert names("We write the brief properly then.") == ["write the brief"]
    assert names("The brief is taken from the buyer.") == ["take the brief from the buyer"]
    # a hedge before its noun still goes
    assert names("I have a quick chat with them.") == ["have a chat"]
    assert names("We send the whole pack.") == ["send the pack"]
