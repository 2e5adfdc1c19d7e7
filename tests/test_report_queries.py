"""The fast report queries give exactly what the straightforward ones give, and the derived
Deal.reached_position they read stays equal to the highest stage of each deal's history."""

import datetime as dt

import peewee as pw
import pytest

from app.domain import metrics
from app.domain.periods import Period, last_12_months, months_between, period_of
from app.services import Services, importer, state
from app.services.attention import AttentionQueries
from app.services.demo import generate
from app.services.report_details import ReportDetails, bundle, start_bundle
from app.storage.models import (
    LOST,
    OPEN,
    WON,
    Activity,
    Company,
    Deal,
    PipelineStage,
    StageHistory,
    Target,
    utc_now,
)
from app.storage.sql import days_between, month_key

TODAY = dt.date.today()


def stale_reach(services) -> list[tuple]:
    """Deals whose reached_position is not the highest position of their history in their
    pipeline's stages, or whose stage_entered_at is not when their current row began."""
    return services.db.execute_sql(
        "SELECT d.id, d.reached_position, d.stage_entered_at, (SELECT MAX(s.position) "
        "FROM stage_history h JOIN pipeline_stage s ON s.id = h.stage_id "
        "WHERE h.deal_id = d.id AND s.pipeline_id = d.pipeline_id) AS top, "
        "(SELECT h.entered_at FROM stage_history h WHERE h.deal_id = d.id "
        "AND h.left_at IS NULL) AS since "
        "FROM deal d WHERE d.reached_position IS NOT top OR d.stage_entered_at IS NOT since"
    ).fetchall()


# ---- the derived column ------------------------------------------------------------------


def test_reached_position_follows_moves_reorders_removals_and_undo(services):
    q, m, p, c = [s for s, *_ in services.stages.pipeline_stages(1)]
    a = services.deals.create("a", stage_id=q)
    b = services.deals.create("b", stage_id=p)
    services.deals.move([a], p)
    services.deals.move([a], m)  # a step back keeps the highest stage reached
    services.deals.win([b])
    services.deals.reopen(b, q)
    services.deals.lose([a], "price")
    assert Deal.get_by_id(a).reached_position == 2
    assert stale_reach(services) == []

    before = state.capture([a, b])
    services.stages.reorder_stages(1, [c, p, m, q])  # Proposal now at 1, Qualification at 3
    assert Deal.get_by_id(a).reached_position == 3
    assert stale_reach(services) == []
    state.restore(services, before)  # rows captured under the old order
    assert stale_reach(services) == []

    services.stages.remove_stage(q, rehome_to=m)
    assert stale_reach(services) == []
    services.stages.add_stage(1, "Signed")
    assert stale_reach(services) == []

    # Into another pipeline and back: only the stages of the pipeline it is in count.
    other = services.stages.add_pipeline("Partners", [("Lead", 20, 10), ("Deal", 70, 5)])
    lead, _ = [s for s, *_ in services.stages.pipeline_stages(other)]
    services.deals.move([a], lead)
    assert Deal.get_by_id(a).reached_position == 0
    services.deals.move([a], m)  # back in Sales, where Proposal and Meeting (now 1, 2)
    assert Deal.get_by_id(a).reached_position == 2
    assert stale_reach(services) == []


def test_bulk_loads_fill_reached_position(tmp_path):
    services = Services.open(tmp_path / "demo.sqlite")
    try:
        generate(services.db, deals=400, seed=3)
        assert Deal.select().where(Deal.reached_position.is_null()).count() == 0
        assert stale_reach(services) == []
        rows = [
            "Title,Stage,Status,Value",
            "Imported open,Proposal,open,100",
            "Imported won,Meeting,won,200",
        ]
        summary = importer.import_csv(services, ("\r\n".join(rows) + "\r\n").encode(), "deals")
        assert summary.created["deals"] == 2
        assert Deal.get(Deal.title == "Imported open").reached_position == 2
        assert stale_reach(services) == []
    finally:
        services.close()


# ---- the straightforward queries, as they were before the derived column and indexes -----


