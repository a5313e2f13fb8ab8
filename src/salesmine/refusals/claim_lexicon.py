"""Word lists for absence claims ("у вас нет X", "we don't offer X"), in one place.

Lemmas are lowercase with ё folded to е (as ``salesmine.text`` returns them); English entries are
the lemmas spaCy's lookup table gives ("offering" -> "offer", "did" -> "do").
"""

from __future__ import annotations

# Verbs of offering: "мы не делаем X", "вы не даёте X", "we don't offer X".
OFFER_VERBS_RU = frozenset(
    """делать сделать предоставлять предоставить давать дать работать продавать страховать
    застраховать предлагать предложить оказывать оформлять оформить оформляться выдавать
    устанавливать ставить возить доставлять поставлять производить выпускать проводить
    поддерживать внедрять заниматься иметь подключать вести обслуживать изготавливать
    собирать монтировать интегрироваться продаваться предоставляться страховаться
    осуществлять финансировать брать взять присылать прислать выезжать покрывать
    покрываться входить включать включаться распространяться предусмотреть предусматривать
    бывать выдаваться оказываться организовывать организовать принимать кредитовать
    рассматривать браться практиковать реализовывать дорабатывать разрабатывать сопровождать
    ремонтировать шить изготовлять размещать открывать печатать настраивать консультировать
    везти отгружать гарантировать торговать производиться делаться продавать продаваться
    подключаться устанавливаться изготавливаться поставляться доставляться обрабатывать строить
    выкупать хранить перевозить продлевать выставлять переносить страховать подписывать
    дружить держать найти находить помогать помочь""".split()
)
# "X не предусмотрено", "X не предоставляется": the company's rule, said without a subject.
IMPERSONAL_OFFER_RU = frozenset(
    """предусмотреть предусматривать предоставлять предоставить предоставляться оказывать
    оказать оказываться продавать продаваться предлагать предлагаться осуществлять
    осуществляться делаться""".split()
)
# "нельзя оформить X", "не получится сделать X": the product follows the infinitive.
IMPOSSIBLE_RU = frozenset(("нельзя", "невозможно"))
# "X сняли с продажи", "перестали делать X", "прекратили выпуск X": no longer offered.
STOPPED_RU = frozenset(("перестать", "прекратить", "прекращать", "переставать"))
# "X не входит в полис": the missing thing is the subject, on the left.
INCLUSION_VERBS_RU = frozenset(
    ("входить", "включать", "включаться", "покрывать", "покрываться", "распространяться")
)
MANAGER_TOLD_RU = frozenset(
    ("сказать", "ответить", "пояснить", "объяснить", "сообщить", "написать", "озвучить")
)
OFFER_VERBS_EN = frozenset(
    """offer provide do have support sell cover insure include deliver make give carry available
    offered provided supported included
    integrate handle install build produce ship finance lease run host supply sign write
    endorse stock accept issue take place serve open carry manufacture arrange organize
    organise store transport haul move help fund lend process service rent repair deploy
    customize customise hire cater print""".split()
)
# "мы не знаем", "вы не хотите", "мы не платим": verbs that never say the company lacks a
# product, so a weak "мы не <глагол>" rule skips them.
NOT_OFFER_VERBS_RU = frozenset(
    """знать хотеть мочь думать видеть понимать успевать планировать нуждаться спешить
    торопиться любить ждать звонить отвечать перезванивать получаться устраивать тянуть
    согласовывать спорить настаивать сомневаться помнить уверять собираться бояться доверять
    платить покупать заказывать менять переходить использовать пользоваться торговаться
    обсуждать говорить сказать слышать читать понравиться нравиться успеть решать решить
    соглашаться согласиться отказываться отказаться возражать рисковать терять выигрывать
    проигрывать""".split()
)
NOT_OFFER_VERBS_EN = frozenset(
    """need want know think see understand care plan expect agree get remember like mind hear
    believe feel use buy pay switch change consider intend wish trust mean sure seem look
    go come call reach answer respond reply hear win lose afford budget commit decide hurry
    rush wait be""".split()
)
# spaCy splits "can't" / "won't" into "ca" / "wo" + "n't".
ENGLISH_AUX = frozenset("do does did can ca could will wo would may".split())
# Verbs that carry the product's meaning ("не страхуем грузы" is about insurance), added to the
# phrase when matching; generic ones (делать, давать, offer) add nothing.
PRODUCT_VERBS = frozenset(
    """страховать застраховать страховаться доставлять устанавливать монтировать собирать
    обучать интегрироваться финансировать внедрять обслуживать возить привезти доставить
    insure deliver install integrate
    ship
    finance lease
    train rent""".split()
)
ENGLISH_NEG = frozenset(("not", "n't", "never"))

