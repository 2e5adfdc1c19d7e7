"""Backups, thinning, restore and integrity on open, on real SQLite files."""

import datetime as dt
import os
import sqlite3

import pytest

from app.cli import BadInput, main, open_services
from app.services import Services, backup
from app.storage import database, recovery
from tests.helpers import sha


def deal_titles(path):
    conn = sqlite3.connect(path)
    try:
        return [t for (t,) in conn.execute("SELECT title FROM deal ORDER BY id")]
    finally:
        conn.close()


def files(folder):
    return sorted(p.name for p in folder.iterdir() if p.name != "home")


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "deals.sqlite"
    s = Services.open(path)
    for i in range(5):
        s.deals.create(f"Deal {i}", value_minor=1000 * i)
    s.close()
    return path


def test_backup_is_a_checked_self_contained_copy_while_open(services, tmp_path):
    services.deals.create("Open while backed up")
    made = backup.make_backup(services.path)  # the connection stays open and in WAL mode
    assert made.parent == tmp_path / "test.sqlite.backups"
    assert made.stat().st_mode & 0o777 == 0o600
    assert recovery.verify(made) is None
    assert deal_titles(made) == ["Open while backed up"]
    conn = sqlite3.connect(made)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert [b.path for b in recovery.backup_files(services.path)] == [made]
    assert not [p for p in made.parent.iterdir() if p.name.startswith(".")]


def test_list_backups_newest_first_with_deal_counts(db_file):
    first = backup.make_backup(db_file, now=dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC))
    s = Services.open(db_file)
    deal = s.deals.create("Sixth")
    s.deals.delete([deal])  # in the trash: not counted
    s.deals.create("Seventh")
    s.close()
    second = backup.make_backup(db_file, now=dt.datetime(2026, 5, 2, 9, 0, tzinfo=dt.UTC))
    listed = backup.list_backups(db_file)
    assert [(b.path, b.deals) for b in listed] == [(second, 6), (first, 5)]
    assert listed[0].made_at == dt.datetime(2026, 5, 2, 9, 0, tzinfo=dt.UTC)


def test_a_copy_that_fails_the_check_replaces_nothing(db_file, tmp_path):
    out = tmp_path / "out.sqlite"
    backup.make_backup(db_file, out)
    before = sha(out)
    data = bytearray(db_file.read_bytes())
    data[4096 * 2 : 4096 * 3] = os.urandom(4096)  # a b-tree page full of noise
    db_file.write_bytes(bytes(data))
    with pytest.raises(backup.BackupFailed):
        backup.make_backup(db_file, out)
    assert sha(out) == before
    assert files(tmp_path) == ["deals.sqlite", "out.sqlite"]


