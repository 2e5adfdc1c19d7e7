"""What the reports pane and the PDF show beside the JSON reports, gathered in one place.

`bundle()` is the single code path both read: it calls ReportService for every figure the
JSON reports also give, and adds the lists a page needs (open deals per stage, pipeline
step conversion, monthly target amounts).
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Iterator
from queue import SimpleQueue

import peewee as pw

from app.domain import metrics
from app.domain.periods import Period, add_months, month_start, months_between, period_of
from app.services import POOL_WORKERS
from app.services.base import Service
from app.services.reports import end_of_day, row_count, union_all
from app.storage.models import (
    DEAL_STATUSES,
    OPEN,
    WON,
    Activity,
    Company,
    Deal,
    Pipeline,
    PipelineStage,
    StageHistory,
    Target,
)
from app.storage.sql import as_date

STAGE_TABLE_ROWS = 25


class ReportDetails(Service):
    def stage_deals(
        self, pipeline_id: int, as_of: dt.datetime | None = None, limit: int = STAGE_TABLE_ROWS
    ) -> dict[str, list[dict]]:
        """{stage name: the `limit` largest open deals (as of an instant) by value}."""
        stages = list(
            PipelineStage.select(PipelineStage.id, PipelineStage.name)
            .where(PipelineStage.pipeline == pipeline_id)
            .order_by(PipelineStage.position)
            .tuples()
        )
        out: dict[str, list[dict]] = {}
        for stage_id, name in stages:
            if as_of is None:
                ids_query = Deal.select(Deal.id).where(
                    (Deal.stage == stage_id) & (Deal.status == OPEN) & Deal.deleted_at.is_null()
                )
            else:
                ids_query = (
                    StageHistory.select(Deal.id)
                    .join(Deal, on=StageHistory.deal == Deal.id)
                    .where(
                        (StageHistory.stage == stage_id)
                        & (StageHistory.status == OPEN)
                        & (StageHistory.entered_at <= as_of)
                        & (StageHistory.left_at.is_null() | (StageHistory.left_at > as_of))
                        & (Deal.deleted_at.is_null() | (Deal.deleted_at > as_of))
                    )
                )
            ids = [
                i
                for (i,) in ids_query.order_by(Deal.value_minor.desc(), Deal.id)
                .limit(limit)
                .tuples()
            ]
            out[name] = self._deal_rows(ids)
        return out

    def _deal_rows(self, ids: list[int]) -> list[dict]:
        if not ids:
            return []
        rows = {
            i: (title, company or "", value, as_date(close))
            for i, title, company, value, close in Deal.select(
                Deal.id, Deal.title, Company.name, Deal.value_minor, Deal.expected_close
            )
            .join(Company, pw.JOIN.LEFT_OUTER)
            .where(Deal.id.in_(ids))
            .tuples()
        }
        next_actions: dict[int, tuple[str, dt.date | None]] = {}
        for deal_id, subject, due in (
            Activity.select(Activity.deal, Activity.subject, Activity.due_on)
            .where(Activity.deal.in_(ids) & Activity.done_at.is_null())
            .order_by(Activity.deal, Activity.due_on.asc(nulls="LAST"), Activity.id)
            .tuples()
        ):
            next_actions.setdefault(deal_id, (subject, as_date(due)))
        out = []
        for i in ids:
            title, company, value, close = rows[i]
            subject, due = next_actions.get(i, (None, None))
            out.append(
                {
                    "deal_id": i,
                    "title": title,
                    "company": company,
                    "value_minor": value,
                    "expected_close": close,
                    "next_action": subject,
                    "next_due": due,
                }
            )
        return out

    def pipeline_conversion(self, pipeline_id: int, period: Period) -> dict:
        """Of the deals created in the period: how many reached each stage or beyond, and won.

        A won deal counts as having passed every stage, so the numbers narrow by construction.
        """
        stages = list(
            PipelineStage.select(PipelineStage.name, PipelineStage.position)
            .where(PipelineStage.pipeline == pipeline_id)
            .order_by(PipelineStage.position)
            .tuples()
        )
        rank = {pos: k for k, (_, pos) in enumerate(stages)}
        cohort = (
            (Deal.pipeline == pipeline_id)
            & Deal.deleted_at.is_null()
            & (Deal.created_at >= period.start_instant())
            & (Deal.created_at < period.end_instant())
        )
        # Deal.reached_position is each deal's highest stage in its pipeline's history, kept
        # beside every history row (a position of this pipeline, or None). One count per
        # status and highest stage, each an exact range of deal(pipeline, deleted_at, status,
        # reached_position, created_at): only the cohort's index entries are read, however
        # many older deals there are.
        keys = [(status, top) for status in DEAL_STATUSES for top in [None, *rank]]
        parts = [
            Deal.select(pw.Value(k), row_count()).where(
                cohort
                & (Deal.status == status)
                & (Deal.reached_position.is_null() if top is None else Deal.reached_position == top)
            )
            for k, (status, top) in enumerate(keys)
        ]
        # A won deal counts as having passed every stage; one without history rows (None)
        # only then.
        counts: dict[int, int] = {}
        for k, n in union_all(parts):
            status, top = keys[k]
            step = len(stages) if status == WON else None if top is None else rank[top]
            if n and step is not None:
                counts[step] = counts.get(step, 0) + n
        reached = metrics.reached_from_highest(counts, len(stages) + 1)
        conversions = metrics.step_conversions(reached)
        names = [name for name, _ in stages] + [WON]
        return {
            "from": period.start.isoformat(),
            "to": period.end.isoformat(),
            "created": reached[0],
            "stages": [
                {"stage": name, "reached": reached[k], "conversion_from_previous": conversions[k]}
                for k, name in enumerate(names)
            ],
            "overall_conversion": metrics.ratio(reached[-1], reached[0]),
        }

    def monthly_targets(self, metric: str, months: list[dt.date]) -> list[int | None]:
        """Team target of each month: its month target, else its share of a quarter or year."""
        if not months:
            return []
        first, last = months[0], add_months(months[-1], 1)
        rows = (
            Target.select(Target.period_kind, Target.period_start, Target.amount)
            .where(
                (Target.metric == metric)
                & Target.owner.is_null()
                & (Target.period_start < last)
                & (Target.period_start >= dt.date(first.year, 1, 1))
            )
            .tuples()
        )
        by_kind: dict[str, dict[dt.date, int]] = {"month": {}, "quarter": {}, "year": {}}
        for kind, start, amount in rows:
            by_kind[kind][as_date(start)] = amount
        out: list[int | None] = []
        for month in months:
            if month in by_kind["month"]:
                out.append(by_kind["month"][month])
                continue
            quarter = period_of("quarter", month).start
            year = period_of("year", month).start
            if quarter in by_kind["quarter"]:
                out.append(round(by_kind["quarter"][quarter] / 3))
            elif year in by_kind["year"]:
                out.append(round(by_kind["year"][year] / 12))
            else:
                out.append(None)
        return out

    def pipeline_name(self, pipeline_id: int) -> str:
        return Pipeline.select(Pipeline.name).where(Pipeline.id == pipeline_id).scalar() or ""


def pipeline_as_of(period: Period, today: dt.date) -> dt.datetime | None:
    """The pipeline of a period in the past is the one at its end; otherwise today's."""
    return end_of_day(period.end) if period.end < today else None


