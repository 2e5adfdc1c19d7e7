"""File → Settings…: language, currency, theme, the two stage lists, backups and lost reasons.

Stage edits are written at once, each one transaction (they change what the board shows and
cannot wait for OK); everything else is kept on OK or Apply. A new language or currency
needs the window built again, which the main window does after the dialog closed.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import ServiceError, Services
from app.ui.errors import refusal
from app.ui.theme import THEMES, apply_theme

# Language names are shown in their own language, so a user who cannot read the current
# one still finds theirs. "" follows the system.
LANGUAGES = (("", None), ("de", "Deutsch"), ("en", "English"))
CURRENCIES = ("EUR", "USD", "GBP", "CHF", "AUD", "CAD", "DKK", "NOK", "SEK", "PLN", "CZK", "JPY")
DEFAULT_BACKUP_MINUTES = 10


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(bright-text);")
    label.hide()
    return label


class RehomeDialog(QDialog):
    """Asks where the deals or companies of a stage go before the stage is removed."""

    def __init__(self, title: str, message: str, targets: list[tuple[int, str]], parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        text = QLabel(message)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.target = QComboBox()
        for stage_id, name in targets:
            self.target.addItem(name, stage_id)
        self.target.setAccessibleName(self.tr("Move to stage"))
        form = QFormLayout()
        form.addRow(self.tr("Move to:"), self.target)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Remove stage"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def target_id(self) -> int:
        return self.target.currentData()


class _StageTable(QWidget):
    """A table of stages with Add / Remove / Up / Down buttons; subclasses do the writing."""

    def headers(self) -> list[str]:
        raise NotImplementedError

    def __init__(self, services: Services, parent=None):
        super().__init__(parent)
        self.services = services
        self._filling = False
        self.layout_ = QVBoxLayout(self)
        headers = self.headers()
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(headers)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add stage"))
        self.remove_button = QPushButton(self.tr("&Remove…"))
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("Move &down"))
        self.add_button.clicked.connect(lambda: self.add_stage())
        self.remove_button.clicked.connect(lambda: self.remove_current())
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.error = _error_label()
        self.extra_top = QHBoxLayout()
        self.layout_.addLayout(self.extra_top)
        self.layout_.addWidget(self.table, 1)
        self.layout_.addLayout(buttons)
        self.layout_.addWidget(self.error)

    # ---- reading -------------------------------------------------------------------------
    def stage_ids(self) -> list[int]:
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(self.rows())]

    def stage_names(self) -> list[str]:
        return [self.table.item(r, 0).text() for r in range(self.rows())]

    def rows(self) -> int:
        return self.table.rowCount()

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def select_stage(self, stage_id: int) -> None:
        if stage_id in self.stage_ids():
            self.table.selectRow(self.stage_ids().index(stage_id))

    # ---- writing -------------------------------------------------------------------------
    def _add(self, call, *args) -> int | None:
        """Add a stage through `call`, then select it with its name open for editing; None
        when the service refused (shown under the table)."""
        try:
            stage_id = call(*args)
        except ServiceError as exc:
            self.show_error(refusal(exc))
            return None
        self.reload()
        self.select_stage(stage_id)
        self.table.editItem(self.table.item(self.stage_ids().index(stage_id), 0))
        return stage_id

    def _run(self, call, *args, **kwargs) -> bool:
        """One service write; a refusal is shown under the table and the list re-read."""
        try:
            call(*args, **kwargs)
        except ServiceError as exc:
            self.show_error(refusal(exc))
            self.reload()
            return False
        self.error.hide()
        return True

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 0:
            return
        stage_id = item.data(Qt.ItemDataRole.UserRole)
        self.rename_stage(stage_id, item.text())

    def move_current(self, step: int) -> None:
        row = self.current_row()
        ids = self.stage_ids()
        if row < 0 or not 0 <= row + step < len(ids):
            return
        ids[row], ids[row + step] = ids[row + step], ids[row]
        if self._run(self._reorder, ids):
            self.reload()
            self.table.selectRow(row + step)

    def remove_current(self, rehome_to: int | None = None) -> bool:
        """Remove the selected stage; without `rehome_to`, ask where its records go."""
        row = self.current_row()
        if row < 0:
            return False
        stage_id, name = self.stage_ids()[row], self.stage_names()[row]
        others = [
            (i, n)
            for i, n in zip(self.stage_ids(), self.stage_names(), strict=True)
            if i != stage_id
        ]
        if not others:
            self.show_error(self.tr("The last stage cannot be removed."))
            return False
        if rehome_to is None:
            dialog = RehomeDialog(self.tr("Remove stage"), self.rehome_question(name), others, self)
            # The natural home is the stage before (or, for the first, the one after).
            dialog.target.setCurrentIndex(max(row - 1, 0))
            if not dialog.exec():
                return False
            rehome_to = dialog.target_id()
        if self._run(self._remove, stage_id, rehome_to):
            self.reload()
            self.select_stage(rehome_to)
            return True
        return False

    def _unique_name(self, base: str) -> str:
        taken = {n.casefold() for n in self.stage_names()}
        name, n = base, 2
        while name.casefold() in taken:
            name, n = f"{base} {n}", n + 1
        return name

    def _update_buttons(self) -> None:
        row = self.current_row()
        self.remove_button.setEnabled(row >= 0 and self.rows() > 1)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.rows() - 1)

    def _fill(self, rows: list[tuple]) -> None:
        selected = self.current_row()
        self._filling = True
        self.table.setRowCount(0)
        for stage_id, name, *rest in rows:
            r = self.table.rowCount()
            self.table.insertRow(r)
            item = QTableWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, stage_id)
            self.table.setItem(r, 0, item)
            self.fill_extra(r, stage_id, rest)
        self._filling = False
        if 0 <= selected < self.rows():
            self.table.selectRow(selected)
        self._update_buttons()

    # Subclasses: reload, fill_extra, rename_stage, add_stage, _reorder, _remove,
    # rehome_question.
    def fill_extra(self, row: int, stage_id: int, values: list) -> None:
        pass


class PipelineStagesEditor(_StageTable):
    """The stages of one pipeline at a time: name, probability, rotting days; pipelines added."""

    def headers(self) -> list[str]:
        return [self.tr("Stage"), self.tr("Probability"), self.tr("Rotting after (days)")]

    def __init__(self, services: Services, parent=None):
        super().__init__(services, parent)
        self.pipeline_box = QComboBox()
        self.pipeline_box.setAccessibleName(self.tr("Pipeline"))
        self.pipeline_box.currentIndexChanged.connect(self.reload)
        self.add_pipeline_button = QPushButton(self.tr("Add &pipeline…"))
        self.add_pipeline_button.clicked.connect(lambda: self.add_pipeline())
        label = QLabel(self.tr("&Pipeline:"))
        label.setBuddy(self.pipeline_box)
        self.extra_top.addWidget(label)
        self.extra_top.addWidget(self.pipeline_box, 1)
        self.extra_top.addWidget(self.add_pipeline_button)
        self.table.setAccessibleName(self.tr("Pipeline stages"))
        self._fill_pipelines()

    def _fill_pipelines(self, select: int | None = None) -> None:
        self.pipeline_box.blockSignals(True)
        self.pipeline_box.clear()
        for pipeline_id, name in self.services.stages.pipelines():
            self.pipeline_box.addItem(name, pipeline_id)
        if select is not None:
            self.pipeline_box.setCurrentIndex(self.pipeline_box.findData(select))
        self.pipeline_box.blockSignals(False)
        self.reload()

    @property
    def pipeline_id(self) -> int:
        return self.pipeline_box.currentData()

    def reload(self) -> None:
        self._fill(self.services.stages.pipeline_stages(self.pipeline_id))

    def fill_extra(self, row: int, stage_id: int, values: list) -> None:
        probability, rotting = values
        prob = QSpinBox()
        prob.setRange(0, 100)
        prob.setSuffix(" %")
        prob.setValue(probability)
        prob.setAccessibleName(self.tr("Probability of %1").replace("%1", self.stage_names()[row]))
        prob.valueChanged.connect(
            lambda v, s=stage_id: self._run(self.services.stages.edit_stage, s, probability=v)
        )
        rot = QSpinBox()
        rot.setRange(1, 365)
        rot.setValue(rotting)
        rot.setAccessibleName(self.tr("Rotting days of %1").replace("%1", self.stage_names()[row]))
        rot.valueChanged.connect(
            lambda v, s=stage_id: self._run(self.services.stages.edit_stage, s, rotting_days=v)
        )
        self.table.setCellWidget(row, 1, prob)
        self.table.setCellWidget(row, 2, rot)

    def spin(self, stage_id: int, column: int) -> QSpinBox:
        return self.table.cellWidget(self.stage_ids().index(stage_id), column)

    def rename_stage(self, stage_id: int, name: str) -> bool:
        return self._run(self.services.stages.edit_stage, stage_id, name=name)

    def add_stage(self, name: str | None = None) -> int | None:
        name = name or self._unique_name(self.tr("New stage"))
        return self._add(self.services.stages.add_stage, self.pipeline_id, name)

    def add_pipeline(self, name: str | None = None) -> int | None:
        """A new pipeline starting with a copy of the shown pipeline's stages."""
        if name is None:
            name, ok = QInputDialog.getText(
                self, self.tr("Add pipeline"), self.tr("Name of the new pipeline:")
            )
            if not ok or not name.strip():
                return None
        stages = [
            (n, p, r) for _, n, p, r in self.services.stages.pipeline_stages(self.pipeline_id)
        ]
        try:
            pipeline_id = self.services.stages.add_pipeline(name, stages)
        except ServiceError as exc:
            self.show_error(refusal(exc))
            return None
        self._fill_pipelines(select=pipeline_id)
        return pipeline_id

    def _reorder(self, ids: list[int]) -> None:
        self.services.stages.reorder_stages(self.pipeline_id, ids)

    def _remove(self, stage_id: int, rehome_to: int) -> None:
        self.services.stages.remove_stage(stage_id, rehome_to)

    def rehome_question(self, name: str) -> str:
        return self.tr(
            "Remove the stage “%1”? Its deals, open and closed, and their stage history move "
            "to the stage you choose. This cannot be undone."
        ).replace("%1", name)


