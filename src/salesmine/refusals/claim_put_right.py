"""Claims put right later in the note in words, not by a sale: the claim's own negated verb said
again without the negation, or a plain "we do" ("сказали что стиралки вы не чините ... Сказал
что чиним"; "Explained we do"); the manager owning up to a slip ("перезвонила и поправилась");
a yes/no question answered yes ("«а X у вас есть?» сказала что да", "можно ли с Y — да"). Also
what an answer must not say to count as one: the only option, a hedged no, a stop.

Not a bare "неправда" / "not true": the writers mostly use it for a claim left standing ("not
true, but I didn't push back"); measured, it cleared 24 true errors for 1 false one. A
contradiction or a showing counts only with the deal done after it, or both together
(``overcome_later``): "бред, есть ... записал на чт", "показала примеры — заказала", "дала цену,
всё есть".
"""

from __future__ import annotations

import re

from salesmine.refusals.claim_context import Note
from salesmine.refusals.claim_rules_withdrawn import WITHDRAWN_EN, WITHDRAWN_RU
from salesmine.text import lemmatize
from salesmine.text.morphology import _morph

# "ответила, что только основной зал": an answer naming the only option confirms the lack.
ONLY = re.compile(r"[^.!?;\n]{0,40}?\b(?:только|лишь|only)\b", re.IGNORECASE)
# "ответил что скорее нет", "ответил, что вроде не возим": a no inside the answer's clause.
_HEDGED_NO = re.compile(r"[^.!?;\n—–]{0,30}?\b(?:нет|не|no|not|n't)\b", re.IGNORECASE)
_NEG = frozenset(("не", "ни", "not", "n't", "never", "no"))
# Verbs of telling the client something; not "подтвердил" / "confirmed" ("Я подтвердил" agrees
# with the claim).
_TOLD = frozenset(
    """сказать объяснить пояснить ответить уточнить заверить explain tell say assure clarify
    answer reply""".split()
)  # fmt: skip
# Words that may stand between the telling verb and the repeated verb ("сказал что еще как
# чиним", "Объяснил что визы делаем", "Explained we do"); anything else ends the search.
_TOLD_GAP = 4
# A plain "we have / we do" (any object before it): "визы делаем", "у нас есть", "we do".
_HAVE_WE = frozenset(
    """есть делать мочь оформлять предоставлять работать продавать do can have offer provide
    sell""".split()
)  # fmt: skip
# Owning up to a slip to the client: "перезвонила и поправилась", "поправился".
_SELF_PUT_RIGHT = re.compile(r"\bпоправил(?:ся|ась|ись)\b", re.IGNORECASE)
# A yes/no question with its question mark ("у вас есть?") or an indirect one with "ли" /
# "if" / "whether" ("спросил, можно ли с Y", "asked if we do Z").
_LI_QUESTION = re.compile(
    r"(?:спросил|спросила|спрашивал|спрашивала|спросили|уточнял|уточняла|интересовал)\w*[,:]?\s+"
    r"(?:\w+\s+)?ли\b|\b(?!вряд\b|едва\b)\w+\s+ли\b|\basked\s+(?:\w+\s+)?(?:if|whether)\b",
    re.IGNORECASE,
)
# A yes right after the question: "? — да", "?» сказала что да", "— said yes", "— да, модель".
_YES = re.compile(
    r"[?»\"'\s]*(?:[—–:-]\s*)?(?:(?:сказал|сказала|ответил|ответила|said|answered|replied)\w*"
    r",?\s+(?:что\s+|that\s+)?)?(?:да|конечно|yes|yep|sure|of\s+course)\b(?!\W*(?:нет|no)\b)",
    re.IGNORECASE,
)


# Words that end the search for the repeated verb: a negation, an exclusive answer ("сказал что
# делаем только холодильники"), another owner ("сказал что у них есть").
_NOT_OURS = _NEG | frozenset(
    "только лишь only just нет вас вы них они их он она he she they".split()
)
_WE = frozenset(("we", "we've", "we're"))

