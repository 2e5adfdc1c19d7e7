"""Foundation benchmarks: reports, a deal move and demo generation against raw sqlite3."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from timing import paired, row

from app.domain.periods import last_12_months
from app.services import Services
from app.services.reports import end_of_day

PIPELINE_SQL = """
SELECT d.stage_id, COUNT(d.id), SUM(d.value_minor),
       SUM(d.value_minor * COALESCE(d.probability, s.probability))
FROM deal d JOIN pipeline_stage s ON s.id = d.stage_id
WHERE d.status = 'open' AND d.deleted_at IS NULL AND s.pipeline_id = ?
GROUP BY d.stage_id"""

AS_OF_SQL = """
SELECT h.stage_id, COUNT(d.id), SUM(d.value_minor),
       SUM(d.value_minor * COALESCE(d.probability, s.probability))
FROM stage_history h JOIN deal d ON h.deal_id = d.id
JOIN pipeline_stage s ON h.stage_id = s.id
WHERE s.pipeline_id = ? AND h.status = 'open' AND h.entered_at <= ?
  AND (h.left_at IS NULL OR h.left_at > ?) AND (d.deleted_at IS NULL OR d.deleted_at > ?)
GROUP BY h.stage_id"""

FUNNEL_SQL = [
    """SELECT reached_position, funnel_stage_id, COUNT(id) FROM company
       WHERE deleted_at IS NULL AND entered_on >= ? AND entered_on <= ?
       GROUP BY reached_position, funnel_stage_id""",
    """SELECT reached_position, COUNT(id) FROM company WHERE deleted_at IS NULL
       GROUP BY reached_position""",
    """SELECT COUNT(id) FROM company WHERE deleted_at IS NULL AND converted_at >= ?
       AND converted_at < ?""",
    "SELECT SUM(amount_minor) FROM spend WHERE month >= ? AND month <= ?",
]


def measure(db_path: Path, deals: int) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "bench.sqlite"
        shutil.copy(db_path, work)
        services = Services.open(work)
        raw = sqlite3.connect(work)
        raw.execute("PRAGMA synchronous = FULL")
        pipeline_id = services.stages.pipeline_id(None)
        ours, base = paired(
            lambda: services.reports.pipeline(pipeline_id),
            lambda: raw.execute(PIPELINE_SQL, (pipeline_id,)).fetchall(),
        )
        rows.append(row("report_pipeline", deals, ours, "sqlite3_raw", base))
        past = end_of_day(dt.date.today() - dt.timedelta(days=120))
        past_s = past.isoformat(" ")
        ours, base = paired(
            lambda: services.reports.pipeline(pipeline_id, past),
            lambda: raw.execute(AS_OF_SQL, (pipeline_id, past_s, past_s, past_s)).fetchall(),
        )
        rows.append(row("report_pipeline_as_of_past", deals, ours, "sqlite3_raw", base))
        period = last_12_months(dt.date.today())
        start, end = period.start.isoformat(), period.end.isoformat()
        after = (period.end + dt.timedelta(days=1)).isoformat()

        def raw_funnel():
            raw.execute(FUNNEL_SQL[0], (start, end)).fetchall()
            raw.execute(FUNNEL_SQL[1]).fetchall()
            raw.execute(FUNNEL_SQL[2], (start, after)).fetchall()
            raw.execute(FUNNEL_SQL[3], (start[:8] + "01", end)).fetchall()

        ours, base = paired(lambda: services.reports.funnel(period), raw_funnel)
        rows.append(row("report_funnel", deals, ours, "sqlite3_raw", base))
        rows.append(_move_deal(services, raw, deals))
        raw.close()
        services.close()
    rows.append(_demo_generate(deals))
    return rows


def _move_deal(services: Services, raw: sqlite3.Connection, deals: int) -> dict:
    """A drag to another stage: our service call vs raw UPDATE + history rows, one commit."""
    stages = [s for s, *_ in services.stages.pipeline_stages(services.stages.pipeline_id(None))]
    ids = [
        r[0]
        for r in raw.execute(
            "SELECT id FROM deal WHERE status = 'open' AND deleted_at IS NULL LIMIT 40"
        )
    ]
    counter = iter(range(10**9))

    def ours():
        i = next(counter)
        services.deals.move([ids[i % len(ids)]], stages[i % len(stages)], 0)

    def baseline():
        i = next(counter)
        deal, stage, now = ids[i % len(ids)], stages[i % len(stages)], dt.datetime.now()
        with raw:
            raw.execute(
                "UPDATE deal SET stage_id = ?, position = position - 1 WHERE id = ?", (stage, deal)
            )
            raw.execute(
                "UPDATE stage_history SET left_at = ? WHERE deal_id = ? AND left_at IS NULL",
                (now, deal),
            )
            raw.execute(
                "INSERT INTO stage_history (deal_id, stage_id, status, entered_at) "
                "VALUES (?, ?, 'open', ?)",
                (deal, stage, now),
            )

    ours_ms, base_ms = paired(ours, baseline, runs=31)
    return row("move_deal", deals, ours_ms, "sqlite3_raw_update_insert", base_ms)


def _demo_generate(deals: int) -> dict:
    from app.cli.demo import make_demo

    runs = 1 if deals >= 50_000 else 3
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            make_demo(Path(tmp) / "demo.sqlite", deals, seed=1)
            times.append((time.perf_counter() - started) * 1000)
    return row("demo_generate", deals, round(sorted(times)[len(times) // 2], 1))
