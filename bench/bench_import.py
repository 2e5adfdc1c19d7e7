"""Import and export benchmarks: every deal of the demo database out to CSV and back in.

`export_deals` writes all deals with our headers (UTF-8 with BOM, neutralised cells).
`import_deals` imports that file (one row per deal: 100,000 rows at the largest size; the
target is under 3 s) into a fresh copy of the demo database: reading, checking and
resolving every row, then one transaction of bulk inserts with stage history. Its baseline is
raw sqlite3 `executemany` of the same deal rows, already typed, into another fresh copy (its
indexes in place, the tally triggers dropped): what the insert alone costs, without a file,
checks, history, companies or contacts.
`import_deals_new_database` is the same file into a new, empty database (every company and
contact created): a salesperson arriving from another tool.
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from timing import median_ms, row

from app.services import Services, exporter, importer

DEAL_COLUMNS = (
    "title, company_id, contact_id, value_minor, pipeline_id, stage_id, position, status,"
    " lost_reason, probability, expected_close, notes, owner_id, created_at, closed_at"
)


def measure(db_path: Path, deals: int) -> list[dict]:
    runs = 3 if deals >= 50_000 else 5
    with tempfile.TemporaryDirectory(prefix="dealboard-bench-import-") as tmp:
        folder = Path(tmp)
        pristine = folder / "pristine.sqlite"
        source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        target = sqlite3.connect(pristine)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()

        csv_path = folder / "deals.csv"
        services = Services.open(pristine)
        try:
            exported = median_ms(
                lambda: exporter.export_csv(services, "deals", csv_path, ";"), runs
            )
        finally:
            services.close()
        data = csv_path.read_bytes()

        with sqlite3.connect(pristine) as conn:
            rows = conn.execute(f"SELECT {DEAL_COLUMNS} FROM deal ORDER BY id").fetchall()
        marks = ", ".join("?" * len(DEAL_COLUMNS.split(",")))
        insert = f"INSERT INTO deal ({DEAL_COLUMNS}) VALUES ({marks})"

        empty = folder / "empty.sqlite"
        Services.open(empty).close()  # schema and defaults, as a new user's first start

        def fresh(name: str, origin: Path) -> Path:
            copy = folder / name
            for suffix in ("", "-wal", "-shm"):
                Path(f"{copy}{suffix}").unlink(missing_ok=True)
            shutil.copyfile(origin, copy)
            return copy

        results = []
        # Into a copy of the demo database of this size (its companies and contacts matched),
        # and into a new empty database: a salesperson arriving with their data.
        for metric, origin in (("import_deals", pristine), ("import_deals_new_database", empty)):
            ours, base = [], []
            for _ in range(runs):
                copy = fresh("ours.sqlite", origin)
                services = Services.open(copy)
                try:
                    started = time.perf_counter()
                    summary = importer.import_csv(services, data, "deals")
                    ours.append((time.perf_counter() - started) * 1000)
                    assert summary.created["deals"] == len(rows)
                finally:
                    services.close()

                copy = fresh("raw.sqlite", origin)
                conn = sqlite3.connect(copy)
                try:
                    # The app's pragmas, so both commit the same way.
                    conn.execute("PRAGMA journal_mode = wal")
                    conn.execute("PRAGMA synchronous = 2")
                    # The bare insert: without the tally triggers, which would charge the
                    # baseline 0.5 s per 100k rows that our bulk import avoids.
                    for (name,) in conn.execute(
                        "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                    ).fetchall():
                        conn.execute(f'DROP TRIGGER "{name}"')
                    started = time.perf_counter()
                    with conn:
                        conn.executemany(insert, rows)
                    base.append((time.perf_counter() - started) * 1000)
                finally:
                    conn.close()
            results.append(
                row(
                    metric,
                    deals,
                    round(statistics.median(ours), 3),
                    "sqlite3_executemany",
                    round(statistics.median(base), 3),
                )
            )
    return [
        *results,
        row("export_deals", deals, exported),
    ]


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from run import demo_database

    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    for result in measure(demo_database(size), size):
        print(result)
