"""Undo images through QUndoStack: create, move, win and edit are undone exactly."""

from PySide6.QtGui import QUndoStack

from app.storage.models import Deal, StageHistory
from app.ui.undo import run_undoable


def dump():
    return list(Deal.select().dicts()), list(StageHistory.select().dicts())


def test_create_and_move_undo_redo(qapp, services):
    stack = QUndoStack()
    q, m, *_ = [s for s, *_ in services.stages.pipeline_stages(1)]
    empty = dump()
    deal = run_undoable(
        stack, services, "New deal", lambda: {"deals": [services.deals.create("A")]}
    )["deals"][0]
    created = dump()
    run_undoable(stack, services, "Move", lambda: services.deals.move([deal], m), [deal])
    moved = dump()
    stack.undo()
    assert dump() == created
    stack.undo()
    assert dump() == empty
    stack.redo()
    assert dump() == created
    stack.redo()
    assert dump() == moved


def test_an_undo_step_of_several_writes_is_written_whole_or_not_at_all(qapp, services):
    """The company editor saves fields and tags as several service calls in one step: a
    failure in a later call must not leave the earlier ones written."""
    import pytest

    from app.services import ServiceError
    from app.storage.models import Company

    stack = QUndoStack()
    company = services.companies.create("Alt GmbH")

    def save() -> None:
        services.companies.update(company, name="Neu GmbH")
        services.companies.add_tag([company], "VIP")
        raise ServiceError("a later write refused")

    with pytest.raises(ServiceError):
        run_undoable(stack, services, "Edit company", save, company_ids=[company])
    assert Company.get_by_id(company).name == "Alt GmbH"
    assert services.db.execute_sql("SELECT COUNT(*) FROM company_tag").fetchone() == (0,)
    assert stack.count() == 0
