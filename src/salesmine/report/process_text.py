"""Interface text of the sales-process page: key -> (ru, en)."""

from __future__ import annotations

PROCESS_STRINGS: dict[str, tuple[str, str]] = {
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
}
