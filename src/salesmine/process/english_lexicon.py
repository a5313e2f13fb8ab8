"""Word lists for reading English sales interviews (``english_clauses``, ``english_steps``).

Plain data, lowercase, so a training lead can read and extend them. They name grammar (who acts,
modality, tense, subordination) and the sales vocabulary any B2B seller uses (calls, demos,
proposals, contracts), not the words of one company.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> tuple[str, ...]:
    """Comma-separated phrases, each with single spaces (a phrase may run over a line break)."""
    return tuple(" ".join(p.split()) for p in text.split(",") if p.strip())


# --- Grammar -------------------------------------------------------------------------------------
BE = _words("am is are was were be been being 's 're 'm isn't aren't wasn't weren't")
HAVE = _words("have has had 've 'd having")
DO = _words("do does did doing")
MODALS = _words("might may could would 'd can should must shall ca")  # "ca" of "can't"
# What a procedure or playbook prescribes: "shall be registered", "must be signed".
NORMS = _words("shall must")
# Words a sentence opens with that the verb list also knows ("Back in October", "Right").
OPENING_ADVERBS = _words(
    "back well right like mind fair sure last next second still even up except plus"
)
FUTURE = _words("will 'll wo gon")  # "wo" of "won't", "gon" of "gonna"
# What "to" is in speech: "gonna" = "gon" + "na", "gotta" = "got" + "ta", "wanna".
TO_LIKE = _words("to na ta wanna")
NEGATIONS = _words("not n't never no nobody nothing neither nor")
# Subject pronouns and who they stand for in an interview.
SELF = _words("i")
WE = _words("we")
YOU = _words("you")
THEY = _words("they")
OTHER_PRONOUNS = _words("he she someone somebody everyone everybody anyone anybody nobody")
THING_PRONOUNS = _words("it that this which what everything something nothing there one")
OBJECT_PRONOUNS = _words("me us them him her it 'em you")
POSSESSIVES = _words("my our your their his her its")
DETERMINERS = _words(
    "the a an this that these those my our your their his her its some any each every no "
    "another all both"
)
PREPOSITIONS = _words(
    "to of in on at for with by from into onto about as than per via through over under after "
    "before during within without across around between until"
)
PARTICLES = _words("up out back off over down in on away around through along")
# What comes in and starts a sale: receiving it ("we get the enquiry", "an enquiry is received")
# is the trigger of the process, not a step of it.
INBOUND = _words("enquiry enquiries inquiry inquiries lead leads referral referrals")
# Numbers said as words: "step one", "quarter to eight", "number eleven".
NUMBER_WORDS = _words(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty hundred"
)
CONJUNCTIONS = _words("and or but so then plus")
# What opens a clause that is not the main line: a condition, a reason, a purpose, a relative.
CONDITIONS = _words("if unless whenever")
TIME_LINKS = _words("when once before after until till while whilst as")
REASONS = _words("because since cause 'cause although though whereas")
RELATIVES = _words("who which whose whom where what how whether why")
# Adverbs and fillers that can stand between a subject and its verb ("I usually just send").
ADVERBS = _words(
    "just also usually always often sometimes normally typically generally then first "
    "basically actually really literally probably definitely obviously still already even "
    "only quickly immediately straight right personally properly ideally hopefully "
    "again now later kind sort like um uh er erm mostly rarely occasionally never ever "
    "simply certainly maybe perhaps honestly very quite pretty kinda sorta"
)
FREQUENT = _words("usually always normally typically generally every each routinely")
RARE = _words("sometimes occasionally rarely once ever maybe perhaps possibly")
# Verbs whose infinitive or object carries the action ("try to call", "make sure we send").
CATENATIVES = _words(
    "try want need have start begin go help manage tend like love hate prefer aim get plan "
    "expect hope remember forget mean suppose"
)
# Verbs that never tell a step by themselves: states, talk about talk, perception, small talk.
NON_ACTIONS = _words(
    "be have do think believe know seem feel want wish hope guess suppose mean depend happen "
    "like love hate need let say tell laugh sigh smile joke see hear notice remember forget "
    "understand care matter count realise realize reckon bet admit suppose imagine "
    "expect worry mind pay cost use last work live sit stand wait look sound appear become "
    "get go come stay keep thank sorry okay ok yeah yes right hi hello bye listen ask "
    "skip stop"  # "I skip it", "then I stop": what is not done
    " kid"  # "I'm kidding"
)
# What the person answers for, not what they do in a sale ("I own it", "I manage the team now",
# "I cover from Griffith to Tumut", "I cover for the account managers when they're out"); "own"
# never does anything ("the account manager still owns the survey").
DUTY_VERBS = _words("own manage cover oversee supervise")
OWNING = _words("own oversee supervise")
# ... except in a clause that names what they do ("look them up", "go through the notes").
PHRASAL_ACTIONS = _phrases("""
    look up, look at, look into, look through, go through, go over, go out, go back, get back,
    take over, take through, sit in, sit down with, come back, get on, ask for, ask about,
    ask them, work through, work on, work out, listen for, get in touch, keep in touch,
    pay attention, take notes, take them through, get together, hand over, wait for, go round,
    go around, go out to, go and see, go to see, go over to, come out, go to site, go on site,
    go on, go to, go into, go along, go in
