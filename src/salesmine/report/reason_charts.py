"""Inline SVG charts in reason colours: bars per reason, reason mix per group, the mix per month,
and conversion intervals against the team median. Every segment links to its rows.

Like ``charts``: pure functions from numbers and ready-formatted text to SVG, every label escaped,
no JavaScript; the drawing scales with ``viewBox``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from markupsafe import Markup, escape

from salesmine.report.charts import _clip, _label_width, _open, _text, _text_width

ROW, BAR = 28, 18  # px: row pitch and bar height of the horizontal charts
MUTED = "#98a2b3"


class Series(NamedTuple):
    """One reason in a stacked chart: its code, shown name and colour."""

    code: str
    name: str
    colour: str


class ReasonBar(NamedTuple):
    """One bar of ``reason_bars``."""

    label: str
    value: float
    text: str
    colour: str
    href: str = ""


class MixRow(NamedTuple):
    """One group of ``mix_bars``: its count per series (same order), links, and a total text."""

    label: str
    counts: tuple[int, ...]
    total: str
    hrefs: tuple[str, ...] = ()
    muted: bool = False  # a small sample: drawn pale


class IntervalRow(NamedTuple):
    """One rate with its confidence interval and the team median to compare with (all 0..1)."""

    label: str
    value: float
    low: float
    high: float
    median: float
    text: str
    muted: bool = False


def reason_bars(bars: Sequence[ReasonBar], *, title: str, width: int = 760) -> Markup:
    """Horizontal bars, each in its reason colour, the value text after the bar."""
    if not bars:
        return Markup("")
    label_w = _label_width([b.label for b in bars], limit=260)
    text_w = max(_text_width(b.text) for b in bars) + 12
    area = max(width - label_w - text_w - 12, 40)
    peak = max((b.value for b in bars), default=0) or 1
    parts = [_open(width, len(bars) * ROW + 4, title, "chart chart-reasons")]
    for i, bar in enumerate(bars):
        y = i * ROW + 4
        w = max(area * bar.value / peak, 2.0)
        label = _text(label_w, y + BAR - 4, _clip(bar.label, label_w), cls="chart-label",
                      anchor="end")
        rect = (
            f'<rect x="{label_w + 8}" y="{y}" width="{w:.1f}" height="{BAR}" rx="3" '
            f'fill="{escape(bar.colour)}"><title>{escape(bar.label)}: {escape(bar.text)}</title>'
            "</rect>"
        )
        value = _text(label_w + 14 + w, y + BAR - 4, bar.text, cls="chart-value")
        parts.append(_linked(label + rect + value, bar.href))
    parts.append("</svg>")
    return Markup("".join(parts))


def mix_bars(
    rows: Sequence[MixRow],
    series: Sequence[Series],
    *,
    title: str,
    width: int = 1000,
    legend: bool = True,
) -> Markup:
    """One full-width bar per group split by reason share, the group's total on the right."""
    if not rows:
        return Markup("")
    label_w = _label_width([r.label for r in rows], limit=230)
    total_w = max(_text_width(r.total) for r in rows) + 14
    area = width - label_w - total_w - 8
    shown = [s for j, s in enumerate(series) if any(r.counts[j] for r in rows)]
    legend_h = 22 * math.ceil(len(shown) / 4) + 10 if legend else 0
    parts = [_open(width, len(rows) * ROW + 4 + legend_h, title, "chart chart-mix")]
    for i, row in enumerate(rows):
        y = i * ROW + 4
        opacity = ' opacity="0.45"' if row.muted else ""
        parts.append(f"<g{opacity}>")
        parts.append(_text(label_w, y + BAR - 4, _clip(row.label, label_w), cls="chart-label",
                           anchor="end"))
        parts += _row_segments(row, series, label_w + 8, y, area)
        parts.append(_text(width - total_w + 8, y + BAR - 4, row.total, cls="chart-value"))
        parts.append("</g>")
    if legend:
        parts += _legend(shown, label_w + 8, len(rows) * ROW + 22, (width - label_w - 8) / 4)
    parts.append("</svg>")
    return Markup("".join(parts))


def _row_segments(row: MixRow, series: Sequence[Series], x: float, y: float,
                  area: float) -> list[str]:
    total = sum(row.counts) or 1
    parts = []
    for j, count in enumerate(row.counts):
        if count <= 0:
            continue
        w = area * count / total
        share = f"{100 * count / total:.0f}%"
        tip = f"{row.label} — {series[j].name}: {count} ({share})"
        rect = (
            f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{BAR}" '
            f'fill="{escape(series[j].colour)}"><title>{escape(tip)}</title></rect>'
        )
        if w > _text_width(str(count)) + 8:
            rect += _text(x + w / 2, y + BAR - 5, str(count), cls=f"seg {_ink(series[j].colour)}",
                          anchor="middle")
        parts.append(_linked(rect, row.hrefs[j] if row.hrefs else ""))
        x += w
    return parts


