"""`report … --format pdf`: the command line's PDF writer, headless when there is no display."""

from __future__ import annotations

import argparse
import datetime as dt

from app.cli import BadInput, offscreen_without_display


def ensure_gui_application():
    """QPdfWriter needs a QGuiApplication; without a display the offscreen platform serves."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        offscreen_without_display()
        app = QGuiApplication(["dealboard"])
    return app


def report_period(args: argparse.Namespace):
    """The funnel's period (default the last 12 months); with only --as-of, the 12 months
    up to that day, so a pack "as of" a past date is about the time before it."""
    from app.cli.report import funnel_period
    from app.domain.periods import last_12_months

    if args.kind == "pack" and args.as_of and not (args.date_from or args.date_to):
        return last_12_months(args.as_of)
    return funnel_period(args.date_from, args.date_to)


def write_pdf(services, args: argparse.Namespace, data: dict) -> int:
    """`report --format pdf`: renders and writes -o atomically (run has checked -o)."""
    from app.services import ServiceError
    from app.services.reports import end_of_day

    ensure_gui_application()
    from app.export.pdf import ExportError, default_lang, render, write

    try:
        pipeline_id = services.stages.pipeline_id(args.pipeline)
    except ServiceError as exc:
        raise BadInput(f"--pipeline: {exc}") from exc
    period = report_period(args)
    as_of = end_of_day(args.as_of) if args.as_of else None
    reports = {data["report"]: data} if data.get("report") in ("pipeline", "funnel") else {}
    pdf = render(
        services,
        args.kind,
        pipeline_id=pipeline_id,
        period=period,
        as_of=as_of,
        lang=args.lang or default_lang(),
        today=dt.date.today(),
        reports=reports,
    )
    try:
        write(args.output, pdf)
    except ExportError as exc:
        raise BadInput(f"-o {args.output}: {exc}") from exc
    return 0


__all__ = ["ensure_gui_application", "report_period", "write_pdf"]
