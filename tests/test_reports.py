"""Metrics from DOMAIN.md on small hand-computed fixtures."""

import datetime as dt

from app.domain import metrics
from app.domain.periods import Period, last_12_months, period_of
from app.services.reports import FunnelFilter, end_of_day

TODAY = dt.date.today()
YEAR = last_12_months(TODAY)


def stages(services):
    return [s for s, *_ in services.stages.pipeline_stages(1)]


def funnel_ids(services):
    return [s for s, _ in services.stages.funnel_stages()]


def test_empty_database_reports(services):
    report = services.reports.pipeline(1)
    assert report["total"] == {"count": 0, "value_minor": 0, "weighted_value_minor": 0}
    assert [s["stage"] for s in report["stages"]] == [
        "Qualification",
        "Meeting",
        "Proposal",
        "Close",
    ]
    funnel = services.reports.funnel(YEAR)
    assert funnel["leads_entered"] == 0
    assert funnel["overall_conversion"] is None
    assert funnel["cac_minor"] is None
    assert all(s["conversion_from_previous"] is None for s in funnel["stages"])
    assert funnel["forecast"]["expected_new_customers"] == 0
    m = services.reports.deal_metrics(YEAR)
    assert m["win_rate"] is None and m["velocity_minor_per_day"] is None


def test_pipeline_counts_values_and_weights(services):
    q, _m, p, c = stages(services)  # default probabilities 10, 30, 60, 90
    services.deals.create("a", stage_id=q, value_minor=100_00)
    services.deals.create("b", stage_id=p, value_minor=200_00)
    services.deals.create("c", stage_id=p, value_minor=300_00, probability=50)
    won = services.deals.create("d", stage_id=c, value_minor=999_00)
    services.deals.win([won])
    r = services.reports.pipeline(1)
    by = {s["stage"]: s for s in r["stages"]}
    assert by["Qualification"] == {
        "stage": "Qualification",
        "count": 1,
        "value_minor": 10000,
        "weighted_value_minor": 1000,
    }
    # 200 € × 60 % + 300 € × 50 % = 120 € + 150 €
    assert by["Proposal"]["weighted_value_minor"] == 27000
    assert by["Close"]["count"] == 0  # won deals are not in the pipeline
    assert r["total"] == {"count": 3, "value_minor": 60000, "weighted_value_minor": 28000}


def test_pipeline_as_of_the_past_uses_history(services):
    q, m, p, _c = stages(services)
    ten_days_ago = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(days=10)
    a = services.deals.create("a", stage_id=q, value_minor=100_00, created_at=ten_days_ago)
    b = services.deals.create("b", stage_id=q, value_minor=50_00, created_at=ten_days_ago)
    services.deals.move([a], p)  # today
    services.deals.lose([b], "Timing")
    services.deals.create("new", stage_id=m, value_minor=7_00)  # created today
    past = services.reports.pipeline(1, end_of_day(TODAY - dt.timedelta(days=3)))
    counts = {s["stage"]: (s["count"], s["value_minor"]) for s in past["stages"]}
    assert counts == {
        "Qualification": (2, 15000),
        "Meeting": (0, 0),
        "Proposal": (0, 0),
        "Close": (0, 0),
    }
    before_first = services.reports.pipeline(1, end_of_day(TODAY - dt.timedelta(days=30)))
    assert before_first["total"]["count"] == 0
    now = services.reports.pipeline(1)
    assert {s["stage"]: s["count"] for s in now["stages"]} == {
        "Qualification": 0,
        "Meeting": 1,
        "Proposal": 1,
        "Close": 0,
    }


def test_reopened_deal_counts_again_as_of_now(services):
    q, *_ = stages(services)
    deal = services.deals.create("a", stage_id=q, value_minor=10_00)
    services.deals.lose([deal], "Timing")
    assert services.reports.pipeline(1)["total"]["count"] == 0
    services.deals.reopen(deal)
    assert services.reports.pipeline(1)["total"]["count"] == 1