# "у вас / у нас" and friends: who the missing thing belongs to.
YOU_RU = frozenset(("вы", "ваш"))
WE_RU = frozenset(("мы", "наш"))
THEY_RU = frozenset(("они", "он", "она", "их", "клиент", "клиентка", "конкурент"))
YOU_EN = frozenset(("you", "your", "yours"))
WE_EN = frozenset(("we", "our", "ours", "us"))
THEY_EN = frozenset(("they", "their", "he", "she", "his", "her", "them"))
# Places that stand for the company's own offer: "в линейке нет", "нет в продаже".
OWN_PLACES_RU = frozenset(
    (
        "линейка",
        "каталог",
        "ассортимент",
        "продажа",
        "прайс",
        "портфель",
        "полис",
        "программа",
        "тариф",
        "пакет",
        "покрытие",
    )
)
OWN_PHRASES_EN = (
    ("on", "our", "side"),
    ("on", "your", "side"),  # the client to us: "no mobile on your side"
    ("from", "us"),
    ("with", "us"),
    ("at", "our"),
    ("in", "our"),
    ("by", "us"),
)

# Someone else has it: "у конкурента есть X, у нас нет".
COMPETITOR_RU = frozenset(("конкурент", "другой", "остальной", "конкурентка"))
COMPETITOR_EN = frozenset(("competitor", "competition", "other", "others", "unlike", "rival"))
# Comparing says another company is in the sentence ("сравнивали с X: у них Y есть, у нас
# только Z"), whether or not it is called a competitor.
COMPARING = frozenset(
    """сравнивать сравнить сравнение сопоставлять compare compared compares comparing
    comparison""".split()
)

# Who speaks. Third-person present forms mark the client's words ("говорит, у вас нет...").
CLIENT_NOUNS_RU = frozenset(
    """клиент клиентка лпр директор бухгалтер заказчик покупатель собственник владелец
    руководитель закупщик юрист гендиректор фермер он она они""".split()
)
# The company's own people: what they say about "у нас" is about the company.
OUR_STAFF_RU = frozenset(
    """менеджер стажер стажерка консультант оператор приемщик администратор админ инженер мастер
    коллега руководитель начальник замерщик диспетчер я""".split()
)
SPEECH_VERBS_RU = frozenset(
    """говорить сказать утверждать считать думать писать написать заявить ответить уверить
    уверенный жаловаться полагать уверять""".split()
)
MANAGER_SPEECH_RU = frozenset(
    (
        "пояснить",
        "объяснить",
        "сообщить",
        "проинформировать",
        "предупредить",
        "озвучить",
        "ответить",
    )
)
CLIENT_CUES_EN = frozenset(
    """client customer prospect they he she cfo ceo buyer owner lead procurement""".split()
)
SPEECH_VERBS_EN = frozenset(
    """say tell claim think believe complain mention note write state assume""".split()
)