def forecast_window(period: Period, today: dt.date) -> list[dt.date]:
    """The months a forecast looks at: the period's months from this month on; for a period
    that is over (such as the last 12 months), this month and the next eleven."""
    this_month = month_start(today)
    if period.end <= today:
        return months_between(this_month, add_months(this_month, 11))
    return months_between(max(month_start(period.start), this_month), period.end)


def _forecast_rows(rows: list[dict], window: list[dt.date]) -> list[dict]:
    """One row per month of the window, months without deals as zeros."""
    by_month = {r["month"]: r for r in rows}
    empty = {"count": 0, "value_minor": 0, "expected_value_minor": 0}
    out = []
    for month in window:
        key = month.strftime("%Y-%m")
        out.append(by_month.get(key, {"month": key, **empty}))
    return out


def bundle(services, pipeline_id: int, period: Period, **options) -> dict:
    """Every number of the reports pane and the report pack, from ReportService's reports.

    `as_of` None means the pipeline as of the period's end (now for a current period).
    The reports are independent reads, so on a database file they run side by side, each
    on its own connection of a small thread pool (SQLite releases the GIL while it works).
    """
    return start_bundle(services, pipeline_id, period, **options)()


class PendingReports:
    """bundle() under way: `data` holds what is known at once (pipeline, period, currency…)
    and gains each report as it is read."""

    def __init__(self, data: dict, results: Iterator[tuple[str, object]]):
        self.data = data
        self._results = results

    def ready(self) -> Iterator[tuple[str, object]]:
        """(key, report) as each is read, already in `data`; raises the first failure."""
        for key, value in self._results:
            self.data[key] = value
            yield key, value

    def __call__(self) -> dict:
        """Wait for every report: bundle()'s dict."""
        for _ in self.ready():
            pass
        return self.data