""")
LIGHT_VERBS = _words("do have run hold give make take get carry conduct")
# Sales verbs the WordNet list lacks ("we demo it", "they're onboarded").
EXTRA_VERBS = _words("demo onboard upsell scope email ping docusign")
# What is said to the interviewer, not done in the sale ("hold on", "let me think").
DISCOURSE = _phrases("""
    hold on, hang on, let me think, let me see, let's see, let me check, bear with me, where was
    i, you know what, mind you, to be fair, fair enough, thank you, thanks, sorry, ignore me,
    ignore that, forget that, scratch that, strike that
""")
# A whole clause said to the interviewer ("Go on", "Fire away"); "go on the portals" is work.
REPLIES = _phrases("""
    go on, carry on, fire away, go ahead, shoot, sure, right, okay, fair enough, no problem,
    you bet, absolutely, exactly, of course
""")
TALK_VERBS = _words("say tell mention explain talk ask answer reply complain")
STORY_OPENERS = _phrases("""
    i had one, i had a, we had one, we had a, had a guy, had a client, had a customer, one time,
    i once, we once, once had, there was one, there was this, the other day, last week, last month,
    last year, a while back, a while ago, i remember, funny story, true story, years ago,
    at my last, in my last job, at my old, when i started, when i first started, my first week
""")
RECAP_OPENERS = _phrases("""
    so in short, in short, to sum up, to summarise, to summarize, in summary, recap, in a
    nutshell, so basically it's, long story short, so yeah, so overall, that's the shape,
    the short version, in one sentence, bottom line
""")
HEDGES = _phrases("""
    i think, i guess, i suppose, i reckon, i believe, i'd say, i would say, to be honest,
    honestly, in my opinion, i feel, my view, personally i
""")
# Words said for rhythm ("so, um, basically, you know"): skipped when reading who acts.
FILLERS = _phrases("""
    you know, i mean, sort of, kind of, let's say, like, basically, um, uh, er, erm, mm,
    hmm, literally, obviously, yeah, okay, ok, right, well, anyway
""")
SEQUENCE = _phrases("""
    first of all, first off, first thing, first, firstly, to begin with, to start with, then,
    and then, after that, afterwards, after which, next, the next step, the next thing,
    finally, lastly, at the end, in the end, eventually, once that's done, once that is done,
    after this, from there, at that point, straight after, secondly, thirdly, last of all
""")
BEFORE_PREVIOUS = _phrases("""
    before that, before this, prior to that, but first, before all that, beforehand
""")

# A condition that makes the step an exception ("if it's a big deal, I bring my director"), and
# one that is the normal way on ("if they qualify, I book the demo").
EXCEPTION_CUES = _words(
    "big bigger biggest large larger huge over above enterprise complex complicated tricky "
    "unusual special urgent rush ask asks asked request requests insist insists needed "
    "necessary required sometimes strategic"
)
ON_TRACK_CUES = _words(
    "qualify qualifies qualified fit interested happy yes agree agrees agreed accept accepts "
    "accepted shortlisted proceed sign signs signed win won keen good ready approve approved "
    "real goer proper checks want wants serious"
)
# A condition of the deal being lost ("if they say no", "when I lose one"): its branch.
LOSS_CUES = _words("lose loses lost losing dies died dead cold")
# Verbs after which "if" asks whether ("ring to ask if they've read it"): no condition.
ASKING = _words("ask asks check checks see sees know wonder figure find out")
# A step done now and then, not in every sale ("Sometimes I split it in two").
OCCASIONAL = _phrases("""
    sometimes, occasionally, now and then, now and again, from time to time, once in a while,
    on occasion
