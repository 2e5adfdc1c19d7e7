"""Backup benchmarks: a checked backup and the integrity check on open, against raw sqlite3.

`backup` is what the app does every few minutes: SQLite's online backup API into a temp file,
integrity_check of the copy, fsync, rename, thinning. Its baseline is the bare
`Connection.backup` into a new file, so the ratio is the price of the checks.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from timing import paired, row

from app.services import backup
from app.storage import recovery


def measure(db_path: Path, deals: int) -> list[dict]:
    runs = 5 if deals >= 50_000 else 9
    with tempfile.TemporaryDirectory(prefix="dealboard-bench-") as tmp:
        folder = Path(tmp)
        # Work on a copy: the cached demo database stays as it is, with no backups beside it.
        db = folder / "bench.sqlite"
        source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            recovery.copy_database(source, db)
        finally:
            source.close()
        raw_target = folder / "raw.sqlite"

        def ours() -> None:
            backup.make_backup(db, folder=folder / "backups")

        def raw() -> None:
            raw_target.unlink(missing_ok=True)
            src, dst = sqlite3.connect(db), sqlite3.connect(raw_target)
            try:
                src.backup(dst)
            finally:
                dst.close()
                src.close()

        made, base = paired(ours, raw, runs)

        def check_on_open() -> None:
            assert recovery.diagnose(db) is None

        def raw_quick_check() -> None:
            conn = sqlite3.connect(db)
            try:
                conn.execute("PRAGMA quick_check").fetchall()
            finally:
                conn.close()

        opened, opened_base = paired(check_on_open, raw_quick_check, runs)
    return [
        row("backup", deals, made, "sqlite3_backup_raw", base),
        row("integrity_on_open", deals, opened, "sqlite3_quick_check_raw", opened_base),
    ]
