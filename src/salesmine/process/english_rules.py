"""The rules that judge English candidate steps (``english_candidates``): which are the
interviewee's steps and why the others are not (``EnglishCandidate.verdict``). See
``english_steps`` for what they keep.
"""

from __future__ import annotations

import re

from salesmine.process import english_lexicon as ex
from salesmine.process.english_candidates import EnglishCandidate
from salesmine.process.english_clauses import Clause, opens_spoken_item
from salesmine.process.english_context import Voice

OWN = frozenset({"self", "we", "none"})
_HYPOTHETICAL = frozenset("might may could would can should".split())
_SKIPPED_ASKS = frozenset({"recap", "branch", "opinion", "small"})


def own_actors(way: Voice) -> frozenset[str]:
    """Whose actions are the interviewee's process: their own, and the sellers' when a head of
    sales or a playbook speaks."""
    team = {"team", "passive"} if way.team else set()
    return OWN | team | ({"passive"} if way.passive else set())


def judge(found: list[EnglishCandidate], way: Voice) -> list[EnglishCandidate]:
    """The candidates the rules keep; each other one gets its reason in ``verdict``."""
    own = own_actors(way)
    for k, candidate in enumerate(found):
        candidate.verdict = _reason(candidate, own) or _side_reason(found, k)
    for k, candidate in enumerate(found):  # "Then the demo. I do the demo myself, ...": a heading
        if candidate.clause.verb is None and not candidate.verdict and _told_after(found, k):
            candidate.verdict = "heading"
    kept: list[EnglishCandidate] = []
    told: list[EnglishCandidate] = []  # the kept ones and the steps told again about them
    taken_back: set[tuple[int, int]] = set()  # sentences that took a step back
    for candidate in found:
        candidate.verdict = (
            candidate.verdict or _repeats(candidate, told) or _comments(candidate, kept)
        )
        if not candidate.verdict:
            kept.append(candidate)
        if not candidate.verdict or candidate.verdict == "retold":
            told.append(candidate)
        sentence = (candidate.turn, candidate.clause.sentence)
        if sentence in taken_back or not _takes_back(candidate):
            continue
        taken_back.add(sentence)
        if kept and kept[-1] is not candidate and kept[-1].answer == candidate.answer:
            retracted = kept.pop()
            retracted.verdict = "retracted"  # "I send a trial plan. No, forget that."
            told.remove(retracted)
    return kept


_TAKEN_BACK = re.compile(
    r"(?<!\w)(?:forget that|ignore that|ignore me|scratch that|strike that|no,? wait|"
    r"sorry,? no|actually,? no|that's wrong|i'm wrong|not that)(?!\w)"
)


def _comments(candidate: EnglishCandidate, kept: list[EnglishCandidate]) -> str:
    """ "Step fifteen: 'Issue the contract via DocuSign.' So I send the contract.": after a step
    read aloud from a playbook, the person's own words in the same answer tell how they do that
    step, not another one (unless an order marker moves on: "Then I ...")."""
    clause = candidate.clause
    if clause.quoted or clause.marker or clause.item or clause.before_previous:
        return ""
    read = any(c.answer == candidate.answer and c.clause.quoted for c in kept)
    return "comments_reading" if read else ""


def _takes_back(candidate: EnglishCandidate) -> bool:
    """Whether the candidate's sentence takes back what was told before it."""
    said = candidate.sentence_text.lower().replace("’", "'")
    opening = said.find(candidate.clause.text.lower()[:20])
    match = _TAKEN_BACK.search(said)
    return match is not None and (opening < 0 or match.start() <= opening + 20)


def _told_after(found: list[EnglishCandidate], k: int) -> bool:
    """Whether the answer goes on to tell a step after a verbless heading, before another one."""
    for candidate in found[k + 1 :]:
        if candidate.answer != found[k].answer or candidate.clause.verb is None:
            return False
        if not candidate.verdict:
            return True
    return False


def _reason(candidate: EnglishCandidate, own: set[str] | frozenset[str]) -> str:
    """Why the rules drop a candidate ("" keeps it): where it stands, then how it is said."""
    clause, verb = candidate.clause, candidate.clause.verb
    if verb is None:
        marked = clause.marker or clause.item
        return "" if marked and candidate.words else "fragment"
    return (
        _place_reason(candidate)
        or ("question" if asks(clause) else "")
        or _verb_reason(candidate, own)
    )


