"""Interface text of the managers page: key -> (ru, en)."""

from __future__ import annotations

MANAGERS_STRINGS: dict[str, tuple[str, str]] = {
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
}
