"""Backups of a database: made with SQLite's online backup API, checked, thinned, listed, restored.

A backup is never a file copy of a live database: SQLite copies a consistent snapshot while
the app keeps writing. Each copy passes `PRAGMA integrity_check` before it is renamed into the
backups folder, and only then are older ones thinned. A restore keeps the current file aside
(renamed, never deleted) before it installs the backup.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from app.storage.messages import PATH_SAYS, QT_TRANSLATE_NOOP, FileMessage
from app.storage.recovery import (
    BackupFailed,
    BackupFile,
    backup_files,
    backup_folder,
    backup_name,
    copy_database,
    dealboard_problem,
    fsync_dir,
    keep_aside,
    open_read_only,
    stage_copy,
    verify,
)

KEEP_RECENT, KEEP_DAILY, KEEP_WEEKLY = 10, 7, 4

__all__ = [
    "AutoBackup",
    "BackupFailed",
    "BackupInfo",
    "RestoreRefused",
    "backup_folder",
    "list_backups",
    "make_backup",
    "needs_backup",
    "restore",
    "thin",
]


class RestoreRefused(Exception):
    """The file to restore is not a good Dealboard database; nothing was changed.

    Its message is a FileMessage naming the file and what is wrong with it.
    """


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: dt.datetime  # UTC, aware
    deals: int | None  # deals not in the trash; None when the file cannot be read
    size: int


def make_backup(
    db_path: Path | str,
    dest: Path | str | None = None,
    *,
    folder: Path | str | None = None,
    now: dt.datetime | None = None,
) -> Path:
    """Back up `db_path` to `dest`, or into its backups folder and thin that; return the file.

    Safe while another connection (the app) writes. Raises BackupFailed if the database
    cannot be read or the copy does not pass the integrity check; then no file was replaced
    and no older backup was removed.
    """
    db_path = Path(db_path)
    into_folder = dest is None
    if dest is None:
        dest = backup_folder(db_path, folder) / backup_name(now or dt.datetime.now(dt.UTC))
    dest = Path(dest)
    source = _open_source(db_path)
    try:
        problem = dealboard_problem(source)
        if problem:
            raise BackupFailed(FileMessage(PATH_SAYS, db_path, problem))
        copy_database(source, dest)
    finally:
        source.close()
    if into_folder:
        thin(db_path, folder=folder)
    return dest


def needs_backup(db_path: Path | str, *, folder: Path | str | None = None) -> bool:
    """True when the database (or its -wal) changed after its newest regular backup was made.

    An empty -wal does not count: opening the database creates one without changing anything.
    """
    db_path = Path(db_path)
    newest = next((b for b in backup_files(db_path, folder) if not b.tag), None)
    if newest is None:
        return db_path.exists()
    changed = 0.0
    for name in (db_path, Path(f"{db_path}-wal")):
        with contextlib.suppress(FileNotFoundError):
            info = name.stat()
            if info.st_size:
                changed = max(changed, info.st_mtime)
    return changed > newest.made_at.timestamp()


def _open_source(db_path: Path) -> sqlite3.Connection:
    """A connection that only reads; read-write when possible so SQLite tidies its -wal on close."""
    if not db_path.is_file():
        raise BackupFailed(
            FileMessage(QT_TRANSLATE_NOOP("FileProblem", "%1: no such database file"), db_path)
        )
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=rw", uri=True, timeout=10)
        conn.execute("PRAGMA query_only = 1")
        return conn
    except sqlite3.Error:
        return open_read_only(db_path)


def backups_to_keep(backups: Iterable[BackupFile]) -> set[Path]:
    """The 10 newest, the newest of each of the last 7 days and 4 ISO weeks that have one.

    Days and weeks are UTC, the same clock as the file names. Tagged copies (kept before a
    migration) are always kept.
    """
    regular = sorted(
        (b for b in backups if not b.tag), key=lambda b: (b.made_at, b.path.name), reverse=True
    )
    keep = {b.path for b in regular[:KEEP_RECENT]}
    for period, count in (
        (lambda t: t.date(), KEEP_DAILY),
        (lambda t: t.isocalendar()[:2], KEEP_WEEKLY),
    ):
        seen: set = set()
        for b in regular:  # newest first: the first of each period is its newest backup
            key = period(b.made_at)
            if key not in seen and len(seen) < count:
                seen.add(key)
                keep.add(b.path)
    return keep


def thin(db_path: Path | str, *, folder: Path | str | None = None) -> list[Path]:
    """Remove the regular backups that the keep rules no longer need; return the removed."""
    backups = backup_files(db_path, folder)
    keep = backups_to_keep(backups)
    removed = []
    for b in backups:
        if b.tag or b.path in keep:
            continue
        with contextlib.suppress(FileNotFoundError):  # another process thinned it first
            b.path.unlink()
            removed.append(b.path)
    if removed:
        fsync_dir(removed[0].parent)
    return removed


def list_backups(db_path: Path | str, *, folder: Path | str | None = None) -> list[BackupInfo]:
    """Backups newest first, with the number of deals each holds (read, not checked)."""
    return [
        BackupInfo(b.path, b.made_at, count_deals(b.path), _size(b.path))
        for b in backup_files(db_path, folder)
    ]


def count_deals(path: Path) -> int | None:
    try:
        conn = open_read_only(path)
        try:
            return conn.execute("SELECT COUNT(*) FROM deal WHERE deleted_at IS NULL").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def restore(db_path: Path | str, backup: Path | str) -> Path | None:
    """Install `backup` as the database at `db_path`; return where the current file was kept.

    The database must be closed, and held by the caller's write lock. The backup is checked
    (integrity_check) and copied next to the database first; only then is the current file
    (with its -wal/-shm) renamed aside and the copy renamed into its place.
    """
    db_path, backup = Path(db_path), Path(backup)
    if backup.exists():
        problem = verify(backup)
    else:
        problem = FileMessage(QT_TRANSLATE_NOOP("FileProblem", "%1: no such file"), backup)
    if problem:
        raise RestoreRefused(
            FileMessage(
                QT_TRANSLATE_NOOP("FileProblem", "%1 cannot be restored: %2"), backup, problem
            )
        )
    source = open_read_only(backup)
    try:
        staged = stage_copy(source, db_path.parent)
    finally:
        source.close()
    try:
        aside = keep_aside(db_path, "before-restore") if _exists_with_side(db_path) else None
        os.replace(staged, db_path)
    except BaseException:
        with contextlib.suppress(OSError):
            staged.unlink()
        raise
    fsync_dir(db_path.parent)
    return aside


def _exists_with_side(db_path: Path) -> bool:
    return any(Path(f"{db_path}{s}").exists() for s in ("", "-wal", "-shm"))


class AutoBackup:
    """When the next automatic backup is due: after every `interval` in which something changed.

    Qt-free; the GUI calls `note_change` from the services' change signal, asks `due()` on a
    timer, and runs `run()` off the UI thread.
    """

    def __init__(
        self,
        db_path: Path | str,
        *,
        interval: dt.timedelta = dt.timedelta(minutes=10),
        folder: Path | str | None = None,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.db_path = Path(db_path)
        self.folder = folder
        self.interval = interval.total_seconds()
        self._clock = clock
        self._last = clock()
        self._changed = False

    def note_change(self, _change: object = None) -> None:
        self._changed = True

    @property
    def changed(self) -> bool:
        return self._changed

    def due(self) -> bool:
        return self._changed and self._clock() - self._last >= self.interval

    def run(self) -> Path:
        """Make a backup now; changes made while it runs count towards the next one."""
        self._changed, self._last = False, self._clock()
        try:
            return make_backup(self.db_path, folder=self.folder)
        except BaseException:
            self._changed = True  # not backed up: try again at the next interval
            raise
