"""Pipeline snapshots: save the pipeline as it is now, list them, compare any two per stage."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.services import Services
from app.ui import format as fmt

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _signed(n: int) -> str:
    return ("+" if n > 0 else "") + QLocale().toString(n)


def _signed_money(minor: int, currency: str) -> str:
    return ("+" if minor > 0 else "") + fmt.money(minor, currency)


def _item(text: str, right: bool = False) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class SnapshotsPanel(QWidget):
    """Select two snapshots (Ctrl+click) to see the change per stage, older to newer."""

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.pipeline_id = 1
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note (optional), e.g. end of quarter"))
        self.save_button = QPushButton(self.tr("Save snapshot"))
        self.save_button.setToolTip(self.tr("Store the pipeline as it is now, to compare later"))
        self.save_button.clicked.connect(self.save)
        self.list_model = QStandardItemModel(0, 4, self)
        self.list_model.setHorizontalHeaderLabels(
            [self.tr("Made at"), self.tr("Note"), self.tr("Deals"), self.tr("Value")]
        )
        self.list = QTreeView()
        self.list.setModel(self.list_model)
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setMinimumHeight(120)
        self.list.selectionModel().selectionChanged.connect(self._selection_changed)
        self.compare_model = QStandardItemModel(0, 7, self)
        self.compare_model.setHorizontalHeaderLabels(
            [
                self.tr("Stage"),
                self.tr("Deals before"),
                self.tr("Deals after"),
                self.tr("Change"),
                self.tr("Value before"),
                self.tr("Value after"),
                self.tr("Change"),
            ]
        )
        self.compare_table = QTableView()
        self.compare_table.setModel(self.compare_model)
        self.compare_table.verticalHeader().hide()
        self.compare_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.compare_table.horizontalHeader().setStretchLastSection(True)
        self.compare_table.setMinimumHeight(120)
        self.compare_title = QLabel(self.tr("Select two snapshots to compare them."))
        self.compared: tuple[int, int] | None = None
        self.rows: list[dict] = []

        top = QHBoxLayout()
        top.addWidget(self.note, 1)
        top.addWidget(self.save_button)
        lists = QHBoxLayout()
        lists.addWidget(self.list, 2)
        right = QVBoxLayout()
        right.addWidget(self.compare_title)
        right.addWidget(self.compare_table, 1)
        lists.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(lists)

    def set_pipeline(self, pipeline_id: int) -> None:
        self.pipeline_id = pipeline_id

    def save(self) -> int:
        snap_id = self.services.reports.save_snapshot(self.pipeline_id, self.note.text().strip())
        self.note.clear()
        self.refresh()
        return snap_id

    def refresh(self) -> None:
        currency = self.services.currency()
        selected = self.selected_ids()
        self.list_model.removeRows(0, self.list_model.rowCount())
        self.snapshots = self.services.reports.snapshots()
        for snap_id, made_at, note, count, value in self.snapshots:
            row = [
                _item(fmt.timestamp(made_at)),
                _item(note),
                _item(QLocale().toString(count or 0), True),
                _item(fmt.money(value or 0, currency), True),
            ]
            row[0].setData(snap_id, ID_ROLE)
            row[0].setData(made_at, ID_ROLE + 1)
            self.list_model.appendRow(row)
        for c in range(3):
            self.list.resizeColumnToContents(c)
        if len(selected) == 2 and all(i in self.ids() for i in selected):
            self.select(*selected)
        elif self.compared and not all(i in self.ids() for i in self.compared):
            self.clear_compare()

    def ids(self) -> list[int]:
        return [self.list_model.item(r, 0).data(ID_ROLE) for r in range(self.list_model.rowCount())]

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.list.selectionModel().selectedRows()})
        return [self.list_model.item(r, 0).data(ID_ROLE) for r in rows]

    def select(self, first: int, second: int) -> None:
        """Select two snapshots by id (what Ctrl+click does); the comparison follows."""
        selection = self.list.selectionModel()
        selection.clearSelection()
        ids = self.ids()
        for snap_id in (first, second):
            index = self.list_model.index(ids.index(snap_id), 0)
            selection.select(
                index,
                selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
            )

    def _selection_changed(self, *_args) -> None:
        ids = self.selected_ids()
        if len(ids) == 2:
            # Newest first in the list, so the lower row is the older snapshot.
            self.compare(ids[1], ids[0])
        else:
            self.clear_compare()

    def clear_compare(self) -> None:
        self.compared = None
        self.rows = []
        self.compare_model.removeRows(0, self.compare_model.rowCount())
        self.compare_title.setText(self.tr("Select two snapshots to compare them."))

    def compare(self, older_id: int, newer_id: int) -> list[dict]:
        currency = self.services.currency()
        self.rows = self.services.reports.compare_snapshots(older_id, newer_id)
        self.compared = (older_id, newer_id)
        made = {i: m for i, m, *_ in self.snapshots}
        self.compare_title.setText(
            self.tr("Change from %1 to %2")
            .replace("%1", fmt.timestamp(made[older_id]))
            .replace("%2", fmt.timestamp(made[newer_id]))
        )
        self.compare_model.removeRows(0, self.compare_model.rowCount())
        for r in self.rows:
            self.compare_model.appendRow(
                [
                    _item(fmt.stage(r["stage"])),
                    _item(QLocale().toString(r["count_before"]), True),
                    _item(QLocale().toString(r["count_after"]), True),
                    _item(_signed(r["count_change"]), True),
                    _item(fmt.money(r["value_before_minor"], currency), True),
                    _item(fmt.money(r["value_after_minor"], currency), True),
                    _item(_signed_money(r["value_change_minor"], currency), True),
                ]
            )
        return self.rows


__all__ = ["SnapshotsPanel"]
