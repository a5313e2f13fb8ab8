"""The words of an English step name the merge compares: its action, its object's head, and its
content lemmas ("V:send", "V:send", "O:proposal", "send", "proposal").

English names are "verb [particle] [article] object [preposition phrase]" (``english_naming``),
so the action is the verb with its particle ("set up" -> "V:set_up", "ask for" ->
"V:ask_for"), and the object's head is the *last* word of the object ("the calendar invite" ->
"O:invite"), not the first as in Russian. A light verb passes the action to its activity noun
("do a demo", "have the discovery call", "give them a ring" -> "V:demo", "V:discovery",
"V:ring"), as does a verbless name ("qualification call" -> "V:qualification"), so "run
discovery" meets "have the discovery call". Articles, pronouns and prepositions are no
features; a hyphenated word is one lemma ("walk-through" -> "walkthrough").
"""

from __future__ import annotations

from salesmine.process import english_lexicon as ex
from salesmine.process.actions import is_verb
from salesmine.text import lemmatize

PARTICLES = ex.PARTICLES | frozenset({"together", "round"})
# Verb + preposition pairs that are one action ("ask for the bills" is requesting them).
PHRASAL = frozenset(
    "ask_for look_at look_into go_through go_over work_through work_on sit_in deal_with "
    "sign_off".split()
)
LIGHT = frozenset("do have run hold give make take carry conduct get".split())
# Nouns that name a talk rather than what it is about: "the discovery call" is discovery.
GENERIC = frozenset("call meeting session chat conversation catchup appointment".split())
# Nouns that name something done (a light verb's activity), not a thing made or sent.
ACTIVITIES = frozenset(
    "call ring demo demonstration presentation meeting discovery qualification visit survey "
    "walkthrough walkround inspection assessment handover handoff review negotiation "
    "followup checkin session research analysis design kickoff pitch tour trial pilot "
    "briefing workshop deepdive catchup chat conversation look".split()
)
_DROPPED = (
    ex.DETERMINERS
    | ex.OBJECT_PRONOUNS
    | ex.THING_PRONOUNS
    | ex.PREPOSITIONS
    | ex.ADVERBS
    | frozenset("and or be details".split())
)


def name_lemmas(name: str) -> list[str]:
    """The lemmas of a name's words, a hyphenated word as one ("check-ins" -> "checkin")."""
    result = []
    for k, word in enumerate(name.split()):
        parts = [p for p in word.lower().split("-") if p]
        last = parts[-1] if parts else ""
        if last.endswith("ing") and k:  # "meeting", "pricing": a noun after the verb
            result.append("".join(parts))
        elif parts:
            result.append("".join(parts[:-1]) + lemmatize(last, "en"))
    return result


def english_features(name: str) -> list[str]:
    """The features of an English step name: its action twice (the action weighs most), its
    object's head, and its content lemmas."""
    words = name_lemmas(name)
    if not words:
        return []
    told = words[0] in LIGHT or is_verb(name.split()[0], "en")
    action, rest = _action(words) if told else ("", words)
    phrase = [w for w in _object(rest) if w not in _DROPPED]
    if action in ("get", "have") and len(phrase) > 1 and name.split()[-1].endswith("ed"):
        action, phrase = phrase[-1], phrase[:-1]  # "get the contract signed": sign it
    if not action or action in LIGHT:  # "do a demo", "qualification call": the noun acts
        action = _activity(phrase) or action or (phrase[0] if phrase else words[0])
    head = phrase[-1] if phrase else ""
    content = [w for w in words if w not in _DROPPED and w not in PARTICLES]

    return [f"V:{action}", f"V:{action}"] + ([f"O:{head}"] if head else []) + content


def _action(words: list[str]) -> tuple[str, list[str]]:
    """The verb with its particle ("set_up", "ask_for"; "go and walk" -> "walk"), and the words
    after it."""
    if len(words) > 2 and words[1] == "and" and words[0] in ("go", "come"):
        words = words[2:]
    verb, rest = words[0], words[1:]
    if rest and (_particle(rest) or f"{verb}_{rest[0]}" in PHRASAL):
        return f"{verb}_{rest[0]}", rest[1:]
    if verb == "carry" and rest[:1] == ["out"]:
        return "carry", rest[1:]
    return verb, rest


def _particle(rest: list[str]) -> bool:
    """Whether the word after the verb is its particle: "set up a call", "hand over to ops";
    not "log in Pipedrive", where "in" opens a phrase (as ``english_naming`` writes it)."""
    if rest[0] not in PARTICLES:
        return False
    following = rest[1] if len(rest) > 1 else ""
    return rest[0] not in ("in", "on", "over", "through") or following in ex.PREPOSITIONS | {""}


def _object(words: list[str]) -> list[str]:
    """The direct object's words (up to the first preposition), else the first prepositional
    phrase's ("put in Salesforce" -> Salesforce)."""
    taken: list[str] = []
    for k, word in enumerate(words):
        if word in ex.PREPOSITIONS and k > 0 and any(w not in _DROPPED for w in taken):
            break
        taken.append(word)
    return taken


def _activity(phrase: list[str]) -> str:
    """The activity a light verb or a verbless name does: "the discovery call" -> discovery,
    "a demo" -> demo; "" when the phrase names a thing ("the proposal")."""
    if not phrase or phrase[-1] not in ACTIVITIES:
        return ""
    if phrase[-1] in GENERIC and len(phrase) > 1:
        return phrase[-2]
    return phrase[-1]