""")
# What the person says is no step of the sale ("I send hampers, that's not a step either").
DISCLAIMERS = _phrases("""
    not a step, not really a step, not a sale, not really a sale, not a formal, not really a
    formal, not part of the process, not really part of the process, not in the process, not in
    here, not in the playbook, not really a thing, not officially
""")

# --- Who acts in a sale --------------------------------------------------------------------------
# Sellers: what a head of sales tells of them is the process ("the reps send the proposal").
SELLER_ROLES = _words(
    "rep reps sdr sdrs bdr bdrs ae aes seller sellers salesperson salespeople salesman "
    "salesmen saleswoman executive executives exec execs bdm bdms team guys lads girls folks "
    "closer closers hunter hunters "
    "producer producers"  # an insurance agency's or broker's salespeople
)
SELLER_PHRASES = _phrases("""
    account executive, account manager, sales manager, sales rep, sales team, sales exec,
    sales executive, business development, new business, the team, my team, our team,
    the sales side, sales development, inside sales, field sales
""")
# The other side and the company's other departments: their actions are no seller's step.
THIRD_PARTIES = _words(
    "client clients customer customers prospect prospects buyer buyers lead leads contact "
    "procurement legal finance lawyer lawyers solicitor solicitors accountant accountants it "
    "infosec security onboarding implementation operations ops marketing partner partners "
    "supplier suppliers vendor vendors bank manager managers director directors cfo ceo cto "
    "cio fd md boss board committee engineer engineers se ses support success service "
    "consultant consultants specialist specialists admin admins office company companies "
    "firm firms business businesses they he she someone somebody everyone everybody anyone "
    "nobody people person department head heads owner owners landlord tenant tenants "
    "management estimator estimators surveyor surveyors contractor contractors project projects "
    "installs installation delivery mobilisation mobilization"
)
# A role word that only names a seller after "sales" ("sales manager" vs "the manager").
SALES_WORDS = _words("sales selling")

# --- Sales activities ----------------------------------------------------------------------------
# What a step of a B2B sale is about: a clause naming one tells an activity, not small talk.
ACTIVITY_NOUNS = _words(
    "lead leads inquiry enquiry enquiries inquiries call calls phone meeting meetings demo "
    "demos demonstration presentation pitch proposal proposals quote quotes quotation "
    "estimate estimates pricing price prices offer contract contracts agreement agreements "
    "order orders invoice invoices payment deposit discovery qualification qualify research "
    "visit visits survey surveys walkthrough walk-round walkround tour trial trials pilot "
    "sandbox follow-up followup check-in checkin negotiation negotiations tender tenders bid "
    "bids rfp rfq rfi handover hand-off handoff onboarding kickoff kick-off implementation "
    "crm salesforce hubspot pipedrive pipeline opportunity opportunities email emails "
    "invite invitation reference references case brochure questionnaire questionnaires "
    "signature docusign renewal upsell requirements needs budget decision spec "
    "specification scope sample samples terms discount discounts po notes note record "
    "forecast sequence cadence booking site appointment appointments consultation audit "
    "assessment report review approval sign-off signoff go-live launch mobilisation "
    "mobilization start date install installation delivery session sessions workshop "
    "workshops deep-dive briefing catch-up"
)
# Nouns that each name a step by themselves ("send a quote and schedule a meeting": two steps).
STEP_NOUNS = _words(
    "call meeting demo demonstration presentation proposal quote quotation estimate contract "
    "agreement invoice visit survey walk-round walkround trial pilot handover kickoff kick-off "
    "tender bid order offer price pricing questionnaire negotiation appointment"
)
ACTIVITY_VERBS = _words(
    "call ring phone email message text contact reach qualify research prospect book "
    "schedule arrange set organise organize confirm send present pitch demo demonstrate "
    "show walk quote price cost estimate propose draft prepare write build put negotiate "
    "agree sign close win hand introduce follow chase nudge remind visit survey measure "
    "inspect assess audit meet log record update enter file register submit review check "
    "approve issue raise forward attach upload convert move mark fill complete answer "
    "onboard brief kick launch install deliver invoice bill collect renew upsell refer "
    "research discover explore identify map understand uncover find ask listen"
)
