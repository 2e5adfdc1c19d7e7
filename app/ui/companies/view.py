"""The companies view: a filterable, sortable, paged table with bulk actions and a detail pane."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services import Services
from app.services.company_queries import CompanyFilter, CompanyQueries
from app.ui import format as fmt
from app.ui.companies.common import PAGE, ChoiceCombo, RefreshOnChange
from app.ui.companies.detail import CompanyDetail
from app.ui.companies.model import COLUMN, CompanyTableModel
from app.ui.theme import warning_color
from app.ui.undo import try_undoable

# show_company reads up to this many pages to reach a company; further down, it searches.
FAR_PAGES = 5

_ALL = None  # combo item data meaning "no filter"


class CompaniesView(QWidget):
    """Companies of the funnel. Main window: wire FunnelView.cohortRequested to show_cohort,
    ContactsView.companyRequested to show_company, and dealRequested to the deal editor."""

    dealRequested = Signal(int)

    def __init__(self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self._services, self._stack = services, undo_stack
        self._queries = CompanyQueries(services)
        self._cohort_filter: CompanyFilter | None = None
        self._cohort_description = ""
        self._locale = QLocale()
        self.model = CompanyTableModel(services, self)
        self._build()
        self._fill_choices()
        self._apply_filter()
        self._watch = RefreshOnChange(self, services, self.refresh)

    # ---- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search companies, tags, contacts…"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())

        q = self._queries
        self.group_filter = ChoiceCombo(self.tr("All groups"), lambda: _pairs(q.groups()))
        self.stage_filter = ChoiceCombo(
            self.tr("All funnel stages"),
            lambda: [(fmt.stage(n), s) for s, n in self._services.stages.funnel_stages()],
        )
        self.source_filter = ChoiceCombo(self.tr("All sources"), lambda: _pairs(q.sources()))
        self.tag_filter = ChoiceCombo(self.tr("All tags"), lambda: [(t, t) for t, _ in q.tags()])
        self.stage_filter.refill()  # a handful of rows; the others fill when opened
        for combo in (self.group_filter, self.stage_filter, self.source_filter, self.tag_filter):
            combo.activated.connect(lambda _i: self._apply_filter())
        self.no_next_action = QCheckBox(self.tr("No next action"))
        self.no_next_action.toggled.connect(lambda _c: self._apply_filter())
        self.no_contact = QCheckBox(self.tr("No contact for"))
        self.no_contact_days = QSpinBox()
        self.no_contact_days.setRange(1, 3650)
        self.no_contact_days.setValue(30)
        self.no_contact_days.setSuffix(self.tr(" days"))
        self.no_contact.toggled.connect(lambda _c: self._apply_filter())
        self.no_contact_days.valueChanged.connect(
            lambda _v: self.no_contact.isChecked() and self._apply_filter()
        )

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for combo in (self.group_filter, self.stage_filter, self.source_filter, self.tag_filter):
            filters.addWidget(combo)
        filters.addWidget(self.no_next_action)
        filters.addWidget(self.no_contact)
        filters.addWidget(self.no_contact_days)

        # The funnel cohort, when the view was opened from a funnel bar.
        self.cohort_bar = QFrame()
        self.cohort_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.cohort_label = QLabel()
        self.cohort_label.setWordWrap(True)
        self.cohort_clear = QPushButton(self.tr("Show all companies"))
        self.cohort_clear.clicked.connect(self.clear_cohort)
        cohort_row = QHBoxLayout(self.cohort_bar)
        cohort_row.setContentsMargins(8, 4, 8, 4)
        cohort_row.addWidget(self.cohort_label, 1)
        cohort_row.addWidget(self.cohort_clear)
        self.cohort_bar.hide()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)  # no empty band right of the table
        self._size_columns()
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        # The detail pane is built when a company is first opened; until then the table has
        # the full width.
        self._detail: CompanyDetail | None = None
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)

        # Bulk actions on the selected rows: each one transaction and one undo step.
        self.stage_button = QToolButton()
        self.stage_button.setText(self.tr("Set funnel stage"))
        self.stage_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.stage_menu = QMenu(self)
        self.stage_button.setMenu(self.stage_menu)
        self.group_button = QPushButton(self.tr("Set group…"))
        self.group_button.clicked.connect(self._ask_group)
        self.add_tag_button = QPushButton(self.tr("Add tag…"))
        self.add_tag_button.clicked.connect(self._ask_add_tag)
        self.remove_tag_button = QPushButton(self.tr("Remove tag…"))
        self.remove_tag_button.clicked.connect(self._ask_remove_tag)
        self.status = QLabel()
        self.message = QLabel()
        self.message.hide()
        bulk = QHBoxLayout()
        bulk.addWidget(self.status)
        bulk.addWidget(self.message, 1)
        bulk.addStretch(1)
        for w in (
            self.stage_button,
            self.group_button,
            self.add_tag_button,
            self.remove_tag_button,
        ):
            bulk.addWidget(w)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.cohort_bar)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bulk)
        self._update_bulk_buttons()

    @property
    def detail(self) -> CompanyDetail:
        if self._detail is None:
            self._detail = CompanyDetail(self._services, self._stack)
            self._detail.dealRequested.connect(self.dealRequested)
            self._detail.closeRequested.connect(self._detail.hide)
            self._detail.hide()
            self.splitter.addWidget(self._detail)
            self.splitter.setStretchFactor(0, 3)
            self.splitter.setStretchFactor(1, 2)
            width = max(self.splitter.width(), 1260)
            self.splitter.setSizes([width - 440, 440])
        return self._detail

    def _size_columns(self) -> None:
        """Widths from the header texts and typical contents in this locale and font."""
        fm = self.table.fontMetrics()
        longest_stage = max(
            (fmt.stage(n) for _, n in self._services.stages.funnel_stages()), key=len
        )
        samples = {
            "name": "n" * 23,
            "group": "Öffentliche Hand",
            "funnel_stage": longest_stage,
            "source": "Google Ads",
            "entered_on": fmt.date(dt.date(2026, 12, 28), self._locale),
            "last_contact": fmt.date(dt.date(2026, 12, 28), self._locale),
            "next_action": "n" * 19,
            "next_due": fmt.date(dt.date(2026, 12, 28), self._locale),
            "tags": "call back, VIP",
            "open_deals": "000",
            "open_value": fmt.money(12_345_600, self._services.currency(), self._locale),
        }
        header = self.table.horizontalHeader()
        header_fm = header.fontMetrics()
        for key, sample in samples.items():
            column = COLUMN[key]
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            # Room for the sort arrow in the header and the cell margins.
            width = max(fm.horizontalAdvance(sample) + 14, header_fm.horizontalAdvance(title) + 28)
            header.resizeSection(column, width)

    def _fill_choices(self) -> None:
        """The funnel stages for the bulk menu (the filter combos fill when opened)."""
        # Display names: the default stages in the user's language (menus, undo texts).
        self._stages = [(sid, fmt.stage(n)) for sid, n in self._services.stages.funnel_stages()]
        self.stage_menu.clear()
        for stage_id, name in self._stages:
            action = self.stage_menu.addAction(name)
            action.triggered.connect(
                lambda _=False, s=stage_id: self.set_funnel_stage(self.selected_ids(), s)
            )

    # ---- filtering -----------------------------------------------------------------------
    def current_filter(self) -> CompanyFilter:
        cohort = self._cohort_filter.cohort if self._cohort_filter else None
        return CompanyFilter(
            text=self.search.text(),
            group=self.group_filter.currentData(),
            funnel_stage_id=self.stage_filter.currentData(),
            source=self.source_filter.currentData(),
            tag=self.tag_filter.currentData(),
            no_next_action=self.no_next_action.isChecked(),
            no_contact_days=self.no_contact_days.value() if self.no_contact.isChecked() else None,
            cohort=cohort,
        )

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(self.current_filter())
        self._after_reload()

    def set_filter(self, f: CompanyFilter) -> None:
        """Show exactly the companies of `f`, with the filter widgets showing it too."""
        widgets = (
            self.search,
            self.group_filter,
            self.stage_filter,
            self.source_filter,
            self.tag_filter,
            self.no_next_action,
            self.no_contact,
            self.no_contact_days,
        )
        for w in widgets:
            w.blockSignals(True)
        try:
            self.search.setText(f.text)
            self.group_filter.set_value(f.group)
            self.stage_filter.set_value(f.funnel_stage_id)
            self.source_filter.set_value(f.source)
            self.tag_filter.set_value(f.tag)
            self.no_next_action.setChecked(f.no_next_action)
            self.no_contact.setChecked(f.no_contact_days is not None)
            if f.no_contact_days is not None:
                self.no_contact_days.setValue(f.no_contact_days)
        finally:
            for w in widgets:
                w.blockSignals(False)
        self._cohort_filter = f if f.cohort is not None else None
        self._apply_filter()

    def show_cohort(self, f: CompanyFilter, description: str = "") -> None:
        """The companies behind a funnel bar (FunnelView.cohortRequested)."""
        self._cohort_description = description or self.tr("Funnel cohort")
        self.set_filter(f)
        self.cohort_bar.show()

    def clear_cohort(self) -> None:
        """Show all companies: drop the cohort and the filters that came with it."""
        self._cohort_filter = None
        self.cohort_bar.hide()
        self.set_filter(CompanyFilter())

    def show_company(self, company_id: int) -> None:
        """Select a company (e.g. from the contacts list), clearing filters that hide it.

        The table reads pages as it scrolls; a company further down than a few pages is
        found by its name in the search box instead of reading every row before it
        (at 10,000 companies that took 1.7 s)."""
        row = self._row_number(company_id)
        if row is None:
            self._cohort_filter = None
            self.cohort_bar.hide()
            self.set_filter(CompanyFilter())
            row = self._row_number(company_id)
        if row is not None and row >= self.model.rowCount() + FAR_PAGES * PAGE:
            found = self._queries.rows([company_id])
            self._cohort_filter = None
            self.cohort_bar.hide()
            self.set_filter(CompanyFilter(text=found[0].name))
            row = self._row_number(company_id)
        while row is not None and row >= self.model.rowCount() and self.model.canFetchMore():
            self.model.fetchMore()
        row = self.model.row_of(company_id)
        if row is None:
            self.detail.set_company(company_id)
            self.detail.show()
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _row_number(self, company_id: int) -> int | None:
        return self._queries.row_number(company_id, self.model.filter, *self.model.order)

    # ---- refresh -------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._watch.shown()

    def refresh(self) -> None:
        """After a committed write: new filter choices, re-read rows, keep the selection."""
        self._watch.mark_fresh()
        selected = self.selected_ids()
        self._fill_choices()
        self.model.refresh()
        self._reselect(selected)
        self._after_reload()

    def _reselect(self, company_ids: Sequence[int]) -> None:
        if not company_ids:
            return
        sel = self.table.selectionModel()
        wanted = set(company_ids)
        if set(self.selected_ids()) == wanted:
            return
        sel.clearSelection()
        for row in range(self.model.rowCount()):
            r = self.model.company_at(row)
            if r is not None and r.company_id in wanted:
                sel.select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )

    def _after_reload(self) -> None:
        count = self.tr("%Ln company(ies)", "", self.model.total)
        self.status.setText(count)
        if self._cohort_filter is not None:
            # Other filters may narrow the cohort further: the count follows them.
            self.cohort_label.setText(f"{self._cohort_description} — {count}")
        self._update_bulk_buttons()
        shown = self._detail.company_id if self._detail is not None else None
        if shown is not None and self.model.row_of(shown) is None and not self.selected_ids():
            self._detail.set_company(None)

    # ---- selection -----------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [r.company_id for r in map(self.model.company_at, rows) if r is not None]

    def _selection_changed(self, *_args) -> None:
        self._update_bulk_buttons()

    def _current_changed(self, current, _previous) -> None:
        r = self.model.company_at(current.row()) if current.isValid() else None
        if r is not None and r.company_id != self.detail.company_id:
            self.detail.set_company(r.company_id)
        if r is not None and self.detail.isHidden():
            self.detail.show()

    def _update_bulk_buttons(self) -> None:
        n = len(self.selected_ids())
        for w in (
            self.stage_button,
            self.group_button,
            self.add_tag_button,
            self.remove_tag_button,
        ):
            w.setEnabled(n > 0)
        if n > 1:
            self.status.setText(
                self.tr("%Ln company(ies), %1 selected", "", self.model.total).replace(
                    "%1", self._locale.toString(n)
                )
            )

    def _context_menu(self, pos) -> None:
        if not self.selected_ids():
            return
        menu = QMenu(self)
        stage = menu.addMenu(self.tr("Set funnel stage"))
        for stage_id, name in self._stages:
            action = stage.addAction(name)
            action.triggered.connect(
                lambda _=False, s=stage_id: self.set_funnel_stage(self.selected_ids(), s)
            )
        menu.addAction(self.tr("Set group…"), self._ask_group)
        menu.addAction(self.tr("Add tag…"), self._ask_add_tag)
        menu.addAction(self.tr("Remove tag…"), self._ask_remove_tag)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    # ---- bulk actions --------------------------------------------------------------------
    def _bulk(self, text: str, company_ids: Sequence[int], action) -> bool:
        ids = list(company_ids)
        if not ids:
            return False
        message = try_undoable(self._stack, self._services, text, action, company_ids=ids)
        if message is not None:
            self.message.setText(message)
            self.message.setStyleSheet(f"color: {warning_color(self.palette()).name()}")
            self.message.show()
            return False
        self.message.hide()
        return True

    def set_funnel_stage(self, company_ids: Sequence[int], stage_id: int) -> bool:
        name = dict(self._stages).get(stage_id, "")
        return self._bulk(
            self.tr("Move %n company(ies) to %1", "", len(company_ids)).replace("%1", name),
            company_ids,
            lambda: self._services.companies.set_funnel_stage(list(company_ids), stage_id),
        )

    def set_group(self, company_ids: Sequence[int], group: str) -> bool:
        return self._bulk(
            self.tr("Set group of %n company(ies)", "", len(company_ids)),
            company_ids,
            lambda: self._services.companies.set_group(list(company_ids), group),
        )

    def add_tag(self, company_ids: Sequence[int], tag: str) -> bool:
        if not tag.strip():
            return False
        return self._bulk(
            self.tr("Tag %n company(ies) with %1", "", len(company_ids)).replace("%1", tag.strip()),
            company_ids,
            lambda: self._services.companies.add_tag(list(company_ids), tag),
        )

    def remove_tag(self, company_ids: Sequence[int], tag: str) -> bool:
        if not tag.strip():
            return False
        return self._bulk(
            self.tr("Remove tag %1 from %n company(ies)", "", len(company_ids)).replace(
                "%1", tag.strip()
            ),
            company_ids,
            lambda: self._services.companies.remove_tag(list(company_ids), tag),
        )

    def _ask_group(self) -> None:
        group, ok = QInputDialog.getItem(
            self, self.tr("Set group"), self.tr("Group:"), self._queries.groups(), 0, True
        )
        if ok:
            self.set_group(self.selected_ids(), group)

    def _ask_add_tag(self) -> None:
        tags = [t for t, _ in self._queries.tags()]
        tag, ok = QInputDialog.getItem(self, self.tr("Add tag"), self.tr("Tag:"), tags, 0, True)
        if ok:
            self.add_tag(self.selected_ids(), tag)

    def _ask_remove_tag(self) -> None:
        tags = [t for t, _ in self._queries.tags()]
        if not tags:
            return
        tag, ok = QInputDialog.getItem(self, self.tr("Remove tag"), self.tr("Tag:"), tags, 0, False)
        if ok:
            self.remove_tag(self.selected_ids(), tag)


def _pairs(values: list[str]) -> list[tuple[str, str]]:
    return [(v, v) for v in values]
