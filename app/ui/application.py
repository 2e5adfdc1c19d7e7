"""The composition root: builds the database, services, undo stack and window, and wires them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtGui import QIcon, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_NAME, ORG_NAME
from app.services import Services
from app.storage.database import DatabaseRefused


def make_qapp(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationDisplayName(APP_NAME)
    # Wayland matches windows to the menu entry (and its icon) by this name.
    app.setDesktopFileName("org.dealboard.Dealboard")
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """The mark from resources/icons in every size we ship (packaging/icons renders them)."""
    icon = QIcon()
    for png in sorted((Path(__file__).resolve().parents[2] / "resources" / "icons").glob("*.png")):
        icon.addFile(str(png))
    return icon


def set_language(lang: str | None) -> None:
    """Money and dates follow the chosen language (translations load in app.ui.i18n)."""
    if lang == "de":
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    elif lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def open_or_create(path: Path, demo_deals: int = 2000) -> Services:
    """Open a database; a new file starts with demo data so the first start is not empty."""
    fresh = not path.exists() or path.stat().st_size == 0
    services = Services.open(path)
    if fresh:
        from app.services.demo import generate

        generate(services.db, deals=demo_deals, seed=1)
    return services


class Dealboard:
    """Holds the one window and its services; reopening a database rebuilds both."""

    def __init__(self, app: QApplication, settings: QSettings):
        self.app = app
        self.settings = settings
        self.window = None
        self.services: Services | None = None

    def open(self, path: Path, *, fresh_empty: bool = False) -> bool:
        from app.ui.main_window import MainWindow, remember_recent
        from app.ui.views import add_views

        try:
            services = Services.open(path) if fresh_empty else open_or_create(path)
        except DatabaseRefused as exc:
            QMessageBox.critical(self.window, APP_NAME, str(exc))
            return False
        old_window, old_services = self.window, self.services
        undo_stack = QUndoStack()
        window = MainWindow(services, undo_stack, self.settings)
        add_views(window)
        window.openDatabase.connect(lambda p: self.open(Path(p)))
        window.newDatabase.connect(lambda p: self.open(Path(p), fresh_empty=True))
        window.reloadRequested.connect(self.reload)
        self.window, self.services = window, services
        remember_recent(self.settings, path)
        window.show()
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_services is not None:
            old_services.close()
        return True

    def reload(self) -> bool:
        """Build the window again on the same file: after a new language or currency.

        The old window and services close first, so the file is never open twice.
        """
        if self.window is None or self.services is None:
            return False
        path, view = self.services.path, self.window.current_view()
        old_window, old_services = self.window, self.services
        self.window = self.services = None
        old_window.close()
        old_window.deleteLater()
        old_services.close()
        if not self.open(path):
            return False
        if view in self.window.views:
            self.window.show_view(view)
        return True


def run_gui(args: argparse.Namespace) -> int:
    from app.paths import default_db_path, demo_db_path
    from app.ui.i18n import apply_language, chosen_language
    from app.ui.theme import apply_theme, follow_system_scheme

    app = make_qapp()
    settings = QSettings()
    apply_language(app, chosen_language(args.lang, settings))
    apply_theme(app, settings.value("theme", "system"))
    follow_system_scheme(app, settings)
    if args.db:
        path = Path(args.db)
    elif args.demo:
        path = demo_db_path()
    else:
        path = Path(settings.value("last_database", str(default_db_path())))
    board = Dealboard(app, settings)
    if not board.open(path):
        return 2
    from app.ui.welcome import run_welcome, should_welcome

    if should_welcome(settings, chose_file=bool(args.db or args.demo)):
        run_welcome(board, settings)
    return app.exec()
