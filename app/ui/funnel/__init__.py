"""The funnel view: key figures and the painted funnel of a period's cohort."""

from app.ui.funnel.chart import FunnelChart
from app.ui.funnel.view import FunnelView

__all__ = ["FunnelChart", "FunnelView"]
