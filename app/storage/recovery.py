"""Integrity on open and the files we recover from: checked copies, the backups folder, damage.

Nothing here ever writes to or deletes a database the user had: a damaged file is renamed
aside with its -wal/-shm, byte for byte, and copies are made with SQLite's online backup API
into a temp file that is checked before it is renamed into place.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from app.storage.database import APPLICATION_ID, DatabaseRefused, inspect_file
from app.storage.files import fsync_dir
from app.storage.messages import PATH_SAYS, QT_TRANSLATE_NOOP, FileMessage, without_period

T = TypeVar("T")

# "<UTC time>[-<tag>].sqlite"; the time in the name orders and thins backups without opening them.
_STAMP = "%Y%m%dT%H%M%S.%f"
_BACKUP_NAME = re.compile(r"^(\d{8}T\d{6}\.\d{6})Z(?:-([a-z0-9-]+))?\.sqlite$")
_COPY_PREFIX = ".dealboard-copy-"
SIDE_FILES = ("-wal", "-shm")  # they belong to the database file and travel with it
EMPTY = FileMessage(QT_TRANSLATE_NOOP("FileProblem", "the file is empty"))


class BackupFailed(Exception):
    """A copy could not be made or did not pass the integrity check; nothing was replaced.

    Its message is a FileMessage, or SQLite's or the system's own words as they are.
    """


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made_at: dt.datetime  # UTC, aware
    tag: str = ""  # "" for regular backups; e.g. "before-v2" for a copy kept before a migration


@dataclass(frozen=True)
class Damage:
    """A database file that cannot be opened safely; `reason` says what is wrong with it."""

    path: Path
    reason: str


@dataclass(frozen=True)
class Recovery:
    """What happened on open: the damaged file was moved aside; the backup the user may restore."""

    damaged: Path  # where the database was
    moved_to: Path  # where its unchanged bytes are now
    reason: str
    backup: BackupFile | None  # the newest backup that passes the integrity check


# ---- the backups folder -----------------------------------------------------------------------


def backup_folder(db_path: Path | str, folder: Path | str | None = None) -> Path:
    """Beside the database by default: `<db name>.backups/`."""
    if folder is not None:
        return Path(folder)
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".backups")


def backup_name(made_at: dt.datetime, tag: str = "") -> str:
    stamp = made_at.astimezone(dt.UTC).strftime(_STAMP)
    return f"{stamp}Z{'-' + tag if tag else ''}.sqlite"


def backup_files(db_path: Path | str, folder: Path | str | None = None) -> list[BackupFile]:
    """The backups of a database, newest first (only files named as we name them)."""
    where = backup_folder(db_path, folder)
    try:
        names = os.listdir(where)
    except (FileNotFoundError, NotADirectoryError):
        return []
    found = []
    for name in names:
        match = _BACKUP_NAME.match(name)
        if match:
            made_at = dt.datetime.strptime(match[1], _STAMP).replace(tzinfo=dt.UTC)
            found.append(BackupFile(where / name, made_at, match[2] or ""))
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


# ---- checked copies ---------------------------------------------------------------------------


def dealboard_problem(conn: sqlite3.Connection) -> str | None:
    """None if the connection's database says it is Dealboard's, else what it is not.

    Asked through SQLite, not read from the file, so a header still in the -wal counts.
    """
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        return str(exc)
    if app_id == APPLICATION_ID:
        return None
    return FileMessage(QT_TRANSLATE_NOOP("FileProblem", "not a Dealboard database"))


def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write the file (it still sees committed data in a -wal)."""
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def copy_database(source: sqlite3.Connection, dest: Path) -> None:
    """Copy `source` (live or not) to `dest` with the online backup API; `dest` appears whole or not.

    The copy is one self-contained file (rollback journal, no -wal), 0600, and passes
    `PRAGMA integrity_check` before it is renamed over `dest`.
    """
    dest = Path(dest)
    staged = stage_copy(source, dest.parent)
    try:
        os.replace(staged, dest)
    except BaseException:
        remove_with_side_files(staged)
        raise
    fsync_dir(dest.parent)


