"""Adds the funnel, companies, contacts, next-actions and reports views to the main window
and wires their cross-links (a funnel bar opens its companies, a next action its deal)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

from app.ui.actions.view import NextActionsView
from app.ui.companies.contacts import ContactsView
from app.ui.companies.view import CompaniesView
from app.ui.funnel.view import FunnelView
from app.ui.reports.pane import ReportsPane


def add_views(window) -> None:
    services, stack = window.services, window.undo_stack
    funnel = FunnelView(services, stack)
    companies = CompaniesView(services, stack)
    contacts = ContactsView(services, stack)
    actions = NextActionsView(services, stack)
    reports = ReportsPane(services, stack)  # pyqtgraph loads on its first show, not here
    window.add_view(
        "funnel", QCoreApplication.translate("Views", "Funnel"), funnel, QKeySequence("Ctrl+2")
    )
    window.add_view(
        "companies",
        QCoreApplication.translate("Views", "Companies"),
        companies,
        QKeySequence("Ctrl+3"),
    )
    window.add_view(
        "contacts",
        QCoreApplication.translate("Views", "Contacts"),
        contacts,
        QKeySequence("Ctrl+4"),
    )
    window.add_view(
        "actions",
        QCoreApplication.translate("Views", "Next actions"),
        actions,
        QKeySequence("Ctrl+5"),
    )
    window.add_view(
        "reports", QCoreApplication.translate("Views", "Reports"), reports, QKeySequence("Ctrl+6")
    )

    def open_cohort(company_filter, description: str) -> None:
        companies.show_cohort(company_filter, description)
        window.show_view("companies")

    def open_company(company_id: int) -> None:
        companies.show_company(company_id)
        window.show_view("companies")

    def open_deal(deal_id: int) -> None:
        window.show_view("board")
        window.board.select_deal(deal_id)
        window.edit_deal(deal_id)

    def open_spend() -> None:
        from app.ui.dialogs.spend import SpendDialog

        SpendDialog(services, window).exec()

    funnel.cohortRequested.connect(open_cohort)
    funnel.spendRequested.connect(open_spend)
    contacts.companyRequested.connect(open_company)
    actions.companyRequested.connect(open_company)
    actions.dealRequested.connect(open_deal)
    companies.dealRequested.connect(open_deal)
    window.file_menu.insertAction(
        window.file_menu_extra,
        _action(
            window,
            QCoreApplication.translate("Views", "Export report as PDF…"),
            lambda: reports.export("pack"),
        ),
    )


def _action(window, text: str, slot):
    from PySide6.QtGui import QAction

    action = QAction(text, window)
    action.triggered.connect(slot)
    return action
