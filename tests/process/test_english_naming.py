"""English step names (``english_naming``, ``english_phrases``): verb + object, as a sticky note."""

from __future__ import annotations

import pytest

from salesmine.process.actions import analyze
from salesmine.process.english_clauses import read_turn
from salesmine.process.english_naming import english_name, verb_lemma
from salesmine.process.english_phrases import indefinite, noun_phrase


def name_of(sentence: str) -> str:
    """The name of a sentence's first clause."""
    return english_name(read_turn(sentence)[0])


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the article as a person writes it: "the" for "our" / "this", "a" / "an" recomputed
        ("Then I send our proposal.", "send the proposal"),
        ("I book a demo.", "book a demo"),
        ("We book an intro call with the client.", "book an intro call with the client"),
        ("I check the credit limit.", "check the credit limit"),
        # phrasal verbs keep their particle next to the verb
        ("They check the company out: headcount, funding.", "check out the company"),
        ("Then we send the contract over in DocuSign.", "send over the contract in DocuSign"),
        ("I follow up with them a week later.", "follow up"),
        ("I set up a call with the decision maker.", "set up a call with the decision maker"),
        ("Then I put the proposal together.", "put together the proposal"),
        ("I look them up on LinkedIn.", "look up on LinkedIn"),
        ("And then we go back and forth.", "go back and forth"),
        # pronouns, fillers, "thing" / "stuff" and hedges are no part of a name
        ("I send them that.", "send"),
        ("We do the demo thing.", "do the demo"),
        ("I have a quick look at their website.", "have a look at the website"),
        ("I fill in the commercial bits.", "fill in the commercial details"),
        ("I take the whole pack to Mark for sign-off.", "take the pack to Mark for sign-off"),
        # the object's head with its compound modifier; what is counted, not the count
        ("I send over the pricing sheet.", "send over the pricing sheet"),
        ("Then they ask for twelve months of bills.", "ask for bills"),
        ("I book a discovery call with one of the AEs.", "book a discovery call with the AEs"),
        # times, amounts, manners and purposes say when / how much / how / why, not what
        ("I chase the client every two days.", "chase the client"),
        ("I run a check-in every week of the trial.", "run a check-in"),
        ("I issue the deposit invoice for thirty percent.", "issue the deposit invoice"),
        ("I present the proposal in person.", "present the proposal"),
        ("I phone the client to see if they are ready.", "phone the client"),
        ("The BDM prepares the proposal using the current template.", "prepare the proposal"),
        # two objects: the thing, not who gets it
        ("I email the client an indicative size.", "email an indicative size"),
        # "get X done" keeps what is done to it
        ("The reps get the security questionnaire filled in.",
         "get the security questionnaire filled in"),
        # the base form of the verb, also where the lookup reads a noun ("does" -> "doe")
        ("The rep does a handover meeting.", "do a handover meeting"),
        # a passive names its subject as the object, without the time after it
        ("A handover meeting with the implementation manager is held within two days.",
         "hold a handover meeting with the implementation manager"),
        ("The order form and MSA are issued for signature.",
         "issue the order form and MSA for signature"),
        # products and systems keep their capitals
        ("I log the call in HubSpot straight away.", "log the call in HubSpot"),
    ],
)  # fmt: skip
def test_sticky_note_names(sentence: str, expected: str) -> None:
    assert name_of(sentence) == expected


def test_a_verbless_step_is_its_activity_phrase() -> None:
    assert name_of("Then the qualification call.") == "qualification call"


@pytest.mark.parametrize(
    ("word", "expected"),
    [("does", "do"), ("took", "take"), ("analyses", "analyse"), ("emailed", "email")],
)
def test_verb_lemma(word: str, expected: str) -> None:
    assert verb_lemma(analyze(word, "en")[0]) == expected


@pytest.mark.parametrize(
    ("following", "article"),
    [("SE", "an"), ("MSA", "an"), ("CRM", "a"), ("hour", "an"), ("user", "a"), ("intro", "an")],
)
def test_indefinite_article_follows_the_sound(following: str, article: str) -> None:
    assert indefinite(following) == article


def test_noun_phrase_tells_pronouns_times_and_cut_phrases_apart() -> None:
    words = analyze("them", "en")
    assert noun_phrase(words) == []  # nothing to name
    assert noun_phrase(analyze("the same week", "en")) is None  # a time
    assert noun_phrase(analyze("the big new shiny client portal page", "en")) is None  # cut
    assert noun_phrase(analyze("the big new shiny client portal page", "en"), trim=True) == [
        "client",
        "portal",
        "page",
    ]