def reference_pipeline_conversion(pipeline_id: int, period: Period) -> dict:
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
    # Each deal's highest stage in this pipeline (before the derived column this read the
    # whole history, and a deal that came from another pipeline failed the report).
    highest = (
        Deal.select(pw.fn.MAX(PipelineStage.position).alias("top"))
        .join(StageHistory, on=StageHistory.deal == Deal.id)
        .join(PipelineStage, on=StageHistory.stage == PipelineStage.id)
        .where(cohort & (Deal.status != WON) & (PipelineStage.pipeline == pipeline_id))
        .group_by(Deal.id)
    )
    counts: dict[int, int] = {}
    for (top,) in Deal.select(highest.c.top).from_(highest).tuples():
        counts[rank[top]] = counts.get(rank[top], 0) + 1
    counts[len(stages)] = Deal.select().where(cohort & (Deal.status == WON)).count()
    reached = metrics.reached_from_highest(counts, len(stages) + 1)
    return {"created": reached[0], "reached": reached}


def reference_monthly(db, period: Period) -> dict:
    key = month_key(db, Deal.closed_at)
    return {
        (m, status): (n, v, None if c is None else round(c, 1))
        for m, status, n, v, c in Deal.select(
            key,
            Deal.status,
            pw.fn.COUNT(Deal.id),
            pw.fn.SUM(Deal.value_minor),
            pw.fn.AVG(days_between(db, Deal.created_at, Deal.closed_at)),
        )
        .where(
            Deal.deleted_at.is_null()
            & Deal.status.in_([WON, LOST])
            & (Deal.closed_at >= period.start_instant())
            & (Deal.closed_at < period.end_instant())
        )
        .group_by(key, Deal.status)
        .tuples()
    }


def reference_deal_figures(db, period: Period, pipeline_id: int | None) -> tuple:
    closed = (
        Deal.deleted_at.is_null()
        & (Deal.closed_at >= period.start_instant())
        & (Deal.closed_at < period.end_instant())
    )
    if pipeline_id:
        closed &= Deal.pipeline == pipeline_id
    counts = dict(
        Deal.select(Deal.status, pw.fn.COUNT(Deal.id))
        .where(closed & Deal.status.in_([WON, LOST]))
        .group_by(Deal.status)
        .tuples()
    )
    averages = (
        Deal.select(
            pw.fn.AVG(Deal.value_minor),
            pw.fn.AVG(days_between(db, Deal.created_at, Deal.closed_at)),
            pw.fn.SUM(Deal.value_minor),
        )
        .where(closed & (Deal.status == WON))
        .tuples()
        .get()
    )
    return counts.get(WON, 0), counts.get(LOST, 0), *averages


def reference_forecast(db, pipeline_id: int | None) -> list[dict]:
    key = month_key(db, Deal.expected_close)
    probability = pw.fn.COALESCE(Deal.probability, PipelineStage.probability)
    query = (
        Deal.select(
            key,
            pw.fn.COUNT(Deal.id),
            pw.fn.SUM(Deal.value_minor),
            pw.fn.SUM(Deal.value_minor * probability),
        )
        .join(PipelineStage, on=Deal.stage == PipelineStage.id)
        .where(
            (Deal.status == OPEN) & Deal.deleted_at.is_null() & Deal.expected_close.is_null(False)
        )
        .group_by(key)
        .order_by(key)
    )
    if pipeline_id:
        query = query.where(Deal.pipeline == pipeline_id)
    return [
        {"month": m, "count": n, "value_minor": v, "expected_value_minor": round(w / 100)}
        for m, n, v, w in query.tuples()
    ]


def reference_target_actual(metric: str, period: Period) -> int:
    start, end = period.start_instant(), period.end_instant()
    if metric in ("won_value", "won_deals"):
        agg = pw.fn.SUM(Deal.value_minor) if metric == "won_value" else pw.fn.COUNT(Deal.id)
        query = Deal.select(agg).where(
            Deal.deleted_at.is_null()
            & (Deal.status == WON)
            & (Deal.closed_at >= start)
            & (Deal.closed_at < end)
        )
    elif metric == "new_leads":
        query = Company.select(pw.fn.COUNT(Company.id)).where(
            Company.deleted_at.is_null()
            & (Company.entered_on >= period.start)
            & (Company.entered_on <= period.end)
        )
    else:
        query = Activity.select(pw.fn.COUNT(Activity.id)).where(
            (Activity.done_at >= start) & (Activity.done_at < end)
        )
    return query.scalar() or 0


