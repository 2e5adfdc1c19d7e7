"""Command line: parses arguments, then starts the GUI or runs a headless command.

Exit codes are a public contract: 0 done, 2 bad input (nothing written), 1 unexpected error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import logging
import os
import sys
from pathlib import Path

# Each module adds its subcommands with register(subparsers); handlers run with args.
COMMAND_MODULES = [
    "app.cli.demo",
    "app.cli.report",
    "app.cli.screenshot",
    "app.cli.backup",
    "app.cli.import_export",
]


class BadInput(Exception):
    """Bad input from the user: exit 2 with this message, nothing written."""


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{text}" is not a date of the form YYYY-MM-DD') from None


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value <= 0:
        raise argparse.ArgumentTypeError(f'"{text}" is not a positive whole number')
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dealboard", description="Dealboard: your sales funnel and pipeline, offline."
    )
    parser.add_argument("--db", type=Path, help="database file (default: in your data folder)")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a demo database in the data folder, created on first use",
    )
    parser.add_argument("--lang", choices=["de", "en"], help="language of the interface")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def offscreen_without_display() -> None:
    """Commands that render (PDF, screenshot) draw offscreen when there is no display."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def check_output(out: Path) -> None:
    """-o names a file in a folder that exists; bad input (exit 2) otherwise."""
    if not out.parent.is_dir():
        raise BadInput(f"-o {out}: the folder {out.parent} does not exist.")
    if out.is_dir():
        raise BadInput(f"-o {out}: is a folder; name a file.")


def cannot_write(out: Path, exc: OSError) -> BadInput:
    """The bad-input error for an -o file that could not be written (disk full, no rights)."""
    return BadInput(f"-o {out}: cannot write ({exc.strerror or exc}).")


def open_services(path: Path, *, must_exist: bool = True):
    """Open a database for a command; a refused or missing file is bad input (exit 2).

    A damaged file is moved aside unchanged and the message names the newest backup that
    passes the integrity check (as the GUI offers it); a file that is not ours or from a
    newer version is refused and left as it is.
    """
    from app.cli.backup import damaged_message
    from app.services import Services
    from app.storage.database import DatabaseRefused
    from app.storage.recovery import Recovery, open_or_recover

    if must_exist and not path.exists():
        raise BadInput(f"{path}: no such database file.")
    try:
        opened = open_or_recover(path, Services.open)
    except DatabaseRefused as exc:
        raise BadInput(str(exc)) from exc
    if isinstance(opened, Recovery):
        raise BadInput(damaged_message(opened))
    return opened


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from app.ui.application import run_gui

        return run_gui(args)
    try:
        return args.handler(args) or 0
    except BadInput as exc:
        print(f"dealboard: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # the contract: a short message, details in the log file
        log = _log_unexpected()
        print(f"dealboard: unexpected error: {exc} (details in {log})", file=sys.stderr)
        return 1


def _log_unexpected() -> Path:
    from app.paths import log_path

    path = log_path()
    logging.basicConfig(
        filename=path, level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("dealboard.cli").exception("command failed: %s", sys.argv)
    return path
