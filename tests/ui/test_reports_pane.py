"""The reports pane: charts read back from pyqtgraph equal the JSON reports; period, targets,
snapshots, refresh and palette."""

import calendar
import datetime as dt
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette

from app.domain.periods import Period, period_of
from app.services.report_details import forecast_window
from app.ui import format as fmt

TODAY = dt.date.today()
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data(services):
    """Deals in three stages, two won and one lost today, companies through the funnel."""
    q, m, p, c = [s for s, *_ in services.stages.pipeline_stages(1)]
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    services.deals.create("a", stage_id=q, value_minor=1000_00)
    services.deals.create("b", stage_id=m, value_minor=2000_00, probability=50)
    services.deals.create(
        "c", stage_id=p, value_minor=4000_00, expected_close=TODAY + dt.timedelta(days=1)
    )
    w1 = services.deals.create(
        "w1", stage_id=c, value_minor=150_00, created_at=now - dt.timedelta(days=10)
    )
    w2 = services.deals.create(
        "w2", stage_id=c, value_minor=100_00, created_at=now - dt.timedelta(days=20)
    )
    lost = services.deals.create("l", stage_id=q, value_minor=10_00)
    services.deals.win([w1, w2])
    services.deals.lose([lost], "Timing")
    aw, it, co, *_ = [s for s, _ in services.stages.funnel_stages()]
    companies = [services.companies.create(f"c{i}", entered_on=TODAY) for i in range(4)]
    services.companies.set_funnel_stage(companies[:2], it)
    services.companies.set_funnel_stage(companies[:1], co)
    return services


@pytest.fixture
def pane(qtbot, data):
    from app.ui.reports.pane import ReportsPane

    widget = ReportsPane(data)
    qtbot.addWidget(widget)
    widget.resize(1200, 900)
    widget.ensure_built()
    return widget


def check_against_reports(pane, services, period: Period) -> None:
    """Every chart's plotted data equals the services' JSON reports for the period."""
    as_of = None
    if period.end < TODAY:
        from app.services.reports import end_of_day

        as_of = end_of_day(period.end)
    report = services.reports.pipeline(1, as_of)
    bars = pane.cards["pipeline"]
    assert bars.heights("value") == [s["value_minor"] for s in report["stages"]]
    assert bars.heights("weighted") == [s["weighted_value_minor"] for s in report["stages"]]
    monthly = services.reports.monthly(period)
    assert pane.cards["won"].heights("won") == [m["won_value_minor"] for m in monthly]
    assert pane.cards["win_rate"].points() == [m["win_rate"] for m in monthly]
    assert pane.cards["cycle"].points() == [m["average_cycle_days"] for m in monthly]
    funnel = services.reports.funnel(period)
    assert pane.cards["funnel_conversion"].heights("rate") == [
        s["conversion_from_previous"] or 0 for s in funnel["stages"][1:]
    ]
    window = {m.strftime("%Y-%m") for m in forecast_window(period, TODAY)}
    forecast = [f for f in services.reports.forecast(1) if f["month"] in window]
    plotted = pane.cards["forecast"].heights("expected")
    assert sum(plotted) == sum(f["expected_value_minor"] for f in forecast)
    assert len(plotted) == len(window)
    metrics = services.reports.deal_metrics(period, 1)
    assert pane.figures["open_deals"].text() == str(report["total"]["count"])
    velocity = metrics["velocity_minor_per_day"]
    if velocity is None:
        assert pane.velocity_value.text() == "—"
    else:
        assert fmt.money(velocity, "EUR", decimals=False) in pane.velocity_value.text()


