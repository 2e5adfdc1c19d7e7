"""The trash: deleted deals, companies and contacts with Restore and Empty (asks first)."""

from __future__ import annotations

import peewee
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.services import ServiceError, Services
from app.ui import format as fmt
from app.ui.errors import exception_text


class TrashDialog(QDialog):
    def __init__(self, services: Services, parent=None):
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Trash"))
        self.resize(560, 380)
        layout = QVBoxLayout(self)
        # A fixed, small list: a QTableWidget is fine here (it never grows with the pipeline).
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Name"), self.tr("Deleted")])
        # The name takes the room; kind and time are as wide as their texts.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.empty_button = QPushButton(self.tr("Empty trash…"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button.clicked.connect(self.empty)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        kinds = {
            "deal": self.tr("Deal"),
            "company": self.tr("Company"),
            "contact": self.tr("Contact"),
        }
        items = self.services.trash.items()
        self.table.setRowCount(len(items))
        for row, (kind, item_id, name, deleted) in enumerate(items):
            cell = QTableWidgetItem(kinds[kind])
            cell.setData(Qt.ItemDataRole.UserRole, (kind, item_id))
            self.table.setItem(row, 0, cell)
            self.table.setItem(row, 1, QTableWidgetItem(name))
            self.table.setItem(row, 2, QTableWidgetItem(fmt.timestamp(deleted)))
        self.empty_button.setEnabled(bool(items))

    def restore_selected(self) -> None:
        """Restore the selected items, all or none; a file that cannot be written is told."""
        items = [
            self.table.item(index.row(), 0).data(Qt.ItemDataRole.UserRole)
            for index in self.table.selectionModel().selectedRows()
        ]
        try:
            self.services.trash.restore(items)
        except (ServiceError, peewee.DatabaseError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Trash"), exception_text(exc))
        self.reload()

    def empty(self, confirmed: bool = False) -> None:
        if not confirmed:
            answer = QMessageBox.question(
                self,
                self.tr("Empty trash"),
                self.tr(
                    "Remove %n item(s) for good? This cannot be undone.", "", self.table.rowCount()
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.services.trash.empty()
        self.reload()
