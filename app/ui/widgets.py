"""Small widgets the views share: a key figure (caption over a big number)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class KeyFigure(QFrame):
    """A caption and a big number; the tooltip gives the definition.

    `compact` for panes that show many of them in a grid (the reports pane).
    """

    def __init__(
        self,
        caption: str,
        definition: str = "",
        parent: QWidget | None = None,
        *,
        compact: bool = False,
    ):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        # Muted but readable in light and dark palettes alike.
        self.caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.value = QLabel("—")
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * (1.45 if compact else 1.6))
        font.setBold(True)
        self.value.setFont(font)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*((8, 5, 8, 5) if compact else (12, 8, 12, 8)))
        if compact:
            layout.setSpacing(1)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        if definition:
            self.setToolTip(definition)

    def set_value(self, text: str) -> None:
        self.value.setText(text)

    def text(self) -> str:
        return self.value.text()
