"""`demo` command: make a database file filled with demo data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli import BadInput, positive_int


def register(sub) -> None:
    p = sub.add_parser("demo", help="make FILE with demo data")
    p.add_argument("--db", type=Path, required=True, dest="db_file")
    p.add_argument("--deals", type=positive_int, default=2000)
    p.add_argument("--seed", type=int, default=1)
    p.set_defaults(handler=run)


def is_empty(path: Path) -> bool:
    """True for a missing or zero-byte file, or a Dealboard database without records."""
    if not path.exists() or path.stat().st_size == 0:
        return True
    from app.cli import open_services
    from app.storage.models import Company, Deal

    services = open_services(path)
    try:
        return not (Deal.select().exists() or Company.select().exists())
    finally:
        services.close()


def make_demo(path: Path, deals: int, seed: int, companies: int | None = None) -> dict:
    from app.services import Services
    from app.services.demo import generate

    services = Services.open(path)
    try:
        return generate(services.db, deals=deals, seed=seed, companies=companies)
    finally:
        services.close()


def run(args: argparse.Namespace) -> int:
    path: Path = args.db_file
    if not 50 <= args.deals <= 100_000:
        raise BadInput(f"--deals {args.deals}: choose between 50 and 100000.")
    from app.cli.backup import write_lock

    with write_lock(path):
        if not is_empty(path):
            raise BadInput(f"{path} already holds data; demo data goes into a new file.")
        counts = make_demo(path, args.deals, args.seed)
    print(f"{path}: " + ", ".join(f"{n} {k}" for k, n in counts.items()), file=sys.stderr)
    return 0
