"""`backup` and `restore` commands, and the CLI's answer to a damaged or locked database."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli import BadInput, check_output

if TYPE_CHECKING:
    from app.storage.recovery import Recovery


def register(sub) -> None:
    p = sub.add_parser(
        "backup", help="make a checked backup in the database's backups folder (or FILE)"
    )
    p.add_argument("--db", type=Path, required=True, dest="db_file")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write the backup to FILE")
    p.set_defaults(handler=run_backup)

    r = sub.add_parser(
        "restore", help="replace the database with a backup (the current file is kept aside)"
    )
    r.add_argument("--db", type=Path, required=True, dest="db_file")
    r.add_argument("file", type=Path, metavar="FILE", help="the backup to restore")
    r.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    from app.services import backup

    path: Path = args.db_file
    if not path.is_file():
        raise BadInput(f"{path}: no such database file.")
    out: Path | None = args.output
    if out is not None:
        check_output(out)
        if out.exists() and out.resolve() == path.resolve():
            raise BadInput(f"-o {out}: that is the database itself.")
    try:
        made = backup.make_backup(path, out)
    except backup.BackupFailed as exc:
        raise BadInput(f"{path} was not backed up: {str(exc).rstrip('.')}.") from exc
    print(made)
    print(
        f"{path}: backed up to {made} ({backup.count_deals(made)} deals, integrity check ok)",
        file=sys.stderr,
    )
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from app.services import backup

    path: Path = args.db_file
    source: Path = args.file
    if not source.is_file():
        raise BadInput(f"{source}: no such backup file.")
    with write_lock(path):
        try:
            aside = backup.restore(path, source)
        except backup.RestoreRefused as exc:
            raise BadInput(f"{exc}. The database was not changed.") from exc
    kept = f"; the previous file is kept as {aside}" if aside else ""
    print(
        f"{path}: restored from {source} ({backup.count_deals(path)} deals){kept}",
        file=sys.stderr,
    )
    return 0


@contextmanager
def write_lock(path: Path) -> Iterator[None]:
    """Hold the database's write lock for a command; exit 2 if Dealboard has it open."""
    from contextlib import ExitStack

    from app.lock import LockError, hold_write_lock

    with ExitStack() as stack:
        try:
            stack.enter_context(hold_write_lock(path))
        except LockError as exc:
            raise BadInput(f"{exc}. Close it there and try again.") from exc
        yield


def damaged_message(recovery: Recovery) -> str:
    from app.services.backup import count_deals

    text = (
        f"{recovery.damaged} is damaged ({recovery.reason}). It was moved aside unchanged to "
        f"{recovery.moved_to}."
    )
    b = recovery.backup
    if b is None:
        return text + " No backup that passes the integrity check was found."
    made = b.made_at.astimezone().strftime("%Y-%m-%d %H:%M")
    return (
        f"{text} The newest good backup is {b.path} (made {made}, {count_deals(b.path)} deals); "
        f"restore it with: python main.py restore --db {recovery.damaged} {b.path}"
    )
