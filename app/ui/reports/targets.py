"""Targets: a progress strip (actual / target and the projection) and the dialog to set one."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.counts import parse_count
from app.domain.money import parse_amount
from app.domain.periods import period_of
from app.services import ServiceError, Services
from app.ui import format as fmt
from app.ui.errors import refusal

PROGRESS_SCALE = 1000  # progress bars count in tenths of a percent


def metric_name(metric: str) -> str:
    names = {
        "won_value": QCoreApplication.translate("Targets", "Won value"),
        "won_deals": QCoreApplication.translate("Targets", "Won deals"),
        "new_leads": QCoreApplication.translate("Targets", "New leads"),
        "activities": QCoreApplication.translate("Targets", "Activities"),
    }
    return names[metric]


def period_name(kind: str, start: dt.date) -> str:
    if kind == "month":
        return f"{QLocale().monthName(start.month)} {start.year}"
    if kind == "quarter":
        return (
            QCoreApplication.translate("Targets", "Q%1 %2")
            .replace("%1", str((start.month - 1) // 3 + 1))
            .replace("%2", str(start.year))
        )
    return str(start.year)


def amount_text(metric: str, amount: int | float, currency: str) -> str:
    if metric == "won_value":
        return fmt.money(amount, currency, decimals=False)
    return QLocale().toString(round(amount))


class TargetsStrip(QWidget):
    """Targets whose period contains today: a row per metric (and owner), a column per period
    kind; each cell a bar (actual / target) over the projection to the period's end.
    Small enough for the board's header too."""

    KINDS = ("month", "quarter", "year")

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(2)
        self.empty = QLabel(self.tr("No targets for the current month, quarter or year."))
        self.rows: list[dict] = []  # per target: the data and its widgets, for tests

    def refresh(self, targets: list[dict] | None = None, today: dt.date | None = None) -> None:
        if targets is None:
            targets = self.services.reports.targets(today or dt.date.today())
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None and item.widget() is not self.empty:
                item.widget().deleteLater()
        self.rows = []
        if not targets:
            self.grid.addWidget(self.empty, 0, 0)
            self.empty.show()
            return
        self.empty.hide()
        currency = self.services.currency()
        kinds = [k for k in self.KINDS if any(t["period_kind"] == k for t in targets)]
        lines = list(dict.fromkeys((t["metric"], t["owner"]) for t in targets))
        for c, kind in enumerate(kinds, start=1):
            first = next(t for t in targets if t["period_kind"] == kind)
            header = QLabel(period_name(kind, dt.date.fromisoformat(first["from"])))
            header.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            self.grid.addWidget(header, 0, c)
        for t in targets:
            r = lines.index((t["metric"], t["owner"])) * 2 + 1
            c = kinds.index(t["period_kind"]) + 1
            if self.grid.itemAtPosition(r, 0) is None:
                name = metric_name(t["metric"])
                if t["owner"] is not None:
                    name = self.tr("%1 (individual)").replace("%1", name)
                self.grid.addWidget(QLabel(name), r, 0)
            progress = t["progress"] or 0.0
            actual = amount_text(t["metric"], t["actual"], currency)
            goal = amount_text(t["metric"], t["target"], currency)
            bar = QProgressBar()
            bar.setRange(0, PROGRESS_SCALE)
            bar.setValue(round(min(progress, 1.0) * PROGRESS_SCALE))
            # The format's %p, %v and %m are placeholders; our "%" is followed by a blank or ")".
            bar.setFormat(f"{actual} / {goal} ({fmt.percent(progress)})")
            status = self.tr("on track") if t["on_track"] else self.tr("behind")
            detail = QLabel(
                self.tr("projected %1 by %2 · %3")
                .replace("%1", amount_text(t["metric"], t["projected"], currency))
                .replace("%2", fmt.date(dt.date.fromisoformat(t["to"])))
                .replace("%3", status)
            )
            detail.setForegroundRole(
                QPalette.ColorRole.Text if t["on_track"] else QPalette.ColorRole.PlaceholderText
            )
            small = detail.font()
            small.setPointSizeF(small.pointSizeF() * 0.9)
            detail.setFont(small)
            self.grid.addWidget(bar, r, c)
            self.grid.addWidget(detail, r + 1, c)
            self.rows.append({"target": t, "bar": bar, "detail": detail})
        for c in range(1, len(kinds) + 1):
            self.grid.setColumnStretch(c, 1)