def reference_attention(pipeline_id: int, today: dt.date, limit: int = 25) -> dict:
    """{kind: (count, [ids of the largest `limit` by value])} with EXISTS per deal."""

    def open_activity():
        return Activity.select(pw.SQL("1")).where(
            (Activity.deal == Deal.id) & Activity.done_at.is_null()
        )

    rotting_days = dict(
        PipelineStage.select(PipelineStage.id, PipelineStage.rotting_days)
        .where(PipelineStage.pipeline == pipeline_id)
        .tuples()
    )
    now = utc_now()
    cutoff = pw.Case(Deal.stage, [(s, now - dt.timedelta(days=d)) for s, d in rotting_days.items()])
    recent = Activity.select(pw.SQL("1")).where(
        (Activity.deal == Deal.id) & (Activity.done_at >= cutoff)
    )
    entered = StageHistory.select(StageHistory.entered_at).where(
        (StageHistory.deal == Deal.id) & StageHistory.left_at.is_null()
    )
    base = Deal.deleted_at.is_null() & (Deal.status == OPEN) & (Deal.pipeline == pipeline_id)
    conditions = {
        "overdue": pw.fn.EXISTS(open_activity().where(Activity.due_on < today)),
        "no_next_action": ~pw.fn.EXISTS(open_activity()),
        "rotting": ~pw.fn.EXISTS(recent) & (entered < cutoff),
    }
    out = {}
    for kind, cond in conditions.items():
        ids = [
            i
            for (i,) in Deal.select(Deal.id)
            .where(base & cond)
            .order_by(Deal.value_minor.desc(), Deal.id)
            .tuples()
        ]
        out[kind] = (len(ids), ids[:limit])
    return out


# ---- fast == straightforward, on demo data -------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    services = Services.open(tmp_path_factory.mktemp("queries") / "demo.sqlite")
    generate(services.db, deals=3000, seed=5)
    pipeline = services.stages.add_pipeline("Partners", [("Lead", 20, 10), ("Deal", 70, 5)])
    partner_stages = [s for s, *_ in services.stages.pipeline_stages(pipeline)]
    sales_stages = [s for s, *_ in services.stages.pipeline_stages(1)]
    # A deal that moved from Sales into Partners keeps its Sales history.
    moved = Deal.select(Deal.id).where(Deal.status == OPEN).order_by(Deal.id).scalar()
    services.deals.move([moved], partner_stages[0])
    services.deals.create("partner", stage_id=partner_stages[1], value_minor=5_00)
    services.deals.create("unsure", stage_id=sales_stages[2], value_minor=7_00, probability=45)
    services.catalog.set_target("activities", "quarter", TODAY, 300, None)
    services.catalog.set_target("won_deals", "year", TODAY, 500, services.default_user_id())
    yield services
    services.close()


PERIODS = [
    last_12_months(TODAY),
    period_of("year", TODAY),
    period_of("quarter", TODAY),
    period_of("month", TODAY),
    Period(TODAY - dt.timedelta(days=400), TODAY - dt.timedelta(days=17)),
    Period(dt.date(2000, 1, 1), dt.date(2040, 12, 31)),  # more months than one statement holds
    Period(TODAY, TODAY),
]


@pytest.mark.parametrize("period", PERIODS, ids=lambda p: f"{p.start}..{p.end}")
def test_conversion_deal_figures_and_monthly_equal_the_straightforward_queries(demo, period):
    for pipeline_id, _name in demo.stages.pipelines():
        fast = ReportDetails(demo).pipeline_conversion(pipeline_id, period)
        ref = reference_pipeline_conversion(pipeline_id, period)
        assert fast["created"] == ref["created"]
        assert [s["reached"] for s in fast["stages"]] == ref["reached"]
    for pipeline_id in [p for p, _ in demo.stages.pipelines()] + [None]:
        figures = demo.reports.deal_metrics(period, pipeline_id)
        won, lost, size, cycle, value = reference_deal_figures(demo.db, period, pipeline_id)
        assert (figures["won"], figures["lost"], figures["won_value_minor"]) == (
            won,
            lost,
            value or 0,
        )
        assert figures["average_deal_minor"] == (None if size is None else round(size))
        assert figures["average_cycle_days"] == (None if cycle is None else round(cycle, 1))
        velocity = metrics.pipeline_velocity(
            figures["open_deals"], metrics.ratio(won, won + lost), size, cycle
        )
        assert figures["velocity_minor_per_day"] == (None if velocity is None else round(velocity))
    ref = reference_monthly(demo.db, period)
    rows = demo.reports.monthly(period)
    assert [r["month"] for r in rows] == [
        m.strftime("%Y-%m") for m in months_between(period.start, period.end)
    ]
    for row in rows:
        won = ref.get((row["month"], WON), (0, 0, None))
        lost = ref.get((row["month"], LOST), (0, None, None))
        assert (row["won"], row["won_value_minor"], row["average_cycle_days"]) == (
            won[0],
            won[1] or 0,
            won[2],
        )
        assert row["lost"] == lost[0]
    assert sum(r["won"] + r["lost"] for r in rows) == sum(n for n, _v, _c in ref.values())


