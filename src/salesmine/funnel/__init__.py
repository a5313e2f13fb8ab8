"""Funnel KPIs: stage order and mapping (``stages``), the indicators by any grouping (``kpis``)."""

from salesmine.funnel.kpis import (
    COMPANY_GROUP,
    GROUP_SEPARATOR,
    KPI_COLUMNS,
    MISSING_GROUP,
    available_levels,
    compute_kpis,
    kpi_table,
    order_levels,
    period_warnings,
)
from salesmine.funnel.stages import (
    PRESET_STAGES,
    StagedDeals,
    assign_stages,
    has_stage_values,
    normalize_stage,
    require_deals,
    resolve_stages,
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
