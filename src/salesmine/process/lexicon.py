"""Word lists for process discovery: what marks a step and its order, what marks talk that holds
none, and which questions ask for the next step. (Which words name which sales activity is in
``concepts``.)

Kept as plain data in one module so a training lead can read (and extend) it without reading the
algorithms. All Russian entries are lowercase lemmas with "ё" folded to "е", as ``salesmine.text``
produces them.
"""

from __future__ import annotations


def _phrases(text: str) -> tuple[str, ...]:
    """Comma-separated phrases of a block of text (kept as text so the lists stay readable)."""
    return tuple(p.strip() for p in text.replace("\n", " ").split(",") if p.strip())


# --- Narration: markers of order ("сначала ... потом ... в конце"). -------------------------------
# Removed from step names; their presence makes a short verbless fragment count as a step.
SEQUENCE_MARKERS_RU = _phrases("""
    в самом начале, в первую очередь, первым делом, после этого, после того, после чего, вслед
    за этим, в конце концов, в самом конце, в конце, на следующем этапе, следующим шагом,
    следующий шаг, следующий этап, дальше, далее, потом, затем, сначала, вначале, сперва, после,
    наконец, в итоге, во-первых, во-вторых, в-третьих, в-четвертых, в-пятых, первое, второе,
    третье, четвертое, пятое, шестое, седьмое, восьмое, девятое, десятое, последнее, первый шаг,
    второй шаг, третий шаг, следующее, а потом, и тогда, только потом, уже потом, а дальше, ну а
    дальше, параллельно, мой порядок, порядок такой, по порядку
""")
SEQUENCE_MARKERS_EN = _phrases("""
    first of all, first, firstly, to begin with, to start with, then, after that, afterwards,
    next, finally, at the end, in the end, lastly, secondly, thirdly, once that is done, after
    this, after which, later, eventually, and then, the next step, the last step, the first step
""")
# "Перед этим я ещё ..." puts the step before the one told just before it.
BEFORE_PREVIOUS_RU = ("перед этим", "до этого", "перед тем как", "а до того", "но сначала")
BEFORE_PREVIOUS_EN = ("before that", "before this", "prior to that", "beforehand", "but first")

# --- Talk that holds no step. -------------------------------------------------------------------
# A sentence with one of these is an opinion, a complaint or small talk, whatever its verbs.
DIGRESSION_MARKERS_RU = _phrases("""
    мне кажется, я думаю, по-моему, по моему, честно говоря, на мой взгляд, если честно, к слову,
    между прочим, к сожалению, бесит, раздражает, обидно, жалко, нравится, не нравится,
    люблю, ненавижу, кофе, обед, погода, отпуск, выходные, зарплат, премию, премия, устаю,
    устал, тяжело, лучше бы, хотелось бы, мечтаю, в прошлом году, самое сложное, коллектив,
    я убежден, я уверен, по ощущениям, подозреваю, так принято, я не спорю
""")
DIGRESSION_MARKERS_EN = _phrases("""
    i think, i believe, in my opinion, to be honest, honestly, by the way, i like, i love, i
    hate, unfortunately, coffee, lunch, weather, vacation, weekend, salary, annoying,
    frustrating, i wish, the hardest part, the problem is
""")
# An anecdote: this sentence and the past-tense ones after it in the same turn hold no step.
# A complaint ("вот здесь я вижу главную проблему: менеджер пишет «дорого» и закрывает сделку")
# is told like a story and is skipped the same way.
ANECDOTE_MARKERS_RU = _phrases("""
    однажды, как-то раз, был случай, был у меня, была у меня, помню, один раз, на днях, вчера,
    на прошлой неделе, недавно, случай был, история была, главную проблему, главная проблема,
    проблема в том, вижу проблему, беда в том, узкое место
""")
ANECDOTE_MARKERS_EN = _phrases("""
    once i, one time, i remember, yesterday, last week, the other day
""")
# "Как я уже говорил, ..." repeats a step told before.
REPEAT_MARKERS_RU = _phrases("""
    как я уже говорил, как я говорил, как уже сказал, как я сказал, я уже говорил
""")
REPEAT_MARKERS_EN = ("as i said", "as i mentioned", "like i said")
# Words said for rhythm; they are cut out before anything else is looked at.
FILLERS_RU = _phrases("""
    так сказать, скажем так, как говорится, грубо говоря, в принципе, как бы, короче, значит,
    понимаете, знаете, слушайте, смотрите, собственно, вообще-то, ну вот, вот, ну, типа, эээ,
    ээ, э-э, м-м, ммм, допустим, в общем, получается, то есть, как правило, как обычно, смотря,
    давайте, давай, скажем
""")
FILLERS_EN = ("you know", "i mean", "like,", "well,", "basically", "kind of", "sort of", "um", "uh")

