"""The sales activities salesmine knows by name, and which words tell them ("прозвон" -> CALL).

Written as domain knowledge of B2B and B2C selling (insurance, equipment, kitchens and furniture,
software, cars, real estate), not learned from any interview. Each activity lists *strong* cues,
words that name it on their own ("КП", "договор", "назначить"), and *weak* cues, words that
point to it but also turn up elsewhere ("звонить", "смотреть", "сделка"). A few phrase rules
handle what single words cannot: "назначить" + "встреча" is setting a meeting, "отправить" +
"расчёт" + "клиенту" is the proposal, "выяснить" + "что нужно" is needs discovery.

The merge treats two steps with the same concept as (nearly) the same activity; extraction
uses concepts to tell a new step from an elaboration of the one just told. All entries are
lowercase lemmas (ё -> е) as ``salesmine.text`` produces them; a few lemmatizer slips
("фоткай", "замереть") are listed as they come out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

STRONG = 3.0
WEAK = 1.0
HEAD_FACTOR = 2.0  # the step's own verb says more than the words around it

_CUES: dict[str, tuple[str, str]] = {  # concept: (strong cues, weak cues)
    "LEAD": (
        "заявка лид лида выгрузка входящий обращение тендер",
        "база список источник очередь поток",
    ),
    "CRM": (
        "crm битрикс битрикс24 амо amocrm карточка заносить занести вносить внести заводить "
        "завести регистрировать зарегистрировать",
        "сделка статус комментарий отмечать отметить фиксировать зафиксировать записывать "
        "записать задача закрывать",
    ),
    "CALL": (
        "звонок прозвон обзвон дозвон прозванивать прозвонить обзванивать обзвонить "
        "квалифицировать квалификация лпр секретарь первичный",
        "звонить позвонить созваниваться созвониться перезванивать перезвонить набирать "
        "набрать дозваниваться дозвониться знакомиться познакомиться представляться "
        "представиться контакт разговор холодный телефон",
    ),
    "NEED": (
        "потребность выявлять выявить выявление боль расспрашивать расспросить",
        "выяснять выяснить уточнять уточнить спрашивать спросить узнавать узнать понять "
        "понимать разбираться вопрос",
    ),
    "MEET_SET": (
        "назначать назначить пригласить приглашать звать позвать",
        "договариваться договориться",
    ),
    "MEET": (
        "встреча встречаться встретиться выезд выезжать выехать визит осмотр осматривать "
        "осмотреть замер замереть замерять замерить шоурум демонстрация демо тест-драйв "
        "демозал экскурсия",
        "смотреть посмотреть фотографировать сфотографировать фоткать фоткай фото объект "
        "приезжать приехать ехать ездить съездить показывать показать презентация показ образец",
    ),
    "DOCS": (
        "документ анкета опросный бриф тз техзадание паспорт копия справка перечень выписка",
        "сканировать собирать собрать данные заполнять заполнить",
    ),
    "CALC": (
        "расчет рассчитывать рассчитать просчет просчитывать просчитать считать посчитать "
        "калькулятор андеррайтер андеррайтинг тариф смета спецификация подбор подбирать "
        "подобрать тарифный тарифник",
        "стоимость цена проект чертеж планировка программа",
    ),
    "OFFER": (
        "кп коммерческий предложение оффер подборка прайс прайс-лист каталог",
        "вариант проговаривать проговорить защищать защитить презентовать отправлять "
        "отправить высылать выслать",
    ),
    "OBJECTION": (
        "возражение отрабатывать отработать отработка обрабатывать обработать торговаться торг "
        "переговоры скидка франшиза рассрочка согласование дожимать",
        "сомнение дорого убеждать убедить согласовывать согласовать обсуждать обсудить условие "
        "напоминать",
    ),
    # holding the item for the client before the contract: a paid or free reservation
    "RESERVE": (
        "бронь бронирование бронировать забронировать резерв резервирование резервировать "
        "зарезервировать",
        "депозит закреплять закрепить",
    ),
    # the client's purchase financed by a bank or a leasing company: the seller files for it
    "FINANCE": (
        "ипотечный кредитный кредитование лизинговый одобрение одобрить скоринг",
        # the product's name alone ("Дальше ипотека") is a topic, not yet a step
        "ипотека кредит лизинг банк заявление",
    ),
    "SIGN": (
        "договор контракт подписывать подписать подписание оформлять оформить оформление эдо",
        "полис выдавать выдать печатать распечатать заключать заключить",
    ),
    # the invoice and the money, after the contract: nearly every team's gold keeps them apart
    # from the signing (27 of 28 development sets)
    "PAYMENT": (
        "счет оплата оплачивать оплатить предоплата аванс платеж",
        "выставлять выставить деньги поступление",
    ),
    # the deal registered with the state after signing (property, vehicles, pledges)
    "REGISTRATION": (
        "регистрация госрегистрация росреестр",
        "регистрировать зарегистрировать",
    ),
    # what is in stock, checked before the offer ("проверяю наличие", "смотрю остатки")
    "STOCK": ("остаток наличие", ""),
    "DELIVERY": (
        "доставка доставлять доставить поставка поставлять отгрузка отгружать монтаж "
        "монтировать установка устанавливать установить пусконаладка производство рейс перевозка",
        "сборка склад груз",
    ),
    "AFTERSALE": (
        "сопровождение пролонгация пролонгировать продление продлевать продлить сервис",
        "передавать передать обслуживание",
    ),
}
CONCEPTS: tuple[str, ...] = tuple(_CUES)
CUE_WEIGHTS: dict[str, dict[str, float]] = {}
for _concept, (_strong, _weak) in _CUES.items():
    for _word in _weak.split():
        CUE_WEIGHTS.setdefault(_word, {})[_concept] = WEAK
    for _word in _strong.split():
        CUE_WEIGHTS.setdefault(_word, {})[_concept] = STRONG

# Phrase rules: (verbs, companions, concept): a verb of the first set with a word of the second
# set anywhere in the step names that concept, whatever the single words say.
CALL_VERBS = frozenset(
    "звонить позвонить перезванивать перезвонить созваниваться созвониться набирать".split()
)
_SCHEDULE = frozenset("назначать назначить договариваться договориться согласовать".split())
_MEETING = frozenset("встреча встретиться встречаться осмотр замер замереть выезд визит".split())
_OFFER_VERBS = frozenset("предлагать предложить".split())
_SEND = frozenset(
    "отправлять отправить высылать выслать скидывать скинуть кидать кинуть направлять "
    "направить присылать прислать".split()
)
_FIND_OUT = frozenset(
    "выяснять выяснить выявлять выявить понять понимать спрашивать спросить узнавать узнать "
    "разбираться уточнять уточнить".split()
)
_NEEDED = frozenset("нужно нужный важно важный потребность бояться хотеть болеть".split())
_TERMS = frozenset("условие формулировка скидка цена оплата франшиза рассрочка".split())
_AGREE = frozenset("согласовывать согласовать обсуждать обсудить".split())
_INVITE = frozenset("пригласить приглашать звать позвать".split())
_LATER = frozenset("полгода год квартал".split())
_WRITE = frozenset("напоминать напомнить писать написать".split())
_SIGNING = frozenset("подписание подписывать подписать".split())
_FINANCING = frozenset("банк ипотека ипотечный кредит кредитный лизинг".split())
_COLLECT = frozenset("собирать собрать подавать подать".split())
_CHECK = frozenset("проверять проверить проверка смотреть посмотреть сверять сверить".split())
_STOCK = frozenset("остаток наличие склад".split())
# the seller arranging the shipment: "оформляю доставку", "передаю заявку на склад", "ставлю
# заявку на отгрузку", "планирую отгрузки" (else "оформить" reads as the contract, "заявка" as
# a lead)
_ARRANGE = frozenset(
    "оформлять оформить передавать передать ставить поставить заказывать заказать планировать "
    "запланировать организовывать организовать".split()
)
_SHIPMENT = frozenset("доставка отгрузка склад логист логистика".split())
PHRASES: tuple[tuple[frozenset[str], frozenset[str], str, bool], ...] = (
    # "отправляю договор на регистрацию": registration, not the proposal
    (
        _SEND | _COLLECT,
        frozenset({"регистрация", "госрегистрация", "росреестр"}),
        "REGISTRATION",
        True,
    ),
    # "назначаю подписание", "приглашаю на подписание": the signing itself
    (_SCHEDULE | _INVITE, _SIGNING, "SIGN", True),
    (_SCHEDULE | _OFFER_VERBS | _INVITE, _MEETING, "MEET_SET", True),
    # "проверяю остатки", "смотрю, что есть на складе": the stock check before the offer
    (_CHECK, _STOCK, "STOCK", True),
    (_ARRANGE, _SHIPMENT, "DELIVERY", True),
    # "собираю документы в банк": the credit application
    (_COLLECT, _FINANCING, "FINANCE", True),
    (_SEND, frozenset({"андеррайтер"}), "CALC", True),
    (
        _SEND,
        frozenset("расчет кп предложение вариант подборка прайс каталог".split()),
        "OFFER",
        True,
    ),
    # "отправляю запрос на ставку": asking for the price, not sending the proposal
    (_SEND, frozenset({"запрос"}), "CALC", False),
    (_FIND_OUT, _NEEDED, "NEED", True),
    (_AGREE, _TERMS, "OBJECTION", True),
    (_OFFER_VERBS, frozenset("франшиза скидка рассрочка вариант".split()), "OBJECTION", True),
    # "беру с собой андеррайтера": someone comes along to the meeting, not a new activity
    (frozenset("брать взять".split()), frozenset({"собой", "себя"}), "MEET", False),
    # "через полгода звоню клиенту": months after the sale, an after-sale call
    (CALL_VERBS | _WRITE, _LATER, "AFTERSALE", True),
)
# "Заявка" is the client's incoming request ("пришла заявка с сайта") unless the seller files it
# ("подаю заявку на кредит", "заявка в банк"): then it is no lead.
LEAD_REQUEST = "заявка"
_FILING = (
    _COLLECT | _SEND | _FINANCING | frozenset("заполнять заполнить оформлять оформить".split())
)

# A call told after the proposal went out is a follow-up ("если молчит, перезваниваю").
FOLLOW_UP_AFTER = "OFFER"
FOLLOW_UP = "OBJECTION"


@dataclass(frozen=True)
class Concept:
    """The activity a step names, and whether a strong cue (or a phrase rule) says so."""

    name: str = ""  # "" when no cue fits
    strong: bool = False


def concept_of(
    words: Iterable[str],
    head: str = "",
    context: Iterable[str] = (),
    located: Iterable[str] = (),
    fallback: bool = True,
) -> Concept:
    """The concept of a step from its lemmas (``head``: the lemma of its action word).

    ``context``: more lemmas of the sentence ("что ему нужно" after "выясняю"): phrase rules see
    them, and (``fallback``) when the step's own words hold no cue at all, they decide (as a
    weak cue).
    ``located``: the step's words that follow a preposition ("в Битриксе", "на встрече"): a
    place, not what is done, so their cues count as weak.
    """
    lemmas = [w for w in words if w]
    present = set(lemmas) | {head}
    around = present | set(context)
    for verbs, companions, concept, strong in PHRASES:
        if present & verbs and around & companions:
            return Concept(concept, strong)
    if LEAD_REQUEST in present and present & _FILING:
        lemmas = [w for w in lemmas if w != LEAD_REQUEST]
        head = "" if head == LEAD_REQUEST else head
    own = _score(lemmas, head, set(located))
    return own if own.name or not fallback else context_concept(context)


def context_concept(context: Iterable[str]) -> Concept:
    """A weak concept from words around a step (its clause's "что ..." part, a question)."""
    words = [w for w in context if w]
    return Concept(_score(words, "", set(words)).name)


def _score(lemmas: list[str], head: str, located: set[str]) -> Concept:
    scores: dict[str, float] = {}
    strong: set[str] = set()
    head_cues = CUE_WEIGHTS.get(head, {})
    for lemma in dict.fromkeys([head, *lemmas]):
        for concept, weight in CUE_WEIGHTS.get(lemma, {}).items():
            # "выбрать причину в Битриксе" is about the reason; "фиксирую всё в CRM" is CRM work
            if lemma in located and lemma != head and concept not in head_cues:
                weight = WEAK
            factor = HEAD_FACTOR if lemma == head else 1.0
            scores[concept] = scores.get(concept, 0.0) + weight * factor
            if weight == STRONG:
                strong.add(concept)
    if not scores:
        return Concept()
    best = max(CONCEPTS, key=lambda c: (scores.get(c, 0.0), -CONCEPTS.index(c)))
    return Concept(best, best in strong)


def in_sequence(concept: Concept, head: str, told: set[str]) -> Concept:
    """The concept of a step given what its teller told before: a plain call after the
    proposal went out is the follow-up of the negotiation."""
    if concept.name == "CALL" and head in CALL_VERBS and FOLLOW_UP_AFTER in told:
        return Concept(FOLLOW_UP, concept.strong)
    return concept
