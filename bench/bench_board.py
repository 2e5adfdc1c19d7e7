"""Board benchmarks: ready to paint, start-up to a painted board, drop-to-repaint, memory."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import PAIRED_RUNS, alternated, percentile, row

ROOT = Path(__file__).resolve().parent.parent

# Runs in a fresh process: the real start-up path up to a painted board (or, as the
# baseline, the same window holding one empty QListView), then reports and exits.
CHILD = r"""
import os, sys, time, json
from pathlib import Path
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, {root!r})
def rss_mb():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QListView, QMainWindow
from app.ui.application import make_qapp
app = make_qapp()
mode, db = sys.argv[1], sys.argv[2]
if mode == "board":
    from app.ui.application import open_or_create
    from app.ui.main_window import MainWindow
    from app.ui.views import add_views
    services = open_or_create(Path(db))  # as the app opens it: integrity check beside it
    before = rss_mb()
    settings = QSettings(db + ".ini", QSettings.Format.IniFormat)
    window = MainWindow(services, QUndoStack(), settings)
    add_views(window)
else:
    before = rss_mb()
    window = QMainWindow()
    window.setCentralWidget(QListView())
window.resize(1400, 900)
window.show()
window.grab()
app.processEvents()
print(json.dumps({{"painted": time.time(), "rss_growth_mb": rss_mb() - before,
                   "pyqtgraph": "pyqtgraph" in sys.modules}}), flush=True)
"""


def _spawn(mode: str, db: Path) -> dict:
    script = CHILD.format(root=str(ROOT))
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", script, mode, str(db)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["ms"] = (result["painted"] - started) * 1000
    return result


def measure(db_path: Path, deals: int) -> list[dict]:
    from PySide6.QtCore import QEvent, QModelIndex, Qt
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QHBoxLayout, QListView, QWidget

    from app.services import Services
    from app.ui.application import make_qapp
    from app.ui.board.model import encode_ids
    from app.ui.board.view import BoardView

    app = make_qapp()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "bench.sqlite"
        shutil.copy(db_path, work)
        services = Services.open(work)

        def board_ready(on=services, show_closed: bool = False) -> float:
            started = time.perf_counter()
            view = BoardView(on, QUndoStack())
            if show_closed:
                view.toggles["show_closed"].setChecked(True)
            view.resize(1400, 860)
            view.grab()
            elapsed = (time.perf_counter() - started) * 1000
            view.deleteLater()
            # Outside an event loop deleteLater waits forever: delete now, or every later
            # drop would also refresh these boards.
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            return elapsed

        def empty_ready() -> float:
            started = time.perf_counter()
            host = QWidget()
            layout = QHBoxLayout(host)
            for _ in range(4):
                layout.addWidget(QListView())
            host.resize(1400, 860)
            host.grab()
            elapsed = (time.perf_counter() - started) * 1000
            host.deleteLater()
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            return elapsed

        # The board, then every deal on it, won and lost too ("Show closed"): at 100k deals
        # the demo has about 11,500 open, so the second is the board's heaviest case.
        for metric, show_closed in (("board_ready", False), ("board_ready_all_deals", True)):
            ours, base = alternated(
                lambda c=show_closed: board_ready(show_closed=c), empty_ready, 9
            )
            rows.append(
                row(metric, deals, round(ours, 2), "empty QListView window", round(base, 2))
            )

        if deals > 1000:
            # The 100k ≤ 1.2 × 1k target compares two sizes; measured one after the other they
            # see different machine noise (±30 % here), so alternate with the 1k board.
            from run import demo_database

            small_path = Path(tmp) / "small.sqlite"
            shutil.copy(demo_database(1000), small_path)
            small = Services.open(small_path)
            try:
                big, little = alternated(board_ready, lambda: board_ready(small), PAIRED_RUNS)
            finally:
                small.close()
            rows.append(
                row(
                    "board_ready_vs_1k",
                    deals,
                    round(big, 2),
                    "board_ready 1k, alternated",
                    round(little, 2),
                )
            )

        view = BoardView(services, QUndoStack())
        view.resize(1400, 860)
        view.show()
        app.processEvents()
        times = []
        for i in range(60):
            source, target = view.columns[i % 2], view.columns[2 + i % 2]
            deal = source.model.index(0).data(Qt.ItemDataRole.UserRole + 2)
            mime = encode_ids([deal])
            started = time.perf_counter()
            target.model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
            for column in (source, target):
                column.view.viewport().repaint()
            times.append((time.perf_counter() - started) * 1000)
        rows.append(row("drag_drop_commit_p95", deals, percentile(times, 95)))
        view.close()
        services.close()

        spawned = [(_spawn("board", work), _spawn("empty", work)) for _ in range(9)]
        rows.append(
            row(
                "startup_to_board",
                deals,
                round(statistics.median(a["ms"] for a, _ in spawned), 1),
                "empty QListView window",
                round(statistics.median(b["ms"] for _, b in spawned), 1),
            )
        )
        if any(a["pyqtgraph"] for a, _ in spawned):
            raise AssertionError("pyqtgraph was imported at start-up")
        rows.append(
            row(
                "board_memory_mb",
                deals,
                round(statistics.median(a["rss_growth_mb"] for a, _ in spawned), 1),
                "empty QListView window",
                round(statistics.median(b["rss_growth_mb"] for _, b in spawned), 1),
            )
        )
    return rows