def month_columns(
    periods: Sequence[str],
    series: Sequence[Series],
    counts: Sequence[Sequence[int]],
    *,
    title: str,
    hrefs: Sequence[Sequence[str]] = (),
    width: int = 1000,
    height: int = 230,
) -> Markup:
    """Stacked columns, one per period (``counts[period][series]``), the total above each, and
    the legend of the series that occur underneath."""
    if not periods:
        return Markup("")
    left, top, bottom = 8, 18, 26
    plot_h = height - top - bottom
    shown = [s for j, s in enumerate(series) if any(c[j] for c in counts)]
    legend_y = height + 14
    height += 22 * math.ceil(len(shown) / 5) + 8
    pitch = (width - left) / len(periods)
    col_w = min(pitch * 0.62, 64)
    peak = max((sum(c) for c in counts), default=0) or 1
    parts = [_open(width, height, title, "chart chart-columns")]
    parts.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{width}" y2="{top + plot_h}" '
                 'stroke="#c8ced8"/>')
    # Period labels and totals thinned so that neighbours never overlap.
    every = max(1, math.ceil((_text_width(periods[0]) + 8) / pitch))
    for i, period in enumerate(periods):
        x = left + i * pitch + (pitch - col_w) / 2
        parts += _column(period, counts[i], series, hrefs[i] if hrefs else (), x, col_w,
                         top + plot_h, plot_h / peak, labelled=i % every == 0)
    parts += _legend(shown, left, legend_y, (width - left) / 5, per_line=5)
    parts.append("</svg>")
    return Markup("".join(parts))


def _column(period: str, counts: Sequence[int], series: Sequence[Series], hrefs: Sequence[str],
            x: float, col_w: float, base: float, scale: float, *, labelled: bool) -> list[str]:
    """One stacked column from the axis up; when ``labelled``, its total above and the period
    below (the tooltips carry them either way)."""
    parts, y = [], base
    for j, count in enumerate(counts):
        if count <= 0:
            continue
        h = scale * count
        y -= h
        tip = f"{period} — {series[j].name}: {count}"
        rect = (f'<rect x="{x:.1f}" y="{y:.1f}" width="{col_w:.1f}" height="{h:.1f}" '
                f'fill="{escape(series[j].colour)}"><title>{escape(tip)}</title></rect>')
        parts.append(_linked(rect, hrefs[j] if hrefs else ""))
    if labelled:
        parts.append(_text(x + col_w / 2, y - 5, str(sum(counts)), cls="chart-value",
                           anchor="middle"))
        parts.append(_text(x + col_w / 2, base + 18, period, cls="chart-axis", anchor="middle"))
    return parts


def interval_rows(rows: Sequence[IntervalRow], *, title: str, median_label: str,
                  width: int = 560) -> Markup:
    """A dot per rate with its interval as a whisker, and the team median as a tick, on 0-100 %."""
    if not rows:
        return Markup("")
    label_w = _label_width([r.label for r in rows], limit=220)
    text_w = max(_text_width(r.text) for r in rows) + 12
    x0, area = label_w + 10, width - label_w - text_w - 20
    parts = [_open(width, len(rows) * 24 + 22, title, "chart chart-intervals")]
    for tick in (0.0, 0.5, 1.0):
        x = x0 + area * tick
        parts.append(f'<line x1="{x:.1f}" y1="2" x2="{x:.1f}" y2="{len(rows) * 24 + 2}" '
                     'stroke="#eef0f3"/>')
        parts.append(_text(x, len(rows) * 24 + 16, f"{tick:.0%}", cls="chart-axis",
                           anchor="middle"))
    for i, row in enumerate(rows):
        parts.append(_interval(row, x0, area, i * 24 + 2, label_w, width - text_w + 4,
                               median_label))
    parts.append("</svg>")
    return Markup("".join(parts))


def _interval(row: IntervalRow, x0: float, area: float, y: float, label_w: float, text_x: float,
              median_label: str) -> str:
    def at(share: float) -> float:
        return x0 + area * min(max(share, 0.0), 1.0)

    mid = y + 11
    colour = MUTED if row.muted else "#2f6fde"
    parts = [_text(label_w, mid + 4, _clip(row.label, label_w), cls="chart-label", anchor="end")]
    if _finite(row.median):
        parts.append(
            f'<line class="median" x1="{at(row.median):.1f}" y1="{y + 2}" '
            f'x2="{at(row.median):.1f}" y2="{y + 20}" stroke="#1c2433" stroke-width="2">'
            f"<title>{escape(median_label)}</title></line>"
        )
    if _finite(row.value):
        parts.append(
            f'<line x1="{at(row.low):.1f}" y1="{mid}" x2="{at(row.high):.1f}" y2="{mid}" '
            f'stroke="{colour}" stroke-width="3" stroke-linecap="round" opacity="0.45"/>'
            f'<circle cx="{at(row.value):.1f}" cy="{mid}" r="5" fill="{colour}">'
            f"<title>{escape(row.label)}: {escape(row.text)}</title></circle>"
        )
    parts.append(_text(text_x, mid + 4, row.text, cls="chart-value"))
    return "".join(parts)


def _legend(series: Sequence[Series], x: float, y: float, column: float,
            per_line: int = 4) -> list[str]:
    parts = []
    for j, item in enumerate(series):
        lx, ly = x + (j % per_line) * column, y + 22 * (j // per_line)
        parts.append(f'<rect x="{lx:.1f}" y="{ly - 10}" width="12" height="12" rx="2" '
                     f'fill="{escape(item.colour)}"/>')
        parts.append(_text(lx + 17, ly, _clip(item.name, column - 22), cls="chart-legend"))
    return parts


def _linked(svg: str, href: str) -> str:
    return f'<a href="{escape(href)}">{svg}</a>' if href else svg


def _ink(colour: str) -> str:
    """``on-dark`` (white text) or ``on-light`` for a segment of this fill colour."""
    red, green, blue = (int(colour[k:k + 2], 16) for k in (1, 3, 5))
    return "on-light" if 0.299 * red + 0.587 * green + 0.114 * blue > 150 else "on-dark"


def _finite(value: float) -> bool:
    return value is not None and not math.isnan(value)