def test_backup_refuses_a_foreign_file(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("not a database" * 20)
    with pytest.raises(backup.BackupFailed, match="not a database"):
        backup.make_backup(path)
    assert not recovery.backup_folder(path).exists()


def _fake_backups(folder, times):
    folder.mkdir()
    for t in times:
        (folder / recovery.backup_name(t)).write_bytes(b"")


def test_thinning_keeps_10_recent_7_daily_4_weekly(tmp_path):
    db = tmp_path / "x.sqlite"
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    # Every 6 hours for 60 days: 240 backups.
    times = [start + dt.timedelta(hours=6 * i) for i in range(240)]
    _fake_backups(recovery.backup_folder(db), times)
    (recovery.backup_folder(db) / "notes.txt").write_text("not ours: never thinned")
    removed = backup.thin(db)
    kept = sorted(b.made_at for b in recovery.backup_files(db))
    newest = times[-1]
    recent = set(times[-10:])
    daily = {
        max(t for t in times if t.date() == newest.date() - dt.timedelta(days=d)) for d in range(7)
    }
    weeks = sorted({t.isocalendar()[:2] for t in times}, reverse=True)[:4]
    weekly = {max(t for t in times if t.isocalendar()[:2] == w) for w in weeks}
    assert set(kept) == recent | daily | weekly
    assert len(kept) + len(removed) == 240
    assert (recovery.backup_folder(db) / "notes.txt").exists()
    # Thinning again changes nothing.
    assert backup.thin(db) == []


def test_make_backup_thins_only_after_the_new_copy_passed(db_file):
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    _fake_backups(
        recovery.backup_folder(db_file), [start + dt.timedelta(minutes=i) for i in range(12)]
    )
    made = backup.make_backup(db_file)
    names = [b.path for b in recovery.backup_files(db_file)]
    assert names[0] == made and len(names) == 10


def test_restore_installs_the_backup_and_keeps_the_current_file(db_file):
    made = backup.make_backup(db_file)
    s = Services.open(db_file)
    s.deals.create("After the backup")
    s.close()
    current = sha(db_file)
    aside = backup.restore(db_file, made)
    assert aside is not None and sha(aside) == current
    assert aside.name.startswith("deals.sqlite.before-restore-")
    assert deal_titles(db_file) == [f"Deal {i}" for i in range(5)]
    assert db_file.stat().st_mode & 0o777 == 0o600
    assert not [p for p in db_file.parent.iterdir() if p.name.endswith(".tmp")]
    s = Services.open(db_file)  # opens normally: WAL again
    assert s.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    s.close()


def test_restore_refuses_a_bad_file_and_changes_nothing(db_file, tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"\0" * 8192)
    before = sha(db_file)
    with pytest.raises(backup.RestoreRefused):
        backup.restore(db_file, bad)
    assert sha(db_file) == before
    assert files(tmp_path) == ["bad.sqlite", "deals.sqlite"]


def test_restore_moves_the_wal_aside_with_its_file(db_file):
    made = backup.make_backup(db_file)
    s = Services.open(db_file)
    s.deals.create("Only in the WAL")
    # Simulate a crash: the -wal holds the commit, the main file does not.
    wal = db_file.with_name(db_file.name + "-wal")
    assert wal.stat().st_size > 0
    aside = backup.restore(db_file, made)
    s.close()  # the old connection's files were renamed under it; closing touches only them
    assert "Only in the WAL" in deal_titles(aside)
    assert "Only in the WAL" not in deal_titles(db_file)


def test_auto_backup_after_an_interval_with_changes(db_file):
    now = [0.0]
    auto = backup.AutoBackup(db_file, interval=dt.timedelta(minutes=10), clock=lambda: now[0])
    assert not auto.due()
    now[0] = 3600
    assert not auto.due()  # nothing changed
    auto.note_change()
    now[0] = 3700
    assert auto.due()
    made = auto.run()
    assert made.exists() and not auto.due()
    auto.note_change()
    now[0] = 3700 + 599
    assert not auto.due()
    now[0] = 3700 + 600
    assert auto.due()


def test_needs_backup_when_changed_since_the_newest(db_file):
    assert backup.needs_backup(db_file)
    backup.make_backup(db_file)
    assert not backup.needs_backup(db_file)
    s = Services.open(db_file)  # opening creates an empty -wal: not a change
    assert not backup.needs_backup(db_file)
    s.deals.create("Changed")
    assert backup.needs_backup(db_file)
    s.close()
    backup.make_backup(db_file)
    assert not backup.needs_backup(db_file)
    later = dt.datetime.now().timestamp() + 5
    os.utime(db_file, (later, later))
    assert backup.needs_backup(db_file)


def test_a_migration_keeps_a_checked_copy_of_the_old_version(db_file, monkeypatch):
    def add_column(db):
        db.execute_sql("ALTER TABLE deal ADD COLUMN source TEXT DEFAULT ''")

    old = database.SCHEMA_VERSION
    monkeypatch.setattr(database, "MIGRATIONS", [*database.MIGRATIONS, add_column])
    monkeypatch.setattr(database, "SCHEMA_VERSION", old + 1)
    before = sha(db_file)
    db = database.connect(db_file)
    assert db.execute_sql("PRAGMA user_version").fetchone()[0] == old + 1
    db.close()
    (copy,) = recovery.backup_files(db_file)
    assert copy.tag == f"before-v{old + 1}"
    conn = sqlite3.connect(copy.path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == old
    conn.close()
    assert recovery.verify(copy.path) is None
    # Tagged copies are never thinned.
    assert backup.thin(db_file) == [] and copy.path.exists()
    assert before != sha(db_file)


def test_stale_temp_copies_are_removed(db_file):
    folder = recovery.backup_folder(db_file)
    folder.mkdir()
    stale, fresh = folder / ".dealboard-copy-old.tmp", folder / ".dealboard-copy-new.tmp"
    stale.write_bytes(b"x")
    fresh.write_bytes(b"x")
    os.utime(stale, (0, 0))
    backup.make_backup(db_file)
    assert not stale.exists() and fresh.exists()


# ---- integrity on open ----------------------------------------------------------------------


def test_a_good_or_missing_file_is_not_touched(db_file, tmp_path):
    before = sha(db_file)
    assert recovery.recover(db_file) is None
    assert recovery.recover(tmp_path / "new.sqlite") is None
    assert sha(db_file) == before


def test_empty_file_is_new_unless_it_has_backups(db_file, tmp_path):
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    assert recovery.recover(empty) is None
    backup.make_backup(db_file)
    db_file.write_bytes(b"")
    found = recovery.recover(db_file)
    assert found is not None and found.reason == "the file is empty"


def test_a_foreign_file_without_backups_is_refused_untouched(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("Name;Value\n" * 50)
    with pytest.raises(database.DatabaseRefused):
        recovery.recover(path)
    assert path.exists()


def test_damaged_file_is_moved_aside_and_the_newest_good_backup_named(db_file):
    good = backup.make_backup(db_file, now=dt.datetime(2026, 3, 1, tzinfo=dt.UTC))
    broken = backup.make_backup(db_file, now=dt.datetime(2026, 3, 2, tzinfo=dt.UTC))
    broken.write_bytes(broken.read_bytes()[:5000])
    wal = db_file.with_name(db_file.name + "-wal")
    wal.write_bytes(b"")
    data = bytearray(db_file.read_bytes())
    data[:100] = bytes(100)
    db_file.write_bytes(bytes(data))
    before = sha(db_file)
    with pytest.raises(BadInput) as info:
        open_services(db_file)
    message = str(info.value)
    assert "is damaged" in message and str(good) in message
    assert f"restore --db {db_file} {good}" in message
    assert not db_file.exists() and not wal.exists()
    (aside,) = db_file.parent.glob("deals.sqlite.damaged-*[0-9Z]")
    assert sha(aside) == before
    assert aside.with_name(aside.name + "-wal").exists()
    assert main(["restore", "--db", str(db_file), str(good)]) == 0
    assert deal_titles(db_file) == [f"Deal {i}" for i in range(5)]


def test_every_command_names_the_backup_of_a_damaged_file(db_file, capsys):
    """report, export, import and screenshot open files the same way (app.cli.open_services)."""
    good = backup.make_backup(db_file, now=dt.datetime(2026, 3, 1, tzinfo=dt.UTC))
    data = bytearray(db_file.read_bytes())
    data[:100] = bytes(100)
    db_file.write_bytes(bytes(data))
    assert main(["report", "pipeline", "--db", str(db_file), "--format", "json"]) == 2
    err = capsys.readouterr().err
    assert "is damaged" in err and f"restore --db {db_file} {good}" in err


def test_open_or_recover(db_file, tmp_path):
    opened = recovery.open_or_recover(db_file, Services.open)
    assert isinstance(opened, Services)
    opened.close()
    new = recovery.open_or_recover(tmp_path / "new.sqlite", Services.open)
    assert isinstance(new, Services)
    new.close()
    backup.make_backup(db_file)
    db_file.write_bytes(b"")
    found = recovery.open_or_recover(db_file, Services.open)
    assert isinstance(found, recovery.Recovery) and found.reason == "the file is empty"
    assert found.moved_to.stat().st_size == 0 and not db_file.exists()
    foreign = tmp_path / "notes.sqlite"
    foreign.write_text("Not a database" * 50)
    with pytest.raises(database.DatabaseRefused):
        recovery.open_or_recover(foreign, Services.open)
    assert foreign.exists()


def test_newer_schema_is_refused_not_moved(db_file):
    conn = sqlite3.connect(db_file)
    conn.execute(f"PRAGMA user_version = {database.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    backup.make_backup(db_file)  # even with backups: a newer file is not damage
    before = sha(db_file)
    with pytest.raises(BadInput, match="newer Dealboard"):
        open_services(db_file)
    assert sha(db_file) == before


# ---- the commands ---------------------------------------------------------------------------


def test_backup_and_restore_commands(db_file, tmp_path, capsys):
    out = tmp_path / "copy.sqlite"
    assert main(["backup", "--db", str(db_file), "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert main(["backup", "--db", str(db_file)]) == 0
    made = capsys.readouterr().out.strip()
    assert made.startswith(str(recovery.backup_folder(db_file)))
    s = Services.open(db_file)
    s.deals.create("Later")
    s.close()
    assert main(["restore", "--db", str(db_file), str(out)]) == 0
    err = capsys.readouterr().err
    assert "5 deals" in err and "kept as" in err
    assert deal_titles(db_file) == [f"Deal {i}" for i in range(5)]


@pytest.mark.parametrize(
    "argv, message",
    [
        (["backup", "--db", "{tmp}/missing.sqlite"], "no such database file"),
        (["backup", "--db", "{db}", "-o", "{tmp}/nofolder/x.sqlite"], "does not exist"),
        (["backup", "--db", "{db}", "-o", "{db}"], "the database itself"),
        (["restore", "--db", "{db}", "{tmp}/missing.sqlite"], "no such backup file"),
        (["restore", "--db", "{db}", "{tmp}/junk.sqlite"], "not an SQLite file"),
    ],
)
def test_commands_refuse_bad_input_with_exit_2(db_file, tmp_path, capsys, argv, message):
    (tmp_path / "junk.sqlite").write_text("junk" * 100)
    before = sha(db_file)
    argv = [a.format(tmp=tmp_path, db=db_file) for a in argv]
    assert main(argv) == 2
    assert message in capsys.readouterr().err
    assert sha(db_file) == before
