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
`import_deals_known_companies` is the usual second step of moving in: the companies were
imported first (a third as many, all leads), then a deals file naming them, one won deal
each, which makes all of them customers. Same baseline, the deal rows alone into the same database.
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

        empty = folder / "empty.sqlite"
        Services.open(empty).close()  # schema and defaults, as a new user's first start

        results = []
        # Into a copy of the demo database of this size (its companies and contacts matched),
        # and into a new empty database: a salesperson arriving with their data.
        for metric, origin in (("import_deals", pristine), ("import_deals_new_database", empty)):
            ours, base = [], []
            for _ in range(runs):
                copy = fresh(folder / "ours.sqlite", origin)
                services = Services.open(copy)
                try:
                    started = time.perf_counter()
                    summary = importer.import_csv(services, data, "deals")
                    ours.append((time.perf_counter() - started) * 1000)
                    assert summary.created["deals"] == len(rows)
                finally:
                    services.close()

                base.append(raw_insert(fresh(folder / "raw.sqlite", origin), rows))
            results.append(
                row(
                    metric,
                    deals,
                    round(statistics.median(ours), 3),
                    "sqlite3_executemany",
                    round(statistics.median(base), 3),
                )
            )
        results.append(known_companies(folder, deals, runs))
    return [
        *results,
        row("export_deals", deals, exported),
    ]


def known_companies(folder: Path, deals: int, runs: int) -> dict:
    companies = max(1, deals // 3)
    names = "name;funnel_stage\n" + "".join(f"Firma {i};Interest\n" for i in range(companies))
    lines = ["title;company;value;status;created;closed"]
    lines += [
        f"Deal {i};Firma {i % companies};1000;{'won' if i < companies else 'open'};"
        f"2026-0{1 + i % 9}-01;2026-0{1 + i % 9}-20"
        for i in range(deals)
    ]
    data = ("\n".join(lines) + "\n").encode()
    origin = folder / "known.sqlite"
    services = Services.open(origin)
    try:
        importer.import_csv(services, names.encode(), "companies")
    finally:
        services.close()
    ours, base = [], []
    for _ in range(runs):
        copy = fresh(folder / "known-copy.sqlite", origin)
        services = Services.open(copy)
        try:
            started = time.perf_counter()
            summary = importer.import_csv(services, data, "deals")
            ours.append((time.perf_counter() - started) * 1000)
            assert summary.converted == companies  # each has one won deal
        finally:
            services.close()
        with sqlite3.connect(copy) as conn:
            rows = conn.execute(f"SELECT {DEAL_COLUMNS} FROM deal ORDER BY id").fetchall()
        base.append(raw_insert(fresh(copy, origin), rows))
    return row(
        "import_deals_known_companies",
        deals,
        round(statistics.median(ours), 3),
        "sqlite3_executemany",
        round(statistics.median(base), 3),
    )


def fresh(copy: Path, origin: Path) -> Path:
    """`copy` made anew from `origin`, with no -wal or -shm left of an earlier one."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(origin, copy)
    return copy


def raw_insert(path: Path, rows: list[tuple]) -> float:
    """ms for the bare insert of typed deal rows: the app's pragmas, no tally triggers."""
    marks = ", ".join("?" * len(DEAL_COLUMNS.split(",")))
    conn = sqlite3.connect(path)
    try:
        # The app's pragmas, so both commit the same way.
        conn.execute("PRAGMA journal_mode = wal")
        conn.execute("PRAGMA synchronous = 2")
        # The bare insert: without the tally triggers, which would charge the baseline 0.5 s
        # per 100k rows that our bulk import avoids.
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        ).fetchall():
            conn.execute(f'DROP TRIGGER "{name}"')
        started = time.perf_counter()
        with conn:
            conn.executemany(f"INSERT INTO deal ({DEAL_COLUMNS}) VALUES ({marks})", rows)
        return (time.perf_counter() - started) * 1000
    finally:
        conn.close()


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from run import demo_database

    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    for result in measure(demo_database(size), size):
        print(result)
