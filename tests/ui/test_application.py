"""The composition root: File menu wiring for import (with a backup first) and restore."""

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.services import backup
from app.ui.application import Dealboard


def test_file_menu_has_import_export_backup_restore(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    board = Dealboard(QApplication.instance(), settings)
    assert board.open(tmp_path / "deals.sqlite", fresh_empty=True)
    try:
        texts = [a.text().replace("&", "") for a in board.window.file_menu.actions()]
        for wanted in ("Import…", "Export…", "Back up now", "Restore from backup…"):
            assert wanted in texts
        # The same file cannot be opened for writing twice (one writer per database).
        other = Dealboard(QApplication.instance(), settings)
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QMessageBox

        def close_box():
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                assert "open" in box.text().lower()
                box.accept()
            else:
                QTimer.singleShot(20, close_box)

        QTimer.singleShot(0, close_box)
        assert not other.open(tmp_path / "deals.sqlite")
    finally:
        board.window.close()
        board.close()


def test_restore_from_backup_reopens_with_backup_contents(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    board = Dealboard(QApplication.instance(), settings)
    path = tmp_path / "deals.sqlite"
    assert board.open(path, fresh_empty=True)
    try:
        board.services.deals.create("Before the backup")
        made = backup.make_backup(path)
        board.services.deals.create("After the backup")
        board.session.close(keep_lock=True)
        backup.restore(path, made)
        assert board.open(path)
        from app.storage.models import Deal

        assert [t for (t,) in Deal.select(Deal.title).tuples()] == ["Before the backup"]
    finally:
        board.window.close()
        board.close()


def test_damage_found_while_open_then_start_empty_gives_an_empty_database(qtbot, tmp_path):
    """The background check finds the open file damaged; the user chooses "Start with an
    empty database": the damaged file is kept aside and the new one is empty, as on open,
    not filled with demo deals."""
    from PySide6.QtCore import QTimer

    from app.storage.models import Deal
    from app.ui.dialogs.backups import DamagedDatabaseDialog

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    board = Dealboard(QApplication.instance(), settings)
    path = tmp_path / "deals.sqlite"
    assert board.open(path, fresh_empty=True)
    try:
        for i in range(300):  # pages enough that damage in the middle hits the deal table
            board.services.deals.create(f"Deal {i}", notes="x" * 200)
        board.services.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        with open(path, "r+b") as fh:
            fh.seek(4096 * 3)
            fh.write(b"\xff" * 4096 * 4)

        def choose_empty():
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, DamagedDatabaseDialog):
                dialog.empty_button.click()
            else:
                QTimer.singleShot(20, choose_empty)

        QTimer.singleShot(0, choose_empty)
        board._damaged_while_open("found by the background check")
        assert board.session is not None and board.session.path == path
        assert Deal.select().count() == 0
        assert [p.name for p in tmp_path.iterdir() if "damaged" in p.name]  # kept aside
    finally:
        if board.window is not None:
            board.window.close()
        board.close()