# A question whether the company stopped something ("флешки у вас убрали?", "you dropped X?"): a
# yes to it confirms the absence.
_STOPPED = (
    WITHDRAWN_RU
    | WITHDRAWN_EN
    | frozenset("закончиться закрыть прекратить перестать discontinue stop end".split())
)

# Words that make a question expect a no ("у вас же X нет?") or a yes to a lack ("you only shoot
# people, right?"): a yes to it confirms the absence.
_DOUBTING = frozenset(
    """не нет ни же только лишь not n't no never without без only just right""".split()
)  # fmt: skip


def _negated_verbs(note: Note, a: int, b: int) -> list[int]:
    """Tokens in ``a``..``b`` right after a negation: "вы не чините", "we don't fix"."""
    return [
        i
        for i in range(max(a, 1), b)
        if note.toks[i].word
        and note.toks[i - 1].low in _NEG
        and (note.lang != "ru" or note.toks[i].pos in ("VERB", "INFN"))
    ]


def _told_again(note: Note, k: int, b: int) -> bool:
    """After the claim's sentence (tokens up to ``b``), the manager tells the client the opposite:
    a telling verb, then within a few words the claim's negated verb (``k``) without the
    negation or a plain "есть / делаем / we do" — and no "только / only" right after."""
    toks = note.toks
    for t in range(b, len(toks)):
        if toks[t].lemma not in _TOLD:
            continue
        for j in range(t + 1, min(len(toks), t + 2 + _TOLD_GAP)):
            if not toks[j].word or toks[j].low in _NOT_OURS:
                break
            if _says_we_do(note, j, toks[k].lemma):
                return not ONLY.match(note.text, toks[j].end)
    return False


def _says_we_do(note: Note, j: int, lemma: str) -> bool:
    """Is token ``j`` the claim's verb (``lemma``) or a plain "есть / делаем / we do" that closes
    its clause ("визы делаем,", "we do.")? Not "есть интервал до 18": a new object is another
    offer. English needs "we" right before ("he said his dad had" is no answer)."""
    toks = note.toks
    tok = toks[j]
    if note.lang == "en" and toks[j - 1].low not in _WE:
        return False
    if tok.lemma == lemma:
        return True
    closes = j + 1 == len(toks) or not toks[j + 1].word or toks[j + 1].low in ("и", "and")
    return tok.lemma in _HAVE_WE and closes


def _asked_and_yes(note: Note, a: int) -> bool:
    """In the claim's sentence (from token ``a``) or the next one: a yes/no question not
    expecting a no, answered yes ("а Волга у вас есть?» сказала что да", "Крановые весы. Спросил
    можно ли с радиоканалом — да"). A question further on is about something else."""
    for x, y in [s for s in note.sentences if s[1] > a][:2]:
        words = note.toks[x:y]
        text = note.text[words[0].start : words[-1].end]
        if any(t.low in _DOUBTING or t.lemma in _STOPPED for t in words):
            continue
        if "?" in text:
            ask_end = words[0].start + text.index("?")
        elif asked := _LI_QUESTION.search(text):
            ask_end = asked.end() + words[0].start
            # the yes follows the asked thing, after a dash or a colon in the same sentence
            dash = re.search(r"\s[—–-]\s|:\s", note.text[ask_end : words[-1].end])
            if not dash:
                continue
            ask_end += dash.start()
        else:
            continue
        if _YES.match(note.text, ask_end) or _verb_again(note, words, ask_end):
            return True
    return False


# How far after a question its dash-led answer may start ("вы даёте? у прошлого не было" —
# даём"): past the client's own remark closing the quote, not into another topic.
_ANSWER_REACH = 60
_DASHES = frozenset("—–-")


def _verb_again(note: Note, question: list, ask_end: int) -> bool:
    """A question answered with its own verb after a dash ("«А сертификаты вы даёте? ...» —
    даём, приложил к КП"): the yes said as the verb."""
    verbs = {t.lemma for t in question if t.pos == "VERB" and t.start < ask_end}
    if not verbs:
        return False
    after = [t for t in note.toks if ask_end < t.start <= ask_end + _ANSWER_REACH]
    for i in range(1, len(after)):
        if after[i - 1].text in _DASHES:
            return after[i].lemma in verbs and note.lang == "ru"
    return False


