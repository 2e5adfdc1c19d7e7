"""The contacts list: every person at every company, searchable, paged; opens their company."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import Services
from app.services.company_queries import CompanyQueries, ContactRow
from app.ui.companies.common import ID_ROLE, PagedTableModel, RefreshOnChange

COMPANY_ID_ROLE = Qt.ItemDataRole.UserRole + 3


class ContactTableModel(PagedTableModel):
    page_size = 200

    def __init__(self, services: Services, parent: QObject | None = None):
        super().__init__(parent)
        self._queries = CompanyQueries(services)
        self._text = ""
        self._rows: list[ContactRow] = []

    def set_search(self, text: str) -> None:
        self._text = text
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._total = self._queries.contact_count(self._text)
        self._rows = self._queries.contacts(self._text, 0, self.page_size)
        self.endResetModel()

    def contact_at(self, row: int) -> ContactRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _page(self, offset: int, limit: int) -> list[ContactRow]:
        return self._queries.contacts(self._text, offset, limit)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 5
        ):
            return [
                self.tr("Name"),
                self.tr("Company"),
                self.tr("Role"),
                self.tr("Email"),
                self.tr("Phone"),
            ][section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (r.name, r.company, r.role, r.email, r.phone)[index.column()]
        if role == ID_ROLE:
            return r.contact_id
        if role == COMPANY_ID_ROLE:
            return r.company_id
        return None


class ContactsView(QWidget):
    """Search people; double-click or "Open company" emits companyRequested(company id)."""

    companyRequested = Signal(int)

    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._services = services
        self._locale = QLocale()
        self.model = ContactTableModel(services, self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, email, phone, role or company…"))
        self.search.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self.apply_search)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((200, 240, 180, 280, 150)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open)
        self.open_button = QPushButton(self.tr("Open company"))
        self.open_button.clicked.connect(lambda: self._open(self.table.currentIndex()))
        self.status = QLabel()

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self._watch = RefreshOnChange(
            self, services, self.apply_search, kinds=("contact", "company", "all")
        )
        self.apply_search()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._watch.shown()

    def apply_search(self) -> None:
        self._timer.stop()
        self._watch.mark_fresh()
        self.model.set_search(self.search.text())
        self.status.setText(self.tr("%Ln contact(s)", "", self.model.total))

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.companyRequested.emit(index.data(COMPANY_ID_ROLE))