_INVERTED = ex.BE | ex.DO | ex.HAVE | ex.MODALS
_ASKED_ABOUT = ex.SELF | ex.WE | ex.YOU | ex.THEY | frozenset("he she it there that this".split())


def asks(clause: Clause) -> bool:
    """ "do they own the building", "is there budget": a question the seller asks (what a call
    covers), not something done."""
    said = [w.lower for w in clause.words if w.is_word]
    return len(said) > 2 and said[0] in _INVERTED and said[1] in _ASKED_ABOUT


def _place_reason(candidate: EnglishCandidate) -> str:
    """A condition or reason clause, an answer to the wrong question, a recap or a story."""
    clause, verb = candidate.clause, candidate.clause.verb
    if clause.link:
        return "subordinate"
    kind = candidate.asked.kind
    tense = verb.tense if verb is not None else ""
    returns = clause.marker and tense in ("pres", "base") and kind in ("opinion", "small")
    returns = returns and opens_sentence(candidate)  # not "..., and then we demo": why so
    # "Number eight, I send out the submission": the numbered list goes on whatever was asked
    returns = returns or kind == "branch" and opens_spoken_item(clause.text)
    if kind in _SKIPPED_ASKS and not returns:  # "Anyway. Then I build the plan": back on track
        return f"asked_{kind}"
    if kind == "closing" and clause.subject == "none":
        return "asked_closing"  # "Anything else?" — "Write that down.": advice, not a step
    if candidate.recap or candidate.story:
        return "recap" if candidate.recap else "story"
    if _says(candidate.sentence_text, ex.DISCLAIMERS):  # "..., that's not a step either"
        return "disclaimed"
    return "exception" if exceptional(clause.condition) else ""


def opens_sentence(candidate: EnglishCandidate) -> bool:
    """Whether a clause opens its sentence (after fillers: "Anyway. So, then I ...")."""
    said = candidate.sentence_text.lower().replace("’", "'")
    opening = said.find(candidate.clause.text.lower()[:20])
    before = re.findall(r"[a-z']+", said[: max(opening, 0)])
    return opening >= 0 and all(w in ex.CONJUNCTIONS or w in _FILLERS for w in before)


_FILLERS = frozenset(w for p in ex.FILLERS for w in p.split())


def exceptional(condition: str) -> bool:
    """ "If it's a big deal", "if it's a house", "unless procurement cuts scope", "when I lose
    one": a step done only then is a side action; "if they qualify" / "if it's a yes" / "when
    the lead comes in" goes on with the sale."""
    said = re.findall(r"[a-z']+", condition.lower())
    if not said:
        return False
    opening = next((w for w in said[:2] if w not in ex.CONJUNCTIONS), "")
    if opening == "unless" or set(said) & ex.LOSS_CUES:
        return True
    if opening in ex.TIME_LINKS:  # "when the lead comes in, I ring them": the sale goes on
        return False
    return bool(set(said) & ex.EXCEPTION_CUES) or not set(said) & ex.ON_TRACK_CUES


def _side_reason(found: list[EnglishCandidate], k: int) -> str:
    """A step done now and then ("Sometimes I split it in two", "I pop in at the end of term
    sometimes") or under a condition told after it ("I present it to the CFO if I can get the
    meeting"): a side action."""
    candidate = found[k]
    clause = candidate.clause
    if occasional(candidate):
        return "occasional"
    after = found[k + 1] if k + 1 < len(found) else None
    if after is None or after.turn != candidate.turn or after.clause.sentence != clause.sentence:
        return ""
    opening = after.clause.words[0].lower if after.clause.words else ""
    asking = clause.words[-1].lower in ex.ASKING if clause.words else False  # "ask if ...": whether
    trailing = after.clause.link == "if" and opening in ex.CONDITIONS and not asking
    return "exception" if trailing and exceptional(after.clause.text) else ""


