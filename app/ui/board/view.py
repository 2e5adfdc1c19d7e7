"""The board widget: a column per stage, filter bar, Won/Lost drop zones, keyboard moves."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.services import Services
from app.services.board import BoardFilter
from app.ui import format as fmt
from app.ui.board.delegate import CardDelegate
from app.ui.board.model import DealIdRole, StageColumnModel, decode_ids
from app.ui.undo import try_undoable

COLUMN_WIDTH = 280


class ColumnView(QListView):
    """A stage column's list: drags carry deal ids; keys move the selection or the deal."""

    stepColumn = Signal(int)  # -1 / +1: focus the neighbouring column
    moveSelected = Signal(int)  # -1 / +1: move the selected deals a stage
    editRequested = Signal(int)
    deleteRequested = Signal(list)
    dragStarted = Signal()
    dragEnded = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setDropIndicatorShown(True)
        self.setUniformItemSizes(True)  # all cards are one height: no per-row size queries
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(COLUMN_WIDTH - 20)

    def selected_ids(self) -> list[int]:
        rows = sorted(self.selectionModel().selectedRows(), key=lambda i: i.row())
        return [i.data(DealIdRole) for i in rows]

    def startDrag(self, actions) -> None:
        self.dragStarted.emit()
        try:
            super().startDrag(actions)
        finally:
            self.dragEnded.emit()

    def keyPressEvent(self, event) -> None:
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            (self.moveSelected if ctrl else self.stepColumn).emit(step)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.editRequested.emit(self.currentIndex().data(DealIdRole))
            return
        if event.matches(QKeySequence.StandardKey.Delete) and self.selected_ids():
            self.deleteRequested.emit(self.selected_ids())
            return
        super().keyPressEvent(event)


