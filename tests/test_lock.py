"""One writer per database: the QLockFile beside the database, in one process."""

import os

import pytest

from app.cli import main
from app.lock import DatabaseLocked, WriteLock, hold_write_lock, lock_path


def test_second_lock_is_refused_naming_the_holder(tmp_path):
    db = tmp_path / "deals.sqlite"
    first = WriteLock(db).acquire()
    try:
        assert first.locked
        assert lock_path(db) == tmp_path / "deals.sqlite.lock"
        assert lock_path(db).stat().st_mode & 0o777 == 0o600
        with pytest.raises(DatabaseLocked) as info:
            WriteLock(db).acquire(timeout_ms=50)
        assert info.value.holder.pid == os.getpid()
        assert str(info.value) == f"{db}: database is open in Dealboard (pid {os.getpid()})"
    finally:
        first.release()
    with hold_write_lock(db, 0) as again:
        assert again.locked
    assert not lock_path(db).exists()


def test_restore_command_fails_with_exit_2_while_the_database_is_open(tmp_path, capsys):
    db = tmp_path / "deals.sqlite"
    backup_file = tmp_path / "b.sqlite"
    from app.services import Services

    Services.open(backup_file).close()
    with WriteLock(db).acquire():
        assert main(["restore", "--db", str(db), str(backup_file)]) == 2
    err = capsys.readouterr().err
    assert f"database is open in Dealboard (pid {os.getpid()})" in err
    assert not db.exists()


def test_demo_command_waits_for_no_window_and_then_refuses(tmp_path, capsys):
    """demo writes a database too: while Dealboard holds the file it exits 2, writing nothing."""
    db = tmp_path / "new.sqlite"
    with WriteLock(db).acquire():
        assert main(["demo", "--db", str(db), "--deals", "50"]) == 2
    assert f"database is open in Dealboard (pid {os.getpid()})" in capsys.readouterr().err
    assert not db.exists()
    assert main(["demo", "--db", str(db), "--deals", "50"]) == 0
    assert not lock_path(db).exists()