class FunnelStagesEditor(_StageTable):
    """The funnel's stages in order; the last one is where companies become customers."""

    def headers(self) -> list[str]:
        return [self.tr("Funnel stage")]

    def __init__(self, services: Services, parent=None):
        super().__init__(services, parent)
        self.table.setAccessibleName(self.tr("Funnel stages"))
        note = QLabel(
            self.tr("A company that wins a deal moves to the last stage: it is a customer now.")
        )
        note.setWordWrap(True)
        self.extra_top.addWidget(note)
        self.reload()

    def reload(self) -> None:
        self._fill(self.services.stages.funnel_stages())

    def rename_stage(self, stage_id: int, name: str) -> bool:
        return self._run(self.services.stages.rename_funnel_stage, stage_id, name)

    def add_stage(self, name: str | None = None) -> int | None:
        """Insert after the selected stage, or before the last one."""
        name = name or self._unique_name(self.tr("New stage"))
        row = self.current_row()
        position = row + 1 if 0 <= row < self.rows() - 1 else None
        return self._add(self.services.stages.add_funnel_stage, name, position)

    def _reorder(self, ids: list[int]) -> None:
        self.services.stages.reorder_funnel_stages(ids)

    def _remove(self, stage_id: int, rehome_to: int) -> None:
        self.services.stages.remove_funnel_stage(stage_id, rehome_to)

    def rehome_question(self, name: str) -> str:
        return self.tr(
            "Remove the funnel stage “%1”? Its companies and their stage history move to the "
            "stage you choose. This cannot be undone."
        ).replace("%1", name)


