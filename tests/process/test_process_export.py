"""Exports: JSON, alignment/gaps CSV, BPMN 2.0 (connected flows, diagram), XES (pm4py), Mermaid."""

from __future__ import annotations

import json
import warnings
import xml.etree.ElementTree as ET
from collections import defaultdict

import pandas as pd
import pytest

from salesmine.process import (
    alignment_frame,
    bpmn_xml,
    discover_process,
    mermaid,
    process_dict,
    write_process,
    xes,
)

BPMN = "{http://www.omg.org/spec/BPMN/20100524/MODEL}"
BPMNDI = "{http://www.omg.org/spec/BPMN/20100524/DI}"
NODE_TAGS = ("startEvent", "endEvent", "task", "exclusiveGateway", "parallelGateway")


@pytest.fixture(scope="module")
def optional_process(team):  # type: ignore[no-untyped-def]
    return discover_process(team, core_threshold=0.9)  # A02 is optional: 4 of 5


def test_write_process_writes_every_file(team_process, tmp_path) -> None:  # type: ignore[no-untyped-def]
    written = write_process(team_process, tmp_path / "out")
    assert sorted(written) == sorted(p.name for p in (tmp_path / "out").iterdir())
    data = json.loads((tmp_path / "out" / "process.json").read_text(encoding="utf-8"))
    assert data["activities"][0]["support_text"] == "5 из 5"
    assert data["variants"][0]["text"] == "«отправить КП» раньше «назначить встречу» — у 1 из 5"
    alignment = pd.read_csv(tmp_path / "out" / "alignment.csv", encoding="utf-8-sig")
    assert list(alignment.columns) == [
        "employee",
        "source",
        "position",
        "quote",
        "step_name",
        "activity_id",
    ]
    assert len(alignment) == len(team_process.steps)
    gaps = pd.read_csv(tmp_path / "out" / "gaps.csv", encoding="utf-8-sig")
    assert sorted(gaps["kind"]) == ["extra", "missing", "order"]


def test_exports_are_byte_identical_across_runs(team, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = write_process(discover_process(team), tmp_path / "a")
    second = write_process(discover_process(team), tmp_path / "b")
    for name, path in first.items():
        assert path.read_bytes() == second[name].read_bytes(), name


def test_bpmn_flows_connect_start_to_end(optional_process) -> None:  # type: ignore[no-untyped-def]
    root = ET.fromstring(bpmn_xml(optional_process).encode("utf-8"))
    model = root.find(f"{BPMN}process")
    assert model is not None
    nodes = {
        el.get("id"): el.tag.split("}")[1] for el in model if el.tag.split("}")[1] in NODE_TAGS
    }
    flows = [
        (f.get("id"), f.get("sourceRef"), f.get("targetRef"))
        for f in model.iter(f"{BPMN}sequenceFlow")
    ]
    assert all(src in nodes and dst in nodes for _, src, dst in flows)
    assert list(nodes.values()).count("task") == 6
    assert list(nodes.values()).count("exclusiveGateway") == 2  # split and join around A02
    forward, backward = defaultdict(set), defaultdict(set)
    for _, src, dst in flows:
        forward[src].add(dst)
        backward[dst].add(src)
    assert _reachable("StartEvent_1", forward) == set(nodes)
    assert _reachable("EndEvent_1", backward) == set(nodes)
    for element in model:  # incoming/outgoing lists agree with the flows
        outgoing = {o.text for o in element.findall(f"{BPMN}outgoing")}
        assert (
            outgoing == {fid for fid, src, _ in flows if src == element.get("id")} or not outgoing
        )


def test_bpmn_has_a_diagram_for_every_element(optional_process) -> None:  # type: ignore[no-untyped-def]
    root = ET.fromstring(bpmn_xml(optional_process).encode("utf-8"))
    model = root.find(f"{BPMN}process")
    drawn = {
        el.get("bpmnElement")
        for el in root.iter()
        if el.tag in (f"{BPMNDI}BPMNShape", f"{BPMNDI}BPMNEdge")
    }
    assert {el.get("id") for el in model} <= drawn  # type: ignore[union-attr]
    xs = [float(b.get("x")) for b in root.iter("{http://www.omg.org/spec/DD/20100524/DC}Bounds")]
    assert xs == sorted(xs)  # laid out left to right


def _reachable(start: str, edges: dict[str, set[str]]) -> set[str]:
    seen, todo = {start}, [start]
    while todo:
        for nxt in edges[todo.pop()] - seen:
            seen.add(nxt)
            todo.append(nxt)
    return seen


def test_xes_loads_in_pm4py_one_trace_per_employee(team_process, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pm4py = pytest.importorskip("pm4py")
    path = tmp_path / "log.xes"
    path.write_text(xes(team_process), encoding="utf-8")
    with warnings.catch_warnings():  # pm4py suggests an optional faster reader
        warnings.simplefilter("ignore")
        log = pm4py.read_xes(str(path))
    assert sorted(log["case:concept:name"].unique()) == sorted(team_process.employees)
    anna = log[log["case:concept:name"] == "Анна"]
    assert list(anna["activity_id"]) == ["A01", "A02", "A03", "A04", "A05", "A06"]
    assert anna["time:timestamp"].is_monotonic_increasing
    assert len(log) == len(team_process.steps)


def test_mermaid_flowchart(optional_process) -> None:  # type: ignore[no-untyped-def]
    text = mermaid(optional_process)
    assert text.startswith("flowchart LR\n")
    assert 'A02["2. уточнить потребность<br/>4 из 5"]:::optional' in text
    assert "    A01 -.-> A03" in text  # the skip around the optional step
    assert "    A06 --> finish" in text


def test_alignment_frame_matches_gold_format(team_process) -> None:  # type: ignore[no-untyped-def]
    frame = alignment_frame(team_process)
    assert frame.iloc[0].to_dict() == {
        "employee": "Анна",
        "source": "anna.txt",
        "position": 1,
        "quote": "Сначала я обзваниваю клиентов из базы",
        "step_name": "обзвонить клиентов из базы",
        "activity_id": "A01",
    }


def test_english_process_exports(interview) -> None:  # type: ignore[no-untyped-def]
    people = [
        interview(
            f"Q: Steps?\n{name}: First I call the lead. Then I send a quote. "
            "Finally I sign the contract.",
            interviewee=name,
            lang="en",
            source=f"{name}.txt",
        )
        for name in ("Ann", "Bob")
    ]
    process = discover_process(people)
    names = [a.name for a in process.activities]
    assert names == ["call the lead", "send a quote", "sign the contract"]
    assert process_dict(process)["activities"][0]["support_text"] == "2 of 2"
    assert "Start" in bpmn_xml(process) and mermaid(process).count("-->") == 4