def test_forecast_equals_the_straightforward_query(demo):
    for pipeline_id in [p for p, _ in demo.stages.pipelines()] + [None]:
        assert demo.reports.forecast(pipeline_id) == reference_forecast(demo.db, pipeline_id)


@pytest.mark.parametrize(
    "today",
    [TODAY, TODAY - dt.timedelta(days=95), dt.date(TODAY.year, 12, 31), dt.date(2000, 1, 1)],
)
def test_targets_equal_one_query_per_target(demo, today):
    targets = demo.reports.targets(today)
    expected = [
        (metric, period_of(kind, start))
        for metric, kind, start in Target.select(
            Target.metric, Target.period_kind, Target.period_start
        ).tuples()
        if period_of(kind, start).start <= today <= period_of(kind, start).end
    ]
    assert len(targets) == len(expected)
    for t in targets:
        period = Period(dt.date.fromisoformat(t["from"]), dt.date.fromisoformat(t["to"]))
        assert t["actual"] == reference_target_actual(t["metric"], period)
    # Periods that overlap without nesting, and one apart from the rest.
    wanted = [
        ("activities", Period(TODAY - dt.timedelta(days=60), TODAY)),
        ("activities", Period(TODAY - dt.timedelta(days=90), TODAY - dt.timedelta(days=30))),
        ("activities", Period(TODAY - dt.timedelta(days=300), TODAY - dt.timedelta(days=200))),
        ("new_leads", Period(TODAY - dt.timedelta(days=45), TODAY + dt.timedelta(days=45))),
        ("won_value", Period(TODAY - dt.timedelta(days=100), TODAY - dt.timedelta(days=100))),
    ]
    actuals = demo.reports.target_actuals(wanted)
    for metric, period in wanted:
        assert actuals[metric, period] == reference_target_actual(metric, period)


@pytest.mark.parametrize("days", [0, -30, 3])
def test_attention_lists_equal_exists_per_deal(demo, days):
    today = TODAY + dt.timedelta(days=days)
    for pipeline_id, _name in demo.stages.pipelines():
        summary = AttentionQueries(demo).summary(pipeline_id, today=today)
        ref = reference_attention(pipeline_id, today)
        for kind, (count, ids) in ref.items():
            assert summary[kind]["count"] == count
            assert [d["deal_id"] for d in summary[kind]["deals"]] == ids


# ---- reading side by side ------------------------------------------------------------------


def test_reports_read_side_by_side_equal_one_after_the_other(demo):
    period = last_12_months(TODAY)
    options = {"today": TODAY, "stage_tables": True, "attention": True}
    together = bundle(demo, 1, period, **options)
    alone = bundle(demo, 1, period, parallel=False, **options)
    assert together.keys() == alone.keys()
    for key in alone:
        if key not in ("pipeline", "attention"):  # both hold instants of their own reading
            assert together[key] == alone[key], key
    # As each report is read: every one once, each equal to the one of the whole bundle.
    pending = start_bundle(demo, 1, period, today=TODAY)
    known = set(pending.data)
    seen = {key: report for key, report in pending.ready()}
    assert known.isdisjoint(seen)
    assert set(seen) | known == set(bundle(demo, 1, period, today=TODAY))
    assert all(alone[key] == report for key, report in seen.items() if key != "pipeline")


def test_a_failing_report_fails_the_bundle_and_the_others_still_finish(demo, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(demo.reports, "monthly", broken)
    monkeypatch.setattr(demo.reports, "forecast", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        bundle(demo, 1, last_12_months(TODAY), today=TODAY)
    # The workers are free again: the next bundle reads normally.
    monkeypatch.undo()
    assert bundle(demo, 1, last_12_months(TODAY), today=TODAY)["monthly"]
