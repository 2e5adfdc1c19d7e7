"""Helpers of the reliability battery: child processes and what SQLite says about a file."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Children compile our modules once into this cache, not on every start (and not into the tree).
PYCACHE = Path(tempfile.gettempdir()) / "dealboard-test-pycache"


def spawn(code: str, *args: object, **kwargs) -> subprocess.Popen:
    """A fresh interpreter running `code`; only what `code` imports is loaded."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(PYCACHE)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return subprocess.Popen(
        [sys.executable, "-c", code, *map(str, args)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def kill(proc: subprocess.Popen) -> tuple[str, str]:
    """SIGKILL (no cleanup of any kind runs in the child) and collect what it printed."""
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    out, err = proc.communicate(timeout=30)
    return out, err


def wait_for_line(proc: subprocess.Popen, expected: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.strip() == expected:
            return
        if not line:
            break
    _, err = kill(proc)
    raise AssertionError(f"child did not print {expected!r}: {err[-2000:]}")


def health(path: Path) -> tuple[list, list]:
    """(integrity_check rows, foreign_key_check rows) of a database file, as SQLite reports."""
    conn = sqlite3.connect(path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()
    return integrity, fk


def history_consistent(conn: sqlite3.Connection) -> list:
    """Deals whose open stage-history row is missing, doubled, or disagrees with the deal."""
    return conn.execute(
        """
        SELECT d.id FROM deal d
        LEFT JOIN stage_history h ON h.deal_id = d.id AND h.left_at IS NULL
        GROUP BY d.id
        HAVING COUNT(h.id) != 1 OR MAX(h.stage_id) != d.stage_id OR MAX(h.status) != d.status
        """
    ).fetchall()


def copy_template(template: Path, dest: Path) -> Path:
    """A closed database with no -wal is a plain file: copying it is safe (unlike a live one)."""
    shutil.copyfile(template, dest)
    return dest
