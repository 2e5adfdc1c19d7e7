"""Charts drawn with QPainter primitives, so a PDF holds them as vectors and selectable text."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen


@dataclass(frozen=True)
class ChartStyle:
    """Fonts, colours and the device scale (device units per typographic point)."""

    u: float
    font: QFont
    bold: QFont
    ink: QColor
    muted: QColor
    grid: QColor
    device: object  # the paint device, for font metrics


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[float | None]
    color: QColor


def nice_ticks(top: float, count: int = 4) -> list[float]:
    """0 … a round maximum ≥ top in `count` or so round steps (1, 2, 2.5, 5 × 10^k)."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    n = math.ceil(top / step - 1e-9)
    return [i * step for i in range(n + 1)]


def _metrics(style: ChartStyle, font: QFont) -> QFontMetricsF:
    return QFontMetricsF(font, style.device)


def _legend(p: QPainter, x: float, y: float, style: ChartStyle, items) -> None:
    fm = _metrics(style, style.font)
    box = fm.height() * 0.7
    for label, color, dashed in items:
        if dashed:
            pen = QPen(color, 1.2 * style.u, Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.drawLine(QLineF(x, y + fm.height() / 2, x + box * 1.6, y + fm.height() / 2))
            x += box * 1.6 + 4 * style.u
        else:
            p.fillRect(QRectF(x, y + (fm.height() - box) / 2, box, box), color)
            x += box + 4 * style.u
        p.setPen(style.ink)
        p.setFont(style.font)
        p.drawText(QRectF(x, y, fm.horizontalAdvance(label) + 2, fm.height()), 0, label)
        x += fm.horizontalAdvance(label) + 14 * style.u


def bar_chart(
    p: QPainter,
    rect: QRectF,
    style: ChartStyle,
    categories: Sequence[str],
    series: Sequence[Series],
    axis_format: Callable[[float], str],
    target: Series | None = None,
    value_format: Callable[[float], str] | None = None,
    empty_text: str = "",
) -> None:
    """Grouped vertical bars per category, a y axis with round ticks and an optional target
    drawn as a dashed dash across each category; `empty_text` instead when all are zero."""
    u = style.u
    fm = _metrics(style, style.font)
    line = fm.height()
    legend_items = [(s.label, s.color, False) for s in series]
    if target is not None:
        legend_items.append((target.label, target.color, True))
    _legend(p, rect.left(), rect.top(), style, legend_items)
    values = [v for s in [*series, *([target] if target else [])] for v in s.values if v]
    ticks = nice_ticks(max(values, default=0)) if values else [0.0]
    labels = [axis_format(t) for t in ticks]
    axis_w = max(fm.horizontalAdvance(t) for t in labels) + 6 * u
    label_lines = max((c.count("\n") + 1 for c in categories), default=1)
    plot = QRectF(
        rect.left() + axis_w,
        rect.top() + line * 1.8,
        rect.width() - axis_w,
        rect.height() - line * 1.8 - line * (0.6 + label_lines),
    )
    top = ticks[-1] or 1.0

    def y_of(v: float) -> float:
        return plot.bottom() - plot.height() * (v / top)

    if not values and empty_text:
        p.setFont(style.font)
        p.setPen(style.muted)
        p.drawText(plot, Qt.AlignmentFlag.AlignCenter, empty_text)

    p.setFont(style.font)
    for t, label in zip(ticks, labels, strict=True):
        y = y_of(t)
        p.setPen(QPen(style.grid, 0.5 * u))
        p.drawLine(QLineF(plot.left(), y, plot.right(), y))
        p.setPen(style.muted)
        p.drawText(
            QRectF(rect.left(), y - line / 2, axis_w - 4 * u, line),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            label,
        )
    n = max(len(categories), 1)
    slot = plot.width() / n
    group = slot * 0.72
    bar = group / max(len(series), 1)
    label_bars = value_format is not None and n * len(series) <= 12
    small = QFont(style.font)
    small.setPointSizeF(style.font.pointSizeF() * 0.85)
    for i, name in enumerate(categories):
        x0 = plot.left() + slot * i + (slot - group) / 2
        for k, s in enumerate(series):
            v = s.values[i] or 0
            if v > 0:
                r = QRectF(x0 + k * bar, y_of(v), bar * 0.92, plot.bottom() - y_of(v))
                p.fillRect(r, s.color)
                if label_bars:
                    p.setFont(small)
                    p.setPen(style.ink)
                    p.drawText(
                        QRectF(r.center().x() - slot / 2, r.top() - line, slot, line),
                        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                        value_format(v),
                    )
                    p.setFont(style.font)
        if target is not None and target.values[i]:
            y = y_of(target.values[i])
            p.setPen(QPen(target.color, 1.4 * u, Qt.PenStyle.DashLine))
            p.drawLine(QLineF(x0 - slot * 0.1, y, x0 + group + slot * 0.1, y))
        p.setPen(style.ink)
        for k, part in enumerate(name.split("\n")):
            p.drawText(
                QRectF(plot.left() + slot * i, plot.bottom() + 2 * u + k * line, slot, line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                fm.elidedText(part, Qt.TextElideMode.ElideRight, slot - 2 * u),
            )
    p.setPen(QPen(style.ink, 0.8 * u))
    p.drawLine(QLineF(plot.left(), plot.bottom(), plot.right(), plot.bottom()))


def funnel_chart(
    p: QPainter,
    rect: QRectF,
    style: ChartStyle,
    stages: Sequence[str],
    reached: Sequence[int],
    notes: Sequence[str],
    color: QColor,
) -> None:
    """One centred bar per stage, its width in proportion to how many reached it."""
    u = style.u
    fm = _metrics(style, style.font)
    n = max(len(stages), 1)
    row = rect.height() / n
    name_w = min(rect.width() * 0.28, max((fm.horizontalAdvance(s) for s in stages), default=0))
    name_w += 8 * u
    note_w = max((fm.horizontalAdvance(t) for t in notes), default=0) + 8 * u
    bars = QRectF(rect.left() + name_w, rect.top(), rect.width() - name_w - note_w, rect.height())
    top = max(reached, default=0) or 1
    p.setFont(style.font)
    for i, (name, count, note) in enumerate(zip(stages, reached, notes, strict=True)):
        y = rect.top() + row * i
        w = bars.width() * count / top
        bar = QRectF(bars.center().x() - w / 2, y + row * 0.12, w, row * 0.76)
        if w > 0:
            p.fillRect(bar, color)
        p.setPen(style.ink)
        middle = Qt.AlignmentFlag.AlignVCenter
        p.drawText(
            QRectF(rect.left(), y, name_w - 6 * u, row),
            Qt.AlignmentFlag.AlignRight | middle,
            fm.elidedText(name, Qt.TextElideMode.ElideRight, name_w - 8 * u),
        )
        p.drawText(
            QRectF(bars.right() + 6 * u, y, note_w, row), Qt.AlignmentFlag.AlignLeft | middle, note
        )


def progress_bar(
    p: QPainter,
    rect: QRectF,
    style: ChartStyle,
    progress: float,
    projection: float,
    fill: QColor,
    track: QColor,
    marker: QColor,
) -> None:
    """Actual as a filled bar, projection to the period's end as a tick; 100 % = the target."""
    scale = max(1.0, projection, progress)
    p.fillRect(rect, track)
    done = QRectF(
        rect.left(), rect.top(), rect.width() * min(progress, scale) / scale, rect.height()
    )
    p.fillRect(done, fill)
    goal_x = rect.left() + rect.width() / scale
    p.setPen(QPen(style.ink, 1.0 * style.u))
    p.drawLine(QLineF(goal_x, rect.top() - 2 * style.u, goal_x, rect.bottom() + 2 * style.u))
    proj_x = rect.left() + rect.width() * min(projection, scale) / scale
    p.setPen(QPen(marker, 1.6 * style.u))
    p.drawLine(QPointF(proj_x, rect.top()), QPointF(proj_x, rect.bottom()))


__all__ = ["ChartStyle", "Series", "bar_chart", "funnel_chart", "nice_ticks", "progress_bar"]
