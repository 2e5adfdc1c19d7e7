"""Check 9: every file Dealboard writes is readable by the user only (0600), whatever the umask.

CI runs as root, where permission checks always pass, so the mode bits themselves are checked.
"""

from __future__ import annotations

import json
import os
import stat

import pytest

from app.cli import main
from app.importing.csvformat import write_csv
from app.lock import WriteLock, lock_path
from app.services import Services, backup
from app.storage import database, recovery
from app.storage.files import atomic_write_bytes
from app.ui.errors import open_log


@pytest.fixture
def loose_umask():
    old = os.umask(0o022)  # a typical desktop umask: files would be 0644 unless we take care
    yield
    os.umask(old)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_every_file_is_0600(loose_umask, tmp_path, monkeypatch, figures, capsys):
    db = tmp_path / "deals.sqlite"
    checked: dict[str, int] = {}
    s = Services.open(db)
    s.deals.create("Private")
    checked["database"] = mode(db)
    checked["-wal"] = mode(f"{db}-wal")
    checked["-shm"] = mode(f"{db}-shm")
    made = backup.make_backup(db)
    checked["automatic backup"] = mode(made)
    s.close()
    out = tmp_path / "copy.sqlite"
    assert main(["backup", "--db", str(db), "-o", str(out)]) == 0
    checked["backup -o"] = mode(out)
    report = tmp_path / "report.json"
    assert main(["report", "pipeline", "--db", str(db), "--format", "json", "-o", str(report)]) == 0
    json.loads(report.read_text())
    checked["report export"] = mode(report)
    csv = tmp_path / "deals.csv"
    write_csv(csv, ["title"], [["Private"]])
    checked["CSV export"] = mode(csv)
    pdf = tmp_path / "report.pdf"
    atomic_write_bytes(pdf, b"%PDF-1.7\n")
    checked["atomic_write (exports, PDFs)"] = mode(pdf)
    aside = backup.restore(db, made)
    checked["restored database"] = mode(db)
    checked["file kept aside by restore"] = mode(aside)
    with WriteLock(db).acquire():
        checked["lock file"] = mode(lock_path(db))
    log = tmp_path / "data" / "dealboard.log"
    open_log(log).error("x")
    checked["error log"] = mode(log)

    def add_column(conn):
        conn.execute_sql("ALTER TABLE deal ADD COLUMN extra TEXT")

    monkeypatch.setattr(database, "MIGRATIONS", [*database.MIGRATIONS, add_column])
    monkeypatch.setattr(database, "SCHEMA_VERSION", database.SCHEMA_VERSION + 1)
    database.connect(db).close()
    (before_migration,) = [b for b in recovery.backup_files(db) if b.tag]
    checked["copy kept before a migration"] = mode(before_migration.path)
    folder_mode = mode(recovery.backup_folder(db))
    capsys.readouterr()
    wrong = {name: oct(m) for name, m in checked.items() if m != 0o600}
    figures(
        "check 9 (permissions)",
        f"{len(checked) - len(wrong)}/{len(checked)} kinds of file are 0600 under umask 022 "
        f"({', '.join(checked)}); backups folder {oct(folder_mode)}",
        kinds=len(checked),
        wrong=len(wrong),
    )
    assert not wrong
    assert folder_mode == 0o700
