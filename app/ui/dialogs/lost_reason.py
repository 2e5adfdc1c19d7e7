"""Asks why deals were lost: a reason used before or a new one; required."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout


class LostReasonDialog(QDialog):
    def __init__(self, known_reasons: list[str], count: int = 1, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Deal lost"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Why was this lost? (%n deal(s))", "", count)))
        self.reason_box = QComboBox()
        self.reason_box.setEditable(True)
        self.reason_box.addItems(known_reasons)
        self.reason_box.setCurrentText("")
        self.reason_box.lineEdit().setPlaceholderText(self.tr("Reason (required)"))
        self.reason_box.setAccessibleName(self.tr("Lost reason"))
        layout.addWidget(self.reason_box)
        self.error = QLabel()
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def reason(self) -> str:
        return self.reason_box.currentText().strip()

    def accept(self) -> None:
        if not self.reason():
            self.error.setText(self.tr("A lost deal needs a reason."))
            self.error.show()
            return
        super().accept()
