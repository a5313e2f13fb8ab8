"""salesmine: sales-department text mining (refusal reasons, manager errors, process, funnel)."""

__version__ = "0.1.0"
