"""Interface text of the refusals page: key -> (ru, en)."""

from __future__ import annotations

REFUSALS_STRINGS: dict[str, tuple[str, str]] = {
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
}