class DropZone(QLabel):
    """Won / Lost: shown while a card is dragged; a drop closes the deals."""

    dropped = Signal(list)

    def __init__(self, text: str, parent=None):
        super().__init__(text, parent)
        self.setAcceptDrops(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumHeight(56)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.backgroundRole().AlternateBase)
        self.setAccessibleName(text)
        self.hide()

    def dragEnterEvent(self, event) -> None:
        if decode_ids(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        ids = decode_ids(event.mimeData())
        if ids is None:
            return
        event.setDropAction(Qt.DropAction.CopyAction)  # the source column must not remove rows
        event.accept()
        # Dialogs must not open inside the drag's event loop: ask once the drop has finished.
        QTimer.singleShot(0, lambda: self.dropped.emit(ids))


class StageColumn(QFrame):
    def __init__(self, model: StageColumnModel, name: str, delegate: CardDelegate, parent=None):
        super().__init__(parent)
        self.model = model
        self.name = name
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.setSpacing(2)
        self.title = QLabel(name)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.sums = QLabel()
        self.sums.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.sums)
        self.view = ColumnView(self)
        self.view.setModel(model)
        self.view.setItemDelegate(delegate)
        self.view.setAccessibleName(name)
        layout.addWidget(self.view, 1)
        self.setMinimumWidth(COLUMN_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_sums(self, count: int, value: int, weighted: int, currency: str) -> None:
        self.title.setText(f"{self.name}  ({count})")
        self.sums.setText(
            self.tr("%1 · weighted %2")
            .replace("%1", fmt.money(value, currency, decimals=False))
            .replace("%2", fmt.money(weighted, currency, decimals=False))
        )
        self.view.setAccessibleDescription(
            self.tr("%n open deal(s)", "", count) + ", " + self.sums.text()
        )


class BoardView(QWidget):
    """The pipeline board. Every write goes through a service call wrapped in an undo step."""

    editDeal = Signal(int)  # the main window opens the editor
    errorShown = Signal(str)

    def __init__(self, services: Services, undo_stack: QUndoStack, parent=None):
        super().__init__(parent)
        self.setObjectName("board")
        self.services = services
        self.undo_stack = undo_stack
        self.error_box: QMessageBox | None = None
        self._filter = BoardFilter()
        self._stale = False  # changes came while hidden: refresh when shown
        self.columns: list[StageColumn] = []
        currency = services.currency()
        self.delegate = CardDelegate(currency, self)
        self.currency = currency

        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.pipeline_box = QComboBox()
        self.pipeline_box.setAccessibleName(self.tr("Pipeline"))
        self.pipeline_box.currentIndexChanged.connect(self._pipeline_changed)
        bar.addWidget(self.pipeline_box)
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText(self.tr("Filter by title, company or tag"))
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.setAccessibleName(self.tr("Filter deals"))
        self.find_edit.textChanged.connect(self._filter_changed)
        bar.addWidget(self.find_edit, 1)
        self.toggles = {}
        for key, label in (
            ("overdue", self.tr("Overdue")),
            ("rotting", self.tr("Rotting")),
            ("no_next_action", self.tr("No next action")),
            ("show_closed", self.tr("Show closed")),
        ):
            box = QCheckBox(label)
            box.toggled.connect(self._filter_changed)
            self.toggles[key] = box
            bar.addWidget(box)
        outer.addLayout(bar)

        self.columns_host = QWidget()
        self.columns_layout = QHBoxLayout(self.columns_host)
        self.columns_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.columns_host)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll, 1)

        zones = QHBoxLayout()
        self.won_zone = DropZone("✔ " + self.tr("Won — drop here"))
        self.lost_zone = DropZone("✘ " + self.tr("Lost — drop here"))
        self.won_zone.dropped.connect(self.win)
        self.lost_zone.dropped.connect(self.lose)
        zones.addWidget(self.won_zone)
        zones.addWidget(self.lost_zone)
        outer.addLayout(zones)

        self._load_pipelines()
        slot = self._on_changed
        services.changed.connect(slot)
        # The services outlive a rebuilt window: stop listening when this board goes away.
        self.destroyed.connect(lambda *_: _disconnect(services, slot))

    # ---- building ------------------------------------------------------------------------
    def _load_pipelines(self) -> None:
        pipelines = self.services.stages.pipelines()
        self.pipeline_box.blockSignals(True)
        self.pipeline_box.clear()
        for pid, name in pipelines:
            self.pipeline_box.addItem(fmt.stage(name), pid)
        self.pipeline_box.blockSignals(False)
        self.pipeline_box.setVisible(len(pipelines) > 1)
        self._build_columns()

    @property
    def pipeline_id(self) -> int:
        return self.pipeline_box.currentData()

    def _pipeline_changed(self) -> None:
        self._build_columns()

    def _build_columns(self) -> None:
        for column in self.columns:
            column.setParent(None)
            column.deleteLater()
        self.columns = []
        for stage_id, name, _, _ in self.services.stages.pipeline_stages(self.pipeline_id):
            model = StageColumnModel(self.services, stage_id, self.move_deals, self)
            column = StageColumn(model, fmt.stage(name), self.delegate)
            view = column.view
            view.stepColumn.connect(lambda step, c=column: self._focus_column(c, step))
            view.moveSelected.connect(lambda step, c=column: self.move_selected_by(c, step))
            view.editRequested.connect(self.editDeal)
            view.deleteRequested.connect(self.delete_deals)
            view.dragStarted.connect(self._show_zones)
            view.dragEnded.connect(self._hide_zones)
            view.doubleClicked.connect(lambda index: self.editDeal.emit(index.data(DealIdRole)))
            column.title.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            column.title.customContextMenuRequested.connect(
                lambda pos, c=column: self._column_menu(c, c.title.mapToGlobal(pos))
            )
            self.columns_layout.addWidget(column)
            self.columns.append(column)
        self.refresh()

    def _column_menu(self, column: StageColumn, where) -> None:
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        menu.addAction(self.tr("Edit playbook…"), lambda: self.edit_playbook(column.model.stage_id))
        menu.exec(where)

    def edit_playbook(self, stage_id: int | None = None) -> None:
        """The stage's planned actions, which become tasks when a deal enters it."""
        from app.ui.dialogs.playbook import PlaybookDialog

        PlaybookDialog(self.services, stage_id, self).exec()

    # ---- refreshing ----------------------------------------------------------------------
    def _on_changed(self, change) -> None:
        """Committed writes arrive here: re-read just the columns they touched, at once,
        so a drop is painted from the database in the same event."""
        if change.kind == "stage":
            QTimer.singleShot(0, self._load_pipelines)
            return
        if not self.isVisible():
            # Another view wrote (a call logged, a company edited): re-read once on return.
            self._stale = True
            return
        shown = {c.model.stage_id for c in self.columns}
        if change.stage_ids:
            touched = shown & set(change.stage_ids)
            if touched:
                self.refresh(touched)
        elif change.kind in ("deal", "company", "all", "activity", "contact"):
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def refresh(self, stage_ids: set[int] | None = None) -> None:
        """Re-read headers and loaded rows of the columns (all, or the given stages)."""
        columns = [c for c in self.columns if stage_ids is None or c.model.stage_id in stage_ids]
        sums = self.services.board.summaries(
            self.pipeline_id, self._filter, tuple(c.model.stage_id for c in columns)
        )
        for column in columns:
            selected = column.view.selected_ids()
            current = column.view.currentIndex().data(DealIdRole)
            count, value, weighted = sums.get(column.model.stage_id, (0, 0, 0))
            column.set_sums(count, value, weighted, self.currency)
            column.model.reload(self._filter, count)
            self._reselect(column, selected, current)

    def _reselect(self, column: StageColumn, deal_ids: list[int], current: int | None) -> None:
        sel = column.view.selectionModel()
        for deal_id in deal_ids:
            row = column.model.row_of(deal_id)
            if row is not None:
                sel.select(column.model.index(row), QItemSelectionModel.SelectionFlag.Select)
        if current is not None and (row := column.model.row_of(current)) is not None:
            sel.setCurrentIndex(column.model.index(row), QItemSelectionModel.SelectionFlag.NoUpdate)

    def _filter_changed(self) -> None:
        self._filter = BoardFilter(
            text=self.find_edit.text(),
            **{key: box.isChecked() for key, box in self.toggles.items()},
        )
        self.refresh()

    def focus_find(self) -> None:
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def _focus_column(self, column: StageColumn, step: int) -> None:
        i = self.columns.index(column) + step
        if 0 <= i < len(self.columns):
            target = self.columns[i].view
            target.setFocus()
            row = min(column.view.currentIndex().row(), target.model().rowCount() - 1)
            if row >= 0:
                target.setCurrentIndex(target.model().index(max(row, 0)))

    def select_deal(self, deal_id: int) -> None:
        for column in self.columns:
            row = column.model.row_of(deal_id)
            if row is not None:
                column.view.setFocus()
                column.view.setCurrentIndex(column.model.index(row))
                column.view.scrollTo(column.model.index(row))

    def selected_deal_ids(self) -> list[int]:
        for column in self.columns:
            if column.view.hasFocus() and column.view.selected_ids():
                return column.view.selected_ids()
        for column in self.columns:
            if column.view.selected_ids():
                return column.view.selected_ids()
        return []

    # ---- writes (each one undo step) -----------------------------------------------------
    def _run(self, text: str, action, deal_ids) -> bool:
        """Run a write; on failure the cards snap back to the database and the user is told."""
        message = try_undoable(self.undo_stack, self.services, text, action, deal_ids)
        if message is not None:
            self.refresh()  # the cards snap back to what the database holds
            self.show_error(message)
            return False
        return True

    def move_deals(self, deal_ids: list[int], stage_id: int, index: int | None) -> bool:
        text = self.tr("Move %n deal(s)", "", len(deal_ids))
        return self._run(
            text, lambda: self.services.deals.move(deal_ids, stage_id, index), deal_ids
        )

    def move_selected_by(self, column: StageColumn, step: int) -> None:
        ids = column.view.selected_ids()
        i = self.columns.index(column) + step
        if not ids or not 0 <= i < len(self.columns):
            return
        target = self.columns[i]
        if self.move_deals(ids, target.model.stage_id, None):
            self.select_deal(ids[0])

    def win(self, deal_ids: list[int]) -> bool:
        return self._run(
            self.tr("Win %n deal(s)", "", len(deal_ids)),
            lambda: self.services.deals.win(deal_ids),
            deal_ids,
        )

    def lose(self, deal_ids: list[int], reason: str | None = None) -> bool:
        if reason is None:
            from app.ui.dialogs.lost_reason import LostReasonDialog

            dialog = LostReasonDialog(
                self.services.deals.offered_lost_reasons(), len(deal_ids), self
            )
            if not dialog.exec():
                return False
            reason = dialog.reason()
        return self._run(
            self.tr("Lose %n deal(s)", "", len(deal_ids)),
            lambda: self.services.deals.lose(deal_ids, reason),
            deal_ids,
        )

    def delete_deals(self, deal_ids: list[int]) -> bool:
        return self._run(
            self.tr("Move %n deal(s) to the trash", "", len(deal_ids)),
            lambda: self.services.deals.delete(deal_ids),
            deal_ids,
        )

    def show_error(self, text: str) -> None:
        """Non-blocking: the board stays usable and tests can read the message."""
        self.error_box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Dealboard"),
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        self.error_box.open()
        self.errorShown.emit(text)

    # ---- drag feedback -------------------------------------------------------------------
    def _show_zones(self) -> None:
        self.won_zone.show()
        self.lost_zone.show()

    def _hide_zones(self) -> None:
        self.won_zone.hide()
        self.lost_zone.hide()

    def sizeHint(self) -> QSize:
        return QSize(1200, 800)


def _disconnect(services: Services, slot) -> None:
    try:
        services.changed.disconnect(slot)
    except ValueError:
        pass
