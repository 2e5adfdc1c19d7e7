"""One company: its fields, contacts, deals and activity timeline; log and schedule activities."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services import Services
from app.services.company_queries import CompanyQueries
from app.storage.models import LOST, OPEN, WON
from app.ui import format as fmt
from app.ui.companies.common import (
    ID_ROLE,
    RefreshOnChange,
    RowsModel,
    four_digit_year,
    reschedule_menu,
)
from app.ui.theme import warning_color
from app.ui.undo import try_undoable

# Activity kinds a salesperson logs after the fact (a task is planned, not logged).
LOG_KINDS = ("call", "meeting", "email", "note")


def kind_names(widget: QWidget) -> dict[str, str]:
    return {
        "call": QCoreApplication.translate("Activity", "Call"),
        "meeting": QCoreApplication.translate("Activity", "Meeting"),
        "email": QCoreApplication.translate("Activity", "Email"),
        "task": QCoreApplication.translate("Activity", "Task"),
        "note": QCoreApplication.translate("Activity", "Note"),
        "tag": QCoreApplication.translate("Activity", "Action tag"),
    }


def status_names(widget: QWidget) -> dict[str, str]:
    return {
        OPEN: QCoreApplication.translate("Activity", "Open"),
        WON: QCoreApplication.translate("Activity", "Won"),
        LOST: QCoreApplication.translate("Activity", "Lost"),
    }


class CompanyDetail(QWidget):
    """Shows one company (set_company); every write goes through the undo stack."""

    dealRequested = Signal(int)  # a deal of this company was double-clicked
    closeRequested = Signal()  # the pane's close button

    def __init__(self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self._services, self._stack = services, undo_stack
        self._queries = CompanyQueries(services)
        self._company_id: int | None = None
        self._form_company: int | None = None  # whose fields the form shows
        self._loaded: dict | None = None
        self._locale = QLocale()
        self._currency = services.currency()
        self._kinds = kind_names(self)
        self._build()
        self._watch = RefreshOnChange(self, services, self.reload)
        self.set_company(None)

    # ---- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)

        self.name_edit = QLineEdit()
        self.stage_combo = QComboBox()
        self.group_combo = QComboBox()
        self.group_combo.setEditable(True)
        self.source_combo = QComboBox()
        self.source_combo.setEditable(True)
        self.entered_edit = four_digit_year(QDateEdit())
        self.entered_edit.setCalendarPopup(True)
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("comma-separated, e.g. call back, VIP"))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setMaximumHeight(70)
        self.save_button = QPushButton(self.tr("Save changes"))
        self.save_button.clicked.connect(self.save_fields)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Funnel stage"), self.stage_combo)
        form.addRow(self.tr("Group"), self.group_combo)
        form.addRow(self.tr("Source"), self.source_combo)
        form.addRow(self.tr("Entered"), self.entered_edit)
        form.addRow(self.tr("Tags"), self.tags_edit)
        form.addRow(self.tr("Notes"), self.notes_edit)
        for w in (self.name_edit, self.tags_edit):
            w.textEdited.connect(self._dirty)
        for c in (self.group_combo, self.source_combo):
            c.editTextChanged.connect(self._dirty)
        self.entered_edit.dateChanged.connect(self._dirty)
        self.notes_edit.textChanged.connect(self._dirty)
        self.stage_combo.activated.connect(self._stage_chosen)

        # Logging: type what happened (optional), then one click on its kind.
        self.log_subject = QLineEdit()
        self.log_subject.setPlaceholderText(self.tr("What happened? (optional)"))
        log_row = QHBoxLayout()
        self.log_buttons: dict[str, QPushButton] = {}
        for kind in LOG_KINDS:
            button = QPushButton(self._kinds[kind])
            button.setToolTip(
                self.tr("Log a %1 that happened now").replace("%1", self._kinds[kind])
            )
            button.clicked.connect(lambda _=False, k=kind: self.log_activity(k))
            log_row.addWidget(button)
            self.log_buttons[kind] = button

        self.next_subject = QLineEdit()
        self.next_subject.setPlaceholderText(self.tr("Next action, e.g. Send offer"))
        self.next_kind = QComboBox()
        for kind in ("task", "call", "meeting", "email"):
            self.next_kind.addItem(self._kinds[kind], kind)
        self.next_due = four_digit_year(QDateEdit())
        self.next_due.setCalendarPopup(True)
        self.schedule_button = QPushButton(self.tr("Schedule"))
        self.schedule_button.clicked.connect(self._schedule_clicked)
        self.next_subject.returnPressed.connect(self._schedule_clicked)
        next_row = QHBoxLayout()
        next_row.addWidget(self.next_kind)
        next_row.addWidget(self.next_due)
        next_row.addStretch(1)
        next_row.addWidget(self.schedule_button)

        # Timeline, contacts, deals.
        self.timeline_model = RowsModel(
            [self.tr("Due / done"), self.tr("Kind"), self.tr("Subject"), self.tr("Deal")],
            self._timeline_cell,
            self,
            foreground=self._timeline_foreground,
        )
        self.timeline = _table(self.timeline_model, stretch=2)
        for column in (0, 1):
            self.timeline.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.clicked.connect(self._complete_selected)
        self.reschedule_button = QToolButton()
        self.reschedule_button.setText(self.tr("Reschedule"))
        self.reschedule_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.reschedule_button.setMenu(reschedule_menu(self, self._reschedule_selected))
        self.reopen_button = QPushButton(self.tr("Reopen"))
        self.reopen_button.clicked.connect(self._reopen_selected)
        self.timeline.selectionModel().selectionChanged.connect(self._timeline_selection)
        self.timeline.doubleClicked.connect(lambda _i: self._complete_selected())

        self.contacts_model = RowsModel(
            [self.tr("Name"), self.tr("Role"), self.tr("Email"), self.tr("Phone")],
            lambda r, c: r[c + 1],
            self,
        )
        self.contacts_table = _table(self.contacts_model, stretch=0)
        self.add_contact_button = QPushButton(self.tr("Add contact…"))
        self.add_contact_button.clicked.connect(self._add_contact_clicked)

        self.deals_model = RowsModel(
            [
                self.tr("Deal"),
                self.tr("Stage"),
                self.tr("Status"),
                self.tr("Value"),
                self.tr("Expected close"),
            ],
            self._deal_cell,
            self,
            alignment=lambda c: (
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                if c == 3
                else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            ),
        )
        self.deals_table = _table(self.deals_model, stretch=0)
        for column in (1, 2, 3, 4):
            self.deals_table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        self.deals_table.doubleClicked.connect(lambda i: self.dealRequested.emit(i.data(ID_ROLE)))

        timeline_page = QWidget()
        tl = QVBoxLayout(timeline_page)
        tl.setContentsMargins(0, 4, 0, 0)
        tl.addWidget(self.timeline, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.reschedule_button)
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        tl.addLayout(buttons)
        contacts_page = QWidget()
        cl = QVBoxLayout(contacts_page)
        cl.setContentsMargins(0, 4, 0, 0)
        cl.addWidget(self.contacts_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_contact_button)
        row.addStretch(1)
        cl.addLayout(row)
        self.tabs = QTabWidget()
        self.tabs.addTab(timeline_page, self.tr("Activities"))
        self.tabs.addTab(contacts_page, self.tr("Contacts"))
        self.tabs.addTab(self.deals_table, self.tr("Deals"))

        self.empty = QLabel(self.tr("Select a company to see its details."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Close the details"))
        self.close_button.clicked.connect(self.closeRequested)
        title_row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        body.addLayout(title_row)
        body.addWidget(self.subtitle)
        body.addLayout(form)
        save_row = QHBoxLayout()
        save_row.addWidget(self.message, 1)
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        body.addLayout(save_row)
        body.addWidget(_section(self.tr("Log an activity")))
        body.addWidget(self.log_subject)
        body.addLayout(log_row)
        body.addWidget(_section(self.tr("Schedule the next action")))
        body.addWidget(self.next_subject)
        body.addLayout(next_row)
        body.addWidget(self.tabs, 1)

        outer = QVBoxLayout(self)
        outer.addWidget(self.empty)
        outer.addWidget(self.body, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

    # ---- showing -------------------------------------------------------------------------
    @property
    def company_id(self) -> int | None:
        return self._company_id

    def set_company(self, company_id: int | None) -> None:
        self._company_id = company_id
        self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._watch.shown()

    def reload(self) -> None:
        self._watch.mark_fresh()
        detail = self._queries.detail(self._company_id) if self._company_id else None
        if detail is not None and detail["deleted_at"] is not None:
            detail = None
        self._loaded = detail
        self.empty.setVisible(detail is None)
        self.body.setVisible(detail is not None)
        if detail is None:
            self._company_id = self._form_company = None
            for model in (self.timeline_model, self.contacts_model, self.deals_model):
                model.set_rows([])
            return
        self.title.setText(detail["name"])
        last = detail["last_contact"]
        self.subtitle.setText(
            self.tr("Last contact: %1").replace(
                "%1", fmt.date(last.date(), self._locale) if last else self.tr("never")
            )
        )
        self.stage_combo.clear()
        for stage_id, name in self._services.stages.funnel_stages():
            self.stage_combo.addItem(fmt.stage(name), stage_id)
        self.stage_combo.setCurrentIndex(self.stage_combo.findData(detail["funnel_stage_id"]))
        # Edits not saved yet survive a refresh caused by another change (logging a call,
        # a bulk action): the form is refilled for another company or once saved.
        keep_edits = self._form_company == self._company_id and self.save_button.isEnabled()
        if not keep_edits:
            self._form_company = self._company_id
            _fill(self.group_combo, self._queries.groups(), detail["group"])
            _fill(self.source_combo, self._queries.sources(), detail["source"])
            self.name_edit.setText(detail["name"])
            day = detail["entered_on"]
            self.entered_edit.setDate(QDate(day.year, day.month, day.day))
            self.tags_edit.setText(", ".join(detail["tags"]))
            self.notes_edit.setPlainText(detail["notes"])
            self.next_due.setDate(QDate.currentDate().addDays(1))
        self.timeline_model.set_rows(self._queries.timeline(self._company_id))
        self.contacts_model.set_rows(self._queries.contacts_of(self._company_id))
        self.deals_model.set_rows(self._queries.deals_of(self._company_id))
        self.tabs.setTabText(
            1, self.tr("Contacts (%1)").replace("%1", str(self.contacts_model.rowCount()))
        )
        self.tabs.setTabText(
            2, self.tr("Deals (%1)").replace("%1", str(self.deals_model.rowCount()))
        )
        self.save_button.setEnabled(keep_edits)
        self._timeline_selection()

    def _dirty(self, *_args) -> None:
        self.save_button.setEnabled(self._company_id is not None)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # ---- writes --------------------------------------------------------------------------
    def _undoable(self, text: str, action) -> bool:
        """Run one write as one undo step; a refused input shows its message here."""
        company_id = self._company_id
        if company_id is None:
            return False
        message = try_undoable(self._stack, self._services, text, action, company_ids=[company_id])
        self._show_message(message or "")
        return message is None

    def save_fields(self) -> bool:
        if self._loaded is None:
            return False
        company_id = self._company_id
        fields = {
            "name": self.name_edit.text(),
            "group": self.group_combo.currentText().strip(),
            "source": self.source_combo.currentText().strip(),
            "entered_on": self.entered_edit.date().toPython(),
            "notes": self.notes_edit.toPlainText(),
        }
        changed = {k: v for k, v in fields.items() if v != self._loaded[k]}
        wanted = [t.strip() for t in self.tags_edit.text().split(",") if t.strip()]
        added = [t for t in wanted if t not in self._loaded["tags"]]
        removed = [t for t in self._loaded["tags"] if t not in wanted]

        def action() -> None:
            if changed:
                self._services.companies.update(company_id, **changed)
            for tag in added:
                self._services.companies.add_tag([company_id], tag)
            for tag in removed:
                self._services.companies.remove_tag([company_id], tag)

        if not (changed or added or removed):
            self.save_button.setEnabled(False)
            return False
        saved = self._undoable(self.tr("Edit company"), action)
        if saved:
            self.save_button.setEnabled(False)  # the next refresh shows what was saved
        return saved

    def _stage_chosen(self, index: int) -> None:
        stage_id = self.stage_combo.itemData(index)
        if self._loaded and stage_id != self._loaded["funnel_stage_id"]:
            self.set_funnel_stage(stage_id)

    def set_funnel_stage(self, stage_id: int) -> bool:
        company_id = self._company_id
        return self._undoable(
            self.tr("Move company to %1").replace("%1", self._stage_name(stage_id)),
            lambda: self._services.companies.set_funnel_stage([company_id], stage_id),
        )

    def _stage_name(self, stage_id: int) -> str:
        return fmt.stage(dict(self._services.stages.funnel_stages()).get(stage_id, ""))

    def log_activity(self, kind: str, subject: str | None = None) -> bool:
        """One click: log a call/meeting/email/note that happened now."""
        company_id = self._company_id
        text = (subject if subject is not None else self.log_subject.text()).strip()
        text = text or self._kinds[kind]
        ok = self._undoable(
            self.tr("Log %1").replace("%1", self._kinds[kind]),
            lambda: self._services.activities.log(text, kind=kind, company_id=company_id),
        )
        if ok:
            self.log_subject.clear()
        return ok

    def _schedule_clicked(self) -> None:
        self.schedule_next(
            self.next_subject.text(),
            self.next_due.date().toPython(),
            self.next_kind.currentData(),
        )

    def schedule_next(self, subject: str, due_on: dt.date, kind: str = "task") -> bool:
        company_id = self._company_id
        ok = self._undoable(
            self.tr("Schedule %1").replace("%1", subject.strip()),
            lambda: self._services.activities.schedule(
                subject, due_on, kind=kind, company_id=company_id
            ),
        )
        if ok:
            self.next_subject.clear()
        return ok

    def _selected_activity(self) -> tuple | None:
        rows = self.timeline.selectionModel().selectedRows()
        return self.timeline_model.row_at(rows[0].row()) if rows else None

    def _timeline_selection(self, *_args) -> None:
        row = self._selected_activity()
        is_open = row is not None and row[5] is None
        self.done_button.setEnabled(is_open)
        self.reschedule_button.setEnabled(is_open)
        self.reopen_button.setEnabled(row is not None and row[5] is not None)

    def complete_activity(self, activity_id: int) -> bool:
        return self._undoable(
            self.tr("Complete activity"), lambda: self._services.activities.complete(activity_id)
        )

    def _complete_selected(self) -> None:
        row = self._selected_activity()
        if row is not None and row[5] is None:
            self.complete_activity(row[0])

    def _reopen_selected(self) -> None:
        row = self._selected_activity()
        if row is not None and row[5] is not None:
            activity_id = row[0]
            self._undoable(
                self.tr("Reopen activity"), lambda: self._services.activities.reopen(activity_id)
            )

    def _reschedule_selected(self, day: dt.date) -> None:
        row = self._selected_activity()
        if row is not None:
            self.reschedule_activity(row[0], day)

    def reschedule_activity(self, activity_id: int, day: dt.date) -> bool:
        return self._undoable(
            self.tr("Reschedule activity"),
            lambda: self._services.activities.reschedule(activity_id, day),
        )

    def _add_contact_clicked(self) -> None:
        dialog = ContactDialog(self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            if self.add_contact(**dialog.values()):
                return
            dialog.show_error(self.message.text())

    def add_contact(self, name: str, role: str = "", email: str = "", phone: str = "") -> bool:
        company_id = self._company_id
        return self._undoable(
            self.tr("Add contact %1").replace("%1", name.strip()),
            lambda: self._services.companies.create_contact(
                company_id, name, role=role, email=email, phone=phone
            ),
        )

    # ---- cells ---------------------------------------------------------------------------
    def _timeline_cell(self, r: tuple, column: int):
        _id, kind, subject, deal, due, done = r
        if column == 0:
            if done is not None:
                return self.tr("done %1").replace("%1", fmt.date(done.date(), self._locale))
            return self.tr("due %1").replace("%1", fmt.date(due, self._locale)) if due else ""
        if column == 1:
            return self._kinds.get(kind, kind)
        if column == 2:
            return subject
        return deal or ""

    def _timeline_foreground(self, r: tuple, column: int):
        due, done = r[4], r[5]
        if done is None and due is not None and due < dt.date.today():
            return warning_color(self.palette())
        return None

    def _deal_cell(self, r: tuple, column: int):
        _id, title, stage, status, value, expected, _closed = r
        if column == 0:
            return title
        if column == 1:
            return stage
        if column == 2:
            return status_names(self).get(status, status)
        if column == 3:
            return fmt.money(value, self._currency, self._locale)
        return fmt.date(expected, self._locale)


class ContactDialog(QDialog):
    """Name, role, email and phone of a new contact."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New contact"))
        self.name = QLineEdit()
        self.role = QLineEdit()
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Email"), self.email)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        return {
            "name": self.name.text(),
            "role": self.role.text(),
            "email": self.email.text(),
            "phone": self.phone.text(),
        }

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setStyleSheet(f"color: {warning_color(self.palette()).name()}")
        self.error.show()


def _table(model, stretch: int) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setDefaultSectionSize(110)
    return table


def _section(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 6, 0, 0)
    return label


def _fill(combo: QComboBox, values: list[str], current: str) -> None:
    combo.blockSignals(True)
    combo.clear()
    combo.addItems(values)
    combo.setEditText(current)
    combo.blockSignals(False)
