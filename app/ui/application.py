"""The composition root: builds the database, services, undo stack and window, and wires them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_NAME, ORG_NAME
from app.services import Services


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


def open_or_create(path: Path, demo_deals: int = 2000) -> Services:
    """Open a database; a new file starts with demo data so the first start is not empty."""
    fresh = not path.exists() or path.stat().st_size == 0
    # The page-by-page check runs beside the window (Session.verify_in_background).
    services = Services.open(path, full_check=fresh)
    if fresh:
        from app.services.demo import generate

        generate(services.db, deals=demo_deals, seed=1)
    return services


class Dealboard:
    """Holds the one window and the session of its database; reopening rebuilds both."""

    def __init__(self, app: QApplication, settings: QSettings):
        self.app = app
        self.settings = settings
        self.window = None
        self.session = None
        app.aboutToQuit.connect(self.close)

    @property
    def services(self) -> Services | None:
        return self.session.services if self.session else None

    def open(self, path: Path, *, fresh_empty: bool = False) -> bool:
        """Open `path` in a new window; on refusal the current window stays as it was."""
        from app.ui.main_window import MainWindow, remember_recent
        from app.ui.session import Session
        from app.ui.views import add_views

        path = Path(path)
        same_file = self.session is not None and self.session.path == path
        if same_file:  # the window is rebuilt on the file it holds: keep its lock
            self.window.close()
            self.session.close(keep_lock=True)
        session = Session.open(
            path,
            Services.open if fresh_empty else open_or_create,
            self.settings,
            self.window,
            lock=self.session.lock if same_file else None,
        )
        if session is None:
            if same_file:
                self.session.lock.release()
                self.session = None
            return False
        old_window, old_session = self.window, None if same_file else self.session
        window = MainWindow(session.services, QUndoStack(), self.settings)
        add_views(window)
        self._add_file_actions(window)
        window.openDatabase.connect(lambda p: self.open(Path(p)))
        window.newDatabase.connect(lambda p: self.open(Path(p), fresh_empty=True))
        window.reloadRequested.connect(self.reload)
        self.window, self.session = window, session
        session.verify_in_background(self._damaged_while_open)
        session.start_backups(window)
        remember_recent(self.settings, path)
        window.show()
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_session is not None:
            old_session.close()
        return True

    def _damaged_while_open(self, problem: str) -> None:
        """The background check found damage: nothing was written; recover like on open."""
        from app.storage.recovery import recover
        from app.ui.dialogs.backups import DamagedDatabaseDialog

        path = self.session.path
        self.session.close(keep_lock=True)
        recovery = recover(path)
        if recovery is None:  # the file passes now (e.g. a transient read error): reopen
            self.open(path)
            return
        dialog = DamagedDatabaseDialog(recovery, self.window)
        dialog.exec()
        from app.services import backup
        from app.ui.errors import exception_text

        if dialog.choice == "restore" and recovery.backup is not None:
            try:
                backup.restore(path, recovery.backup.path)
            except (backup.RestoreRefused, backup.BackupFailed, OSError) as exc:
                # The damaged file stays aside and the backups as they are: nothing to open.
                QMessageBox.critical(self.window, APP_NAME, exception_text(exc))
                self.window.close()
                return
        if dialog.choice in ("restore", "empty"):
            # "Empty" means empty, as on open: no demo data in place of the user's file.
            self.open(path, fresh_empty=dialog.choice == "empty")
        else:
            self.window.close()

    def _add_file_actions(self, window) -> None:
        from PySide6.QtGui import QAction

        restore = QAction(window.tr("Restore from &backup…"), window)
        restore.triggered.connect(self.restore_from_backup)
        backup_now = QAction(window.tr("Back up &now"), window)
        backup_now.triggered.connect(lambda: self.session.scheduler.backup_now())
        import_action = QAction(window.tr("&Import…"), window)
        import_action.triggered.connect(self.import_file)
        export_action = QAction(window.tr("&Export…"), window)
        export_action.triggered.connect(self.export_file)
        window.file_menu.insertActions(
            window.file_menu_extra, [import_action, export_action, backup_now, restore]
        )

    def import_file(self) -> None:
        from app.services import backup
        from app.ui.dialogs.import_dialog import run_import_dialog
        from app.ui.errors import exception_text
        from app.ui.session import backup_folder

        # A checked backup first: an import is one transaction, but not an undo step.
        try:
            backup.make_backup(self.session.path, folder=backup_folder(self.settings))
        except (backup.BackupFailed, OSError) as exc:
            answer = QMessageBox.question(
                self.window,
                APP_NAME,
                self.window.tr(
                    "No backup could be made before the import (%1). Import anyway?"
                ).replace("%1", exception_text(exc)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        run_import_dialog(self.window, self.session.services)

    def export_file(self) -> None:
        from app.ui.dialogs.export_dialog import run_export_dialog

        run_export_dialog(self.window, self.session.services)

    def restore_from_backup(self) -> bool:
        """File → Restore from backup…: the current file is kept aside, never deleted."""
        from app.services import backup
        from app.ui.dialogs.backups import RestoreBackupDialog
        from app.ui.errors import exception_text
        from app.ui.session import backup_folder

        path = self.session.path
        dialog = RestoreBackupDialog(path, self.window, folder=backup_folder(self.settings))
        if not dialog.exec() or dialog.chosen() is None:
            return False
        self.session.close(keep_lock=True)
        try:
            aside = backup.restore(path, dialog.chosen())
        except (backup.RestoreRefused, backup.BackupFailed, OSError) as exc:
            # BackupFailed: the chosen file could not be copied beside the database.
            QMessageBox.critical(self.window, APP_NAME, exception_text(exc))
            aside = None
        reopened = self.open(path)  # either way: after a refusal the file is the one we had
        if aside is not None and reopened:
            self.window.statusBar().showMessage(
                self.window.tr("Restored. The previous file was kept as %1").replace(
                    "%1", str(aside)
                )
            )
        return reopened

    def reload(self) -> bool:
        """Build the window again on the same file: after a new language or currency."""
        if self.session is None:
            return False
        view = self.window.current_view()
        if not self.open(self.session.path):
            return False
        if view in self.window.views:
            self.window.show_view(view)
        return True

    def close(self) -> None:
        """On quit: wait for a running backup, close the database, release the lock."""
        if self.session is not None:
            self.session.close()
            self.session = None


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
    from app.paths import log_path
    from app.ui.errors import install_excepthook

    # Unexpected errors in slots are logged and shown, never printed and forgotten.
    reporter = install_excepthook(log_path(), lambda: board.window)  # noqa: F841 (kept alive)
    if not board.open(path):
        return 2
    from app.ui.welcome import run_welcome, should_welcome

    if should_welcome(settings, chose_file=bool(args.db or args.demo)):
        run_welcome(board, settings)
    return app.exec()
