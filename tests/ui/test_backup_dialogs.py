"""Backup dialogs, automatic backups and the error reporter under pytest-qt."""

import datetime as dt
import errno
import sqlite3
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialogButtonBox

from app.services import Services, backup
from app.storage import recovery
from app.ui.dialogs.backups import BackupScheduler, DamagedDatabaseDialog, RestoreBackupDialog
from app.ui.errors import ErrorReporter, describe

pytestmark = pytest.mark.gui


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "deals.sqlite"
    s = Services.open(path)
    for i in range(3):
        s.deals.create(f"Deal {i}")
    s.close()
    return path


def test_restore_dialog_lists_backups_newest_first(qtbot, db_file):
    old = backup.make_backup(db_file, now=dt.datetime(2026, 1, 5, 9, 30, tzinfo=dt.UTC))
    s = Services.open(db_file)
    s.deals.create("Fourth")
    s.close()
    new = backup.make_backup(db_file, now=dt.datetime(2026, 1, 6, 9, 30, tzinfo=dt.UTC))
    dialog = RestoreBackupDialog(db_file)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert [dialog.table.item(r, 1).text() for r in range(2)] == ["4", "3"]
    assert "2026" in dialog.table.item(0, 0).text()
    assert dialog.chosen() == new
    dialog.table.selectRow(1)
    assert dialog.chosen() == old
    assert dialog.restore_button.isEnabled() and dialog.empty.isHidden()


def test_restore_dialog_without_backups_cannot_accept(qtbot, db_file):
    dialog = RestoreBackupDialog(db_file)
    qtbot.addWidget(dialog)
    assert dialog.chosen() is None
    assert not dialog.restore_button.isEnabled()
    assert not dialog.empty.isHidden()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel) is not None


def test_damaged_dialog_offers_the_backup(qtbot, db_file):
    good = backup.make_backup(db_file)
    db_file.write_bytes(b"garbage" * 1000)
    found = recovery.recover(db_file)
    assert found is not None and found.backup.path == good
    dialog = DamagedDatabaseDialog(found)
    qtbot.addWidget(dialog)
    assert str(found.moved_to) in dialog.informativeText()
    assert "3" in dialog.informativeText()
    QTimer.singleShot(0, dialog.restore_button.click)
    dialog.exec()
    assert dialog.choice == "restore"


def test_damaged_dialog_without_backup_offers_empty_or_quit(qtbot, tmp_path):
    found = recovery.Recovery(tmp_path / "a.sqlite", tmp_path / "a.sqlite.damaged-x", "bad", None)
    dialog = DamagedDatabaseDialog(found)
    qtbot.addWidget(dialog)
    assert dialog.restore_button is None
    QTimer.singleShot(0, dialog.empty_button.click)
    dialog.exec()
    assert dialog.choice == "empty"


def test_scheduler_backs_up_at_start_and_after_changes(qtbot, db_file):
    s = Services.open(db_file)
    scheduler = BackupScheduler(s, interval_minutes=0)
    try:
        with qtbot.waitSignal(scheduler.backupMade, timeout=5000) as first:
            scheduler.start()
        assert recovery.verify(recovery.backup_files(db_file)[0].path) is None
        assert not scheduler.auto.due()
        s.deals.create("Changed")
        assert scheduler.auto.due()
        with qtbot.waitSignal(scheduler.backupMade, timeout=5000) as second:
            scheduler._tick()
        assert second.args[0] != first.args[0]
        assert backup.count_deals(recovery.backup_files(db_file)[0].path) == 4
        s.deals.create("Changed again")
        assert scheduler.backup_now()
        assert scheduler.shutdown(timeout_s=10)  # closing waits for the running backup
        assert not scheduler.running()
        assert not [p for p in recovery.backup_folder(db_file).iterdir() if p.suffix == ".tmp"]
    finally:
        scheduler.shutdown()
        s.close()


def test_scheduler_reports_a_failed_backup(qtbot, db_file):
    s = Services.open(db_file)
    scheduler = BackupScheduler(s, folder=db_file)  # a file, not a folder: cannot write there
    try:
        with qtbot.waitSignal(scheduler.backupFailed, timeout=5000):
            scheduler.backup_now()
    finally:
        scheduler.shutdown()
        s.close()


def test_error_reporter_logs_shows_and_passes_exceptions_on(qtbot, tmp_path):
    log = tmp_path / "dealboard.log"

    def broken_slot():
        raise RuntimeError("slot exploded")

    with qtbot.capture_exceptions() as seen:
        reporter = ErrorReporter(log).install()
        try:
            with qtbot.waitSignal(reporter.shown, timeout=3000) as shown:
                QTimer.singleShot(0, broken_slot)
            thread = threading.Thread(target=lambda: 1 / 0)
            thread.start()
            thread.join()
        finally:
            reporter.uninstall()
    # The hook it replaced (pytest-qt's here) saw both: a test would fail loudly.
    assert [type(e[1]) for e in seen] == [RuntimeError, ZeroDivisionError]
    assert "slot exploded" in shown.args[0]
    text = log.read_text()
    assert "RuntimeError: slot exploded" in text and "ZeroDivisionError" in text
    assert log.stat().st_mode & 0o777 == 0o600
    assert reporter.dialog is not None and reporter.dialog.isVisible()
    assert str(log) in reporter.dialog.informativeText()
    reporter.dialog.close()


@pytest.mark.parametrize(
    "exc, words",
    [
        (sqlite3.OperationalError("database or disk is full"), "disk is full"),
        (OSError(errno.ENOSPC, "No space left on device"), "disk is full"),
        (OSError(errno.EFBIG, "File too large"), "disk is full"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "read-only"),
        (PermissionError(errno.EACCES, "Permission denied"), "permission denied"),
        (ValueError("odd"), "unexpected error occurred: odd"),
    ],
)
def test_describe_tells_the_user_what_happened(qapp, exc, words):
    assert words in describe(exc)


def test_stored_instants_are_shown_in_local_time(monkeypatch):
    """The trash, backups and snapshots show UTC instants from the database as local time."""
    import datetime as dt
    import time

    from PySide6.QtCore import QLocale

    from app.ui import format as fmt

    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
        stored = dt.datetime(2026, 11, 26, 23, 30)  # naive: UTC, as the database keeps it
        assert fmt.timestamp(stored, german) == "27.11.2026 00:30"
        assert fmt.timestamp(stored.replace(tzinfo=dt.UTC), german) == "27.11.2026 00:30"
        assert fmt.timestamp("2026-07-01 10:00:00.123456", german) == "01.07.2026 12:00"
        assert fmt.timestamp(None) == ""
    finally:
        monkeypatch.undo()
        time.tzset()