def test_pane_imports_pyqtgraph_only_when_shown(tmp_path):
    code = textwrap.dedent(
        f"""
        import sys
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from app.services import Services
        from app.ui.reports.pane import ReportsPane
        services = Services.open({str(tmp_path / "db.sqlite")!r})
        pane = ReportsPane(services)
        app.processEvents()
        assert "pyqtgraph" not in sys.modules, "imported before the pane was shown"
        pane.show()
        pane.ensure_built()
        assert "pyqtgraph" in sys.modules
        print("ok")
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
    )
    assert out.stdout.strip().endswith("ok"), out.stderr


def test_charts_show_the_same_numbers_as_the_reports(pane, data):
    period = period_of("year", TODAY)
    assert pane.period() == period
    check_against_reports(pane, data, period)
    pipeline = data.reports.pipeline(1)
    # Hover tells the exact values of the stage under the mouse.
    text = pane.cards["pipeline"].hover_text(1)
    assert "Meeting" in text and fmt.money(2000_00, "EUR") in text
    assert fmt.money(pipeline["stages"][1]["weighted_value_minor"], "EUR") in text
    month = TODAY.month - 1
    assert fmt.money(250_00, "EUR") in pane.cards["won"].hover_text(month)
    assert fmt.percent(2 / 3) in pane.cards["win_rate"].hover_text(month)  # 2 won, 1 lost


def test_changing_the_period_updates_every_chart(pane, data, qtbot):
    before = {k: c.heights(next(iter(c.bars))) for k, c in pane.cards.items() if hasattr(c, "bars")}
    start = TODAY - dt.timedelta(days=500)
    end = TODAY - dt.timedelta(days=400)
    pane.set_period(start, end)
    period = Period(start, end)
    assert pane.period() == period
    check_against_reports(pane, data, period)
    after = {k: c.heights(next(iter(c.bars))) for k, c in pane.cards.items() if hasattr(c, "bars")}
    for key in ("pipeline", "won", "funnel_conversion", "pipeline_conversion", "forecast"):
        assert before[key] != after[key], key
    assert pane.cards["pipeline"].heights("value") == [0, 0, 0, 0]  # nothing existed then
    assert pane.figures["won_value"].text() == fmt.money(0, "EUR", decimals=False)
    # Back to a preset: the selector's own presets drive the same refresh.
    pane.period_selector.set_kind("month")
    check_against_reports(pane, data, period_of("month", TODAY))


def test_target_progress_matches_a_hand_computed_fixture(pane, data, qtbot):
    data.catalog.set_target("won_value", "month", TODAY, 1000_00)
    pane.refresh()
    rows = [r for r in pane.targets.rows if r["target"]["period_kind"] == "month"]
    assert len(rows) == 1
    row = rows[0]
    # 250 € won of a 1,000 € target: 25 %; at this pace the month ends at 250 € × days / day.
    days = calendar.monthrange(TODAY.year, TODAY.month)[1]
    projected = round(250_00 * days / TODAY.day)
    assert row["bar"].value() == 250
    bar = row["bar"].text()
    assert fmt.money(250_00, "EUR", decimals=False) in bar
    assert fmt.money(1000_00, "EUR", decimals=False) in bar
    assert fmt.percent(0.25) in bar
    detail = row["detail"].text()
    assert fmt.money(projected, "EUR", decimals=False) in detail
    assert ("on track" in detail) == (projected >= 1000_00)


def test_target_dialog_checks_each_field(pane, data, qtbot):
    from app.ui.reports.targets import TargetDialog

    dialog = TargetDialog(data, pane)
    qtbot.addWidget(dialog)
    dialog.amount.setText("12,3,4")
    dialog.save()
    assert dialog.errors["amount"].isVisibleTo(dialog)
    assert "amount" in dialog.errors["amount"].text()
    assert data.reports.targets(TODAY) == []
    dialog.metric.setCurrentIndex(dialog.metric.findData("won_deals"))
    dialog.amount.setText("ten")
    dialog.save()
    assert "whole number" in dialog.errors["amount"].text()
    dialog.amount.setText("2.5")  # was read as 25
    dialog.save()
    assert "whole number" in dialog.errors["amount"].text()
    assert data.reports.targets(TODAY) == []
    dialog.metric.setCurrentIndex(dialog.metric.findData("won_value"))
    dialog.kind.setCurrentIndex(dialog.kind.findData("quarter"))
    dialog.amount.setText("1.234,50")
    dialog.save()
    assert not dialog.errors["amount"].isVisibleTo(dialog)
    (target,) = data.reports.targets(TODAY)
    assert target["target"] == 1234_50 and target["period_kind"] == "quarter"
    # The pane hears the write and refreshes its strip (visible pane: after a short delay).
    pane.show()
    qtbot.waitUntil(lambda: len(pane.targets.rows) == 1, timeout=2000)


def test_snapshot_compare(pane, data, qtbot):
    panel = pane.snapshots
    first = panel.save()
    q = data.stages.pipeline_stages(1)[0][0]
    data.deals.create("new", stage_id=q, value_minor=500_00)
    second = panel.save()
    assert panel.ids()[:2] == [second, first]  # newest first
    panel.select(first, second)
    assert panel.compared == (first, second)
    rows = {r["stage"]: r for r in panel.rows}
    assert rows["Qualification"]["count_change"] == 1
    assert rows["Qualification"]["value_change_minor"] == 500_00
    assert rows["Meeting"]["count_change"] == 0
    model = panel.compare_model
    assert model.item(0, 0).text() == "Qualification"
    assert model.item(0, 1).text() == "1" and model.item(0, 2).text() == "2"
    assert model.item(0, 3).text() == "+1"
    assert model.item(0, 6).text() == "+" + fmt.money(500_00, "EUR")


def test_refreshes_after_a_write_while_visible(pane, data, qtbot):
    pane.show()
    q = data.stages.pipeline_stages(1)[0][0]
    data.deals.create("late", stage_id=q, value_minor=7_00)
    qtbot.waitUntil(lambda: pane.cards["pipeline"].heights("value")[0] == 1007_00, timeout=2000)


def test_hidden_pane_refreshes_when_shown_again(pane, data, qtbot):
    pane.hide()
    q = data.stages.pipeline_stages(1)[0][0]
    data.deals.create("late", stage_id=q, value_minor=7_00)
    assert pane.dirty
    pane.show()
    assert pane.cards["pipeline"].heights("value")[0] == 1007_00


def test_colours_follow_the_palette(pane, qtbot):
    palette = QPalette(pane.palette())
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#ff8800"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#101010"))
    pane.setPalette(palette)
    bars = pane.cards["pipeline"].bars["value"]
    assert QColor(bars.opts["brush"]) == QColor("#ff8800")
    background = pane.cards["pipeline"].plot.backgroundBrush().color()
    assert background == QColor("#101010")


def test_export_from_the_pane_writes_the_pdf(pane, data, tmp_path):
    import pypdf

    from app.ui.reports.export import export_report

    out = export_report(pane, data, "pack", pane.pipeline_id(), pane.period(), "de", tmp_path / "r")
    assert out == tmp_path / "r"
    reader = pypdf.PdfReader(str(out))
    assert "Seite 1 von" in " ".join(reader.pages[0].extract_text().split())


def test_charts_describe_their_values_for_screen_readers(qtbot, services):
    from app.ui.reports.pane import ReportsPane

    services.deals.create("Offer", value_minor=1_000_00)
    pane = ReportsPane(services)
    qtbot.addWidget(pane)
    pane.show()
    qtbot.waitUntil(lambda: pane.built, timeout=10_000)
    cards = [c for c in pane.cards.values() if c.accessibleName()]
    assert cards and all(c.accessibleDescription() for c in cards)
    assert any("Qualification" in c.accessibleDescription() for c in cards)
