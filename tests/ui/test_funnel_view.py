"""Funnel view: its numbers are the report's, its bars narrow, a click lists exactly the cohort."""

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest

from app.domain.periods import Period, last_12_months, period_of
from app.services.demo import generate
from app.services.reports import FunnelFilter
from app.storage.models import Company, FunnelStage, StageHistory
from app.ui import format as fmt
from app.ui.companies import CompaniesView
from app.ui.funnel import FunnelView
from app.ui.theme import dark_palette, light_palette

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date.today()


@pytest.fixture
def demo(services):
    generate(services.db, deals=300, seed=7)
    return services


@pytest.fixture
def funnel(qtbot, demo):
    view = FunnelView(demo, QUndoStack())
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def expected_cohort(period: Period, k: int, group=None, source=None) -> set[int]:
    """Computed straight from the stage history, independently of the app's queries."""
    position = {
        sid: pos for sid, pos in FunnelStage.select(FunnelStage.id, FunnelStage.position).tuples()
    }
    positions = sorted(position.values())
    top: dict[int, int] = {}
    for company_id, stage_id in (
        StageHistory.select(StageHistory.company, StageHistory.funnel_stage)
        .where(StageHistory.company.is_null(False))
        .tuples()
    ):
        top[company_id] = max(top.get(company_id, -1), position[stage_id])
    out = set()
    for company_id, entered, deleted, g, s in Company.select(
        Company.id, Company.entered_on, Company.deleted_at, Company.group, Company.source
    ).tuples():
        if deleted is not None or not period.start <= entered <= period.end:
            continue
        if (group and g != group) or (source and s != source):
            continue
        if top.get(company_id, -1) >= positions[k]:
            out.add(company_id)
    return out


def test_numbers_equal_the_funnel_report(funnel, demo):
    L = QLocale()
    funnel.group_filter.refill()  # what opening the combo does
    funnel.source_filter.refill()
    groups = [funnel.group_filter.itemData(i) for i in range(1, funnel.group_filter.count())]
    sources = [funnel.source_filter.itemData(i) for i in range(1, funnel.source_filter.count())]
    assert groups and sources
    cases = [
        ("last12", None, None),
        ("year", groups[0], None),
        ("quarter", None, sources[0]),
        ("month", None, None),
    ]
    for kind, group, source in cases:
        funnel.period_selector.set_kind(kind)
        funnel.set_filters(group, source)
        expected = demo.reports.funnel(
            period_of(kind, TODAY) if kind != "last12" else last_12_months(TODAY),
            FunnelFilter(group, source),
        )
        assert funnel.report == expected
        bars = funnel.chart.bars()
        assert [b.reached for b in bars] == [s["reached"] for s in expected["stages"]]
        assert [b.of_previous for b in bars] == [
            s["conversion_from_previous"] for s in expected["stages"]
        ]
        fig = {k: w.value.text() for k, w in funnel.figures.items()}
        assert fig["leads_entered"] == L.toString(expected["leads_entered"])
        assert fig["new_customers"] == L.toString(expected["new_customers"])
        assert fig["overall_conversion"] == fmt.percent(expected["overall_conversion"], L, 1)
        assert fig["cac"] == fmt.money(expected["cac_minor"])
        assert fig["expected_new_customers"] == L.toString(
            float(expected["forecast"]["expected_new_customers"]), "f", 1
        )


def test_numbers_equal_the_report_command(funnel, demo):
    start, end = TODAY - dt.timedelta(days=200), TODAY - dt.timedelta(days=20)
    funnel.period_selector.set_custom(start, end)
    assert funnel.period() == Period(start, end)
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "report",
            "funnel",
            "--db",
            str(demo.path),
            "--format",
            "json",
            "--from",
            start.isoformat(),
            "--to",
            end.isoformat(),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert json.loads(out.stdout) == funnel.report
    assert funnel.report["leads_entered"] > 0


def test_bars_narrow_and_paint_in_light_and_dark(funnel, qapp):
    funnel.period_selector.set_kind("year")
    widths = [funnel.chart.bar_rect(k).width() for k in range(len(funnel.chart.bars()))]
    assert widths[0] > widths[-1] > 0
    assert widths == sorted(widths, reverse=True)
    first = funnel.chart.bars()[0].reached
    for k, bar in enumerate(funnel.chart.bars()):
        # Proportional to the companies that reached the stage (within a pixel of rounding).
        assert abs(widths[k] - widths[0] * bar.reached / first) <= 6
    old = qapp.palette()
    try:
        for palette in (light_palette(), dark_palette()):
            qapp.setPalette(palette)
            image = funnel.grab().toImage()
            assert not image.isNull()
    finally:
        qapp.setPalette(old)


def test_clicking_a_bar_lists_exactly_its_cohort(funnel, demo, qtbot):
    companies = CompaniesView(demo, QUndoStack())
    qtbot.addWidget(companies)
    companies.show()
    funnel.cohortRequested.connect(companies.show_cohort)
    funnel.group_filter.refill()
    groups = [funnel.group_filter.itemData(i) for i in range(1, funnel.group_filter.count())]
    for group in (None, groups[0]):
        funnel.set_filters(group, None)
        period = funnel.period()
        for k in (0, 2, len(funnel.chart.bars()) - 1):
            with qtbot.waitSignal(funnel.cohortRequested, timeout=1000):
                QTest.mouseClick(
                    funnel.chart,
                    Qt.MouseButton.LeftButton,
                    pos=funnel.chart.bar_rect(k).center(),
                )
            companies.model.fetch_all()
            shown = {
                companies.model.company_at(r).company_id for r in range(companies.model.rowCount())
            }
            assert shown == expected_cohort(period, k, group)
            assert len(shown) == funnel.report["stages"][k]["reached"]
            assert companies.cohort_bar.isVisible()
    companies.clear_cohort()
    assert companies.model.total == Company.select().where(Company.deleted_at.is_null()).count()


def test_refreshes_after_a_write_and_survives_an_empty_period(funnel, demo, qtbot):
    funnel.period_selector.set_kind("month")
    before = funnel.report["leads_entered"]
    demo.companies.create("Fresh lead", entered_on=TODAY)
    qtbot.waitUntil(lambda: funnel.report["leads_entered"] == before + 1, timeout=2000)
    funnel.period_selector.set_custom(dt.date(1990, 1, 1), dt.date(1990, 12, 31))
    assert funnel.report["leads_entered"] == 0
    assert funnel.figures["cac"].value.text() == "—"
    funnel.grab()  # paints the empty funnel without errors


def test_funnel_chart_describes_its_bars_for_screen_readers(qtbot):
    from app.ui.funnel.chart import Bar, FunnelChart

    chart = FunnelChart()
    qtbot.addWidget(chart)
    chart.set_bars([Bar(1, "Awareness", 120, None, 1.0), Bar(2, "Interest", 60, 0.5, 0.5)])
    assert chart.accessibleName() == "Funnel"
    assert chart.accessibleDescription() == "Awareness: 120 companies; Interest: 60 companies"
