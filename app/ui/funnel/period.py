"""A report period chooser: this month, quarter, year, the last 12 months, or custom dates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from app.domain.periods import Period, last_12_months, period_of
from app.ui.companies.common import four_digit_year

KINDS = ("month", "quarter", "year", "last12", "custom")


def period_for(kind: str, today: dt.date) -> Period:
    if kind == "last12":
        return last_12_months(today)
    return period_of(kind, today)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class PeriodSelector(QWidget):
    periodChanged = Signal(object)  # the new Period

    def __init__(self, parent: QWidget | None = None, kind: str = "last12"):
        super().__init__(parent)
        self.kind_combo = QComboBox()
        for text, key in (
            (self.tr("This month"), "month"),
            (self.tr("This quarter"), "quarter"),
            (self.tr("This year"), "year"),
            (self.tr("Last 12 months"), "last12"),
            (self.tr("Custom…"), "custom"),
        ):
            self.kind_combo.addItem(text, key)
        self.start_edit = QDateEdit()
        self.end_edit = QDateEdit()
        for edit in (self.start_edit, self.end_edit):
            four_digit_year(edit)
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(self._dates_edited)
        self.dash = QLabel("–")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("Period"))
        layout.addWidget(label)
        layout.addWidget(self.kind_combo)
        layout.addWidget(self.start_edit)
        layout.addWidget(self.dash)
        layout.addWidget(self.end_edit)
        self._period = period_for(kind, dt.date.today())
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        self._show_dates(self._period)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)

    def period(self) -> Period:
        return self._period

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def set_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def set_custom(self, start: dt.date, end: dt.date) -> None:
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData("custom"))
        self.kind_combo.blockSignals(False)
        self._set(Period(min(start, end), max(start, end)))

    def _kind_changed(self, _index: int) -> None:
        kind = self.kind()
        if kind != "custom":
            self._set(period_for(kind, dt.date.today()))
        else:
            self._show_dates(self._period)

    def _dates_edited(self, _date) -> None:
        if self.kind() != "custom":
            return
        start = self.start_edit.date().toPython()
        end = self.end_edit.date().toPython()
        if start > end:  # keep the range valid while the user types the other end
            start, end = end, start
        self._set(Period(start, end), update_edits=False)

    def _set(self, period: Period, update_edits: bool = True) -> None:
        if update_edits:
            self._show_dates(period)
        else:
            self._enable_dates()
        if period != self._period:
            self._period = period
            self.periodChanged.emit(period)

    def _show_dates(self, period: Period) -> None:
        for edit, day in ((self.start_edit, period.start), (self.end_edit, period.end)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)
        self._enable_dates()

    def _enable_dates(self) -> None:
        custom = self.kind() == "custom"
        self.start_edit.setEnabled(custom)
        self.end_edit.setEnabled(custom)
