"""The reports pane: one period for every chart, key figures, targets, snapshots, PDF export.

pyqtgraph is imported the first time the pane is shown (ensure_built), so starting the app
and opening the board never pay for it. All numbers come from report_details.bundle(), the
same code path as the JSON reports and the PDF.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Callable

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.events import Change
from app.domain.periods import Period
from app.services import Services
from app.services.report_details import PendingReports, start_bundle
from app.ui import format as fmt
from app.ui.funnel.period import PeriodSelector
from app.ui.widgets import KeyFigure

EMPTY_MONEY_AXIS = 1000_00  # an empty money chart shows €0 … €1,000
REFRESH_DELAY_MS = 120  # coalesce bursts of writes (an import, a multi-move) into one refresh

FIGURES = (
    "open_deals",
    "pipeline_value",
    "weighted_value",
    "won_value",
    "win_rate",
    "average_deal",
    "average_cycle",
    "leads_entered",
    "new_customers",
    "cac",
)


def _fill(text: str, *args: object) -> str:
    """Qt-style %1 %2 placeholders, filled once left to right (translations may reorder)."""
    for i, arg in enumerate(args, start=1):
        text = text.replace(f"%{i}", str(arg))
    return text


class ReportsPane(QWidget):
    """Reports of one pipeline over one period; refreshes after every committed write."""

    ready = Signal()  # the charts are built and show the current data

    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
    ):
        if isinstance(undo_stack, QWidget):  # ReportsPane(services, parent) also works
            parent, undo_stack = undo_stack, None
        super().__init__(parent)
        self.services = services
        self.undo_stack = undo_stack
        self.built = False
        self.dirty = True
        self.data: dict | None = None
        self.cards: dict = {}
        self.figures: dict[str, KeyFigure] = {}
        self.today = dt.date.today  # a function, so a pane left open overnight moves on

        self.period_selector = PeriodSelector(self, kind="year")
        self.period_selector.periodChanged.connect(self._period_changed)
        self.pipeline_label = QLabel(self.tr("Pipeline"))
        self.pipeline_combo = QComboBox()
        self.pipeline_combo.currentIndexChanged.connect(self._pipeline_changed)
        self.target_button = QPushButton(self.tr("Set target…"))
        self.target_button.clicked.connect(self.edit_target)
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export PDF…"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        for text, kind in (
            (self.tr("Pipeline report…"), "pipeline"),
            (self.tr("Funnel report…"), "funnel"),
            (self.tr("Report pack (all reports)…"), "pack"),
        ):
            menu.addAction(text, lambda kind=kind: self.export(kind))
        self.export_button.setMenu(menu)

        bar = QHBoxLayout()
        bar.addWidget(self.period_selector)
        bar.addSpacing(12)
        bar.addWidget(self.pipeline_label)
        bar.addWidget(self.pipeline_combo)
        bar.addStretch(1)
        bar.addWidget(self.target_button)
        bar.addWidget(self.export_button)

        self.content = QWidget()
        self.content_layout = QVBoxLayout(self.content)
        self.loading = QLabel(self.tr("Loading reports…"))
        self.content_layout.addWidget(self.loading)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.content)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._fill_pipelines()
        # The services' signal holds only a weak reference: a closed pane is not kept alive.
        ref = weakref.ref(self)

        def on_change(change: Change) -> None:
            pane = ref()
            if pane is None:
                services.changed.disconnect(on_change)
                return
            pane._on_change(change)

        self._on_change_slot = on_change
        services.changed.connect(on_change)
        self.destroyed.connect(lambda *_: _disconnect(services, on_change))

    # ---- state ---------------------------------------------------------------------------
    def period(self) -> Period:
        return self.period_selector.period()

    def pipeline_id(self) -> int:
        return self.pipeline_combo.currentData() or self.services.stages.pipeline_id(None)

    def set_period(self, start: dt.date, end: dt.date) -> None:
        self.period_selector.set_custom(start, end)

    def _fill_pipelines(self) -> None:
        current = self.pipeline_combo.currentData()
        pipelines = self.services.stages.pipelines()
        self.pipeline_combo.blockSignals(True)
        self.pipeline_combo.clear()
        for pipeline_id, name in pipelines:
            self.pipeline_combo.addItem(fmt.stage(name), pipeline_id)
        index = self.pipeline_combo.findData(current)
        self.pipeline_combo.setCurrentIndex(max(index, 0))
        self.pipeline_combo.blockSignals(False)
        several = len(pipelines) > 1
        self.pipeline_combo.setVisible(several)
        self.pipeline_label.setVisible(several)

    def _period_changed(self, _period) -> None:
        self.refresh()

    def _pipeline_changed(self, _index) -> None:
        self.refresh()

    def _on_change(self, change: Change) -> None:
        if change.kind in ("stage", "all"):
            self._fill_pipelines()
        if self.built and self.isVisible():
            self._timer.start()
        else:
            self.dirty = True

    # ---- building ------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self.built:
            # After the first paint, so switching to the pane shows it at once.
            QTimer.singleShot(0, self.ensure_built)
        elif self.dirty:
            self.refresh()

    def ensure_built(self) -> None:
        if self.built:
            return
        # The reports are read in worker threads while the charts are built here.
        pending = self._start_reading()
        from app.ui.reports import charts
        from app.ui.reports.snapshots import SnapshotsPanel
        from app.ui.reports.targets import TargetsStrip

        money = self._short_money
        self.cards = {
            "pipeline": charts.PipelineCard(
                self.tr("Pipeline value per stage"),
                [("value", self.tr("Value")), ("weighted", self.tr("Weighted value"))],
                money,
            ),
            "won": charts.TargetBarsCard(
                self.tr("Won value per month and target"),
                self.tr("Won value"),
                self.tr("Target"),
                money,
            ),
            "funnel_conversion": charts.ConversionCard(self.tr("Funnel conversion per step")),
            "pipeline_conversion": charts.ConversionCard(self.tr("Pipeline conversion per step")),
            "win_rate": charts.LineCard(self.tr("Win rate per month"), fmt.percent),
            "cycle": charts.LineCard(
                self.tr("Average sales cycle per month (days)"),
                lambda v: QLocale().toString(v, "f", 0),
            ),
            "forecast": charts.ForecastCard(
                self.tr("Forecast: expected won value per month of expected close"),
                [("value", self.tr("Value")), ("expected", self.tr("Expected value"))],
                money,
            ),
        }
        self.velocity = self._velocity_card()
        self.content_layout.removeWidget(self.loading)
        self.loading.hide()
        self.loading.deleteLater()

        figures = QGridLayout()
        captions = {
            "open_deals": self.tr("Open deals"),
            "pipeline_value": self.tr("Pipeline value"),
            "weighted_value": self.tr("Weighted value"),
            "won_value": self.tr("Won value"),
            "win_rate": self.tr("Win rate"),
            "average_deal": self.tr("Average deal size"),
            "average_cycle": self.tr("Average sales cycle"),
            "leads_entered": self.tr("Leads entered"),
            "new_customers": self.tr("New customers"),
            "cac": self.tr("Cost per customer (CAC)"),
        }
        for i, key in enumerate(FIGURES):
            self.figures[key] = KeyFigure(captions[key], compact=True)
            figures.addWidget(self.figures[key], i // 5, i % 5)
        self.content_layout.addLayout(figures)

        self.content_layout.addWidget(self._heading(self.tr("Targets")))
        self.targets = TargetsStrip(self.services)
        self.content_layout.addWidget(self.targets)

        grid = QGridLayout()
        order = [
            ("pipeline", "won"),
            ("funnel_conversion", "pipeline_conversion"),
            ("win_rate", "cycle"),
            ("forecast", None),
        ]
        for r, (left, right) in enumerate(order):
            grid.addWidget(self.cards[left], r, 0)
            grid.addWidget(self.cards[right] if right else self.velocity, r, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.content_layout.addLayout(grid)

        self.content_layout.addWidget(self._heading(self.tr("Pipeline snapshots")))
        self.snapshots = SnapshotsPanel(self.services)
        self.content_layout.addWidget(self.snapshots)
        self.content_layout.addStretch(1)
        self.built = True
        self._apply_palette()
        self.refresh(pending)
        self.ready.emit()

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        font = QFont(label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        label.setFont(font)
        return label

    def _velocity_card(self) -> QFrame:
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(self.tr("Pipeline velocity"))
        font = QFont(title.font())
        font.setBold(True)
        title.setFont(font)
        self.velocity_value = QLabel("—")
        big = QFont(font)
        big.setPointSizeF(font.pointSizeF() * 2.2)
        self.velocity_value.setFont(big)
        self.velocity_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.velocity_formula = QLabel()
        self.velocity_formula.setWordWrap(True)
        explain = QLabel(
            self.tr(
                "Expected won value per day: open deals × win rate × average deal size "
                "÷ average sales cycle, with the rates of the selected period."
            )
        )
        explain.setWordWrap(True)
        explain.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(card)
        layout.addWidget(title)
        layout.addStretch(1)
        layout.addWidget(self.velocity_value)
        layout.addWidget(self.velocity_formula)
        layout.addStretch(1)
        layout.addWidget(explain)
        return card

    # ---- data ----------------------------------------------------------------------------
    def _currency(self) -> str:
        # The one read with the reports: axis labels and hover texts format many amounts.
        return self.data["currency"] if self.data else self.services.currency()

    def _short_money(self, minor: float) -> str:
        return fmt.short_money(minor, self._currency())

    def _money(self, minor: float | None, decimals: bool = True) -> str:
        return fmt.money(minor, self._currency(), decimals=decimals)

    def _month(self, key: str) -> str:
        return f"{QLocale().monthName(int(key[5:7]))} {key[:4]}"

    def _start_reading(self) -> PendingReports:
        return start_bundle(self.services, self.pipeline_id(), self.period(), today=self.today())

    def refresh(self, pending: PendingReports | None = None) -> None:
        """Read every report for the period and pipeline and show it (also when hidden).

        `pending`: reads begun by _start_reading() for the current period and pipeline."""
        if not self.built:
            self.dirty = True
            return
        self._timer.stop()
        self.dirty = False
        if pending is None:
            pending = self._start_reading()
        self.data = data = pending.data  # filled in as the reports come
        today = data["today"]
        parts: list[tuple[tuple[str, ...], Callable[[dict], None]]] = [
            (("pipeline", "deal_metrics", "funnel"), self._show_figures),
            (("pipeline",), self._show_pipeline),
            (("monthly", "monthly_won_target"), self._show_won),
            (("funnel", "pipeline_conversion"), self._show_conversions),
            (("monthly",), self._show_monthly_rates),
            (("forecast",), self._show_forecast),
            (("deal_metrics",), self._show_velocity),
            (("targets",), lambda data: self.targets.refresh(data["targets"], today)),
        ]
        # Each part as soon as its reports are read, while the others are still being read.
        for _key, _report in pending.ready():
            for part in [p for p in parts if all(key in data for key in p[0])]:
                parts.remove(part)
                part[1](data)
        self.snapshots.set_pipeline(data["pipeline_id"])
        self.snapshots.refresh()

    def _show_figures(self, data: dict) -> None:
        total, m, f = data["pipeline"]["total"], data["deal_metrics"], data["funnel"]
        cycle = m["average_cycle_days"]
        values = {
            "open_deals": QLocale().toString(total["count"]),
            "pipeline_value": self._money(total["value_minor"], False),
            "weighted_value": self._money(total["weighted_value_minor"], False),
            "won_value": self._money(m["won_value_minor"], False),
            "win_rate": fmt.percent(m["win_rate"]),
            "average_deal": self._money(m["average_deal_minor"], False),
            "average_cycle": "—"
            if cycle is None
            else _fill(self.tr("%1 days"), QLocale().toString(cycle, "f", 1)),
            "leads_entered": QLocale().toString(f["leads_entered"]),
            "new_customers": QLocale().toString(f["new_customers"]),
            "cac": self._money(f["cac_minor"], False),
        }
        for key, text in values.items():
            self.figures[key].value.setText(text)
        as_of = data["as_of"]
        self.figures["open_deals"].setToolTip(
            _fill(self.tr("Open deals as of %1"), fmt.date(as_of.date()))
            if as_of
            else self.tr("Open deals now")
        )

    def _show_pipeline(self, data: dict) -> None:
        card, stages = self.cards["pipeline"], data["pipeline"]["stages"]
        card.set_values(
            {
                "value": [s["value_minor"] for s in stages],
                "weighted": [s["weighted_value_minor"] for s in stages],
            }
        )

        def describe(i: int) -> str:
            s = stages[i]
            return _fill(
                self.tr("%1: %2 deals · value %3 · weighted %4"),
                fmt.stage(s["stage"]),
                QLocale().toString(s["count"]),
                self._money(s["value_minor"]),
                self._money(s["weighted_value_minor"]),
            )

        card.set_categories([fmt.stage(s["stage"]) for s in stages], describe)
        card.fit_y(card.top, EMPTY_MONEY_AXIS)

    def _show_won(self, data: dict) -> None:
        card, months = self.cards["won"], data["monthly"]
        card.set_values({"won": [m["won_value_minor"] for m in months]})
        targets = data["monthly_won_target"]
        card.set_target(targets)

        def describe(i: int) -> str:
            m = months[i]
            target = targets[i]
            return _fill(
                self.tr("%1: won %2 (%3 deals) · target %4"),
                self._month(m["month"]),
                self._money(m["won_value_minor"]),
                QLocale().toString(m["won"]),
                "—" if target is None else self._money(target),
            )

        card.set_months([m["month"] for m in months], QLocale(), describe)
        card.fit_y(card.top, EMPTY_MONEY_AXIS)

    def _show_conversions(self, data: dict) -> None:
        for key, report in (
            ("funnel_conversion", data["funnel"]),
            ("pipeline_conversion", data["pipeline_conversion"]),
        ):
            card = self.cards[key]
            stages = report["stages"]
            names = [
                self.tr("Won") if s["stage"] == "won" else fmt.stage(s["stage"]) for s in stages
            ]
            steps = list(range(1, len(stages)))
            card.set_values({"rate": [stages[k]["conversion_from_previous"] or 0 for k in steps]})

            def describe(i, stages=stages, names=names):
                k = i + 1
                return _fill(
                    self.tr("%1 → %2: %3 of %4 (%5)"),
                    names[k - 1],
                    names[k],
                    QLocale().toString(stages[k]["reached"]),
                    QLocale().toString(stages[k - 1]["reached"]),
                    fmt.percent(stages[k]["conversion_from_previous"]),
                )

            card.set_categories([names[k] for k in steps], describe)
            card.set_y(1.05)

    def _show_monthly_rates(self, data: dict) -> None:
        months = data["monthly"]
        keys = [m["month"] for m in months]
        rate, cycle = self.cards["win_rate"], self.cards["cycle"]
        rate.set_points([m["win_rate"] for m in months])
        cycle.set_points([m["average_cycle_days"] for m in months])

        def describe_rate(i: int) -> str:
            m = months[i]
            return _fill(
                self.tr("%1: win rate %2 (%3 won, %4 lost)"),
                self._month(m["month"]),
                fmt.percent(m["win_rate"]),
                QLocale().toString(m["won"]),
                QLocale().toString(m["lost"]),
            )

        def describe_cycle(i: int) -> str:
            m = months[i]
            days = m["average_cycle_days"]
            return _fill(
                self.tr("%1: average sales cycle %2 (%3 won)"),
                self._month(m["month"]),
                "—" if days is None else _fill(self.tr("%1 days"), QLocale().toString(days)),
                QLocale().toString(m["won"]),
            )

        rate.set_months(keys, QLocale(), describe_rate)
        cycle.set_months(keys, QLocale(), describe_cycle)
        rate.set_y(1.05)
        cycle.fit_y(cycle.top, 10)

    def _show_forecast(self, data: dict) -> None:
        card, rows = self.cards["forecast"], data["forecast"]
        card.set_values(
            {
                "value": [f["value_minor"] for f in rows],
                "expected": [f["expected_value_minor"] for f in rows],
            }
        )

        def describe(i: int) -> str:
            f = rows[i]
            return _fill(
                self.tr("%1: %2 deals expected to close · value %3 · expected %4"),
                self._month(f["month"]),
                QLocale().toString(f["count"]),
                self._money(f["value_minor"]),
                self._money(f["expected_value_minor"]),
            )

        card.set_months([f["month"] for f in rows], QLocale(), describe)
        card.fit_y(card.top, EMPTY_MONEY_AXIS)

    def _show_velocity(self, data: dict) -> None:
        m = data["deal_metrics"]
        velocity = m["velocity_minor_per_day"]
        self.velocity_value.setText(
            "—" if velocity is None else _fill(self.tr("%1 per day"), self._money(velocity, False))
        )
        if velocity is None:
            self.velocity_formula.setText(
                self.tr("Needs won deals in the period (win rate, deal size and cycle).")
            )
            return
        self.velocity_formula.setText(
            _fill(
                self.tr("%1 open deals × %2 × %3 ÷ %4 days"),
                QLocale().toString(m["open_deals"]),
                fmt.percent(m["win_rate"]),
                self._money(m["average_deal_minor"], False),
                QLocale().toString(m["average_cycle_days"]),
            )
        )

    # ---- colours -------------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.built:
            self._apply_palette()

    def _apply_palette(self) -> None:
        palette = self.palette()
        for card in self.cards.values():
            card.apply_palette(palette)

    # ---- actions -------------------------------------------------------------------------
    def edit_target(self) -> None:
        from app.ui.reports.targets import TargetDialog

        dialog = TargetDialog(self.services, self)
        dialog.open()

    def export(self, kind: str) -> None:
        from app.ui.reports.export import export_report

        export_report(self, self.services, kind, self.pipeline_id(), self.period())


def _disconnect(services: Services, slot) -> None:
    try:
        services.changed.disconnect(slot)
    except ValueError:
        pass


__all__ = ["FIGURES", "ReportsPane"]
