"""Adds the funnel, companies, contacts, next-actions and reports views to the main window
and wires their cross-links (a funnel bar opens its companies, a next action its deal).

Views other than the board are built when first shown: start-up paints the board only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QVBoxLayout, QWidget


class Deferred(QWidget):
    """Stands in for a view in the window's stack and builds it on first show (or request)."""

    def __init__(self, factory: Callable[[], QWidget], wire: Callable[[QWidget], None]):
        super().__init__()
        self._factory, self._wire, self._view = factory, wire, None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def view(self) -> QWidget:
        if self._view is None:
            self._view = self._factory()
            self.layout().addWidget(self._view)
            self._wire(self._view)
        return self._view

    def showEvent(self, event) -> None:
        self.view()
        super().showEvent(event)

    def __getattr__(self, name: str):
        # focus_find and the like reach the real view (built on demand).
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.view(), name)


def _lazy(module: str, name: str):
    """The view class, imported when the view is first built (start-up imports the board)."""

    def load(*args):
        import importlib

        return getattr(importlib.import_module(module), name)(*args)

    return load


def add_views(window) -> None:
    FunnelView = _lazy("app.ui.funnel.view", "FunnelView")
    CompaniesView = _lazy("app.ui.companies.view", "CompaniesView")
    ContactsView = _lazy("app.ui.companies.contacts", "ContactsView")
    NextActionsView = _lazy("app.ui.actions.view", "NextActionsView")
    ReportsPane = _lazy("app.ui.reports.pane", "ReportsPane")
    services, stack = window.services, window.undo_stack
    views: dict[str, Deferred] = {}

    def open_cohort(company_filter, description: str) -> None:
        views["companies"].view().show_cohort(company_filter, description)
        window.show_view("companies")

    def open_company(company_id: int) -> None:
        views["companies"].view().show_company(company_id)
        window.show_view("companies")

    def open_deal(deal_id: int) -> None:
        window.show_view("board")
        window.board.select_deal(deal_id)
        window.edit_deal(deal_id)

    def open_spend() -> None:
        from app.ui.dialogs.spend import SpendDialog

        SpendDialog(services, window).exec()

    def wire_funnel(view) -> None:
        view.cohortRequested.connect(open_cohort)
        view.spendRequested.connect(open_spend)

    def wire_companies(view) -> None:
        view.dealRequested.connect(open_deal)

    def wire_links(view) -> None:
        view.companyRequested.connect(open_company)
        if hasattr(view, "dealRequested"):
            view.dealRequested.connect(open_deal)

    specs = [
        (
            "funnel",
            QCoreApplication.translate("Views", "Funnel"),
            FunnelView,
            wire_funnel,
            "Ctrl+2",
        ),
        (
            "companies",
            QCoreApplication.translate("Views", "Companies"),
            CompaniesView,
            wire_companies,
            "Ctrl+3",
        ),
        (
            "contacts",
            QCoreApplication.translate("Views", "Contacts"),
            ContactsView,
            wire_links,
            "Ctrl+4",
        ),
        (
            "actions",
            QCoreApplication.translate("Views", "Next actions"),
            NextActionsView,
            wire_links,
            "Ctrl+5",
        ),
        (
            "reports",
            QCoreApplication.translate("Views", "Reports"),
            ReportsPane,
            lambda view: None,
            "Ctrl+6",
        ),
    ]
    for key, title, cls, wire, shortcut in specs:
        views[key] = Deferred(lambda cls=cls: cls(services, stack), wire)
        window.add_view(key, title, views[key], QKeySequence(shortcut))

    export = QAction(QCoreApplication.translate("Views", "Export report as PDF…"), window)
    export.triggered.connect(lambda: views["reports"].view().export("pack"))
    window.file_menu.insertAction(window.file_menu_extra, export)
