"""Report details beside the JSON reports: attention lists, stage tables, pipeline conversion,
monthly targets and the forecast window, on small hand-computed fixtures."""

import datetime as dt

from app.domain.periods import Period, last_12_months, period_of
from app.services.attention import AttentionQueries
from app.services.board import BoardFilter
from app.services.report_details import ReportDetails, forecast_window

TODAY = dt.date.today()
NOW = dt.datetime.now(dt.UTC).replace(tzinfo=None)


def stage_ids(services):
    return [s for s, *_ in services.stages.pipeline_stages(1)]


def test_attention_lists_match_the_board_filters(services):
    q, m, p, _c = stage_ids(services)
    old = NOW - dt.timedelta(days=40)
    rotting = [
        services.deals.create(f"rot{i}", stage_id=q, value_minor=(i + 1) * 100_00, created_at=old)
        for i in range(3)
    ]
    fresh = services.deals.create("fresh", stage_id=m, value_minor=50_00)
    services.activities.log("Call", deal_id=rotting[0])  # touched today: not rotting any more
    overdue = services.deals.create("late", stage_id=p, value_minor=900_00)
    services.activities.schedule("Send offer", TODAY - dt.timedelta(days=2), deal_id=overdue)
    services.activities.schedule("Later", TODAY + dt.timedelta(days=5), deal_id=fresh)
    summary = AttentionQueries(services).summary(1, limit=2, today=TODAY)

    def board_count(**flags):
        sums = services.board.summaries(1, BoardFilter(**flags), today=TODAY)
        return sum(n for n, _v, _w in sums.values())

    assert summary["overdue"]["count"] == board_count(overdue=True) == 1
    assert summary["rotting"]["count"] == board_count(rotting=True) == 2
    assert summary["no_next_action"]["count"] == board_count(no_next_action=True)
    # The largest first, at most `limit`, with the next action and idle days filled in.
    assert [d["title"] for d in summary["rotting"]["deals"]] == ["rot2", "rot1"]
    assert summary["rotting"]["deals"][0]["idle_days"] == 40
    (late,) = summary["overdue"]["deals"]
    assert late["next_action"] == "Send offer"
    assert late["next_due"] == TODAY - dt.timedelta(days=2)
    assert late["stage"] == "Proposal"


def test_stage_deals_largest_first_now_and_as_of(services):
    q, m, *_ = stage_ids(services)
    for i in range(30):
        services.deals.create(f"d{i}", stage_id=q, value_minor=i * 100)
    moved = services.deals.create("moved", stage_id=q, value_minor=10**9)
    services.deals.move([moved], m)
    tables = ReportDetails(services).stage_deals(1)
    assert [d["title"] for d in tables["Qualification"][:2]] == ["d29", "d28"]
    assert len(tables["Qualification"]) == 25
    assert [d["title"] for d in tables["Meeting"]] == ["moved"]
    yesterday = NOW - dt.timedelta(days=1)
    assert ReportDetails(services).stage_deals(1, yesterday)["Qualification"] == []


def test_pipeline_conversion_counts_the_highest_stage_reached(services):
    q, m, p, c = stage_ids(services)
    deals = [services.deals.create(f"d{i}", stage_id=q, value_minor=100) for i in range(10)]
    services.deals.move(deals[:6], m)
    services.deals.move(deals[:3], p)
    services.deals.move([deals[0]], m)  # moved back: it still reached Proposal
    services.deals.move(deals[3:5], c)  # skipped Proposal: counts as reaching it
    services.deals.win([deals[1]])
    services.deals.lose([deals[9]], "Timing")
    report = ReportDetails(services).pipeline_conversion(1, last_12_months(TODAY))
    reached = [s["reached"] for s in report["stages"]]
    # Highest: Won 1 (d1); Close 2 (d3, d4); Proposal 2 (d0, d2); Meeting 1 (d5); Qual. 4.
    assert reached == [10, 6, 5, 3, 1]
    assert [s["stage"] for s in report["stages"]][-1] == "won"
    assert report["stages"][1]["conversion_from_previous"] == 0.6
    assert report["overall_conversion"] == 0.1
    last_year = Period(TODAY - dt.timedelta(days=800), TODAY - dt.timedelta(days=400))
    assert ReportDetails(services).pipeline_conversion(1, last_year)["created"] == 0


def test_monthly_targets_prefer_the_month_then_share_quarter_and_year(services):
    year = period_of("year", TODAY).start
    services.catalog.set_target("won_value", "year", year, 1200_00)
    services.catalog.set_target("won_value", "quarter", dt.date(year.year, 4, 1), 900_00)
    services.catalog.set_target("won_value", "month", dt.date(year.year, 5, 1), 50_00)
    months = [dt.date(year.year, k, 1) for k in (1, 4, 5, 6, 7)]
    assert ReportDetails(services).monthly_targets("won_value", months) == [
        100_00,
        300_00,
        50_00,
        300_00,
        100_00,
    ]
    assert ReportDetails(services).monthly_targets("won_deals", months) == [None] * 5


def test_forecast_window():
    today = dt.date(2026, 5, 17)
    assert forecast_window(period_of("year", today), today)[0] == dt.date(2026, 5, 1)
    assert len(forecast_window(period_of("year", today), today)) == 8
    assert forecast_window(period_of("month", today), today) == [dt.date(2026, 5, 1)]
    over = forecast_window(last_12_months(today), today)
    assert over[0] == dt.date(2026, 5, 1) and len(over) == 12
