"""Which Russian sales words can name the same action or object: a small hand-written thesaurus.

Two sellers say "кидаю КП" and "направляю коммерческое предложение", "прозваниваю базу" and
"набираю номера", "выставляю счёт" and "скидываю счёт на оплату". The concept lexicon
(``concepts``) says which activity a step belongs to, but it is coarse (one CALL for the first
call and the follow-up) and where a team tells one concept as two steps it decides nothing; the
word evidence then only sees shared lemmas, and a team's own accounts are too few to learn
"кинуть" ~ "направить". These sets say it outright. Written as B2B / B2C selling knowledge
(calls, meetings, presentations, proposals, estimates, contracts, invoices, CRM work,
handovers) — no company's own terms (product names, people, their software) — and, like the
concept lexicon, checked against the pairs the merge missed on the development sets, so the
leave-one-set-out figures measure the learned weights, not these lists. Two strengths:

- SAME: words a seller uses for one thing ("кп" / "предложение" / "оффер");
- NEAR: words for neighbouring things that are often, not always, one step ("встреча" /
  "назначить": one team sets the meeting and holds it as one step, another as two).

Verbs and nouns of one action share a set ("звонить" / "звонок", "выезжать" / "выезд"), so a
verbless step ("Дальше звонок") and a told one ("звоню клиенту") meet. Entries are lowercase
lemmas as ``salesmine.text.lemmas`` writes them (ё -> е), with the lemmatizer's slips beside
the right form ("замер" alone comes out as "замереть", "лид" as "лида").
"""

from __future__ import annotations

from functools import lru_cache

from salesmine.process.thesaurus import NEAR as NEAR  # re-exported: the weights
from salesmine.process.thesaurus import SAME as SAME
from salesmine.process.thesaurus import set_similarity, word_sets

STEM = 0.8  # two unlisted words of one stem ("бриф" / "брифинг")
MIN_STEM = 4  # letters two unlisted words must share from the start ...
STEM_SHARE = 0.75  # ... and at least this share of the shorter one

_SAME = (
    # calls
    "звонить позвонить звонок трубка прозвон прозванивать прозвонить обзвон обзванивать "
    "обзвонить набирать набрать созваниваться созвониться созвон перезванивать перезвонить "
    "дозваниваться дозвониться дозвон связываться связаться звякнуть",
    "писать написать письмо сообщение мессенджер вотсап ватсап whatsapp телеграм telegram почта "
    "email",
    "отправлять отправить отправка высылать выслать скидывать скинуть кидать кинуть закидывать "
    "закинуть направлять направить присылать прислать пересылать переслать отсылать отослать",
    "готовить подготовить подготовка составлять составить составление формировать сформировать "
    "собирать собрать разрабатывать разработать разработка",
    # estimates and proposals
    "считать посчитать рассчитывать рассчитать расчет просчет просчитывать просчитать "
    "калькуляция смета",
    "кп кэпэшка кпшка предложение оффер оффера",
    "презентовать презентация показывать показать показ демонстрировать демонстрация защищать "
    "защитить защита",
    # meetings and visits
    "встречаться встретиться встреча выезжать выехать выезд ехать поехать съездить ездить "
    "приезжать приехать визит посещать посетить посещение заходить зайти",
    "замер замереть замерять замерить осмотр осматривать осмотреть",
    "назначать назначить договариваться договориться приглашать пригласить звать позвать",
    # needs
    "выяснять выяснить выявлять выявить выявление спрашивать спросить расспрашивать "
    "расспросить узнавать узнать уточнять уточнить опрашивать опросить интервью бриф брифинг "
    "дискавери потребность",
    # CRM work and leads
    "заводить завести заносить занести вносить внести вбивать вбить записывать записать "
    "регистрировать зарегистрировать фиксировать зафиксировать создавать создать",
    "crm црм битрикс битрикс24 амо amocrm amo",
    "заявка обращение лид лида входящий",
    "передавать передать передача отдавать отдать",
    # negotiation and follow-up
    "обсуждать обсудить обсуждение согласовывать согласовать согласование торговаться торг "
    "переговоры",
    "дожимать дожать дожим напоминать напомнить напоминание фоллоуап",
    "возражение отрабатывать отработать отработка сомнение",
    # contract, invoice, payment
    "подписывать подписать подписание заключать заключить заключение",
    "договор контракт соглашение допсоглашение",
    "счет выставлять выставить",
    "оплата оплачивать оплатить предоплата аванс платеж поступление",
    # delivery and after
    "доставка доставлять доставить отгрузка отгружать отгрузить поставка",
    "монтаж монтировать смонтировать",
    "контролировать проконтролировать контроль следить проследить отслеживать отследить мониторить",
    # finding clients
    "искать найти поиск находить подбирать подобрать подбор отбирать отобрать",
    "список база выгрузка реестр",
    "клиент заказчик покупатель",
    "документ документация анкета справка копия",
    "тз задание техзадание",
    # what is in stock ("проверяю остатки" / "смотрю наличие")
    "остаток наличие",
)
_NEAR = (
    "кп предложение расчет смета просчет",
    "презентация показ демонстрация встреча",
    "встреча выезд визит назначать назначить приглашать пригласить",
    "встреча выезд визит ехать приехать замер замереть осмотр",
    "звонок звонить позвонить созвониться перезвонить дожимать дожать напоминать напомнить",
    "договор контракт подписать подписывать подписание",
    "счет оплата предоплата аванс",
    "crm система заводить завести заносить занести сделка лид лида заявка карточка",
    "передавать передать тз задание задача",
    "бриф брифинг анкета тз",
    "квалифицировать квалификация выяснять выяснить выявлять выявить потребность",
    "расчет смета стоимость цена котировка",
    "отчет итог",
)
# Two-word names of one thing: the pair reads as the one word (an adjective alone says little).
PHRASES = {
    ("коммерческий", "предложение"): "кп",
    ("технический", "задание"): "тз",
}


SAME_SETS = word_sets(_SAME)
NEAR_SETS = word_sets(_NEAR)
KNOWN = frozenset(w for s in SAME_SETS + NEAR_SETS for w in s)


@lru_cache(maxsize=8192)
def word_similarity(a: str, b: str) -> float:
    """How alike two lemmas are: 1 for the same word, SAME or NEAR for two words of one set,
    STEM for two words no set holds that share their start ("бриф" / "брифинг"), else 0."""
    listed = set_similarity(a, b, SAME_SETS, NEAR_SETS)
    if listed or a in KNOWN or b in KNOWN:
        return listed
    return STEM if _one_stem(a, b) else 0.0


def _one_stem(a: str, b: str) -> bool:
    shorter = min(len(a), len(b))
    common = 0
    while common < shorter and a[common] == b[common]:
        common += 1
    return common >= MIN_STEM and common >= STEM_SHARE * shorter


def joined(words: list[str]) -> list[str]:
    """Lemmas with each two-word name of one thing (``PHRASES``) read as its one word."""
    result: list[str] = []
    for word in words:
        if result and (result[-1], word) in PHRASES:
            result[-1] = PHRASES[(result[-1], word)]
        else:
            result.append(word)
    return result
