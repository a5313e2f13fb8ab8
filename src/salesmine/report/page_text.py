"""Interface text of the overview, refusal, manager and process pages: key -> (ru, en).

``context.STRINGS`` merges these with the funnel page's keys; a key missing here fails the render
(StrictUndefined), so no page can show a blank where text belongs.
"""

from __future__ import annotations

PAGE_STRINGS: dict[str, tuple[str, str]] = {
    # shared
    "contents": ("Содержание", "Contents"),
    "notes_word": ("заметок", "notes"),
    "refusals_word": ("отказов", "refusals"),
    "counts_table": ("Таблица: числа по причинам", "Table: counts by reason"),
    "share": ("Доля", "Share"),
    "deal": ("Сделка", "Deal"),
    "flags": ("Отметки", "Flags"),
    "note_quote": ("Заметка (решающая фраза выделена)", "Note (the deciding clause marked)"),
    "outcome_won": ("выиграна", "won"),
    "outcome_lost": ("проиграна", "lost"),
    "outcome_open": ("открыта", "open"),
    "flag_refusal": ("отказ", "refusal"),
    "flag_error": ("ошибка менеджера", "manager error"),
    "flag_unclear": ("причина не выяснена", "reason unclarified"),
    "flag_review": ("проверить", "review"),
    "manager_errors": ("Ошибки менеджеров", "Manager errors"),
    "unclarified": ("Причина не выяснена", "Reason unclarified"),
    "needs_review": ("Нужна проверка", "Needs review"),
    "no_interview": ("Интервью нет", "No interview"),
    # refusals page
    "refusals_title": ("Почему клиенты отказываются", "Why clients say no"),
    "refusals_count": ("Отказов", "Refusals"),
    "of_notes": ("из {n} сделок", "of {n} deals"),
    "top_reason": ("Главная причина", "Top reason"),
    "errors_note": ("«у нас нет», а в каталоге есть", "“we don't have it” — the catalog has it"),
    "review_note": ("классификатор не уверен", "the classifier is unsure"),
    "reasons_overall": ("Причины отказов", "Refusal reasons"),
    "reasons_hint": (
        "Причина взята из текста заметки, а не из выпадающего списка CRM. Каждое число — ссылка "
        "на строки за ним.",
        "The reason comes from the note's text, not the CRM dropdown. Every number links to the "
        "rows behind it.",
    ),
    "mean_confidence": ("Уверенность", "Confidence"),
    "refusals_by_branch": ("Причины по филиалам", "Reasons by branch"),
    "refusals_by_department": ("Причины по отделам", "Reasons by department"),
    "refusals_by_manager": ("Причины по менеджерам", "Reasons by manager"),
    "refusals_by_stage": ("На каком этапе воронки звучит причина", "Funnel stage of each reason"),
    "stages_hint": (
        "Этап — последний пройденный этап сделки. Ранние «нет контакта» и поздние «цена» требуют "
        "разной работы.",
        "The stage is the last stage the deal reached. Early “no contact” and late “price” call "
        "for different work.",
    ),
    "small_refusals_note": (
        "Группы, где отказов меньше {n}, показаны бледнее и отмечены «мало данных»: сравнивать "
        "их рано.",
        "Groups with fewer than {n} refusals are drawn pale and marked “small sample”: too few "
        "to compare.",
    ),
    "crm_title": ("Выпадающий список CRM и настоящая причина", "CRM dropdown vs the real reason"),
    "crm_value": ("Причина в CRM", "CRM dropdown"),
    "agreement": ("Совпадает", "Agrees"),
    "other_values": ("ещё {n} значений", "{n} more values"),
    "crm_note": (
        "Строки — что менеджер выбрал в CRM, столбцы — причина из текста заметки. Там, где в CRM "
        "выбрана конкретная причина ({n}), она совпадает с заметкой в {agree} случаев; в {none} "
        "отказах ({share}) выбрано «Другое» или ничего.",
        "Rows: what the manager picked in the CRM; columns: the reason in the note's text. Where "
        "the CRM names a reason ({n}), it agrees with the note in {agree}; {none} refusals "
        "({share}) say “Other” or nothing.",
    ),
    "crm_agree_legend": (
        "обведены ячейки, где список CRM и заметка говорят одно и то же",
        "outlined cells: the CRM dropdown and the note agree",
    ),
    "errors_hint": (
        "Клиенту сказали (или он сказал), что такого продукта у нас нет, — а в каталоге он есть. "
        "Цитата из заметки и позиция каталога рядом.",
        "The client was told (or said) that we do not offer it — and the catalog has it. The "
        "note's words and the catalog item side by side.",
    ),
    "errors_by_manager": ("У кого", "Who"),
    "errors_by_item": ("Какие продукты", "Which products"),
    "cases": ("Все случаи", "Every case"),
    "said_missing": ("Сказано, что нет", "Said to be missing"),
    "catalog_has": ("В каталоге есть", "The catalog has"),
    "no_errors": (
        "Таких случаев не найдено.",
        "No such case found.",
    ),
    "discontinued_title": ("Снятые с продаж продукты", "Discontinued products"),
    "discontinued_hint": (
        "Продукт действительно снят с продаж: это не ошибка менеджера, но спрос на него есть.",
        "The product really is discontinued: not a manager error, but there is demand for it.",
    ),
    "unmatched_title": ("Продукты, которых нет в каталоге", "Products the catalog lacks"),
    "unmatched_hint": (
        "Клиенты спрашивали, каталог не нашёл. Если продукт на самом деле есть — добавьте синоним "
        "в каталог.",
        "Clients asked, the catalog has no match. If we do sell it, add a synonym to the catalog.",
    ),
    "unclarified_hint": (
        "Отказ без выясненной причины: пустой комментарий, «отказ», «не интересно». Это {share} "
        "отказов.",
        "A refusal whose reason was never found out: an empty note, “refused”, “not "
        "interested”. That is {share} of refusals.",
    ),
    "unclarified_by_manager": ("Невыясненные причины по менеджерам", "Unclarified by manager"),
    "candidates_title": ("Кандидаты в новые причины", "Candidate new reasons"),
    "candidates_note": (
        "Заметки с причиной «Другое» или с низкой уверенностью ({pool}), сгруппированные по "
        "словам. Если группа повторяется — это повод добавить причину в таксономию.",
        "Notes classified “other” or with low confidence ({pool}), grouped by their words. A "
        "recurring group is a reason to add a code to the taxonomy.",
    ),
    "candidates_sample": ("Группы построены по выборке из {n}.", "Grouped from a sample of {n}."),
    "review_hint": (
        "Классификатор не уверен в этих заметках. Выгрузите их (salesmine refusals … --review "
        "review.csv), исправьте причину и дообучите: salesmine train --add review.csv.",
        "The classifier is unsure about these notes. Export them (salesmine refusals … --review "
        "review.csv), correct the reason and retrain: salesmine train --add review.csv.",
    ),
    "rows_title": ("Строки", "Rows"),
    "rows_capped": (
        "Страница хранит не больше {cap} строк на группу: здесь {shown} из {total} отказов. Все "
        "строки — в выгрузке salesmine refusals … -o refusals.csv.",
        "The page keeps at most {cap} rows per group: {shown} of {total} refusals are here. "
        "Every row is in the export: salesmine refusals … -o refusals.csv.",
    ),
    "rows_print": (
        "Строки — в интерактивной версии страницы.",
        "The rows are in the interactive version of the page.",
    ),
    "filter_reason": ("причина", "reason"),
    "filter_manager": ("менеджер", "manager"),
    "filter_department": ("отдел", "department"),
    "filter_branch": ("филиал", "branch"),
    "filter_month": ("месяц", "month"),
    "filter_stage": ("этап", "stage"),
    "filter_crm": ("в CRM", "in the CRM"),
    "filter_flag": ("отметка", "flag"),
    "filter_shown": ("показано строк: {m}", "rows shown: {m}"),
    "filter_of": ("из {n}", "of {n}"),
    "filter_reset": ("показать все", "show all"),
    "filter_none": (
        "Все строки. Щёлкните по любому числу на странице, чтобы увидеть строки за ним.",
        "All rows. Click any number on the page to see the rows behind it.",
    ),
    "no_refusals": ("В данных нет отказов.", "The data holds no refusals."),
    # managers page
    "managers_title": ("Менеджеры: что подтянуть", "Managers: what to work on"),
    "managers_summary": (
        "Карточка на каждого: {n} менеджеров из CRM, {k} интервью о процессе продаж.",
        "One card per person: {n} managers from the CRM, {k} interviews about the sales process.",
    ),
    "managers_overview": ("Сводка", "Overview"),
    "managers_hint": (
        "Имя ведёт к карточке, числа — к строкам на странице отказов.",
        "A name leads to the card, a number to the rows on the refusal page.",
    ),
    "not_ranked": (
        "Люди не ранжируются: карточки идут по алфавиту, а доли по малым выборкам не "
        "сортируются.",
        "People are not ranked: cards are in alphabetical order and rates of small samples do "
        "not sort.",
    ),
    "card_legend": (
        "В графиках воронки точка — доля у менеджера, отрезок — 95-процентный доверительный "
        "интервал (Уилсон), чёрная черта — медиана команды. Если отрезок целиком левее черты, "
        "разница не случайна.",
        "In the funnel charts the dot is the manager's rate, the bar its 95 % confidence "
        "interval (Wilson), the black tick the team median. A bar wholly left of the tick is a "
        "real difference, not chance.",
    ),
    "person": ("Сотрудник", "Person"),
    "deals_short": ("Сделок", "Deals"),
    "missing_steps": ("Не упомянуто шагов", "Steps not mentioned"),
    "topics_count": ("Темы обучения", "Training topics"),
    "topics_title": ("Что обсудить на обучении", "Suggested training topics"),
    "card_funnel": ("Конверсия по этапам против команды", "Stage conversion vs the team"),
    "team_median": ("медиана команды", "team median"),
    "card_mix": ("Причины отказов", "Refusal reasons"),
    "card_errors": ("«У нас нет», а в каталоге есть", "“We don't have it” — the catalog has it"),
    "card_process": ("Процесс продаж по интервью", "Sales process from the interview"),
    "gaps_hint": (
        "«Не упомянут» не значит «не делает»: рядом — сколько коллег назвали шаг.",
        "“Not mentioned” is not “not done”: next to each step, how many colleagues named it.",
    ),
    "no_gaps": ("Рассказ совпадает с общим процессом.", "The account matches the process."),
    "gap_missing": ("Не упомянуты", "Not mentioned"),
    "gap_order": ("Другой порядок", "Different order"),
    "gap_extra": ("Свои шаги", "Own steps"),
    "no_interview_note": (
        "Интервью с этим сотрудником нет — пробелы в процессе не оценить.",
        "There is no interview with this person, so process gaps cannot be assessed.",
    ),
    "no_deals_person": ("Сделок в CRM нет (например, руководитель).",
                        "No deals in the CRM (e.g. a head of sales)."),
    "whole_short": ("Вся воронка", "Whole funnel"),
    "k_of_n": ("{k} из {n}", "{k} of {n}"),
    "k_of_n_team": ("{k} из {n} · команда {team}", "{k} of {n} · team {team}"),
    "interval": ("95 %: {low}–{high}", "95%: {low}–{high}"),
    "topic_catalog": ("Знание каталога", "Catalog knowledge"),
    "topic_catalog_item": (
        "«{said}»: {clients} сказано, что такого нет, — в каталоге есть «{item}»",
        "“{said}”: {clients} told we don't have it — the catalog has “{item}”",
    ),
    "topic_more_items": ("и ещё {n} позиций каталога", "and {n} more catalog items"),
    "topic_unclarified": ("Выяснение причины отказа", "Finding out why clients say no"),
    "topic_unclarified_text": (
        "В {k} из {n} отказов причина не выяснена ({rate}; медиана команды {team})",
        "The reason is unknown in {k} of {n} refusals ({rate}; team median {team})",
    ),
    "topic_stage": ("Этап воронки", "Funnel stage"),
    "topic_stage_text": (
        "«{a} → {b}»: {rate} ({k} из {n}) против {team} у команды",
        "“{a} → {b}”: {rate} ({k} of {n}) against {team} for the team",
    ),
    "topic_reason_text": (
        "«{reason}» — {share} отказов ({k} из {n}) против {team} по команде",
        "“{reason}” is {share} of refusals ({k} of {n}) against {team} for the team",
    ),
    "topic_price": ("Работа с возражением «дорого»", "Handling the price objection"),
    "topic_competitor": ("Отстройка от конкурентов", "Positioning against competitors"),
    "topic_timing": ("Работа с «не сейчас» и повторные контакты", "“Not now” and follow-up"),
    "topic_no_authority": ("Выход на лицо, принимающее решение", "Reaching the decision maker"),
    "topic_trust": ("Доверие: отзывы, кейсы, выплаты", "Trust: reviews, cases, claims paid"),
    "topic_terms": ("Объяснение условий договора", "Explaining the contract terms"),
    "topic_no_need": ("Выявление потребности", "Needs discovery"),
    "topic_product_missing": ("Знание продуктовой линейки", "Product line knowledge"),
    "topic_no_contact": ("Дозвон и первый контакт", "Getting through and first contact"),
    "topic_process": ("Процесс продаж", "Sales process"),
    "topic_missing_text": (
        "В интервью не упомянуты шаги {steps}",
        "The interview does not mention {steps}",
    ),
    "topic_missing_step": ("«{name}» (называют {k} из {n} коллег)",
                           "“{name}” ({k} of {n} colleagues name it)"),
    "topic_order": ("Порядок шагов", "Order of steps"),
    # process page
    "process_title": ("Процесс продаж", "The sales process"),
    "process_summary": (
        "Собран из {n} интервью: каждый сотрудник рассказал продажу по шагам. Основной шаг — "
        "тот, что назвали не меньше {threshold} сотрудников.",
        "Merged from {n} interviews in which each employee told the sale step by step. A core "
        "step is one at least {threshold} of them named.",
    ),
    "interviews": ("Интервью", "Interviews"),
    "activities": ("Шагов процесса", "Process steps"),
    "core_optional": ("{core} основных, {optional} необязательных",
                      "{core} core, {optional} optional"),
    "personal_steps": ("Личные шаги", "Personal steps"),
    "personal_note": ("назвал только один человек", "named by one person only"),
    "order_variants": ("Варианты порядка", "Order variants"),
    "variants_note": ("у двух и более человек", "told by two or more"),
    "process_gaps": ("Неупомянутые основные шаги", "Core steps not mentioned"),
    "gaps_note": ("по всем интервью", "across all interviews"),
    "process_map": ("Карта процесса", "Process map"),
    "map_hint": (
        "Слева направо, строка за строкой. Сплошная рамка — основной шаг, пунктир — "
        "необязательный; чем толще рамка и полоска внизу, тем больше людей назвали шаг. Толщина "
        "стрелки — сколько людей рассказывают эти шаги в таком порядке.",
        "Left to right, row by row. A solid border is a core step, a dashed one optional; the "
        "thicker the border and the bar inside, the more people named it. An arrow's width is "
        "how many tell the two steps in that order.",
    ),
    "legend_core": ("основной шаг", "core step"),
    "legend_optional": ("необязательный шаг", "optional step"),
    "legend_variant": ("часть людей называет соседние шаги в обратном порядке",
                       "some people tell neighbouring steps the other way round"),
    "support": ("Назвали", "Named by"),
    "variant_word": ("обратный порядок", "other order"),
    "activity_table": ("Шаги: кто назвал и как", "Steps: who named them, in whose words"),
    "process_step": ("Шаг", "Step"),
    "who": ("Кто", "Who"),
    "everyone": ("все", "everyone"),
    "typical_position": ("Обычное место", "Typical position"),
    "quotes": ("Цитаты", "Quotes"),
    "core": ("основной", "core"),
    "optional": ("необязательный", "optional"),
    "also_called": ("также", "also"),
    "variants_hint": (
        "Порядок шагов, который называет меньшинство: это данные, а не ошибка.",
        "An order a minority tells: data, not an error.",
    ),
    "told_first": ("Раньше называют", "Told first"),
    "told_then": ("…чем", "…before"),
    "how_many": ("Сколько", "How many"),
    "variant_text": ("{k} из {n}", "{k} of {n}"),
    "no_variants": ("Все называют шаги в одном порядке.", "Everyone tells the steps in one order."),
    "gap_matrix": ("Кто какие шаги назвал", "Who named which steps"),
    "matrix_hint": (
        "Число — место шага в рассказе сотрудника. Пустая клетка в основном шаге с ✕ — шаг не "
        "упомянут, что ещё не значит, что его не делают.",
        "A number is the step's place in the person's account. ✕ in a core step: not "
        "mentioned — which does not yet mean it is not done.",
    ),
    "matrix_told": ("назван, место в рассказе", "named, its place in the account"),
    "matrix_missing": ("основной шаг не упомянут", "core step not mentioned"),
    "matrix_order": ("назван в другом порядке, чем у большинства",
                     "told in another order than most"),
    # overview page
    "index_title": ("Отчёт по продажам", "Sales report"),
    "n_interviews": ("{n} интервью", "{n} interviews"),
    "reason_from_text": ("причина — из текста заметки", "the reason read from the note"),
    "attention_title": ("Что требует внимания", "What needs attention"),
    "attention_none": ("Ничего тревожного не найдено.", "Nothing alarming found."),
    "attention_errors": (
        "{manager}: {cases} «у нас нет», хотя в каталоге есть ({said})",
        "{manager}: {cases} of “we don't have it” while the catalog has it ({said})",
    ),
    "attention_unclarified": (
        "{manager}: причина не выяснена в {k} из {n} отказов ({rate}; по команде {team})",
        "{manager}: the reason is unknown in {k} of {n} refusals ({rate}; team {team})",
    ),
    "attention_unclarified_all": (
        "Отказов без выясненной причины: {k} ({share})",
        "Refusals whose reason was never found out: {k} ({share})",
    ),
    "attention_crm": (
        "В CRM у {share} отказов ({n}) причина «Другое» или не выбрана — настоящая причина есть "
        "в тексте заметок",
        "The CRM says “Other” or nothing for {share} of refusals ({n}) — the real reason is in "
        "the notes",
    ),
    "attention_top_reason": (
        "Главная причина отказов — «{reason}»: {k} из {n} ({share})",
        "The top refusal reason is “{reason}”: {k} of {n} ({share})",
    ),
    "attention_review": ("Заметок для ручной проверки: {n}", "Notes worth a manual check: {n}"),
    "attention_candidates": ("Кандидатов в новые причины: {n}", "Candidate new reasons: {n}"),
    "attention_process": (
        "Основной шаг «{step}» не упомянули {k} из {n} сотрудников",
        "{k} of {n} employees did not mention the core step “{step}”",
    ),
    "attention_funnel": (
        "Самая низкая конверсия — «{a} → {b}»: {rate}",
        "The lowest conversion is “{a} → {b}”: {rate}",
    ),
    "more_pages": ("Подробнее", "Details"),
    "tile_refusals": (
        "Для директора: причины по филиалам, отделам и менеджерам, динамика, выпадающий список CRM "
        "против заметок, ошибки менеджеров с цитатами.",
        "For the director: reasons by branch, department and manager, the trend, the CRM dropdown "
        "against the notes, manager errors with quotes.",
    ),
    "tile_managers": (
        "Для руководителя обучения: карточка на каждого — конверсия против команды, ошибки, "
        "пробелы в процессе и темы обучения.",
        "For the training lead: a card per person — conversion against the team, errors, process "
        "gaps and training topics.",
    ),
    "tile_process": (
        "Общий процесс продаж из интервью: карта, шаги с цитатами, варианты порядка, кто что "
        "пропустил.",
        "The common sales process from the interviews: the map, steps with quotes, order "
        "variants, who skipped what.",
    ),
    "tile_funnel": (
        "Воронка: конверсия, производительность и активность по этапам и группам.",
        "The funnel: conversion, productivity and activity per stage and group.",
    ),
}
