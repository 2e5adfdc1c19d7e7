"""The painted funnel: one centred bar per stage, width proportional to the companies that
reached it, with count, % of the previous stage and % of the first on each bar."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.ui import format as fmt
from app.ui.theme import mix


@dataclass(frozen=True)
class Bar:
    stage_id: int
    name: str
    reached: int
    of_previous: float | None  # None for the first stage
    of_first: float | None  # None when nobody entered


def luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_on(fill: QColor) -> QColor:
    """White where it reaches WCAG's 3:1 for bold text on `fill`, otherwise near-black, so
    neighbouring bars of similar shade do not flip between the two."""
    white, black = QColor("#ffffff"), QColor("#111111")
    return white if contrast(fill, white) >= 3.0 else black


class FunnelChart(QWidget):
    """Click (or Enter on) a bar: barClicked(stage index)."""

    barClicked = Signal(int)

    MARGIN = 12
    MAX_ROW = 120

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._bars: list[Bar] = []
        self._hover = -1
        self._current = -1
        self._locale = QLocale()
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(240)
        self.setAccessibleName(self.tr("Funnel"))

    # ---- data ----------------------------------------------------------------------------
    def set_bars(self, bars: list[Bar]) -> None:
        self._bars = list(bars)
        self._hover = -1
        if self._current >= len(self._bars):
            self._current = -1
        # Screen readers get the numbers the bars paint.
        self.setAccessibleDescription(
            "; ".join(
                self.tr("%1: %2 companies")
                .replace("%1", b.name)
                .replace("%2", self._locale.toString(b.reached))
                for b in self._bars
            )
        )
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def sizeHint(self) -> QSize:
        return QSize(720, 420)

    # ---- geometry ------------------------------------------------------------------------
    def _label_width(self) -> int:
        fm = QFontMetrics(self._name_font())
        widest = max((fm.horizontalAdvance(b.name) for b in self._bars), default=0)
        return widest + 24

    def _row_height(self) -> float:
        n = max(len(self._bars), 1)
        return min(self.MAX_ROW, (self.height() - 2 * self.MARGIN) / n)

    def _top(self) -> float:
        """Rows are centred vertically when the widget is taller than they need."""
        used = self._row_height() * len(self._bars)
        return max(self.MARGIN, (self.height() - used) / 2)

    def _area(self) -> QRectF:
        """Where the bars are centred: right of the stage names."""
        left = self.MARGIN + self._label_width()
        return QRectF(left, self.MARGIN, self.width() - left - self.MARGIN, self.height())

    def bar_rect(self, k: int) -> QRect:
        """The painted rectangle of bar k (for hit tests and tests that click a bar)."""
        if not 0 <= k < len(self._bars):
            return QRect()
        area = self._area()
        row = self._row_height()
        height = row * 0.78
        first = self._bars[0].reached
        share = self._bars[k].reached / first if first else 0.0
        # Proportional; a non-empty stage keeps a sliver that can still be clicked.
        width = max(area.width() * share, 6.0 if self._bars[k].reached else 0.0)
        x = area.left() + (area.width() - width) / 2
        y = self._top() + k * row + (row - height) / 2
        return QRectF(x, y, width, height).toAlignedRect()

    def _row_rect(self, k: int) -> QRectF:
        row = self._row_height()
        return QRectF(0, self._top() + k * row, self.width(), row)

    def bar_at(self, pos) -> int:
        for k in range(len(self._bars)):
            if self.bar_rect(k).adjusted(-2, -2, 2, 2).contains(pos):
                return k
        return -1

    # ---- fonts and colours ---------------------------------------------------------------
    def _name_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _count_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        return font

    def _fill(self, k: int) -> QColor:
        """The palette's highlight, deepening from the first stage to the last."""
        pal = self.palette()
        accent = pal.color(QPalette.ColorRole.Highlight)
        base = pal.color(QPalette.ColorRole.Base)
        n = max(len(self._bars) - 1, 1)
        return mix(base, accent, 0.45 + 0.55 * k / n)

    # ---- painting ------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        muted = mix(pal.color(QPalette.ColorRole.Window), text, 0.65)
        if not self._bars:
            p.setPen(muted)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No funnel stages."))
            return
        rects = [QRectF(self.bar_rect(k)) for k in range(len(self._bars))]
        self._paint_connectors(p, rects)
        name_font, count_font, small_font = self._name_font(), self._count_font(), self.font()
        for k, (bar, rect) in enumerate(zip(self._bars, rects, strict=True)):
            row = self._row_rect(k)
            fill = self._fill(k)
            if rect.width() > 0:
                path = QPainterPath()
                path.addRoundedRect(rect, 4, 4)
                p.fillPath(path, fill)
                if k in (self._hover, self._current):
                    pen = QPen(text, 2 if k == self._hover else 1)
                    if k == self._current and self.hasFocus():
                        pen.setStyle(Qt.PenStyle.DashLine)
                    p.setPen(pen)
                    p.drawPath(path)
            # Stage name, left.
            p.setFont(name_font)
            p.setPen(text)
            p.drawText(
                QRectF(self.MARGIN, row.top(), self._label_width() - 12, row.height()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                bar.name,
            )
            self._paint_figures(p, k, bar, rect, fill, text, muted, count_font, small_font)
        if self._bars[0].reached == 0:
            p.setPen(muted)
            p.setFont(small_font)
            p.drawText(
                self._area().toRect(),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("No leads entered in this period."),
            )

    def _paint_connectors(self, p: QPainter, rects: list[QRectF]) -> None:
        """Faint trapezoids between bars, so the narrowing reads as one funnel."""
        pal = self.palette()
        shade = mix(
            pal.color(QPalette.ColorRole.Window), pal.color(QPalette.ColorRole.Highlight), 0.18
        )
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(shade)
        for a, b in itertools.pairwise(rects):
            if a.width() <= 0 or b.width() <= 0:
                continue
            path = QPainterPath(QPointF(a.left(), a.bottom()))
            path.lineTo(a.right(), a.bottom())
            path.lineTo(b.right(), b.top())
            path.lineTo(b.left(), b.top())
            path.closeSubpath()
            p.drawPath(path)

    def _figures(self, k: int, bar: Bar) -> tuple[str, str]:
        count = self._locale.toString(bar.reached)
        parts = []
        if k > 0:
            parts.append(
                self.tr("%1 of previous").replace("%1", fmt.percent(bar.of_previous, self._locale))
            )
        parts.append(self.tr("%1 of first").replace("%1", fmt.percent(bar.of_first, self._locale)))
        return count, " · ".join(parts)

    def _paint_figures(self, p, k, bar, rect, fill, text, muted, count_font, small_font) -> None:
        count, rates = self._figures(k, bar)
        cfm, sfm = QFontMetrics(count_font), QFontMetrics(small_font)
        gap = 10
        inside_w = max(cfm.horizontalAdvance(count), sfm.horizontalAdvance(rates)) + 2 * gap
        two_lines = rect.height() >= cfm.height() + sfm.height() + 4
        if two_lines and rect.width() >= inside_w:
            # Inside the bar, centred, in black or white for contrast with the fill.
            on = text_on(fill)
            block = cfm.height() + sfm.height()
            top = rect.center().y() - block / 2
            p.setPen(on)
            p.setFont(count_font)
            p.drawText(
                QRectF(rect.left(), top, rect.width(), cfm.height()),
                Qt.AlignmentFlag.AlignCenter,
                count,
            )
            p.setFont(small_font)
            p.drawText(
                QRectF(rect.left(), top + cfm.height(), rect.width(), sfm.height()),
                Qt.AlignmentFlag.AlignCenter,
                rates,
            )
            return
        # Too narrow: the figures go right of the bar, in the window's text colours.
        x = rect.right() + gap
        row = self._row_rect(k)
        available = self.width() - self.MARGIN - x
        line = f"{count}   {rates}"
        p.setPen(text)
        if two_lines or sfm.horizontalAdvance(line) > available:
            block = cfm.height() + sfm.height()
            top = row.center().y() - block / 2
            p.setFont(count_font)
            p.drawText(QRectF(x, top, available, cfm.height()), Qt.AlignmentFlag.AlignLeft, count)
            p.setFont(small_font)
            p.setPen(muted)
            p.drawText(
                QRectF(x, top + cfm.height(), available, sfm.height()),
                Qt.AlignmentFlag.AlignLeft,
                sfm.elidedText(rates, Qt.TextElideMode.ElideRight, int(available)),
            )
        else:
            p.setFont(small_font)
            p.drawText(
                QRectF(x, row.top(), available, row.height()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                line,
            )

    # ---- interaction ---------------------------------------------------------------------
    def mouseMoveEvent(self, event) -> None:
        k = self.bar_at(event.position().toPoint())
        if k != self._hover:
            self._hover = k
            self.setCursor(
                Qt.CursorShape.PointingHandCursor if k >= 0 else Qt.CursorShape.ArrowCursor
            )
            self.update()
        if k >= 0:
            bar = self._bars[k]
            QToolTip.showText(
                event.globalPosition().toPoint(),
                self.tr("%1: %2 companies reached this stage. Click to list them.")
                .replace("%1", bar.name)
                .replace("%2", self._locale.toString(bar.reached)),
                self,
            )

    def leaveEvent(self, _event) -> None:
        if self._hover != -1:
            self._hover = -1
            self.update()

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        k = self.bar_at(event.position().toPoint())
        if k >= 0:
            self._current = k
            self.update()
            self.barClicked.emit(k)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        n = len(self._bars)
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and n:
            step = 1 if key == Qt.Key.Key_Down else -1
            self._current = (self._current + step) % n if self._current >= 0 else 0
            self.update()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._current >= 0:
            self.barClicked.emit(self._current)
        else:
            super().keyPressEvent(event)
