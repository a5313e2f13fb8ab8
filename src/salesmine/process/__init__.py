"""Sales-process discovery: employees' interviews -> ordered steps -> one canonical process.

``discover_process(transcripts)`` extracts each interviewee's steps (``extract_steps``), merges
paraphrases into shared activities in canonical order (``merge_steps``), and lists each
employee's missing / extra / out-of-order steps (``find_gaps``). ``write_process`` exports
process.json, alignment.csv, gaps.csv, BPMN 2.0, XES and Mermaid. English texts are read as
interviews or as process descriptions (``reading_mode``; ``mode=`` forces one).
"""

from salesmine.process.align import canonical_order, order_variants
from salesmine.process.bpmn import bpmn_xml
from salesmine.process.discovery import discover_process, employee_names
from salesmine.process.english_description import reading_mode
from salesmine.process.export import (
    alignment_frame,
    gaps_frame,
    mermaid,
    process_dict,
    write_process,
    xes,
)
from salesmine.process.gaps import employee_gaps, find_gaps
from salesmine.process.merge import MergeSettings, cluster_steps, merge_steps, similarity_matrix
from salesmine.process.model import PERSONAL, Activity, Gap, OrderVariant, Process, Step
from salesmine.process.naming import describe
from salesmine.process.similarity import Weights
from salesmine.process.steps import extract_steps

__all__ = [
    "PERSONAL",
    "Activity",
    "Gap",
    "MergeSettings",
    "OrderVariant",
    "Process",
    "Step",
    "Weights",
    "alignment_frame",
    "bpmn_xml",
    "canonical_order",
    "cluster_steps",
    "describe",
    "discover_process",
    "employee_gaps",
    "employee_names",
    "extract_steps",
    "find_gaps",
    "gaps_frame",
    "merge_steps",
    "mermaid",
    "order_variants",
    "process_dict",
    "reading_mode",
    "similarity_matrix",
    "write_process",
    "xes",
]