class LostReasonsEditor(QWidget):
    """The reasons offered when a deal is lost: the user's own list, and those used before."""

    def __init__(self, services: Services, parent=None):
        super().__init__(parent)
        self.services = services
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "When a deal is lost, Dealboard asks why. It offers these reasons first, "
                "then every reason used before."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        # A short list a user maintains by hand: QListWidget is fine at this size.
        self.own = QListWidget()
        self.own.setAccessibleName(self.tr("Offered reasons"))
        self.own.addItems(services.deals.own_lost_reasons())
        row = QHBoxLayout()
        self.new_reason = QLineEdit()
        self.new_reason.setPlaceholderText(self.tr("A new reason, e.g. “Price too high”"))
        self.new_reason.setAccessibleName(self.tr("New reason"))
        self.new_reason.returnPressed.connect(lambda: self.add_reason())
        add = QPushButton(self.tr("A&dd"))
        add.clicked.connect(lambda: self.add_reason())
        remove = QPushButton(self.tr("Re&move"))
        remove.clicked.connect(self.remove_reason)
        row.addWidget(self.new_reason, 1)
        row.addWidget(add)
        row.addWidget(remove)
        layout.addWidget(self.own, 1)
        layout.addLayout(row)
        used = services.deals.lost_reasons()
        layout.addWidget(QLabel(self.tr("Used before (most often first):")))
        self.used = QListWidget()
        self.used.setAccessibleName(self.tr("Reasons used before"))
        self.used.addItems(used)
        self.used.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        layout.addWidget(self.used, 1)

    def reasons(self) -> list[str]:
        return [self.own.item(i).text() for i in range(self.own.count())]

    def add_reason(self, text: str | None = None) -> None:
        text = (text if text is not None else self.new_reason.text()).strip()
        if text and text.casefold() not in {r.casefold() for r in self.reasons()}:
            self.own.addItem(text)
        self.new_reason.clear()

    def remove_reason(self) -> None:
        for item in self.own.selectedItems():
            self.own.takeItem(self.own.row(item))

    def save(self) -> None:
        self.services.deals.set_own_lost_reasons(self.reasons())