def confirms_lack(tail: str, at: int, lang: str) -> bool:
    """Does the answer starting at ``at`` keep the lack: the only option ("ответила, что только
    основной зал"), a hedged no ("ответил что скорее нет") or a stop ("ответила что убрали")?"""
    if ONLY.match(tail, at) or _HEDGED_NO.match(tail, at):
        return True
    clause = re.split(r"[.!?;](?:\s|$)|[\n—–]", tail[at:], maxsplit=1)[0]
    return any(lemmatize(w, lang) in _STOPPED for w in re.findall(r"\w+", clause)[:6])


def indirect_question(sentence: str) -> bool:
    """ "Спросили, есть ли X." / "asked if we do X.": a question without its question mark."""
    return bool(_LI_QUESTION.search(sentence))


# Telling the client, in a later sentence, that the thing exists: "Объяснила что пони есть, по
# выходным", "Ответил что душевая есть на 2 этаже", "Told her of course we do lash lifts", "Me:
# no, we still do them", "Explained ..., night delivery exists". Written in the note's words, not
# the claim's ("велокресла" for "детских кресел"), so the clause itself must carry no negation,
# no "только / only" (an alternative) and no one else's ("у них").
_TOLD_EXISTS_RU = re.compile(
    r"\b(?:сказал|сказала|объяснил|объяснила|ответил|ответила|пояснил|пояснила|рассказал|"
    r"рассказала)(?:\s+(?:ей|ему|им|клиенту|клиентке))?,?\s+что\s+(?P<what>(?:[\w-]+\s+){0,4}?)"
    r"(?:у\s+нас\s+)?(?:есть|имеется|имеются)\b(?P<after>[^.!?;\n]{0,30})",
    re.IGNORECASE,
)
# Words that make the told clause no "we have it": a negation, an alternative, another owner.
_NOT_EXISTS = re.compile(
    r"\b(?:не|нет|ни|только|лишь|них|их|они|аналог\w*|другие|другой|вместо)\b", re.IGNORECASE
)
# "сказала что есть интервал до 18": a bare "есть" with a new object is another offer.
_NEW_OBJECT = re.compile(r"\s+(?!и\b|на\b|в\b)[а-яё]", re.IGNORECASE)
_BUT_ONLY = re.compile(r"\b(?:но|только|лишь)\b", re.IGNORECASE)
# A colleague telling the writer ("потом Оля сказала что чипы у нас есть"): not the client. The
# capitalized word before the verb must be a first name: "Потом сказала", "Клиенту объяснил" are
# the writer telling the client.
_TELLER_BEFORE = re.compile(r"\b([А-ЯЁ][а-яё]+)\s*$")
_NO_GAP = (
    r"(?:(?!\bnot\b|n't|\bno\b|\bonly\b|\bbeyond\b|\boutside\b|\bwhat\b|\bif\b"
    r"|\bwhether\b)[^.!?;])"
)
_TOLD_EXISTS_EN = re.compile(
    r"\b(?:told|explained|said|confirmed|assured)\b" + _NO_GAP + r"{0,25}?"
    r"\bwe\s+(?:do|have|carry|stock|sell|offer|still\s+\w+)\b(?!n't|\s+not)"
    r"(?!\s+(?:none|nothing|no)\b)(?![^.!?;]*\b(?:only|just)\b)"
    r"|\bno,\s+we\s+(?:still\s+)?(?:do|have)\b"
    r"|\b(?:told|explained|said)\b" + _NO_GAP + r"{0,40}?\b\w+\s+exists\b",
    re.IGNORECASE,
)