# --- Verbs. --------------------------------------------------------------------------------------
# Lemmas that are never a step by themselves (states, opinions, modality, "the process begins").
NON_ACTION_VERBS_RU = frozenset(
    """
быть являться бывать стать становиться иметь мочь смочь хотеть захотеть думать подумать
казаться показаться нравиться понравиться любить ненавидеть знать помнить
зависеть получаться получиться руководить возглавлять работаться ждать подождать дожидаться
начинаться начаться заканчиваться закончиться длиться занимать
работать жить сидеть стоять лежать уметь успевать успеть бояться надеяться верить хватать
следовать называться значить означать являться случаться случиться происходить произойти
приходиться прийтись нужно надо можно нельзя должный стоить тянуть сказаться говориться
стараться постараться пытаться попытаться проходить пройти есть бывать гордиться радоваться
переживать волноваться расстраиваться нервничать злиться обижаться извинить извинять
говорить сказать продавать продать использовать терять потерять исправиться торопиться
ошибаться ошибиться забывать забыть учиться учить оговориться повторять повторить переписываться
""".split()
)
# Verbs that carry an infinitive ("стараюсь перезвонить"): the infinitive is the action.
AUXILIARY_VERBS_RU = frozenset(
    """
стараться постараться пытаться попытаться начинать начать продолжать мочь смочь хотеть
должный надо нужно необходимо обязательно приходиться прийтись успевать успеть надлежать
решать решить нужный можно следует
""".split()
)
# Light verbs: the object names the action ("делаю прозвон", "провожу встречу").
LIGHT_VERBS_RU = frozenset(
    """
делать сделать проводить провести осуществлять осуществить производить произвести выполнять
выполнить заниматься заняться идти пойти давать дать
""".split()
)
NON_ACTION_VERBS_EN = frozenset(
    """
be have do think believe like love hate know seem feel want wish hope guess suppose mean
depend happen last need can could will would shall should may might must let seem try
""".split()
)
# English words that the WordNet verb list knows but that almost never carry a step.
NOT_VERBS_EN = frozenset(
    """
i the a an and or but if when while so then first next finally also just usually always often
sometimes it this that there here my your our their his her its all some any each every
""".split()
)
SUBJECT_PRONOUNS_EN = frozenset("i we you he she they one who which".split())
MODALS_EN = frozenset(
    """
will would can could shall should may might must to 'll don't doesn't also usually always often
then first just normally typically sometimes immediately finally later now again still never
generally quickly simply carefully personally really actually
""".split()
)
DETERMINERS_EN = frozenset(
    """
the a an this that these those my your our their his her its some any each every no another
of in on at for with by from into about as than per via
""".split()
)
PARTICLES_EN = frozenset("up out back off over down in on away around through".split())

# --- Action nouns that name a step without a verb ("Отправка КП", "выезд на осмотр"). ----------
ACTION_NOUNS_RU = frozenset(
    """
звонок прозвон обзвон дозвон созвон выезд визит встреча осмотр поиск отправка подготовка
презентация квалификация расчет просчет оформление подписание оплата согласование контроль
сопровождение передача анализ выявление уточнение консультация демонстрация выставление
переговоры проверка оценка доставка выгрузка загрузка рассылка напоминание заключение
внесение регистрация фиксация отработка закрытие продление пролонгация запрос заявка
выдача передача сдача
""".split()
)
# The verb of an action noun whose ending does not give it (naming: "выезд" -> "выехать").
NOUN_VERBS_RU = dict(
    pair.split(":")
    for pair in """
звонок:позвонить созвон:созвониться дозвон:дозвониться обзвон:обзвонить прозвон:прозвонить
выезд:выехать визит:посетить встреча:встретиться осмотр:осмотреть замер:замерить поиск:найти
расчет:рассчитать просчет:просчитать торг:торговаться оплата:оплатить выдача:выдать
передача:передать сдача:сдать внесение:внести проведение:провести сопровождение:сопровождать
приглашение:пригласить квалификация:квалифицировать запрос:запросить
контроль:проконтролировать анализ:проанализировать
""".split()
)
# Abstract nouns that end like an action noun (-ние, -ция) but name a state.
NOT_ACTION_NOUNS_RU = frozenset(
    """
здание мнение знание внимание желание настроение отношение состояние понимание впечатление
ощущение образование значение положение время расписание собрание условие решение ситуация
позиция организация информация станция традиция функция эмоция мотивация стажировка
""".split()
)
ACTION_NOUN_SUFFIXES_RU = ("ание", "ение", "тие", "ация")

