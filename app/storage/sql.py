"""SQL expressions that differ between SQLite and PostgreSQL, kept here so services stay portable."""

from __future__ import annotations

import peewee as pw


def _is_sqlite(db: pw.Database) -> bool:
    return isinstance(db, pw.SqliteDatabase)


def days_between(db: pw.Database, start, end) -> pw.Expression:
    """Fractional days from `start` to `end` (timestamps)."""
    if _is_sqlite(db):
        return pw.fn.julianday(end) - pw.fn.julianday(start)
    return pw.fn.date_part("epoch", end - start) / 86400.0


def month_key(db: pw.Database, column) -> pw.Expression:
    """'YYYY-MM' of a date or timestamp column."""
    if _is_sqlite(db):
        return pw.fn.substr(column, 1, 7)
    return pw.fn.to_char(column, "YYYY-MM")
