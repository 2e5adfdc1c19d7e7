"""`report` command: the pipeline and funnel reports as JSON (PDF comes with the reports pane)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from app.cli import BadInput, cannot_write, check_output, iso_date, open_services
from app.storage.files import atomic_write_bytes

FORMATS = ["json", "pdf"]
# Other modules (PDF export) add a kind or format here: {format: writer(services, args, data)}.


def register(sub) -> None:
    p = sub.add_parser("report", help="make a report")
    p.add_argument("kind", choices=["pipeline", "funnel", "pack"])
    p.add_argument("--db", type=Path, required=True, dest="db_file")
    p.add_argument("--pipeline", help="pipeline name (default: the first)")
    p.add_argument("--as-of", type=iso_date, help="YYYY-MM-DD (default: now)")
    p.add_argument("--from", type=iso_date, dest="date_from", help="YYYY-MM-DD")
    p.add_argument("--to", type=iso_date, dest="date_to", help="YYYY-MM-DD")
    p.add_argument("--format", choices=FORMATS, required=True)
    p.add_argument("-o", "--output", type=Path)
    p.add_argument("--lang", choices=["de", "en"], default=None)
    p.set_defaults(handler=run)


def funnel_period(date_from: dt.date | None, date_to: dt.date | None):
    from app.domain.periods import Period, last_12_months

    default = last_12_months(dt.date.today())
    start, end = date_from or default.start, date_to or default.end
    if date_from and not date_to and date_from > end:
        end = date_from
    if start > end:
        raise BadInput(f"--from {start} is after --to {end}.")
    return Period(start, end)


def build_report(services, args) -> dict:
    from app.services import ServiceError
    from app.services.reports import end_of_day

    if args.kind == "pack":
        return {"report": "pack"}  # the PDF writer gathers the pack's parts itself
    if args.kind == "pipeline":
        try:
            pipeline_id = services.stages.pipeline_id(args.pipeline)
        except ServiceError as exc:
            raise BadInput(f"--pipeline: {exc}") from exc
        as_of = end_of_day(args.as_of) if args.as_of else None
        return services.reports.pipeline(pipeline_id, as_of)
    return services.reports.funnel(funnel_period(args.date_from, args.date_to))


def run(args: argparse.Namespace) -> int:
    if args.output:
        check_output(args.output)
    if args.format == "pdf" and not args.output:
        raise BadInput("--format pdf needs -o OUT.pdf.")
    if args.format != "pdf" and args.kind == "pack":
        raise BadInput("pack is PDF only: use --format pdf -o OUT.pdf.")
    services = open_services(args.db_file)
    try:
        data = build_report(services, args)
        if args.format == "pdf":
            from app.export.cli import write_pdf  # Qt is loaded only when a PDF is asked for

            return write_pdf(services, args, data)
    finally:
        services.close()
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if args.output:
        try:
            atomic_write_bytes(args.output, text.encode("utf-8"))
        except OSError as exc:
            raise cannot_write(args.output, exc) from exc
    else:
        sys.stdout.write(text)
    return 0
