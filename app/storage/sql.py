"""SQL that differs between databases and their builds, kept here so services stay portable."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

import peewee as pw

# Ids per IN (...): SQLite before 3.32 binds at most 999 variables a statement (Python's own
# Windows and macOS builds 32,766); 900 leaves room for the statement's other values.
ID_SLICE = 900


def id_slices(ids: Iterable[int]) -> Iterator[list[int]]:
    """The distinct ids, in their order, in lists of at most ID_SLICE: one IN (...) each.

    A user's selection can hold more ids than one statement may bind. Writes run slice by
    slice inside the caller's transaction, so they are still all or nothing.
    """
    distinct = list(dict.fromkeys(ids))
    for start in range(0, len(distinct), ID_SLICE):
        yield distinct[start : start + ID_SLICE]


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


def as_date(value) -> dt.date | None:
    """A DATE (or the day of a DATETIME) from a raw query: SQLite returns ISO text,
    PostgreSQL typed values."""
    if isinstance(value, dt.datetime):
        return value.date()
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def as_datetime(value) -> dt.datetime | None:
    """A DATETIME from a raw query (ISO text in SQLite)."""
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))