def occasional(candidate: EnglishCandidate) -> bool:
    """Whether a clause is done now and then: "sometimes" opening its sentence ("Sometimes
    there's a clarification round, ..., we answer it"), before its verb ("I sometimes ring")
    or closing it ("I pop in at the end of term sometimes"); not "usually a visit, sometimes a
    call", which says how."""
    clause, verb = candidate.clause, candidate.clause.verb
    lowers = [w.lower for w in clause.words]
    if verb is None or not lowers:
        return False
    before = " ".join(w.lower for w in clause.words if w.start < verb.head.start)
    words = re.findall(r"[a-z']+", candidate.sentence_text.lower().replace("’", "'"))
    while words and (words[0] in _FILLERS or words[0] in ex.CONJUNCTIONS):
        words = words[1:]
    opened = " ".join(words[:4])
    told = any(opened.startswith(p) for p in ex.OCCASIONAL) or _says(before, ex.OCCASIONAL)
    return told or lowers[-1] in ex.OCCASIONAL


def _says(text: str, phrases: tuple[str, ...]) -> bool:
    said = text.lower().replace("’", "'")
    return any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", said) for p in phrases)


def _verb_reason(candidate: EnglishCandidate, own: set[str] | frozenset[str]) -> str:
    """Someone else's action, a negated or hypothetical one, a past one, no action at all."""
    clause, verb = candidate.clause, candidate.clause.verb
    assert verb is not None
    if verb.action == "be" and _names_step(candidate):
        return ""
    if receives(clause):
        return "trigger"
    prescribed = verb.modal in ex.NORMS and candidate.actor in ("team", "passive", "thing")
    if candidate.actor not in own and not prescribed:
        return "not_own"
    # "Then I'd send them a quote", "I'll usually ...": the habit, not a possibility
    habit = clause.marker or bool({w.lower for w in clause.words} & ex.FREQUENT)
    if verb.negated:
        return "negated"
    if verb.action in ex.OWNING or verb.action in ex.DUTY_VERBS and not step_noun(clause):
        return "duty"  # "I own it", "I manage the team now"
    if verb.modal in _HYPOTHETICAL and not (verb.modal == "would" and habit):
        return "hypothetical"
    if verb.modal in ("mean", "suppose"):  # "I'm meant to put it on Salesforce": and don't
        return "hypothetical"
    if verb.tense == "perfect" or verb.tense == "past" and not candidate.story_told:
        return "past"
    if verb.tense == "future" and not habit:  # "I'll glance at the name": now and then
        return "hypothetical"
    acts = verb.light or _phrasal(clause) or verb.action not in ex.NON_ACTIONS
    acts = acts or verb.catenative in ("go", "come")  # "I go and see them": a visit
    reply = re.sub(r"[^a-z' ]", "", clause.text.lower()).strip() in ex.REPLIES
    # "wait, before that, sorry — I fill out the apps": a self-correction's "sorry" is said to
    # the interviewer, not the clause's
    own_words = clause.text[max(0, verb.clause_start - clause.start) :]
    said = own_words if clause.before_previous else clause.text
    return "" if acts and not reply and not discourse(said) else "no_action"


_RECEIVING = frozenset({"get", "receive"})


def receives(clause: Clause) -> bool:
    """ "First thing, we get the enquiry", "an enquiry is received via the website": what
    starts the sale comes in; the seller's first step is what they do with it."""
    verb = clause.verb
    if verb is None or verb.head.lemma not in _RECEIVING or verb.negated:
        return False
    if verb.passive:
        return bool(set(verb.subject_words) & ex.INBOUND)
    after = [w.lower for w in clause.words if w.start > verb.head.start][:3]
    for word in after:
        if word in ex.INBOUND:
            return True
        if word not in ex.DETERMINERS and word not in ("new", "inbound", "incoming", "fresh"):
            return False
    return False


def discourse(text: str) -> bool:
    """ "hold on", "let me think": said to the interviewer."""
    said = text.lower().replace("’", "'")
    return any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", said) for p in ex.DISCOURSE)


_CLEFT = re.compile(
    r"(?:thing|step|what)\s+(?:i|we)\s+(?:do|'ll do|will do)\s+is\b"
    # "the last thing is the handoff", "the next step's the proposal": a step named in its place
    r"|\b(?:next|last|first|final)\s+(?:thing|step)\s*(?:is|'s)\s+(?:the|a|an|my|our)\b"
)


