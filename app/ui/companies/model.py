"""The companies table's Qt model: pages of CompanyRow loaded on demand, sorted in SQL."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from app.services import Services
from app.services.company_queries import CompanyFilter, CompanyQueries, CompanyRow
from app.ui import format as fmt
from app.ui.companies.common import ID_ROLE, PAGE, PagedTableModel
from app.ui.theme import warning_color

# Columns: (key, sort key). The header texts are translated in headerData.
COLUMNS = (
    ("name", "name"),
    ("group", "group"),
    ("funnel_stage", "funnel_stage"),
    ("source", "source"),
    ("entered_on", "entered_on"),
    ("last_contact", "last_contact"),
    ("next_action", "next_action"),
    ("next_due", "next_due"),
    ("tags", "tags"),
    ("open_deals", "open_deals"),
    ("open_value", "open_value"),
)
COLUMN = {key: i for i, (key, _) in enumerate(COLUMNS)}
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the whole CompanyRow

_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_FONT = Qt.ItemDataRole.FontRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_FIRST_NUMBER = COLUMN["open_deals"]
_NEXT_ACTION = COLUMN["next_action"]
_NEXT_COLUMNS = (COLUMN["next_action"], COLUMN["next_due"])


class CompanyTableModel(PagedTableModel):
    def __init__(self, services: Services, parent: QObject | None = None):
        super().__init__(parent)
        self._services = services
        self._queries = CompanyQueries(services)
        self._filter = CompanyFilter()
        self._sort, self._descending = "name", False
        self._rows: list[CompanyRow] = []
        self._texts: list[tuple[str, ...] | None] = []  # display texts, parallel to _rows
        self._locale = QLocale()
        self._currency = services.currency()
        self._today = dt.date.today()
        self._loaded = False  # nothing is read before the first filter arrives
        self._header_texts: list[str] | None = None

    # ---- state ---------------------------------------------------------------------------
    @property
    def filter(self) -> CompanyFilter:
        return self._filter

    def set_filter(self, f: CompanyFilter) -> None:
        self._filter = f
        self.reload()

    def reload(self) -> None:
        """Start again at the first page (after a filter or sort change)."""
        self.beginResetModel()
        self._loaded = True
        self._today = dt.date.today()
        self._total = self._queries.count(self._filter)
        self._rows = self._queries.page(self._filter, self._sort, self._descending, 0, PAGE)
        self._texts = self._format(self._rows)
        self.endResetModel()

    def refresh(self) -> None:
        """Re-read the loaded rows after a write; keeps rows (and the selection) in place when
        the order did not change, so a logged call only repaints its line."""
        loaded = max(len(self._rows), PAGE)
        ids = self._queries.ids(self._filter, self._sort, self._descending, 0, loaded)
        total = self._queries.count(self._filter)
        if ids != [r.company_id for r in self._rows] or total != self._total:
            self.beginResetModel()
            self._total = total
            self._rows = self._queries.rows(ids)
            self._texts = self._format(self._rows)
            self.endResetModel()
            return
        fresh = self._queries.rows(ids)
        changed = [i for i, (a, b) in enumerate(zip(self._rows, fresh, strict=True)) if a != b]
        self._rows = fresh
        self._texts = self._format(fresh)
        if changed:
            self.dataChanged.emit(
                self.index(min(changed), 0), self.index(max(changed), len(COLUMNS) - 1)
            )

    @property
    def order(self) -> tuple[str, bool]:
        """(sort key, descending) of the table."""
        return self._sort, self._descending

    def row_of(self, company_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.company_id == company_id:
                return i
        return None

    def company_at(self, row: int) -> CompanyRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # ---- paging --------------------------------------------------------------------------
    def _page(self, offset: int, limit: int) -> list[CompanyRow]:
        return self._queries.page(self._filter, self._sort, self._descending, offset, limit)

    def _appended(self, rows: list[CompanyRow]) -> None:
        self._texts.extend(self._format(rows))

    def fetch_all(self) -> None:
        while self.canFetchMore():
            self.fetchMore()

    # ---- Qt model ------------------------------------------------------------------------
    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if self._header_texts is None:
                self._header_texts = self._headers()
            return self._header_texts[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section >= COLUMN["open_deals"]:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Group"),
            self.tr("Funnel stage"),
            self.tr("Source"),
            self.tr("Entered"),
            self.tr("Last contact"),
            self.tr("Next action"),
            self.tr("Due"),
            self.tr("Tags"),
            self.tr("Open deals"),
            self.tr("Open value"),
        ]

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key, descending = COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder
        if self._loaded and (key, descending) == (self._sort, self._descending):
            return
        self._sort, self._descending = key, descending
        if self._loaded:  # the view's sort indicator, set while building, reads nothing yet
            self.reload()

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else _NO_FLAGS

    def data(self, index: QModelIndex, role=_DISPLAY):
        # Painting asks for several roles per visible cell: the display texts are formatted
        # once per loaded row, and the other roles answer from plain comparisons.
        row = index.row()
        if not 0 <= row < len(self._rows):
            return None
        column = index.column()
        if role == _DISPLAY:
            texts = self._texts[row]
            if texts is None:
                texts = self._texts[row] = tuple(
                    self._display(self._rows[row], key) for key, _ in COLUMNS
                )
            return texts[column]
        r = self._rows[row]
        if role == ID_ROLE:
            return r.company_id
        if role == ROW_ROLE:
            return r
        if role == _ALIGN:
            return _RIGHT if column >= _FIRST_NUMBER else None
        if role == _FOREGROUND and column in _NEXT_COLUMNS:
            if r.next_due is not None and r.next_due < self._today:
                return warning_color(QApplication.palette())
            if r.next_action is None:
                return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
            return None
        if role == _FONT and column == _NEXT_ACTION and r.next_is_tag:
            font = QFont()
            font.setItalic(True)
            return font
        if role == _TOOLTIP:
            key = COLUMNS[column][0]
            if key == "next_action" and r.next_is_tag:
                return self.tr("Action tag: %1").replace("%1", r.next_action or "")
            if key == "tags" and r.tags:
                return ", ".join(r.tags)
            if key == "name":
                return r.name
        return None

    @staticmethod
    def _format(rows: list[CompanyRow]) -> list[tuple[str, ...] | None]:
        """Placeholders: a row's texts are formatted when it is first painted."""
        return [None] * len(rows)

    def _display(self, r: CompanyRow, key: str):
        if key == "name":
            return r.name
        if key == "group":
            return r.group
        if key == "funnel_stage":
            return fmt.stage(r.funnel_stage)
        if key == "source":
            return r.source
        if key == "entered_on":
            return fmt.date(r.entered_on, self._locale)
        if key == "last_contact":
            return fmt.date(r.last_contact.date(), self._locale) if r.last_contact else ""
        if key == "next_action":
            return r.next_action or self.tr("— none —")
        if key == "next_due":
            return fmt.date(r.next_due, self._locale)
        if key == "tags":
            return ", ".join(r.tags)
        if key == "open_deals":
            return self._locale.toString(r.open_deals) if r.open_deals else ""
        if key == "open_value":
            return (
                fmt.money(r.open_value_minor, self._currency, self._locale) if r.open_deals else ""
            )
        return None