def test_funnel_cohort_conversion_cac_and_forecast(services):
    aw, it, co, en, cv = funnel_ids(services)
    inside = TODAY - dt.timedelta(days=20)
    companies = [services.companies.create(f"c{i}", entered_on=inside) for i in range(10)]
    old = services.companies.create("old", entered_on=TODAY - dt.timedelta(days=800))
    # 10 entered; 6 reach Interest, 4 Consideration, 2 Engagement, 1 Conversion.
    services.companies.set_funnel_stage(companies[:6], it)
    services.companies.set_funnel_stage(companies[:4], co)
    services.companies.set_funnel_stage(companies[:2], en)
    services.companies.set_funnel_stage(companies[:1], cv)
    services.companies.set_funnel_stage([companies[5]], aw)  # moved back: still reached Interest
    services.companies.set_funnel_stage([old], cv)  # an old lead converts in the period
    services.catalog.set_spend("Webinar", TODAY, 1000_00)
    services.catalog.set_spend("Messe", TODAY, 500_00)
    r = services.reports.funnel(YEAR)
    assert r["leads_entered"] == 10
    assert [s["reached"] for s in r["stages"]] == [10, 6, 4, 2, 1]
    assert [s["conversion_from_previous"] for s in r["stages"]] == [None, 0.6, 4 / 6, 0.5, 0.5]
    assert r["overall_conversion"] == 0.1
    assert r["new_customers"] == 2
    assert r["spend_minor"] == 150000
    assert r["cac_minor"] == 75000
    # Now at stage: aw 5 (4 never moved + 1 moved back), it 1, co 2, en 1, cv 1.
    # All-time reached ("old" skipped ahead, so it reached every stage): 11, 7, 5, 3, 2.
    expected = 5 * 2 / 11 + 1 * 2 / 7 + 2 * 2 / 5 + 1 * 2 / 3
    assert r["forecast"]["expected_new_customers"] == round(expected, 2)
    webinar = services.reports.funnel(YEAR, FunnelFilter(source="Webinar"))
    assert webinar["leads_entered"] == 0 and webinar["spend_minor"] == 100000


def test_cac_with_zero_customers(services):
    services.companies.create("x", entered_on=TODAY)
    services.catalog.set_spend("Ads", TODAY, 100_00)
    r = services.reports.funnel(YEAR)
    assert r["new_customers"] == 0 and r["cac_minor"] is None and r["spend_minor"] == 10000


def test_win_rate_cycle_velocity_and_forecast(services):
    q, _m, p, c = stages(services)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    w1 = services.deals.create(
        "w1", stage_id=c, value_minor=1000_00, created_at=now - dt.timedelta(days=10)
    )
    w2 = services.deals.create(
        "w2", stage_id=c, value_minor=3000_00, created_at=now - dt.timedelta(days=30)
    )
    lost = services.deals.create("l", stage_id=q, value_minor=10_00)
    services.deals.win([w1, w2])
    services.deals.lose([lost], "Kein Budget")
    services.deals.create(
        "open",
        stage_id=p,
        value_minor=500_00,
        expected_close=TODAY.replace(day=1) + dt.timedelta(days=40),
    )
    mtr = services.reports.deal_metrics(YEAR)
    assert (mtr["won"], mtr["lost"]) == (2, 1)
    assert mtr["win_rate"] == 2 / 3
    assert mtr["average_deal_minor"] == 200000
    assert abs(mtr["average_cycle_days"] - 20) < 0.1
    # 1 open deal × 2/3 × 2000 € / 20 days ≈ 66.67 € per day
    assert abs(mtr["velocity_minor_per_day"] - 6667) <= 2
    fc = services.reports.forecast()
    assert len(fc) == 1 and fc[0]["expected_value_minor"] == 30000
    month = services.reports.monthly(YEAR)[-1]
    assert month["won"] == 2 and month["won_value_minor"] == 400000
    assert month["win_rate"] == 2 / 3


def test_target_progress_and_projection(services):
    services.catalog.set_target("won_deals", "month", TODAY, 10)
    c = stages(services)[3]
    deals = [services.deals.create(f"d{i}", stage_id=c, value_minor=100) for i in range(3)]
    services.deals.win(deals)
    (t,) = services.reports.targets(TODAY)
    month = period_of("month", TODAY)
    elapsed = (TODAY - month.start).days + 1
    assert t["actual"] == 3 and t["progress"] == 0.3
    assert t["projected"] == round(3 * month.days / elapsed)
    assert metrics.projection(5, 10, 30) == 15


def test_snapshot_compare(services):
    q, m, *_ = stages(services)
    services.deals.create("a", stage_id=q, value_minor=100)
    first = services.reports.save_snapshot(1, "before")
    services.deals.create("b", stage_id=m, value_minor=250)
    d = services.deals.create("c", stage_id=q, value_minor=50)
    services.deals.move([d], m)
    second = services.reports.save_snapshot(1)
    diff = {
        r["stage"]: (r["count_change"], r["value_change_minor"])
        for r in services.reports.compare_snapshots(first, second)
    }
    assert diff == {
        "Qualification": (0, 0),
        "Meeting": (2, 300),
        "Proposal": (0, 0),
        "Close": (0, 0),
    }
    assert [s[0] for s in services.reports.snapshots()] == [second, first]


def test_period_helpers():
    assert period_of("quarter", dt.date(2026, 5, 17)) == Period(
        dt.date(2026, 4, 1), dt.date(2026, 6, 30)
    )
    assert last_12_months(dt.date(2026, 11, 26)) == Period(
        dt.date(2025, 11, 27), dt.date(2026, 11, 26)
    )
    assert metrics.reached_from_highest({0: 4, 1: 1, 4: 1}, 5) == [6, 2, 1, 1, 1]
