"""Create or edit a deal: every field, company and contact picked or created inline."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.money import MAX_MINOR, AmountTooLarge, parse_amount
from app.services import ServiceError, Services
from app.services.company_queries import CompanyQueries
from app.ui import format as fmt


def _qdate(day: dt.date | None) -> QDate:
    day = day or dt.date.today()
    return QDate(day.year, day.month, day.day)


class DealEditor(QDialog):
    """Nothing is saved until every field is valid; each bad field says what is wrong."""

    def __init__(
        self,
        services: Services,
        deal_id: int | None = None,
        pipeline_id: int | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.services = services
        self.deal_id = deal_id
        self.setWindowTitle(self.tr("Edit deal") if deal_id else self.tr("New deal"))
        self.setMinimumWidth(520)
        data = services.deals.get(deal_id) if deal_id else {}
        pipeline_id = data.get("pipeline") or pipeline_id or services.stages.pipeline_id(None)
        self._stages = services.stages.pipeline_stages(pipeline_id)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors: dict[str, QLabel] = {}

        self.title = QLineEdit(data.get("title", ""))
        self._add(form, "title", self.tr("Title"), self.title)

        self._queries = CompanyQueries(services)
        names = self._queries.names()
        self.company = QComboBox()
        self.company.setEditable(True)
        self.company.addItems(names)
        self.company.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.company.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        company_name = data.get("company_name", "")
        self.company.setCurrentText(company_name)
        self.company.setToolTip(self.tr("Pick a company or type a new name to create it"))
        self._add(form, "company", self.tr("Company"), self.company)

        self.contact = QComboBox()
        self.contact.setEditable(True)
        self.company.currentTextChanged.connect(self._load_contacts)
        self._load_contacts(company_name)
        self.contact.setCurrentText(data.get("contact_name", ""))
        self._add(form, "contact", self.tr("Contact"), self.contact)

        self.value = QLineEdit(
            fmt.money(data["value_minor"], services.currency())
            .replace("€", "")
            .replace("$", "")
            .strip()
            if data.get("value_minor")
            else ""
        )
        self.value.setPlaceholderText(
            self.tr("e.g. %1").replace("%1", fmt.money(123456, services.currency()))
        )
        self._add(form, "value", self.tr("Value"), self.value)

        self.stage = QComboBox()
        for stage_id, name, *_ in self._stages:
            self.stage.addItem(fmt.stage(name), stage_id)
        if data.get("stage"):
            self.stage.setCurrentIndex(max(self.stage.findData(data["stage"]), 0))
        self._add(form, "stage", self.tr("Stage"), self.stage)

        close_row = QWidget()
        close_layout = QHBoxLayout(close_row)
        close_layout.setContentsMargins(0, 0, 0, 0)
        self.has_close = QCheckBox(self.tr("Expected close"))
        self.close_date = QDateEdit(_qdate(data.get("expected_close")))
        self.close_date.setCalendarPopup(True)
        self.has_close.setChecked(bool(data.get("expected_close")))
        self.close_date.setEnabled(self.has_close.isChecked())
        self.has_close.toggled.connect(self.close_date.setEnabled)
        close_layout.addWidget(self.has_close)
        close_layout.addWidget(self.close_date, 1)
        self._add(form, "expected_close", self.tr("Close date"), close_row)

        prob_row = QWidget()
        prob_layout = QHBoxLayout(prob_row)
        prob_layout.setContentsMargins(0, 0, 0, 0)
        self.override = QCheckBox(self.tr("Override"))
        self.probability = QSpinBox()
        self.probability.setRange(0, 100)
        self.probability.setSuffix(" %")
        self.stage_default = QLabel()
        self.override.setChecked(data.get("probability") is not None)
        self.probability.setValue(data.get("probability") or self._stage_probability())
        self.probability.setEnabled(self.override.isChecked())
        self.override.toggled.connect(self.probability.setEnabled)
        self.stage.currentIndexChanged.connect(self._show_stage_default)
        prob_layout.addWidget(self.override)
        prob_layout.addWidget(self.probability)
        prob_layout.addWidget(self.stage_default, 1)
        self._show_stage_default()
        self._add(form, "probability", self.tr("Probability"), prob_row)

        action_row = QWidget()
        action_layout = QHBoxLayout(action_row)
        action_layout.setContentsMargins(0, 0, 0, 0)
        self.next_action = QLineEdit()
        self.next_action.setPlaceholderText(self.tr("e.g. Call back about the offer"))
        self.next_due = QDateEdit(_qdate(dt.date.today() + dt.timedelta(days=1)))
        self.next_due.setCalendarPopup(True)
        action_layout.addWidget(self.next_action, 1)
        action_layout.addWidget(self.next_due)
        self._add(form, "next_action", self.tr("Next action"), action_row)

        self.tags = QLineEdit(", ".join(data.get("tags", [])))
        self.tags.setPlaceholderText(self.tr("comma-separated, e.g. VIP, Upsell"))
        self._add(form, "tags", self.tr("Tags"), self.tags)

        self.notes = QPlainTextEdit(data.get("notes", ""))
        self.notes.setMaximumHeight(90)
        self._add(form, "notes", self.tr("Notes"), self.notes)

        # Milestones: the stage playbooks' planned actions and other activities of the deal.
        # A short fixed list per deal, so a QListWidget of checkable items is the right tool.
        self.milestones = QListWidget()
        self.milestones.setMaximumHeight(120)
        self._milestones_before: dict[int, bool] = {}
        for activity_id, subject, due, done, _ in (
            services.deals.milestones(deal_id) if deal_id else []
        ):
            label = subject + (f" · {fmt.date(due)}" if due else "")
            item = QListWidgetItem(label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, activity_id)
            self.milestones.addItem(item)
            self._milestones_before[activity_id] = done
        if self._milestones_before:
            self._add(form, "milestones", self.tr("Milestones"), self.milestones)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.general_error = QLabel()
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.saved_result: dict | None = None

    def _add(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(1)
        col.addWidget(widget)
        error = QLabel()
        error.setWordWrap(True)
        error.setStyleSheet(
            "color: palette(highlighted-text); background: #c62828; "
            "padding: 1px 4px; border-radius: 3px;"
        )
        error.hide()
        col.addWidget(error)
        self.errors[key] = error
        form.addRow(label, box)
        widget.setAccessibleName(label)

    def _load_contacts(self, company_name: str) -> None:
        current = self.contact.currentText()
        self.contact.clear()
        company_id = self.services.companies.find_by_name(company_name) if company_name else None
        if company_id:
            self.contact.addItems([row[1] for row in self._queries.contacts_of(company_id)])
        self.contact.setCurrentText(current)

    def _stage_probability(self) -> int:
        stage_id = self.stage.currentData()
        return next((p for s, _, p, _ in self._stages if s == stage_id), 0)

    def _show_stage_default(self) -> None:
        self.stage_default.setText(
            self.tr("Stage default: %1 %").replace("%1", str(self._stage_probability()))
        )

    # ---- validation and saving -----------------------------------------------------------
    def values(self) -> dict | None:
        """The form as service arguments, or None after marking every invalid field."""
        for label in self.errors.values():
            label.hide()
        problems = {}
        if not self.title.text().strip():
            problems["title"] = self.tr("Title must not be empty.")
        value = 0
        if self.value.text().strip():
            try:
                value = parse_amount(self.value.text())
                if value < 0:
                    problems["value"] = self.tr("Value must not be negative.")
            except AmountTooLarge:
                problems["value"] = self.tr("Value must be at most %1").replace(
                    "%1", fmt.money(MAX_MINOR, self.services.currency())
                )
            except ValueError:
                problems["value"] = self.tr("Value must be an amount such as %1").replace(
                    "%1", fmt.money(123456, self.services.currency())
                )
        if self.contact.currentText().strip() and not self.company.currentText().strip():
            problems["contact"] = self.tr("A contact belongs to a company: choose one first.")
        for key, message in problems.items():
            self.errors[key].setText(message)
            self.errors[key].show()
        if problems:
            return None
        close = self.close_date.date().toPython() if self.has_close.isChecked() else None
        action = self.next_action.text().strip()
        return {
            "title": self.title.text().strip(),
            "company_name": self.company.currentText().strip(),
            "contact_name": self.contact.currentText().strip(),
            "value_minor": value,
            "stage_id": self.stage.currentData(),
            "expected_close": close,
            "probability": self.probability.value() if self.override.isChecked() else None,
            "notes": self.notes.toPlainText(),
            "tags": [t.strip() for t in self.tags.text().split(",") if t.strip()],
            "next_action": (action, self.next_due.date().toPython()) if action else None,
            "milestones": self._milestone_changes(),
        }

    def _milestone_changes(self) -> dict[int, bool]:
        changes = {}
        for row in range(self.milestones.count()):
            item = self.milestones.item(row)
            activity_id = item.data(Qt.ItemDataRole.UserRole)
            done = item.checkState() == Qt.CheckState.Checked
            if done != self._milestones_before[activity_id]:
                changes[activity_id] = done
        return changes

    def accept(self) -> None:
        values = self.values()
        if values is None:
            return
        self.pending_values = values
        super().accept()

    def save(self) -> dict:
        """Called by the caller inside an undo step; raises ServiceError on refusal."""
        return self.services.deals.save(self.deal_id, **self.pending_values)


__all__ = ["DealEditor", "ServiceError"]
