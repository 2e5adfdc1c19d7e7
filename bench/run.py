"""Benchmarks on generated demo data: prints a table and writes JSON rows.

    python bench/run.py [--sizes 1000,10000,100000] [--json OUT] [--only NAME,...]

Each size's demo database is generated once per schema and cached in bench/.cache/. Every
bench/bench_*.py module exposes measure(db_path, deals) -> list of rows
{"metric", "deals", "median_ms", "baseline", "baseline_median_ms"}; query metrics time
the same aggregate in raw sqlite3 on the same file, alternating runs, so the ratio holds
on a noisy machine.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CACHE = HERE / ".cache"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def schema_tag() -> str:
    """A short fingerprint of the schema (tables, indexes, tally triggers) and the demo
    generator: a cached database made by another schema or generator is made again rather
    than benchmarked with missing columns or indexes, or different data."""
    import hashlib

    import peewee as pw

    from app.storage import tallies
    from app.storage.models import ALL_MODELS

    db = pw.SqliteDatabase(":memory:")
    with db.bind_ctx(ALL_MODELS):
        db.create_tables(ALL_MODELS)
        tallies.install(db)
        ddl = [sql for (sql,) in db.execute_sql("SELECT sql FROM sqlite_master ORDER BY name")]
    db.close()
    # The generator too: a database of the same size made by an older demo is other data.
    generator = (ROOT / "app" / "services" / "demo.py").read_text(encoding="utf-8")
    return hashlib.sha1("\n".join([*filter(None, ddl), generator]).encode()).hexdigest()[:8]


def demo_database(deals: int, companies: int | None = None) -> Path:
    """The cached demo database of this size (seed 1) and schema, made on first use.

    `companies` overrides the demo's one company per 2.2 deals (the funnel benchmarks).
    """
    CACHE.mkdir(exist_ok=True)
    size = f"{deals}" if companies is None else f"{deals}x{companies}"
    path = CACHE / f"demo-{size}-{schema_tag()}.sqlite"
    if not path.exists():
        stale = [*CACHE.glob(f"demo-{size}.sqlite*"), *CACHE.glob(f"demo-{size}-*.sqlite*")]
        for old in stale:  # the same size made by another schema
            old.unlink(missing_ok=True)
        from app.cli.demo import make_demo

        started = time.perf_counter()
        tmp = path.with_suffix(".part")
        for suffix in ("", "-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
        make_demo(tmp, deals, seed=1, companies=companies)
        # Fold the -wal into the file before renaming it: a connection another benchmark left
        # open in this process would otherwise keep the data in a -wal the rename leaves behind.
        import sqlite3

        conn = sqlite3.connect(tmp)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.close()
        tmp.rename(path)
        print(f"  generated {path.name} in {time.perf_counter() - started:.1f} s", flush=True)
    return path


def modules(only: set[str] | None):
    for file in sorted(HERE.glob("bench_*.py")):
        name = file.stem
        if only and name.removeprefix("bench_") not in only:
            continue
        yield name, importlib.import_module(name)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--only", help="comma-separated module names, e.g. core,board")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    only = set(args.only.split(",")) if args.only else None
    rows = []
    print(
        f"{'metric':28} {'deals':>7} {'median ms':>10} {'baseline':>24} {'base ms':>9} {'ratio':>6}"
    )
    for deals in sizes:
        db = demo_database(deals)
        for _, module in modules(only):
            for row in module.measure(db, deals):
                rows.append(row)
                base = row.get("baseline_median_ms")
                ratio = f"{row['median_ms'] / base:.2f}" if base else ""
                print(
                    f"{row['metric']:28} {row['deals']:>7} {row['median_ms']:>10.2f} "
                    f"{row.get('baseline') or '':>24} "
                    f"{base if base is not None else '':>9} {ratio:>6}",
                    flush=True,
                )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