def _names_step(candidate: EnglishCandidate) -> bool:
    """ "Then there's the demo", "the first thing I do is discovery", "the last thing is the
    handoff": "be" names the step."""
    clause = candidate.clause
    said = " ".join(w.lower for w in clause.words).replace(" '", "'")
    there = clause.marker and re.search(r"\bthere(?:'s| is)\b", said) is not None
    return bool(candidate.words) and (there or _CLEFT.search(said) is not None)


def _phrasal(clause: Clause) -> bool:
    """ "look them up", "go through the notes": a phrasal verb that does something."""
    said = " ".join(w.lemma for w in clause.words)
    head = clause.verb.head.lemma if clause.verb is not None else ""
    return any(p.startswith(head + " ") and _has_words(said, p) for p in ex.PHRASAL_ACTIONS)


def _has_words(said: str, phrase: str) -> bool:
    parts = phrase.split()
    words = said.split()
    if parts[0] not in words:
        return False
    k = words.index(parts[0])
    return all(p in words[k + 1 : k + 5] for p in parts[1:])


def _repeats(candidate: EnglishCandidate, kept: list[EnglishCandidate]) -> str:
    """A later clause of an answer that names no other activity only says more about the step
    told before it."""
    before = [c for c in kept if c.answer == candidate.answer]
    clause = candidate.clause
    if clause.marker or clause.before_previous or clause.item:
        return ""
    if kept and _retells(candidate, kept[-1]):
        return "retold"
    if not before:
        return ""
    same = before[-1].turn == candidate.turn and before[-1].clause.sentence == clause.sentence
    # "I do the demo, and I build it around ...", "we convert the lead and fill out the fields",
    # "the order form is signed and the AE attends the kickoff"
    mine = candidate.actor in ("self", "we")
    if same and (clause.elliptic or _refers_back(clause) or not mine):
        # ... but "I send a quote and schedule a meeting" tells two steps
        told, new = step_noun(before[-1].clause), step_noun(clause)
        return "" if told and new and new != told else "elaborates"
    if _only_back(clause):  # "I walk every floor. Measure it.": what is done there
        return "retold"
    said = frozenset().union(*(c.words for c in before))
    return "" if candidate.words - said else "elaborates"


_BACK = frozenset({"it", "them", "'em", "that", "this"})


def _only_back(clause: Clause) -> bool:
    """ "Measure it", "I check it", "Chase 'em": a verb whose only object is the thing told
    before it."""
    verb = clause.verb
    if verb is None:
        return False
    after = [w.lower for w in clause.words if w.start > verb.head.start and w.is_word]
    rest = _BACK | ex.PARTICLES | {"all", "yeah", "yes"}
    return bool(after) and after[0] in _BACK and all(w in rest for w in after)


def _retells(candidate: EnglishCandidate, told: EnglishCandidate) -> bool:
    """ "We raise a deposit invoice." - "Who raises it?" - "The account manager raises it from
    the CRM": the step just told (in this answer or the one before), its verb said again of
    "it" in another sentence, says who or how, not a new step."""
    clause, verb, before = candidate.clause, candidate.clause.verb, told.clause.verb
    if verb is None or before is None or told.answer < candidate.answer - 1:
        return False
    same = told.turn == candidate.turn and told.clause.sentence == clause.sentence
    return not same and verb.head.lemma == before.head.lemma and _refers_back(clause)


def step_noun(clause: Clause) -> str:
    """The step noun a clause's verb takes as its object ("schedule a meeting": "meeting")."""
    verb = clause.verb
    if verb is None:
        return ""
    after = [w for w in clause.words if w.start > verb.head.start][:5]
    for word in after:  # "do a quick handoff call": the first step noun before a preposition
        noun = word.lower[:-1] if word.lower.endswith("s") else word.lower  # "meeting" not "meet"
        if noun in ex.STEP_NOUNS or word.lower in ex.STEP_NOUNS:
            return noun
        if word.lower in ex.PREPOSITIONS - ex.PARTICLES or word.lower in ex.CONJUNCTIONS:
            return ""
    return ""


def _refers_back(clause: Clause) -> bool:
    """ "and I walk them through it": the object is the thing told just before."""
    verb = clause.verb
    if verb is None:
        return False
    after = [w.lower for w in clause.words if w.start > verb.head.start][:4]
    return bool(after) and (after[0] in ("it", "that", "this") or "it" in after[1:3])
