"""Opening a Dealboard database: refusal checks, pragmas, schema version and migrations."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import peewee as pw

from app.storage import models as m
from app.storage import tallies
from app.storage.messages import QT_TRANSLATE_NOOP, SENTENCE, FileMessage

APPLICATION_ID = 0x4442_4431  # "DBD1": marks a file as ours in the SQLite header
SQLITE_MAGIC = b"SQLite format 3\x00"


class DatabaseRefused(Exception):
    """The file is not one we may open; it has been left untouched.

    The message is a FileMessage, the SENTENCE around the refusal's words: a reason built
    from it (recovery.verify) puts those words, still translatable, inside its own sentence.
    """

    def __init__(self, path: Path, reason: str, message: str):
        super().__init__(message)
        self.path = path
        self.reason = reason  # "foreign" | "newer" | "corrupt" | "unreadable"


def _refused(path: Path, reason: str, template: str, *args: object) -> DatabaseRefused:
    """DatabaseRefused saying `template` (marked "FileProblem", no closing period) as a
    sentence."""
    return DatabaseRefused(path, reason, FileMessage(SENTENCE, FileMessage(template, *args)))


def _create_schema(db: pw.Database) -> None:
    db.create_tables(m.ALL_MODELS)
    user = m.User.create(name="Me")
    m.Setting.create(key="currency", value="EUR")
    m.Setting.create(key="default_user", value=str(user.id))
    for pos, name in enumerate(DEFAULT_FUNNEL_STAGES):
        m.FunnelStage.create(name=name, position=pos)
    pipeline = m.Pipeline.create(name="Sales", position=0)
    for pos, (name, prob, rot) in enumerate(DEFAULT_PIPELINE_STAGES):
        m.PipelineStage.create(
            pipeline=pipeline, name=name, position=pos, probability=prob, rotting_days=rot
        )


DEFAULT_FUNNEL_STAGES = ("Awareness", "Interest", "Consideration", "Engagement", "Conversion")
DEFAULT_PIPELINE_STAGES = (
    ("Qualification", 10, 14),
    ("Meeting", 30, 14),
    ("Proposal", 60, 10),
    ("Close", 90, 7),
)


def _add_tallies(db: pw.Database) -> None:
    """Version 2: board-header and funnel totals kept by triggers (storage/tallies.py)."""
    db.create_tables([m.StageTally, m.FunnelTally])
    tallies.install(db)
    # What version 1 indexed for the aggregates the tallies replace, and an unused FK index.
    db.execute_sql('DROP INDEX IF EXISTS "deal_status_deleted_at_stage_id_value_minor_probability"')
    db.execute_sql('DROP INDEX IF EXISTS "deal_owner_id"')
    # The history's indexes become partial (models.py): dropped here, made again just below.
    for name in (
        "stage_history_deal_id_left_at_entered_at",
        "stage_history_stage_id_entered_at_left_at",
        "stage_history_company_id_funnel_stage_id_entered_at",
        "stage_history_funnel_stage_id_entered_at",
    ):
        row = db.execute_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)
        ).fetchone()
        if row is not None and " WHERE " not in row[0]:
            db.execute_sql(f'DROP INDEX "{name}"')
    db.create_tables([m.StageHistory])  # safe: creates only the missing indexes


# Ordered migrations: entry i brings user_version from i to i + 1, all in one transaction.
MIGRATIONS: list[Callable[[pw.Database], None]] = [_create_schema, _add_tallies]
SCHEMA_VERSION = len(MIGRATIONS)


def _read_header(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(100)


def _header_fields(path: Path, header: bytes) -> tuple[int, int]:
    """application_id and user_version: page 1 may still be in the -wal of an open database."""
    app_id, version = int.from_bytes(header[68:72], "big"), int.from_bytes(header[60:64], "big")
    if os.path.exists(f"{path}-wal"):
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                app_id = conn.execute("PRAGMA application_id").fetchone()[0]
                version = conn.execute("PRAGMA user_version").fetchone()[0]
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            pass  # the quick_check below reports a damaged file
    return app_id, version


def inspect_file(path: Path, *, full_check: bool = True) -> None:
    """Refuse a file we must not touch, reading it without writing a byte of it.

    Without `full_check` only the cheap structure checks run; the caller runs quick_check.
    """
    try:
        size = path.stat().st_size
        if size == 0:
            return
        header = _read_header(path)
    except OSError as exc:
        raise _refused(
            path,
            "unreadable",
            QT_TRANSLATE_NOOP("FileProblem", "%1: cannot read the file (%2)"),
            path,
            exc.strerror,
        ) from exc
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise _refused(
            path,
            "foreign",
            QT_TRANSLATE_NOOP("FileProblem", "%1 is not a Dealboard database (not an SQLite file)"),
            path,
        )
    app_id, version = _header_fields(path, header)
    if app_id != APPLICATION_ID:
        raise _refused(
            path,
            "foreign",
            QT_TRANSLATE_NOOP("FileProblem", "%1 is an SQLite file but not a Dealboard database"),
            path,
        )
    if version > SCHEMA_VERSION:
        raise _refused(
            path,
            "newer",
            QT_TRANSLATE_NOOP(
                "FileProblem",
                "%1 was written by a newer Dealboard (schema %2, this version reads up to %3). "
                "Update Dealboard to open it",
            ),
            path,
            version,
            SCHEMA_VERSION,
        )
    problem = quick_check(path) if full_check else structure_check(path, header)
    if problem:
        raise _refused(
            path, "corrupt", QT_TRANSLATE_NOOP("FileProblem", "%1 is damaged: %2"), path, problem
        )


def quick_check(path: Path) -> str | None:
    """SQLite's quick_check of every page, read-only; None when the file is sound.

    It reads the whole file (about half a second at 100,000 deals), so the GUI runs it
    beside the opened window and holds writes until it has passed (Services.verified).
    """
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    if result != [("ok",)]:
        return "; ".join(str(r[0]) for r in result[:3])
    return None


def structure_check(path: Path, header: bytes) -> str | None:
    """The checks that cost nothing: a file shorter than its header says was truncated, and
    a schema that cannot be read is damaged."""
    page_size = int.from_bytes(header[16:18], "big") or 65536
    pages = int.from_bytes(header[28:32], "big")
    if pages and path.stat().st_size < page_size * pages:
        return FileMessage(
            QT_TRANSLATE_NOOP("FileProblem", "the file ends after %1 bytes, %2 expected"),
            path.stat().st_size,
            page_size * pages,
        )
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None


class _Savepoint(pw._savepoint):
    def rollback(self, begin: bool = True) -> None:
        if self.db.connection().in_transaction:
            super().rollback(begin)


class SqliteDatabase(pw.SqliteDatabase):
    """peewee's SqliteDatabase, for when SQLite already rolled the whole transaction back.

    On SQLITE_FULL (and I/O errors) SQLite may roll back the transaction itself; peewee's own
    ROLLBACK then fails with "no transaction is active" and that error would hide the real one
    ("database or disk is full") from the user. The data is rolled back either way.
    """

    def rollback(self) -> None:
        if self.is_closed() or self.connection().in_transaction:
            super().rollback()

    def savepoint(self) -> _Savepoint:
        return _Savepoint(self)


def connect(path: Path | str, *, full_check: bool = True) -> pw.SqliteDatabase:
    """Open (creating if new) and migrate; bind the models to it and return it.

    `full_check=False` leaves the page-by-page quick_check to the caller (the GUI runs it
    beside the window); the cheap checks and all refusals still happen here.
    """
    path = Path(path)
    if path.exists():
        inspect_file(path, full_check=full_check)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
    old_umask = os.umask(0o077)  # the database and its -wal/-shm: readable by the user only
    try:
        db = SqliteDatabase(
            str(path),
            pragmas={
                "journal_mode": "wal",
                "foreign_keys": 1,
                # A move the user saw succeed survives a power cut; at human rates it is free.
                "synchronous": 2,
                "busy_timeout": 3000,
            },
        )
        db.connect()
    finally:
        os.umask(old_umask)
    try:
        os.chmod(path, 0o600)
    except OSError:
        pass
    m.database_proxy.initialize(db)
    version = db.execute_sql("PRAGMA user_version").fetchone()[0]
    if 0 < version < SCHEMA_VERSION:  # an older database: keep a checked copy before migrating
        from app.storage.recovery import backup_before_migration

        backup_before_migration(db.connection(), path, version)
    _migrate(db)
    return db


def _migrate(db: pw.SqliteDatabase) -> None:
    version = db.execute_sql("PRAGMA user_version").fetchone()[0]
    if version >= SCHEMA_VERSION:
        return
    with db.atomic():
        for step in MIGRATIONS[version:]:
            step(db)
        db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")


def close(db: pw.Database) -> None:
    if not db.is_closed():
        db.close()
