"""File → Export…: deals, companies, contacts or activities to CSV, next actions to a calendar.

A small form: what to export, the cell separator (semicolon for German Excel) and the file.
The writing itself is app.services.exporter; files appear whole or not at all.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import Services, exporter

KINDS = ("deals", "companies", "contacts", "activities", "next-actions")


class ExportDialog(QDialog):
    """Export one kind of record; `exported_path` and `exported_count` are set on success."""

    def __init__(self, services: Services, parent: QWidget | None = None, kind: str = "deals"):
        super().__init__(parent)
        self.services = services
        self.exported_path: Path | None = None
        self.exported_count = 0
        self.setWindowTitle(self.tr("Export"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind_combo = QComboBox()
        names = {
            "deals": self.tr("Deals (CSV)"),
            "companies": self.tr("Companies (CSV)"),
            "contacts": self.tr("Contacts (CSV)"),
            "activities": self.tr("Activities (CSV)"),
            "next-actions": self.tr("Next actions (calendar, .ics)"),
        }
        for key in KINDS:
            self.kind_combo.addItem(names[key], key)
        self.kind_combo.setCurrentIndex(KINDS.index(kind))
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        form.addRow(self.tr("Export:"), self.kind_combo)
        self.delimiter_combo = QComboBox()
        self.delimiter_combo.addItem(self.tr("Semicolon (Excel in German)"), ";")
        self.delimiter_combo.addItem(self.tr("Comma"), ",")
        # Where the decimal separator is a comma, Excel expects semicolons between cells.
        german_style = QLocale().decimalPoint() == ","
        self.delimiter_combo.setCurrentIndex(0 if german_style else 1)
        form.addRow(self.tr("Separator:"), self.delimiter_combo)
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self.choose_file)
        row.addWidget(self.path_edit, 1)
        row.addWidget(choose)
        form.addRow(self.tr("File:"), row)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._kind_changed()

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def _suffix(self) -> str:
        return ".ics" if self.kind() == "next-actions" else ".csv"

    def _kind_changed(self) -> None:
        self.delimiter_combo.setEnabled(self.kind() != "next-actions")
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(Path(text).with_suffix(self._suffix())))

    def choose_file(self) -> None:
        if self.kind() == "next-actions":
            filter_ = self.tr("Calendar files (*.ics)")
        else:
            filter_ = self.tr("CSV files (*.csv)")
        default = self.path_edit.text().strip() or self.kind() + self._suffix()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), default, filter_)
        if path:
            if not Path(path).suffix:
                path += self._suffix()
            self.path_edit.setText(path)

    def export(self) -> bool:
        """Write the file; True on success (the dialog closes), else the reason is shown."""
        text = self.path_edit.text().strip()
        if not text:
            self.message.setText(self.tr("Choose a file to export to."))
            return False
        path = Path(text)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self.kind() == "next-actions":
                count = exporter.export_next_actions(self.services, path)
            else:
                count = exporter.export_csv(
                    self.services, self.kind(), path, self.delimiter_combo.currentData()
                )
        except OSError as exc:
            self.message.setText(
                self.tr("Could not write %1: %2. Nothing was exported.")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or str(exc))
            )
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.exported_path, self.exported_count = path, count
        self.accept()
        return True


def run_export_dialog(
    parent: QWidget | None, services: Services, kind: str = "deals"
) -> Path | None:
    """File → Export…: the modal dialog; the path written, or None if cancelled."""
    dialog = ExportDialog(services, parent, kind)
    dialog.exec()
    return dialog.exported_path
