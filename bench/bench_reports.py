"""Reports benchmarks: the PDF report pack, and the reports pane from construction to a frame.

`pdf_pack` is the whole export: every report of the pack read from the database, laid out,
painted into a PDF and written atomically. `reports_pane_ready` is the pane from its
constructor to its first painted frame with every chart filled; pyqtgraph's one-time import
is paid in a warm-up run first, as it is once per session in the app.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from timing import row

RUNS = 7
SIZE = (1280, 900)


def _copy(source: Path, target: Path) -> None:
    """A consistent copy through SQLite (the cache may hold a -wal file beside it)."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def _median(fn, runs: int = RUNS) -> float:
    fn()  # warm-up: imports, fonts, SQLite's page cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 2)


def measure(db_path: Path, deals: int) -> list[dict]:
    from app.ui.application import make_qapp

    app = make_qapp()
    from app.domain.periods import last_12_months
    from app.export.pdf import export
    from app.services import Services
    from app.ui.reports.pane import ReportsPane

    with tempfile.TemporaryDirectory(prefix="dealboard-bench-") as tmp:
        work = Path(tmp) / "bench.sqlite"
        _copy(db_path, work)
        services = Services.open(work)
        try:
            today = dt.date.today()
            out = Path(tmp) / "pack.pdf"

            def pack() -> None:
                export(
                    out,
                    services,
                    "pack",
                    pipeline_id=services.stages.pipeline_id(None),
                    period=last_12_months(today),
                    lang="en",
                    today=today,
                )

            pdf_ms = _median(pack)

            def pane() -> None:
                widget = ReportsPane(services)
                widget.resize(*SIZE)
                widget.ensure_built()
                widget.grab()
                widget.deleteLater()
                app.processEvents()

            pane_ms = _median(pane)
        finally:
            services.close()
    return [row("pdf_pack", deals, pdf_ms), row("reports_pane_ready", deals, pane_ms)]