# A product question left without an answer: "не смог ответить", "couldn't answer".
UNANSWERED_RU = tuple(
    "не смог ответить|не смогла ответить|не смогли ответить|не знал|не знала|не ответил|"
    "не ответила|затруднился|затруднилась|не в курсе|уточню|обещал уточнить|обещала уточнить|"
    "промолчал|промолчала|растерялся|растерялась|не нашелся|не нашлась|не сориентировался|"
    "не сориентировалась|не подсказал|не подсказала|нечего ответить|без ответа|надо уточнить|"
    "нужно уточнить|не уверен|не уверена|затрудняюсь|не смог сказать|не смогла сказать|"
    "не смог объяснить|не смогла объяснить|ответа не дал|ответа не дала|не сориентировал|"
    "не знаю|не знаем|ответа не дожд|не дождался ответа|не дождалась ответа|"
    "ответа не получил|не получил ответа|не получила ответа|вопрос повис|не смог подтвердить|"
    "не смогла подтвердить|не подтвердил|не подтвердила|без понятия|проверю|обещал проверить|"
    "обещала проверить|узнаю|выясню|передам вопрос|переслал вопрос|переслала вопрос|"
    "переадресовал|переадресовала|отправил вопрос|отправила вопрос|вернусь с ответом|"
    "не вернулся|не вернулась|ответа пока нет|не перезвонил|не перезвонила|забыл|забыла|"
    "спрошу у|надо узнать|нужно узнать|не ответили|не нашел что ответить|ответа не было|"
    "вопрос завис|вопрос повис|завис|никто не ответил|ответа так и нет|"
    "не нашла что ответить|не знал что сказать|не знала что сказать|обещал узнать|"
    "обещала узнать|обещал выяснить|обещала выяснить|"
    "ответить не смог|ответить не смогла|хороший вопрос|кто знает|вопрос висит|висит с|"
    "висит|тишина|жду ответа|otveta net|ответа нет|нет ответа".split("|")
)
UNANSWERED_EN = tuple(
    "couldn't answer|could not answer|didn't know|did not know|wasn't sure|was not sure|"
    "not sure what to say|promised to check|will check|would check|no answer from our side|"
    "no answer from us|no answer given|had no answer|failed to answer|couldn't tell|"
    "could not tell|didn't have an answer|left unanswered|went unanswered|not sure|"
    "need to check|needs to check|will get back|get back to them|no idea|don't know|"
    "do not know|couldn't say|could not say|didn't have the answer|had to check|"
    "couldn't confirm|could not confirm|wasn't able to confirm|unable to confirm|"
    "didn't confirm|never got back|never confirmed|will revert|promised to revert|"
    "checking with|check with|will find out|to find out|forgot|let me check|will confirm|"
    "to be confirmed|tbc|no reply from|no response from|didn't get back|never heard back|"
    "will come back to them|come back with an answer|get back with|find out|'ll check|"
    "'ll ask|will ask|'ll revert|'ll get back|'ll confirm|dunno|tbd|nobody knows|no one knows|"
    "nobody here knows|nobody could say|no one could say|call back|no answer yet|"
    "no answer sent|unsure|no clue|idk|asked me to confirm|left it|no answer from|"
    "nobody answered|no one answered|nobody on our side answered|still no answer|"
    "answered yet|not sure|will find out|haven't replied|hasn't replied|w/o answer|"
    "without answer|without an answer|silence|nobody got back|no one got back|left it open|"
    "no reply yet|still pending".split("|")
)
ASK_VERBS_RU = frozenset(
    (
        "спросить",
        "спрашивать",
        "интересоваться",
        "поинтересоваться",
        "уточнять",
        "уточнить",
        "задать",
    )
)
ASK_VERBS_EN = frozenset(("ask", "inquire", "enquire", "wonder"))
ABOUT_RU = frozenset(("про", "о", "об", "насчет", "по"))

# "нужна X, у нас её нет": where an antecedent for "его / такого / it" is introduced.
NEED_CUES_RU = frozenset(
    """нужный нужно нужен нужна нужны надо хотеть хотел хотела хотели нуждаться искать
    запрос требоваться важный критичный интересовать просить попросить требовать ждать""".split()
)
NEED_CUES_EN = frozenset(
    (
        "need",
        "needs",
        "want",
        "wanted",
        "require",
        "asked",
        "about",
        "looking",
        "interested",
        "requested",
        "request",
        "requires",
        "ask",
    )
)
ANAPHORS_RU = frozenset(("он", "она", "оно", "они", "такой", "это", "этот", "то", "такое", "так"))
ANAPHORS_EN = frozenset(("it", "that", "this", "them", "one", "such"))

