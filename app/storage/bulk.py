"""Bulk loading for the demo generator and the CSV import: prepared inserts, indexes rebuilt.

peewee's insert_many builds an SQL node per value (about 30 µs a row: half a minute for
100,000 deals), so rows are inserted as prepared tuples with `executemany`, the values
already stored the way peewee stores them (ISO text for dates and timestamps, 0/1 for
booleans). For a big load into a table not much larger, the secondary indexes are dropped and
rebuilt after: one sort per index instead of a random B-tree insert per row and index.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain

import peewee as pw

from app.storage import tallies

BATCH_ROWS = 5000  # rows per executemany call: between calls a caller reports progress


def insert_rows(
    db: pw.Database,
    model: type[pw.Model],
    fields: Sequence[str],
    rows: Sequence[tuple],
    *,
    rows_per_statement: int = 1,
    batch_rows: int = BATCH_ROWS,
    advance: Callable[[int], None] | None = None,
) -> int:
    """Insert tuples given in `fields` order; returns how many.

    A NOT NULL column the rows leave out gets the model's constant default as a literal.
    `rows_per_statement` > 1 inserts up to that many rows per statement (fewer round trips
    for narrow rows), as many as the connection's SQLite binds variables for: 32,766 in
    Python's Windows and macOS builds, 999 before 3.32. `advance(n)` hears of every batch of
    `batch_rows`.
    """
    if not rows:
        return 0
    meta = model._meta
    columns = [meta.fields[f].column_name for f in fields]
    values = ["?"] * len(fields)
    for field in meta.sorted_fields:
        if field.name in fields or field.null or field.default is None or field.primary_key:
            continue
        if callable(field.default):
            raise ValueError(f"bulk insert: {model.__name__}.{field.name} needs a value")
        columns.append(field.column_name)
        values.append(_literal(field.db_value(field.default)))
    names = ", ".join(f'"{c}"' for c in columns)
    head = f'INSERT INTO "{meta.table_name}" ({names}) VALUES '
    one = f"({', '.join(values)})"
    cursor = db.cursor()
    limit = db.connection().getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    k = max(1, min(rows_per_statement, limit // len(fields)))
    full = len(rows) - len(rows) % k if k > 1 else 0
    if full:
        flat = (tuple(chain.from_iterable(rows[i : i + k])) for i in range(0, full, k))
        cursor.executemany(head + ", ".join([one] * k), flat)
        if advance is not None:
            advance(full)
    for start in range(full, len(rows), batch_rows):
        batch = rows[start : start + batch_rows]
        cursor.executemany(head + one, batch)
        if advance is not None:
            advance(len(batch))
    return len(rows)


def _literal(value: object) -> str:
    if isinstance(value, bool | int | float):
        return str(int(value) if isinstance(value, bool) else value)
    return "'" + str(value).replace("'", "''") + "'"


@contextmanager
def indexes_rebuilt(
    db: pw.Database, tables: Sequence[str], *, tallied: Sequence[str] = ()
) -> Iterator[None]:
    """Inside a transaction: drop the secondary indexes of `tables` (and the tally triggers
    of `tallied`), rebuild them and recount those tallies when the block ends.

    The same CREATE statements are replayed, so the schema ends exactly as it was; on an
    error the transaction's rollback restores everything by itself.
    """
    dropped: list[tuple[str, str]] = []
    if tables:
        marks = ", ".join("?" * len(tables))
        dropped = db.execute_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            f" AND tbl_name IN ({marks}) ORDER BY name",
            list(tables),
        ).fetchall()
    for name, _sql in dropped:
        db.execute_sql(f'DROP INDEX "{name}"')
    triggers = [name for table in tallied for name in tallies.triggers_of(table)]
    if triggers:
        marks = ", ".join("?" * len(triggers))
        found = db.execute_sql(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})",
            triggers,
        ).fetchall()
        for name, _sql in found:
            db.execute_sql(f'DROP TRIGGER "{name}"')
        dropped += found
    yield
    for _name, sql in dropped:
        db.execute_sql(sql)
    tallies.refill(db, [tallies.TALLY_TABLES[t] for t in tallied])


@contextmanager
def page_cache(db: pw.Database, kib: int) -> Iterator[None]:
    """A larger page cache (`kib` KiB) while a bulk load keeps its pages in memory."""
    before = db.execute_sql("PRAGMA cache_size").fetchone()[0]
    db.execute_sql(f"PRAGMA cache_size = {-abs(kib)}")
    try:
        yield
    finally:
        db.execute_sql(f"PRAGMA cache_size = {int(before)}")
