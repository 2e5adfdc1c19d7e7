"""Next actions: overdue, today, action tags, upcoming and undated, with quick done and
reschedule."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractItemModel, QLocale, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.services import Services
from app.services import next_actions as na
from app.services.next_actions import ActionItem, NextActionQueries
from app.ui import format as fmt
from app.ui.companies.common import RefreshOnChange, reschedule_menu
from app.ui.companies.detail import kind_names
from app.ui.theme import warning_color
from app.ui.undo import try_undoable

PAGE = 100
ITEM_ROLE = Qt.ItemDataRole.UserRole + 4


class NextActionsModel(QAbstractItemModel):
    """Sections at the top level, their items below, each section paged on its own.

    internalId 0 marks a section; an item carries its section's row + 1.
    """

    COLUMNS = 5

    def __init__(self, services: Services, parent: QObject | None = None):
        super().__init__(parent)
        self._queries = NextActionQueries(services)
        self._sections = list(na.SECTIONS)
        self._counts = dict.fromkeys(self._sections, 0)
        self._items: dict[str, list[ActionItem]] = {s: [] for s in self._sections}
        self._today = dt.date.today()
        self._locale = QLocale()
        self._kinds: dict[str, str] = {}

    def set_kind_names(self, names: dict[str, str]) -> None:
        self._kinds = names

    def reload(self) -> None:
        """Re-read every section, keeping as many items loaded as before."""
        self.beginResetModel()
        self._today = dt.date.today()
        self._counts = self._queries.counts(self._today)
        for s in self._sections:
            keep = max(len(self._items[s]), PAGE)
            self._items[s] = self._queries.items(s, 0, keep, self._today)
        self.endResetModel()

    def section_index(self, section: str) -> QModelIndex:
        return self.index(self._sections.index(section), 0)

    def count(self, section: str) -> int:
        return self._counts[section]

    def item(self, index: QModelIndex) -> ActionItem | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        items = self._items[self._sections[index.internalId() - 1]]
        return items[index.row()] if 0 <= index.row() < len(items) else None

    # ---- paging --------------------------------------------------------------------------
    def _section_of(self, parent: QModelIndex) -> str | None:
        if parent.isValid() and parent.internalId() == 0 and parent.column() == 0:
            return self._sections[parent.row()]
        return None

    def canFetchMore(self, parent: QModelIndex) -> bool:
        s = self._section_of(parent)
        return s is not None and len(self._items[s]) < self._counts[s]

    def fetchMore(self, parent: QModelIndex) -> None:
        s = self._section_of(parent)
        if s is None:
            return
        more = self._queries.items(s, len(self._items[s]), PAGE, self._today)
        if not more:
            self._counts[s] = len(self._items[s])
            return
        first = len(self._items[s])
        self.beginInsertRows(parent, first, first + len(more) - 1)
        self._items[s].extend(more)
        self.endInsertRows()

    # ---- structure -----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._sections)
        s = self._section_of(parent)
        return len(self._items[s]) if s is not None else 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return self.COLUMNS

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if not parent.isValid():
            return True
        s = self._section_of(parent)
        return s is not None and (self._counts[s] > 0 or bool(self._items[s]))

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = [
                self.tr("Next action"),
                self.tr("Kind"),
                self.tr("Company"),
                self.tr("Deal"),
                self.tr("Due"),
            ]
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def section_title(self, s: str) -> str:
        return {
            na.OVERDUE: self.tr("Overdue"),
            na.TODAY: self.tr("Due today"),
            na.TAGGED: self.tr("Action tags"),
            na.UPCOMING: self.tr("Upcoming"),
            na.UNDATED: self.tr("No due date"),
        }[s]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == 0:
            if not 0 <= index.row() < len(self._sections):
                return None
            s = self._sections[index.row()]
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return f"{self.section_title(s)} ({self._locale.toString(self._counts[s])})"
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole and s == na.OVERDUE and self._counts[s]:
                return warning_color(QApplication.palette())
            return None
        item = self.item(index)
        if item is None:
            return None
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return item.subject
            if column == 1:
                return self._kinds.get(item.kind, item.kind)
            if column == 2:
                return item.company
            if column == 3:
                return item.deal
            return fmt.date(item.due_on, self._locale)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.column() == 4
            and item.due_on
            and item.due_on < self._today
        ):
            return warning_color(QApplication.palette())
        return None


class NextActionsView(QWidget):
    """companyRequested / dealRequested on double-click: the main window opens them."""

    companyRequested = Signal(int)
    dealRequested = Signal(int)

    def __init__(self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self._services, self._stack = services, undo_stack
        self._kinds = kind_names(self)
        self.model = NextActionsModel(services, self)
        self.model.set_kind_names(self._kinds)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((360, 90, 240, 240, 100)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.doubleClicked.connect(self._open)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())

        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setToolTip(self.tr("Mark the selected action as done (Space)"))
        self.done_button.clicked.connect(self._done_clicked)
        self.reschedule_button = QToolButton()
        self.reschedule_button.setText(self.tr("Reschedule"))
        self.reschedule_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.reschedule_button.setMenu(reschedule_menu(self, self._reschedule_current))
        self.message = QLabel()
        self.message.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.reschedule_button)
        buttons.addWidget(self.message, 1)
        buttons.addStretch(1)

        # One toggle per section, with its count: open or fold a section without scrolling.
        self.chips: dict[str, QToolButton] = {}
        chips = QHBoxLayout()
        for section in na.SECTIONS:
            chip = QToolButton()
            chip.setCheckable(True)
            chip.toggled.connect(lambda on, s=section: self._chip_toggled(s, on))
            chips.addWidget(chip)
            self.chips[section] = chip
        chips.addStretch(1)
        self.tree.expanded.connect(lambda i: self._sync_chip(i, True))
        self.tree.collapsed.connect(lambda i: self._sync_chip(i, False))

        layout = QVBoxLayout(self)
        layout.addLayout(chips)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._watch = RefreshOnChange(self, services, self.refresh)
        self.refresh()

    # ---- refresh -------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._watch.shown()

    def refresh(self) -> None:
        self._watch.mark_fresh()
        current = self.current_item()
        expanded = {s for s in na.SECTIONS if self.tree.isExpanded(self.model.section_index(s))}
        first = not hasattr(self, "_shown_once")
        self._shown_once = True
        self.model.reload()
        for s in na.SECTIONS:
            chip = self.chips[s]
            chip.setText(self.model.data(self.model.section_index(s)))
            chip.setEnabled(self.model.count(s) > 0)
            # First time: everything but the undated; later, what the user left open.
            if (s != na.UNDATED) if first else (s in expanded):
                self.tree.expand(self.model.section_index(s))
            chip.blockSignals(True)
            chip.setChecked(self.tree.isExpanded(self.model.section_index(s)))
            chip.blockSignals(False)
        if current is not None:
            self._select_like(current)
        self._update_buttons()

    def _chip_toggled(self, section: str, on: bool) -> None:
        index = self.model.section_index(section)
        self.tree.setExpanded(index, on)
        if on:
            self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)

    def _sync_chip(self, index: QModelIndex, on: bool) -> None:
        if index.isValid() and index.internalId() == 0:
            chip = self.chips[na.SECTIONS[index.row()]]
            chip.blockSignals(True)
            chip.setChecked(on)
            chip.blockSignals(False)

    def _select_like(self, item: ActionItem) -> None:
        for s_row in range(self.model.rowCount()):
            section = self.model.index(s_row, 0)
            for row in range(self.model.rowCount(section)):
                index = self.model.index(row, 0, section)
                other = self.model.item(index)
                if other and (other.activity_id, other.subject, other.company_id) == (
                    item.activity_id,
                    item.subject,
                    item.company_id,
                ):
                    self.tree.setCurrentIndex(index)
                    return

    # ---- actions -------------------------------------------------------------------------
    def current_item(self) -> ActionItem | None:
        return self.model.item(self.tree.currentIndex())

    def _update_buttons(self) -> None:
        has = self.current_item() is not None
        self.done_button.setEnabled(has)
        self.reschedule_button.setEnabled(has)

    def _undoable(self, text: str, item: ActionItem, action) -> bool:
        message = try_undoable(
            self._stack,
            self._services,
            text,
            action,
            deal_ids=[item.deal_id] if item.deal_id else [],
            company_ids=[item.company_id] if item.company_id else [],
        )
        if message is not None:
            self.message.setText(message)
            self.message.show()
            return False
        self.message.hide()
        return True

    def mark_done(self, item: ActionItem) -> bool:
        """Complete an activity; for an action tag, take the tag off the company."""
        if item.activity_id is not None:
            return self._undoable(
                self.tr("Complete %1").replace("%1", item.subject),
                item,
                lambda: self._services.activities.complete(item.activity_id),
            )
        return self._undoable(
            self.tr("Remove tag %1").replace("%1", item.subject),
            item,
            lambda: self._services.companies.remove_tag([item.company_id], item.subject),
        )

    def reschedule(self, item: ActionItem, day: dt.date) -> bool:
        """A new due date; an action tag becomes a task on that date (and leaves the tags)."""
        if item.activity_id is not None:
            return self._undoable(
                self.tr("Reschedule %1").replace("%1", item.subject),
                item,
                lambda: self._services.activities.reschedule(item.activity_id, day),
            )

        def action() -> None:
            self._services.activities.schedule(item.subject, day, company_id=item.company_id)
            self._services.companies.remove_tag([item.company_id], item.subject)

        return self._undoable(self.tr("Schedule %1").replace("%1", item.subject), item, action)

    def _done_clicked(self) -> None:
        item = self.current_item()
        if item is not None:
            self.mark_done(item)

    def _reschedule_current(self, day: dt.date) -> None:
        item = self.current_item()
        if item is not None:
            self.reschedule(item, day)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and self.current_item() is not None:
            self._done_clicked()
            return
        super().keyPressEvent(event)

    def _open(self, index: QModelIndex) -> None:
        item = self.model.item(index)
        if item is None:
            return
        if item.deal_id:
            self.dealRequested.emit(item.deal_id)
        elif item.company_id:
            self.companyRequested.emit(item.company_id)
