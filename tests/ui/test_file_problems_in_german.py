"""A German user is told in German why a file was refused, a restore or a backup failed and
a PDF could not be written: paths and the system's own words as they are, the rest ours."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.services import Services, backup
from app.storage import recovery
from app.ui.application import Dealboard
from app.ui.dialogs.backups import BackupScheduler, DamagedDatabaseDialog, RestoreBackupDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def board(tmp_path):
    settings = QSettings(str(tmp_path / "app.ini"), QSettings.Format.IniFormat)
    board = Dealboard(QApplication.instance(), settings)
    yield board
    if board.window is not None:
        board.window.close()
    board.close()


def answer_box(told: list[str], before=None, polls: int = 500):
    """Read and close the next message box that opens (waiting up to 10 s); `before(dialog)`
    handles another modal dialog first (a backup to choose)."""

    def poll(left: int):
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            told.append(box.text())
            box.accept()
            return
        if box is not None and before is not None:
            before(box)
        if left:
            QTimer.singleShot(20, lambda: poll(left - 1))

    QTimer.singleShot(0, lambda: poll(polls))


@pytest.fixture
def not_ours(tmp_path):
    path = tmp_path / "deals.csv"
    path.write_text("Titel;Wert\nRahmen;12\n")
    return path


def test_a_file_that_is_not_a_database_is_refused_in_german(qtbot, board, not_ours, language):
    language("de")
    told: list[str] = []
    answer_box(told)
    assert not board.open(not_ours)
    assert told == [f"{not_ours} ist keine Dealboard-Datenbank (keine SQLite-Datei)."]
    assert not_ours.read_text() == "Titel;Wert\nRahmen;12\n"  # refused untouched

    language("en")  # the English UI says what the command line says
    told.clear()
    answer_box(told)
    assert not board.open(not_ours)
    assert told == [f"{not_ours} is not a Dealboard database (not an SQLite file)."]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc is Linux's")
def test_a_lock_file_that_cannot_be_made_is_told_in_german(qtbot, board, language):
    """Not even root may create a file in /proc: the write lock cannot be taken."""
    language("de")
    told: list[str] = []
    answer_box(told)
    path = Path("/proc/dealboard.sqlite")
    assert not board.open(path)
    assert told == [f"{path}: Die Sperrdatei {path}.lock kann nicht angelegt werden"]


def test_a_refused_restore_is_told_in_german_and_the_file_reopened(
    qtbot, board, not_ours, tmp_path, language
):
    language("de")
    path = tmp_path / "db.sqlite"
    assert board.open(path, fresh_empty=True)
    board.services.deals.create("Bleibt")

    def choose_the_csv(dialog):
        if isinstance(dialog, RestoreBackupDialog):
            made = dt.datetime.now(dt.UTC)
            dialog.table.selectRow(dialog.add_backup(backup.BackupInfo(not_ours, made, None, 20)))
            dialog.accept()

    told: list[str] = []
    answer_box(told, choose_the_csv)
    assert board.restore_from_backup()  # reopened: the file is the one we had
    assert told == [
        f"{not_ours} kann nicht wiederhergestellt werden: {not_ours} ist keine "
        "Dealboard-Datenbank (keine SQLite-Datei)"
    ]
    from app.storage.models import Deal

    assert [t for (t,) in Deal.select(Deal.title).tuples()] == ["Bleibt"]


def test_a_pdf_that_cannot_be_written_is_told_in_german(qtbot, services, tmp_path, language):
    from app.domain.periods import last_12_months
    from app.ui.reports.export import export_report

    language("de")
    parent = QWidget()
    qtbot.addWidget(parent)
    out = tmp_path / "no such folder" / "bericht.pdf"
    told: list[str] = []
    answer_box(told)
    period = last_12_months(dt.date(2026, 3, 31))
    assert export_report(parent, services, "pipeline", 1, period, "de", out) is None
    qtbot.waitUntil(lambda: bool(told))
    # The system's reason as it wrote it; our sentence around it in German.
    assert told == [f"{out} kann nicht geschrieben werden: No such file or directory."]


def test_a_failed_automatic_backup_is_told_in_german(qtbot, tmp_path, language):
    language("de")
    path = tmp_path / "db.sqlite"
    services = Services.open(path)
    scheduler = BackupScheduler(services, folder=tmp_path / "backups")
    try:
        path.unlink()  # gone from under the open database
        with qtbot.waitSignal(scheduler.backupFailed, timeout=5000) as failed:
            scheduler.backup_now()
        assert failed.args == [f"{path}: Datenbankdatei nicht gefunden"]
    finally:
        scheduler.shutdown()
        services.close()


def test_the_damage_found_on_open_is_detailed_in_german(qtbot, tmp_path, language):
    path = tmp_path / "db.sqlite"
    Services.open(path).close()
    backup.make_backup(path)
    path.write_bytes(b"\0" * 4096)  # it has backups, so it was ours: damaged, not foreign
    found = recovery.recover(path)
    assert found is not None and found.backup is not None
    language("de")
    dialog = DamagedDatabaseDialog(found)
    qtbot.addWidget(dialog)
    assert dialog.detailedText() == f"{path} ist keine Dealboard-Datenbank (keine SQLite-Datei)"
    assert found.reason == f"{path} is not a Dealboard database (not an SQLite file)"
