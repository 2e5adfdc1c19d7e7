"""Check 5: a full disk fails cleanly: a write rolls back whole and the user gets a message;
an export to a full file system leaves the previous file intact and no temp file behind.

SQLITE_FULL comes from `PRAGMA max_page_count` (in process) and from RLIMIT_FSIZE (a child
process whose files may not grow: the kernel answers EFBIG, as a full disk answers ENOSPC).
"""

from __future__ import annotations

import sqlite3

import peewee as pw
import pytest

from app.services import Services
from app.storage.models import Deal, StageHistory
from app.ui.errors import describe
from tests.helpers import sha
from tests.reliability.helpers import copy_template, health, spawn


def counts() -> tuple[int, int]:
    return Deal.select().count(), StageHistory.select().count()


def bulk_import(s: Services, n: int) -> None:
    """What an import does: many rows in one transaction."""
    with s.db.atomic():
        for i in range(n):
            s.deals.create(f"Imported {i}", value_minor=i, notes="x" * 200)


def test_sqlite_full_during_an_import_rolls_back_everything(template_db, tmp_path, figures):
    db = copy_template(template_db, tmp_path / "full.sqlite")
    s = Services.open(db)
    try:
        before = counts()
        pages = s.db.execute_sql("PRAGMA page_count").fetchone()[0]
        s.db.execute_sql(f"PRAGMA max_page_count = {pages + 5}")
        with pytest.raises(pw.OperationalError, match="full") as info:
            bulk_import(s, 2000)
        message = describe(info.value)
        assert counts() == before
        assert not s.db.connection().in_transaction  # nothing half-open left behind
        # Space again: the same connection works on.
        s.db.execute_sql("PRAGMA max_page_count = 1073741823")
        bulk_import(s, 50)
        assert counts()[0] == before[0] + 50
    finally:
        s.close()
    integrity, fk = health(db)
    assert integrity == [("ok",)] and fk == []
    assert "disk is full" in message
    figures(
        "check 5a (SQLITE_FULL in an import)",
        f"2,000-deal import on a full database: 0 rows kept (full rollback), message "
        f'"{message}"; integrity_check ok; the connection works on once there is space',
    )


FSIZE_CHILD = r"""
import resource, signal, sys
# Under the size limit a .pyc would be written cut short into the shared cache, and every
# later child process would fail to load it.
sys.dont_write_bytecode = True
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
kind, target = sys.argv[2], sys.argv[3]
if kind == "atomic_write":
    from app.storage.files import atomic_write_bytes
    try:
        atomic_write_bytes(target, b"new report " * 100_000)
    except OSError as exc:
        print("failed", exc.errno, flush=True)
elif kind == "csv":
    from app.importing.csvformat import write_csv
    try:
        write_csv(target, ["title"], ([f"Deal {i}"] for i in range(100_000)))
    except OSError as exc:
        print("failed", exc.errno, flush=True)
else:
    from app.cli import main
    sys.exit(main(["backup", "--db", sys.argv[4], "-o", target]))
"""


@pytest.mark.parametrize("kind", ["atomic_write", "csv", "backup -o"])
def test_export_to_a_full_file_system_keeps_the_previous_file(kind, template_db, tmp_path, figures):
    db = copy_template(template_db, tmp_path / "deals.sqlite")
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    target = out_dir / "export.out"
    target.write_bytes(b"the previous export, complete")
    before = sha(target)
    proc = spawn(FSIZE_CHILD, 64 * 1024, kind, target, db)
    out, err = proc.communicate(timeout=60)
    failed_cleanly = (
        "failed 27" in out  # EFBIG
        if kind != "backup -o"
        else proc.returncode == 2 and "was not backed up" in err and "full" in err
    )
    assert failed_cleanly, (proc.returncode, out, err)
    assert sha(target) == before
    assert sorted(p.name for p in out_dir.iterdir()) == ["export.out"]  # no temp file left
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    figures(
        f"check 5b (export to a full file system: {kind})",
        "failed cleanly, previous file intact (sha256), no temp file left",
    )
