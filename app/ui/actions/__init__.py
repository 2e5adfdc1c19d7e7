"""Next actions: everything due, overdue and upcoming, with quick done and reschedule."""

from app.ui.actions.view import NextActionsView

__all__ = ["NextActionsView"]