def stage_copy(source: sqlite3.Connection, folder: Path) -> Path:
    """Copy into a checked, fsynced temp file in `folder` and return its path (caller renames it)."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        _remove_stale_copies(folder)
        fd, name = tempfile.mkstemp(prefix=_COPY_PREFIX, suffix=".tmp", dir=folder)  # 0600
    except OSError as exc:
        raise BackupFailed(FileMessage(PATH_SAYS, folder, exc.strerror or str(exc))) from exc
    os.close(fd)
    tmp = Path(name)
    try:
        target = sqlite3.connect(tmp)
        try:
            # One step (pages=-1): the whole copy comes from a single read transaction, so it
            # is a consistent snapshot even while another connection keeps writing.
            source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
            result = target.execute("PRAGMA integrity_check").fetchall()
        finally:
            target.close()
        if result != [("ok",)]:
            raise BackupFailed(
                FileMessage(
                    QT_TRANSLATE_NOOP(
                        "FileProblem", "the copy does not pass the integrity check: %1"
                    ),
                    _first(result),
                )
            )
        _fsync_file(tmp)
    except (sqlite3.Error, OSError) as exc:
        remove_with_side_files(tmp)
        raise BackupFailed(str(exc)) from exc
    except BaseException:
        remove_with_side_files(tmp)
        raise
    return tmp


def _remove_stale_copies(folder: Path) -> None:
    """Temp copies left by a process killed while copying; an hour is far beyond any copy."""
    cutoff = time.time() - 3600
    for tmp in folder.glob(f"{_COPY_PREFIX}*.tmp"):
        with contextlib.suppress(OSError):
            if tmp.stat().st_mtime < cutoff:
                remove_with_side_files(tmp)


def backup_before_migration(source: sqlite3.Connection, db_path: Path, version: int) -> Path:
    """Keep a checked copy of a database before a migration changes it (never thinned)."""
    dest = backup_folder(db_path) / backup_name(dt.datetime.now(dt.UTC), f"before-v{version + 1}")
    copy_database(source, dest)
    return dest


# ---- damage -----------------------------------------------------------------------------------


def verify(path: Path) -> str | None:
    """None if `path` is a Dealboard database that passes integrity_check; else what is wrong.

    Reads only: what a backup must pass before it is offered or restored.
    """
    try:
        if path.stat().st_size == 0:
            return EMPTY
        # Header, application id, schema version; integrity_check below covers quick_check.
        inspect_file(path, full_check=False)
        conn = open_read_only(path)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
    except (DatabaseRefused, OSError, sqlite3.Error) as exc:
        return without_period(exc)
    return None if result == [("ok",)] else _first(result)


def diagnose(db_path: Path, folder: Path | str | None = None) -> Damage | None:
    """Is the database at `db_path` damaged? Reads only; a missing file is not damage.

    A file that is not a Dealboard database at all (another program's data, a CSV given by
    mistake) is refused untouched with DatabaseRefused, as is a newer schema: neither is
    damage. But when backups of this path exist, the file was ours, so an unreadable header
    or an empty file means it was damaged.
    """
    try:
        size = db_path.stat().st_size
    except FileNotFoundError:
        return None
    was_ours = bool(backup_files(db_path, folder))
    if size == 0:
        return Damage(db_path, EMPTY) if was_ours else None
    try:
        inspect_file(db_path)
    except DatabaseRefused as exc:
        if exc.reason == "corrupt" or (exc.reason == "foreign" and was_ours):
            return Damage(db_path, without_period(exc))
        raise
    return None


def keep_aside(path: Path, label: str) -> Path:
    """Rename `path` (and its -wal/-shm) to `<name>.<label>-<time>`; never copies or deletes."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    for n in range(1000):
        target = path.with_name(f"{path.name}.{label}-{stamp}{f'-{n}' if n else ''}")
        if not any(Path(f"{target}{s}").exists() for s in ("", *SIDE_FILES)):
            break
    else:
        raise FileExistsError(target)
    # The -wal first: if we are interrupted, the main file still has its committed pages.
    for suffix in (*SIDE_FILES, ""):
        source = Path(f"{path}{suffix}")
        if source.exists():
            os.rename(source, f"{target}{suffix}")
    fsync_dir(path.parent)
    return target


def newest_good_backup(db_path: Path, folder: Path | str | None = None) -> BackupFile | None:
    for backup in backup_files(db_path, folder):
        if verify(backup.path) is None:
            return backup
    return None


def recover(db_path: Path | str, folder: Path | str | None = None) -> Recovery | None:
    """Check a database before opening it; if damaged, move it aside and name the backup to use.

    Returns None when the file is fine (or missing). Raises DatabaseRefused, leaving the file
    untouched, for a file that is not ours or is from a newer Dealboard.
    """
    db_path = Path(db_path)
    damage = diagnose(db_path, folder)
    if damage is None:
        return None
    moved_to = keep_aside(db_path, "damaged")
    return Recovery(db_path, moved_to, damage.reason, newest_good_backup(db_path, folder))


def open_or_recover(
    db_path: Path | str, open_database: Callable[[Path], T], folder: Path | str | None = None
) -> T | Recovery:
    """Open with `open_database` (e.g. Services.open); if the file is damaged, recover instead.

    A good file is checked once, by the open itself (quick_check in connect). An empty file
    with backups is damage, not a new database, so it is never handed to the open. Returns the
    opened thing, or the Recovery after the damaged file was moved aside. Raises
    DatabaseRefused, leaving the file untouched, for a foreign or newer file.
    """
    db_path = Path(db_path)
    try:
        empty = db_path.stat().st_size == 0
    except FileNotFoundError:
        empty = False
    if not (empty and backup_files(db_path, folder)):
        try:
            return open_database(db_path)
        except DatabaseRefused as exc:
            if exc.reason not in ("corrupt", "foreign"):
                raise
    found = recover(db_path, folder)
    if found is None:  # the file changed since the open refused it: try once more
        return open_database(db_path)
    return found


# ---- small helpers ----------------------------------------------------------------------------


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_with_side_files(path: Path) -> None:
    """Delete a database file and its -journal/-wal/-shm, whichever exist."""
    for suffix in ("", "-journal", *SIDE_FILES):
        with contextlib.suppress(OSError):
            os.unlink(f"{path}{suffix}")


def _first(rows: list) -> str:
    return "; ".join(str(r[0]) for r in rows[:3])
