"""Inline SVG charts: well-formed, escaped, scaled by value."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import pytest

from salesmine.report.charts import (
    Bar,
    Point,
    bar_chart,
    funnel_chart,
    line_chart,
    stacked_bar_chart,
)

SVG = "{http://www.w3.org/2000/svg}"
EVIL = '<script>alert(1)</script> & "Ко"'


def parse(svg: str) -> ET.Element:
    return ET.fromstring(str(svg))


def texts(svg: str) -> list[str]:
    return [el.text or "" for el in parse(svg).iter(f"{SVG}text")]


CHARTS = {
    "funnel": lambda label: funnel_chart(
        [Bar(label, 10, "10"), Bar("B", 4, "4")], ["40 %"], title=label
    ),
    "bars": lambda label: bar_chart(
        [Bar(label, 0.5, "50 %"), Bar("B", 0.2, "20 %", muted=True)], title=label
    ),
    "stacked": lambda label: stacked_bar_chart(
        [(label, [3, 1]), ("B", [0, 2])], [label, "other"], title=label
    ),
    "line": lambda label: line_chart(
        [Point(label, 0.2, "20 %"), Point("B", math.nan, "—"), Point("C", 0.4, "40 %")], title=label
    ),
}


@pytest.mark.parametrize("name", CHARTS)
def test_chart_is_well_formed_and_escapes_labels(name):
    svg = str(CHARTS[name](EVIL))
    root = parse(svg)  # raises on broken markup
    assert root.get("role") == "img"
    assert "<script>" not in svg
    everything = " ".join(el.text or "" for el in root.iter())
    assert "<script>alert(1)</script>" in everything or "<script>alert(1)…" in everything


@pytest.mark.parametrize("name", CHARTS)
def test_chart_of_nothing_is_empty(name):
    empty = {
        "funnel": lambda: funnel_chart([], [], title="t"),
        "bars": lambda: bar_chart([], title="t"),
        "stacked": lambda: stacked_bar_chart([], [], title="t"),
        "line": lambda: line_chart([], title="t"),
    }
    assert str(empty[name]()) == ""


def test_funnel_bars_are_proportional_and_show_conversions():
    svg = funnel_chart(
        [Bar("Контакт", 100, "100"), Bar("Встреча", 50, "50"), Bar("Договор", 0, "0")],
        ["50,0 %", "0,0 %"],
        title="Воронка",
    )
    widths = [float(r.get("width")) for r in parse(svg).iter(f"{SVG}rect")]
    assert widths[1] == pytest.approx(widths[0] / 2, abs=0.1)
    assert widths[2] > 0  # an empty stage still shows a sliver
    assert "↓ 50,0 %" in texts(svg) and "↓ 0,0 %" in texts(svg)
    assert {"Контакт", "Встреча", "Договор", "100", "50", "0"} <= set(texts(svg))


def test_bar_chart_scales_to_max_value_and_clips_long_labels():
    long = "Москва / Корпоративный отдел продаж крупным клиентам / Иванова-Петрова Анна Сергеевна"
    svg = bar_chart([Bar("a", 0.25, "25 %"), Bar(long, 1.0, "100 %")], title="t", max_value=1.0)
    widths = [float(r.get("width")) for r in parse(svg).iter(f"{SVG}rect")]
    assert widths[0] == pytest.approx(widths[1] / 4, abs=0.1)  # one decimal in the markup
    assert any(t.endswith("…") for t in texts(svg))
    titles = [el.text for el in parse(svg).iter(f"{SVG}title")]
    assert any(long in (t or "") for t in titles)  # the full label stays in the tooltip


def test_stacked_bars_fill_the_row_when_normalized():
    svg = stacked_bar_chart([("a", [1, 3]), ("b", [2, 2])], ["x", "y"], title="t")
    rects = [r for r in parse(svg).iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    a = [float(r.get("width")) for r in rects[:2]]
    b = [float(r.get("width")) for r in rects[2:4]]
    assert sum(a) == pytest.approx(sum(b), abs=0.2)
    assert a[1] == pytest.approx(3 * a[0], abs=0.2)


def test_line_chart_skips_missing_values():
    svg = line_chart(
        [Point("01", 0.1, "10 %"), Point("02", math.nan, "—"), Point("03", 0.3, "30 %")], title="t"
    )
    circles = list(parse(svg).iter(f"{SVG}circle"))
    assert len(circles) == 2
    assert "30 %" in texts(svg)