# Interviewer questions that open small talk: the answer holds a step only with an order marker.
OFF_TOPIC_QUESTIONS = _phrases("""
    как давно, сколько лет, сколько вы работаете, как вам, нравится, как настроение, как дела,
    погода, кофе, отпуск, выходные, как вы попали, откуда вы, хобби, мешает, как думаешь, как
    думаете, что сложно, сложности, что бы вы изменили, что бы ты изменил, спасибо, для чего,
    как вы считаете, как ты считаешь, поменял, поменять, улучшил, улучшить, изменить, у вас нет,
    у нас нет, чего у вас, чего-то нет, справляетесь, справляешься, сколько у вас, слышно,
    по-вашему, по-твоему, по вашему мнению, ваше мнение, твое мнение, реально, чем вы занимаетесь,
    чем занимаетесь, о себе, о компании,
    не отвлекаю, how long have you, do you like, how are you, weather, coffee, hobby, weekend,
    what would you change, what is hard, thank you, what do you think
""")
# ... unless the question also asks for the process ("Спасибо, что нашли время. Расскажите, как
# проходит продажа").
ON_TOPIC_QUESTIONS = _phrases("""
    по шагам, шаг за шагом, как проходит продажа, как у вас проходит, как идет сделка, как вы
    ведете, как вы продаете, как ты продаешь, с чего начинается, walk me through, how do you sell,
    step by step
""")
# Questions that ask for the next step: the answer's first clause is new even when it names an
# activity told before ("А потом договор?").
NEXT_QUESTIONS = _phrases("""
    дальше, потом, затем, после этого, после чего, что еще, что-то еще, еще что, продолжай,
    продолжайте, что происходит, what next, then what, after that, what else
""")
# Verbs that introduce reported speech: after "спрашиваю:" come the client's words, not steps.
SPEECH_VERBS = frozenset(
    """
спрашивать спросить говорить сказать отвечать ответить писать написать объяснять думать
ask say tell answer reply write think
""".split()
)
# "Полезно учиться", "лучше честно сказать": an infinitive after these is an opinion.
EVALUATIVE_WORDS_RU = frozenset(
    """
полезно важно удобно неудобно сложно трудно легко лучше хуже интересно приятно страшно стыдно
жалко неприятно бесполезно обидно скучно тяжело
""".split()
)
# Who sells: a 3rd-person verb is a step only with one of these as its subject ("менеджер звонит").
SELLER_NOUNS_RU = frozenset(
    """
менеджер сотрудник продавец специалист консультант продажник оператор аккаунт
аккаунт-менеджер sdr
""".split()
)
# The company's other roles in the sale: told by the head of the team, their actions are the
# process's steps too ("Администратор колл-центра принимает звонок", "инженер считает смету");
# told by anyone else, they are a colleague's part, not the speaker's.
STAFF_NOUNS_RU = frozenset(
    """
администратор координатор инженер технолог юрист брокер логист дизайнер замерщик монтажник
проектировщик сметчик тендерщик аналитик методист куратор экспедитор оценщик агент риелтор
ассистент помощник врач доктор стоматолог диспетчер
""".split()
)
# The interviewee heads the sellers (a role, or what they say of themselves): their "они",
# "ребята" and subjectless plurals ("назначают встречу") are the team's steps.
HEAD_OF_TEAM_RU = _phrases("""
    я руководитель, руковожу, руководим, я директор, я коммерческий директор, я начальник, я роп,
    мои менеджеры, моих менеджеров, мои ребята, моя команда,
    у меня в отделе, в моем отделе, мой отдел, у меня семь, у меня пять, у меня шесть,
    у меня восемь, у меня десять, у меня трое, у меня четверо, у меня пятеро
""")
# A clause opened by one of these is a condition, purpose or reason: context, not a step.
SUBORDINATORS = frozenset(
    """
если чтобы потому поскольку хотя который которая которое которые что где ибо когда пока
зачем почему чего разве кто кого кому кем куда откуда прежде
if because unless whether which that so who whose since although though
""".split()
)
# Words before which a sentence may hold a new step ("звоню и договариваюсь о встрече").
SPLIT_WORDS = frozenset(
    """
и а но или потом затем дальше далее после then and but or next finally afterwards
""".split()
)

