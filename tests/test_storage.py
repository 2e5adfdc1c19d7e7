"""Opening databases: schema, pragmas, and refusing files we must not touch."""

import hashlib
import sqlite3

import pytest

from app.storage import database
from app.storage.database import APPLICATION_ID, SCHEMA_VERSION, DatabaseRefused


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_has_defaults_and_pragmas(tmp_path):
    db = database.connect(tmp_path / "new.sqlite")
    try:
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute_sql("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2
        names = [
            r[0]
            for r in db.execute_sql("SELECT name FROM pipeline_stage ORDER BY position").fetchall()
        ]
        assert names == ["Qualification", "Meeting", "Proposal", "Close"]
        funnel = [
            r[0]
            for r in db.execute_sql("SELECT name FROM funnel_stage ORDER BY position").fetchall()
        ]
        assert funnel == ["Awareness", "Interest", "Consideration", "Engagement", "Conversion"]
        assert db.execute_sql("SELECT name FROM pipeline").fetchall() == [("Sales",)]
        assert db.execute_sql("SELECT COUNT(*) FROM user").fetchone()[0] == 1
    finally:
        db.close()
    assert (tmp_path / "new.sqlite").stat().st_mode & 0o777 == 0o600


def test_reopen_keeps_data(tmp_path):
    path = tmp_path / "a.sqlite"
    db = database.connect(path)
    db.execute_sql("INSERT INTO tag (name, is_action) VALUES ('x', 0)")
    db.close()
    db = database.connect(path)
    assert db.execute_sql("SELECT name FROM tag").fetchall() == [("x",)]
    db.close()


def _newer(path):
    database.connect(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


def _truncated(path):
    db = database.connect(path)
    db.execute_sql("CREATE TABLE filler (x)")
    with db.atomic():
        for i in range(3000):
            db.execute_sql("INSERT INTO filler VALUES (?)", (f"row {i}" * 10,))
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _not_a_database(path):
    path.write_bytes(b"Name;Value\nMueller;12\n" * 20)


def _foreign_sqlite(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "make, reason",
    [
        (_newer, "newer"),
        (_truncated, "corrupt"),
        (_not_a_database, "foreign"),
        (_foreign_sqlite, "foreign"),
    ],
)
def test_refused_files_are_left_byte_for_byte(tmp_path, make, reason):
    path = tmp_path / "file.sqlite"
    make(path)
    before = sha(path)
    with pytest.raises(DatabaseRefused) as info:
        database.connect(path)
    assert info.value.reason == reason
    assert str(path) in str(info.value)
    assert sha(path) == before


def test_report_queries_use_indexes(services):
    plan = services.db.execute_sql(
        "EXPLAIN QUERY PLAN SELECT stage_id, COUNT(*), SUM(value_minor) FROM deal "
        "WHERE status = 'open' AND deleted_at IS NULL GROUP BY stage_id"
    ).fetchall()
    assert any("USING" in row[-1] and "INDEX" in row[-1] for row in plan), plan
    plan = services.db.execute_sql(
        "EXPLAIN QUERY PLAN SELECT * FROM stage_history WHERE deal_id = 1 AND left_at IS NULL"
    ).fetchall()
    assert any("INDEX" in row[-1] for row in plan), plan