def told_it_exists(note: Note, b: int, tail: str) -> bool:
    """Is the client told later that the thing exists (``tail``: the text after the claim; the
    claim's sentence ends at token ``b``)? Russian needs the telling in a later sentence: "инбоди
    нет, сказала что весы обычные есть" offers another thing in the same breath."""
    if note.lang != "ru":
        return bool(_TOLD_EXISTS_EN.search(tail))
    offset = len(note.text) - len(tail)
    sentence_end = note.toks[b - 1].end - offset
    for told in _TOLD_EXISTS_RU.finditer(tail):
        if told.start() < sentence_end:
            continue
        if _named_teller(tail[max(0, told.start() - 25) : told.start()]):
            continue
        if _NOT_EXISTS.search(told["what"]) or _BUT_ONLY.search(told["after"]):
            continue
        if not told["what"].strip() and _NEW_OBJECT.match(told["after"]):
            continue
        return True
    return False


def _named_teller(before: str) -> bool:
    """Whether ``before`` (the text right before a verb of telling) ends in a first name."""
    found = _TELLER_BEFORE.search(before)
    return found is not None and any(
        "Name" in parse.tag for parse in _morph().parse(found.group(1).lower())[:4]
    )


def put_right_later(note: Note, a: int, b: int, tail: str) -> str:
    """How the claim in the sentence of tokens ``a``..``b`` is put right later: "told again"
    ("сказал что чиним"), "owned up" ("поправилась"), "asked, yes" ("можно ли с Y — да"),
    or ""."""
    if any(_told_again(note, v, b) for v in _negated_verbs(note, a, b)):
        return "told again"
    if _SELF_PUT_RIGHT.search(tail):
        return "owned up"
    if told_it_exists(note, b, tail):
        return "told it exists"
    if _asked_and_yes(note, a):
        return "asked, yes"
    return ""


# How the truth reaches the client after a claim (``overcome_later``):
# - a plain "we have it" (``_WE_HAVE``): "— есть,", "— we do!", "всё есть", "бред, есть ...",
#   "wrong, we stock ...", "сказала что можно", "ответил что у нас 3 ...", "I said it is at ...",
#   "Actually Mark teaches ...";
# - an act towards the client (``_TO_CLIENT``): showing it ("показала примеры", "дал ссылку",
#   "showed him the page"), telling about it ("рассказала", "explained"), a price ("дала цену",
#   "quoted"), a call back.
_WE_HAVE = re.compile(
    r"[—–:-]\s*(?:we\s+(?:do|have|can|stock|sell|offer)|(?:у\s+нас\s+)?есть"
    r"|\w{3,}(?:ем|ём|им))\s*[!.,;]"
    r"|\bвс[её]\s+есть\b"
    r"|\b(?:бред|чушь|ерунда|неправда|враньё|вранье)\w*\W{1,3}(?:у\s+нас\s+|мы\s+)?"
    r"(?:есть|\w{3,}(?:ем|ём|им))\b"
    r"|\b(?:wrong|not\s+true|nonsense|rubbish)\W{1,3}we\s+(?:do|can|have|stock|sell|offer|carry)\b"
    r"(?!'t|n't|\s*not\b)"
    r"|\b(?:ответил|ответила|сказал|сказала|объяснил|объяснила)\w*,?\s+что\s+(?:у\s+нас\s+)?"
    r"(?:есть|можно|\d+|\w{3,}(?:ем|ём|им))\b(?!\s+(?:только|лишь)\b)"
    r"|\b(?:I|we)\s+(?:said|told\s+(?:him|her|them))\s+(?:that\s+)?(?:it|they)\s+(?:is|are|does|do)"
    r"\b(?!'t|n't|\s*not\b|\s+only\b)"
    r"|(?:^|[.!?;]\s*|[—–-]\s*)actually,?\s+(?:we|[A-Z]\w+)\s+(?!(?:do|does|can|did)(?:n't|\s+not)\b)"
    r"\w+(?<!n't)\b",
    re.IGNORECASE,
)
_TO_CLIENT = re.compile(
    r"\b(?:показал|показала|показали|рассказал|рассказала|showed|explained)\b"
    r"|\b(?:дал|дала|скинул|скинула|отправил|отправила)\w*\s+(?:\w+\s+)?(?:ссылк|каталог|страниц|цен)\w*"
    r"|\b(?:sent|gave)\s+(?:him|her|them)\s+(?:the\s+|a\s+|our\s+)?(?:\w+\s+)?"
    r"(?:link|page|catalog|catalogue|price)\b"
    r"|\bперезвонил\w*|\bcalled\s+(?:him|her|them)\s+back\b|\bquoted\b",
    re.IGNORECASE,
)
# The deal done, in the past or agreed ("записал на чт", "заказ 15 шт", "ordered 30", "she's
# coming Tue", "she'll try a lesson") — not a to-do ("call back", "send him the list").
_DONE_AFTER = re.compile(
    r"\b(?:записал\w*|записан\w*|заказал\w*|заказали|заказ|оформил\w*|отгрузил\w*|взял|взяла|взяли|"
    r"купил\w*|перезвонил\w*|договорились|booked|ordered|bought|signed|"
    r"called\s+(?:him|her|them)\s+back|(?:he|she|they)(?:'ll|\s+will)\s+(?:come|try|order|book)|"
    r"(?:he|she|they)(?:'s|'re|\s+is|\s+are)\s+(?:coming|in)\b)\b",
    re.IGNORECASE,
)
# How far after the truth the deal must follow to be its outcome: the next clause or sentence
# ("показала примеры в инсте, заказала"), not a note-taking "Записал, кто звонил" further on.
_DONE_REACH = 60
# ... at our place ("ordered elsewhere", "купил на озоне", "в «Улыбку» записан") and not lost
# ("но он ...", "проиграли", "went with ...").
_ELSEWHERE = re.compile(
    r"\b(?:elsewhere|online|from\s+[A-Z]|в\s+друг\w+|у\s+друг\w+|у\s+конкурент\w*|у\s+них|"
    r"на\s+озоне|не\s+(?:взял|купил|заказал)\w*)",
    re.IGNORECASE,
)
_BUT = re.compile(r"\b(?:но|однако|хотя|but|however|though)\b", re.IGNORECASE)
_LOST = re.compile(
    r"\b(?:проиграл\w*|отказ\w*|ушл[аи]|уш[её]л|lost|went\s+with|chose|выбрал\w*)\b", re.IGNORECASE
)


