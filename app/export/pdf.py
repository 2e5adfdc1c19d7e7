"""Report PDFs (pipeline, funnel, pack) painted with QPdfWriter + QPainter, written atomically.

Layout happens first into a list of drawing operations per page, so the page count is known
before anything is painted ("Page i of n"). All text is drawn with drawText and plain strings:
nothing a user typed is ever read as markup, and every word stays selectable in the PDF.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QDateTime, QIODevice, QLocale, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from app.domain.periods import Period
from app.export import vector
from app.export.strings import translate
from app.services.report_details import bundle
from app.storage.files import atomic_write_bytes
from app.storage.messages import QT_TRANSLATE_NOOP, FileMessage
from app.ui import format as fmt

KINDS = ("pipeline", "funnel", "pack")
FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
RESOLUTION = 600  # device units per inch; layout sizes below are in points (1/72 inch)

_family: str | None = None

Op = Callable[[QPainter], None]


class ExportError(Exception):
    """The PDF could not be written; the message (a FileMessage) names the file and the
    reason, the system's own words."""


def font_family() -> str:
    """Load the shipped DejaVu fonts once, so the PDF looks the same on every machine."""
    global _family
    if _family is None:
        families: list[str] = []
        for name in FONT_FILES:
            font_id = QFontDatabase.addApplicationFont(str(FONT_DIR / name))
            if font_id >= 0:
                families += QFontDatabase.applicationFontFamilies(font_id)
        _family = families[0] if families else QFont().defaultFamily()
    return _family


def pdf_locale(lang: str) -> QLocale:
    """The system's locale when it speaks `lang` (its own date order), else the usual one."""
    system = QLocale.system()
    if lang == "de":
        if system.language() == QLocale.Language.German:
            return system
        return QLocale(QLocale.Language.German, QLocale.Country.Germany)
    if system.language() == QLocale.Language.English:
        return system
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def default_lang() -> str:
    return "de" if QLocale.system().language() == QLocale.Language.German else "en"


# ---- page layout -----------------------------------------------------------------------------


@dataclass
class Column:
    title: str
    width: float  # share of the table's width
    right: bool = False
    fit: bool = False  # never elided: at least as wide as its widest cell (numbers, dates)


