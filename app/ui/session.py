"""One database open in the GUI: its write lock, damage recovery, services and backups."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from app import APP_NAME
from app.lock import LockError, WriteLock
from app.services import Services
from app.services import backup as backups
from app.storage.database import DatabaseRefused
from app.storage.recovery import Recovery, open_or_recover
from app.ui.errors import describe, exception_text


class _Verifier(QObject):
    """Carries the background check's verdict to the GUI thread (queued signal)."""

    damaged = Signal(str)
    _result = Signal(str)

    def __init__(self):
        super().__init__()
        self._result.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def report(self, problem: str | None) -> None:
        """Called on the worker thread."""
        self._result.emit(problem or "")

    @Slot(str)
    def _deliver(self, problem: str) -> None:
        if problem:
            self.damaged.emit(problem)


class Session:
    """Holds the lock for as long as the file is open; closing waits for a running backup."""

    def __init__(self, path: Path, lock: WriteLock, services: Services, settings: QSettings):
        self.path, self.lock, self.services, self.settings = path, lock, services, settings
        self.scheduler = None

    @classmethod
    def open(
        cls,
        path: Path,
        opener: Callable[[Path], Services],
        settings: QSettings,
        parent: QWidget | None,
        lock: WriteLock | None = None,
    ) -> Session | None:
        """Lock, open (recovering a damaged file with the user), or say why not and return None.

        `lock` is the lock already held when the same file is opened again.
        """
        if lock is None:
            lock = WriteLock(path)
            try:
                lock.acquire(0)
            except LockError as exc:  # open elsewhere, or no lock file can be made beside it
                QMessageBox.warning(parent, APP_NAME, describe(exc))  # in the user's language
                return None
        try:
            opened = open_or_recover(path, opener, backup_folder(settings))
            if isinstance(opened, Recovery):
                opened = cls._recover(path, opened, parent)
        except (DatabaseRefused, backups.RestoreRefused, backups.BackupFailed) as exc:
            # Refused untouched, or the backup chosen to recover from could not be copied.
            QMessageBox.critical(parent, APP_NAME, exception_text(exc))
            opened = None
        if opened is None:
            lock.release()
            return None
        return cls(path, lock, opened, settings)

    @staticmethod
    def _recover(path: Path, recovery: Recovery, parent: QWidget | None) -> Services | None:
        from app.ui.dialogs.backups import DamagedDatabaseDialog

        dialog = DamagedDatabaseDialog(recovery, parent)
        dialog.exec()
        if dialog.choice == "restore" and recovery.backup is not None:
            backups.restore(path, recovery.backup.path)
            return Services.open(path)
        if dialog.choice == "empty":
            return Services.open(path)
        return None

    def verify_in_background(self, on_damage: Callable[[str], None]) -> None:
        """Run the integrity check beside the window; writes wait for it (Services.verified).

        A damaged file is reported through `on_damage` on the GUI thread.
        """
        if self.services.verified.is_set():
            return
        self._verifier = _Verifier()
        self._verifier.damaged.connect(on_damage)
        self._thread = threading.Thread(
            target=lambda: self._verifier.report(self.services.verify()),
            name="dealboard-verify",
            daemon=True,
        )
        self._thread.start()

    def start_backups(self, window) -> None:
        from app.ui.dialogs.backups import BackupScheduler

        minutes = float(self.settings.value("backup/interval_minutes", 10))
        self.scheduler = BackupScheduler(
            self.services,
            interval_minutes=minutes,
            folder=backup_folder(self.settings),
            parent=window,
        )
        self.scheduler.backupFailed.connect(
            lambda text: window.statusBar().showMessage(
                window.tr("Backup failed: %1").replace("%1", text)
            )
        )
        self.scheduler.backupMade.connect(
            lambda _: window.statusBar().showMessage(window.tr("Backup saved"), 5000)
        )
        self.scheduler.start()

    def close(self, *, keep_lock: bool = False) -> None:
        """Wait for a running check or backup, close the database, and let go of the file."""
        if getattr(self, "_thread", None) is not None:
            self._thread.join()
            self._thread = None
        if self.scheduler is not None:
            self.scheduler.shutdown()
            self.scheduler = None
        self.services.close()
        if not keep_lock:
            self.lock.release()


def backup_folder(settings: QSettings) -> Path | None:
    folder = settings.value("backup/folder", "")
    return Path(folder) if folder else None
