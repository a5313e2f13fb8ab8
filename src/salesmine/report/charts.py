"""Inline SVG charts: pure functions from numbers and ready-formatted labels to an SVG string.

No JavaScript and no external resources; every label is escaped because it comes from user data
(manager names, stage names). Geometry uses the numeric ``value``; what is printed is ``text``.
Charts scale to their container through ``viewBox``; colours come from CSS classes in the page
with ``fill`` attributes as a fallback.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from markupsafe import Markup, escape

PALETTE = ("#2f6fde", "#e8833a", "#3aa37a", "#c9457a", "#8a63d2", "#d4b02f", "#4fb3c9", "#7d8793")
FONT = 13  # px; label widths below are estimated from it
CHAR_WIDTH = 0.58  # average glyph width / font size for the system sans-serif stack


class Bar(NamedTuple):
    """One bar (or funnel step): ``value`` sets its length, ``text`` is printed beside it."""

    label: str
    value: float
    text: str
    muted: bool = False  # e.g. a small sample: drawn pale


class Point(NamedTuple):
    """One point of a line chart."""

    label: str
    value: float
    text: str


def funnel_chart(
    steps: Sequence[Bar], conversions: Sequence[str], *, title: str, width: int = 760
) -> Markup:
    """Stage bars centred on one axis (a funnel), with the conversion between adjacent stages."""
    if not steps:
        return Markup("")
    label_w = _label_width([s.label for s in steps], limit=230)
    area = width - label_w - 16
    peak = max((s.value for s in steps), default=0) or 1
    height = len(steps) * FUNNEL_BAR + (len(steps) - 1) * FUNNEL_GAP + 4
    parts = [_open(width, height, title, "chart chart-funnel")]
    previous: tuple[float, float] | None = None
    for i, step in enumerate(steps):
        y = i * (FUNNEL_BAR + FUNNEL_GAP) + 2
        w = max(area * _share(step.value, peak), 3.0)  # an empty stage still shows a sliver
        x = label_w + 8 + (area - w) / 2
        if previous is not None:
            parts.append(
                _funnel_neck(previous, (x, w), y, label_w + 8 + area / 2, conversions[i - 1])
            )
        fade = 1 - 0.45 * i / max(len(steps) - 1, 1)  # later stages lighter: reads as depth
        parts.append(_funnel_bar(step, x, y, w, fade, label_w))
        previous = (x, w)
    parts.append("</svg>")
    return Markup("".join(parts))


FUNNEL_BAR, FUNNEL_GAP = 40, 30  # px: bar height, room for the conversion label between bars


def _funnel_neck(
    above: tuple[float, float], below: tuple[float, float], y: float, centre: float, label: str
) -> str:
    """The band joining two stage bars, with the conversion between them written on it."""
    (ax, aw), (bx, bw), top = above, below, y - FUNNEL_GAP
    band = (
        f'<polygon class="funnel-neck" fill="#dbe5f7" '
        f'points="{ax:.1f},{top} {ax + aw:.1f},{top} {bx + bw:.1f},{y} {bx:.1f},{y}"/>'
    )
    text = _text(centre, top + FUNNEL_GAP / 2 + 4, f"↓ {label}", cls="funnel-conv", anchor="middle")
    return band + text


def _funnel_bar(step: Bar, x: float, y: float, w: float, fade: float, label_w: float) -> str:
    """One stage: its bar, its name on the left, its count inside the bar (or after a thin one)."""
    shade = PALETTE[-1] if step.muted else PALETTE[0]
    bar = (
        f'<rect class="funnel-bar" x="{x:.1f}" y="{y}" width="{w:.1f}" height="{FUNNEL_BAR}" '
        f'rx="4" fill="{shade}" fill-opacity="{fade:.2f}"><title>{escape(step.label)}: '
        f"{escape(step.text)}</title></rect>"
    )
    middle = y + FUNNEL_BAR / 2
    name = _text(label_w, middle + 4, _clip(step.label, label_w), cls="chart-label", anchor="end")
    inside = w > _text_width(step.text) + 16
    value = _text(
        x + w / 2 if inside else x + w + 6,
        middle + 5,
        step.text,
        cls="funnel-value on-bar" if inside else "funnel-value",
        anchor="middle" if inside else "start",
        weight="600",
    )
    return bar + name + value


def bar_chart(
    bars: Sequence[Bar], *, title: str, width: int = 760, max_value: float | None = None
) -> Markup:
    """Horizontal bars, one row per item, value text after the bar."""
    if not bars:
        return Markup("")
    label_w = _label_width([b.label for b in bars], limit=320)
    text_w = max(_text_width(b.text) for b in bars) + 12
    row, bar_h = 26, 16
    area = max(width - label_w - text_w - 12, 40)
    peak = max_value if max_value else max((b.value for b in bars), default=0) or 1
    height = len(bars) * row + 4
    parts = [_open(width, height, title, "chart chart-bars")]
    for i, bar in enumerate(bars):
        y = i * row + 4
        w = area * _share(bar.value, peak)
        colour, cls = (PALETTE[-1], "bar muted") if bar.muted else (PALETTE[0], "bar")
        parts.append(
            _text(
                label_w, y + bar_h - 3, _clip(bar.label, label_w), cls="chart-label", anchor="end"
            )
        )
        parts.append(
            f'<rect class="{cls}" x="{label_w + 8}" y="{y}" width="{w:.1f}" height="{bar_h}" '
            f'rx="3" fill="{colour}"><title>{escape(bar.label)}: {escape(bar.text)}</title></rect>'
        )
        parts.append(_text(label_w + 8 + w + 6, y + bar_h - 3, bar.text, cls="chart-value"))
    parts.append("</svg>")
    return Markup("".join(parts))


def stacked_bar_chart(
    rows: Sequence[tuple[str, Sequence[float]]],
    series: Sequence[str],
    *,
    title: str,
    width: int = 760,
    normalize: bool = True,
) -> Markup:
    """One horizontal bar per row split into ``series`` segments, with a legend underneath.

    ``normalize`` makes every bar full width (shares); otherwise bars scale to the largest total.
    """
    if not rows:
        return Markup("")
    label_w = _label_width([label for label, _ in rows], limit=220)
    area = width - label_w - 16
    peak = max((sum(values) for _, values in rows), default=0) or 1
    legend_y = len(rows) * 26 + 18
    height = legend_y + 8 + 20 * math.ceil(len(series) / 4)
    parts = [_open(width, height, title, "chart chart-stacked")]
    for i, (label, values) in enumerate(rows):
        y = i * 26 + 4
        parts.append(_text(label_w, y + 14, _clip(label, label_w), cls="chart-label", anchor="end"))
        scale = area / (sum(values) or 1) if normalize else area / peak
        parts += _segments(label, values, series, label_w + 8, y, scale)
    parts += _legend(series, label_w + 8, legend_y, area / 4)
    parts.append("</svg>")
    return Markup("".join(parts))


def _segments(
    label: str, values: Sequence[float], series: Sequence[str], x: float, y: float, scale: float
) -> list[str]:
    total = sum(values) or 1
    parts = []
    for j, value in enumerate(values):
        w = value * scale
        if w <= 0:
            continue
        tip = f"{label} — {series[j]}: {value:g} ({100 * value / total:.0f}%)"
        parts.append(
            f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="18" fill="{_colour(j)}">'
            f"<title>{escape(tip)}</title></rect>"
        )
        x += w
    return parts


def _legend(series: Sequence[str], x: float, y: float, column: float) -> list[str]:
    """Four entries per line: a colour swatch and the series name."""
    parts = []
    for j, name in enumerate(series):
        lx, ly = x + (j % 4) * column, y + 20 * (j // 4)
        parts.append(
            f'<rect x="{lx:.1f}" y="{ly - 10}" width="12" height="12" rx="2" fill="{_colour(j)}"/>'
        )
        parts.append(_text(lx + 17, ly, _clip(name, column - 22), cls="chart-legend"))
    return parts


def line_chart(
    points: Sequence[Point],
    *,
    title: str,
    width: int = 520,
    height: int = 170,
    max_value: float | None = None,
) -> Markup:
    """A small trend line with a dot and tooltip per point, x labels thinned to fit."""
    if not points:
        return Markup("")
    left, right, top, bottom = 12, 56, 14, 26
    plot_w, plot_h = width - left - right, height - top - bottom
    finite = [p.value for p in points if _finite(p.value)]
    peak = max_value or max(finite, default=0) or 1
    step = plot_w / max(len(points) - 1, 1)
    coords = [
        (
            left + i * step if len(points) > 1 else left + plot_w / 2,
            top + plot_h * (1 - _share(p.value, peak)),
        )
        for i, p in enumerate(points)
    ]
    drawn = [(x, y, p) for (x, y), p in zip(coords, points, strict=True) if _finite(p.value)]
    parts = [
        _open(width, height, title, "chart chart-line"),
        f'<line class="axis" x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" '
        f'y2="{top + plot_h}" stroke="#c8ced8"/>',
        *_line_marks(drawn),
    ]
    every = max(1, math.ceil(len(points) / max(plot_w // 60, 1)))  # about one label per 60 px
    for i, ((x, _), point) in enumerate(zip(coords, points, strict=True)):
        if i % every == 0 or i == len(points) - 1:
            parts.append(_text(x, height - 8, point.label, cls="chart-axis", anchor="middle"))
    if drawn:
        x, y, point = drawn[-1]
        parts.append(_text(x + 8, y + 4, point.text, cls="chart-value", weight="600"))
    parts.append("</svg>")
    return Markup("".join(parts))


def _line_marks(drawn: Sequence[tuple[float, float, Point]]) -> list[str]:
    """The polyline through the points that have a value, and a dot with a tooltip on each."""
    parts = []
    if len(drawn) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in drawn)
        parts.append(
            f'<polyline class="line" fill="none" stroke="{PALETTE[0]}" stroke-width="2.5" '
            f'points="{path}"/>'
        )
    for x, y, point in drawn:
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{PALETTE[0]}">'
            f"<title>{escape(point.label)}: {escape(point.text)}</title></circle>"
        )
    return parts


def _open(width: int, height: float, title: str, cls: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{cls}" viewBox="0 0 {width} {height:.0f}" '
        f'width="100%" role="img" aria-label="{escape(title)}" preserveAspectRatio="xMinYMin meet">'
        f"<title>{escape(title)}</title>"
    )


def _text(
    x: float, y: float, text: str, *, cls: str, anchor: str = "start", weight: str = ""
) -> str:
    bold = f' font-weight="{weight}"' if weight else ""
    return (
        f'<text class="{cls}" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" '
        f'font-size="{FONT}"{bold}>{escape(text)}</text>'
    )


def _share(value: float, peak: float) -> float:
    if not _finite(value) or peak <= 0:
        return 0.0
    return min(max(value / peak, 0.0), 1.0)


def _finite(value: float) -> bool:
    return value is not None and not math.isnan(value) and not math.isinf(value)


def _text_width(text: str) -> float:
    return len(text) * FONT * CHAR_WIDTH


def _label_width(labels: Sequence[str], *, limit: float) -> float:
    return min(max((_text_width(label) for label in labels), default=0) + 8, limit)


def _clip(label: str, width: float) -> str:
    """Shorten a label to fit ``width`` px (the full text stays in the bar's tooltip)."""
    fits = max(int(width / (FONT * CHAR_WIDTH)), 4)
    return label if len(label) <= fits else label[: fits - 1].rstrip() + "…"


def _colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]