@dataclass
class Doc:
    """Pages as lists of drawing operations; `y` is the cursor on the last page (device units)."""

    device: QPdfWriter
    lang: str
    locale: QLocale
    currency: str
    title: str
    running_head: str
    made_at: str
    pages: list[list[Op]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.u = self.device.resolution() / 72
        u = self.u
        self.page = QRectF(0, 0, self.device.width(), self.device.height())
        self.left, self.right = 46 * u, self.page.width() - 46 * u
        self.top, self.bottom = 46 * u, self.page.height() - 52 * u
        self.width = self.right - self.left
        family = font_family()
        self.fonts = {
            "title": self._font(family, 19, True),
            "heading": self._font(family, 12.5, True),
            "sub": self._font(family, 10, True),
            "body": self._font(family, 9),
            "bold": self._font(family, 9, True),
            "small": self._font(family, 7.5),
            "table": self._font(family, 8),
            "table_bold": self._font(family, 8, True),
            "figure": self._font(family, 12, True),
        }
        self.ink, self.muted = QColor("#1f2328"), QColor("#59636e")
        self.rule, self.zebra = QColor("#d1d9e0"), QColor("#f3f5f7")
        self.accent, self.accent_light = QColor("#1f5fbf"), QColor("#8fb3ea")
        self.target, self.track = QColor("#c4361c"), QColor("#e4e8ec")
        self.chart = vector.ChartStyle(
            u,
            self.fonts["small"],
            self.fonts["table_bold"],
            self.ink,
            self.muted,
            self.rule,
            self.device,
        )
        self.new_page()

    def _font(self, family: str, size: float, bold: bool = False) -> QFont:
        font = QFont(family)
        font.setPointSizeF(size)
        font.setBold(bold)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        # Without ligatures "fi" stays two letters, so searching and copying the PDF works.
        font.setFeature(QFont.Tag("liga"), 0)
        font.setFeature(QFont.Tag("clig"), 0)
        return font

    def tr(self, text: str, *args: object) -> str:
        return translate(self.lang, text, *args)

    def money(self, minor: int | float | None) -> str:
        return fmt.money(minor, self.currency, self.locale)

    def whole_money(self, minor: int | float | None) -> str:
        """Key figures: whole currency units, so large sums fit their box."""
        return fmt.money(minor, self.currency, self.locale, decimals=False)

    def short_money(self, minor: float) -> str:
        return fmt.short_money(minor, self.currency, self.locale)

    def date(self, day: dt.date | None) -> str:
        return fmt.date(day, self.locale)

    def percent(self, rate: float | None) -> str:
        return fmt.percent(rate, self.locale)

    def number(self, n: float) -> str:
        return self.locale.toString(n)

    def month(self, key: str) -> str:
        """'2025-03' → 'Mar 2025' / 'März 2025' in the locale's words."""
        year, month = int(key[:4]), int(key[5:7])
        return f"{self.locale.monthName(month, QLocale.FormatType.ShortFormat)} {year}"

    def month_axis(self, keys: list[str]) -> list[str]:
        """Axis labels: the month's short name, with the year below on the first and January."""
        out = []
        for i, key in enumerate(keys):
            name = self.locale.monthName(int(key[5:7]), QLocale.FormatType.ShortFormat)
            out.append(f"{name}\n{key[:4]}" if i == 0 or key.endswith("-01") else name)
        return out

    def metrics(self, font: str) -> QFontMetricsF:
        return QFontMetricsF(self.fonts[font], self.device)

    # ---- flow ------------------------------------------------------------------------------
    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.top
        if len(self.pages) > 1:
            head = self.running_head
            font, color, u = self.fonts["small"], self.muted, self.u
            left, width, top, rule = self.left, self.width, self.top, self.rule

            def draw(p: QPainter) -> None:
                p.setFont(font)
                p.setPen(color)
                p.drawText(QRectF(left, top - 22 * u, width, 12 * u), 0, head)
                p.setPen(QPen(rule, 0.6 * u))
                p.drawLine(left, top - 8 * u, left + width, top - 8 * u)

            self.pages[-1].append(draw)

    def ensure(self, height: float) -> None:
        if self.y + height > self.bottom and self.y > self.top:
            self.new_page()

    def add(self, op: Op) -> None:
        self.pages[-1].append(op)

    def gap(self, points: float) -> None:
        self.y += points * self.u

    def text(
        self, text: str, font: str = "body", color: QColor | None = None, keep: float = 0
    ) -> None:
        """One line of text; `keep` (points) is room kept below it on the same page."""
        fm = self.metrics(font)
        h = fm.height() * 1.25
        self.ensure(h + keep * self.u)
        rect = QRectF(self.left, self.y, self.width, h)
        elided = fm.elidedText(text, Qt.TextElideMode.ElideRight, self.width)
        self._draw_text(rect, elided, font, color or self.ink, Qt.AlignmentFlag.AlignLeft)
        self.y += h

    def _draw_text(self, rect: QRectF, text: str, font: str, color: QColor, align) -> None:
        qfont = self.fonts[font]
        flags = align | Qt.AlignmentFlag.AlignVCenter

        def draw(p: QPainter) -> None:
            p.setFont(qfont)
            p.setPen(color)
            p.drawText(rect, flags, text)

        self.add(draw)

    def heading(self, text: str, keep: float = 120) -> None:
        self.gap(10)
        self.text(text, "heading", self.ink, keep=keep)
        self.gap(3)

    def block(self, height_pt: float, paint: Callable[[QPainter, QRectF], None]) -> None:
        h = height_pt * self.u
        self.ensure(h)
        rect = QRectF(self.left, self.y, self.width, h)
        self.add(lambda p: paint(p, rect))
        self.y += h

    def figures(self, items: list[tuple[str, str]], per_row: int = 4) -> None:
        """Key figures as boxes: a small label over a large value."""
        u = self.u
        label_h, value_h = self.metrics("small").height(), self.metrics("figure").height()
        box_h, pad = label_h + value_h + 12 * u, 6 * u
        box_w = (self.width - pad * (per_row - 1)) / per_row
        for start in range(0, len(items), per_row):
            self.ensure(box_h + pad)
            for i, (label, value) in enumerate(items[start : start + per_row]):
                x = self.left + i * (box_w + pad)
                box = QRectF(x, self.y, box_w, box_h)
                zebra = self.zebra
                self.add(lambda p, box=box, zebra=zebra: p.fillRect(box, zebra))
                inner = box.adjusted(6 * u, 5 * u, -6 * u, -5 * u)
                lm, vm = self.metrics("small"), self.metrics("figure")
                self._draw_text(
                    QRectF(inner.left(), inner.top(), inner.width(), label_h),
                    lm.elidedText(label, Qt.TextElideMode.ElideRight, inner.width()),
                    "small",
                    self.muted,
                    Qt.AlignmentFlag.AlignLeft,
                )
                self._draw_text(
                    QRectF(inner.left(), inner.bottom() - value_h, inner.width(), value_h),
                    vm.elidedText(value, Qt.TextElideMode.ElideRight, inner.width()),
                    "figure",
                    self.ink,
                    Qt.AlignmentFlag.AlignLeft,
                )
            self.y += box_h + pad

    def table(
        self,
        columns: list[Column],
        rows: list[list[str]],
        title: str | None = None,
        totals: list[list[str]] = (),
        empty: str | None = None,
    ) -> None:
        """A table whose title and header row repeat on every page it runs onto."""
        u = self.u
        fm, fm_bold = self.metrics("table"), self.metrics("table_bold")
        row_h = fm.height() * 1.55
        cell_pad = 4 * u
        widths = self._column_widths(columns, rows, totals, cell_pad)
        xs, x = [], self.left
        for w in widths:
            xs.append((x, w))
            x += w
        title_h = self.metrics("sub").height() * 1.4 if title else 0

        def cells(values: list[str], font: str, y: float, fill: QColor | None) -> None:
            metrics = fm_bold if font == "table_bold" else fm
            if fill is not None:
                band = QRectF(self.left, y, self.width, row_h)
                self.add(lambda p: p.fillRect(band, fill))
            for (cx, cw), c, value in zip(xs, columns, values, strict=False):
                text = metrics.elidedText(value, Qt.TextElideMode.ElideRight, cw - 2 * cell_pad)
                align = Qt.AlignmentFlag.AlignRight if c.right else Qt.AlignmentFlag.AlignLeft
                rect = QRectF(cx + cell_pad, y, cw - 2 * cell_pad, row_h)
                self._draw_text(rect, text, font, self.ink, align)

        def rule(y: float, width: float = 0.6) -> None:
            left, right, color = self.left, self.right, self.rule
            self.add(lambda p: (p.setPen(QPen(color, width * u)), p.drawLine(left, y, right, y)))

        def head(continued: bool) -> None:
            if title:
                label = f"{title} {self.tr('(continued)')}" if continued else title
                self._draw_text(
                    QRectF(self.left, self.y, self.width, title_h),
                    self.metrics("sub").elidedText(label, Qt.TextElideMode.ElideRight, self.width),
                    "sub",
                    self.ink,
                    Qt.AlignmentFlag.AlignLeft,
                )
                self.y += title_h
            cells([c.title for c in columns], "table_bold", self.y, None)
            self.y += row_h
            rule(self.y, 0.9)

        # Keep the title, the header and at least two rows together.
        self.ensure(title_h + row_h * (3 + min(len(rows), 2)))
        head(False)
        if not rows and empty:
            self._draw_text(
                QRectF(self.left + cell_pad, self.y, self.width, row_h),
                empty,
                "table",
                self.muted,
                Qt.AlignmentFlag.AlignLeft,
            )
            self.y += row_h
        for i, values in enumerate(rows):
            if self.y + row_h > self.bottom:
                self.new_page()
                head(True)
            cells(values, "table", self.y, self.zebra if i % 2 else None)
            self.y += row_h
        for k, values in enumerate(totals):
            if self.y + row_h > self.bottom:
                self.new_page()
                head(True)
            if k == 0:
                rule(self.y, 0.9)
            cells(values, "table_bold", self.y, None)
            self.y += row_h
        self.gap(6)

    def _column_widths(
        self, columns: list[Column], rows: list[list[str]], totals, pad: float
    ) -> list[float]:
        """Shares of the width; a `fit` column grows to its widest cell, taking the room from
        the text columns (which elide) in proportion to their shares."""
        fm, fm_bold = self.metrics("table"), self.metrics("table_bold")
        scale = self.width / sum(c.width for c in columns)
        widths = [c.width * scale for c in columns]
        for i, c in enumerate(columns):
            if c.fit:
                need = max(
                    [fm_bold.horizontalAdvance(c.title)]
                    + [fm.horizontalAdvance(r[i]) for r in rows if i < len(r)]
                    + [fm_bold.horizontalAdvance(r[i]) for r in totals if i < len(r)]
                )
                widths[i] = max(widths[i], need + 2 * pad + 1)
        flexible = [i for i, c in enumerate(columns) if not c.fit]
        excess = sum(widths) - self.width
        if excess > 0 and flexible:
            share = sum(widths[i] for i in flexible)
            for i in flexible:
                widths[i] -= excess * widths[i] / share
        return widths

    # ---- output ----------------------------------------------------------------------------
    def paint(self, painter: QPainter) -> None:
        total = len(self.pages)
        u = self.u
        for number, ops in enumerate(self.pages, start=1):
            if number > 1:
                self.device.newPage()
            for op in ops:
                op(painter)
            footer = QRectF(self.left, self.bottom + 18 * u, self.width, 14 * u)
            painter.setPen(QPen(self.rule, 0.6 * u))
            painter.drawLine(self.left, self.bottom + 14 * u, self.right, self.bottom + 14 * u)
            painter.setFont(self.fonts["small"])
            painter.setPen(self.muted)
            painter.drawText(footer, Qt.AlignmentFlag.AlignLeft, f"Dealboard · {self.title}")
            painter.drawText(
                footer, Qt.AlignmentFlag.AlignRight, self.tr("Page %1 of %2", number, total)
            )


# ---- report content --------------------------------------------------------------------------


def _title_block(doc: Doc, lines: list[tuple[str, str]]) -> None:
    doc.text(doc.title, "title")
    doc.gap(2)
    for label, value in lines:
        doc.text(f"{label}: {value}", "body", doc.muted)
    doc.gap(4)


def _pipeline_figures(doc: Doc, data: dict) -> list[tuple[str, str]]:
    total = data["pipeline"]["total"]
    return [
        (doc.tr("Open deals"), doc.number(total["count"])),
        (doc.tr("Pipeline value"), doc.whole_money(total["value_minor"])),
        (doc.tr("Weighted value"), doc.whole_money(total["weighted_value_minor"])),
    ]


def _deal_figures(doc: Doc, data: dict) -> list[tuple[str, str]]:
    m = data["deal_metrics"]
    cycle = m["average_cycle_days"]
    velocity = m["velocity_minor_per_day"]
    return [
        (doc.tr("Won value"), doc.whole_money(m["won_value_minor"])),
        (doc.tr("Won deals"), doc.number(m["won"])),
        (doc.tr("Win rate"), doc.percent(m["win_rate"])),
        (doc.tr("Average deal size"), doc.whole_money(m["average_deal_minor"])),
        (
            doc.tr("Average sales cycle"),
            "—" if cycle is None else doc.tr("%1 days", doc.locale.toString(cycle, "f", 1)),
        ),
        (doc.tr("Pipeline velocity per day"), doc.whole_money(velocity)),
    ]


def _funnel_figures(doc: Doc, data: dict) -> list[tuple[str, str]]:
    f = data["funnel"]
    return [
        (doc.tr("Leads entered"), doc.number(f["leads_entered"])),
        (doc.tr("New customers"), doc.number(f["new_customers"])),
        (doc.tr("Overall conversion"), doc.percent(f["overall_conversion"])),
        (doc.tr("Acquisition spend"), doc.whole_money(f["spend_minor"])),
        (doc.tr("Cost per customer (CAC)"), doc.whole_money(f["cac_minor"])),
        (
            doc.tr("Expected new customers"),
            doc.locale.toString(f["forecast"]["expected_new_customers"], "f", 1),
        ),
    ]


def _pipeline_chart(doc: Doc, data: dict) -> None:
    stages = data["pipeline"]["stages"]
    doc.text(doc.tr("Value and weighted value per stage"), "sub", keep=190)
    doc.block(
        190,
        lambda p, r: vector.bar_chart(
            p,
            r,
            doc.chart,
            [s["stage"] for s in stages],
            [
                vector.Series(doc.tr("Value"), [s["value_minor"] for s in stages], doc.accent),
                vector.Series(
                    doc.tr("Weighted"),
                    [s["weighted_value_minor"] for s in stages],
                    doc.accent_light,
                ),
            ],
            doc.short_money,
            value_format=doc.short_money,
            empty_text=doc.tr("No open deals."),
        ),
    )
    doc.gap(6)


def _pipeline_table(doc: Doc, data: dict) -> None:
    report = data["pipeline"]
    doc.table(
        [
            Column(doc.tr("Stage"), 3),
            Column(doc.tr("Deals"), 1.2, True, True),
            Column(doc.tr("Value"), 2, True, True),
            Column(doc.tr("Weighted"), 2, True, True),
        ],
        [
            [
                s["stage"],
                doc.number(s["count"]),
                doc.money(s["value_minor"]),
                doc.money(s["weighted_value_minor"]),
            ]
            for s in report["stages"]
        ],
        totals=[
            [
                doc.tr("Total"),
                doc.number(report["total"]["count"]),
                doc.money(report["total"]["value_minor"]),
                doc.money(report["total"]["weighted_value_minor"]),
            ]
        ],
    )


def _deal_columns(doc: Doc) -> list[Column]:
    return [
        Column(doc.tr("Title"), 3.0),
        Column(doc.tr("Company"), 2.3),
        Column(doc.tr("Value"), 1.6, True, True),
        Column(doc.tr("Expected close"), 1.4, False, True),
        Column(doc.tr("Next action"), 2.6),
        Column(doc.tr("Due"), 1.2, False, True),
    ]


def _stage_tables(doc: Doc, data: dict) -> None:
    doc.heading(doc.tr("Open deals per stage"))
    for stage in data["pipeline"]["stages"]:
        deals = data["stage_deals"].get(stage["stage"], [])
        rows = [
            [
                d["title"],
                d["company"],
                doc.money(d["value_minor"]),
                doc.date(d["expected_close"]),
                d["next_action"] or "—",
                doc.date(d["next_due"]),
            ]
            for d in deals
        ]
        more = stage["count"] - len(deals)
        if more > 0:
            rows.append([doc.tr("… and %1 more", doc.number(more)), "", "", "", "", ""])
        doc.table(
            _deal_columns(doc),
            rows,
            title=f"{stage['stage']} · {doc.money(stage['value_minor'])}",
            totals=[
                [
                    doc.tr("Total (%1 deals)", doc.number(stage["count"])),
                    "",
                    doc.money(stage["value_minor"]),
                    "",
                    "",
                    "",
                ]
            ],
            empty=doc.tr("None."),
        )


def _conversion_notes(doc: Doc, stages: list[dict]) -> list[str]:
    notes = []
    for s in stages:
        conv = s["conversion_from_previous"]
        count = doc.number(s["reached"])
        notes.append(count if conv is None else f"{count} · {doc.percent(conv)}")
    return notes


def _funnel_section(doc: Doc, data: dict, title: str | None) -> None:
    f = data["funnel"]
    if title:
        doc.heading(title)
    doc.text(doc.tr("Companies reaching each funnel stage"), "sub", keep=150)
    doc.block(
        150,
        lambda p, r: vector.funnel_chart(
            p,
            r,
            doc.chart,
            [s["stage"] for s in f["stages"]],
            [s["reached"] for s in f["stages"]],
            _conversion_notes(doc, f["stages"]),
            doc.accent,
        ),
    )
    doc.gap(6)
    doc.table(
        [
            Column(doc.tr("Stage"), 3),
            Column(doc.tr("Reached"), 1.5, True, True),
            Column(doc.tr("Conversion"), 1.5, True, True),
        ],
        [
            [s["stage"], doc.number(s["reached"]), doc.percent(s["conversion_from_previous"])]
            for s in f["stages"]
        ],
        totals=[
            [
                doc.tr("Overall conversion"),
                "",
                doc.percent(f["overall_conversion"]),
            ]
        ],
    )


def _pipeline_conversion(doc: Doc, data: dict) -> None:
    c = data["pipeline_conversion"]
    names = [doc.tr("Won") if s["stage"] == "won" else s["stage"] for s in c["stages"]]
    doc.text(doc.tr("Deals created in the period reaching each stage"), "sub", keep=130)
    doc.block(
        130,
        lambda p, r: vector.funnel_chart(
            p,
            r,
            doc.chart,
            names,
            [s["reached"] for s in c["stages"]],
            _conversion_notes(doc, c["stages"]),
            doc.accent_light,
        ),
    )
    doc.gap(6)


def _won_chart(doc: Doc, data: dict) -> None:
    months = data["monthly"]
    doc.heading(doc.tr("Won value per month and target"), keep=180)
    if not months:
        doc.text(doc.tr("No data in this period."), color=doc.muted)
        return
    target = data["monthly_won_target"]
    doc.block(
        180,
        lambda p, r: vector.bar_chart(
            p,
            r,
            doc.chart,
            doc.month_axis([m["month"] for m in months]),
            [
                vector.Series(
                    doc.tr("Won value"), [m["won_value_minor"] for m in months], doc.accent
                )
            ],
            doc.short_money,
            target=vector.Series(doc.tr("Target"), target, doc.target) if any(target) else None,
            empty_text=doc.tr("No data in this period."),
        ),
    )
    doc.gap(6)


def _forecast(doc: Doc, data: dict) -> None:
    rows = data["forecast"]
    doc.heading(doc.tr("Forecast"), keep=200)
    doc.text(doc.tr("Expected won value per month of expected close"), "sub", keep=170)
    if rows:
        doc.block(
            170,
            lambda p, r: vector.bar_chart(
                p,
                r,
                doc.chart,
                doc.month_axis([f["month"] for f in rows]),
                [
                    vector.Series(
                        doc.tr("Value"), [f["value_minor"] for f in rows], doc.accent_light
                    ),
                    vector.Series(
                        doc.tr("Expected value"),
                        [f["expected_value_minor"] for f in rows],
                        doc.accent,
                    ),
                ],
                doc.short_money,
                empty_text=doc.tr("No open deals."),
            ),
        )
        doc.gap(6)
    doc.table(
        [
            Column(doc.tr("Month"), 2),
            Column(doc.tr("Deals"), 1.2, True, True),
            Column(doc.tr("Value"), 2, True, True),
            Column(doc.tr("Expected value"), 2, True, True),
        ],
        [
            [
                doc.month(f["month"]),
                doc.number(f["count"]),
                doc.money(f["value_minor"]),
                doc.money(f["expected_value_minor"]),
            ]
            for f in rows
        ],
        totals=[
            [
                doc.tr("Total"),
                doc.number(sum(f["count"] for f in rows)),
                doc.money(sum(f["value_minor"] for f in rows)),
                doc.money(sum(f["expected_value_minor"] for f in rows)),
            ]
        ],
        empty=doc.tr("No data in this period."),
    )


METRIC_NAMES = {
    "won_value": "Won value",
    "won_deals": "Won deals",
    "new_leads": "New leads",
    "activities": "Activities",
}


def target_amount(doc: Doc, metric: str, amount: int) -> str:
    return doc.whole_money(amount) if metric == "won_value" else doc.number(amount)


def _targets(doc: Doc, data: dict) -> None:
    targets = data["targets"]
    doc.heading(doc.tr("Targets"), keep=60)
    if not targets:
        doc.text(doc.tr("No targets for today's periods."), color=doc.muted)
        return
    u = doc.u
    fm = doc.metrics("table")
    for t in targets:
        owner = doc.tr("Team") if t["owner"] is None else doc.tr("Individual")
        label = (
            f"{doc.tr(METRIC_NAMES[t['metric']])} · {doc.tr(t['period_kind'])} "
            f"{doc.date(dt.date.fromisoformat(t['from']))} – "
            f"{doc.date(dt.date.fromisoformat(t['to']))} · {owner}"
        )
        progress = t["progress"] or 0.0
        projected = t["projected"] / t["target"] if t["target"] else 0.0
        status = doc.tr("on track") if t["on_track"] else doc.tr("behind")
        figures = (
            f"{target_amount(doc, t['metric'], t['actual'])} / "
            f"{target_amount(doc, t['metric'], t['target'])} ({doc.percent(progress)}) · "
            f"{doc.tr('Projection')}: {target_amount(doc, t['metric'], t['projected'])} · {status}"
        )
        doc.text(label, "table_bold", keep=24)

        def paint(p, r, progress=progress, projected=projected, figures=figures):
            bar = QRectF(r.left(), r.top() + 2 * u, r.width() * 0.32, r.height() - 4 * u)
            vector.progress_bar(
                p, bar, doc.chart, progress, projected, doc.accent, doc.track, doc.target
            )
            p.setFont(doc.fonts["table"])
            p.setPen(doc.ink)
            text_rect = QRectF(bar.right() + 10 * u, r.top(), r.width() * 0.66, r.height())
            p.drawText(
                text_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                fm.elidedText(figures, Qt.TextElideMode.ElideRight, text_rect.width()),
            )

        doc.block(fm.height() / u * 1.6, paint)
        doc.gap(4)


ATTENTION_TITLES = {
    "overdue": "Overdue next action",
    "rotting": "Rotting (no recent activity)",
    "no_next_action": "No next action",
}


def _attention(doc: Doc, data: dict) -> None:
    doc.heading(doc.tr("Deals needing attention"))
    for kind, part in data["attention"].items():
        overdue = kind == "overdue"
        rows = [
            [
                d["title"],
                d["company"],
                d["stage"],
                doc.money(d["value_minor"]),
                *(
                    [d["next_action"] or "—", doc.date(d["next_due"])]
                    if overdue
                    else ["—" if d["idle_days"] is None else doc.number(d["idle_days"])]
                ),
            ]
            for d in part["deals"]
        ]
        more = part["count"] - len(part["deals"])
        if more > 0:
            rows.append([doc.tr("… and %1 more", doc.number(more))])
        last = (
            [Column(doc.tr("Next action"), 2.4), Column(doc.tr("Due"), 1.2, False, True)]
            if overdue
            else [Column(doc.tr("Idle days"), 1.2, True, True)]
        )
        doc.table(
            [
                Column(doc.tr("Title"), 3.0),
                Column(doc.tr("Company"), 2.3),
                Column(doc.tr("Stage"), 1.5),
                Column(doc.tr("Value"), 1.6, True, True),
                *last,
            ],
            rows,
            title=f"{doc.tr(ATTENTION_TITLES[kind])} · {doc.number(part['count'])}",
            empty=doc.tr("None."),
        )


# ---- entry points ----------------------------------------------------------------------------


def render(
    services,
    kind: str,
    *,
    pipeline_id: int,
    period: Period,
    as_of: dt.datetime | None = None,
    lang: str = "en",
    today: dt.date | None = None,
    reports: dict | None = None,
) -> bytes:
    """The report as PDF bytes. `reports` may hold the JSON report of the same command
    ("pipeline"/"funnel"), so both outputs show the very same numbers."""
    if kind not in KINDS:
        raise ValueError(f"unknown report kind {kind!r}")
    today = today or dt.date.today()
    data = bundle(
        services,
        pipeline_id,
        period,
        as_of=as_of,
        today=today,
        stage_tables=kind in ("pipeline", "pack"),
        attention=kind == "pack",
    )
    data.update(reports or {})
    locale = pdf_locale(lang)
    titles = {
        "pipeline": "Pipeline report",
        "funnel": "Funnel report",
        "pack": "Sales report pack",
    }
    made_at = QDateTime.currentDateTime()
    made_text = (
        f"{fmt.date(made_at.date().toPython(), locale)} "
        f"{locale.toString(made_at.time(), QLocale.FormatType.ShortFormat)}"
    )
    period_text = f"{fmt.date(period.start, locale)} – {fmt.date(period.end, locale)}"
    as_of_day = data["as_of"].date() if data["as_of"] else today
    as_of_text = fmt.date(as_of_day, locale)

    buffer_bytes = QByteArray()
    buffer = QBuffer(buffer_bytes)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    writer.setResolution(RESOLUTION)
    writer.setCreator("Dealboard")
    title = translate(lang, titles[kind])
    writer.setTitle(title)
    head = {
        "pipeline": f"{title} · {data['pipeline_name']} · {translate(lang, 'As of')} {as_of_text}",
        "funnel": f"{title} · {period_text}",
        "pack": f"{title} · {period_text}",
    }[kind]
    doc = Doc(writer, lang, locale, data["currency"], title, head, made_text)
    if kind == "pipeline":
        _title_block(
            doc,
            [
                (doc.tr("Pipeline"), data["pipeline_name"]),
                (doc.tr("As of"), as_of_text),
                (doc.tr("Made at"), made_text),
            ],
        )
        doc.heading(doc.tr("Key figures"))
        figures = _pipeline_figures(doc, data)
        doc.figures(figures, per_row=len(figures))
        doc.heading(doc.tr("Pipeline by stage"), keep=220)
        _pipeline_chart(doc, data)
        _pipeline_table(doc, data)
        _stage_tables(doc, data)
    elif kind == "funnel":
        _title_block(doc, [(doc.tr("Period"), period_text), (doc.tr("Made at"), made_text)])
        doc.heading(doc.tr("Key figures"))
        doc.figures(_funnel_figures(doc, data), per_row=3)
        _funnel_section(doc, data, doc.tr("Funnel"))
    else:
        _title_block(
            doc,
            [
                (doc.tr("Period"), period_text),
                (doc.tr("Pipeline"), f"{data['pipeline_name']} · {doc.tr('As of')} {as_of_text}"),
                (doc.tr("Made at"), made_text),
            ],
        )
        doc.heading(doc.tr("Key figures"))
        doc.figures(
            [
                *_pipeline_figures(doc, data),
                (doc.tr("Leads entered"), doc.number(data["funnel"]["leads_entered"])),
                *_deal_figures(doc, data),
                (doc.tr("New customers"), doc.number(data["funnel"]["new_customers"])),
                (doc.tr("Cost per customer (CAC)"), doc.whole_money(data["funnel"]["cac_minor"])),
            ],
            per_row=4,
        )
        _funnel_section(doc, data, doc.tr("Funnel"))
        doc.heading(doc.tr("Pipeline by stage"), keep=220)
        _pipeline_chart(doc, data)
        _pipeline_table(doc, data)
        _pipeline_conversion(doc, data)
        _won_chart(doc, data)
        _forecast(doc, data)
        _targets(doc, data)
        _attention(doc, data)
        _stage_tables(doc, data)
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError(
            FileMessage(QT_TRANSLATE_NOOP("FileProblem", "Cannot start the PDF painter."))
        )
    try:
        doc.paint(painter)
    finally:
        painter.end()
    buffer.close()
    return bytes(buffer_bytes.data())


def write(path: Path | str, pdf: bytes) -> None:
    """Atomically: a failure leaves no partial file and any previous file intact."""
    path = Path(path)
    try:
        atomic_write_bytes(path, pdf)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ExportError(
            FileMessage(QT_TRANSLATE_NOOP("FileProblem", "Cannot write %1: %2."), path, reason)
        ) from exc


def export(path: Path | str, services, kind: str, **options) -> None:
    """Render and write in one call; raises ExportError with a message for the user."""
    write(path, render(services, kind, **options))


__all__ = [
    "KINDS",
    "ExportError",
    "default_lang",
    "export",
    "font_family",
    "pdf_locale",
    "render",
    "write",
]
