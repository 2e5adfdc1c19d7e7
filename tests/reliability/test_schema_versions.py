"""Check 4: a newer schema is refused untouched; a migration killed half-way leaves the old intact.

The migration runs in a child process with one extra (slow) migration step added; the parent
SIGKILLs it at a random moment, sometimes before the migration began (start-up, the
pre-migration backup), mostly while the migration writes. Afterwards the file is still
schema 1 with the same rows, passes integrity_check, and every named backup passes too.
"""

from __future__ import annotations

import random
import sqlite3
import time

import pytest

from app.cli import BadInput, main, open_services
from app.services import Services
from app.storage import database, recovery
from tests.helpers import sha
from tests.reliability.helpers import copy_template, health, kill, spawn, wait_for_line

MIGRATING_CHILD = r"""
import sys
from app.storage import database

def slow_step(db):
    db.execute_sql("CREATE TABLE extra (x)")
    db.execute_sql("ALTER TABLE deal ADD COLUMN source TEXT DEFAULT ''")
    for i in range(200_000):
        db.execute_sql("INSERT INTO extra VALUES (?)", (i,))
        if i % 2000 == 0:
            print("migrating", flush=True)
    db.execute_sql("UPDATE deal SET title = title || ' (migrated)'")

database.MIGRATIONS.append(slow_step)
database.SCHEMA_VERSION += 1
database.connect(sys.argv[1])
print("migrated", flush=True)
"""


def dump(path) -> list:
    conn = sqlite3.connect(path)
    try:
        return [
            (t, conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall())
            for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
    finally:
        conn.close()


def test_newer_schema_is_refused_with_the_file_untouched(template_db, tmp_path, capsys, figures):
    path = copy_template(template_db, tmp_path / "newer.sqlite")
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {database.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = sha(path)
    refusals = 0
    with pytest.raises(database.DatabaseRefused, match="newer Dealboard"):
        Services.open(path)
    refusals += 1
    with pytest.raises(BadInput, match="newer Dealboard"):
        open_services(path)
    refusals += 1
    other = copy_template(template_db, tmp_path / "current.sqlite")
    assert main(["restore", "--db", str(other), str(path)]) == 2  # not installed as a backup
    assert "newer Dealboard" in capsys.readouterr().err
    refusals += 1
    assert sha(path) == before
    assert not list(tmp_path.glob("newer.sqlite.*"))  # not moved aside: it is not damage
    figures("check 4a (newer schema)", f"{refusals}/3 ways to open refused, file unchanged")


def test_migration_killed_half_way_leaves_the_old_version(template_db, tmp_path, long_run, figures):
    runs = 30 if long_run else 10
    original = dump(template_db)
    results = {"before the migration began": 0, "during the migration": 0, "after it finished": 0}
    for n in range(runs):
        path = copy_template(template_db, tmp_path / f"old{n}.sqlite")
        proc = spawn(MIGRATING_CHILD, path)
        rnd = random.Random(n)
        if n % 5 == 0:
            time.sleep(rnd.uniform(0.0, 0.05))  # early: possibly while the backup is copied
        else:
            wait_for_line(proc, "migrating")
            time.sleep(rnd.uniform(0.0, 0.3))
        out, err = kill(proc)
        if "migrated" in out:
            results["after it finished"] += 1
            continue
        results["during the migration" if "migrating" in out else "before the migration began"] += 1
        integrity, fk = health(path)
        assert integrity == [("ok",)] and fk == []
        assert dump(path) == original, "the old version changed"
        for b in recovery.backup_files(path):
            assert recovery.verify(b.path) is None, f"a named backup is damaged: {b.path}"
    figures(
        "check 4b (migration killed)",
        f"{runs} kills: "
        + ", ".join(f"{n} {when}" for when, n in results.items())
        + "; old version intact every time, every named backup passes integrity_check",
        runs=runs,
    )
    assert results["after it finished"] < runs / 2
