"""Funnel KPIs: stage lists and value matching (``stage_lists``), deals at their furthest stage
(``stages``, ``event_log``), the indicators (``kpis``) by group and period (``groups``) with the
employees of each group (``headcount``)."""

from salesmine.funnel.groups import (
    COMPANY_GROUP,
    GROUP_SEPARATOR,
    MISSING_GROUP,
    available_levels,
    order_levels,
    period_warnings,
)
from salesmine.funnel.kpis import KPI_COLUMNS, compute_kpis, kpi_table
from salesmine.funnel.stage_lists import PRESET_STAGES, normalize_stage, resolve_stages
from salesmine.funnel.stages import (
    StagedDeals,
    assign_stages,
    has_stage_values,
    require_deals,
    stage_deals,
)

__all__ = [
    "COMPANY_GROUP",
    "GROUP_SEPARATOR",
    "KPI_COLUMNS",
    "MISSING_GROUP",
    "PRESET_STAGES",
    "StagedDeals",
    "assign_stages",
    "available_levels",
    "compute_kpis",
    "kpi_table",
    "normalize_stage",
    "order_levels",
    "period_warnings",
    "has_stage_values",
    "require_deals",
    "resolve_stages",
    "stage_deals",
]