# Negated nouns that are not products: "нет бюджета", "ЛПР нет", "no budget", "no questions".
NON_PRODUCTS_RU = frozenset(
    """бюджет деньги потребность необходимость нужда смысл интерес
    желание время возможность вопрос ответ контакт лпр директор руководитель начальник
    бухгалтер человек понимание согласование одобрение доверие уверенность
    информация договоренность право полномочие подпись место задача проблема претензия
    замечание сомнение опыт отзыв выходной праздник срок день ночь силы смысл
    деньга год месяц неделя квартал сезон
    трубка звонок телефон шанс смысл повод ответ отзыв жалоба правило пункт условие закон
    понедельник вторник среда четверг пятница суббота воскресенье январь февраль март апрель
    май июнь июль август сентябрь октябрь ноябрь декабрь утро вечер кп список
    очередь наличные наличный комментарий жалоба причина раз монтажник бригада специалист
    продажа отклик фидбек возражение встреча сделка заявка
    клиент клиентка заказчик слово""".split()
)
NON_PRODUCTS_EN = frozenset(
    """budget money funds need time interest response answer reply question decision maker
    approval authority contact point sense slot capacity trust reason idea clue choice
    one anyone nobody price cost rate fee chance shot room luck way show
    deadline deadlines window call calls phone volume rule rules clause term terms condition year
    month week quarter season today tomorrow
    weekend weekends january february march april may june july august september october
    november december morning evening complaint comment feedback agreement deal hiring
    email reason issue problem installer installers technician technicians crew crews
    engineer engineers worker workers""".split()
)
# Spoken fillers that look like nouns ("у нас типа нет" is "у нас, like, нет", not "no type"):
# alone they are never the product, which is to be found elsewhere in the note.
FILLERS_RU = frozenset(("типа", "походу", "блин", "ваще"))
# What a client says it has or lacks itself ("у нас нет автопарка"): never a product after "нет",
# though "не страхуем склады" is a claim.
POSSESSIONS_RU = frozenset(
    """автопарк сотрудник персонал штат офис склад машина автомобиль помещение имущество
    техника оборудование филиал""".split()
)
# "нет лицензии на ОПО": the product is what the licence is for.
CAPABILITY_RU = frozenset(("лицензия", "аккредитация", "допуск"))
# "нет решения" is "no decision yet"; "облачного решения нет" names a product.
# "нет связи" is "could not reach"; "мобильной связи нет" names a product.
BARE_NON_PRODUCTS = frozenset(
    (
        "решение",
        "вариант",
        "связь",
        "номер",
        "скидка",
        "менеджер",
        "финансирование",
        "поездка",  # "поездки не будет"; "мотивационные поездки не организуем" is a product
        "средство",  # "средств нет" is money; "моющие средства", "средство от плесени" goods
        "solution",
        "decision",
        "plan",
        "plans",
        "discount",
    )
)  # "no plans to switch" vs "no corporate health plan"
# Names of a condition (or goods) only with a qualifier: "скидка для НКО", "discount for
# nonprofits", "средства для стирки", "средство от плесени" — by the words that qualify each.
QUALIFIED_PRODUCTS = {
    "скидка": frozenset(("для",)),
    "discount": frozenset(("for",)),
    "средство": frozenset(("для", "от")),
}
# A complaint about quality, not an absence: "нет нормального сервиса", "no decent support".
EVALUATIVE = frozenset(
    """нормальный хороший адекватный внятный приличный нормально good decent proper normal
    reasonable""".split()
)

# Words that end (or never start) a product phrase.
NP_STOP_RU = frozenset(
    """ваш наш их его ее мой твой такой этот тот весь никакой какой который сам
    другой любой каждый даже же ли вообще якобы тоже также еще уже только лишь нет нету
    да отказ т.к. т.е. т.д. т.п.""".split()
)
NP_LINKS_RU = frozenset(
    ("на", "для", "с", "со", "от", "из", "по", "под", "без", "в", "и", "до", "через", "за")
)
# Words a question puts before the thing asked about: "есть ли у вас в полисе X".
QUESTION_SKIP_RU = frozenset(
    """ли можно будет есть нет у вас нас мы вы про о об насчет по только даже же ещё еще
    был была было были бы очень срочно вообще тоже также сейчас точно уже""".split()
)
# "X не входит в стоимость" is about price, not a missing product.
PRICE_WORDS_RU = frozenset(("стоимость", "цена", "бюджет", "сумма", "прайс", "счет"))
QUESTION_SKIP_EN = frozenset(
    """if whether we you they offer have do does provide about for any a an the was were is
    are us me them to can could will would still also run handle supply get help their his her
    its our my your""".split()
)
NP_STOP_EN = frozenset(
    """i me we us our you your they them their he him his she her it its this that these those
    a an the any such some no not n't never do does did is are was were be been am have has had
    can could will would should may might must so because since as like only just even also
    still anymore either yet now currently really at all per according which who whom whose
    what when where why how if whether then than there here and or but though although
    unfortunately sadly apparently basically honestly
    unless while said say says told tell thinks think believes claims asked lost won
    too very much more any longer on in for with of to from by about into over under outside ca
    wo sha
    inside via without within across
    available bundled included offered possible provided supported needed required allowed
    enabled after before until till during along around afaik imo btw anyway re regarding
    concerning incl left went took came above below except besides""".split()
)
NP_LINKS_EN = frozenset(("for", "with", "of", "and", "in", "on"))
DETERMINERS_EN = frozenset(("a", "an", "the", "any", "such", "some"))

