"""Acquisition spend per channel and month (for CAC), with specific messages for bad input."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Qt
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
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.money import MAX_MINOR, AmountTooLarge, parse_amount
from app.domain.periods import month_start
from app.services import ServiceError, Services
from app.services.company_queries import CompanyQueries
from app.ui import format as fmt
from app.ui.companies.common import RowsModel
from app.ui.errors import refusal
from app.ui.theme import warning_color

# Larger than any plausible monthly spend: almost certainly a typing slip.
MAX_SPEND_MINOR = 100_000_000_00


class SpendDialog(QDialog):
    """Enter or correct one channel's spend in one month; the table lists what is entered."""

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._locale = QLocale()
        self._currency = services.currency()
        self.setWindowTitle(self.tr("Acquisition spend"))
        self.resize(560, 520)

        self.channel = QComboBox()
        self.channel.setEditable(True)
        self.channel.lineEdit().setPlaceholderText(self.tr("e.g. LinkedIn"))
        self.month = QDateEdit()
        self.month.setDisplayFormat("MM/yyyy")
        self.month.setCalendarPopup(True)
        self.month.setDate(QDate.currentDate())
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(fmt.money(125000, self._currency, self._locale))
        self.amount.returnPressed.connect(self._save_clicked)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self._save_clicked)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Month"), self.month)
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount, 1)
        amount_row.addWidget(self.save_button)
        form.addRow(self.tr("Amount"), amount_row)
        form.addRow(self.error)

        self.model = RowsModel(
            [self.tr("Month"), self.tr("Channel"), self.tr("Amount")],
            self._cell,
            self,
            alignment=lambda c: (
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                if c == 2
                else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            ),
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.clicked.connect(self._load_row)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Entered so far (newest first); click one to change it:")))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.reload()

    # ---- data ----------------------------------------------------------------------------
    def reload(self) -> None:
        rows = self._services.catalog.spend()
        # The (row id) column RowsModel expects first: (month, channel) identifies an entry.
        self.model.set_rows(
            [((m, c), _date(m), c, a) for c, m, a in sorted(rows, key=lambda r: r[1], reverse=True)]
        )
        current = self.channel.currentText()
        channels = sorted(
            {c for c, _, _ in rows} | set(CompanyQueries(self._services).sources()),
            key=str.casefold,
        )
        self.channel.blockSignals(True)
        self.channel.clear()
        self.channel.addItems(channels)
        self.channel.setEditText(current)
        self.channel.blockSignals(False)

    def _cell(self, r: tuple, column: int):
        _key, month, channel, amount = r
        if column == 0:
            return self._locale.toString(QDate(month.year, month.month, 1), "MMMM yyyy")
        if column == 1:
            return channel
        return fmt.money(amount, self._currency, self._locale)

    def _load_row(self, index) -> None:
        r = self.model.row_at(index.row())
        if r is None:
            return
        _key, month, channel, amount = r
        self.channel.setEditText(channel)
        self.month.setDate(QDate(month.year, month.month, 1))
        self.amount.setText(fmt.money(amount, self._currency, self._locale))
        self._show_error("")

    # ---- validation and saving -----------------------------------------------------------
    def validate(self, channel: str, text: str) -> tuple[int | None, str]:
        """(amount in minor units, "") or (None, the message saying what is wrong)."""
        if not channel.strip():
            return None, self.tr("Enter the channel the money was spent on, e.g. LinkedIn.")
        if not text.strip():
            return None, self.tr("Enter an amount, e.g. 1,250.00.")
        try:
            minor = parse_amount(text)
            shown = fmt.money(minor, self._currency, self._locale)
        except AmountTooLarge:  # beyond any amount we store: the same slip as below, as typed
            minor, shown = MAX_MINOR + 1, text.strip()
        except ValueError:
            return None, self.tr(
                '"%1" is not an amount. Write it like 1,234.56 or 1.234,56, at most two decimals.'
            ).replace("%1", text.strip())
        if minor < 0:
            return None, self.tr("Spend cannot be negative.")
        if minor > MAX_SPEND_MINOR:
            return None, self.tr(
                "%1 is more than %2 in one month: please check the amount."
            ).replace("%1", shown).replace(
                "%2", fmt.money(MAX_SPEND_MINOR, self._currency, self._locale)
            )
        return minor, ""

    def submit(self, channel: str, month: dt.date, text: str) -> bool:
        """Save one entry; on bad input show why, write nothing and return False."""
        minor, problem = self.validate(channel, text)
        if minor is None:
            self._show_error(problem)
            return False
        try:
            self._services.catalog.set_spend(channel.strip(), month_start(month), minor)
        except ServiceError as exc:
            self._show_error(refusal(exc))
            return False
        self._show_error("")
        self.amount.clear()
        self.reload()
        return True

    def _save_clicked(self) -> None:
        self.submit(self.channel.currentText(), self.month.date().toPython(), self.amount.text())

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setStyleSheet(f"color: {warning_color(self.palette()).name()}")
        self.error.setVisible(bool(text))

    def error_text(self) -> str:
        return self.error.text() if self.error.isVisibleTo(self) else ""


def _date(value) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
