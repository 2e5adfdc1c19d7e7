"""Pieces the companies, contacts, next-actions and funnel views share: a small table model
and a debounced refresh on committed changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from app.domain.events import Change
from app.services import Services

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's record id (deal, contact, activity, ...)


PAGE = 100  # about three screens of rows; more arrive as the table scrolls


class PagedTableModel(QAbstractTableModel):
    """A table read page by page as the view scrolls (canFetchMore/fetchMore).

    Subclasses set `_rows` and `_total` when they reload and say how to read a page
    (`_page`); `_appended` hears of rows a fetch added (e.g. to format their texts).
    """

    page_size = PAGE

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list = []
        self._total = 0

    @property
    def total(self) -> int:
        """Rows matching the current filter, loaded or not."""
        return self._total

    def _page(self, offset: int, limit: int) -> list:
        raise NotImplementedError

    def _appended(self, rows: list) -> None:
        """Called inside beginInsertRows/endInsertRows with the rows a fetch added."""

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = self._page(len(self._rows), self.page_size)
        if not more:
            # Rows vanished since the count (a write elsewhere): stop asking for more.
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self._appended(more)
        self.endInsertRows()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)


class RowsModel(QAbstractTableModel):
    """A read-only table over a short list of tuples; `cell(row, column)` formats a cell.

    For lists bounded by one company (its contacts, deals, activities); long lists have their
    own paged models.
    """

    def __init__(
        self,
        headers: Sequence[str],
        cell: Callable[[tuple, int], Any],
        parent: QObject | None = None,
        *,
        tooltip: Callable[[tuple, int], str | None] | None = None,
        foreground: Callable[[tuple, int], Any] | None = None,
        alignment: Callable[[int], Qt.AlignmentFlag] | None = None,
    ):
        super().__init__(parent)
        self._headers = list(headers)
        self._cell = cell
        self._tooltip = tooltip
        self._foreground = foreground
        self._alignment = alignment
        self._rows: list[tuple] = []

    def set_rows(self, rows: Sequence[tuple]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> tuple | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(row, index.column())
        if role == ID_ROLE:
            return row[0]
        if role == Qt.ItemDataRole.ToolTipRole and self._tooltip:
            return self._tooltip(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and self._foreground:
            return self._foreground(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and self._alignment:
            return self._alignment(index.column())
        return None


class RefreshOnChange(QObject):
    """Calls `refresh` once after a burst of committed changes, and only while `widget` shows.

    A hidden view only remembers that it is stale and refreshes when it is shown again, so
    a bulk write does not make every pane requery.
    """

    def __init__(
        self,
        widget: QWidget,
        services: Services,
        refresh: Callable[[], None],
        kinds: Sequence[str] = ("company", "contact", "activity", "deal", "stage", "all"),
    ):
        super().__init__(widget)
        self._widget, self._services, self._refresh = widget, services, refresh
        self._kinds = set(kinds)
        self._stale = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._fire)
        services.changed.connect(self._on_change)
        widget.destroyed.connect(self._disconnect)

    def _disconnect(self, *_args) -> None:
        try:
            self._services.changed.disconnect(self._on_change)
        except ValueError:
            pass

    def _on_change(self, change: Change) -> None:
        if change.kind in self._kinds:
            self._stale = True
            self._timer.start()

    def _fire(self) -> None:
        if self._stale and self._widget.isVisible():
            self._stale = False
            self._refresh()

    def shown(self) -> None:
        """Call from the widget's showEvent: catch up on changes made while hidden."""
        if self._stale:
            self._timer.start()

    def mark_fresh(self) -> None:
        self._stale = False


class ChoiceCombo(QComboBox):
    """A filter combo ("All groups", then the values in use) that reads its values when
    opened: they are always current, and building a view costs no scan of every company."""

    def __init__(
        self,
        everything: str,
        load: Callable[[], Sequence[tuple[str, object]]],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._load = load
        self.addItem(everything, None)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMinimumContentsLength(12)

    def value(self):
        return self.currentData()

    def set_value(self, value) -> None:
        """Choose `value` (None: everything) without emitting activated."""
        index = self.findData(value) if value is not None else 0
        if index < 0:
            self.addItem(str(value), value)
            index = self.count() - 1
        self.setCurrentIndex(index)

    def refill(self) -> None:
        current = self.currentData()
        self.blockSignals(True)
        while self.count() > 1:
            self.removeItem(1)
        for text, data in self._load():
            self.addItem(text, data)
        self.set_value(current)
        self.blockSignals(False)

    def showPopup(self) -> None:
        self.refill()
        super().showPopup()


def four_digit_year(edit: QDateEdit) -> QDateEdit:
    """The locale's short date with a four-digit year, as app.ui.format.date shows dates."""
    fmt = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    edit.setDisplayFormat(fmt)
    return edit


def reschedule_menu(parent: QWidget, apply: Callable[[dt.date], None]) -> QMenu:
    """Tomorrow / in 3 days / next week / pick a date: calls `apply` with the new due date."""
    menu = QMenu(parent)
    today = dt.date.today()
    for text, days in (
        (QCoreApplication.translate("Reschedule", "Tomorrow"), 1),
        (QCoreApplication.translate("Reschedule", "In 3 days"), 3),
        (QCoreApplication.translate("Reschedule", "Next week"), 7),
    ):
        action = menu.addAction(text)
        action.triggered.connect(lambda _=False, d=days: apply(today + dt.timedelta(days=d)))
    menu.addSeparator()
    pick = menu.addAction(QCoreApplication.translate("Reschedule", "Pick a date…"))

    def choose() -> None:
        day = pick_date(parent, today + dt.timedelta(days=1))
        if day is not None:
            apply(day)

    pick.triggered.connect(choose)
    return menu


def pick_date(parent: QWidget, initial: dt.date) -> dt.date | None:
    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("Reschedule", "New due date"))
    calendar = QCalendarWidget(dialog)
    calendar.setSelectedDate(QDate(initial.year, initial.month, initial.day))
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    calendar.activated.connect(dialog.accept)
    layout = QVBoxLayout(dialog)
    layout.addWidget(calendar)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return calendar.selectedDate().toPython()