# A claim the manager took back in the same note: "объяснил, что есть", "explained that we do".
# "рассказал про X": a correction only when X is the claimed thing ("рассказал про кадры" does
# not take back "зарплату не считаете").
CORRECTION_ABOUT_RU = (
    r"(?:объяснил|объяснила|рассказал|рассказала|показал|показала)\w*\s+(?:про|о|об)\s+(\w+)"
)
CORRECTION_RU = (
    r"(?:объяснил|объяснила|пояснил|пояснила|рассказал|рассказала|сказал|сказала|показал|"
    r"показала|уточнил|уточнила|ответил|ответила)\w*,?\s+(?:что\s+)?(?:у нас\s+|мы\s+|вс[её]\s+)?"
    r"(?:есть|делаем|даем|даём|предоставляем|страхуем|оформляем|работаем|продаем|продаём|можем)"
    # "потом уточнил у склада — делаем", "проверил по прайсу: есть": checked, then the answer
    r"|(?:уточнил|уточнила|проверил|проверила|выяснил|выяснила)\w*[^.!?\n]{0,40}?\s[—–:-]\s*"
    r"(?:у нас\s+|мы\s+|вс[её]\s+)?(?:есть|делаем|даем|даём|предоставляем|продаем|продаём|можем|"
    r"оформляем|страхуем|работаем)\b"
)
# "показал наши условия — убедил", "я поправил": the manager set the client right.
CORRECTION_WON_RU = r"(?<!не )\b(?:(?:пере|раз)?убедил|поправил|исправил)[аи]?\b"
CORRECTION_EN = (
    r"(?:explained|told them|clarified|showed|said|corrected)\w*\s+(?:them\s+)?(?:that\s+)?"
    r"we\s+(?:do|have|offer|can|provide|support)\b(?!\s*(?:n't|not))"
    r"|\bcorrected\s+(?:that|him|her|them|it|the client|myself)\b|\bset (?:him|her|them) straight\b"
    # "said we don't rent X - corrected, showed our Kubotas": put right, then shown or booked
    r"|\bcorrected\s*[,;:—–-]\s*(?:showed|explained|sent|booked|told)\b"
    r"|\bturn(?:s|ed) out we\s+(?:do|have|offer|can)\b(?!\s*(?:n't|not))"
    # "checked with ops - we do. called back", "Checked - yes, ... added to the order", "Olga
    # confirmed we still do it - told the client": checked, found, and the client was told (a
    # slip only noticed — "checked later - we do. following up" — still stands)
    r"|\b(?:checked|confirmed|verified)\b[^.!?\n]{0,40}?(?:[-—–:,]\s*|\s)(?:yes\b|we\s+"
    r"(?:still\s+)?(?:do|have|offer|can)\b(?!\s*(?:n't|not)))[^\n]{0,60}?\b(?:called\s+"
    r"(?:\w+\s+)?back|told\s+(?:the\s+)?(?:client|customer|buyer|them|him|her)|booked|"
    r"added\s+to|order\s+placed|signed)"
    # "called back same day, corrected": the slip put right with the client
    r"|\bcalled\s+(?:\w+\s+)?back\b[^.!?\n]{0,30}?\bcorrected\b"
)
POSITIVE_ANSWER_RU = (
    r"\b(?:да|нет)\s*,?\s*"
    r"(?:есть|делаем|даем|даём|страхуем|предоставляем|оформляем|продаем|продаём)\b"
)
POSITIVE_ANSWER_EN = r"\byes,?\s+we\s+(?:do|have|offer|can)\b"
# The manager's turn in a pasted dialogue starts with a yes ("К: у вас нет X? / М: есть, ...",
# "C: you don't have X? / M: we do, ..."), or the writer called the client back to put a slip
# right ("ошибся, перезвонил, извинился"), or the client remembers ("потом сами вспомнили").
# A slip only noticed ("ошибся? в каталоге есть", "потом вспомнила, что вроде есть") still
# stands: the client was never told.
DIALOG_YES = (
    r"(?:^|\n)\s*(?:М|M|Менеджер|Manager|Я|Me)\s*:\s*"
    r"(?:да|конечно|есть|yes|yep|sure|of course|absolutely|we do|we have)\b"
    # "they said. we do, demo on Tue" — a sentence of its own, not "(we DO, Roman's team)"
    r"|(?:^|[.!?\n]\s*)we do\s*[,;!—–]"
    # "TyreOn doesn't offer a loan car, we do —", "у Альфы нет X, а у нас есть —": the other
    # side's lack, set against what the company has
    r"|[,;]\s*(?:but\s+)?we\s+(?:still\s+)?do\s*(?:[,;!—–.]|$)"
    r"|[,;]\s*(?:а\s+)?(?:мы|у\s+нас)\s+(?:есть|делаем|да[её]м)\s*(?:[,;!—–.]|$)"
)
SELF_CORRECTION_RU = (
    r"перезвонил\w*[^.!?\n]{0,40}?извинил|перезвонил\w*,?\s+(?:вс[её]\s+ок|исправил)"
    r"|\bпотом\s+сами\s+вспомнил|\bвопрос\s+снят"
)