class SettingsDialog(QDialog):
    """The settings. `needs_reload` tells the caller to build the window again after it."""

    themeApplied = Signal(str)
    languageChosen = Signal(str)  # "" = the system's

    def __init__(self, services: Services, settings: QSettings, parent=None):
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.needs_reload = False
        self.setWindowTitle(self.tr("Settings"))
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._general_tab(), self.tr("General"))
        self.pipeline_editor = PipelineStagesEditor(services)
        self.tabs.addTab(self.pipeline_editor, self.tr("Pipeline stages"))
        self.funnel_editor = FunnelStagesEditor(services)
        self.tabs.addTab(self.funnel_editor, self.tr("Funnel stages"))
        self.tabs.addTab(self._backup_tab(), self.tr("Backups"))
        self.lost_editor = LostReasonsEditor(services)
        self.tabs.addTab(self.lost_editor, self.tr("Lost reasons"))
        self.note = QLabel(self.tr("Changes to stages are saved at once."))
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        layout.addWidget(self.buttons)

    # ---- tabs ----------------------------------------------------------------------------
    def _general_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name or self.tr("System language"), code)
        self.language.setCurrentIndex(
            max(self.language.findData(self.settings.value("language", "") or ""), 0)
        )
        form.addRow(self.tr("&Language:"), self.language)
        self.theme = QComboBox()
        names = {"system": self.tr("Like the system"), "light": self.tr("Light"),
                 "dark": self.tr("Dark")}  # fmt: skip
        for key in THEMES:
            self.theme.addItem(names[key], key)
        self.theme.setCurrentIndex(
            max(self.theme.findData(self.settings.value("theme", "system")), 0)
        )
        form.addRow(self.tr("&Theme:"), self.theme)
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems(CURRENCIES)
        self.currency.setValidator(QRegularExpressionValidator(r"[A-Za-z]{0,3}"))
        self.currency.setCurrentText(self.services.currency())
        form.addRow(self.tr("Home &currency:"), self.currency)
        hint = QLabel(
            self.tr(
                "Amounts are stored without conversion: changing the currency changes how "
                "they are labelled, not their value. A new language or currency rebuilds "
                "the window (the undo history starts afresh)."
            )
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        self.general_error = _error_label()
        form.addRow(self.general_error)
        return page

    def _backup_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        row = QHBoxLayout()
        self.backup_folder = QLineEdit(self.settings.value("backup/folder", "") or "")
        self.backup_folder.setPlaceholderText(self.tr("Beside the database (default)"))
        self.backup_folder.setAccessibleName(self.tr("Backup folder"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._choose_backup_folder)
        row.addWidget(self.backup_folder, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Backup &folder:"), row)
        self.backup_interval = QSpinBox()
        self.backup_interval.setRange(1, 24 * 60)
        self.backup_interval.setSuffix(self.tr(" min"))
        self.backup_interval.setValue(
            int(self.settings.value("backup/interval_minutes", DEFAULT_BACKUP_MINUTES))
        )
        form.addRow(self.tr("Back up &every:"), self.backup_interval)
        hint = QLabel(
            self.tr(
                "A backup is made when Dealboard starts and then after every interval in "
                "which something changed. Older backups are thinned out automatically."
            )
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        return page

    def _choose_backup_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Backup folder"), self.backup_folder.text()
        )
        if folder:
            self.backup_folder.setText(folder)

    # ---- applying ------------------------------------------------------------------------
    def apply(self) -> bool:
        """Keep the general, backup and lost-reason settings; False if one is refused."""
        currency = self.currency.currentText().strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", currency):
            self.tabs.setCurrentIndex(0)
            self.general_error.setText(
                self.tr("A currency is a three-letter code such as EUR or USD.")
            )
            self.general_error.show()
            return False
        self.general_error.hide()
        if currency != self.services.currency():
            self.services.catalog.set_setting("currency", currency)
            self.needs_reload = True
        language = self.language.currentData()
        if language != (self.settings.value("language", "") or ""):
            self.settings.setValue("language", language)
            self.needs_reload = True
            self.languageChosen.emit(language)
        theme = self.theme.currentData()
        if theme != self.settings.value("theme", "system"):
            self.settings.setValue("theme", theme)
            apply_theme(QApplication.instance(), theme)
            self.themeApplied.emit(theme)
        self.settings.setValue("backup/folder", self.backup_folder.text().strip())
        self.settings.setValue("backup/interval_minutes", self.backup_interval.value())
        self.lost_editor.save()
        self.settings.sync()
        return True

    def accept(self) -> None:
        if self.apply():
            super().accept()