def start_bundle(
    services,
    pipeline_id: int,
    period: Period,
    *,
    as_of: dt.datetime | None = None,
    today: dt.date | None = None,
    stage_tables: bool = False,
    attention: bool = False,
    parallel: bool = True,
) -> PendingReports:
    """bundle() begun: on a database file the reads are under way in worker threads when
    this returns, so the caller can build its pages meanwhile and show each report as it
    comes (PendingReports.ready); calling the result waits for all of them."""
    today = today or dt.date.today()
    details = ReportDetails(services)
    reports = services.reports
    if as_of is None:
        as_of = pipeline_as_of(period, today)
    months = months_between(period.start, period.end)
    window = forecast_window(period, today)
    jobs: dict[str, Callable[[], object]] = {
        # The slowest first, so they start first.
        "targets": lambda: reports.targets(today),
        "pipeline_conversion": lambda: details.pipeline_conversion(pipeline_id, period),
        "monthly": lambda: reports.monthly(period),
        "deal_metrics": lambda: reports.deal_metrics(period, pipeline_id),
        "funnel": lambda: reports.funnel(period),
        "forecast": lambda: _forecast_rows(reports.forecast(pipeline_id), window),
        "pipeline": lambda: reports.pipeline(pipeline_id, as_of),
        "monthly_won_target": lambda: details.monthly_targets("won_value", months),
    }
    if attention:
        from app.services.attention import AttentionQueries

        jobs = {
            "attention": lambda: AttentionQueries(services).summary(pipeline_id, today=today),
            **jobs,
        }
    if stage_tables:
        jobs["stage_deals"] = lambda: details.stage_deals(pipeline_id, as_of)
    data = {
        "pipeline_id": pipeline_id,
        "pipeline_name": details.pipeline_name(pipeline_id),
        "period": period,
        "as_of": as_of,
        "today": today,
        "currency": services.currency(),
    }
    return PendingReports(data, _start(services, jobs, parallel))


def _start(
    services, jobs: dict[str, Callable[[], object]], parallel: bool
) -> Iterator[tuple[str, object]]:
    """(key, result) of each job as it finishes; in worker threads when the database is a
    file others can open, else run here and now."""
    db = services.db
    file_db = isinstance(db, pw.SqliteDatabase) and db.database not in ("", ":memory:")
    in_transaction = db.in_transaction()  # uncommitted rows are visible to this thread only
    if not (parallel and file_db) or in_transaction or len(jobs) < 2:
        return iter([(key, job()) for key, job in jobs.items()])
    pool = services.worker_pool()
    queue = deque(jobs.items())
    finished: SimpleQueue = SimpleQueue()

    def worker() -> None:
        # Jobs one after the other on one connection (and its page cache), taken from the
        # shared queue so the workers stay evenly busy; each result (or error) is passed on
        # as soon as it is there.
        try:
            while True:
                try:
                    key, job = queue.popleft()
                except IndexError:
                    return
                try:
                    finished.put((key, job(), None))
                except Exception as exc:
                    finished.put((key, None, exc))
        finally:
            db.close()  # peewee keeps one connection per thread: close this thread's one

    for _ in range(min(POOL_WORKERS, len(jobs))):
        pool.submit(worker)

    def results() -> Iterator[tuple[str, object]]:
        for _ in range(len(jobs)):
            key, value, error = finished.get()
            if error is not None:
                raise error
            yield key, value

    return results()


__all__ = [
    "STAGE_TABLE_ROWS",
    "PendingReports",
    "ReportDetails",
    "bundle",
    "forecast_window",
    "pipeline_as_of",
    "start_bundle",
]