# The client silent or unmoved after being shown or sent the truth ("Показал фото работ — молчит")
_IGNORED = re.compile(
    r"\b(?:молч\w+|не\s+ответил\w*|пропал\w*|игнор\w*|no\s+reply|ghosted|anyway)\b", re.IGNORECASE
)


def taken_in(rest: str) -> bool:
    """Whether what follows a showing (``rest``) leaves it standing: no "but", no sale lost or
    made elsewhere, no silence ("показал стойку, взяла две" yes; "показал фото — молчит" no)."""
    return not _against(rest) and not _IGNORED.search(rest)


def _against(rest: str) -> bool:
    """A "but", a sale lost or one made elsewhere in ``rest``."""
    return any(p.search(rest) for p in (_BUT, _LOST, _ELSEWHERE))


def overcome_later(tail: str) -> bool:
    """After the claim (``tail``: the text after it), is the client told or shown the truth and
    the deal then done with us ("показала примеры в инсте, заказала на двоих", "— we do! called
    her back, she's coming Tue"), or told plainly that we have it with an act towards the client
    ("дала цену, всё есть")?
    One half alone is not enough: "wrong, we do. fix" is only noticed by the writer, "скинул
    ссылку — молчит" ignored by the client."""
    for truth in [*_WE_HAVE.finditer(tail), *_TO_CLIENT.finditer(tail)]:
        rest = tail[truth.end() :]
        if _ELSEWHERE.search(rest) or _LOST.search(rest):
            continue
        done = _DONE_AFTER.search(rest)
        if done and done.start() <= _DONE_REACH and not _BUT.search(rest, 0, done.start()):
            return True
    have, act = _WE_HAVE.search(tail), _TO_CLIENT.search(tail)
    if have and act:
        return not _against(tail[min(have.start(), act.start()) :])
    return False