class TargetDialog(QDialog):
    """Set a target: metric, period kind, a day in the period, amount; errors next to fields."""

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Set target"))
        self.metric = QComboBox()
        for key in ("won_value", "won_deals", "new_leads", "activities"):
            self.metric.addItem(metric_name(key), key)
        self.kind = QComboBox()
        for text, key in (
            (self.tr("Month"), "month"),
            (self.tr("Quarter"), "quarter"),
            (self.tr("Year"), "year"),
        ):
            self.kind.addItem(text, key)
        self.start = QDateEdit()
        self.start.setCalendarPopup(True)
        today = dt.date.today()
        self.start.setDate(QDate(today.year, today.month, 1))
        self.owner = QComboBox()
        self.owner.addItem(self.tr("Team"), None)
        self.owner.addItem(self.tr("Individual (me)"), services.default_user_id())
        self.amount = QLineEdit()
        self.errors = {key: self._error_label() for key in ("start", "amount", "form")}
        self.period_hint = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("Target for"), self.metric)
        form.addRow(self.tr("Period"), self.kind)
        form.addRow(self.tr("Starting"), self.start)
        form.addRow("", self.period_hint)
        form.addRow("", self.errors["start"])
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow("", self.errors["amount"])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors["form"])
        layout.addWidget(buttons)
        self.metric.currentIndexChanged.connect(self._update_hint)
        self.kind.currentIndexChanged.connect(self._update_hint)
        self.start.dateChanged.connect(self._update_hint)
        self._update_hint()

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setStyleSheet("color: #d9534f;")  # readable on the light and the dark palette
        label.hide()
        return label

    def _update_hint(self) -> None:
        period = period_of(self.kind.currentData(), self.start.date().toPython())
        self.period_hint.setText(f"{fmt.date(period.start)} – {fmt.date(period.end)}")
        money = self.metric.currentData() == "won_value"
        self.amount.setPlaceholderText(
            fmt.money(5_000_000, self.services.currency()) if money else "25"
        )

    def _show_error(self, key: str, text: str) -> None:
        self.errors[key].setText(text)
        self.errors[key].setVisible(bool(text))

    def parse(self) -> int | None:
        """The amount in the metric's unit (minor units for money); None after showing why."""
        text = self.amount.text().strip()
        if not text:
            self._show_error("amount", self.tr("Enter an amount greater than zero."))
            return None
        if self.metric.currentData() == "won_value":
            try:
                amount = parse_amount(text)
            except ValueError:
                self._show_error(
                    "amount",
                    self.tr("Enter an amount such as %1.").replace(
                        "%1", fmt.money(1_234_56, self.services.currency())
                    ),
                )
                return None
        else:
            try:
                amount = parse_count(text)
            except ValueError:
                self._show_error("amount", self.tr("Enter a whole number such as 25."))
                return None
        if amount <= 0:
            self._show_error("amount", self.tr("Enter an amount greater than zero."))
            return None
        self._show_error("amount", "")
        return amount

    def save(self) -> None:
        amount = self.parse()
        if amount is None:
            return
        try:
            self.services.catalog.set_target(
                self.metric.currentData(),
                self.kind.currentData(),
                self.start.date().toPython(),
                amount,
                self.owner.currentData(),
            )
        except ServiceError as exc:
            self._show_error("form", refusal(exc))
            return
        self.accept()


__all__ = ["TargetDialog", "TargetsStrip", "amount_text", "metric_name"]
