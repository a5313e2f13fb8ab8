"""Which English sales words can name the same activity: a small hand-written thesaurus.

Two sellers say "ring the client" and "call the prospect", "send the quote" and "email the
proposal", "get the paperwork signed" and "sign the contract". The merge's word evidence only
sees shared lemmas, and the words a team learns from its own accounts (``distributional``) need
more interviews than a team gives; these sets say it outright. Written as B2B / B2C selling
knowledge (calls, meetings, demos, proposals, contracts, CRM work, handovers), not from any one
company's interviews, and in two strengths:

- SAME: words a seller uses for one thing ("quote" / "proposal" / "offer");
- NEAR: words for neighbouring things that are often, not always, one step ("price" /
  "proposal": one team prices and writes the proposal in one go, another in two steps).

Entries are lemmas as ``english_features`` writes them: a phrasal verb joined by "_"
("follow_up", "hand_over"), a hyphenated word without its hyphen ("walkthrough", "checkin").
Verbs and nouns of one action share a set ("negotiate" / "negotiation"): a verbless step
("Then the negotiation.") and a told one ("we negotiate the terms") are the same activity.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from salesmine.process.thesaurus import NEAR as NEAR  # re-exported: the weights
from salesmine.process.thesaurus import SAME as SAME
from salesmine.process.thesaurus import set_similarity, word_sets

_SAME = """
call phone ring dial reach_out cold_call callback ring_back call_back phone_call
email mail message
send submit issue forward upload email_over send_over send_out send_off fire_off get_out
quote quotation proposal offer submission tender_response
demo demonstration demonstrate show showcase walkthrough walk_through show_round
present presentation pitch
contract agreement paperwork msa terms_and_conditions order_form
sign countersign execute signature signoff sign_off
book schedule arrange organise organize set_up line_up pencil_in diary
meeting appointment session
visit survey walkround inspection assessment site_visit
inspect assess walk_round go_round
research look_up check_out look_into google investigate background
qualify qualification screen vet bant
log record enter input register log_in put_in
crm salesforce hubspot pipedrive dynamics zoho system database
lead enquiry inquiry prospect
follow_up chase nudge remind check_in followup chaser
negotiate negotiation haggle bargain
hand_over handover handoff hand_off transfer pass_over pass
invoice invoicing
deposit payment
write draft prepare build put_together knock_together pull_together produce compile
analyse analyze crunch analysis calculate calculation work_out model
price cost pricing costing priced
discovery needs pain discover uncover
request ask_for collect gather obtain
read review go_through go_over study
notes note writeup write_up
kickoff kick_off launch golive go_live
onboarding implementation operations ops delivery mobilisation mobilization projects
"""

_NEAR = """
quote proposal price pricing estimate ballpark figure number
demo present presentation pitch show
contract sign signature close
meeting call
visit walkthrough survey assessment
research qualify discovery
log crm update
follow_up call ring
analyse price calculate estimate
handover onboarding implementation
send email
"""


SAME_SETS = word_sets(_SAME.splitlines())
NEAR_SETS = word_sets(_NEAR.splitlines())


@lru_cache(maxsize=4096)
def word_similarity(a: str, b: str) -> float:
    """How alike two feature words are: 1 for the same word, SAME or NEAR for two words of one
    set, else 0."""
    return set_similarity(a, b, SAME_SETS, NEAR_SETS)


def sense_similarity(features: Sequence[str]) -> np.ndarray:
    """Feature x feature similarity for the soft cosine of step names: features of one kind
    (an action "V:", an object "O:", a plain word) are as alike as their words are."""
    kinds = [f[:2] if f[:2] in ("V:", "O:") else "" for f in features]
    words = [f[len(k) :] for f, k in zip(features, kinds, strict=True)]
    known = {w for s in SAME_SETS + NEAR_SETS for w in s}
    result = np.eye(len(features))
    listed = [i for i, w in enumerate(words) if w in known]
    for i in listed:
        for j in listed:
            if i < j and kinds[i] == kinds[j]:
                result[i, j] = result[j, i] = word_similarity(words[i], words[j])
    return result


def unknown_share(features: Sequence[Sequence[str]]) -> float:
    """Share of steps (``english_features`` lists) whose action and object no thesaurus set
    holds: what the team-learned synonyms are left to find out."""
    if not features:
        return 1.0
    known = {w for s in SAME_SETS for w in s}
    unknown = [
        not any(f[:2] in ("V:", "O:") and f[2:] in known for f in feature) for feature in features
    ]
    return sum(unknown) / len(unknown)
