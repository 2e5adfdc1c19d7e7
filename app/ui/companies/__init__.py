"""Companies (the funnel's prospects): the table view, a company's detail and the contacts list."""

from app.ui.companies.contacts import ContactsView
from app.ui.companies.detail import CompanyDetail
from app.ui.companies.view import CompaniesView

__all__ = ["CompaniesView", "CompanyDetail", "ContactsView"]
