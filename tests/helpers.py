"""Helpers several test modules share: fingerprints of files and of database contents."""

from __future__ import annotations

import hashlib
from pathlib import Path


def sha(path: Path) -> str:
    """sha256 of a file's bytes: equal before and after = the file was left untouched."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def digest(services) -> str:
    """sha256 of every table's rows and of the schema: equal digests = nothing was written."""
    db = services.db
    h = hashlib.sha256()
    for name, sql in db.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall():
        h.update(f"{name}:{sql}".encode())
        if sql and sql.startswith("CREATE TABLE"):
            for row in db.execute_sql(f'SELECT * FROM "{name}" ORDER BY rowid'):
                h.update(repr(row).encode())
    return h.hexdigest()
