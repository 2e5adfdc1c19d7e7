"""`import` and `export` commands: CSV files in and out, next actions as an iCalendar file."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from app.cli import BadInput, cannot_write, check_output, open_services

IMPORT_KINDS = ["deals", "companies", "contacts"]
EXPORT_KINDS = ["deals", "companies", "contacts", "activities", "next-actions"]


def register(sub) -> None:
    p = sub.add_parser(
        "import",
        help="import deals, companies or contacts from a CSV file (all or nothing)",
        description="Import a CSV file of our own export, Pipedrive, HubSpot or a spreadsheet. "
        "An invalid file imports nothing: every bad line is listed and the exit code is 2.",
    )
    p.add_argument("kind", choices=IMPORT_KINDS)
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--db", type=Path, required=True, dest="db_file")
    p.add_argument("--dry-run", action="store_true", help="show what would be created and matched")
    p.add_argument(
        "--map-stage",
        action="append",
        default=[],
        metavar="THEIR NAME=OUR NAME",
        help="import a stage of the file as one of ours (repeatable)",
    )
    p.add_argument(
        "--map-column",
        action="append",
        default=[],
        metavar="THEIR HEADER=FIELD",
        help='import a column of the file as one of our fields; "THEIR HEADER=" ignores the '
        "column (repeatable)",
    )
    p.set_defaults(handler=run_import)

    p = sub.add_parser(
        "export",
        help="export to CSV (our headers, re-importable) or next actions to an .ics calendar",
    )
    p.add_argument("kind", choices=EXPORT_KINDS)
    p.add_argument("--db", type=Path, required=True, dest="db_file")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    p.add_argument(
        "--delimiter",
        choices=[";", ","],
        default=",",
        help="cell separator of a CSV file; ';' for German Excel (default ',')",
    )
    p.set_defaults(handler=run_export)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise BadInput(f"{path}: no such file.") from None
    except IsADirectoryError:
        raise BadInput(f"{path}: is a folder, not a CSV file.") from None
    except OSError as exc:
        raise BadInput(f"{path}: cannot read the file ({exc.strerror}).") from exc


def run_import(args: argparse.Namespace) -> int:
    from app.services.importer import parse_stage_map

    try:
        stage_map = parse_stage_map(args.map_stage)
    except ValueError as exc:
        raise BadInput(f"--map-stage {exc}.") from exc
    try:
        column_map = parse_column_map(args.map_column)
    except ValueError as exc:
        raise BadInput(f"--map-column {exc}.") from exc
    data = _read(args.file)
    summary = _import(args, data, stage_map, column_map)
    if summary.unknown_columns:
        columns = ", ".join(f'"{c}"' for c in summary.unknown_columns)
        print(f"Notice: these columns are not imported: {columns}", file=sys.stderr)
    for notice in summary.notices:
        print(f"Notice: {notice}", file=sys.stderr)
    text = f"{args.file}: {summary.describe()}"
    if summary.dry_run:
        text += " Dry run: nothing was written."
    print(text)
    return 0


def parse_column_map(items: list[str]) -> dict[str, str | None]:
    """--map-column "THEIR HEADER=FIELD" values → {their header: our field, None to ignore},
    both trimmed; the field is checked by the importer. ValueError for an item without "="
    or with an empty header; the later of two wins."""
    mapping: dict[str, str | None] = {}
    for item in items:
        theirs, sep, ours = item.rpartition("=")  # a field has no "=", a header may
        if not sep or not theirs.strip():
            raise ValueError(
                f'"{item}" is not of the form "THEIR HEADER=FIELD" (or "THEIR HEADER=" to '
                "ignore the column)"
            )
        mapping[theirs.strip()] = ours.strip() or None
    return mapping


def _import(
    args: argparse.Namespace,
    data: bytes,
    stage_map: dict[str, str],
    columns: dict[str, str | None],
):
    from app.services.importer import ImportFailed, import_csv, preview

    with contextlib.ExitStack() as stack:
        if not args.dry_run:
            from app.cli.backup import write_lock

            stack.enter_context(write_lock(args.db_file))
        # A real import may start a new database; a dry run writes nothing, not even that.
        new_database = not args.db_file.exists()
        services = open_services(args.db_file, must_exist=args.dry_run)
        try:
            if args.dry_run:
                summary = preview(services, data, args.kind, stage_map, columns=columns)
            else:
                summary = import_csv(services, data, args.kind, stage_map, columns=columns)
        except ImportFailed as exc:
            services.close()
            if new_database:  # created by us a moment ago, under our lock: leave no empty file
                from app.storage.recovery import remove_with_side_files

                remove_with_side_files(args.db_file)
            raise BadInput(_failure_text(args.file, args.kind, exc)) from exc
        services.close()
    return summary


def _failure_text(path: Path, kind: str, exc) -> str:
    lines = {p.line for p in exc.problems}
    text = (
        f"{path}: nothing imported; {len(exc.problems)} problem(s) on {len(lines)} line(s) "
        f"(the header is line 1):\n{exc}"
    )
    if exc.unknown_stages:
        text += (
            '\nMap an unknown stage with --map-stage "THEIR NAME=OUR NAME"; ours are: '
            + ", ".join(exc.known_stages)
            + "."
        )
    from app.importing.csvformat import ColumnProblem, importable_fields

    if any(isinstance(p, ColumnProblem) for p in exc.problems):
        fields = importable_fields(kind)
        text += (
            '\nImport a column as one of our fields with --map-column "THEIR HEADER=FIELD" '
            f'("THEIR HEADER=" ignores it); {kind} have: ' + ", ".join(fields) + "."
        )
    return text


def run_export(args: argparse.Namespace) -> int:
    from app.services.exporter import export_csv, export_next_actions

    out: Path = args.output
    check_output(out)
    services = open_services(args.db_file)
    try:
        if args.kind == "next-actions":
            count = export_next_actions(services, out)
        else:
            count = export_csv(services, args.kind, out, args.delimiter)
    except OSError as exc:
        raise cannot_write(out, exc) from exc
    finally:
        services.close()
    noun = "next actions" if args.kind == "next-actions" else args.kind
    print(f"{out}: {count} {noun} written.", file=sys.stderr)
    return 0
