"""The reports pane's pyqtgraph charts; imported only when the pane is first shown.

Each chart is a card (title, plot, hover read-out). Values are plotted in their own units
(minor units for money, 0..1 for rates) so the plotted data can be compared one to one with
the JSON reports; only the axis labels and the hover text are formatted for people.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import pyqtgraph as pg
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout

from app.ui import format as fmt
from app.ui.theme import mix

BAR_WIDTH = 0.36


def secondary(palette: QPalette) -> QColor:
    """The second series' colour: the highlight paled towards the background on a light
    palette, towards the text on a dark one (darkening it there would sink it into the base)."""
    highlight = palette.color(QPalette.ColorRole.Highlight)
    base = palette.color(QPalette.ColorRole.Base)
    if base.lightness() < 128:
        return mix(highlight, palette.color(QPalette.ColorRole.Text), 0.45)
    return mix(highlight, base, 0.55)


class FormattedAxis(pg.AxisItem):
    """An axis whose tick labels come from a function (money, percent, days)."""

    def __init__(self, orientation: str, label: Callable[[float], str]):
        super().__init__(orientation)
        self.format_tick = label  # not "label": AxisItem has one
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values, scale, spacing):
        return [self.format_tick(v) for v in values]


def month_label(key: str, locale: QLocale, with_year: bool) -> str:
    name = locale.monthName(int(key[5:7]), QLocale.FormatType.ShortFormat)
    return f"{name} {key[2:4]}" if with_year else name


def month_ticks(keys: Sequence[str], locale: QLocale) -> list[list[tuple[int, str]]]:
    """Every month (every 2nd or 3rd when crowded), the year on the first and each January."""
    step = max(1, math.ceil(len(keys) / 9))
    ticks = [
        (i, month_label(k, locale, i == 0 or k.endswith("-01")))
        for i, k in enumerate(keys)
        if i % step == 0
    ]
    return [ticks]


def recolour_legend(legend: pg.LegendItem, palette: QPalette) -> None:
    text = palette.color(QPalette.ColorRole.Text)
    legend.setLabelTextColor(text)
    for _sample, label in legend.items:
        # setLabelTextColor only stores the colour; setting the text again renders it.
        label.setText(label.text, color=text)
    base = QColor(palette.color(QPalette.ColorRole.Base))
    base.setAlpha(210)
    legend.setBrush(pg.mkBrush(base))


class ChartCard(QFrame):
    """A titled chart whose hover read-out tells the exact values under the mouse.

    Built from a ViewBox and two axes in a GraphicsView rather than a PlotWidget: a PlotItem
    also builds its context-menu forms, which cost more than the whole chart here.
    """

    def __init__(self, title: str, left: Callable[[float], str] | None = None, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(title)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.setAccessibleName(title)
        self.plot = pg.GraphicsView()
        self.plot.setMinimumHeight(200)
        self.view = pg.ViewBox(enableMenu=False, defaultPadding=0)
        self.view.setMouseEnabled(x=False, y=False)
        self.axes = {
            "left": FormattedAxis("left", left) if left else pg.AxisItem("left"),
            "bottom": pg.AxisItem("bottom"),
        }
        grid = pg.GraphicsLayout()
        grid.setContentsMargins(2, 8, 10, 2)
        grid.addItem(self.axes["left"], 0, 0)
        grid.addItem(self.view, 0, 1)
        grid.addItem(self.axes["bottom"], 1, 1)
        for axis in self.axes.values():
            # No axis shows a unit, so the prefix is never used; left on, every range change
            # re-renders the (empty) axis label as HTML.
            axis.enableAutoSIPrefix(False)
            axis.linkToView(self.view)
        self.axes["left"].setGrid(48)  # faint horizontal lines at the value ticks
        self.plot.setCentralItem(grid)
        self.legend: pg.LegendItem | None = None
        self.hover = QLabel(" ")
        self.hover.setWordWrap(True)
        self.hover.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.hover.setMinimumHeight(self.hover.fontMetrics().height() * 2 + 4)
        self.hover.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.hover)
        self.describe: Callable[[int], str] = lambda i: ""
        self.count = 0
        self.plot.scene().sigMouseMoved.connect(self._mouse_moved)

    def add_legend(self) -> pg.LegendItem:
        self.legend = pg.LegendItem(offset=(8, 4), colCount=3)
        self.legend.setParentItem(self.view)
        return self.legend

    # ---- data ----------------------------------------------------------------------------
    def set_categories(self, names: Sequence[str], describe: Callable[[int], str]) -> None:
        self.count = len(names)
        self.describe = describe
        self.axes["bottom"].setTicks([list(enumerate(names))])
        self._fit_x()
        self._describe_for_screen_readers()

    def set_months(
        self, keys: Sequence[str], locale: QLocale, describe: Callable[[int], str]
    ) -> None:
        self.count = len(keys)
        self.describe = describe
        self.axes["bottom"].setTicks(month_ticks(keys, locale))
        self._fit_x()
        self._describe_for_screen_readers()

    def _describe_for_screen_readers(self) -> None:
        """The exact values the hover read-out gives, all at once."""
        self.setAccessibleDescription("; ".join(self.describe(i) for i in range(self.count)))

    def _fit_x(self) -> None:
        self.view.setXRange(-0.6, max(self.count, 1) - 0.4, padding=0)

    def fit_y(self, top: float, least: float = 1.0) -> None:
        """From zero to a little above the largest value; at least `least`, so an empty
        chart still has a readable axis (not ten ticks all labelled "€0")."""
        # Room above the tallest bar for the legend, which sits inside the plot's top.
        headroom = 1.25 if self.legend is not None else 1.08
        self.set_y(max(top, least) * headroom)

    def set_y(self, top: float) -> None:
        self.view.setYRange(0, top, padding=0)
        self.fit_axis(top)

    def fit_axis(self, top: float) -> None:
        """Make the left axis as wide as its widest label. pyqtgraph widens an axis only after
        a paint that found labels too wide, and skips those labels in the meantime."""
        axis = self.axes["left"]
        if not isinstance(axis, FormattedAxis):
            return
        metrics = QFontMetrics(axis.style.get("tickFont") or self.plot.font())
        samples = [top * k / 8 for k in range(9)]
        widest = max(metrics.horizontalAdvance(axis.format_tick(v)) for v in samples)
        axis.setWidth(widest + 14)

    # ---- hover ---------------------------------------------------------------------------
    def hover_text(self, index: int) -> str:
        return self.describe(index) if 0 <= index < self.count else ""

    def show_hover(self, index: int) -> None:
        text = self.hover_text(index)
        self.hover.setText(text or " ")
        self.plot.setToolTip(text)

    def _mouse_moved(self, pos) -> None:
        view = self.view
        if not view.sceneBoundingRect().contains(pos):
            self.show_hover(-1)
            return
        self.show_hover(round(view.mapSceneToView(pos).x()))

    # ---- colours -------------------------------------------------------------------------
    def apply_palette(self, palette: QPalette) -> None:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        self.plot.setBackground(base)
        for axis in self.axes.values():
            axis.setPen(pg.mkPen(mix(text, base, 0.45)))
            axis.setTextPen(pg.mkPen(text))


class BarsCard(ChartCard):
    """Categories (stages or months) with one to three bar series side by side."""

    def __init__(self, title: str, series: Sequence[tuple[str, str]], left, parent=None):
        """`series`: (key, legend label) pairs; one series needs no legend."""
        super().__init__(title, left, parent)
        self.top = 0.0
        self.bars: dict[str, pg.BarGraphItem] = {}
        if len(series) > 1:
            self.add_legend()
        width = BAR_WIDTH * 2 / len(series)
        for k, (key, label) in enumerate(series):
            offset = (k - (len(series) - 1) / 2) * width
            item = pg.BarGraphItem(x=[], height=[], width=width * 0.94, name=label)
            item.offset = offset
            self.view.addItem(item)
            self.bars[key] = item
            if self.legend is not None:
                self.legend.addItem(item, label)

    def apply_palette(self, palette: QPalette) -> None:
        super().apply_palette(palette)
        if self.legend is not None:
            recolour_legend(self.legend, palette)

    def set_values(self, values: dict[str, Sequence[float]]) -> None:
        top = 0.0
        for name, item in self.bars.items():
            heights = [float(v or 0) for v in values[name]]
            item.setOpts(x=[i + item.offset for i in range(len(heights))], height=heights)
            top = max([top, *heights])
        self.top = top

    def heights(self, name: str) -> list[float]:
        return [float(h) for h in self.bars[name].opts["height"]]


class PipelineCard(BarsCard):
    def apply_palette(self, palette: QPalette) -> None:
        super().apply_palette(palette)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        self.bars["value"].setOpts(brush=highlight, pen=pg.mkPen(None))
        self.bars["weighted"].setOpts(brush=secondary(palette), pen=pg.mkPen(None))


class LineCard(ChartCard):
    """One value per month as a line with dots; months without a value leave a gap."""

    def __init__(self, title: str, left, parent=None):
        super().__init__(title, left, parent)
        self.line = pg.PlotDataItem([], [], connect="finite")
        self.view.addItem(self.line)
        self.length = 0

    def set_points(self, values: Sequence[float | None]) -> None:
        self.length = len(values)
        xs = list(range(len(values)))
        ys = [math.nan if v is None else float(v) for v in values]
        if all(v is None for v in values):
            xs, ys = [], []  # all-NaN data makes pyqtgraph warn while computing bounds
        self.line.setData(xs, ys, connect="finite")
        self.top = max((y for y in ys if not math.isnan(y)), default=0.0)

    def points(self) -> list[float | None]:
        """The plotted values read back from the line, None where it has a gap."""
        out: list[float | None] = [None] * self.length
        xs, ys = self.line.getData()
        for x, y in zip(xs if xs is not None else [], ys if ys is not None else [], strict=True):
            if not math.isnan(y):
                out[int(x)] = float(y)
        return out

    def apply_palette(self, palette: QPalette) -> None:
        super().apply_palette(palette)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        self.line.setPen(pg.mkPen(highlight, width=2))
        self.line.setSymbol("o")
        self.line.setSymbolSize(6)
        self.line.setSymbolBrush(highlight)
        self.line.setSymbolPen(pg.mkPen(highlight))


class TargetBarsCard(BarsCard):
    """Won value per month as bars and the month's target as a dashed step line."""

    def __init__(self, title: str, won: str, target: str, left, parent=None):
        super().__init__(title, [("won", won)], left, parent)
        self.target = pg.PlotDataItem([], [], connect="finite", name=target)
        self.add_legend()
        self.legend.addItem(self.bars["won"], won)
        self.legend.addItem(self.target, target)
        self.view.addItem(self.target)
        self.target_values: list[float | None] = []

    def set_target(self, values: Sequence[int | None]) -> None:
        xs, ys = [], []
        for i, v in enumerate(values):
            # A flat dash across each month's slot; NaN between months breaks the line.
            y = math.nan if v is None else float(v)
            xs += [i - 0.45, i + 0.45, i + 0.45]
            ys += [y, y, math.nan]
        self.target.setData(xs, ys, connect="finite")
        self.target_values = [None if v is None else float(v) for v in values]
        self.top = max([self.top, *(v for v in self.target_values if v is not None)])

    def apply_palette(self, palette: QPalette) -> None:
        super().apply_palette(palette)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        text = palette.color(QPalette.ColorRole.Text)
        self.bars["won"].setOpts(brush=highlight, pen=pg.mkPen(None))
        self.target.setPen(pg.mkPen(text, width=2, style=Qt.PenStyle.DashLine))


class ForecastCard(BarsCard):
    def apply_palette(self, palette: QPalette) -> None:
        super().apply_palette(palette)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        self.bars["value"].setOpts(brush=secondary(palette), pen=pg.mkPen(None))
        self.bars["expected"].setOpts(brush=highlight, pen=pg.mkPen(None))


class ConversionCard(BarsCard):
    """Conversion rate of each step (stage k-1 → k) as a bar, 0..100 %."""

    def __init__(self, title: str, parent=None):
        super().__init__(title, [("rate", "")], fmt.percent, parent)

    def apply_palette(self, palette: QPalette) -> None:
        super().apply_palette(palette)
        self.bars["rate"].setOpts(
            brush=palette.color(QPalette.ColorRole.Highlight), pen=pg.mkPen(None)
        )


__all__ = [
    "BarsCard",
    "ChartCard",
    "ConversionCard",
    "ForecastCard",
    "LineCard",
    "PipelineCard",
    "TargetBarsCard",
    "month_ticks",
]