# --- Words that end an object phrase in a step name. ------------------------------------------
NAME_STOP_WORDS_RU = frozenset(
    """
и а но или либо чтобы если когда пока потому так как что который которая которые где куда
потом затем дальше далее после сначала то тогда ли же бы уже еще
""".split()
)
# Words dropped from a step name (adverbs of frequency/time, particles, personal pronouns).
NAME_DROP_WORDS_RU = frozenset(
    """
я мы ты вы он она они оно обычно всегда часто иногда сразу быстро обязательно тоже также еще
уже просто опять снова лично сам сама сами самостоятельно уж же вот ну там тут здесь как бы
конечно наверное стараюсь стараемся себе себя это этот эта эти его ее их ему ей им него нее них
""".split()
)
NAME_STOP_WORDS_EN = frozenset(
    """
and or but if when while because so that which who where then after before until once
""".split()
)
NAME_DROP_WORDS_EN = frozenset(
    """
i we you he she they usually always often sometimes immediately quickly just also first then
next finally really actually normally typically generally personally
""".split()
)

# --- Step names read as an order: perfective infinitive + object ("отправить КП"). -----------
# The imperfective verbs sellers tell their routine with, and the perfective a name uses.
# Verbs not listed keep the aspect they were said in.
PERFECTIVE_RU = dict(
    pair.split(":")
    for pair in """
отправлять:отправить направлять:направить высылать:выслать скидывать:скинуть кидать:кинуть
присылать:прислать подавать:подать оформлять:оформить готовить:подготовить
проводить:провести делать:сделать заводить:завести заносить:занести вносить:внести
назначать:назначить приглашать:пригласить звать:позвать выяснять:выяснить выявлять:выявить
уточнять:уточнить спрашивать:спросить узнавать:узнать звонить:позвонить
перезванивать:перезвонить обзванивать:обзвонить прозванивать:прозвонить
созваниваться:созвониться заполнять:заполнить собирать:собрать показывать:показать
контролировать:проконтролировать фиксировать:зафиксировать согласовывать:согласовать
подписывать:подписать получать:получить выставлять:выставить рассчитывать:рассчитать
считать:посчитать просчитывать:просчитать подбирать:подобрать передавать:передать
договариваться:договориться встречаться:встретиться отрабатывать:отработать
обсуждать:обсудить презентовать:презентовать регистрировать:зарегистрировать
бронировать:забронировать резервировать:зарезервировать заключать:заключить
ставить:поставить создавать:создать брать:взять
просить:попросить проверять:проверить выезжать:выехать набирать:набрать смотреть:посмотреть
предлагать:предложить осматривать:осмотреть объяснять:объяснить рассказывать:рассказать
писать:написать напоминать:напомнить оплачивать:оплатить отвечать:ответить
""".split()
)
# Verbs whose subject is what the seller handles ("приходит заявка", "уходит КП клиенту"): the
# name says what the seller does with it.
CONVERSE_VERBS_RU = {
    "приходить": "получить",
    "прийти": "получить",
    "поступать": "получить",
    "поступить": "получить",
    "падать": "получить",
    "упасть": "получить",
    "уходить": "отправить",
    "уйти": "отправить",
}

# The money a seller waits for or watches once the invoice is out ("жду оплату", "слежу, чтобы
# предоплата пришла"): ``candidates`` and ``step_novelty`` read these payment steps.
PAYMENT_WORDS_RU = frozenset(
    "оплата оплатить платеж поступление предоплата аванс деньги дебиторка дебиторк"
    " задолженность".split()
)
