"""The funnel view: key figures, the painted funnel for a period and filters, and a click on a
bar that asks for the companies behind it."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QMetaMethod, Signal
from PySide6.QtGui import QPalette, QUndoStack
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.periods import Period
from app.services import Services
from app.services.company_queries import Cohort, CompanyFilter, CompanyQueries
from app.services.reports import FunnelFilter
from app.ui import format as fmt
from app.ui.companies.common import ChoiceCombo, RefreshOnChange
from app.ui.funnel.chart import Bar, FunnelChart
from app.ui.funnel.period import PeriodSelector
from app.ui.widgets import KeyFigure

FIGURES = (
    "leads_entered",
    "new_customers",
    "overall_conversion",
    "spend",
    "cac",
    "expected_new_customers",
)


class FunnelView(QWidget):
    """cohortRequested(CompanyFilter, description): connect to CompaniesView.show_cohort."""

    cohortRequested = Signal(object, str)
    spendRequested = Signal()  # "Acquisition spend…" was clicked (connect to open the dialog)

    def __init__(self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self._services, self._stack = services, undo_stack
        self._queries = CompanyQueries(services)
        self._locale = QLocale()
        self._currency = services.currency()
        self._report: dict = {}
        self._stages: list[tuple[int, str]] = []
        self._build()
        self.refresh()
        self._watch = RefreshOnChange(
            self, services, self.refresh, kinds=("company", "deal", "stage", "settings", "all")
        )

    def _build(self) -> None:
        self.period_selector = PeriodSelector(self)
        self.period_selector.periodChanged.connect(lambda _p: self.refresh())
        q = self._queries
        self.group_filter = ChoiceCombo(self.tr("All groups"), lambda: [(g, g) for g in q.groups()])
        self.source_filter = ChoiceCombo(
            self.tr("All sources"), lambda: [(s, s) for s in q.sources()]
        )
        for combo in (self.group_filter, self.source_filter):
            combo.activated.connect(lambda _i: self.refresh())
        self.spend_button = QPushButton(self.tr("Acquisition spend…"))
        self.spend_button.clicked.connect(self._open_spend)
        top = QHBoxLayout()
        top.addWidget(self.period_selector)
        top.addSpacing(12)
        top.addWidget(self.group_filter)
        top.addWidget(self.source_filter)
        top.addStretch(1)
        top.addWidget(self.spend_button)

        definitions = {
            "leads_entered": (
                self.tr("Leads entered"),
                self.tr("Companies whose date entered falls in the period."),
            ),
            "new_customers": (
                self.tr("New customers"),
                self.tr("Companies that reached the last funnel stage in the period."),
            ),
            "overall_conversion": (
                self.tr("Overall conversion"),
                self.tr("Of the leads entered, the share that reached the last stage."),
            ),
            "spend": (
                self.tr("Acquisition spend"),
                self.tr("Spend entered for the months of the period (the source's only)."),
            ),
            "cac": (
                self.tr("CAC"),
                self.tr("Customer acquisition cost: spend in the period / new customers."),
            ),
            "expected_new_customers": (
                self.tr("Expected new customers"),
                self.tr(
                    "Forecast: companies now at each stage × the historical conversion from "
                    "that stage to the last."
                ),
            ),
        }
        self.figures: dict[str, KeyFigure] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        for column, key in enumerate(FIGURES):
            caption, definition = definitions[key]
            self.figures[key] = KeyFigure(caption, definition, self)
            grid.addWidget(self.figures[key], 0, column)
            grid.setColumnStretch(column, 1)

        self.chart = FunnelChart(self)
        self.chart.barClicked.connect(self.request_cohort)
        self.note = QLabel()
        self.note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.note)

    # ---- state ---------------------------------------------------------------------------
    def period(self) -> Period:
        return self.period_selector.period()

    def funnel_filter(self) -> FunnelFilter:
        return FunnelFilter(
            group=self.group_filter.currentData(), source=self.source_filter.currentData()
        )

    def set_filters(self, group: str | None = None, source: str | None = None) -> None:
        self.group_filter.set_value(group)
        self.source_filter.set_value(source)
        self.refresh()

    @property
    def report(self) -> dict:
        """The funnel report shown now (ReportService.funnel for the period and filters)."""
        return self._report

    # ---- refresh -------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if hasattr(self, "_watch"):
            self._watch.shown()

    def refresh(self) -> None:
        if hasattr(self, "_watch"):
            self._watch.mark_fresh()
        period, flt = self.period(), self.funnel_filter()
        self._stages = self._services.stages.funnel_stages()
        report = self._services.reports.funnel(period, flt)
        self._report = report
        L = self._locale
        self.figures["leads_entered"].set_value(L.toString(report["leads_entered"]))
        self.figures["new_customers"].set_value(L.toString(report["new_customers"]))
        self.figures["overall_conversion"].set_value(
            fmt.percent(report["overall_conversion"], L, 1)
        )
        self.figures["spend"].set_value(
            fmt.money(report["spend_minor"], self._currency, L, decimals=False)
        )
        self.figures["cac"].set_value(fmt.money(report["cac_minor"], self._currency, L))
        self.figures["expected_new_customers"].set_value(
            L.toString(float(report["forecast"]["expected_new_customers"]), "f", 1)
        )
        first = report["stages"][0]["reached"] if report["stages"] else 0
        bars = [
            Bar(
                stage_id=stage_id,
                name=fmt.stage(row["stage"]),
                reached=row["reached"],
                of_previous=row["conversion_from_previous"],
                of_first=(row["reached"] / first) if first else None,
            )
            for (stage_id, _), row in zip(self._stages, report["stages"], strict=True)
        ]
        self.chart.set_bars(bars)
        self.note.setText(
            self.tr(
                "Each bar: the companies that entered the funnel from %1 to %2 and have got "
                "to that stage or further. Click a bar to list them."
            )
            .replace("%1", fmt.date(period.start, L))
            .replace("%2", fmt.date(period.end, L))
        )
        self.note.setForegroundRole(QPalette.ColorRole.PlaceholderText)

    # ---- cohorts -------------------------------------------------------------------------
    def cohort_filter(self, k: int) -> CompanyFilter:
        """The companies behind bar k, exactly as the report counted them."""
        period, flt = self.period(), self.funnel_filter()
        stage_id = self._stages[k][0]
        return CompanyFilter(
            group=flt.group,
            source=flt.source,
            cohort=Cohort(period.start, period.end, stage_id),
        )

    def cohort_description(self, k: int) -> str:
        period, flt = self.period(), self.funnel_filter()
        text = (
            self.tr("Entered %1 – %2, reached %3")
            .replace("%1", fmt.date(period.start, self._locale))
            .replace("%2", fmt.date(period.end, self._locale))
            .replace("%3", fmt.stage(self._stages[k][1]))
        )
        extra = [v for v in (flt.group, flt.source) if v]
        return text + (f" ({', '.join(extra)})" if extra else "")

    def request_cohort(self, k: int) -> None:
        if 0 <= k < len(self._stages):
            self.cohortRequested.emit(self.cohort_filter(k), self.cohort_description(k))

    def _open_spend(self) -> None:
        """The main window opens the dialog when it listens; standing alone, the view does."""
        signal = QMetaMethod.fromSignal(self.spendRequested)
        if self.isSignalConnected(signal):
            self.spendRequested.emit()
            return
        from app.ui.dialogs.spend import SpendDialog

        # Saved spend announces a "settings" change, which refreshes the figures.
        SpendDialog(self._services, self).exec()
