"""The canonical sales process as inline SVG, read left to right and wrapped into rows.

Each activity is a box in canonical order: a solid border for a core step, dashed for an optional
one; the border and the bar inside the box grow with support (how many employees named it).
Arrows join consecutive activities, as thick as the number of employees who tell them in that
order. An order variant between neighbours ("B before A for 3 of 8") is a dashed arc over the
pair. Every label is escaped (activity names come from interviews).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from markupsafe import Markup, escape

from salesmine.process import Process

NODE_W, NODE_H = 156, 74
GAP_X, GAP_Y = 40, 58
PAD = 24
FONT = 12.5
CHARS_PER_LINE = 17
CORE, OPTIONAL, VARIANT = "#2f6fde", "#98a2b3", "#e8833a"


class Node(NamedTuple):
    """A placed activity."""

    id: str
    label: str
    support: int
    core: bool
    x: float
    y: float


def process_diagram(process: Process, *, title: str, width: int = 1000,
                    support_word: str = "", variant_word: str = "") -> Markup:
    """The SVG of ``process``; empty Markup when it has no activities."""
    if not process.activities:
        return Markup("")
    per_row = max(1, int((width - 2 * PAD + GAP_X) // (NODE_W + GAP_X)))
    n = len(process.employees) or 1
    nodes = [
        Node(a.id, a.name, a.support, a.core,
             PAD + (i % per_row) * (NODE_W + GAP_X), PAD + 22 + (i // per_row) * (NODE_H + GAP_Y))
        for i, a in enumerate(process.activities)
    ]
    rows = math.ceil(len(nodes) / per_row)
    height = PAD + 22 + rows * (NODE_H + GAP_Y) - GAP_Y + PAD
    together = _told_in_order(process)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart process-map" viewBox="0 0 {width} '
        f'{height}" width="100%" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        "<defs>",
        _marker("arrow", CORE),
        _marker("arrow-v", VARIANT),
        "</defs>",
    ]
    for a, b in zip(nodes, nodes[1:], strict=False):
        parts.append(_edge(a, b, together.get((a.id, b.id), 0), n, width))
    parts += [_node(node, n, support_word) for node in nodes]
    parts += _variant_arcs(process, nodes, variant_word)
    parts.append("</svg>")
    return Markup("".join(parts))


def _told_in_order(process: Process) -> dict[tuple[str, str], int]:
    """Employees whose own account has activity a somewhere before activity b (first mentions)."""
    counts: dict[tuple[str, str], int] = {}
    for employee in process.employees:
        seen = list(dict.fromkeys(s.activity_id for s in process.steps_of(employee)))
        for i, a in enumerate(seen):
            for b in seen[i + 1:]:
                counts[(a, b)] = counts.get((a, b), 0) + 1
    return counts


def _marker(name: str, colour: str) -> str:
    return (f'<marker id="{name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" '
            f'markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
            f'<path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>')


def _edge(a: Node, b: Node, count: int, n: int, width: int) -> str:
    """An arrow from a to b: straight within a row, an elbow back to the left at a row end."""
    stroke = 1.2 + 4.0 * count / n
    tip = f"{count}/{n}"
    y1, y2 = a.y + NODE_H / 2, b.y + NODE_H / 2
    if b.y == a.y:
        d = f"M{a.x + NODE_W:.1f},{y1:.1f} L{b.x - 3:.1f},{y2:.1f}"
    else:
        turn_x = min(a.x + NODE_W + GAP_X / 2, width - 4)
        mid_y = a.y + NODE_H + GAP_Y / 2
        back_x = max(b.x - GAP_X / 2, 4)
        d = (f"M{a.x + NODE_W:.1f},{y1:.1f} H{turn_x:.1f} V{mid_y:.1f} H{back_x:.1f} "
             f"V{y2:.1f} H{b.x - 3:.1f}")
    return (f'<path class="flow" d="{d}" fill="none" stroke="{CORE}" stroke-opacity="0.55" '
            f'stroke-width="{stroke:.1f}" marker-end="url(#arrow)"><title>{tip}</title></path>')


def _node(node: Node, n: int, support_word: str) -> str:
    share = node.support / n
    colour = CORE if node.core else OPTIONAL
    dash = "" if node.core else ' stroke-dasharray="6 4"'
    fill = "#eaf0fc" if node.core else "#ffffff"
    stroke = 1.2 + 2.4 * share
    cls = "node core" if node.core else "node optional"
    lines = _wrap(node.label)
    text_y = node.y + (32 if len(lines) > 1 else 39)
    label = "".join(
        f'<tspan x="{node.x + 10:.1f}" dy="{0 if i == 0 else FONT + 3}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    bar_w = (NODE_W - 20) * share
    return (
        f'<g class="{cls}" data-activity="{escape(node.id)}">'
        f'<rect x="{node.x:.1f}" y="{node.y:.1f}" width="{NODE_W}" height="{NODE_H}" rx="9" '
        f'fill="{fill}" stroke="{colour}" stroke-width="{stroke:.1f}"{dash}>'
        f"<title>{escape(node.label)} — {support_word} {node.support}/{n}</title></rect>"
        f'<text class="node-no" x="{node.x + 10:.1f}" y="{node.y + 15:.1f}" font-size="11">'
        f"{escape(node.id)}</text>"
        f'<text class="node-support" x="{node.x + NODE_W - 10:.1f}" y="{node.y + 15:.1f}" '
        f'font-size="11" text-anchor="end">{node.support}/{n}</text>'
        f'<text class="node-label" x="{node.x + 10:.1f}" y="{text_y:.1f}" font-size="{FONT}" '
        f'font-weight="600">{label}</text>'
        f'<rect x="{node.x + 10:.1f}" y="{node.y + NODE_H - 12:.1f}" width="{NODE_W - 20}" '
        f'height="4" rx="2" fill="#e3e6eb"/>'
        f'<rect x="{node.x + 10:.1f}" y="{node.y + NODE_H - 12:.1f}" width="{bar_w:.1f}" '
        f'height="4" rx="2" fill="{colour}"/></g>'
    )


def _wrap(label: str, width: int = CHARS_PER_LINE) -> list[str]:
    """Two lines at most, split at spaces; the rest is cut with an ellipsis."""
    lines: list[str] = []
    current = ""
    for word in label.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    lines.append(current)
    if len(lines) > 2:
        lines = [lines[0], " ".join(lines[1:])]
    return [line if len(line) <= width else line[: width - 1] + "…" for line in lines]


def _variant_arcs(process: Process, nodes: Sequence[Node], word: str) -> list[str]:
    """A dashed arc over neighbours in the same row that some employees tell the other way."""
    place = {node.id: node for node in nodes}
    rank = {node.id: i for i, node in enumerate(nodes)}
    parts = []
    for v in process.variants:
        a, b = place.get(v.second), place.get(v.first)  # canonical a then b; told b before a
        if a is None or b is None or rank[b.id] - rank[a.id] != 1 or a.y != b.y or v.count < 2:
            continue
        x1, x2, y = a.x + NODE_W / 2, b.x + NODE_W / 2, a.y
        tip = f"{word} {v.count}/{v.total}: {', '.join(v.employees)}"
        parts.append(
            f'<path class="variant" d="M{x2:.1f},{y:.1f} C{x2:.1f},{y - 26:.1f} {x1:.1f},'
            f'{y - 26:.1f} {x1:.1f},{y - 1:.1f}" fill="none" stroke="{VARIANT}" stroke-width="2" '
            f'stroke-dasharray="5 3" marker-end="url(#arrow-v)"><title>{escape(tip)}</title></path>'
            f'<text class="variant-label" x="{(x1 + x2) / 2:.1f}" y="{y - 22:.1f}" font-size="11" '
            f'text-anchor="middle" fill="{VARIANT}">⇄ {v.count}/{v.total}</text>'
        )
    return parts
