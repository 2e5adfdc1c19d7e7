"""Edit a pipeline stage's playbook: the planned actions (text, due in days) that become tasks
when a deal enters the stage."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import ServiceError, Services
from app.ui import format as fmt
from app.ui.errors import refusal
from app.ui.theme import warning_color

MAX_DAYS = 365


class PlaybookModel(QAbstractTableModel):
    """Rows of [text, due-in days], edited in place."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[list] = []
        self.dirty = False

    def set_actions(self, actions: list[tuple[str, int]]) -> None:
        self.beginResetModel()
        self._rows = [[text, days] for text, days in actions]
        self.endResetModel()
        self.dirty = False

    def actions(self) -> list[tuple[str, int]]:
        return [(text, days) for text, days in self._rows]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.tr("Planned action")
            if section == 1:
                return self.tr("Due in days")
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        value = self._rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        if index.column() == 1:
            try:
                value = int(value)
            except (TypeError, ValueError):
                return False
            if not 0 <= value <= MAX_DAYS:
                return False
        else:
            value = str(value)
        self._rows[index.row()][index.column()] = value
        self.dirty = True
        self.dataChanged.emit(index, index)
        return True

    def add(self, text: str = "", days: int = 0) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append([text, days])
        self.endInsertRows()
        self.dirty = True
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
            self.dirty = True

    def move(self, row: int, step: int) -> int:
        target = row + step
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return row
        # beginMoveRows counts the destination before the move: moving down is row + 2.
        dest = target + 1 if step > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), dest)
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()
        self.dirty = True
        return target


class _DaysDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
        if index.column() != 1:
            return super().createEditor(parent, option, index)
        editor = QSpinBox(parent)
        editor.setRange(0, MAX_DAYS)
        editor.setSuffix(self.tr(" days"))
        return editor


class PlaybookDialog(QDialog):
    """Pick a pipeline stage and edit its planned actions; Save writes them."""

    def __init__(
        self, services: Services, stage_id: int | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._services = services
        self._stage_id: int | None = None
        self.setWindowTitle(self.tr("Stage playbooks"))
        self.resize(560, 420)

        self.stage_combo = QComboBox()
        for pipeline_id, pipeline in services.stages.pipelines():
            for sid, name, _prob, _rot in services.stages.pipeline_stages(pipeline_id):
                self.stage_combo.addItem(f"{fmt.stage(pipeline)} › {fmt.stage(name)}", sid)
        self.stage_combo.currentIndexChanged.connect(self._stage_chosen)
        explanation = QLabel(
            self.tr(
                "When a deal enters this stage, each planned action becomes a task for the "
                "deal, due that many days later. A deal gets each action once, even if it "
                "moves back and forth."
            )
        )
        explanation.setWordWrap(True)

        self.model = PlaybookModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(_DaysDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

        self.add_button = QPushButton(self.tr("Add action"))
        self.add_button.clicked.connect(self._add_clicked)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(lambda: self.model.remove(self._row()))
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.clicked.connect(lambda: self._move(1))
        row_buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            row_buttons.addWidget(b)
        row_buttons.addStretch(1)

        self.empty_hint = QLabel(
            self.tr('No planned actions for this stage yet: add one with "Add action".')
        )
        self.empty_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._update_hint)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        stage_row = QHBoxLayout()
        stage_row.addWidget(QLabel(self.tr("Stage")))
        stage_row.addWidget(self.stage_combo, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(stage_row)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_hint)
        layout.addLayout(row_buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        index = self.stage_combo.findData(stage_id) if stage_id is not None else 0
        self.stage_combo.setCurrentIndex(max(index, 0))
        self._stage_chosen(self.stage_combo.currentIndex())

    @property
    def stage_id(self) -> int | None:
        return self._stage_id

    def set_stage(self, stage_id: int) -> None:
        self.stage_combo.setCurrentIndex(self.stage_combo.findData(stage_id))

    def _stage_chosen(self, index: int) -> None:
        stage_id = self.stage_combo.itemData(index)
        if stage_id == self._stage_id:
            return
        # Leaving a stage keeps its edits: save them, or stay if they are not valid.
        if self._stage_id is not None and self.model.dirty and not self.save():
            self.stage_combo.blockSignals(True)
            self.stage_combo.setCurrentIndex(self.stage_combo.findData(self._stage_id))
            self.stage_combo.blockSignals(False)
            return
        self._stage_id = stage_id
        self.model.set_actions(
            [(text, days) for _id, text, days in self._services.stages.playbook(stage_id)]
        )
        self._show_error("")

    def save(self) -> bool:
        if self._stage_id is None:
            return False
        actions = self.model.actions()
        texts = [t.strip() for t, _ in actions]
        if any(not t for t in texts):
            self._show_error(self.tr("Every planned action needs a text (or remove the row)."))
            return False
        if len(set(texts)) != len(texts):
            self._show_error(self.tr("Two planned actions have the same text."))
            return False
        try:
            self._services.stages.set_playbook(self._stage_id, actions)
        except ServiceError as exc:
            self._show_error(refusal(exc))
            return False
        self.model.dirty = False
        self._show_error("")
        return True

    def _update_hint(self, *_args) -> None:
        self.empty_hint.setVisible(self.model.rowCount() == 0)

    def _row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _add_clicked(self) -> None:
        row = self.model.add(self.tr("New action"), 0)
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def _move(self, step: int) -> None:
        row = self._row()
        if row >= 0:
            target = self.model.move(row, step)
            self.table.selectRow(target)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setStyleSheet(f"color: {warning_color(self.palette()).name()}")
        self.error.setVisible(bool(text))

    def reject(self) -> None:
        # Closing keeps edits, like switching stages; invalid edits keep the dialog open.
        if self.model.dirty and not self.save():
            return
        super().reject()
