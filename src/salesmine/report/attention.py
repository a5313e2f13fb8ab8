""""What needs attention" on the overview page: short sentences, worst first, each linked to the
rows or the section that proves it ("Артём Гусев: 8 случаев «у нас нет», хотя в каталоге есть")."""

from __future__ import annotations

from typing import Any

import pandas as pd

from salesmine.analysis import Analysis
from salesmine.report.context import format_int, format_percent
from salesmine.report.manager_stats import above, wilson
from salesmine.report.refusal_rows import reasons_for, rows_href

REFUSALS_PAGE = "refusals.html"
MAX_ERROR_MANAGERS = 5
MAX_PROCESS_ITEMS = 2
SAID_SHOWN = 3  # product phrases quoted per manager
NO_OPINION_SHARE = 0.2  # CRM dropdowns left empty or "Other" this often are worth a line


def attention_items(analysis: Analysis, table: pd.DataFrame | None, company: pd.DataFrame | None,
                    lang: str, t: dict[str, str]) -> list[dict[str, str]]:
    """The items, alerts first: ``{"cls": "alert"|"warn"|"info", "text", "href"}``."""
    items: list[dict[str, str]] = []
    if table is not None:
        refused = table[table["refusal"]]
        items += _errors(table, lang, t) + _unclarified(refused, analysis, lang, t)
        items += _crm(refused, lang, t) + _top_reason(refused, analysis, lang, t)
        items += _review(refused, analysis, lang, t)
    items += _process(analysis, t) + _funnel(company, lang, t)
    rank = {"alert": 0, "warn": 1, "info": 2}
    return sorted(items, key=lambda item: rank[item["cls"]])


def cases(n: int, lang: str) -> str:
    """"8 случаев" / "1 case"."""
    if lang != "ru":
        return f"{n} case" + ("" if n == 1 else "s")
    tail, tens = n % 10, n % 100
    word = "случай" if tail == 1 and tens != 11 else (
        "случая" if 2 <= tail <= 4 and not 12 <= tens <= 14 else "случаев")
    return f"{format_int(n, lang)} {word}"


def _item(cls: str, text: str, href: str) -> dict[str, str]:
    return {"cls": cls, "text": text, "href": href}


def _errors(table: pd.DataFrame, lang: str, t: dict[str, str]) -> list[dict[str, str]]:
    errors = table[table["manager_error"] == 1]
    items = []
    for manager, group in errors.groupby("manager", sort=False):
        phrases = list(dict.fromkeys(str(v) for v in group["mentioned_product"]))
        said = ", ".join(phrases[:SAID_SHOWN]) + (", …" if len(phrases) > SAID_SHOWN else "")
        items.append((len(group), str(manager), said))
    items.sort(key=lambda x: (-x[0], x[1]))
    return [
        _item("alert", t["attention_errors"].format(manager=m, cases=cases(n, lang), said=said),
              REFUSALS_PAGE + rows_href(manager=m, flag="error", n=n))
        for n, m, said in items[:MAX_ERROR_MANAGERS]
    ]


def _unclarified(refused: pd.DataFrame, analysis: Analysis, lang: str,
                 t: dict[str, str]) -> list[dict[str, str]]:
    if refused.empty:
        return []
    min_n = analysis.settings.funnel.min_deals
    per = refused.groupby("manager")["reason_unclarified"].agg(["sum", "count"])
    rates = (per["sum"] / per["count"])[per["count"] >= min_n]
    team = float(rates.median()) if len(rates) else float("nan")
    items = []
    for manager, row in per[per["count"] >= min_n].iterrows():
        rate = wilson(int(row["sum"]), int(row["count"]))
        if above(rate, team):
            items.append(_item("warn", t["attention_unclarified"].format(
                manager=manager, k=rate.k, n=rate.n, rate=format_percent(rate.share, lang),
                team=format_percent(team, lang)),
                REFUSALS_PAGE + rows_href(manager=str(manager), flag="unclear", n=rate.k)))
    total = int(refused["reason_unclarified"].sum())
    if not items and total:
        items.append(_item("info", t["attention_unclarified_all"].format(
            k=format_int(total, lang), share=format_percent(total / len(refused), lang)),
            REFUSALS_PAGE + rows_href(flag="unclear", n=total)))
    return items


def _crm(refused: pd.DataFrame, lang: str, t: dict[str, str]) -> list[dict[str, str]]:
    if refused.empty:
        return []
    agrees = pd.to_numeric(refused["crm_reason_agrees"], errors="coerce")
    none = int(agrees.isna().sum())
    share = none / len(refused)
    if share < NO_OPINION_SHARE:
        return []
    return [_item("warn", t["attention_crm"].format(share=format_percent(share, lang),
                                                    n=format_int(none, lang)),
                  REFUSALS_PAGE + "#crm")]


def _top_reason(refused: pd.DataFrame, analysis: Analysis, lang: str,
                t: dict[str, str]) -> list[dict[str, str]]:
    if refused.empty:
        return []
    counts = refused["reason"].value_counts()
    code, n = str(counts.index[0]), int(counts.iloc[0])
    name = reasons_for(analysis, lang).name(code)
    return [_item("info", t["attention_top_reason"].format(
        reason=name, k=format_int(n, lang), n=format_int(len(refused), lang),
        share=format_percent(n / len(refused), lang)),
        REFUSALS_PAGE + rows_href(reason=code, n=n))]


def _review(refused: pd.DataFrame, analysis: Analysis, lang: str,
            t: dict[str, str]) -> list[dict[str, str]]:
    items = []
    review = int(refused["needs_review"].sum())
    if review:
        items.append(_item("info", t["attention_review"].format(n=format_int(review, lang)),
                           REFUSALS_PAGE + rows_href(flag="review", n=review)))
    if analysis.candidates is not None and not analysis.candidates.empty:
        items.append(_item("info", t["attention_candidates"].format(n=len(analysis.candidates)),
                           REFUSALS_PAGE + "#candidates"))
    return items


def _process(analysis: Analysis, t: dict[str, str]) -> list[dict[str, str]]:
    process = analysis.process
    if process is None:
        return []
    n = len(process.employees)
    thin = sorted((a for a in process.activities if a.core and a.support < n),
                  key=lambda a: (a.support, a.order))
    return [
        _item("warn", t["attention_process"].format(step=a.name, k=n - a.support, n=n),
              "process.html#matrix")
        for a in thin[:MAX_PROCESS_ITEMS]
    ]


def _funnel(company: pd.DataFrame | None, lang: str, t: dict[str, str]) -> list[dict[str, Any]]:
    if company is None or len(company) < 2:
        return []
    pairs = company.iloc[:-1] if len(company) > 2 else company
    conversions = pairs["conversion"].astype(float)
    if conversions.isna().all():
        return []
    worst = pairs.loc[conversions.idxmin()]
    return [_item("info", t["attention_funnel"].format(
        a=worst["stage_from"], b=worst["stage_to"], rate=format_percent(worst["conversion"], lang)),
        "funnel.html#level-company")]
