"""One writer per database: a QLockFile beside the database file (`<db name>.lock`).

The GUI holds the lock for as long as it has the database open; CLI commands that write
(demo, import, restore) take it briefly with `hold_write_lock` (app.cli.backup.write_lock). A lock left by a crashed
process is recognised (its pid no longer runs on this machine) and taken over.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QSysInfo

from app.storage.messages import QT_TRANSLATE_NOOP, FileMessage

CLI_WAIT_MS = 2000


class LockError(Exception):
    """The write lock could not be taken; nothing was opened for writing.

    Its message is a FileMessage; DatabaseLocked's is English only, the UI says it its own
    way (app.ui.errors.describe).
    """


class DatabaseLocked(LockError):
    """Another running Dealboard has the database open."""

    def __init__(self, db_path: Path, holder: Holder | None):
        self.db_path, self.holder = db_path, holder
        if holder is None:
            where = ""
        elif holder.hostname and holder.hostname != _hostname():
            where = f" on {holder.hostname} (pid {holder.pid})"
        else:
            where = f" (pid {holder.pid})"
        super().__init__(f"{db_path}: database is open in Dealboard{where}")


@dataclass(frozen=True)
class Holder:
    pid: int
    hostname: str
    appname: str


def lock_path(db_path: Path | str) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


class WriteLock:
    """The lock of one database file; release() (or leaving the `with`) gives it back."""

    def __init__(self, db_path: Path | str):
        self.db_path = Path(db_path)
        self.path = lock_path(self.db_path)
        self._file = QLockFile(str(self.path))
        # Time never makes our lock stale: the GUI holds it for hours. Only a holder whose
        # pid is gone from this machine (a crash) makes it stale, which QLockFile checks itself.
        self._file.setStaleLockTime(0)

    def acquire(self, timeout_ms: int = 0) -> WriteLock:
        """Take the lock, waiting up to `timeout_ms`; raise DatabaseLocked if another has it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self._file.tryLock(max(timeout_ms, 0)):
            with contextlib.suppress(OSError):
                os.chmod(self.path, 0o600)
            return self
        if self._file.error() == QLockFile.LockError.LockFailedError:
            raise DatabaseLocked(self.db_path, self.holder())
        raise LockError(
            FileMessage(
                QT_TRANSLATE_NOOP("FileProblem", "%1: cannot create the lock file %2"),
                self.db_path,
                self.path,
            )
        )

    def holder(self) -> Holder | None:
        """Who holds the lock, as written in the lock file (None if nobody or unreadable)."""
        # PySide6 gives (pid, hostname, appname); pid 0 when there is no readable lock file.
        pid, hostname, appname = self._file.getLockInfo()
        return Holder(int(pid), str(hostname), str(appname)) if pid else None

    @property
    def locked(self) -> bool:
        return self._file.isLocked()

    def release(self) -> None:
        if self._file.isLocked():
            self._file.unlock()

    def __enter__(self) -> WriteLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


@contextmanager
def hold_write_lock(db_path: Path | str, timeout_ms: int = CLI_WAIT_MS) -> Iterator[WriteLock]:
    """For CLI write commands: wait briefly for the lock, hold it for the block, then release.

    Raises DatabaseLocked ("database is open in Dealboard (pid …)") if the GUI has it.
    """
    lock = WriteLock(db_path).acquire(timeout_ms)
    try:
        yield lock
    finally:
        lock.release()


def _hostname() -> str:
    return QSysInfo.machineHostName()
