"""The first start: a welcome page offering the demo data, an empty database or a CSV import.

The default database is filled with demo data on the very first start (see
application.open_or_create), so "explore" keeps it; "empty" and "import" open a new empty
file beside it through the Dealboard object, so the demo stays one click away in File →
Open recent.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCommandLinkButton, QDialog, QLabel, QVBoxLayout

DONE_KEY = "welcome/done"
DEMO, EMPTY, IMPORT = "demo", "empty", "import"


def should_welcome(settings: QSettings, chose_file: bool) -> bool:
    """Only on the first start, and only when no file was named on the command line."""
    return not chose_file and not settings.value(DONE_KEY, False, type=bool)


class WelcomeDialog(QDialog):
    """Three choices as large buttons; closing the page keeps the demo data."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.choice = DEMO
        self.setWindowTitle(self.tr("Welcome to Dealboard"))
        self.setMinimumWidth(560)  # the descriptions read as lines, not as narrow columns
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("<h2>Welcome to Dealboard</h2>"))
        layout.addWidget(title)
        intro = QLabel(
            self.tr(
                "Dealboard keeps your sales funnel (companies, from first contact to customer) "
                "and your sales pipeline (deals, from qualification to close) in one file on "
                "this computer. How would you like to start?"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.demo_button = self._choice(
            DEMO,
            self.tr("Explore the demo data"),
            self.tr("Look around in a filled database with made-up companies and deals."),
        )
        self.empty_button = self._choice(
            EMPTY,
            self.tr("Start with an empty database"),
            self.tr("A new file for your own deals; the demo stays in File → Open recent."),
        )
        self.import_button = self._choice(
            IMPORT,
            self.tr("Import a CSV file"),
            self.tr("Bring deals, companies or contacts from a spreadsheet or another CRM."),
        )
        for button in (self.demo_button, self.empty_button, self.import_button):
            layout.addWidget(button)
        self.demo_button.setDefault(True)
        self.demo_button.setFocus()

    def _choice(self, key: str, title: str, description: str) -> QCommandLinkButton:
        button = QCommandLinkButton(title, description)
        button.setAccessibleName(title)
        button.setAccessibleDescription(description)
        button.clicked.connect(lambda: self._choose(key))
        return button

    def _choose(self, key: str) -> None:
        self.choice = key
        self.accept()


def empty_database_path(beside: Path) -> Path:
    """A new file name in the same folder: deals.sqlite, deals-2.sqlite, …"""
    folder = Path(beside).parent
    path, n = folder / "deals.sqlite", 2
    while path.exists():
        path, n = folder / f"deals-{n}.sqlite", n + 1
    return path


def open_import_dialog(window):
    """The import dialog over the window, when this version has one (None otherwise)."""
    try:
        module = importlib.import_module("app.ui.dialogs.import_dialog")
    except ModuleNotFoundError:
        return None
    dialog = module.ImportDialog(window.services, window)
    dialog.open()  # window-modal, so the first window is painted behind it
    return dialog


def run_welcome(board, settings: QSettings, choice: str | None = None):
    """Show the page (unless `choice` is given, as tests do) and carry the choice out.

    Returns (choice, import dialog or None). The page is shown once: the flag is set first,
    so a crash in what follows does not show it again.
    """
    settings.setValue(DONE_KEY, True)
    settings.sync()
    if choice is None:
        dialog = WelcomeDialog(board.window)
        dialog.exec()
        choice = dialog.choice
    if choice == DEMO:
        return choice, None
    if not board.open(empty_database_path(board.services.path), fresh_empty=True):
        return DEMO, None
    if choice == IMPORT:
        return choice, open_import_dialog(board.window)
    return choice, None
