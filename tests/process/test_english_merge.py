"""English paraphrases merged without an encoder: the sales thesaurus (``english_senses``), the
features of a name (``english_features``) and the activity's name (``english_labels``)."""

from __future__ import annotations

import numpy as np
import pytest

from salesmine.process import MergeSettings, Step, merge_steps
from salesmine.process import similarity as similarity_module
from salesmine.process.english_features import english_features
from salesmine.process.english_labels import english_activity_name
from salesmine.process.english_senses import NEAR, SAME, unknown_share, word_similarity
from salesmine.process.merge import ENGLISH_LEXICAL_THRESHOLD, THRESHOLD


def team(accounts: dict[str, list[str]]) -> list[Step]:
    return [
        Step(who, f"{who}.txt", k, name, name, language="en")
        for who, names in accounts.items()
        for k, name in enumerate(names, start=1)
    ]


# Four sellers tell the same four steps in words that share no lemma across most pairs.
PARAPHRASES = {
    "ann": ["ring the prospect", "email the quote", "run the demo", "get the paperwork signed"],
    "bob": ["call the lead", "send the proposal", "give a walkthrough", "sign the contract"],
    "cat": ["phone the client", "submit the offer", "show the product",
            "countersign the agreement"],
    "dan": ["dial the customer", "forward the quotation", "demonstrate the platform",
            "execute the contract"],
}  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("ring", "call", SAME),
        ("quote", "proposal", SAME),
        ("demo", "walkthrough", SAME),
        ("paperwork", "contract", SAME),
        ("price", "proposal", NEAR),  # one team prices and writes in one go, another in two
        ("call", "contract", 0.0),
        ("proposal", "proposal", 1.0),
    ],
)
def test_thesaurus(a: str, b: str, expected: float) -> None:
    assert word_similarity(a, b) == expected == word_similarity(b, a)


@pytest.mark.parametrize(
    ("name", "action", "head"),
    [
        ("send the calendar invite", "V:send", "O:invite"),  # the head is the last noun
        ("set up a meeting with the buyer", "V:set_up", "O:meeting"),
        ("do a demo", "V:demo", "O:demo"),  # a light verb passes the action on
        ("have the discovery call", "V:discovery", "O:call"),
        ("qualification call", "V:qualification", "O:call"),  # a verbless name
        ("get the contract signed", "V:sign", "O:contract"),
        ("log in Pipedrive", "V:log", "O:pipedrive"),  # "in" opens a phrase here
        ("hand over to onboarding", "V:hand_over", "O:onboarding"),
        ("book a walk-through", "V:book", "O:walkthrough"),
    ],
)
def test_features_of_a_name(name: str, action: str, head: str) -> None:
    features = english_features(name)
    assert features[:2] == [action, action] and head in features
    assert "the" not in features and "a" not in features


def test_paraphrases_become_one_activity_each() -> None:
    process = merge_steps(team(PARAPHRASES))
    assert len(process.activities) == 4
    for who in PARAPHRASES:
        assert [s.activity_id for s in process.steps_of(who)] == ["A01", "A02", "A03", "A04"]


def test_without_the_thesaurus_the_paraphrases_stay_apart(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(similarity_module, "sense_similarity", lambda f: np.eye(len(f)))
    process = merge_steps(team(PARAPHRASES))
    merged = sum(s.activity_id != "personal" for s in process.steps)
    assert merged < len(process.steps)  # what the thesaurus adds, not the order alone


def test_different_actions_on_one_object_stay_apart() -> None:
    # writing the proposal and presenting it are two steps for every seller here
    accounts = {
        who: ["write the proposal", "present the proposal", "sign the contract"]
        for who in ("ann", "bob", "cat")
    }
    process = merge_steps(team(accounts))
    assert [a.name for a in process.activities] == [
        "write the proposal",
        "present the proposal",
        "sign the contract",
    ]


def test_activity_name_is_the_agreed_verb_and_object() -> None:
    names = ["send off", "email the proposal", "send the proposal", "send the quote", "send"]
    members = [Step(f"p{k}", "x.txt", 1, n, n, language="en") for k, n in enumerate(names)]
    assert english_activity_name(members) == "send the proposal"


def test_learned_synonyms_weigh_what_the_thesaurus_does_not_know() -> None:
    known = english_features("ring the lead")
    unknown = english_features("ship the widgets")
    assert unknown_share([known, known, unknown, unknown]) == 0.5
    assert unknown_share([]) == 1.0


def test_english_steps_join_at_their_own_bar() -> None:
    english = team({"ann": ["call the lead"]})
    russian = [Step("ann", "a.txt", 1, "позвонить клиенту", "звоню клиенту")]
    assert MergeSettings().join_for(english) == ENGLISH_LEXICAL_THRESHOLD
    assert MergeSettings().join_for(russian) == THRESHOLD
    assert MergeSettings(threshold=0.4).join_for(english) == 0.4
