"""One stage column as a Qt list model: paged rows of cards, deal ids as drag-and-drop MIME."""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, QObject, Qt

from app.services import Services
from app.services.board import BoardFilter, Card

MIME_TYPE = "application/x-dealboard-deal-ids"
# Enough rows to fill a tall column (a card is ~90 px); more load as the user scrolls, and a
# drop re-reads only what was loaded, so a small page keeps drops cheap.
PAGE_SIZE = 30
CardRole = Qt.ItemDataRole.UserRole + 1
DealIdRole = Qt.ItemDataRole.UserRole + 2

# Called on a drop: (deal ids, target stage id, row or None) → True when the move committed.
DropHandler = Callable[[list[int], int, "int | None"], bool]


def encode_ids(deal_ids: list[int]) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_TYPE, QByteArray(json.dumps(deal_ids).encode()))
    return mime


def decode_ids(mime: QMimeData) -> list[int] | None:
    """The deal ids a drag carries, or None for anything that is not ours and well-formed."""
    if not mime.hasFormat(MIME_TYPE):
        return None
    try:
        ids = json.loads(bytes(mime.data(MIME_TYPE).data()).decode())
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(ids, list) or not all(isinstance(i, int) for i in ids) or not ids:
        return None
    return ids


class StageColumnModel(QAbstractListModel):
    """Open deals of one stage in board order, loaded a page at a time."""

    def __init__(
        self,
        services: Services,
        stage_id: int,
        drop_handler: DropHandler | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._services = services
        self.stage_id = stage_id
        self._drop_handler = drop_handler
        self._filter = BoardFilter()
        self._cards: list[Card] = []
        self._total = 0

    # ---- loading -------------------------------------------------------------------------
    def reload(self, board_filter: BoardFilter | None = None, total: int | None = None) -> None:
        """Re-read as many rows as were loaded (at least a page), keeping the scroll depth."""
        if board_filter is not None:
            self._filter = board_filter
        if total is not None:
            self._total = total
        keep = max(PAGE_SIZE, len(self._cards))
        self.beginResetModel()
        self._cards = self._services.board.page(self.stage_id, 0, keep, self._filter)
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._cards) < self._total

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = self._services.board.page(self.stage_id, len(self._cards), PAGE_SIZE, self._filter)
        if not more:
            self._total = len(self._cards)
            return
        self.beginInsertRows(QModelIndex(), len(self._cards), len(self._cards) + len(more) - 1)
        self._cards.extend(more)
        self.endInsertRows()

    # ---- reading -------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        card = self._cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card.title
        if role == CardRole:
            return card
        if role == DealIdRole:
            return card.deal_id
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{card.title}\n{card.company}" if card.company else card.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible_text(card)
        return None

    def _accessible_text(self, card: Card) -> str:
        parts = [card.title, card.company]
        if card.next_action:
            parts.append(self.tr("Next action: %1").replace("%1", card.next_action))
        else:
            parts.append(self.tr("No next action"))
        if card.rotting:
            parts.append(self.tr("Rotting"))
        return ", ".join(p for p in parts if p)

    def row_of(self, deal_id: int) -> int | None:
        for row, card in enumerate(self._cards):
            if card.deal_id == deal_id:
                return row
        return None

    # ---- drag and drop -------------------------------------------------------------------
    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return (
            base
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | (Qt.ItemFlag.ItemIsDragEnabled)
        )

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return encode_ids([self._cards[r].deal_id for r in rows])

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return action == Qt.DropAction.MoveAction and decode_ids(data) is not None

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        ids = decode_ids(data)
        if ids is None or action != Qt.DropAction.MoveAction or self._drop_handler is None:
            return False
        if parent.isValid():  # dropped onto a card: insert before it
            row = parent.row()
        target_row = None if row < 0 else row
        # The move happens in the database; every column then reloads from it, so the source
        # view's removeRows (a no-op here) cannot drop a card the database still holds.
        return self._drop_handler(ids, self.stage_id, self._rank_of_row(target_row, ids))

    def _rank_of_row(self, row: int | None, moving: list[int]) -> int | None:
        """A view row → the index among the column's other deals (the moving ones excluded)."""
        if row is None:
            return None
        return sum(1 for card in self._cards[:row] if card.deal_id not in moving)
