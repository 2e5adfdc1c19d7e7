"""Undo for every write: a QUndoCommand holding exact before/after images of the rows it touched."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.services import Services, state


class ImageCommand(QUndoCommand):
    """Undo restores the before image, redo the after image; the write itself already ran."""

    def __init__(self, services: Services, text: str, before: state.Image, after: state.Image):
        super().__init__(text)
        self._services, self._before, self._after = services, before, after
        self._done = True  # pushed after the write committed: the first redo is a no-op

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        state.restore(self._services, self._after)

    def undo(self) -> None:
        state.restore(self._services, self._before)


def run_undoable(
    stack: QUndoStack,
    services: Services,
    text: str,
    action: Callable[[], object],
    deal_ids: Iterable[int] = (),
    company_ids: Iterable[int] = (),
) -> object:
    """Run a service call (or several, in one transaction) and push its undo step; if the
    call raises, nothing was written and nothing is pushed.

    `action` may return {"deals": [...], "companies": [...]} naming rows it created, so
    that undo removes them again. Otherwise its result is returned unchanged.
    """
    deal_ids, company_ids = list(deal_ids), list(company_ids)
    # A deal's write can move its company (winning makes it a customer): image both.
    company_ids += [c for c in services.deals.company_ids(deal_ids) if c not in company_ids]
    before = state.capture(deal_ids, company_ids)
    with services.transaction():  # an action of several writes is kept whole or not at all
        result = action()
    created = result if isinstance(result, dict) else {}
    new_deals, new_companies = created.get("deals", []), created.get("companies", [])
    if new_deals or new_companies:
        # Rows created by the call did not exist before: the before image lists their ids
        # with no rows, so undo deletes them.
        before = state.Image(
            tuple(sorted({*before.deal_ids, *new_deals})),
            tuple(sorted({*before.company_ids, *new_companies})),
            before.rows,
        )
    after = state.capture(before.deal_ids, before.company_ids)
    stack.push(ImageCommand(services, text, before, after))
    return result


def try_undoable(
    stack: QUndoStack,
    services: Services,
    text: str,
    action: Callable[[], object],
    deal_ids: Iterable[int] = (),
    company_ids: Iterable[int] = (),
) -> str | None:
    """run_undoable for a view: None when it was written, else what to tell the user —
    a refused input's own message, or, when the file could not be written (locked,
    read-only, full), what that means, in the user's language. Nothing was written then."""
    import peewee

    from app.services import ServiceError
    from app.ui.errors import describe, refusal

    try:
        run_undoable(stack, services, text, action, deal_ids, company_ids)
    except ServiceError as exc:
        return refusal(exc)
    except (peewee.DatabaseError, OSError) as exc:
        return QCoreApplication.translate("undo", "The change could not be saved: %1").replace(
            "%1", describe(exc)
        )
    return None
