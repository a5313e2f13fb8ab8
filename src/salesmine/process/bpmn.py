"""BPMN 2.0 XML of the canonical process, with diagram layout, for bpmn.io / Camunda Modeler.

Start event -> activities in canonical order -> end event. A core activity is a plain task; an
optional one sits between an exclusive split and join gateway, with a flow that skips it, so the
model says "some do this, some do not". Shapes are laid out left to right on one line and the skip
flows arc above it, so the file opens readable without auto-layout.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from salesmine import __version__
from salesmine.process.model import Activity, Process

NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
}
_SIZES = {
    "startEvent": (36, 36),
    "endEvent": (36, 36),
    "task": (120, 80),
    "exclusiveGateway": (50, 50),
}
_GAP = 50
_MID_Y = 200
_ARC_Y = 110
_LABELS = {"ru": ("Начало", "Конец", "пропустить"), "en": ("Start", "End", "skip")}


@dataclass
class _Node:
    id: str
    kind: str
    name: str
    x: int
    documentation: str = ""
    incoming: list[str] = field(default_factory=list)
    outgoing: list[str] = field(default_factory=list)

    @property
    def width(self) -> int:
        return _SIZES[self.kind][0]

    @property
    def height(self) -> int:
        return _SIZES[self.kind][1]

    @property
    def y(self) -> int:
        return _MID_Y - self.height // 2


@dataclass
class _Flow:
    id: str
    source: _Node
    target: _Node
    name: str = ""
    skip: bool = False


def bpmn_xml(process: Process, *, name: str = "") -> str:
    """The process as a BPMN 2.0 XML document (process model + diagram interchange)."""
    nodes, flows = _layout(process)
    for ns, uri in NS.items():
        ET.register_namespace(ns, uri)
    root = ET.Element(
        _q("bpmn", "definitions"),
        {
            "id": "Definitions_salesmine",
            "targetNamespace": "http://bpmn.io/schema/bpmn",
            "exporter": "salesmine",
            "exporterVersion": __version__,
        },
    )
    title = name or ("Процесс продажи" if process.language == "ru" else "Sales process")
    model = ET.SubElement(
        root, _q("bpmn", "process"), {"id": "Process_sales", "name": title, "isExecutable": "false"}
    )
    for node in nodes:
        _add_node(model, node)
    for flow in flows:
        attrs = {"id": flow.id, "sourceRef": flow.source.id, "targetRef": flow.target.id}
        if flow.name:
            attrs["name"] = flow.name
        ET.SubElement(model, _q("bpmn", "sequenceFlow"), attrs)
    _add_diagram(root, nodes, flows)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _q(ns: str, tag: str) -> str:
    return f"{{{NS[ns]}}}{tag}"


def _layout(process: Process) -> tuple[list[_Node], list[_Flow]]:
    start_label, end_label, skip_label = _LABELS.get(process.language, _LABELS["en"])
    x = 100
    nodes = [_Node("StartEvent_1", "startEvent", start_label, x)]
    flows: list[_Flow] = []
    for activity in process.activities:
        if activity.core:
            nodes.append(_task(activity, _next_x(nodes[-1])))
            continue
        split = _Node(f"Gateway_{activity.id}_split", "exclusiveGateway", "", _next_x(nodes[-1]))
        task = _task(activity, _next_x(split))
        join = _Node(f"Gateway_{activity.id}_join", "exclusiveGateway", "", _next_x(task))
        nodes += [split, task, join]
        flows.append(_Flow(f"Flow_{activity.id}_skip", split, join, skip_label, skip=True))
    nodes.append(_Node("EndEvent_1", "endEvent", end_label, _next_x(nodes[-1])))
    chain = [
        _Flow(f"Flow_{k}", a, b)
        for k, (a, b) in enumerate(zip(nodes, nodes[1:], strict=False), start=1)
    ]
    flows = chain + flows
    for flow in flows:
        flow.source.outgoing.append(flow.id)
        flow.target.incoming.append(flow.id)
    return nodes, flows


def _next_x(node: _Node) -> int:
    return node.x + node.width + _GAP


def _task(activity: Activity, x: int) -> _Node:
    # The task name is the activity name alone, as in the XES log, so that replaying the log on
    # this model (pm4py, Celonis) matches labels; the evidence goes into the documentation.
    support = f"{activity.support}/{activity.n_employees}"
    documentation = f"{activity.id}; {support}; " + " | ".join(activity.quotes)
    return _Node(f"Task_{activity.id}", "task", activity.name, x, documentation)


def _add_node(model: ET.Element, node: _Node) -> None:
    attrs = {"id": node.id}
    if node.name:
        attrs["name"] = node.name
    element = ET.SubElement(model, _q("bpmn", node.kind), attrs)
    if node.documentation:
        ET.SubElement(element, _q("bpmn", "documentation")).text = node.documentation
    for flow_id in node.incoming:
        ET.SubElement(element, _q("bpmn", "incoming")).text = flow_id
    for flow_id in node.outgoing:
        ET.SubElement(element, _q("bpmn", "outgoing")).text = flow_id


def _add_diagram(root: ET.Element, nodes: list[_Node], flows: list[_Flow]) -> None:
    diagram = ET.SubElement(root, _q("bpmndi", "BPMNDiagram"), {"id": "BPMNDiagram_1"})
    plane = ET.SubElement(
        diagram, _q("bpmndi", "BPMNPlane"), {"id": "BPMNPlane_1", "bpmnElement": "Process_sales"}
    )
    for node in nodes:
        shape = ET.SubElement(
            plane, _q("bpmndi", "BPMNShape"), {"id": f"{node.id}_di", "bpmnElement": node.id}
        )
        if node.kind == "exclusiveGateway":
            shape.set("isMarkerVisible", "true")
        ET.SubElement(
            shape,
            _q("dc", "Bounds"),
            {
                "x": str(node.x),
                "y": str(node.y),
                "width": str(node.width),
                "height": str(node.height),
            },
        )
    for flow in flows:
        edge = ET.SubElement(
            plane, _q("bpmndi", "BPMNEdge"), {"id": f"{flow.id}_di", "bpmnElement": flow.id}
        )
        for x, y in _waypoints(flow):
            ET.SubElement(edge, _q("di", "waypoint"), {"x": str(x), "y": str(y)})


def _waypoints(flow: _Flow) -> list[tuple[int, int]]:
    source, target = flow.source, flow.target
    if not flow.skip:
        return [(source.x + source.width, _MID_Y), (target.x, _MID_Y)]
    left, right = source.x + source.width // 2, target.x + target.width // 2
    return [(left, source.y), (left, _ARC_Y), (right, _ARC_Y), (right, target.y)]
