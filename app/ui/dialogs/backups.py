"""Backups in the GUI: the restore dialog, the damaged-file dialog, and automatic backups.

The widgets only ask and show; reading, checking and restoring files is app.services.backup's
and app.storage.recovery's job.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import Services, backup
from app.storage.recovery import Recovery
from app.ui import format as fmt
from app.ui.errors import exception_text, translated

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class RestoreBackupDialog(QDialog):
    """File → Restore from backup…: lists the backups (date, deals) and returns the chosen file.

    The caller closes the database, calls `backup.restore(db_path, dialog.chosen())` and
    reopens it; the current file is kept aside by that call, never deleted.
    """

    def __init__(self, db_path: Path, parent: QWidget | None = None, *, folder: Path | None = None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.setWindowTitle(self.tr("Restore from backup"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose the backup to go back to. The database as it is now is kept as a file "
                "next to it; nothing is deleted."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Deals"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Backups"))
        layout.addWidget(self.table)
        self.empty = QLabel(self.tr("There are no backups of this database yet."))
        layout.addWidget(self.empty)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.other_button = QPushButton(self.tr("Other &file…"))
        self.buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.other_button.clicked.connect(self._choose_file)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.accept())
        for info in backup.list_backups(self.db_path, folder=folder):
            self.add_backup(info)
        if self.table.rowCount():
            self.table.selectRow(0)
        self.table.resizeColumnsToContents()
        self.resize(520, 360)
        self._update_buttons()

    def add_backup(self, info: backup.BackupInfo) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        made = QTableWidgetItem(fmt.timestamp(info.made_at))
        made.setData(PATH_ROLE, str(info.path))
        made.setToolTip(str(info.path))
        deals = QTableWidgetItem(
            QLocale().toString(info.deals) if info.deals is not None else self.tr("unreadable")
        )
        deals.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        size = QTableWidgetItem(QLocale().formattedDataSize(info.size))
        for column, item in enumerate((made, deals, size)):
            self.table.setItem(row, column, item)
        return row

    def chosen(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return Path(self.table.item(rows[0].row(), 0).data(PATH_ROLE))

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)
        self.empty.setVisible(self.table.rowCount() == 0)

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from file"),
            str(self.db_path.parent),
            self.tr("Dealboard databases (*.sqlite *.db);;All files (*)"),
        )
        if name:
            path = Path(name)
            row = self.add_backup(
                backup.BackupInfo(
                    path,
                    dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC),
                    backup.count_deals(path),
                    path.stat().st_size,
                )
            )
            self.table.selectRow(row)


class DamagedDatabaseDialog(QMessageBox):
    """Told on open that the file was damaged and moved aside: restore a backup, start empty, quit.

    After exec(), `choice` is "restore" (restore `recovery.backup`), "empty" or "quit".
    """

    def __init__(self, recovery: Recovery, parent: QWidget | None = None):
        super().__init__(parent)
        self.recovery = recovery
        self.choice = "quit"
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Database damaged"))
        self.setText(
            self.tr("%1 is damaged and cannot be opened safely.").replace(
                "%1", recovery.damaged.name
            )
        )
        moved = self.tr("It was moved aside unchanged to %1.").replace("%1", str(recovery.moved_to))
        b = recovery.backup
        self.restore_button = None
        if b is not None:
            deals = backup.count_deals(b.path)
            offer = (
                self.tr("The newest good backup is from %1 and holds %2 deals. Restore it?")
                .replace("%1", fmt.timestamp(b.made_at))
                .replace("%2", QLocale().toString(deals or 0))
            )
            self.restore_button = self.addButton(
                self.tr("&Restore backup"), QMessageBox.ButtonRole.AcceptRole
            )
        else:
            offer = self.tr("No backup that passes the integrity check was found.")
        self.setInformativeText(f"{moved}\n\n{offer}")
        self.setDetailedText(translated(recovery.reason))
        self.empty_button = self.addButton(
            self.tr("Start with an &empty database"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.quit_button = self.addButton(self.tr("&Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.restore_button or self.quit_button)
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button) -> None:
        if button is self.restore_button:
            self.choice = "restore"
        elif button is self.empty_button:
            self.choice = "empty"
        else:
            self.choice = "quit"


class BackupScheduler(QObject):
    """Automatic backups of an open database, off the UI thread.

    One at start when the file changed since the newest backup, then after every
    `interval_minutes` in which something changed. `shutdown()` on close waits for a
    running backup (a backup is one consistent snapshot: it finishes or leaves no file).
    """

    backupMade = Signal(str)  # path of the new backup
    backupFailed = Signal(str)  # what went wrong, for the status bar
    _finished = Signal(str, str)  # path, error: from the worker thread to this object's thread

    def __init__(
        self,
        services: Services,
        *,
        interval_minutes: float = 10,
        folder: Path | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.services = services
        self.auto = backup.AutoBackup(
            services.path, interval=dt.timedelta(minutes=interval_minutes), folder=folder
        )
        services.changed.connect(self.auto.note_change)
        self._listening = True
        self._thread: threading.Thread | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(int(min(interval_minutes * 60_000, 30_000)))
        self.timer.timeout.connect(self._tick)
        self._finished.connect(self._on_finished)

    def start(self) -> None:
        self.timer.start()
        if backup.needs_backup(self.services.path, folder=self.auto.folder):
            self.backup_now()

    def backup_now(self) -> bool:
        """Start a backup unless one is running; False if one was already running."""
        if self.running():
            return False
        self._thread = threading.Thread(target=self._work, name="dealboard-backup")
        self._thread.start()
        return True

    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def shutdown(self, timeout_s: float | None = None) -> bool:
        """Stop scheduling and wait for a running backup; True when none is left running."""
        self.timer.stop()
        if self._listening:
            self.services.changed.disconnect(self.auto.note_change)
            self._listening = False
        if self._thread is not None:
            self._thread.join(timeout_s)
        return not self.running()

    def _tick(self) -> None:
        if self.auto.due():
            self.backup_now()

    def _work(self) -> None:
        try:
            made = self.auto.run()
        except (backup.BackupFailed, OSError) as exc:
            # Translated here: QCoreApplication.translate is thread-safe.
            self._finished.emit("", exception_text(exc))
        else:
            self._finished.emit(str(made), "")

    def _on_finished(self, path: str, error: str) -> None:
        if error:
            self.backupFailed.emit(error)
        else:
            self.backupMade.emit(path)
