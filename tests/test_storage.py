"""Opening databases: schema, pragmas, and refusing files we must not touch."""

import sqlite3

import pytest

from app.storage import database
from app.storage.database import APPLICATION_ID, SCHEMA_VERSION, DatabaseRefused
from tests.helpers import sha


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


def test_history_queries_of_everyday_actions_use_the_partial_indexes(services):
    """Every statement on stage_history that a move, win, loss, report, drill-down, funnel
    change or attention list runs searches one of its (partial) indexes: none scans."""
    import datetime as dt

    from app.domain.periods import Period
    from app.services import demo
    from app.services.attention import AttentionQueries
    from app.services.report_details import ReportDetails

    demo.generate(services.db, deals=300, seed=2)
    seen: list[str] = []
    conn = services.db.connection()
    conn.set_trace_callback(lambda sql: seen.append(sql) if "stage_history" in sql else None)
    try:
        stages = [sid for sid, *_ in services.stages.pipeline_stages(1)]
        deals = [r[0] for r in services.db.execute_sql("SELECT id FROM deal WHERE status = 'open'")]
        services.deals.move(deals[:2], stages[2])
        services.deals.win([deals[2]])
        services.deals.lose([deals[3]], "Price")
        past = dt.datetime.now() - dt.timedelta(days=60)
        services.reports.pipeline(1, past)
        details = ReportDetails(services)
        details.stage_deals(1, past)
        details.pipeline_conversion(1, Period(past.date(), dt.date.today()))
        AttentionQueries(services).summary(1)
        funnel = [sid for sid, _name in services.stages.funnel_stages()]
        services.companies.set_funnel_stage([1, 2, 3], funnel[3])
    finally:
        conn.set_trace_callback(None)
    statements = [q for q in seen if q.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE"))]
    assert len(statements) >= 10
    for sql in statements:
        plan = [row[-1] for row in conn.execute("EXPLAIN QUERY PLAN " + sql)]
        # Tables are aliased (t1, t2): no step may scan, and one searches a history index.
        assert not any(step.startswith("SCAN") for step in plan), (sql, plan)
        assert any("INDEX stage_history_" in step for step in plan), (sql, plan)
