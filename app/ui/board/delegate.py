"""The one delegate that paints every deal card from index.data(CardRole), palette colours only."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.storage.models import LOST, WON
from app.ui import format as fmt
from app.ui.board.model import CardRole
from app.ui.theme import accent_color, mix, warning_color

MARGIN, PAD, LINE_GAP = 4, 8, 2


def tr(text: str) -> str:
    return QCoreApplication.translate("CardDelegate", text)


class _Fonts:
    """The fonts and metrics a card uses, made once per view font (not on every paint)."""

    def __init__(self, font: QFont):
        self.font = QFont(font)
        self.fm = QFontMetrics(self.font)
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.bfm = QFontMetrics(self.bold)
        self.small = QFont(font)
        self.small.setPointSizeF(max(font.pointSizeF() * 0.85, 6))
        self.sfm = QFontMetrics(self.small)


class CardDelegate(QStyledItemDelegate):
    def __init__(self, currency: str = "EUR", parent=None):
        super().__init__(parent)
        self.currency = currency
        self.today = dt.date.today()
        self._fonts: dict[str, _Fonts] = {}
        self._pixmaps: dict[tuple, QPixmap] = {}
        self._texts: dict[tuple, str] = {}  # formatted money and dates, reused across paints
        # Looked up once (the window is rebuilt when the language changes); literal tr()
        # calls so that lupdate finds them.
        self.words = {
            "Won": tr("Won"),
            "Lost": tr("Lost"),
            "No next action": tr("No next action"),
            "overdue": tr("overdue"),
            "today": tr("today"),
            "rotting": tr("rotting"),
        }

    def fonts(self, font: QFont) -> _Fonts:
        key = font.key()
        if key not in self._fonts:
            self._fonts[key] = _Fonts(font)
        return self._fonts[key]

    def text(self, kind: str, value) -> str:
        key = (kind, value)
        found = self._texts.get(key)
        if found is None:
            if len(self._texts) > 5000:
                self._texts.clear()
            found = (
                fmt.money(value, self.currency, decimals=False)
                if kind == "money"
                else fmt.date(value)
            )
            self._texts[key] = found
        return found

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        line = QFontMetrics(option.font).height()
        return QSize(200, 2 * MARGIN + 2 * PAD + 4 * line + 3 * LINE_GAP + 6)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        """Draw the card from a pixmap cache: after a drop the two columns re-read their rows,
        and most cards are unchanged (Card is a frozen, hashable value)."""
        card = index.data(CardRole)
        if card is None:
            return
        today = dt.date.today()
        if today != self.today:  # past midnight: "today" and "overdue" move, repaint all
            self.today = today
            self._pixmaps.clear()
        state = option.state & (QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus)
        dpr = painter.device().devicePixelRatioF()
        size = option.rect.size()
        key = (
            card,
            size.width(),
            size.height(),
            int(state.value),
            option.palette.cacheKey(),
            dpr,
            option.font.key(),
        )
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            if len(self._pixmaps) > 600:  # a few screens of cards
                self._pixmaps.clear()
            pixmap = QPixmap(size * dpr)
            pixmap.setDevicePixelRatio(dpr)
            pixmap.fill(Qt.GlobalColor.transparent)
            local = QStyleOptionViewItem(option)
            local.rect = QRect(QPoint(0, 0), size)
            card_painter = QPainter(pixmap)
            self._paint_card(card_painter, local, card)
            card_painter.end()
            self._pixmaps[key] = pixmap
        painter.drawPixmap(option.rect.topLeft(), pixmap)

    def _paint_card(self, painter: QPainter, option: QStyleOptionViewItem, card) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = option.palette
        rect = QRectF(option.rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        painter.setPen(
            QPen(
                pal.color(QPalette.ColorRole.Highlight)
                if selected or focused
                else pal.color(QPalette.ColorRole.Mid),
                2 if focused else 1,
            )
        )
        base = pal.color(QPalette.ColorRole.Base)
        if selected:
            base = mix(base, pal.color(QPalette.ColorRole.Highlight), 0.18)
        painter.setBrush(base)
        painter.drawRoundedRect(rect, 6, 6)
        if card.rotting:  # a stripe down the left edge: visible at a glance, even in a long list
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent_color(pal))
            painter.drawRoundedRect(QRectF(rect.left(), rect.top(), 5, rect.height()), 2, 2)

        inner = option.rect.adjusted(MARGIN + PAD, MARGIN + PAD - 2, -MARGIN - PAD, -MARGIN - PAD)
        fonts = self.fonts(option.font)
        font, fm = fonts.font, fonts.fm
        line_h = fm.height()
        text = pal.color(QPalette.ColorRole.Text)
        muted = mix(text, base, 0.4)
        y = inner.top()

        # Line 1: title (bold) and value on the right.
        value = self.text("money", card.value_minor)
        bold, bfm = fonts.bold, fonts.bfm
        value_w = bfm.horizontalAdvance(value)
        painter.setFont(bold)
        painter.setPen(text)
        painter.drawText(
            QRect(inner.right() - value_w, y, value_w, line_h), Qt.AlignmentFlag.AlignRight, value
        )
        title = card.title
        if card.status in (WON, LOST):
            title = f"{self.words['Won'] if card.status == WON else self.words['Lost']}: {title}"
        painter.drawText(
            QRect(inner.left(), y, inner.width() - value_w - 8, line_h),
            Qt.AlignmentFlag.AlignLeft,
            bfm.elidedText(title, Qt.TextElideMode.ElideRight, inner.width() - value_w - 8),
        )
        y += line_h + LINE_GAP

        # Line 2: company and expected close.
        painter.setFont(font)
        painter.setPen(muted)
        close = self.text("date", card.expected_close) if card.expected_close else ""
        close_w = fm.horizontalAdvance(close)
        painter.drawText(
            QRect(inner.right() - close_w, y, close_w, line_h), Qt.AlignmentFlag.AlignRight, close
        )
        painter.drawText(
            QRect(inner.left(), y, inner.width() - close_w - 8, line_h),
            Qt.AlignmentFlag.AlignLeft,
            fm.elidedText(card.company, Qt.TextElideMode.ElideRight, inner.width() - close_w - 8),
        )
        y += line_h + LINE_GAP

        # Line 3: next action with its due date, or a visible flag when there is none.
        if card.status in (WON, LOST):
            action, color = "", muted
        elif card.next_action is None:
            action, color = "⚑ " + self.words["No next action"], warning_color(pal)
        else:
            due = card.next_due
            when = ""
            color = text
            if due is not None:
                if due < self.today:
                    when, color = (
                        self.words["overdue"] + " " + self.text("date", due),
                        warning_color(pal),
                    )
                elif due == self.today:
                    when, color = self.words["today"], accent_color(pal)
                else:
                    when = self.text("date", due)
            action = f"→ {card.next_action}" + (f" · {when}" if when else "")
        painter.setPen(color)
        painter.drawText(
            QRect(inner.left(), y, inner.width(), line_h),
            Qt.AlignmentFlag.AlignLeft,
            fm.elidedText(action, Qt.TextElideMode.ElideRight, inner.width()),
        )
        y += line_h + LINE_GAP

        # Line 4: rotting mark and tags as chips.
        x = inner.left()
        small, sfm = fonts.small, fonts.sfm
        painter.setFont(small)
        chips = ([(self.words["rotting"], accent_color(pal))] if card.rotting else []) + [
            (t, pal.color(QPalette.ColorRole.Highlight)) for t in card.tags
        ]
        for label, chip_color in chips:
            w = sfm.horizontalAdvance(label) + 10
            if x + w > inner.right():
                break
            chip = QRectF(x, y + 1, w, sfm.height() + 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(mix(chip_color, base, 0.75))
            painter.drawRoundedRect(chip, 4, 4)
            painter.setPen(text)
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
            x += w + 4
        painter.restore()
